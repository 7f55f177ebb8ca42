// `kg export --db`: the stored graph written out by cursor, a row at a time, in one snapshot, in every format (two
// passes for the typed ones: the columns, then the rows), never the whole graph in memory.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PoolClient } from 'pg';
import { ARTICLE_HEADER, articleRow, csvHeader, csvLine, edgeCsvHeader, edgeCsvRow, nodeCsvHeader, nodeCsvRow, SOURCE_HEADER, sourceRow } from '../export/csv.js';
import { ColumnInference, flattenEdge, flattenGraphRecord, flattenNode, NODE_LABELS, participantsText, type Column, type FlatEdge, type FlatNode, type Flattening, type Scalar } from '../export/fields.js';
import { GRAPHML_TAIL, graphmlEdge, graphmlHead, graphmlNode } from '../export/graphml.js';
import { edgeInterval, entitySpells, GEXF_MIDDLE, GEXF_TAIL, gexfEdge, gexfHead, gexfNode, interactionSpells, SPELL_RELATIONS, type EntityLink, type TimedNode } from '../export/gexf.js';
import type { ExportFormat } from '../export/index.js';
import { ViewerColumns, type DrawnNode, type ViewerFile } from '../export/viewer-columns.js';
import { writeViewerColumns } from '../export/viewer-file.js';
import { Neo4jSummary, nodeHeader, nodeRow, relationshipHeader, relationshipRow, toLists, writeCypher } from '../export/neo4j.js';
import { createGraph, DERIVED_RELATIONS, SCHEMA_VERSION, type EdgeAttributes, type EventNode, type GraphArticle, type GraphAttributes, type KgGraph, type NodeAttributes, type NodeKind } from '../graph/model.js';
import { createBufferedWriter, sortKeys } from '../graph/serialize.js';
import type { Source } from '../types.js';
import type { Db } from './connect.js';
import { inSnapshot, stream } from './graph-read.js';

type Attributes = Omit<GraphAttributes, 'articles'>;

/** Writes the stored graph in `format` at `outPath` (a file, or a folder for csv and neo4j), each file atomically; returns the paths written and the graph's size. */
export async function exportStoredGraph(db: Db, format: ExportFormat, outPath: string): Promise<{ written: string[]; nodes: number; edges: number }> {
  return inSnapshot(db, async (client, attributes) => {
    const size = await client.query<{ nodes: number; edges: number }>('SELECT (SELECT count(*) FROM kg.graph_nodes)::int AS nodes, (SELECT count(*) FROM kg.graph_edges)::int AS edges');
    const single = { json: jsonChunks, graphml: graphmlChunks, gexf: gexfChunks };
    const files: Record<string, () => AsyncIterable<string>> = format === 'csv' ? csvFiles(client) : format === 'neo4j' ? await neo4jFiles(client) : { '': () => single[format](client, attributes) };
    const written: string[] = [];
    for (const [name, chunks] of Object.entries(files)) {
      const path = name === '' ? outPath : join(outPath, name);
      await mkdir(dirname(path), { recursive: true });
      await writeStreamAtomic(path, chunks());
      written.push(path);
    }
    // A graph.json for the viewer comes with its drawing file, as on files.
    if (format === 'json') written.push(await writeViewerColumns(await storedViewerColumns(client, SCHEMA_VERSION, size.rows[0]), outPath));
    return { written, ...size.rows[0] };
  });
}

/** The drawing file of the stored graph (viewer-columns.ts), its nodes streamed in graph order. */
async function storedViewerColumns(client: PoolClient, schemaVersion: number, { nodes, edges }: { nodes: number; edges: number }): Promise<ViewerFile> {
  const columns = new ViewerColumns(schemaVersion, nodes, edges);
  const sql = `SELECT n.key, json_build_object('kind', n.kind, 'x', n.attributes->'x', 'y', n.attributes->'y', 'size', n.attributes->'size', 'color', n.attributes->'color', 'dateInferred', n.attributes->'dateInferred') AS node,
         NOT EXISTS (SELECT 1 FROM kg.graph_edges e WHERE e.source = n.key AND e.relation <> ALL($1))
           AND NOT EXISTS (SELECT 1 FROM kg.graph_edges e WHERE e.target = n.key AND e.relation <> ALL($1)) AS isolated
    FROM kg.graph_nodes n ORDER BY n.ord`;
  for await (const row of stream<{ key: string; node: DrawnNode; isolated: boolean }>(client, sql, [DERIVED_RELATIONS])) columns.add(row.key, row.node, row.isolated);
  return columns.done();
}

/**
 * The person-to-person projection of the stored graph (projectPeople: the people with a tie to another person, and
 * those ties, in graph order), read without the rest of the graph.
 */
