// Neo4j export: nodes.csv and relationships.csv in neo4j-admin import format, and import.cypher for LOAD CSV into a running database.
import type { KgGraph } from '../graph/model.js';
import { writeRows } from './csv.js';
import { flattenEdges, flattenNodes, inferColumns, NODE_LABELS, type Column, type FlatNode, type FlatRecord } from './fields.js';

/** Every node also carries this label, so one uniqueness constraint indexes the relationship lookups by id. */
const ENTITY_LABEL = 'Entity';

// Replaced by :LABEL and :TYPE, Neo4j's own columns.
const DROPPED_NODE_FIELDS = new Set(['labels']);
const DROPPED_EDGE_FIELDS = new Set(['label']);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Neo4jType = 'string' | 'int' | 'long' | 'double' | 'boolean' | 'date';

interface Neo4jColumn {
  name: string;
  type: Neo4jType;
}

/** The files of the Neo4j export, by name: nodes.csv, relationships.csv (neo4j-admin headers with typed columns) and import.cypher. */
export function writeNeo4j(graph: KgGraph): Record<string, Iterable<string>> {
  const nodes = [...flattenNodes(graph)];
  const edges = [...flattenEdges(graph)];
  const nodeColumns = toNeo4jColumns(inferColumns(nodes.map((node) => node.fields), 'node'), nodes.map((node) => node.fields), DROPPED_NODE_FIELDS);
  const edgeColumns = toNeo4jColumns(inferColumns(edges.map((edge) => edge.fields), 'edge'), edges.map((edge) => edge.fields), DROPPED_EDGE_FIELDS);
  const labelOf = (key: string): string => `${ENTITY_LABEL};${NODE_LABELS[graph.getNodeAttribute(key, 'kind')]}`;
  return {
    'nodes.csv': writeRows(
      ['id:ID', ':LABEL', ...nodeColumns.map(headerOf)],
      nodes.map((node) => [node.key, labelOf(node.key), ...nodeColumns.map((column) => node.fields[column.name])]),
    ),
    'relationships.csv': writeRows(
      [':START_ID', ':END_ID', ':TYPE', 'id', ...edgeColumns.map(headerOf)],
      edges.map((edge) => [edge.source, edge.target, graph.getEdgeAttribute(edge.key, 'relation'), edge.id, ...edgeColumns.map((column) => edge.fields[column.name])]),
    ),
    'import.cypher': [writeCypher(graph, nodes, nodeColumns, edgeColumns)],
  };
}

/** Typed for Neo4j: strings that are all ISO days become `date`; the other types carry over. */
function toNeo4jColumns(columns: Column[], records: FlatRecord[], dropped: Set<string>): Neo4jColumn[] {
  return columns
    .filter((column) => !dropped.has(column.name))
    .map((column) => {
      if (column.type !== 'string') return { name: column.name, type: column.type };
      const values = records.map((record) => record[column.name]).filter((value) => value !== null && value !== undefined);
      const allDays = values.length > 0 && values.every((value) => typeof value === 'string' && ISO_DAY.test(value));
      return { name: column.name, type: allDays ? 'date' : 'string' };
    });
}

function headerOf(column: Neo4jColumn): string {
  return column.type === 'string' ? column.name : `${column.name}:${column.type}`;
}

/** Constraints, then one LOAD CSV per node label and per relationship type present: Cypher cannot take a label or type from a column. */
function writeCypher(graph: KgGraph, nodes: FlatNode[], nodeColumns: Neo4jColumn[], edgeColumns: Neo4jColumn[]): string {
  const labels = [ENTITY_LABEL, ...Object.values(NODE_LABELS)];
  const statements = labels.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  const kinds = new Set(graph.mapNodes((_key, attributes) => attributes.kind));
  for (const kind of kinds) {
    // Only the columns this kind fills: a person has no eventType to set.
    const ofKind = nodes.filter((node) => node.fields.kind === kind);
    const columns = nodeColumns.filter((column) => ofKind.some((node) => node.fields[column.name] !== null && node.fields[column.name] !== undefined));
    statements.push(
      [
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
        `WITH row WHERE row.\`:LABEL\` = '${ENTITY_LABEL};${NODE_LABELS[kind]}'`,
        `MERGE (n:${ENTITY_LABEL}:${NODE_LABELS[kind]} {id: row.\`id:ID\`})`,
        `SET ${columns.map((column) => `n.${quoteName(column.name)} = ${readCell(column)}`).join(',\n    ')};`,
      ].join('\n'),
    );
  }
  const relations = new Set(graph.mapEdges((_key, attributes) => attributes.relation));
  for (const relation of relations) {
    statements.push(
      [
        "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
        `WITH row WHERE row.\`:TYPE\` = '${relation}'`,
        `MATCH (a:${ENTITY_LABEL} {id: row.\`:START_ID\`}), (b:${ENTITY_LABEL} {id: row.\`:END_ID\`})`,
        `MERGE (a)-[r:${quoteName(relation)} {id: row.id}]->(b)`,
        `SET ${edgeColumns.map((column) => `r.${quoteName(column.name)} = ${readCell(column)}`).join(',\n    ')};`,
      ].join('\n'),
    );
  }
  const header = [
    '// kg graph for Neo4j 5: copy nodes.csv and relationships.csv into the import folder, then run: cypher-shell -f import.cypher',
    '// Re-running is safe: nodes and relationships are merged on id.',
  ];
  return `${[...header, '', ...statements.flatMap((statement) => [statement, ''])].join('\n')}`;
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
    case 'string':
      return cell;
  }
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}
