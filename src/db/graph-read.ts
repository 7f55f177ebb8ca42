// readGraph: the stored graph (migration 002) as a KgGraph, whole or a window of it, streamed from the tables by cursor.
import pg, { type CustomTypesConfig, type PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { KgError, UsageError } from '../errors.js';
import { createGraph, DERIVED_RELATIONS, type EdgeAttributes, type GraphArticle, type GraphAttributes, type KgGraph, type NodeAttributes } from '../graph/model.js';
import type { PlacedNode, StoredLayout } from '../graph/layout-extend.js';
import { sortKeys } from '../graph/serialize.js';
import { resolveWindow } from '../query/dates.js';
import { inTransaction, type Db } from './connect.js';
import { GRAPH_TABLES } from './graph-write.js';
import { decodeText, encodeParam, parseJsonb } from './text-codec.js';

/**
 * A part of the graph. Events are kept when they match every filter given (their days overlap [from, to]; their
 * type is one of `types`) and, with `ego`, lie within `depth` steps of it; then their participants, locations and
 * article nodes join them, and every edge among the nodes kept. With `ego`, the nodes on the way (offices, countries)
 * are kept too. No field: the whole graph.
 */
export interface GraphWindow {
  /** YYYY, YYYY-MM or YYYY-MM-DD, as the query API takes them. */
  from?: string;
  to?: string;
  /** Event types (call, meeting, summit, visit...). */
  types?: string[];
  /** A node key: keep what lies within `depth` steps of it on the event network (articles and the projection left out), passing only through events that match the filters. */
  ego?: string;
  /** Steps from `ego`, edges counted: 1 its events, offices and memberships; 2 also the people and places of those events... Default 2. */
  depth?: number;
}

export const DEFAULT_EGO_DEPTH = 2;
const JSON_OIDS = new Set([114, 3802]);
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

/**
 * How the graph tables' values are read: json and jsonb parsed with their keys sorted at every depth, as graph.json
 * holds them (jsonb keeps keys in its own order, by length), so what is read from the store is what the same graph
 * read from graph.json is, down to the key order of every object a query prints; and every string, in json, text
 * and text[] values, decoded from what writeGraph stored (src/db/text-codec.ts).
 */
export const SORTED_JSON: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, format);
    if (JSON_OIDS.has(oid)) return (text: string) => sortKeys(parseJsonb(text));
    if (oid === TEXT_OID) return decodeText;
    if (oid === TEXT_ARRAY_OID) {
      const parse = (pg.types.getTypeParser as (oid: number, format: 'text') => unknown)(oid, 'text') as (text: string) => (string | null)[];
      return (text: string) => parse(text).map((s) => (s === null ? s : decodeText(s)));
    }
    return pg.types.getTypeParser(oid, format);
  }) as CustomTypesConfig['getTypeParser'],
};

/** A query on the graph tables: its string parameters encoded, its values read with SORTED_JSON. */
export function graphQuery<T extends pg.QueryResultRow>(client: Pick<PoolClient, 'query'>, text: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  return client.query<T>({ text, values: values.map(encodeParam), types: SORTED_JSON });
}

/** Rows fetched per round trip by a cursor. */
const BATCH_ROWS = 2000;

