// Neo4j export: nodes.csv, one file per label (Person.csv, Event.csv...) and relationships.csv in neo4j-admin import
// format, and import.cypher for LOAD CSV into a running database.
import type { EdgeRelation, KgGraph, NodeKind } from '../graph/model.js';
import { writeRows } from './csv.js';
import { flattenEdges, flattenNodes, inferColumns, NODE_LABELS, STRING_LIST_FIELDS, type Column, type FlatEdge, type FlatNode, type FlatRecord } from './fields.js';

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

interface Neo4jColumn {
  name: string;
  type: Neo4jType;
}

/** The files of the Neo4j export, by name: nodes.csv, <Label>.csv per label, relationships.csv (neo4j-admin headers with typed columns) and import.cypher. */
export function writeNeo4j(graph: KgGraph): Record<string, Iterable<string>> {
  const nodes = [...flattenNodes(graph)].map((node) => ({ ...node, fields: toLists(node.fields) }));
  const edges = [...flattenEdges(graph)].map((edge) => ({ ...edge, fields: toLists(edge.fields) }));
  const nodeColumns = toNeo4jColumns(inferColumns(nodes.map((node) => node.fields), 'node'), nodes.map((node) => node.fields), DROPPED_NODE_FIELDS);
  const edgeColumns = toNeo4jColumns(inferColumns(edges.map((edge) => edge.fields), 'edge'), edges.map((edge) => edge.fields), DROPPED_EDGE_FIELDS);
  const labelOf = (kind: NodeKind): string => `${ENTITY_LABEL};${NODE_LABELS[kind]}`;
  const files: Record<string, Iterable<string>> = {
    'nodes.csv': nodeFile(nodes, nodeColumns, (node) => labelOf(graph.getNodeAttribute(node.key, 'kind'))),
  };
  const kinds = [...new Set(graph.mapNodes((_key, attributes) => attributes.kind))];
  const byKind = new Map(kinds.map((kind) => [kind, nodes.filter((node) => node.fields.kind === kind)]));
  for (const kind of kinds) files[`${NODE_LABELS[kind]}.csv`] = nodeFile(byKind.get(kind)!, filled(nodeColumns, byKind.get(kind)!), () => labelOf(kind));
  files['relationships.csv'] = writeRows(
    [':START_ID', ':END_ID', ':TYPE', 'id', ...edgeColumns.map(headerOf)],
    edges.map((edge) => [edge.source, edge.target, RELATIONSHIP_TYPES[graph.getEdgeAttribute(edge.key, 'relation')], edge.id, ...edgeColumns.map((column) => edge.fields[column.name])]),
  );
  files['import.cypher'] = [writeCypher(graph, byKind, nodeColumns, edges, edgeColumns)];
  return files;
}

function nodeFile(nodes: FlatNode[], columns: Neo4jColumn[], label: (node: FlatNode) => string): Iterable<string> {
  return writeRows(['id:ID', ':LABEL', ...columns.map(headerOf)], nodes.map((node) => [node.key, label(node), ...columns.map((column) => node.fields[column.name])]));
}

/** String lists (JSON in the flat record) as neo4j-admin arrays: elements joined by the array delimiter (a delimiter inside one becomes a comma). */
function toLists(fields: FlatRecord): FlatRecord {
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

/** Typed for Neo4j: string lists become `string[]`, strings that are all ISO days `date`; the other types carry over. */
function toNeo4jColumns(columns: Column[], records: FlatRecord[], dropped: Set<string>): Neo4jColumn[] {
  return columns
    .filter((column) => !dropped.has(column.name))
    .map((column) => {
      if (STRING_LIST_FIELDS.has(column.name)) return { name: column.name, type: 'string[]' };
      if (column.type !== 'string') return { name: column.name, type: column.type };
      const values = records.map((record) => record[column.name]).filter((value) => value !== null && value !== undefined);
      const allDays = values.length > 0 && values.every((value) => typeof value === 'string' && ISO_DAY.test(value));
      return { name: column.name, type: allDays ? 'date' : 'string' };
    });
}

/** The columns some of the records fill: a person has no eventType to set. */
function filled(columns: Neo4jColumn[], records: { fields: FlatRecord }[]): Neo4jColumn[] {
  return columns.filter((column) => records.some((record) => record.fields[column.name] !== null && record.fields[column.name] !== undefined));
}

function headerOf(column: Neo4jColumn): string {
  return column.type === 'string' ? column.name : `${column.name}:${column.type}`;
}

/**
 * Constraints, then one LOAD CSV per node label (from its own file) and per relationship type present (Cypher cannot
 * take a label or type from a column), each in batches: CALL (row) { ... } IN TRANSACTIONS (Neo4j 5.23 and later;
 * the scope clause replaces the deprecated WITH row inside).
 */
function writeCypher(graph: KgGraph, byKind: Map<NodeKind, FlatNode[]>, nodeColumns: Neo4jColumn[], edges: FlatEdge[], edgeColumns: Neo4jColumn[]): string {
  const labels = [ENTITY_LABEL, ...Object.values(NODE_LABELS)];
  const statements = labels.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  for (const [kind, nodes] of byKind) {
    const label = NODE_LABELS[kind];
    statements.push(
      batched(`LOAD CSV WITH HEADERS FROM 'file:///${label}.csv' AS row`, [
        `MERGE (n:${ENTITY_LABEL}:${label} {id: row.\`id:ID\`})`,
        `SET ${filled(nodeColumns, nodes).map((column) => `n.${quoteName(column.name)} = ${readCell(column)}`).join(',\n      ')}`,
      ]),
    );
  }
  const relations = new Set(graph.mapEdges((_key, attributes) => attributes.relation));
  for (const relation of relations) {
    const type = RELATIONSHIP_TYPES[relation];
    const columns = filled(edgeColumns, edges.filter((edge) => graph.getEdgeAttribute(edge.key, 'relation') === relation));
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