export async function readPeopleProjection(db: Db): Promise<KgGraph> {
  return inSnapshot(db, async (client, attributes) => {
    const articles: GraphArticle[] = [];
    for await (const row of stream<{ attributes: GraphArticle }>(client, 'SELECT attributes FROM kg.graph_articles ORDER BY ord')) articles.push(row.attributes);
    const graph = createGraph({ ...attributes, articles } as GraphAttributes);
    const ties: { key: string; source: string; target: string; attributes: EdgeAttributes }[] = [];
    const sql = `SELECT e.key, e.source, e.target, e.attributes FROM kg.graph_edges e
        JOIN kg.graph_nodes s ON s.key = e.source AND s.kind = 'person' JOIN kg.graph_nodes t ON t.key = e.target AND t.kind = 'person'
       WHERE e.relation = 'interacted_with' ORDER BY e.ord`;
    for await (const row of stream<(typeof ties)[number]>(client, sql)) ties.push(row);
    const people = [...new Set(ties.flatMap((tie) => [tie.source, tie.target]))];
    for await (const row of stream<{ key: string; attributes: NodeAttributes }>(client, 'SELECT key, attributes FROM kg.graph_nodes WHERE key = ANY($1) ORDER BY ord', [people])) graph.addNode(row.key, row.attributes);
    for (const tie of ties) graph.addDirectedEdgeWithKey(tie.key, tie.source, tie.target, tie.attributes);
    return graph;
  });
}

/** graph.json as serializeGraph writes it, articles, nodes and edges streamed. */
async function* jsonChunks(client: PoolClient, attributes: Attributes): AsyncGenerator<string> {
  const empty = createGraph({ ...attributes, articles: [] });
  const options = { type: empty.type, multi: empty.multi, allowSelfLoops: empty.allowSelfLoops };
  const own: Record<string, unknown> = { ...attributes, schemaVersion: SCHEMA_VERSION, articles: null };
  yield `{"options":${JSON.stringify(options)},"attributes":{`;
  let firstKey = true;
  for (const name of Object.keys(own).sort()) {
    yield `${firstKey ? '' : ','}${JSON.stringify(name)}:`;
    firstKey = false;
    if (name !== 'articles') {
      yield JSON.stringify(sortKeys(own[name]));
      continue;
    }
    yield '[';
    let first = true;
    for await (const row of stream<{ attributes: GraphArticle }>(client, 'SELECT attributes FROM kg.graph_articles ORDER BY ord')) {
      yield `${first ? '' : ','}${JSON.stringify(sortKeys(row.attributes))}`;
      first = false;
    }
    yield ']';
  }
  yield '},"nodes":[';
  let first = true;
  for await (const row of stream<{ key: string; attributes: NodeAttributes }>(client, 'SELECT key, attributes FROM kg.graph_nodes ORDER BY ord')) {
    yield `${first ? '' : ','}${JSON.stringify({ key: row.key, attributes: sortKeys(row.attributes) })}`;
    first = false;
  }
  yield '],"edges":[';
  first = true;
  for await (const row of stream<{ key: string; source: string; target: string; attributes: EdgeAttributes }>(client, 'SELECT key, source, target, attributes FROM kg.graph_edges ORDER BY ord')) {
    yield `${first ? '' : ','}${JSON.stringify({ key: row.key, source: row.source, target: row.target, attributes: sortKeys(row.attributes) })}`;
    first = false;
  }
  yield ']}\n';
}

async function* graphmlChunks(client: PoolClient, attributes: Attributes): AsyncGenerator<string> {
  const articles: GraphArticle[] = [];
  for await (const row of stream<{ attributes: GraphArticle }>(client, 'SELECT attributes FROM kg.graph_articles ORDER BY ord')) articles.push(row.attributes);
  // The graph's own data holds the articles list as one JSON value, as the in-memory writer gives it.
  const graphFields = flattenGraphRecord({ ...attributes, articles });
  const head = graphmlHead(graphFields, await columnsOf(storedNodes(client, 'types'), 'node'), await columnsOf(storedEdges(client, 'types'), 'edge'));
  yield head.text;
  for await (const node of storedNodes(client, 'full')) yield graphmlNode(node, head.nodeKeys);
  for await (const edge of storedEdges(client, 'full')) yield graphmlEdge(edge, head.edgeKeys);
  yield GRAPHML_TAIL;
}

/** What the timeline needs of node `n` (TimedNode), as json. */
const timed = (n: string): string => `json_build_object('kind', ${n}.kind, 'date', ${n}.date, 'dateStart', ${n}.date_start, 'dateEnd', ${n}.date_end, 'published', ${n}.attributes->>'published')`;

