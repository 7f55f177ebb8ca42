// Which nodes and ties the mode, the filters and the time range leave visible: pure functions of the graph and the view state.
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import { PEOPLE_KINDS, computeTies, listTies, type ShownTie } from './projection.js';
import { isEventNetworkEdge } from '../../src/graph/model.js';
import type { ViewState } from './state.js';

/** An event an entity is linked to, and whether the link is weak (a participant found other than by name). */
export interface EventLink {
  event: string;
  weak: boolean;
}

/** For each entity, the events it takes part in or that took place there, and the graph's ties: built once per graph. */
export interface EventIndex {
  links: Map<string, EventLink[]>;
  ties: string[];
  /** Nodes with at least one edge of the event network: the others are isolated there (named in passing, in no event or office). */
  linked: Set<string>;
}

/** Weak participants: found through a role, a pronoun, a group, a demonym or a visit's destination, not by name. */
export const isWeakFoundBy = (foundBy: string | null | undefined): boolean => foundBy !== undefined && foundBy !== null && foundBy !== 'stated';

/** Indexes the events linked to each non-event node (participant and location edges) and lists the ties. */
export function indexEntityEvents(graph: KgGraph): EventIndex {
  const links = new Map<string, EventLink[]>();
  const linked = new Set<string>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (isEventNetworkEdge(attributes.relation)) linked.add(source).add(target);
    const participant = attributes.relation === 'participant';
    const entity = participant ? source : attributes.relation === 'location' ? target : null;
    if (entity === null) return;
    const event = participant ? target : source;
    const weak = participant && isWeakFoundBy(attributes.foundBy);
    const list = links.get(entity);
    if (list === undefined) return void links.set(entity, [{ event, weak }]);
    const known = list.find((link) => link.event === event);
    if (known === undefined) list.push({ event, weak });
    else known.weak &&= weak;
  });
  return { links, ties: listTies(graph), linked };
}

/** Last day of a YYYY-MM month, as YYYY-MM-DD. */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Whether the event's [dateStart, dateEnd] overlaps the time range; undated events follow the undated toggle, never a made-up date. */
export function isEventInTime(event: EventNode, state: Pick<ViewState, 'from' | 'to' | 'undated'>): boolean {
  if (event.dateStart === null) return state.undated;
  const end = event.dateEnd ?? event.dateStart;
  if (state.from !== null && end < `${state.from}-01`) return false;
  if (state.to !== null && event.dateStart > lastDayOfMonth(state.to)) return false;
  return true;
}

/** Whether the event passes the type, status, inferred-date and article filters and the time range. */
export function isEventShown(event: EventNode, state: ViewState): boolean {
  if (state.eventTypes !== null && !state.eventTypes.includes(event.eventType)) return false;
  if (state.statuses !== null && !state.statuses.includes(event.status)) return false;
  if (!state.inferred && event.dateInferred === true) return false;
  if (state.article !== null && !event.articles.includes(state.article)) return false;
  return isEventInTime(event, state);
}

/** Whether any filter on events is on, so that entities left with no event are hidden. */
const eventsRestricted = (state: ViewState): boolean =>
  state.eventTypes !== null || state.statuses !== null || state.from !== null || state.to !== null || !state.undated || !state.inferred || !state.weak;

export interface View {
  nodes: Set<string>;
  /** People mode: the ties shown, with the events in range; empty in the events mode. */
  ties: Map<string, ShownTie>;
}

type Adjacency = Map<string, Set<string>>;

/** The shown graph's links between visible nodes: event-network edges (weak participants per the toggle) or the shown ties. */
function adjacency(graph: KgGraph, nodes: Set<string>, ties: Map<string, ShownTie>, state: ViewState): Adjacency {
  const adjacent: Adjacency = new Map([...nodes].map((key) => [key, new Set<string>()]));
  const link = (a: string, b: string) => {
    if (!nodes.has(a) || !nodes.has(b)) return;
    adjacent.get(a)!.add(b);
    adjacent.get(b)!.add(a);
  };
  if (state.mode === 'people') {
    for (const edge of ties.keys()) link(graph.source(edge), graph.target(edge));
    return adjacent;
  }
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!isEventNetworkEdge(attributes.relation)) return;
    if (!state.weak && attributes.relation === 'participant' && isWeakFoundBy(attributes.foundBy)) return;
    link(source, target);
  });
  return adjacent;
}

/** Nodes of the k-core: repeatedly removes nodes with fewer than k neighbours left. */
export function kCore(adjacent: Adjacency, k: number): Set<string> {
  const degree = new Map([...adjacent].map(([key, neighbours]) => [key, neighbours.size]));
  const removed = new Set<string>();
  const queue = [...degree].filter(([, d]) => d < k).map(([key]) => key);
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (removed.has(key)) continue;
    removed.add(key);
    for (const neighbour of adjacent.get(key)!) {
      if (removed.has(neighbour)) continue;
      const d = degree.get(neighbour)! - 1;
      degree.set(neighbour, d);
      if (d < k) queue.push(neighbour);
    }
  }
  return new Set([...adjacent.keys()].filter((key) => !removed.has(key)));
}

/** Nodes within `depth` links of `start` (breadth first). */
function reach(adjacent: Adjacency, start: string, depth: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const key of frontier) for (const neighbour of adjacent.get(key) ?? []) if (!seen.has(neighbour)) (seen.add(neighbour), next.push(neighbour));
    frontier = next;
  }
  return seen;
}

