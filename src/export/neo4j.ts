// Neo4j export: nodes.csv, one file per label (Person.csv, Event.csv...) and relationships.csv in neo4j-admin import
// format, and import.cypher for LOAD CSV into a running database.
import type { EdgeRelation, KgGraph, NodeKind } from '../graph/model.js';
import { writeRows } from './csv.js';
import { ColumnInference, flattenEdges, flattenNodes, NODE_LABELS, STRING_LIST_FIELDS, type Column, type FlatEdge, type FlatNode, type FlatRecord, type Scalar } from './fields.js';

/** Every node also carries this label, so one uniqueness constraint indexes the relationship lookups by id. */
const ENTITY_LABEL = 'Entity';

/** Relationship types, UPPER_SNAKE as Neo4j names them. */
export const RELATIONSHIP_TYPES: Record<EdgeRelation, string> = {
  participant: 'PARTICIPANT_IN',
  location: 'HELD_IN',
  leader_of: 'LEADER_OF',
  official_of: 'OFFICIAL_OF',
  member_of: 'MEMBER_OF',
  located_in: 'LOCATED_IN',
  reported_in: 'REPORTED_IN',
  interacted_with: 'INTERACTED_WITH',
};

// Replaced by :LABEL and :TYPE, Neo4j's own columns.
const DROPPED_NODE_FIELDS = new Set(['labels']);
const DROPPED_EDGE_FIELDS = new Set(['label']);

// neo4j-admin's default --array-delimiter.
const ARRAY_DELIMITER = ';';
// Rows per transaction of LOAD CSV: small enough for the default heap, large enough not to crawl.
const BATCH_ROWS = 1000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Neo4jType = 'string' | 'string[]' | 'int' | 'long' | 'double' | 'boolean' | 'date';

export interface Neo4jColumn {
  name: string;
  type: Neo4jType;
}

/** The files of the Neo4j export, by name: nodes.csv, <Label>.csv per label, relationships.csv (neo4j-admin headers with typed columns) and import.cypher. */
export function writeNeo4j(graph: KgGraph): Record<string, Iterable<string>> {
  const nodes = (kind?: NodeKind): Iterable<FlatNode> => mapRecords(flattenNodes(graph, 'full', kind));
  const edges = (): Iterable<FlatEdge> => mapRecords(flattenEdges(graph));
  const summary = new Neo4jSummary();
  for (const node of nodes()) summary.addNode(node.fields);
  for (const edge of edges()) summary.addEdge(edge.fields);
  const layout = summary.layout();
  const files: Record<string, Iterable<string>> = { 'nodes.csv': writeRows(nodeHeader(layout.nodeColumns), mapRows(nodes(), (node) => nodeRow(node, layout.nodeColumns))) };
  for (const { kind, columns } of layout.kinds) files[`${NODE_LABELS[kind]}.csv`] = writeRows(nodeHeader(columns), mapRows(nodes(kind), (node) => nodeRow(node, columns)));
  files['relationships.csv'] = writeRows(relationshipHeader(layout.edgeColumns), mapRows(edges(), (edge) => relationshipRow(edge, layout.edgeColumns)));
  files['import.cypher'] = [writeCypher(layout)];
  return files;
}

function* mapRecords<T extends { fields: FlatRecord }>(records: Iterable<T>): Generator<T> {
  for (const record of records) yield { ...record, fields: toLists(record.fields) };
}

function* mapRows<T>(records: Iterable<T>, row: (record: T) => (Scalar | null)[]): Generator<(Scalar | null)[]> {
  for (const record of records) yield row(record);
}

/** The columns of the files and what import.cypher loads: every node and edge column, and those each label and relationship type fills, in order of first appearance. */
export interface Neo4jLayout {
  nodeColumns: Neo4jColumn[];
  edgeColumns: Neo4jColumn[];
  kinds: { kind: NodeKind; columns: Neo4jColumn[] }[];
  relations: { relation: EdgeRelation; columns: Neo4jColumn[] }[];
}

