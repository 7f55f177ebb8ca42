// Flat, typed columns of nodes and edges shared by every tabular and XML export: scalars as they are, arrays and objects as JSON, plus helper fields.
import { exportEdgeKey, type EdgeAttributes, type GraphAttributes, type KgGraph, type NodeAttributes, type NodeKind } from '../graph/model.js';

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
  article: 'Article',
};

// Model order, so columns read naturally and do not move between builds; attributes outside the model follow, sorted.
const NODE_ORDER = [
  'kind', 'label', 'labels', 'aliases', 'aliasesText', 'articles', 'articleCount', 'mentions', 'firstSeen', 'lastSeen',
  'kbId', 'country', 'roles', 'iso2', 'iso3', 'acronym', 'placeType',
  'eventType', 'status', 'hedged', 'date', 'datePrecision', 'dateStart', 'dateEnd', 'dateEvidence', 'dateInferred', 'cancellationReported', 'location', 'participantsText',
  'title', 'url', 'source', 'published', 'publishedSource', 'textFile',
  'sources', 'sourceCount', 'firstQuote', 'firstArticle', 'x', 'y', 'size', 'color', 'community',
];
const EDGE_ORDER = [
  'label', 'relation', 'date', 'datePrecision', 'dateEnd', 'role', 'foundBy', 'confidence',
  'weight', 'count', 'byType', 'firstDate', 'lastDate', 'occurred', 'planned', 'events', 'quote', 'start', 'end',
  'sources', 'sourceCount', 'firstQuote', 'firstArticle',
];
/** Fields that hold lists of strings: GEXF's liststring, Neo4j's string[] (elsewhere a JSON array, as every structured value). */
export const STRING_LIST_FIELDS: ReadonlySet<string> = new Set(['aliases', 'articles', 'events']);
const COLUMN_ORDER = { graph: ['schemaVersion', 'pipelineVersion', 'articles'], node: NODE_ORDER, edge: EDGE_ORDER };
// Real-valued in the model: typed double even when every value in a graph happens to be whole, so the type does not change between builds.
const REAL_FIELDS = new Set(['x', 'y', 'size', 'confidence', 'weight']);

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

// Flattened lazily, and walked twice by the writers (columns, then rows): held whole, a 100,000-edge graph's records take hundreds of MB.

/**
 * How structured values are flattened: 'full' as their JSON; 'types' as an empty string, which has the same column
 * name and type for half the cost, for the pass that only infers columns.
 */
export type Flattening = 'full' | 'types';

/** Every node (of `kind`, when given) flattened, in insertion order, with its helper fields. */
export function* flattenNodes(graph: KgGraph, flattening: Flattening = 'full', kind?: NodeKind): Generator<FlatNode> {
  for (const { node, attributes } of graph.nodeEntries()) if (kind === undefined || attributes.kind === kind) yield { key: node, fields: flattenNode(attributes, flattening, () => listParticipants(graph, node)) };
}

/** Every edge flattened, in insertion order, with its helper fields and the relation as `label`. */
export function* flattenEdges(graph: KgGraph, flattening: Flattening = 'full'): Generator<FlatEdge> {
  let index = 0;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) yield { key: edge, id: exportEdgeKey(edge, index++), source, target, fields: flattenEdge(attributes, flattening) };
}

/** Labels of an event's participants, each once, in participant-edge order ("Viktor Orbán; Vladimir Putin"); null when it has none. */
export function participantsText(labels: Iterable<string>): string | null {
  const unique = new Set(labels);
  return unique.size > 0 ? [...unique].join('; ') : null;
}

/** The fields of each record. */
export function* fieldsOf(records: Iterable<{ fields: FlatRecord }>): Generator<FlatRecord> {
  for (const record of records) yield record.fields;
}