/** The largest connected component (ties broken by the smallest key, so the answer is stable). */
export function largestComponent(adjacent: Adjacency): Set<string> {
  const seen = new Set<string>();
  let best = new Set<string>();
  for (const key of [...adjacent.keys()].sort()) {
    if (seen.has(key)) continue;
    const component = reach(adjacent, key, Infinity);
    component.forEach((k) => seen.add(k));
    if (component.size > best.size) best = component;
  }
  return best;
}

const restrict = (adjacent: Adjacency, keep: Set<string>): Adjacency =>
  new Map([...adjacent].filter(([key]) => keep.has(key)).map(([key, neighbours]) => [key, new Set([...neighbours].filter((n) => keep.has(n)))]));

/**
 * What to show. Events mode: entities and events of the kinds chosen, article nodes and projection edges never (an
 * article is read from the panel); people mode: persons, countries and organisations of the kinds chosen with a tie
 * left. Then, in order: the picked nodes only (with the events two of them share), the k-core, the largest component,
 * and the ego view around the selected node.
 */
export function computeView(graph: KgGraph, index: EventIndex, state: ViewState): View {
  const eventShown = new Map<string, boolean>();
  const shownEvent = (key: string) => {
    let shown = eventShown.get(key);
    if (shown === undefined) eventShown.set(key, (shown = isEventShown(graph.getNodeAttributes(key) as EventNode, state)));
    return shown;
  };
  const people = state.mode === 'people';
  const ties = people ? computeTies(graph, index.ties, shownEvent) : new Map<string, ShownTie>();
  const tied = new Set<string>();
  for (const edge of ties.keys()) tied.add(graph.source(edge)).add(graph.target(edge));
  const restricted = eventsRestricted(state) && state.hideIdle;
  let nodes = new Set<string>();
  graph.forEachNode((key, node) => {
    if (node.kind === 'article') return;
    if (state.kinds !== null && !state.kinds.includes(node.kind)) return;
    if (people) {
      if (PEOPLE_KINDS.includes(node.kind) && tied.has(key) && (state.article === null || node.articles.includes(state.article))) nodes.add(key);
      return;
    }
    if (node.kind === 'event') {
      if (shownEvent(key)) nodes.add(key);
      return;
    }
    if (state.article !== null && !node.articles.includes(state.article)) return;
    if (state.hideIdle && !index.linked.has(key)) return;
    if (restricted && !(index.links.get(key) ?? []).some((link) => (state.weak || !link.weak) && shownEvent(link.event))) return;
    nodes.add(key);
  });
  for (const edge of [...ties.keys()]) if (!nodes.has(graph.source(edge)) || !nodes.has(graph.target(edge))) ties.delete(edge);
  // A kind or article filter can take away every tie of an entity: the people network shows only entities with a tie.
  if (people) nodes = new Set([...ties.keys()].flatMap((edge) => [graph.source(edge), graph.target(edge)]));
  if (!people && !state.weak) nodes = dropUnlinkedEvents(graph, nodes);

  const structural = (state.onlyPicked && state.picked.length > 0) || state.core > 0 || state.largest || (state.ego > 0 && state.selected !== null);
  if (!structural) return { nodes, ties };
  let adjacent = adjacency(graph, nodes, ties, state);
  if (state.onlyPicked && state.picked.length > 0) {
    const picked = new Set(state.picked.filter((key) => nodes.has(key)));
    const keep = new Set(picked);
    // Events are the links between entities: keep those two picked nodes share.
    for (const [key, neighbours] of adjacent) if (!picked.has(key) && [...neighbours].filter((n) => picked.has(n)).length >= 2) keep.add(key);
    adjacent = restrict(adjacent, keep);
  }
  if (state.core > 0) adjacent = restrict(adjacent, kCore(adjacent, state.core));
  if (state.largest) adjacent = restrict(adjacent, largestComponent(adjacent));
  if (state.ego > 0 && state.selected !== null && adjacent.has(state.selected)) adjacent = restrict(adjacent, reach(adjacent, state.selected, state.ego));
  nodes = new Set(adjacent.keys());
  for (const edge of [...ties.keys()]) if (!nodes.has(graph.source(edge)) || !nodes.has(graph.target(edge))) ties.delete(edge);
  return { nodes, ties };
}

/** With weak participants hidden, an event none of whose remaining participants is shown goes too. */
function dropUnlinkedEvents(graph: KgGraph, nodes: Set<string>): Set<string> {
  const kept = new Set<string>();
  for (const key of nodes) {
    if (graph.getNodeAttribute(key, 'kind') !== 'event') {
      kept.add(key);
      continue;
    }
    const participants = graph.filterInEdges(key, (_edge, attributes) => attributes.relation === 'participant');
    const strong = participants.some((edge) => !isWeakFoundBy(graph.getEdgeAttribute(edge, 'foundBy')) && nodes.has(graph.source(edge)));
    if (participants.length === 0 || strong) kept.add(key);
  }
  return kept;
}

/** Keys of the nodes to show (the view's nodes). */
export function computeVisibleNodes(graph: KgGraph, index: EventIndex, state: ViewState): Set<string> {
  return computeView(graph, index, state).nodes;
}
