// Options and results of the query API: plain, JSON-serialisable objects that always carry their sources.
import type { EdgeRelation, EventNode, Interaction, NodeKind } from '../graph/model.js';
import type { DatePrecision, EventStatus, Role, Source } from '../types.js';

/** A node as results name it. */
export interface EntityRef {
  key: string;
  label: string;
  kind: NodeKind;
}

/** What find() returns: a node with the names it is known under. */
export interface Entity extends EntityRef {
  aliases: string[];
  articles: string[];
  mentions: number;
  /** People and places: ISO2 of their country; countries: their own ISO2; null otherwise or when unknown. */
  country: string | null;
  roles: Role[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** The outcome of a lookup that does not throw: the entity, or the closest names. */
export interface Lookup {
  query: string;
  entity: Entity | null;
  /** Several nodes answer to the name equally well (e.g. a surname two people share). */
  ambiguous: Entity[];
  /** Closest names by edit distance, best first, when nothing matched. */
  suggestions: Entity[];
}

export interface EventParticipant extends EntityRef {
  /** host | guest | party, as the participant edge says. */
  role: string | null;
}

/** An event as queries return it: the node's date and status fields as they are, plus its parties, place and sources. */
export interface EventResult extends Pick<EventNode, 'status' | 'hedged' | 'date' | 'datePrecision' | 'dateStart' | 'dateEnd'> {
  key: string;
  label: string;
  type: string;
  participants: EventParticipant[];
  /** Where it took place, by the location edge (or only the label when the graph has no edge for it). */
  location: { key: string | null; label: string } | null;
  sources: Source[];
}

/** Filters of events(); every given filter must hold. Entities are keys, labels or aliases. */
export interface EventFilter {
  /** One type or any of several (call, meeting, summit, visit...). */
  type?: string | string[];
  /** All of these take part. */
  participants?: string[];
  /** At least one of these takes part. */
  anyOf?: string[];
  /** The country takes part, is the location (or contains it), or a participant person is of it. */
  country?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the event's [dateStart, dateEnd] must overlap [from, to]; undated events are left out when either is given. */
  from?: string;
  to?: string;
  status?: EventStatus | EventStatus[];
  /** Reported by this article id. */
  article?: string;
}

export interface DateWindow {
  from?: string;
  to?: string;
}

export interface NeighborOptions extends DateWindow {
  relation?: EdgeRelation | EdgeRelation[];
  /** Only the entity's interacted_with ties (the projection), strongest first; without it they are left out. */
  projection?: boolean;
}

/** Two entities' tie in the projection: what their shared events add up to (within a date window when one is given). */
export interface Tie extends Interaction {
  a: EntityRef;
  b: EntityRef;
  /** The first source of each shared event. */
  sources: Source[];
}

/** One edge at the entity, seen from the entity. */
export interface Neighbor {
  edge: string;
  relation: EdgeRelation;
  /** out: entity -> node; in: node -> entity. */
  direction: 'out' | 'in';
  node: EntityRef;
  date: string | null;
  datePrecision: DatePrecision;
  dateEnd: string | null;
  role: string | null;
  confidence: number | null;
  sources: Source[];
  /** interacted_with edges: the tie's figures (within the date window when one is given). */
  interaction?: Interaction;
}

/** One hop of a path, with the edges that make it (their relations and sources). */
export interface PathStep {
  from: EntityRef;
  to: EntityRef;
  relations: EdgeRelation[];
  /** forward: the edges point from -> to (Orbán leader_of Hungary); backward: to -> from; both: some each way. */
  direction: 'forward' | 'backward' | 'both';
  sources: Source[];
}

export interface PathResult {
  /** From the first entity to the second, events included as intermediate nodes. */
  nodes: EntityRef[];
  steps: PathStep[];
  /** The events on the path, in path order. */
  events: EventResult[];
}

export interface PathOptions {
  /** Kinds the path may pass through (the two ends are always allowed); default person, country and event (organisations and places would link everyone through NATO or a capital). */
  through?: NodeKind[];
}

export type RankMetric = 'degree' | 'pagerank' | 'events';

export interface TopOptions {
  /** degree: distinct neighbours; pagerank: on the undirected view; events: events taken part in. Default degree. */
  by?: RankMetric;
  kind?: NodeKind | NodeKind[];
  /** Default 10. */
  limit?: number;
}

export interface Ranked extends EntityRef {
  score: number;
}

/** Which part of the graph subgraph() keeps: the events matching `events` with their participants and locations, plus `entities`; or a node predicate. */
export interface SubgraphFilter {
  events?: EventFilter;
  entities?: string[];
}

/** A value, or a promise of it: the in-memory back end answers at once, the PostgreSQL one asynchronously. */
export type Awaitable<T> = T | Promise<T>;

/** The questions both query back ends answer, with the same results: KnowledgeGraph (in memory) and DbKnowledgeGraph (src/db/graph-queries.ts). */
export interface GraphQueries {
  lookup(name: string): Awaitable<Lookup>;
  find(name: string): Awaitable<Entity>;
  events(filter?: EventFilter): Awaitable<EventResult[]>;
  timeline(entity: string, window?: DateWindow): Awaitable<EventResult[]>;
  interactions(a: string, b: string, window?: DateWindow): Awaitable<EventResult[]>;
  tie(a: string, b: string, window?: DateWindow): Awaitable<Tie | null>;
  neighbors(entity: string, options?: NeighborOptions): Awaitable<Neighbor[]>;
  path(a: string, b: string, options?: PathOptions): Awaitable<PathResult | null>;
  top(options?: TopOptions): Awaitable<Ranked[]>;
}
