// GraphML writer (graphology has none): typed keys, unique edge ids, parallel edges, JSON for structured values, APOC-ready labels.
import { toNmtoken, type KgGraph } from '../graph/model.js';
import { fieldsOf, flattenEdges, flattenGraphAttributes, flattenNodes, formatScalar, inferColumns, type Column, type FlatEdge, type FlatNode, type FlatRecord } from './fields.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

export interface Key extends Column {
  id: string;
  domain: 'graph' | 'node' | 'edge';
}

/**
 * The graph as GraphML, one chunk a line: deterministic, valid against the GraphML schema (ids are NMTOKENs, see
 * toNmtoken and exportEdgeKey), read by networkx, igraph, Gephi, yEd and Neo4j APOC (apoc.import.graphml with readLabels).
 */
export function* writeGraphml(graph: KgGraph): Generator<string> {
  const head = graphmlHead(flattenGraphAttributes(graph), inferColumns(fieldsOf(flattenNodes(graph, 'types')), 'node'), inferColumns(fieldsOf(flattenEdges(graph, 'types')), 'edge'));
  yield head.text;
  for (const node of flattenNodes(graph)) yield graphmlNode(node, head.nodeKeys);
  for (const edge of flattenEdges(graph)) yield graphmlEdge(edge, head.edgeKeys);
  yield GRAPHML_TAIL;
}

/** The <key> declarations and the graph's own data, and the keys the nodes and edges are written with: shared with the export from PostgreSQL (src/db/graph-export.ts). */
export function graphmlHead(graphFields: FlatRecord, nodeColumns: Column[], edgeColumns: Column[]): { text: string; nodeKeys: Map<string, Key>; edgeKeys: Map<string, Key> } {
  const keys: Key[] = [];
  const declare = (domain: Key['domain'], columns: Column[]): Map<string, Key> => {
    const byName = new Map<string, Key>();
    for (const column of columns) {
      const key = { ...column, domain, id: `d${keys.length}` };
      keys.push(key);
      byName.set(column.name, key);
    }
    return byName;
  };
  const graphKeys = declare('graph', inferColumns([graphFields], 'graph'));
  const nodeKeys = declare('node', nodeColumns);
  const edgeKeys = declare('edge', edgeColumns);
  let text = '<?xml version="1.0" encoding="UTF-8"?>\n';
  text += '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const key of keys) text += `  <key id="${key.id}" for="${key.domain}" attr.name="${escapeXmlAttribute(key.name)}" attr.type="${key.type}"/>\n`;
  // parse.edgeids="free": edge ids are our own keys, not canonical e0, e1...
  text += '  <graph id="kg" edgedefault="directed" parse.nodeids="free" parse.edgeids="free" parse.order="nodesfirst">\n';
  text += writeData(graphFields, graphKeys, '    ');
  return { text, nodeKeys, edgeKeys };
}

export function graphmlNode(node: FlatNode, nodeKeys: Map<string, Key>): string {
  return `    <node id="${escapeXmlAttribute(toNmtoken(node.key))}">\n${writeData(node.fields, nodeKeys, '      ')}    </node>\n`;
}

export function graphmlEdge(edge: FlatEdge, edgeKeys: Map<string, Key>): string {
  return `    <edge id="${escapeXmlAttribute(edge.id)}" source="${escapeXmlAttribute(toNmtoken(edge.source))}" target="${escapeXmlAttribute(toNmtoken(edge.target))}">\n${writeData(edge.fields, edgeKeys, '      ')}    </edge>\n`;
}

export const GRAPHML_TAIL = '  </graph>\n</graphml>\n';

/** One <data> line per value present, in key order; null values are left out (GraphML's "no value"). */
function writeData(fields: FlatRecord, keys: Map<string, Key>, indent: string): string {
  let out = '';
  for (const [name, key] of keys) {
    const value = fields[name];
    if (value === null || value === undefined) continue;
    out += `${indent}<data key="${key.id}">${escapeXmlText(formatScalar(value))}</data>\n`;
  }
  return out;
}
