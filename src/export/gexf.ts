// GEXF 1.3 writer with dynamics (graphology-gexf has none and mangles values): dated events and edges carry start/end,
// entities spells from their first to their last dated event, so Gephi's timeline shows who was active when.
import type { EdgeAttributes, KgGraph, NodeAttributes } from '../graph/model.js';
import { fieldsOf, flattenEdges, flattenNodes, formatScalar, inferColumns, STRING_LIST_FIELDS, type Column, type FlatRecord, type ValueType } from './fields.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

const GEXF_NS = 'http://gexf.net/1.3';

const GEXF_TYPES: Record<ValueType, string> = { boolean: 'boolean', int: 'integer', long: 'long', double: 'double', string: 'string' };
// Events and places have their own dates; an entity lives from its first to its last event.
const ENTITY_EVENT_RELATIONS = new Set<EdgeAttributes['relation']>(['participant', 'location']);

// Shown through <viz:*> and the element's own label, so not repeated as data columns.
const NODE_VIZ_FIELDS = new Set(['label', 'x', 'y', 'size', 'color']);
const EDGE_OWN_FIELDS = new Set(['label']);

// Office edges are terms: date is when the term began, dateEnd when it ended (open when null).
const TERM_RELATIONS = new Set<EdgeAttributes['relation']>(['leader_of', 'official_of', 'member_of']);

export interface Interval {
  start: string | null;
  end: string | null;
}

/**
 * The graph as GEXF 1.3 (mode dynamic, timeformat date), one chunk a line: deterministic, valid against the published
 * 1.3 schema, read by Gephi and graphology-gexf. That schema declares color, position and size in the GEXF namespace
 * itself (its viz.xsd has no namespace of its own), so they are written unprefixed; Gephi matches them by name.
 * Lists of strings (aliases, articles, events) are liststring, written as JSON arrays (Gephi's bracketed list form).
 */
