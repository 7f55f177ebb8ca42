// CSV export: nodes.csv and edges.csv (RFC 4180), structured values as JSON in a cell, plus the flat helper fields.
import type { KgGraph } from '../graph/model.js';
import { flattenEdges, flattenNodes, formatScalar, inferColumns, type Scalar } from './fields.js';

/** The files of the CSV export, by name: nodes.csv (id + node columns) and edges.csv (id, source, target + edge columns). */
export function writeCsv(graph: KgGraph): Record<string, Iterable<string>> {
  const nodes = [...flattenNodes(graph)];
  const edges = [...flattenEdges(graph)];
  const nodeColumns = inferColumns(nodes.map((node) => node.fields), 'node').map((column) => column.name);
  const edgeColumns = inferColumns(edges.map((edge) => edge.fields), 'edge').map((column) => column.name);
  return {
    'nodes.csv': writeRows(['id', ...nodeColumns], nodes.map((node) => [node.key, ...nodeColumns.map((name) => node.fields[name])])),
    'edges.csv': writeRows(['id', 'source', 'target', ...edgeColumns], edges.map((edge) => [edge.id, edge.source, edge.target, ...edgeColumns.map((name) => edge.fields[name])])),
  };
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 asks. */
export function* writeRows(header: string[], rows: Iterable<(Scalar | null | undefined)[]>): Generator<string> {
  yield `${header.map(quoteCsv).join(',')}\r\n`;
  for (const row of rows) yield `${row.map((value) => (value === null || value === undefined ? '' : quoteCsv(formatScalar(value)))).join(',')}\r\n`;
}

/** RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote or line break; an empty string is quoted so it differs from a missing value. */
export function quoteCsv(text: string): string {
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
