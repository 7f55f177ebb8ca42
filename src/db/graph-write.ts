// writeGraph: stores an assembled graph in the graph tables (migration 002), replacing the one stored, in one transaction.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { exportEdgeKey, SCHEMA_VERSION, type KgGraph } from '../graph/model.js';
import { spanOfEvent } from '../query/describe.js';
import { indexedNames } from '../query/names.js';
import { eventNetwork, rankScores } from '../query/rank.js';
import { inTransaction, type Db } from './connect.js';
import { encodeText, jsonbText } from './text-codec.js';

/** The graph tables, emptied before each write. */
export const GRAPH_TABLES = ['kg.graph', 'kg.graph_articles', 'kg.graph_nodes', 'kg.graph_edges', 'kg.graph_names'] as const;

/** Rows are sent to COPY in chunks of about this many characters. */
const COPY_CHUNK = 1 << 16;

/**
 * Replaces the stored graph with `graph` in one transaction (readers see the old graph or the new one, never a mix):
 * TRUNCATE, then one COPY per table. Nodes and edges keep their order and their attributes as they are, edges under
 * the key graph.json gives them, every string encoded where text and jsonb cannot hold it (text-codec.ts: NUL, lone
 * surrogates), so readGraph gives back the same graph.json bytes. `layoutBase`: how many nodes the full layout its
 * drawing descends from placed (default: all of them, a graph laid out whole); `factsState`: the facts it was
 * assembled from (store.ts, factsState), so that an assembly of the same facts can leave it be. The date spans of events and
 * the rankings of `top` are computed here, once. The database must have the migrations applied (migrate()).
 */
export async function writeGraph(db: Db, graph: KgGraph, options: { layoutBase?: number; factsState?: string } = {}): Promise<void> {
  const network = eventNetwork(graph, () => true);
  const degree = rankScores(graph, 'degree', network);
  const pagerank = rankScores(graph, 'pagerank', network);
  const events = rankScores(graph, 'events');
  const { articles, ...attributes } = graph.getAttributes();
  await inTransaction(db, async (client) => {
    await client.query(`TRUNCATE ${GRAPH_TABLES.join(', ')}`);
    await client.query('INSERT INTO kg.graph (attributes, layout_base, facts_state) VALUES ($1, $2, $3)', [jsonbText({ ...attributes, schemaVersion: SCHEMA_VERSION }), options.layoutBase ?? graph.order, options.factsState ?? null]);
    await copy(client, 'kg.graph_articles (ord, id, attributes)', function* () {
      let ord = 0;
      for (const article of articles) yield [ord++, encodeText(article.id), jsonbText(article)];
    });
    await copy(client, 'kg.graph_nodes (ord, key, attributes, span_start, span_end, rank_degree, rank_pagerank, rank_events)', function* () {
      let ord = 0;
      for (const { node, attributes: values } of graph.nodeEntries()) {
        const span = values.kind === 'event' ? spanOfEvent(values) : null;
        yield [ord++, encodeText(node), jsonbText(values), span?.start ?? null, span?.end ?? null, degree.get(node) ?? 0, pagerank.get(node) ?? 0, events.get(node) ?? null];
      }
    });
    await copy(client, 'kg.graph_edges (ord, key, source, target, attributes)', function* () {
      let ord = 0;
      for (const { edge, attributes: values, source, target } of graph.edgeEntries()) {
        yield [ord, encodeText(exportEdgeKey(edge, ord)), encodeText(source), encodeText(target), jsonbText(values)];
        ord++;
      }
    });
    await copy(client, 'kg.graph_names (name, tier, key)', function* () {
      for (const { node, attributes: values } of graph.nodeEntries()) for (const { name, tier } of indexedNames(values)) yield [encodeText(name), tier === 'full' ? 1 : 2, encodeText(node)];
    });
  });
}

type Cell = string | number | null;

/** COPY ... FROM STDIN in text format, the rows generated as they are sent. */
async function copy(client: PoolClient, target: string, rows: () => Iterable<Cell[]>): Promise<void> {
  await pipeline(Readable.from(copyLines(rows())), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}

function* copyLines(rows: Iterable<Cell[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyCell).join('\t')}\n`;
    if (chunk.length >= COPY_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** A value in COPY's text format: \N for null, and backslash, tab, LF and CR escaped. */
export function copyCell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