interface NodeRow {
  key: string;
  attributes: NodeAttributes;
}
interface EdgeRow {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/**
 * The stored graph, or the window of it, read in one consistent snapshot: serializeGraph of the whole of it gives
 * the bytes of the graph.json the same graph writes. Throws KgError 'graph-not-found' when none is stored, and
 * UsageError 'unknown-entity' when `ego` is no node.
 */
export async function readGraph(db: Db, window: GraphWindow = {}): Promise<KgGraph> {
  return inSnapshot(db, async (client, attributes) => (isWhole(window) ? readWhole(client, attributes) : readWindow(client, attributes, window)));
}

/**
 * Runs `read` on one connection in a read-only snapshot of the stored graph, with the graph's own attributes (its
 * articles aside); throws KgError 'graph-not-found' when none is stored.
 */
export async function inSnapshot<T>(db: Db, read: (client: PoolClient, attributes: Omit<GraphAttributes, 'articles'>) => Promise<T>): Promise<T> {
  return inTransaction(
    db,
    async (client) => {
      // TRUNCATE (writeGraph) is not MVCC-safe: holding the tables makes a writer wait for this read to finish.
      await client.query(`LOCK TABLE ${GRAPH_TABLES.join(', ')} IN ACCESS SHARE MODE`);
      const meta = await graphQuery<{ attributes: Omit<GraphAttributes, 'articles'> }>(client, 'SELECT attributes FROM kg.graph');
      if (meta.rows.length === 0) throw new KgError('graph-not-found', 'the database holds no graph yet: build one (kg build --db URL, then kg assemble --db URL)');
      return read(client, meta.rows[0].attributes);
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}

function isWhole(window: GraphWindow): boolean {
  return window.from === undefined && window.to === undefined && window.types === undefined && window.ego === undefined;
}

async function readWhole(client: PoolClient, attributes: Omit<GraphAttributes, 'articles'>): Promise<KgGraph> {
  const articles: GraphArticle[] = [];
  for await (const row of stream<{ attributes: GraphArticle }>(client, 'SELECT attributes FROM kg.graph_articles ORDER BY ord')) articles.push(row.attributes);
  const graph = createGraph({ ...attributes, articles } as GraphAttributes);
  for await (const row of stream<NodeRow>(client, 'SELECT key, attributes FROM kg.graph_nodes ORDER BY ord')) graph.addNode(row.key, row.attributes);
  for await (const row of stream<EdgeRow>(client, 'SELECT key, source, target, attributes FROM kg.graph_edges ORDER BY ord')) graph.addEdgeWithKey(row.key, row.source, row.target, row.attributes);
  return graph;
}

async function readWindow(client: PoolClient, attributes: Omit<GraphAttributes, 'articles'>, window: GraphWindow): Promise<KgGraph> {
  const days = resolveWindow(window);
  const depth = window.depth ?? DEFAULT_EGO_DEPTH;
  if (!Number.isInteger(depth) || depth < 0) throw new UsageError('bad-option', `depth: ${String(depth)} is not a whole number of steps`);
  // The events the filters keep, as a condition on the nodes table (alias n); $1 from, $2 to, $3 types.
  const params = [days.start, days.end, window.types ?? null];
  const eventMatches = `n.kind = 'event' AND ($1::text IS NULL AND $2::text IS NULL OR n.span_start IS NOT NULL AND ($1::text IS NULL OR n.span_end >= $1) AND ($2::text IS NULL OR n.span_start <= $2)) AND ($3::text[] IS NULL OR n.event_type = ANY($3))`;
  let events: string[];
  const kept = new Set<string>();
  if (window.ego === undefined) {
    events = (await graphQuery<{ key: string }>(client, `SELECT n.key FROM kg.graph_nodes n WHERE ${eventMatches}`, params)).rows.map((r) => r.key);
  } else {
    const ego = await graphQuery<{ key: string }>(client, 'SELECT key FROM kg.graph_nodes WHERE key = $1', [window.ego]);
    if (ego.rows.length === 0) throw new UsageError('unknown-entity', `ego: no node "${window.ego}" in the graph`);
    // Breadth first, one query a step: the neighbours of the frontier on the event network, events only when the filters keep them.
    let frontier = [window.ego];
    kept.add(window.ego);
    for (let step = 0; step < depth && frontier.length > 0; step++) {
      const next = await graphQuery<{ key: string }>(
        client,
        `SELECT DISTINCT n.key FROM kg.graph_edges e
           JOIN kg.graph_nodes n ON n.key = CASE WHEN e.source = ANY($4) THEN e.target ELSE e.source END
          WHERE (e.source = ANY($4) OR e.target = ANY($4)) AND e.relation <> ALL($5)
            AND (n.kind <> 'event' OR ${eventMatches})`,
        [...params, frontier, DERIVED_RELATIONS],
      );
      frontier = next.rows.map((r) => r.key).filter((key) => !kept.has(key));
      for (const key of frontier) kept.add(key);
    }
    events = (await graphQuery<{ key: string }>(client, "SELECT key FROM kg.graph_nodes WHERE key = ANY($1) AND kind = 'event'", [[...kept]])).rows.map((r) => r.key);
  }
  for (const key of events) kept.add(key);
  // Each event whole: its participants, its location and the articles that report it.
  const around = await graphQuery<{ key: string }>(
    client,
    `SELECT source AS key FROM kg.graph_edges WHERE target = ANY($1) AND relation = 'participant'
     UNION SELECT target FROM kg.graph_edges WHERE source = ANY($1) AND relation IN ('location', 'reported_in')`,
    [events],
  );
  for (const row of around.rows) kept.add(row.key);
  const keys = [...kept];
  const graph = createGraph({ ...attributes, articles: [] } as GraphAttributes);
  const cited = new Set<string>();
  for await (const row of stream<NodeRow>(client, 'SELECT key, attributes FROM kg.graph_nodes WHERE key = ANY($1) ORDER BY ord', [keys])) {
    graph.addNode(row.key, row.attributes);
    if (row.attributes.kind === 'event' || row.attributes.kind === 'article') for (const id of row.attributes.articles) cited.add(id);
  }
  const edges = `SELECT e.key, e.source, e.target, e.attributes FROM kg.graph_edges e
    JOIN (SELECT unnest($1::text[]) AS key) s ON s.key = e.source JOIN (SELECT unnest($1::text[]) AS key) t ON t.key = e.target ORDER BY e.ord`;
  for await (const row of stream<EdgeRow>(client, edges, [keys])) graph.addEdgeWithKey(row.key, row.source, row.target, row.attributes);
  const articles: GraphArticle[] = [];
  for await (const row of stream<{ attributes: GraphArticle }>(client, 'SELECT attributes FROM kg.graph_articles WHERE id = ANY($1) ORDER BY ord', [[...cited]])) articles.push(row.attributes);
  graph.setAttribute('articles', articles);
  return graph;
}

/** The rows of a query, fetched by cursor a batch at a time. */
export async function* stream<T>(client: PoolClient, sql: string, params: unknown[] = []): AsyncGenerator<T> {
  const query = client.query(new QueryStream(sql, params.map(encodeParam), { batchSize: BATCH_ROWS, types: SORTED_JSON }));
  for await (const row of query) yield row as T;
}

/** Where each stored node was drawn (x, y, community) and the stored layout's base, for an assembly that keeps the layout; null when no graph is stored. */
export async function readLayout(db: Db): Promise<StoredLayout | null> {
  const stored = await db.query<{ base: number | null }>('SELECT layout_base AS base FROM kg.graph');
  if (stored.rows.length === 0) return null;
  return inSnapshot(db, async (client) => {
    const places = new Map<string, PlacedNode>();
    const sql = `SELECT key, (attributes->>'x')::float8 AS x, (attributes->>'y')::float8 AS y, (attributes->>'community')::int AS community FROM kg.graph_nodes`;
    for await (const row of stream<{ key: string } & PlacedNode>(client, sql)) places.set(row.key, { x: row.x, y: row.y, community: row.community });
    // A graph written before the column was laid out whole.
    return { places, base: stored.rows[0].base ?? places.size };
  });
}

/** The facts the stored graph was assembled from (store.ts, factsState); null when no graph is stored or it was written without. */
export async function storedFactsState(db: Db): Promise<string | null> {
  const { rows } = await db.query<{ state: string | null }>('SELECT facts_state AS state FROM kg.graph');
  return rows[0]?.state ?? null;
}

/** The stored graph's nodes by kind and edges by relation, as countGraph gives them for the graph in memory. */
export async function countStoredGraph(db: Db): Promise<{ nodes: Record<string, number>; edges: Record<string, number> }> {
  const count = async (sql: string): Promise<Record<string, number>> => Object.fromEntries((await db.query<{ k: string; n: number }>(sql)).rows.map((r) => [r.k, r.n]));
  return {
    nodes: await count("SELECT attributes->>'kind' AS k, count(*)::int AS n FROM kg.graph_nodes GROUP BY 1 ORDER BY min(ord)"),
    edges: await count("SELECT attributes->>'relation' AS k, count(*)::int AS n FROM kg.graph_edges GROUP BY 1 ORDER BY min(ord)"),
  };
}
