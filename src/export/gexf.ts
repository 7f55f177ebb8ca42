// GEXF 1.3 writer with dynamics (graphology-gexf has none and mangles values): dated events and edges carry start/end,
// entities spells from their first to their last dated event, so Gephi's timeline shows who was active when.
import type { EdgeAttributes, KgGraph, NodeAttributes, NodeKind } from '../graph/model.js';
import { fieldsOf, flattenEdges, flattenNodes, formatScalar, inferColumns, STRING_LIST_FIELDS, type Column, type FlatEdge, type FlatNode, type FlatRecord, type ValueType } from './fields.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

const GEXF_NS = 'http://gexf.net/1.3';

const GEXF_TYPES: Record<ValueType, string> = { boolean: 'boolean', int: 'integer', long: 'long', double: 'double', string: 'string' };
// Events and places have their own dates; an entity lives from its first to its last event.
const ENTITY_EVENT_RELATIONS = new Set<EdgeAttributes['relation']>(['participant', 'location']);
/** The relations whose edges give an entity its spells (entitySpells): its events', and its ties' days. */
export const SPELL_RELATIONS: readonly EdgeAttributes['relation'][] = [...ENTITY_EVENT_RELATIONS, 'interacted_with'];

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
  const head = gexfHead(graph.getAttribute('pipelineVersion'), inferColumns(fieldsOf(flattenNodes(graph, 'types')), 'node'), inferColumns(fieldsOf(flattenEdges(graph, 'types')), 'edge'));
  yield head.text;
  for (const node of flattenNodes(graph)) {
    const attributes = graph.getNodeAttributes(node.key);
    yield gexfNode(node, attributes, entitySpells(attributes.kind, entityLinks(graph, node.key)), head.nodeColumns);
  }
  yield GEXF_MIDDLE;
  for (const edge of flattenEdges(graph)) {
    const attributes = graph.getEdgeAttributes(edge.key);
    const interval = edgeInterval(attributes, graph.getNodeAttributes(edge.source), graph.getNodeAttributes(edge.target));
    const events = attributes.events ?? [];
    const spells = interactionSpells(attributes, events.every((key) => graph.hasNode(key)) ? events.map((key) => graph.getNodeAttributes(key)) : null);
    yield gexfEdge(edge, attributes, interval, spells, head.edgeColumns);
  }
  yield GEXF_TAIL;
}

/**
 * The document up to the first node, and the data columns nodes and edges are written with (the inferred columns but
 * those shown otherwise): shared with the export from PostgreSQL (src/db/graph-export.ts), as gexfNode and gexfEdge.
 */
export function gexfHead(pipelineVersion: string, nodeColumns: Column[], edgeColumns: Column[]): { text: string; nodeColumns: Column[]; edgeColumns: Column[] } {
  const nodes = nodeColumns.filter((column) => !NODE_VIZ_FIELDS.has(column.name));
  const edges = edgeColumns.filter((column) => !EDGE_OWN_FIELDS.has(column.name));
  let text = '<?xml version="1.0" encoding="UTF-8"?>\n';
  text += `<gexf xmlns="${GEXF_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd" version="1.3">\n`;
  text += `  <meta>\n    <creator>kg</creator>\n    <description>${escapeXmlText(`kg graph, pipeline ${pipelineVersion}`)}</description>\n  </meta>\n`;
  text += '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n';
  text += declareAttributes('node', nodes);
  text += declareAttributes('edge', edges);
  text += '    <nodes>\n';
  return { text, nodeColumns: nodes, edgeColumns: edges };
}

export const GEXF_MIDDLE = '    </nodes>\n    <edges>\n';
export const GEXF_TAIL = '    </edges>\n  </graph>\n</gexf>\n';

/** A <node> element: its data, its spells (entitySpells) and its appearance. */
export function gexfNode(node: FlatNode, attributes: NodeAttributes, spells: Interval[], columns: Column[]): string {
  return (
    `      <node id="${escapeXmlAttribute(node.key)}" label="${escapeXmlAttribute(attributes.label)}"${writeInterval(nodeInterval(attributes))}>\n` +
    writeAttvalues(node.fields, columns) + writeSpells(spells) + writeViz(attributes) + '      </node>\n'
  );
}