/** GEXF as writeGexf writes it: nodes with the edges their spells come from, edges with their endpoints' and their events' dates. */
async function* gexfChunks(client: PoolClient, attributes: Attributes): AsyncGenerator<string> {
  const head = gexfHead(attributes.pipelineVersion, await columnsOf(storedNodes(client, 'types'), 'node'), await columnsOf(storedEdges(client, 'types'), 'edge'));
  yield head.text;
  const links = `CASE WHEN n.kind NOT IN ('event', 'article') THEN (
      SELECT json_agg(json_build_object('relation', l.relation, 'firstDate', l.attributes->'firstDate', 'lastDate', l.attributes->'lastDate', 'other', ${timed('o')}))
        FROM (SELECT relation, attributes, target AS other FROM kg.graph_edges WHERE source = n.key AND relation = ANY($1)
              UNION ALL SELECT relation, attributes, source FROM kg.graph_edges WHERE target = n.key AND relation = ANY($1)) l
        JOIN kg.graph_nodes o ON o.key = l.other) END`;
  for await (const node of storedNodes(client, 'full', { column: links, params: [SPELL_RELATIONS] })) {
    yield gexfNode(node, node.attributes, entitySpells(node.attributes.kind, (node.extra as EntityLink[] | null) ?? []), head.nodeColumns);
  }
  yield GEXF_MIDDLE;
  // A tie's events, each null when the graph lacks it (then the tie spells from its first to its last day).
  const sql = `SELECT e.key, e.source, e.target, e.attributes, ${timed('s')} AS source_node, ${timed('t')} AS target_node,
      CASE WHEN e.relation = 'interacted_with' THEN (
        SELECT json_agg(CASE WHEN v.key IS NULL THEN NULL ELSE ${timed('v')} END ORDER BY k.i)
          FROM jsonb_array_elements_text(e.attributes->'events') WITH ORDINALITY AS k(key, i) LEFT JOIN kg.graph_nodes v ON v.key = k.key) END AS events
    FROM kg.graph_edges e JOIN kg.graph_nodes s ON s.key = e.source JOIN kg.graph_nodes t ON t.key = e.target ORDER BY e.ord`;
  type Row = { key: string; source: string; target: string; attributes: EdgeAttributes; source_node: TimedNode; target_node: TimedNode; events: (TimedNode | null)[] | null };
  for await (const row of stream<Row>(client, sql)) {
    const events = row.events ?? [];
    const spells = interactionSpells(row.attributes, events.every((event) => event !== null) ? (events as TimedNode[]) : null);
    const edge = { key: row.key, id: row.key, source: row.source, target: row.target, fields: flattenEdge(row.attributes, 'full') };
    yield gexfEdge(edge, row.attributes, edgeInterval(row.attributes, row.source_node, row.target_node), spells, head.edgeColumns);
  }
  yield GEXF_TAIL;
}

/** The Neo4j files as writeNeo4j writes them: one pass over the rows for the columns and labels, then each file's rows. */
async function neo4jFiles(client: PoolClient): Promise<Record<string, () => AsyncIterable<string>>> {
  const nodes = async function* (kind?: NodeKind): AsyncGenerator<FlatNode> {
    const where = kind === undefined ? undefined : { where: 'n.kind = $1', params: [kind] };
    for await (const node of storedNodes(client, 'full', where)) yield { key: node.key, fields: toLists(node.fields) };
  };
  const edges = async function* (): AsyncGenerator<FlatEdge> {
    for await (const edge of storedEdges(client, 'full')) yield { ...edge, fields: toLists(edge.fields) };
  };
  const summary = new Neo4jSummary();
  for await (const node of nodes()) summary.addNode(node.fields);
  for await (const edge of edges()) summary.addEdge(edge.fields);
  const layout = summary.layout();
  const rows = async function* <T>(header: string[], records: AsyncIterable<T>, row: (record: T) => (Scalar | null)[]): AsyncGenerator<string> {
    yield csvHeader(header);
    for await (const record of records) yield csvLine(row(record));
  };
  const files: Record<string, () => AsyncIterable<string>> = { 'nodes.csv': () => rows(nodeHeader(layout.nodeColumns), nodes(), (node) => nodeRow(node, layout.nodeColumns)) };
  for (const { kind, columns } of layout.kinds) files[`${NODE_LABELS[kind]}.csv`] = () => rows(nodeHeader(columns), nodes(kind), (node) => nodeRow(node, columns));
  files['relationships.csv'] = () => rows(relationshipHeader(layout.edgeColumns), edges(), (edge) => relationshipRow(edge, layout.edgeColumns));
  files['import.cypher'] = async function* () {
    yield writeCypher(layout);
  };
  return files;
}

