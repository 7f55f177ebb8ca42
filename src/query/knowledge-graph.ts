// KnowledgeGraph: the query API over a built graph (find, events, timeline, interactions, neighbors, path, top, subgraph).
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { summarize } from '../graph/interaction.js';
import { createGraph, type EdgeAttributes, type EdgeRelation, type EventNode, type Interaction, type KgGraph, type NodeAttributes } from '../graph/model.js';
import type { Source } from '../types.js';
import { checkArticle, checkKinds, checkLimit, checkRelations, checkStatuses, checkTypes, countryKeyOf, DEFAULT_PATH_KINDS, DEFAULT_TOP_LIMIT, foundEntity, OFFICE_RELATIONS } from './checks.js';
import { overlapsWindow, resolveWindow } from './dates.js';
import { compareEvents, compareNeighbors, compareRanked, describeEntity, describeEvent, describeRef, eventNode, neighborOf, pathStepOf, spanOfEdge, spanOfEvent, tieNeighborOf, tieSources } from './describe.js';
import { NameIndex } from './names.js';
import { eventNetwork, rankScores } from './rank.js';
import type {
  DateWindow,
  Entity,
  EventFilter,
  EventResult,
  GraphQueries,
  Lookup,
  Neighbor,
  NeighborOptions,
  PathOptions,
  PathResult,
  Ranked,
  SubgraphFilter,
  Tie,
  TopOptions,
} from './types.js';

/** Node predicate for subgraph(). */
export type NodePredicate = (key: string, node: NodeAttributes) => boolean;

/** Queries over one graph. It indexes the graph when constructed: after changing `graph`, make a new KnowledgeGraph. */
export class KnowledgeGraph implements GraphQueries {
  private readonly names: NameIndex;
  /** Person -> the countries and organisations they are of (their country, offices held). */
  private readonly affiliations = new Map<string, Set<string>>();

  constructor(readonly graph: KgGraph) {
    this.names = new NameIndex(graph);
    graph.forEachNode((key, node) => {
      if (node.kind === 'person' && node.country !== null) this.affiliate(key, `country:${node.country}`);
    });
    graph.forEachEdge((_edge, attributes, source, target) => {
      if (OFFICE_RELATIONS.includes(attributes.relation)) this.affiliate(source, target);
    });
  }

  /** Looks a name up without throwing: the entity, the equally good candidates, or the closest names. */
  lookup(name: string): Lookup {
    const match = this.names.match(name);
    const describe = (key: string): Entity => describeEntity(this.graph, key);
    if (match.keys.length === 1) return { query: name, entity: describe(match.keys[0]), ambiguous: [], suggestions: [] };
    return { query: name, entity: null, ambiguous: match.keys.map(describe), suggestions: match.closest.map(describe) };
  }

  /** The entity a key, label or alias names; throws UsageError 'unknown-entity' (with the closest names) or 'ambiguous-entity'. */
  find(name: string): Entity {
    return foundEntity(this.lookup(name), name);
  }

  /** Events matching every given filter, in date order (undated last). */
  events(filter: EventFilter = {}): EventResult[] {
    const types = this.checkTypes(filter.type);
    const statuses = checkStatuses(filter.status);
    const all = (filter.participants ?? []).map((name) => this.find(name).key);
    const any = (filter.anyOf ?? []).map((name) => this.find(name).key);
    const country = filter.country === undefined ? null : countryKeyOf(this.find(filter.country), filter.country);
    const window = resolveWindow(filter);
    const article = filter.article === undefined ? null : checkArticle(filter.article, this.graph.getAttribute('articles').some((entry) => entry.id === filter.article));
    return this.selectEvents((key) => {
      const node = eventNode(this.graph, key);
      if (types && !types.includes(node.eventType)) return false;
      if (statuses && !statuses.includes(node.status)) return false;
      if (!overlapsWindow(spanOfEvent(node), window)) return false;
      if (article !== null && !node.sources.some((source) => source.article === article)) return false;
      const participants = this.participantsOf(key);
      if (!all.every((entity) => participants.has(entity))) return false;
      if (any.length > 0 && !any.some((entity) => participants.has(entity))) return false;
      return country === null || this.involves(key, country);
    });
  }