/** An <edge> element: its data, its interval (edgeInterval) and, for a tie, its spells (interactionSpells). */
export function gexfEdge(edge: FlatEdge, attributes: EdgeAttributes, interval: Interval, spells: Interval[], columns: Column[]): string {
  const weight = attributes.weight === undefined ? '' : ` weight="${attributes.weight}"`;
  return (
    `      <edge id="${escapeXmlAttribute(edge.id)}" source="${escapeXmlAttribute(edge.source)}" target="${escapeXmlAttribute(edge.target)}" label="${escapeXmlAttribute(attributes.relation)}"${weight}${writeInterval(interval)}>\n` +
    writeAttvalues(edge.fields, columns) + writeSpells(spells) + '      </edge>\n'
  );
}

/** What the timeline needs of a node: its kind and dates. */
export type TimedNode = Pick<NodeAttributes, 'kind'> & { published?: string | null; date?: string | null; dateStart?: string | null; dateEnd?: string | null };

/** An edge of an entity as its spells see it: the relation, a tie's first and last days, and the node at the other end. */
export interface EntityLink {
  relation: EdgeAttributes['relation'];
  firstDate?: string | null;
  lastDate?: string | null;
  other: TimedNode;
}

/** The edges of a node in the graph, as entitySpells takes them. */
function* entityLinks(graph: KgGraph, key: string): Generator<EntityLink> {
  for (const { attributes, source, target } of graph.edgeEntries(key)) {
    yield { relation: attributes.relation, firstDate: attributes.firstDate, lastDate: attributes.lastDate, other: graph.getNodeAttributes(source === key ? target : source) };
  }
}

/** When a node exists on the timeline: events over their date span, articles on their day; other nodes have spells (entitySpells) or are static. */
export function nodeInterval(node: TimedNode): Interval {
  if (node.kind === 'article') return { start: node.published ?? null, end: node.published ?? null };
  if (node.kind !== 'event') return { start: null, end: null };
  if (node.dateStart != null) return { start: node.dateStart, end: node.dateEnd ?? null };
  return node.date != null ? { start: startOfPeriod(node.date), end: endOfPeriod(node.date) } : { start: null, end: null };
}

/**
 * When an edge exists on the timeline: office terms from their start to their end (open when ongoing); ties and
 * reports as their endpoints do (a tie has spells, see interactionSpells); other edges over their date, else over
 * their event's span.
 */
export function edgeInterval(edge: EdgeAttributes, source: TimedNode, target: TimedNode): Interval {
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
export function entitySpells(kind: NodeKind, links: Iterable<EntityLink>): Interval[] {
  if (kind === 'event' || kind === 'article') return [];
  let first: string | null = null;
  let last: string | null = null;
  for (const link of links) {
    if (!ENTITY_EVENT_RELATIONS.has(link.relation) && link.relation !== 'interacted_with') continue;
    const { start, end } = link.relation === 'interacted_with' ? { start: link.firstDate ?? null, end: link.lastDate ?? null } : nodeInterval(link.other);
    if (start !== null && (first === null || start < first)) first = start;
    const until = end ?? start;
    if (until !== null && (last === null || until > last)) last = until;
  }
  return first === null ? [] : [{ start: first, end: last }];
}

/**
 * A tie is there while one of its dated events is: one spell per distinct event span, in date order; from its first
 * to its last day when its events are not in the graph (`events` null: a projection).
 */
export function interactionSpells(edge: EdgeAttributes, events: TimedNode[] | null): Interval[] {
  if (edge.relation !== 'interacted_with') return [];
  if (events === null) return edge.firstDate ? [{ start: edge.firstDate, end: edge.lastDate ?? edge.firstDate }] : [];
  const spans = new Map<string, Interval>();
  for (const event of events) {
    const interval = nodeInterval(event);
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
