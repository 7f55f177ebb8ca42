// Turns nodes and edges into the plain result objects of the query API, and orders them: shared by the in-memory
// back end (KnowledgeGraph) and the PostgreSQL one (src/db/graph-queries.ts), which only gather the nodes and edges.
import { EDGE_RELATIONS, type EdgeAttributes, type EdgeRelation, type EventNode, type Interaction, type KgGraph, type NodeAttributes } from '../graph/model.js';
import type { Source } from '../types.js';
import { spanOfDate, type DaySpan } from './dates.js';
import type { Entity, EntityRef, EventParticipant, EventResult, Neighbor, PathStep, Ranked } from './types.js';

/** Key, label and kind of a node. */
export function refOf(key: string, node: NodeAttributes): EntityRef {
  return { key, label: node.label, kind: node.kind };
}

/** A node with its names, articles, country and roles. */
export function entityOf(key: string, node: NodeAttributes): Entity {
  const country = node.kind === 'person' || node.kind === 'place' ? node.country : node.kind === 'country' ? node.iso2 : null;
  return {
    key,
    label: node.label,
    kind: node.kind,
    aliases: [...node.aliases],
    articles: [...node.articles],
    mentions: node.mentions,
    country,
    roles: node.kind === 'person' ? node.roles.map((role) => ({ ...role })) : [],
    firstSeen: node.firstSeen,
    lastSeen: node.lastSeen,
  };
}

/** An event with its participants (one per participant edge, in edge order; sorted here by label) and location (the first location edge's target, else the node's label of it). */
export function eventResultOf(key: string, node: EventNode, participants: EventParticipant[], location: { key: string; label: string } | null): EventResult {
  return {
    key,
    label: node.label,
    type: node.eventType,
    status: node.status,
    hedged: node.hedged,
    date: node.date,
    datePrecision: node.datePrecision,
    dateStart: node.dateStart,
    dateEnd: node.dateEnd,
    participants: [...participants].sort((a, b) => a.label.localeCompare(b.label)),
    location: location ?? (node.location === null ? null : { key: null, label: node.location }),
    sources: sortSources(node.sources),
  };
}

/** Date order, undated last, then type and key: the order of every event list. */
export function compareEvents(a: EventResult, b: EventResult): number {
  return (
    (a.dateStart ?? '\uffff').localeCompare(b.dateStart ?? '\uffff') ||
    (a.dateEnd ?? '\uffff').localeCompare(b.dateEnd ?? '\uffff') ||
    a.type.localeCompare(b.type) ||
    a.key.localeCompare(b.key)
  );
}

/** The days an event may fall on: [dateStart, dateEnd], else the days its date denotes; null when undated. */
export function spanOfEvent(node: Pick<EventNode, 'date' | 'dateStart' | 'dateEnd'>): DaySpan | null {
  if (node.dateStart !== null) return { start: node.dateStart, end: node.dateEnd ?? node.dateStart };
  return node.date === null ? null : spanOfDate(node.date);
}

/** The days an edge covers, seen from an entity: an edge to an event is dated by the event; office edges run from their start to their end, open while held. */
export function spanOfEdge(attributes: EdgeAttributes, other: NodeAttributes): DaySpan | null {
  if (other.kind === 'event') return spanOfEvent(other);
  if (attributes.date === null) return null;
  return { start: spanOfDate(attributes.date)?.start ?? attributes.date, end: attributes.dateEnd === null ? null : (spanOfDate(attributes.dateEnd)?.end ?? attributes.dateEnd) };
}

/** An edge at an entity, seen from it (not the projection: see tieNeighborOf). */
export function neighborOf(edge: string, attributes: EdgeAttributes, direction: 'out' | 'in', node: EntityRef): Neighbor {
  return {
    edge,
    relation: attributes.relation,
    direction,
    node,
    date: attributes.date,
    datePrecision: attributes.datePrecision,
    dateEnd: attributes.dateEnd,
    role: attributes.role,
    confidence: attributes.confidence,
    sources: sortSources(attributes.sources),
  };
}

