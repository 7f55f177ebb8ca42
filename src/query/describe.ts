// Turns graph nodes and edges into the plain result objects of the query API.
import type { EventNode, KgGraph } from '../graph/model.js';
import type { Source } from '../types.js';
import { spanOfDate, type DaySpan } from './dates.js';
import type { Entity, EntityRef, EventResult } from './types.js';

/** Key, label and kind of a node. */
export function describeRef(graph: KgGraph, key: string): EntityRef {
  const node = graph.getNodeAttributes(key);
  return { key, label: node.label, kind: node.kind };
}

/** A node with its names, articles, country and roles. */
export function describeEntity(graph: KgGraph, key: string): Entity {
  const node = graph.getNodeAttributes(key);
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

/** An event with its participants (by participant edge), location and sources. */
export function describeEvent(graph: KgGraph, key: string): EventResult {
  const node = eventNode(graph, key);
  const participants = graph
    .inEdges(key)
    .filter((edge) => graph.getEdgeAttribute(edge, 'relation') === 'participant')
    .map((edge) => ({ ...describeRef(graph, graph.source(edge)), role: graph.getEdgeAttribute(edge, 'role') }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const locationEdge = graph.outEdges(key).find((edge) => graph.getEdgeAttribute(edge, 'relation') === 'location');
  const location = locationEdge
    ? { key: graph.target(locationEdge), label: graph.getNodeAttribute(graph.target(locationEdge), 'label') }
    : node.location === null
      ? null
      : { key: null, label: node.location };
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
    participants,
    location,
    sources: sortSources(node.sources),
  };
}

/** The days an event may fall on: [dateStart, dateEnd], else the days its date denotes; null when undated. */
export function spanOfEvent(node: EventNode): DaySpan | null {
  if (node.dateStart !== null) return { start: node.dateStart, end: node.dateEnd ?? node.dateStart };
  return node.date === null ? null : spanOfDate(node.date);
}

/** Sources without repeats, by article then offset. */
export function sortSources(sources: readonly Source[]): Source[] {
  const unique = new Map<string, Source>();
  for (const source of sources) unique.set(`${source.article}\u0000${source.start}\u0000${source.end}`, { ...source });
  return [...unique.values()].sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start);
}

/** The event node at `key`; throws when the key is not an event (a programming fault, not a user one). */
export function eventNode(graph: KgGraph, key: string): EventNode {
  const node = graph.getNodeAttributes(key);
  if (node.kind !== 'event') throw new Error(`${key} is a ${node.kind}, not an event`);
  return node;
}