/**
 * What the headers and import.cypher need, gathered a record at a time (flattened records with toLists applied, in
 * graph order), so that the export from PostgreSQL (src/db/graph-export.ts) passes over rows instead of holding them.
 */
export class Neo4jSummary {
  private readonly nodes = new ColumnInference('node');
  private readonly edges = new ColumnInference('edge');
  private readonly nodeDays = new Map<string, boolean>();
  private readonly edgeDays = new Map<string, boolean>();
  private readonly kinds = new Map<NodeKind, Set<string>>();
  private readonly relations = new Map<EdgeRelation, Set<string>>();

  addNode(fields: FlatRecord): void {
    this.nodes.add(fields);
    note(fields, this.nodeDays, this.kinds, fields.kind as NodeKind);
  }

  addEdge(fields: FlatRecord): void {
    this.edges.add(fields);
    note(fields, this.edgeDays, this.relations, fields.relation as EdgeRelation);
  }

  layout(): Neo4jLayout {
    const nodeColumns = toNeo4jColumns(this.nodes.columns(), this.nodeDays, DROPPED_NODE_FIELDS);
    const edgeColumns = toNeo4jColumns(this.edges.columns(), this.edgeDays, DROPPED_EDGE_FIELDS);
    return {
      nodeColumns,
      edgeColumns,
      kinds: [...this.kinds].map(([kind, names]) => ({ kind, columns: nodeColumns.filter((column) => names.has(column.name)) })),
      relations: [...this.relations].map(([relation, names]) => ({ relation, columns: edgeColumns.filter((column) => names.has(column.name)) })),
    };
  }
}

/** Notes, per column, whether every value so far is an ISO day, and which columns the record's group fills. */
function note<G>(fields: FlatRecord, days: Map<string, boolean>, groups: Map<G, Set<string>>, group: G): void {
  let filled = groups.get(group);
  if (filled === undefined) groups.set(group, (filled = new Set()));
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    filled.add(name);
    days.set(name, (days.get(name) ?? true) && typeof value === 'string' && ISO_DAY.test(value));
  }
}

const labelOf = (kind: NodeKind): string => `${ENTITY_LABEL};${NODE_LABELS[kind]}`;

/** The header of nodes.csv and of a label's file. */
export const nodeHeader = (columns: Neo4jColumn[]): string[] => ['id:ID', ':LABEL', ...columns.map(headerOf)];
export const relationshipHeader = (columns: Neo4jColumn[]): string[] => [':START_ID', ':END_ID', ':TYPE', 'id', ...columns.map(headerOf)];

/** A node's row (toLists applied to its fields). */
export function nodeRow(node: FlatNode, columns: Neo4jColumn[]): (Scalar | null)[] {
  return [node.key, labelOf(node.fields.kind as NodeKind), ...columns.map((column) => node.fields[column.name])];
}

/** An edge's row in relationships.csv (toLists applied to its fields). */
export function relationshipRow(edge: FlatEdge, columns: Neo4jColumn[]): (Scalar | null)[] {
  return [edge.source, edge.target, RELATIONSHIP_TYPES[edge.fields.relation as EdgeRelation], edge.id, ...columns.map((column) => edge.fields[column.name])];
}

/** String lists (JSON in the flat record) as neo4j-admin arrays: elements joined by the array delimiter (a delimiter inside one becomes a comma). */
export function toLists(fields: FlatRecord): FlatRecord {
  const out: FlatRecord = { ...fields };
  for (const name of STRING_LIST_FIELDS) {
    const value = fields[name];
    if (typeof value !== 'string' || !value.startsWith('[')) continue;
    const items = (JSON.parse(value) as string[]).map((item) => item.split(ARRAY_DELIMITER).join(','));
    // An empty list is an empty cell: "" would read back as one empty string.
    out[name] = items.length > 0 ? items.join(ARRAY_DELIMITER) : null;
  }
  return out;
}

