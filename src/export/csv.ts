// CSV export: nodes.csv and edges.csv (RFC 4180), structured values as JSON in a cell, plus the flat helper fields;
// articles.csv (one row per article) and sources.csv (one row per sentence an event is reported in).
import { articleKey, type EventNode, type GraphArticle, type KgGraph } from '../graph/model.js';
import type { Source } from '../types.js';
import { flattenEdges, flattenNodes, formatScalar, inferColumns, type FlatEdge, type FlatNode, type Scalar } from './fields.js';

/** The files of the CSV export, by name: nodes.csv (id + node columns), edges.csv (id, source, target + edge columns), articles.csv and sources.csv. */
export function writeCsv(graph: KgGraph): Record<string, Iterable<string>> {
  const nodes = [...flattenNodes(graph)];
  const edges = [...flattenEdges(graph)];
  const nodeColumns = inferColumns(nodes.map((node) => node.fields), 'node').map((column) => column.name);
  const edgeColumns = inferColumns(edges.map((edge) => edge.fields), 'edge').map((column) => column.name);
  return {
    'nodes.csv': writeRows(nodeCsvHeader(nodeColumns), nodes.map((node) => nodeCsvRow(node, nodeColumns))),
    'edges.csv': writeRows(edgeCsvHeader(edgeColumns), edges.map((edge) => edgeCsvRow(edge, edgeColumns))),
    'articles.csv': writeRows(ARTICLE_HEADER, articleRows(graph)),
    'sources.csv': writeRows(SOURCE_HEADER, sourceRows(graph)),
  };
}

export const nodeCsvHeader = (columns: string[]): string[] => ['id', ...columns];
export const edgeCsvHeader = (columns: string[]): string[] => ['id', 'source', 'target', ...columns];
export const nodeCsvRow = (node: FlatNode, columns: string[]): (Scalar | null)[] => [node.key, ...columns.map((name) => node.fields[name])];
export const edgeCsvRow = (edge: FlatEdge, columns: string[]): (Scalar | null)[] => [edge.id, edge.source, edge.target, ...columns.map((name) => edge.fields[name])];

export const ARTICLE_HEADER = ['id', 'key', 'title', 'url', 'source', 'published', 'publishedSource', 'textFile', 'hash', 'events', 'sentences'];
export const SOURCE_HEADER = ['event', 'eventLabel', 'eventType', 'date', 'dateStart', 'dateEnd', 'article', 'title', 'url', 'source', 'published', 'start', 'end', 'quote'];

/** One row per article of the graph, with how many events and sentences it reports. */
function* articleRows(graph: KgGraph): Generator<(Scalar | null)[]> {
  const events = new Map<string, Set<string>>();
  const sentences = new Map<string, number>();
  graph.forEachNode((key, node) => {
    if (node.kind !== 'event') return;
    for (const s of node.sources) {
      events.set(s.article, (events.get(s.article) ?? new Set()).add(key));
      sentences.set(s.article, (sentences.get(s.article) ?? 0) + 1);
    }
  });
  for (const a of graph.getAttribute('articles')) yield articleRow(a, events.get(a.id)?.size ?? 0, sentences.get(a.id) ?? 0);
}

/** An article's row: its metadata, and how many events and sentences it reports. */
export function articleRow(a: GraphArticle, events: number, sentences: number): (Scalar | null)[] {
  return [a.id, articleKey(a.id), a.title, a.url, a.source, a.published, a.publishedSource, a.textFile, a.hash, events, sentences];
}

/** One source sentence of an event, with the article it is in (when the graph has it). */
export function sourceRow(key: string, node: Pick<EventNode, 'label' | 'eventType' | 'date' | 'dateStart' | 'dateEnd'>, s: Source, a: GraphArticle | undefined): (Scalar | null)[] {
  return [key, node.label, node.eventType, node.date, node.dateStart, node.dateEnd, s.article, a?.title ?? null, a?.url ?? null, a?.source ?? null, a?.published ?? null, s.start, s.end, s.quote];
}

/** One row per source sentence of every event, with the event and the article it is in. */
function* sourceRows(graph: KgGraph): Generator<(Scalar | null)[]> {
  const articles = new Map(graph.getAttribute('articles').map((a) => [a.id, a]));
  for (const { node: key, attributes: node } of graph.nodeEntries()) {
    if (node.kind !== 'event') continue;
    for (const s of node.sources) yield sourceRow(key, node, s, articles.get(s.article));
  }
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 asks; text cells are made safe for spreadsheets (see defuseFormula). */
export function* writeRows(header: string[], rows: Iterable<(Scalar | null | undefined)[]>): Generator<string> {
  yield csvHeader(header);
  for (const row of rows) yield csvLine(row);
}

export function csvHeader(header: string[]): string {
  return `${header.map(quoteCsv).join(',')}\r\n`;
}

export function csvLine(row: (Scalar | null | undefined)[]): string {
  return `${row.map(formatCell).join(',')}\r\n`;
}

function formatCell(value: Scalar | null | undefined): string {
  if (value === null || value === undefined) return '';
  return quoteCsv(typeof value === 'string' ? defuseFormula(value) : formatScalar(value));
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) gets a leading single
 * quote, as OWASP recommends against CSV injection; numbers are written as numbers, so a negative x stays one.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote or line break; an empty string is quoted so it differs from a missing value. */
export function quoteCsv(text: string): string {
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
