// GEXF 1.2 writer with dynamics (graphology-gexf has none and mangles values): dated events and edges carry start/end for Gephi's timeline.
import type { EdgeAttributes, KgGraph, NodeAttributes } from '../graph/model.js';
import { fieldsOf, flattenEdges, flattenNodes, formatScalar, inferColumns, type Column, type FlatRecord, type ValueType } from './fields.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

// The 1.2draft namespaces, with "www": networkx finds <graph> and the viz elements only under these exact URIs.
const GEXF_NS = 'http://www.gexf.net/1.2draft';
const VIZ_NS = 'http://www.gexf.net/1.2draft/viz';

const GEXF_TYPES: Record<ValueType, string> = { boolean: 'boolean', int: 'integer', long: 'long', double: 'double', string: 'string' };

// Shown through <viz:*> and the element's own label, so not repeated as data columns.
const NODE_VIZ_FIELDS = new Set(['label', 'x', 'y', 'size', 'color']);
const EDGE_OWN_FIELDS = new Set(['label']);

// Office edges are terms: date is when the term began, dateEnd when it ended (open when null).
const TERM_RELATIONS = new Set<EdgeAttributes['relation']>(['leader_of', 'official_of', 'member_of']);

export interface Interval {
  start: string | null;
  end: string | null;
}

/** The graph as GEXF 1.2 (mode dynamic, timeformat date), one chunk a line: deterministic, well-formed, read by Gephi, networkx and graphology-gexf. */
export function* writeGexf(graph: KgGraph): Generator<string> {
  const nodeColumns = inferColumns(fieldsOf(flattenNodes(graph, 'types')), 'node').filter((column) => !NODE_VIZ_FIELDS.has(column.name));
  const edgeColumns = inferColumns(fieldsOf(flattenEdges(graph, 'types')), 'edge').filter((column) => !EDGE_OWN_FIELDS.has(column.name));

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<gexf xmlns="${GEXF_NS}" xmlns:viz="${VIZ_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd" version="1.2">\n`;
  yield `  <meta>\n    <creator>kg</creator>\n    <description>${escapeXmlText(`kg graph, pipeline ${graph.getAttribute('pipelineVersion')}`)}</description>\n  </meta>\n`;
  yield '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">\n';
  yield declareAttributes('node', nodeColumns);
  yield declareAttributes('edge', edgeColumns);
  yield '    <nodes>\n';
  for (const node of flattenNodes(graph)) {
    const attributes = graph.getNodeAttributes(node.key);
    yield `      <node id="${escapeXmlAttribute(node.key)}" label="${escapeXmlAttribute(attributes.label)}"${writeInterval(nodeInterval(attributes))}>\n`;
    yield writeAttvalues(node.fields, nodeColumns);
    yield writeViz(attributes);
    yield '      </node>\n';
  }
  yield '    </nodes>\n    <edges>\n';
  for (const edge of flattenEdges(graph)) {
    const attributes = graph.getEdgeAttributes(edge.key);
    const interval = edgeInterval(attributes, graph.getNodeAttributes(edge.source), graph.getNodeAttributes(edge.target));
    yield `      <edge id="${escapeXmlAttribute(edge.id)}" source="${escapeXmlAttribute(edge.source)}" target="${escapeXmlAttribute(edge.target)}" label="${escapeXmlAttribute(attributes.relation)}"${writeInterval(interval)}>\n`;
    yield writeAttvalues(edge.fields, edgeColumns);
    yield '      </edge>\n';
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** When a node exists on the timeline: events over their date span; every other node is static (always there). */
export function nodeInterval(node: NodeAttributes): Interval {
  if (node.kind !== 'event') return { start: null, end: null };
  if (node.dateStart !== null) return { start: node.dateStart, end: node.dateEnd };
  return node.date !== null ? { start: startOfPeriod(node.date), end: endOfPeriod(node.date) } : { start: null, end: null };
}

/** When an edge exists on the timeline: office terms from their start to their end (open when ongoing), other edges over their date, else over their event's span. */
export function edgeInterval(edge: EdgeAttributes, source: NodeAttributes, target: NodeAttributes): Interval {
  if (TERM_RELATIONS.has(edge.relation)) {
    return { start: edge.date === null ? null : startOfPeriod(edge.date), end: edge.dateEnd === null ? null : endOfPeriod(edge.dateEnd) };
  }
  if (edge.date !== null) return { start: startOfPeriod(edge.date), end: endOfPeriod(edge.date) };
  const event = source.kind === 'event' ? source : target.kind === 'event' ? target : null;
  return event === null ? { start: null, end: null } : nodeInterval(event);
}

/** First day of an ISO date at its precision: 2024 -> 2024-01-01, 2024-07 -> 2024-07-01. */
function startOfPeriod(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Last day of an ISO date at its precision: 2024 -> 2024-12-31, 2024-02 -> 2024-02-29. */
function endOfPeriod(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number);
    // Day 0 of the next month is the last day of this one.
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

function writeInterval({ start, end }: Interval): string {
  return `${start === null ? '' : ` start="${start}"`}${end === null ? '' : ` end="${end}"`}`;
}

function declareAttributes(domain: 'node' | 'edge', columns: Column[]): string {
  const lines = columns.map((column, i) => `      <attribute id="${i}" title="${escapeXmlAttribute(column.name)}" type="${GEXF_TYPES[column.type]}"/>\n`);
  return `    <attributes class="${domain}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function writeAttvalues(fields: FlatRecord, columns: Column[]): string {
  let out = '';
  columns.forEach((column, i) => {
    const value = fields[column.name];
    if (value !== null && value !== undefined) out += `          <attvalue for="${i}" value="${escapeXmlAttribute(formatScalar(value))}"/>\n`;
  });
  return out === '' ? '' : `        <attvalues>\n${out}        </attvalues>\n`;
}

function writeViz(node: NodeAttributes): string {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(node.color);
  const color = rgb === null ? '' : `        <viz:color r="${parseInt(rgb[1], 16)}" g="${parseInt(rgb[2], 16)}" b="${parseInt(rgb[3], 16)}"/>\n`;
  return `${color}        <viz:position x="${node.x}" y="${node.y}" z="0"/>\n        <viz:size value="${node.size}"/>\n`;
}
