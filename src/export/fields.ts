// Flat, typed columns of nodes and edges shared by every tabular and XML export: scalars as they are, arrays and objects as JSON, plus helper fields.
import { exportEdgeKey, type EdgeAttributes, type KgGraph, type NodeAttributes, type NodeKind } from '../graph/model.js';

export type Scalar = string | number | boolean;
/** One node or edge as named scalar values; null is "no value" (an empty cell, an absent <data>). */
export type FlatRecord = Record<string, Scalar | null>;

/** The value types GraphML and Neo4j APOC accept (GEXF's names are mapped from these). */
export type ValueType = 'boolean' | 'int' | 'long' | 'double' | 'string';

export interface Column {
  name: string;
  type: ValueType;
}

export interface FlatNode {
  key: string;
  fields: FlatRecord;
}

export interface FlatEdge {
  /** The edge's key in the graph. */
  key: string;
  /** Its id in exports: the key, unless graphology generated it (see exportEdgeKey). */
  id: string;
  source: string;
  target: string;
  fields: FlatRecord;
}

/** Neo4j/APOC node labels, one per kind. */
export const NODE_LABELS: Record<NodeKind, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
};

// Model order, so columns read naturally and do not move between builds; attributes outside the model follow, sorted.
const NODE_ORDER = [
  'kind', 'label', 'labels', 'aliases', 'aliasesText', 'articles', 'articleCount', 'mentions', 'firstSeen', 'lastSeen',
  'kbId', 'country', 'roles', 'iso2', 'iso3', 'acronym', 'placeType',
  'eventType', 'status', 'hedged', 'date', 'datePrecision', 'dateStart', 'dateEnd', 'dateEvidence', 'location', 'participantsText',
  'sources', 'sourceCount', 'firstQuote', 'firstArticle', 'x', 'y', 'size', 'color', 'community',
];
const EDGE_ORDER = ['label', 'relation', 'date', 'datePrecision', 'dateEnd', 'role', 'confidence', 'sources', 'sourceCount', 'firstQuote', 'firstArticle'];
const COLUMN_ORDER = { graph: ['schemaVersion', 'pipelineVersion', 'articles'], node: NODE_ORDER, edge: EDGE_ORDER };
// Real-valued in the model: typed double even when every value in a graph happens to be whole, so the type does not change between builds.
const REAL_FIELDS = new Set(['x', 'y', 'size', 'confidence']);

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

/** Every node flattened, in insertion order, with its helper fields. */
export function flattenNodes(graph: KgGraph): FlatNode[] {
  return graph.mapNodes((key, attributes) => ({ key, fields: flattenNode(graph, key, attributes) }));
}

/** Every edge flattened, in insertion order, with its helper fields and the relation as `label`. */
export function flattenEdges(graph: KgGraph): FlatEdge[] {
  let index = 0;
  return graph.mapEdges((key, attributes, source, target) => ({ key, id: exportEdgeKey(key, index++), source, target, fields: flattenEdge(attributes) }));
}

function flattenNode(graph: KgGraph, key: string, attributes: NodeAttributes): FlatRecord {
  const fields = flattenObject(attributes);
  fields.labels = `:${NODE_LABELS[attributes.kind]}`;
  fields.articleCount = attributes.articles.length;
  fields.aliasesText = attributes.aliases.join('; ');
  if (attributes.kind === 'event') {
    Object.assign(fields, describeSources(attributes.sources));
    fields.participantsText = listParticipants(graph, key);
  }
  return fields;
}

function flattenEdge(attributes: EdgeAttributes): FlatRecord {
  // APOC's GraphML import takes the relationship type from the edge's `label`.
  return { ...flattenObject(attributes), label: attributes.relation, ...describeSources(attributes.sources) };
}

function describeSources(sources: { article: string; quote: string }[]): FlatRecord {
  return { sourceCount: sources.length, firstQuote: sources[0]?.quote ?? null, firstArticle: sources[0]?.article ?? null };
}

/** Labels of an event's participants, in edge order, each once ("Viktor Orbán; Vladimir Putin"); null when it has none. */
function listParticipants(graph: KgGraph, event: string): string | null {
  const labels = new Set<string>();
  graph.forEachInEdge(event, (_key, edge, source) => {
    if (edge.relation === 'participant') labels.add(graph.getNodeAttribute(source, 'label'));
  });
  return labels.size > 0 ? [...labels].join('; ') : null;
}

function flattenObject(attributes: object): FlatRecord {
  const fields: FlatRecord = {};
  for (const [name, value] of Object.entries(attributes)) fields[name] = toScalar(value);
  return fields;
}

/** Scalars as they are; arrays and objects as JSON (an empty array stays "[]", not an empty value). */
function toScalar(value: unknown): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** The graph's own attributes (schemaVersion, pipelineVersion, articles as JSON) as one record. */
export function flattenGraphAttributes(graph: KgGraph): FlatRecord {
  return flattenObject(graph.getAttributes());
}

/** The columns present in the records, in model order then sorted, each typed from every value it takes. */
export function inferColumns(records: FlatRecord[], domain: 'graph' | 'node' | 'edge'): Column[] {
  const order = COLUMN_ORDER[domain];
  const names = new Set<string>();
  for (const record of records) for (const name of Object.keys(record)) names.add(name);
  const known = order.filter((name) => names.has(name));
  const extra = [...names].filter((name) => !order.includes(name)).sort();
  return [...known, ...extra].map((name) => ({ name, type: inferType(name, records.map((record) => record[name])) }));
}

function inferType(name: string, values: (Scalar | null | undefined)[]): ValueType {
  const present = values.filter((value): value is Scalar => value !== null && value !== undefined);
  if (present.length === 0) return 'string';
  if (present.every((value) => typeof value === 'boolean')) return 'boolean';
  if (!present.every((value) => typeof value === 'number')) return 'string';
  const numbers = present as number[];
  if (REAL_FIELDS.has(name) || !numbers.every(Number.isSafeInteger)) return 'double';
  return numbers.every((n) => n >= INT_MIN && n <= INT_MAX) ? 'int' : 'long';
}

/** A scalar as text: booleans as true/false, numbers in JavaScript's shortest round-trip form. */
export function formatScalar(value: Scalar): string {
  return typeof value === 'string' ? value : String(value);
}