/** A tie at an entity, its figures those of the shared events in the window. */
export function tieNeighborOf(edge: string, direction: 'out' | 'in', node: EntityRef, interaction: Interaction, sources: Source[]): Neighbor {
  return {
    edge, relation: 'interacted_with', direction, node,
    date: interaction.firstDate, datePrecision: interaction.firstDate === null ? 'unknown' : interaction.firstDate === interaction.lastDate ? 'day' : 'range',
    dateEnd: interaction.lastDate !== interaction.firstDate ? interaction.lastDate : null, role: null, confidence: null,
    sources, interaction,
  };
}

/** Relation (model order), then strongest tie, date, label. */
export function compareNeighbors(x: Neighbor, y: Neighbor): number {
  return (
    EDGE_RELATIONS.indexOf(x.relation) - EDGE_RELATIONS.indexOf(y.relation) ||
    (y.interaction?.weight ?? 0) - (x.interaction?.weight ?? 0) ||
    (x.date ?? '\uffff').localeCompare(y.date ?? '\uffff') ||
    x.node.label.localeCompare(y.node.label)
  );
}

/** The first source of each of a tie's events. */
export function tieSources(events: EventNode[]): Source[] {
  return sortSources(events.flatMap((event) => event.sources.slice(0, 1)));
}

/** One hop of a path from the edges that make it: those pointing from -> to, and those pointing back. */
export function pathStepOf(from: EntityRef, to: EntityRef, forward: EdgeAttributes[], backward: EdgeAttributes[]): PathStep {
  const edges = [...forward, ...backward];
  return {
    from,
    to,
    relations: [...new Set<EdgeRelation>(edges.map((edge) => edge.relation))],
    direction: backward.length === 0 ? 'forward' : forward.length === 0 ? 'backward' : 'both',
    sources: sortSources(edges.flatMap((edge) => edge.sources)),
  };
}

/** Best score first, then label. */
export function compareRanked(x: Ranked, y: Ranked): number {
  return y.score - x.score || x.label.localeCompare(y.label);
}

/** Sources without repeats, by article then offset. */
export function sortSources(sources: readonly Source[]): Source[] {
  const unique = new Map<string, Source>();
  for (const source of sources) unique.set(`${source.article}\u0000${source.start}\u0000${source.end}`, { ...source });
  return [...unique.values()].sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start);
}

/** Key, label and kind of a node of `graph`. */
export function describeRef(graph: KgGraph, key: string): EntityRef {
  return refOf(key, graph.getNodeAttributes(key));
}

/** A node of `graph` as find() returns it. */
export function describeEntity(graph: KgGraph, key: string): Entity {
  return entityOf(key, graph.getNodeAttributes(key));
}

/** An event of `graph` with its participants (by participant edge), location and sources. */
export function describeEvent(graph: KgGraph, key: string): EventResult {
  const participants = graph
    .inEdges(key)
    .filter((edge) => graph.getEdgeAttribute(edge, 'relation') === 'participant')
    .map((edge) => ({ ...describeRef(graph, graph.source(edge)), role: graph.getEdgeAttribute(edge, 'role') }));
  const locationEdge = graph.outEdges(key).find((edge) => graph.getEdgeAttribute(edge, 'relation') === 'location');
  const location = locationEdge ? { key: graph.target(locationEdge), label: graph.getNodeAttribute(graph.target(locationEdge), 'label') } : null;
  return eventResultOf(key, eventNode(graph, key), participants, location);
}

/** The event node at `key`; throws when the key is not an event (a programming fault, not a user one). */
export function eventNode(graph: KgGraph, key: string): EventNode {
  const node = graph.getNodeAttributes(key);
  if (node.kind !== 'event') throw new Error(`${key} is a ${node.kind}, not an event`);
  return node;
}