function csvFiles(client: PoolClient): Record<string, () => AsyncIterable<string>> {
  return {
    'nodes.csv': async function* () {
      const columns = (await columnsOf(storedNodes(client, 'types'), 'node')).map((column) => column.name);
      yield csvHeader(nodeCsvHeader(columns));
      for await (const node of storedNodes(client, 'full')) yield csvLine(nodeCsvRow(node, columns));
    },
    'edges.csv': async function* () {
      const columns = (await columnsOf(storedEdges(client, 'types'), 'edge')).map((column) => column.name);
      yield csvHeader(edgeCsvHeader(columns));
      for await (const edge of storedEdges(client, 'full')) yield csvLine(edgeCsvRow(edge, columns));
    },
    'articles.csv': async function* () {
      yield csvHeader(ARTICLE_HEADER);
      const sql = `SELECT a.attributes, COALESCE(c.events, 0)::int AS events, COALESCE(c.sentences, 0)::int AS sentences FROM kg.graph_articles a LEFT JOIN (
          SELECT s->>'article' AS id, count(DISTINCT n.key) AS events, count(*) AS sentences FROM kg.graph_nodes n, jsonb_array_elements(n.attributes->'sources') s
           WHERE n.kind = 'event' GROUP BY 1) c ON c.id = a.id ORDER BY a.ord`;
      for await (const row of stream<{ attributes: GraphArticle; events: number; sentences: number }>(client, sql)) yield csvLine(articleRow(row.attributes, row.events, row.sentences));
    },
    'sources.csv': async function* () {
      yield csvHeader(SOURCE_HEADER);
      const sql = `SELECT n.key, n.attributes - 'sources' - 'dateEvidence' AS node, s.source, a.attributes AS article
          FROM kg.graph_nodes n CROSS JOIN LATERAL jsonb_array_elements(n.attributes->'sources') WITH ORDINALITY AS s(source, i)
          LEFT JOIN kg.graph_articles a ON a.id = s.source->>'article' WHERE n.kind = 'event' ORDER BY n.ord, s.i`;
      for await (const row of stream<{ key: string; node: EventNode; source: Source; article: GraphArticle | null }>(client, sql)) yield csvLine(sourceRow(row.key, row.node, row.source, row.article ?? undefined));
    },
  };
}

/**
 * The stored nodes flattened as the exporters flatten a graph's, events with their participants' labels (in
 * participant-edge order, as graphology lists in-edges), with their attributes and, when asked, one more SQL value
 * of node n as `extra`, or only the nodes a condition on n keeps (either's parameters from $1).
 */
async function* storedNodes(client: PoolClient, flattening: Flattening, extra?: { column?: string; where?: string; params: unknown[] }): AsyncGenerator<FlatNode & { attributes: NodeAttributes; extra: unknown }> {
  const sql = `SELECT n.key, n.attributes, CASE WHEN n.kind = 'event' THEN (
      SELECT array_agg(p.label ORDER BY p.first, p.latest DESC) FROM (
        SELECT s.label, min(e.ord) OVER (PARTITION BY e.source) AS first, e.ord AS latest FROM kg.graph_edges e JOIN kg.graph_nodes s ON s.key = e.source
         WHERE e.target = n.key AND e.relation = 'participant') p) END AS participants, ${extra?.column ?? 'NULL'} AS extra
    FROM kg.graph_nodes n ${extra?.where === undefined ? '' : `WHERE ${extra.where}`} ORDER BY n.ord`;
  for await (const row of stream<{ key: string; attributes: NodeAttributes; participants: string[] | null; extra: unknown }>(client, sql, extra?.params ?? [])) {
    yield { key: row.key, attributes: row.attributes, extra: row.extra, fields: flattenNode(row.attributes, flattening, () => participantsText(row.participants ?? [])) };
  }
}

/** The stored edges flattened, under their graph.json keys. */
async function* storedEdges(client: PoolClient, flattening: Flattening): AsyncGenerator<FlatEdge> {
  for await (const row of stream<{ key: string; source: string; target: string; attributes: EdgeAttributes }>(client, 'SELECT key, source, target, attributes FROM kg.graph_edges ORDER BY ord')) {
    yield { key: row.key, id: row.key, source: row.source, target: row.target, fields: flattenEdge(row.attributes, flattening) };
  }
}

async function columnsOf(records: AsyncIterable<{ fields: FlatNode['fields'] }>, domain: 'node' | 'edge'): Promise<Column[]> {
  const inference = new ColumnInference(domain);
  for await (const record of records) inference.add(record.fields);
  return inference.columns();
}

/** Writes the chunks to a temporary file beside `path`, then renames it into place. */
async function writeStreamAtomic(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    const writer = createBufferedWriter(fd);
    for await (const chunk of chunks) writer.write(chunk);
    writer.flush();
    closeSync(fd);
    await rename(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    await rm(temp, { force: true });
    throw error;
  }
}