/** A node's fields with its helper fields; `participants` gives an event's participantsText. */
export function flattenNode(attributes: NodeAttributes, flattening: Flattening, participants: () => string | null): FlatRecord {
  const fields = flattenObject(attributes, flattening);
  fields.labels = `:${NODE_LABELS[attributes.kind]}`;
  fields.articleCount = attributes.articles.length;
  fields.aliasesText = attributes.aliases.join('; ');
  if (attributes.kind === 'event') {
    Object.assign(fields, describeSources(attributes.sources));
    fields.participantsText = participants();
  }
  return fields;
}

export function flattenEdge(attributes: EdgeAttributes, flattening: Flattening): FlatRecord {
  // APOC's GraphML import takes the relationship type from the edge's `label`.
  return { ...flattenObject(attributes, flattening), label: attributes.relation, ...describeSources(attributes.sources) };
}

function describeSources(sources: { article: string; quote: string }[]): FlatRecord {
  return { sourceCount: sources.length, firstQuote: sources[0]?.quote ?? null, firstArticle: sources[0]?.article ?? null };
}

function listParticipants(graph: KgGraph, event: string): string | null {
  const labels: string[] = [];
  graph.forEachInEdge(event, (_key, edge, source) => {
    if (edge.relation === 'participant') labels.push(graph.getNodeAttribute(source, 'label'));
  });
  return participantsText(labels);
}

function flattenObject(attributes: object, flattening: Flattening = 'full'): FlatRecord {
  const fields: FlatRecord = {};
  for (const [name, value] of Object.entries(attributes)) fields[name] = flattening === 'types' && value !== null && typeof value === 'object' ? '' : toScalar(value);
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

/** A graph's own attributes as one record, for a graph that is not in memory (its attributes and articles read from the database). */
export function flattenGraphRecord(attributes: GraphAttributes): FlatRecord {
  return flattenObject(attributes);
}

/** The columns present in the records, in model order then sorted, each typed from every value it takes (one pass, nothing kept). */
export function inferColumns(records: Iterable<FlatRecord>, domain: 'graph' | 'node' | 'edge'): Column[] {
  const inference = new ColumnInference(domain);
  for (const record of records) inference.add(record);
  return inference.columns();
}

/** inferColumns a record at a time, for records that arrive asynchronously (rows from the database). */
export class ColumnInference {
  private readonly seen = new Map<string, TypeEvidence>();

  constructor(private readonly domain: 'graph' | 'node' | 'edge') {}

  add(record: FlatRecord): void {
    for (const [name, value] of Object.entries(record)) {
      let evidence = this.seen.get(name);
      if (evidence === undefined) this.seen.set(name, (evidence = { present: false, boolean: true, number: true, safeInteger: true, int32: true }));
      if (value !== null && value !== undefined) noteValue(evidence, value);
    }
  }

  columns(): Column[] {
    const order = COLUMN_ORDER[this.domain];
    const known = order.filter((name) => this.seen.has(name));
    const extra = [...this.seen.keys()].filter((name) => !order.includes(name)).sort();
    return [...known, ...extra].map((name) => ({ name, type: typeFrom(name, this.seen.get(name)!) }));
  }
}

/** What the values of one column have all been so far. */
interface TypeEvidence {
  present: boolean;
  boolean: boolean;
  number: boolean;
  safeInteger: boolean;
  int32: boolean;
}

function noteValue(evidence: TypeEvidence, value: Scalar): void {
  evidence.present = true;
  if (typeof value !== 'boolean') evidence.boolean = false;
  if (typeof value !== 'number') {
    evidence.number = false;
    return;
  }
  if (!Number.isSafeInteger(value)) evidence.safeInteger = false;
  if (value < INT_MIN || value > INT_MAX) evidence.int32 = false;
}

function typeFrom(name: string, evidence: TypeEvidence): ValueType {
  if (!evidence.present) return 'string';
  if (evidence.boolean) return 'boolean';
  if (!evidence.number) return 'string';
  if (REAL_FIELDS.has(name) || !evidence.safeInteger) return 'double';
  return evidence.int32 ? 'int' : 'long';
}

/** A scalar as text: booleans as true/false, numbers in JavaScript's shortest round-trip form. */
export function formatScalar(value: Scalar): string {
  return typeof value === 'string' ? value : String(value);
}
