// The graph in PostgreSQL (migration 002): writeGraph then readGraph gives graph.json byte for byte (seed build,
// synthetic corpus build, graphs with generated edge keys and awkward text), and windows keep what they say.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../../src/db/connect.js';
import { readGraph } from '../../src/db/graph-read.js';
import { copyCell, writeGraph } from '../../src/db/graph-write.js';
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import { parseGraph, serializeGraph } from '../../src/graph/serialize.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { spanOfEvent } from '../../src/query/describe.js';
import { overlapsWindow } from '../../src/query/dates.js';
import { generateGraph } from '../../scripts/bench/graph.js';
import { writeCorpus } from '../../scripts/bench/corpus.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';
import { kgCommand } from '../helpers/kg-bin.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);
let database: MigratedDatabase;
let db: Db;
let work: string;

/** graph.json of a `kg build` of `inputs` (the seeds when none), as text. */
async function build(name: string, inputs: string[]): Promise<string> {
  const out = path.join(work, name);
  const [command, args] = kgCommand(['build', ...inputs, '--out', out, '--workers', '1', '--no-cache', '--formats', 'none']);
  await run(command, args, { maxBuffer: 1 << 24 });
  return readFile(path.join(out, 'graph.json'), 'utf8');
}

async function roundTrip(graph: KgGraph): Promise<string> {
  await writeGraph(db, graph);
  return serializeGraph(await readGraph(db));
}

beforeAll(async () => {
  database = await migratedDatabase();
  db = database.db;
  work = await mkdtemp(path.join(tmpdir(), 'kg-graph-db-'));
});
afterAll(async () => {
  await database.drop();
  await rm(work, { recursive: true, force: true });
});

describe('writeGraph / readGraph', () => {
  it('gives no graph before one is written', async () => {
    await expect(readGraph(db)).rejects.toMatchObject({ code: 'graph-not-found' });
  });

  it('round-trips the seed build byte for byte', async () => {
    const text = await build('seeds', []);
    expect(await roundTrip(parseGraph(text))).toBe(text);
  }, 120_000);

  it('round-trips a synthetic corpus build byte for byte', async () => {
    const corpus = path.join(work, 'corpus.jsonl');
    await writeCorpus(corpus, 80, loadKnowledgeBase());
    const text = await build('corpus', [corpus]);
    const graph = parseGraph(text);
    expect(graph.order).toBeGreaterThan(80);
    expect(await roundTrip(graph)).toBe(text);
  }, 120_000);

  it('keeps edge keys graphology generated as graph.json writes them (e0, e1...), and parallel edges', async () => {
    const graph = generateGraph(2000);
    expect(graph.edges()[0]).toMatch(/^geid_/);
    expect(await roundTrip(graph)).toBe(serializeGraph(graph));
  });

  it('keeps text COPY and jsonb could mangle: backslashes, tabs, line ends, quotes, non-BMP characters', async () => {
    const graph = buildFixtureGraph();
    const awkward = 'C:\\path\\n is not a line end\t"tab"\r\nnext line \\N 😀 Ürgüp';
    const [person] = graph.filterNodes((_key, node) => node.kind === 'person');
    graph.setNodeAttribute(person, 'label', awkward);
    graph.setNodeAttribute(person, 'aliases', [awkward, '\\', '']);
    expect(await roundTrip(graph)).toBe(serializeGraph(graph));
  });

  it('replaces the stored graph: the second write is all that is read', async () => {
    await writeGraph(db, generateGraph(500));
    const fixture = buildFixtureGraph();
    expect(await roundTrip(fixture)).toBe(serializeGraph(fixture));
  });
});

describe('copyCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\b', 'a\\\\b'],
    ['a\tb\nc\rd', 'a\\tb\\nc\\rd'],
    [null, '\\N'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('%j -> %j', (value, cell) => {
    expect(copyCell(value)).toBe(cell);
  });
});

describe('readGraph with a window', () => {
  let whole: KgGraph;
  beforeAll(async () => {
    whole = parseGraph(await build('seeds-window', []));
    await writeGraph(db, whole);
  }, 120_000);

  const eventsOf = (graph: KgGraph): string[] => graph.filterNodes((_key, node) => node.kind === 'event').sort();

  it('a time range keeps the events whose days overlap it, each with its participants, location and articles', async () => {
    const window = { start: '2025-10-01', end: '2025-12-31' };
    const part = await readGraph(db, { from: '2025-10', to: '2025' });
    const expected = whole.filterNodes((_key, node) => node.kind === 'event' && overlapsWindow(spanOfEvent(node), window)).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(eventsOf(whole).length);
    expect(eventsOf(part)).toEqual(expected);
    for (const event of expected) {
      for (const edge of whole.edges()) {
        const attributes = whole.getEdgeAttributes(edge);
        if (attributes.relation === 'participant' && whole.target(edge) === event) expect(part.hasNode(whole.source(edge))).toBe(true);
        if (attributes.relation === 'location' && whole.source(edge) === event) expect(part.hasNode(whole.target(edge))).toBe(true);
      }
    }
    // Every edge among the nodes kept, and none to a node left out; nodes in the stored order; articles of the kept events.
    const edgesAmong = whole.filterEdges((_edge, _attributes, source, target) => part.hasNode(source) && part.hasNode(target));
    expect(part.size).toBe(edgesAmong.length);
    expect(part.nodes()).toEqual(whole.nodes().filter((key) => part.hasNode(key)));
    const cited = new Set(expected.flatMap((event) => (whole.getNodeAttributes(event) as EventNode).articles));
    expect(part.getAttribute('articles').map((a) => a.id).sort()).toEqual([...cited].sort());
  });

  it('a type filter keeps only events of those types', async () => {
    const part = await readGraph(db, { types: ['call'] });
    const calls = whole.filterNodes((_key, node) => node.kind === 'event' && node.eventType === 'call').sort();
    expect(calls.length).toBeGreaterThan(0);
    expect(eventsOf(part)).toEqual(calls);
  });

  it('an ego network of depth 1 is the entity, its events with their parties, and its offices', async () => {
    const ego = 'person:vladimir-putin';
    const part = await readGraph(db, { ego, depth: 1 });
    const own = whole.filterNodes((key, node) => node.kind === 'event' && whole.hasDirectedEdge(ego, key)).sort();
    expect(own.length).toBeGreaterThan(0);
    expect(eventsOf(part)).toEqual(own);
    for (const neighbor of whole.neighbors(ego)) if (whole.getNodeAttribute(neighbor, 'kind') !== 'article') expect(part.hasNode(neighbor)).toBe(true);
    // Depth 2 reaches the events of the people and countries Putin's events and offices touch.
    const wider = await readGraph(db, { ego, depth: 2 });
    expect(eventsOf(wider).length).toBeGreaterThan(own.length);
    expect(wider.order).toBeLessThanOrEqual(whole.order);
  });

  it('an unknown ego is a usage error', async () => {
    await expect(readGraph(db, { ego: 'person:nobody' })).rejects.toMatchObject({ code: 'unknown-entity' });
  });
});