export function* writeGexf(graph: KgGraph): Generator<string> {
  const nodeColumns = inferColumns(fieldsOf(flattenNodes(graph, 'types')), 'node').filter((column) => !NODE_VIZ_FIELDS.has(column.name));
  const edgeColumns = inferColumns(fieldsOf(flattenEdges(graph, 'types')), 'edge').filter((column) => !EDGE_OWN_FIELDS.has(column.name));

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<gexf xmlns="${GEXF_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd" version="1.3">\n`;
  yield `  <meta>\n    <creator>kg</creator>\n    <description>${escapeXmlText(`kg graph, pipeline ${graph.getAttribute('pipelineVersion')}`)}</description>\n  </meta>\n`;
  yield '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n';
  yield declareAttributes('node', nodeColumns);
  yield declareAttributes('edge', edgeColumns);
  yield '    <nodes>\n';
  for (const node of flattenNodes(graph)) {
    const attributes = graph.getNodeAttributes(node.key);
    yield `      <node id="${escapeXmlAttribute(node.key)}" label="${escapeXmlAttribute(attributes.label)}"${writeInterval(nodeInterval(attributes))}>\n`;
    yield writeAttvalues(node.fields, nodeColumns);
    yield writeSpells(entitySpells(graph, node.key));
    yield writeViz(attributes);
    yield '      </node>\n';
  }
  yield '    </nodes>\n    <edges>\n';
  for (const edge of flattenEdges(graph)) {
    const attributes = graph.getEdgeAttributes(edge.key);
    const interval = edgeInterval(attributes, graph.getNodeAttributes(edge.source), graph.getNodeAttributes(edge.target));
    const weight = attributes.weight === undefined ? '' : ` weight="${attributes.weight}"`;
    yield `      <edge id="${escapeXmlAttribute(edge.id)}" source="${escapeXmlAttribute(edge.source)}" target="${escapeXmlAttribute(edge.target)}" label="${escapeXmlAttribute(attributes.relation)}"${weight}${writeInterval(interval)}>\n`;
    yield writeAttvalues(edge.fields, edgeColumns);
    yield writeSpells(interactionSpells(graph, attributes));
    yield '      </edge>\n';
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** When a node exists on the timeline: events over their date span, articles on their day; other nodes have spells (entitySpells) or are static. */
export function nodeInterval(node: NodeAttributes): Interval {
  if (node.kind === 'article') return { start: node.published, end: node.published };
  if (node.kind !== 'event') return { start: null, end: null };
  if (node.dateStart !== null) return { start: node.dateStart, end: node.dateEnd };
  return node.date !== null ? { start: startOfPeriod(node.date), end: endOfPeriod(node.date) } : { start: null, end: null };
}

/**
 * When an edge exists on the timeline: office terms from their start to their end (open when ongoing); ties and
 * reports as their endpoints do (a tie has spells, see interactionSpells); other edges over their date, else over
 * their event's span.
 */
export function edgeInterval(edge: EdgeAttributes, source: NodeAttributes, target: NodeAttributes): Interval {
  if (edge.relation === 'interacted_with' || edge.relation === 'reported_in') return { start: null, end: null };
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

/**
 * An entity (not an event or article) lives from the start of its first dated event to the end of its last: one
 * spell, or none when no event is dated. Its ties' first and last days count too, for a projection without events.
 */
export function entitySpells(graph: KgGraph, key: string): Interval[] {
  const kind = graph.getNodeAttribute(key, 'kind');
  if (kind === 'event' || kind === 'article') return [];
  let first: string | null = null;
  let last: string | null = null;
  graph.forEachEdge(key, (_edge, attributes, source, target) => {
    if (!ENTITY_EVENT_RELATIONS.has(attributes.relation) && attributes.relation !== 'interacted_with') return;
    const { start, end } = attributes.relation === 'interacted_with' ? { start: attributes.firstDate ?? null, end: attributes.lastDate ?? null } : nodeInterval(graph.getNodeAttributes(source === key ? target : source));
    if (start !== null && (first === null || start < first)) first = start;
    const until = end ?? start;
    if (until !== null && (last === null || until > last)) last = until;
  });
  return first === null ? [] : [{ start: first, end: last }];
}

/** A tie is there while one of its dated events is: one spell per distinct event span, in date order; from its first to its last day when the events are not in the graph (a projection). */
export function interactionSpells(graph: KgGraph, edge: EdgeAttributes): Interval[] {
  if (edge.relation !== 'interacted_with') return [];
  const events = edge.events ?? [];
  if (!events.every((key) => graph.hasNode(key))) return edge.firstDate ? [{ start: edge.firstDate, end: edge.lastDate ?? edge.firstDate }] : [];
  const spans = new Map<string, Interval>();
  for (const key of events) {
    const interval = nodeInterval(graph.getNodeAttributes(key));
    if (interval.start !== null) spans.set(`${interval.start}|${interval.end}`, interval);
  }
  return [...spans.keys()].sort().map((k) => spans.get(k)!);
}

function writeSpells(spells: Interval[]): string {
  if (spells.length === 0) return '';
  return `        <spells>\n${spells.map((spell) => `          <spell${writeInterval(spell)}/>\n`).join('')}        </spells>\n`;
}

function writeInterval({ start, end }: Interval): string {
  return `${start === null ? '' : ` start="${start}"`}${end === null ? '' : ` end="${end}"`}`;
}

function declareAttributes(domain: 'node' | 'edge', columns: Column[]): string {
  const type = (column: Column): string => (STRING_LIST_FIELDS.has(column.name) && column.type === 'string' ? 'liststring' : GEXF_TYPES[column.type]);
  const lines = columns.map((column, i) => `      <attribute id="${i}" title="${escapeXmlAttribute(column.name)}" type="${type(column)}"/>\n`);
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
  const color = rgb === null ? '' : `        <color r="${parseInt(rgb[1], 16)}" g="${parseInt(rgb[2], 16)}" b="${parseInt(rgb[3], 16)}"/>\n`;
  return `${color}        <position x="${node.x}" y="${node.y}" z="0"/>\n        <size value="${node.size}"/>\n`;
}