  /** The events an entity is involved in (as participant, location, or through its people for a country or organisation), in date order. */
  timeline(entity: string, window: DateWindow = {}): EventResult[] {
    const key = this.find(entity).key;
    const days = resolveWindow(window);
    return this.selectEvents((event) => this.involves(event, key) && overlapsWindow(spanOfEvent(eventNode(this.graph, event)), days));
  }

  /** Every event linking the two entities, dated and sourced, in date order. */
  interactions(a: string, b: string, window: DateWindow = {}): EventResult[] {
    const first = this.find(a).key;
    const second = this.find(b).key;
    const days = resolveWindow(window);
    return this.selectEvents(
      (event) => this.involves(event, first) && this.involves(event, second) && overlapsWindow(spanOfEvent(eventNode(this.graph, event)), days),
    );
  }

  /** The two entities' tie in the projection (their interacted_with edge), counting only the shared events in the window; null when they share none. */
  tie(a: string, b: string, window: DateWindow = {}): Tie | null {
    const first = this.find(a).key;
    const second = this.find(b).key;
    const days = resolveWindow(window);
    for (const edge of [...this.graph.edges(first, second), ...this.graph.edges(second, first)]) {
      const attributes = this.graph.getEdgeAttributes(edge);
      if (attributes.relation !== 'interacted_with') continue;
      const interaction = this.withinWindow(attributes, days);
      if (interaction === null) return null;
      const [x, y] = [this.graph.source(edge), this.graph.target(edge)];
      return { a: describeRef(this.graph, x), b: describeRef(this.graph, y), ...interaction, sources: this.tieSources(interaction.events) };
    }
    return null;
  }

  /** The edges at an entity, seen from it, optionally of some relations and overlapping a date window; with `projection`, its ties alone, strongest first. */
  neighbors(entity: string, options: NeighborOptions = {}): Neighbor[] {
    const key = this.find(entity).key;
    const relations = options.projection ? (['interacted_with'] as EdgeRelation[]) : checkRelations(options.relation);
    const days = resolveWindow(options);
    const result: Neighbor[] = [];
    this.graph.forEachEdge(key, (edge, attributes, source, target) => {
      // The projection sums up the events listed anyway: asked for, or left out.
      if (relations ? !relations.includes(attributes.relation) : attributes.relation === 'interacted_with') return;
      const other = source === key ? target : source;
      if (attributes.relation === 'interacted_with') {
        const interaction = this.withinWindow(attributes, days);
        if (interaction !== null) result.push(tieNeighborOf(edge, source === key ? 'out' : 'in', describeRef(this.graph, other), interaction, this.tieSources(interaction.events)));
        return;
      }
      if (!overlapsWindow(spanOfEdge(attributes, this.graph.getNodeAttributes(other)), days)) return;
      result.push(neighborOf(edge, attributes, source === key ? 'out' : 'in', describeRef(this.graph, other)));
    });
    return result.sort(compareNeighbors);
  }

  /** The shortest path between two entities on the undirected view, through people, countries and events by default; null when none. */
  path(a: string, b: string, options: PathOptions = {}): PathResult | null {
    const from = this.find(a).key;
    const to = this.find(b).key;
    const through = options.through ?? DEFAULT_PATH_KINDS;
    checkKinds(through, 'through');
    const view = eventNetwork(this.graph, (key, node) => key === from || key === to || through.includes(node.kind));
    const keys = bidirectional(view, from, to);
    if (!keys) return null;
    const attributesOf = (edges: string[]): EdgeAttributes[] => edges.map((edge) => this.graph.getEdgeAttributes(edge));
    const steps = keys.slice(1).map((key, i) =>
      pathStepOf(describeRef(this.graph, keys[i]), describeRef(this.graph, key), attributesOf(this.graph.outEdges(keys[i], key)), attributesOf(this.graph.outEdges(key, keys[i]))),
    );
    return {
      nodes: keys.map((key) => describeRef(this.graph, key)),
      steps,
      events: keys.filter((key) => this.graph.getNodeAttribute(key, 'kind') === 'event').map((key) => describeEvent(this.graph, key)),
    };
  }