/** Typed for Neo4j: string lists become `string[]`, strings that are all ISO days `date` (`days`: whether every value of a column is one); the other types carry over. */
function toNeo4jColumns(columns: Column[], days: Map<string, boolean>, dropped: Set<string>): Neo4jColumn[] {
  return columns
    .filter((column) => !dropped.has(column.name))
    .map((column) => {
      if (STRING_LIST_FIELDS.has(column.name)) return { name: column.name, type: 'string[]' };
      if (column.type !== 'string') return { name: column.name, type: column.type };
      return { name: column.name, type: days.get(column.name) === true ? 'date' : 'string' };
    });
}

function headerOf(column: Neo4jColumn): string {
  return column.type === 'string' ? column.name : `${column.name}:${column.type}`;
}

/**
 * Constraints, then one LOAD CSV per node label (from its own file) and per relationship type present (Cypher cannot
 * take a label or type from a column), each in batches: CALL (row) { ... } IN TRANSACTIONS (Neo4j 5.23 and later;
 * the scope clause replaces the deprecated WITH row inside).
 */
export function writeCypher(layout: Neo4jLayout): string {
  const labels = [ENTITY_LABEL, ...Object.values(NODE_LABELS)];
  const statements = labels.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  for (const { kind, columns } of layout.kinds) {
    const label = NODE_LABELS[kind];
    statements.push(
      batched(`LOAD CSV WITH HEADERS FROM 'file:///${label}.csv' AS row`, [
        `MERGE (n:${ENTITY_LABEL}:${label} {id: row.\`id:ID\`})`,
        `SET ${columns.map((column) => `n.${quoteName(column.name)} = ${readCell(column)}`).join(',\n      ')}`,
      ]),
    );
  }
  for (const { relation, columns } of layout.relations) {
    const type = RELATIONSHIP_TYPES[relation];
    statements.push(
      batched(`LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\nWITH row WHERE row.\`:TYPE\` = '${type}'`, [
        // Two MATCH clauses, not one comma pattern, which Cypher reads as a cartesian product.
        `MATCH (a:${ENTITY_LABEL} {id: row.\`:START_ID\`})`,
        `MATCH (b:${ENTITY_LABEL} {id: row.\`:END_ID\`})`,
        `MERGE (a)-[r:${type} {id: row.id}]->(b)`,
        `SET ${columns.map((column) => `r.${quoteName(column.name)} = ${readCell(column)}`).join(',\n      ')}`,
      ]),
    );
  }
  const header = [
    '// kg graph for Neo4j 5.23 or later: copy the .csv files into the import folder, then run: cypher-shell -f import.cypher',
    '// (in Neo4j Browser, prefix each statement with :auto, as CALL { ... } IN TRANSACTIONS asks).',
    '// Re-running is safe: nodes and relationships are merged on id.',
  ];
  return `${[...header, '', ...statements.flatMap((statement) => [statement, ''])].join('\n')}`;
}

function batched(load: string, body: string[]): string {
  return [load, 'CALL (row) {', ...body.map((line) => `  ${line}`), `} IN TRANSACTIONS OF ${BATCH_ROWS} ROWS;`].join('\n');
}

/** The Cypher expression reading a typed CSV cell (an empty cell is null, and every conversion keeps null). */
function readCell(column: Neo4jColumn): string {
  const cell = `row.${quoteName(headerOf(column))}`;
  switch (column.type) {
    case 'int':
    case 'long':
      return `toInteger(${cell})`;
    case 'double':
      return `toFloat(${cell})`;
    case 'boolean':
      return `toBoolean(${cell})`;
    case 'date':
      return `date(${cell})`;
    case 'string[]':
      return `split(${cell}, '${ARRAY_DELIMITER}')`;
    case 'string':
      return cell;
  }
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

