// The projection: who took part in events with whom. One interacted_with edge per pair of parties (people, countries,
// organisations) sharing events, summing them up, so "who met whom, how often, since when" needs no event walk.
import { summarize } from '../../graph/interaction.js';
import { edgeKey, type EdgeAttributes, type EventNode, type Interaction, type KgGraph } from '../../graph/model.js';
import type { Source } from '../../types.js';

const PARTY_KINDS: ReadonlySet<string> = new Set(['person', 'country', 'organization']);
// A person with their own country or office, a country with its organisation: belonging, not interaction.
const AFFILIATIONS: ReadonlySet<string> = new Set(['leader_of', 'official_of', 'member_of']);

/** Adds the interacted_with edges, derived from the participant edges: call once every event and office edge is in. */
export function addProjection(graph: KgGraph): void {
  const affiliated = affiliationsOf(graph);
  const shared = new Map<string, { a: string; b: string; events: string[] }>();
  graph.forEachNode((event, node) => {
    if (node.kind !== 'event') return;
    const parties = [...new Set(graph.inEdges(event).filter((e) => graph.getEdgeAttribute(e, 'relation') === 'participant').map((e) => graph.source(e)))]
      .filter((key) => PARTY_KINDS.has(graph.getNodeAttribute(key, 'kind')))
      .sort();
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        const [a, b] = [parties[i], parties[j]];
        if (affiliated.has(`${a}|${b}`)) continue;
        const pair = shared.get(`${a}|${b}`) ?? { a, b, events: [] };
        pair.events.push(event);
        shared.set(`${a}|${b}`, pair);
      }
    }
  });
  for (const key of [...shared.keys()].sort()) {
    const { a, b, events } = shared.get(key)!;
    const nodes = events.sort().map((e) => graph.getNodeAttributes(e) as EventNode);
    graph.addDirectedEdgeWithKey(edgeKey(a, 'interacted_with', b), a, b, interactionEdge(summarize(events, nodes), nodes));
  }
}

/** The edge: dated from the first to the last shared day, cited by the first source of each event. */
function interactionEdge(interaction: Interaction, events: EventNode[]): EdgeAttributes {
  const { firstDate, lastDate } = interaction;
  const sources: Source[] = events.flatMap((e) => e.sources.slice(0, 1));
  return {
    relation: 'interacted_with',
    date: firstDate,
    datePrecision: firstDate === null ? 'unknown' : firstDate === lastDate ? 'day' : 'range',
    dateEnd: lastDate !== firstDate ? lastDate : null,
    sources,
    confidence: null,
    role: null,
    ...interaction,
  };
}

/** Pairs "a|b" (a < b) where one belongs to the other: a person's own country, an office, a membership. */
function affiliationsOf(graph: KgGraph): Set<string> {
  const pairs = new Set<string>();
  const add = (x: string, y: string): void => {
    pairs.add(x < y ? `${x}|${y}` : `${y}|${x}`);
  };
  graph.forEachNode((key, node) => {
    if (node.kind === 'person' && node.country !== null) add(key, `country:${node.country}`);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (AFFILIATIONS.has(attributes.relation)) add(source, target);
  });
  return pairs;
}