  /** The highest-ranked nodes by distinct neighbours, PageRank (undirected view) or number of events, best first. */
  top(options: TopOptions = {}): Ranked[] {
    const by = options.by ?? 'degree';
    const kinds = options.kind === undefined ? null : [options.kind].flat();
    checkKinds(kinds ?? [], 'kind');
    const limit = checkLimit(options.limit ?? DEFAULT_TOP_LIMIT);
    const scores = rankScores(this.graph, by);
    return [...scores.entries()]
      .filter(([key]) => kinds === null || kinds.includes(this.graph.getNodeAttribute(key, 'kind')))
      .map(([key, score]) => ({ ...describeRef(this.graph, key), score }))
      .sort(compareRanked)
      .slice(0, limit);
  }

  /** A new graph of the same model: the matching events with their participants and locations plus the given entities, or the nodes a predicate keeps; with every edge among them. */
  subgraph(filter: SubgraphFilter | NodePredicate): KgGraph {
    const keep = new Set<string>();
    if (typeof filter === 'function') {
      this.graph.forEachNode((key, node) => {
        if (filter(key, node)) keep.add(key);
      });
    } else {
      for (const event of filter.events ? this.events(filter.events) : []) {
        keep.add(event.key);
        for (const participant of event.participants) keep.add(participant.key);
        if (event.location?.key) keep.add(event.location.key);
      }
      for (const name of filter.entities ?? []) keep.add(this.find(name).key);
    }
    const cited = new Set([...keep].flatMap((key) => this.graph.getNodeAttribute(key, 'articles')));
    const copy = createGraph({
      ...structuredClone(this.graph.getAttributes()),
      articles: this.graph.getAttribute('articles').filter((article) => cited.has(article.id)).map((article) => ({ ...article })),
    });
    for (const key of keep) copy.addNode(key, structuredClone(this.graph.getNodeAttributes(key)));
    this.graph.forEachEdge((edge, attributes, source, target) => {
      if (keep.has(source) && keep.has(target)) copy.addEdgeWithKey(edge, source, target, structuredClone(attributes));
    });
    return copy;
  }

  /** A tie's figures over its events in the window (all of them when the window is open); null when none is left. */
  private withinWindow(edge: EdgeAttributes, days: { start: string | null; end: string | null }): Interaction | null {
    const keys = (edge.events ?? []).filter((key) => this.graph.hasNode(key) && overlapsWindow(spanOfEvent(eventNode(this.graph, key)), days));
    return keys.length === 0 ? null : summarize(keys, keys.map((key) => this.graph.getNodeAttributes(key) as EventNode));
  }

  private tieSources(events: string[]): Source[] {
    return tieSources(events.map((key) => eventNode(this.graph, key)));
  }

  private affiliate(person: string, of: string): void {
    const set = this.affiliations.get(person) ?? new Set<string>();
    set.add(of);
    this.affiliations.set(person, set);
  }

  private participantsOf(event: string): Set<string> {
    const keys = new Set<string>();
    this.graph.forEachInEdge(event, (_edge, attributes, source) => {
      if (attributes.relation === 'participant') keys.add(source);
    });
    return keys;
  }

  /** Whether an entity takes part in the event, is its location, contains its location, or (a country or organisation) has one of its people taking part. */
  private involves(event: string, entity: string): boolean {
    const participants = this.participantsOf(event);
    if (participants.has(entity)) return true;
    // Where it took place: the place or country itself, or the country its place lies in. Only those edges: a country's
    // projection tie to a person does not put the person at every event held in that country.
    for (const edge of this.graph.outEdges(event)) {
      if (this.graph.getEdgeAttribute(edge, 'relation') !== 'location') continue;
      const location = this.graph.target(edge);
      if (location === entity || this.graph.edges(location, entity).some((e) => this.graph.getEdgeAttribute(e, 'relation') === 'located_in')) return true;
    }
    const kind = this.graph.getNodeAttribute(entity, 'kind');
    if (kind !== 'country' && kind !== 'organization') return false;
    return [...participants].some((participant) => this.affiliations.get(participant)?.has(entity) ?? false);
  }

  private selectEvents(keep: (key: string) => boolean): EventResult[] {
    const keys = this.graph.filterNodes((key, node) => node.kind === 'event' && keep(key));
    return keys.map((key) => describeEvent(this.graph, key)).sort(compareEvents);
  }

  private checkTypes(type: string | string[] | undefined): string[] | null {
    return checkTypes(type, this.graph.filterNodes((_key, node) => node.kind === 'event').map((key) => eventNode(this.graph, key).eventType));
  }
}
