// The queue end to end on a real server, with the kg command as users run it: a queued build extracted by three
// worker processes gives the graph of a local build byte for byte; a worker killed with kill -9 mid-batch loses and
// duplicates nothing; a poisoned article ends in the dead-letter list while the rest is built; queuing more articles
// later and assembling again equals a full build, but for the drawing, which keeps the nodes stored before in place;
// assembling with nothing new leaves the graph tables as they are.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { openDb, type Db } from '../../src/db/connect.js';
import { readGraph } from '../../src/db/graph-read.js';
import { serializeGraphChunks } from '../../src/graph/serialize.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { writeCorpus } from '../../scripts/bench/corpus.js';
import { kgCommand, ROOT } from '../helpers/kg-bin.js';
import { freshDatabase, type TestDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);
// Workers look at an empty queue often and run the maintenance that retries expired jobs every second, so tests wait little.
const FAST_WORKER = ['--until-empty', '--poll', '0.2', '--maintenance', '1'];
// Each test runs five to eight kg processes (2 s of CPU each to start): minutes on a loaded 2-core machine.
const SLOW = 300_000;

let tmp: string;
const databases: TestDatabase[] = [];
const pools: Db[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kg-queue-'));
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(databases.map((d) => d.drop()));
  await rm(tmp, { recursive: true, force: true });
});

async function database(): Promise<{ url: string; db: Db }> {
  const d = await freshDatabase();
  databases.push(d);
  const db = await openDb(d.url);
  pools.push(db);
  return { url: d.url, db };
}

async function kg(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [command, argv] = kgCommand(args);
  return run(command, argv, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

async function localGraph(inputs: string[], name: string): Promise<string> {
  const out = path.join(tmp, name);
  await kg(['build', ...inputs, '--out', out, '--no-cache', '--formats', 'none', '--workers', '1']);
  return readFile(path.join(out, 'graph.json'), 'utf8');
}

async function dbGraph(db: Db): Promise<string> {
  return [...serializeGraphChunks(await readGraph(db))].join('');
}

function workers(url: string, count: number, extra: string[] = []): Promise<unknown>[] {
  return Array.from({ length: count }, () => kg(['worker', '--db', url, ...FAST_WORKER, ...extra]));
}

async function corpus(name: string, count: number, seed: number): Promise<string> {
  const file = path.join(tmp, name);
  await writeCorpus(file, count, loadKnowledgeBase(), seed);
  return file;
}

async function factRows(db: Db): Promise<{ rows: number; articles: number }> {
  const { rows } = await db.query('SELECT count(*)::int AS rows, count(DISTINCT article_id)::int AS articles FROM kg.facts');
  return rows[0];
}

test('--queue without --db is a usage error, and so is --relayout without an assembly in the database', async () => {
  await expect(kg(['build', 'data/articles', '--queue'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--queue needs --db URL/) });
  const relayout = /--relayout is for a build that assembles in the database \(--db without --queue\)/;
  await expect(kg(['build', 'data/articles', '--relayout'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(relayout) });
  await expect(kg(['build', 'data/articles', '--db', 'postgres://kg@127.0.0.1:1/kg', '--queue', '--relayout'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(relayout) });
});

test('a queued build extracted by three worker processes gives the graph of a local build, byte for byte', async () => {
  const { url, db } = await database();
  const local = await localGraph(['data/articles'], 'local-seeds');
  const queued = await kg(['build', 'data/articles', '--db', url, '--queue']);
  expect(queued.stderr).toMatch(/5 job\(s\) queued/);
  await Promise.all(workers(url, 3));
  const assembled = await kg(['assemble', '--db', url]);
  expect(assembled.stderr).toMatch(/graph of 5 article\(s\)/);
  expect(await dbGraph(db)).toBe(local);
}, SLOW);

test('a worker killed with kill -9 mid-batch: every article is still built once, and nothing is duplicated', async () => {
  const { url, db } = await database();
  const file = await corpus('kill.jsonl', 60, 11);
  const local = await localGraph([file], 'local-kill');
  // A short expiry, so the killed worker's jobs are retried within seconds.
  await kg(['build', file, '--db', url, '--queue', '--job-expiry', '8']);
  const [command, argv] = kgCommand(['worker', '--db', url, '--batch', '10', '--poll', '0.2']);
  const victim: ChildProcess = spawn(command, argv, { cwd: ROOT, stdio: 'ignore' });
  try {
    // Killed once its first batch is stored: the other lane holds a batch of its own, half done.
    while ((await factRows(db)).rows === 0) await sleep(50);
  } finally {
    victim.kill('SIGKILL');
  }
  const { rows: active } = await db.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'kg-extract' AND state = 'active'");
  expect(active[0].n).toBeGreaterThan(0);
  await Promise.all(workers(url, 2));
  await kg(['assemble', '--db', url]);
  expect(await factRows(db)).toEqual({ rows: 60, articles: 60 });
  const { rows: retried } = await db.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'kg-extract' AND retry_count > 0");
  expect(retried[0].n).toBeGreaterThan(0);
  expect(await dbGraph(db)).toBe(local);
}, SLOW);

test('a poisoned article ends in the dead-letter list with its reason, bad input is reported, and the rest is built', async () => {
  const { url, db } = await database();
  const input = path.join(tmp, 'poison');
  const seed = await readFile(path.join(ROOT, 'data/articles/004_526fbc0e294a48ad.txt'), 'utf8');
  // About 8 MB of real text, every paragraph unique: far past a five-second budget, every time.
  const unique = (i: number): string => seed.split('\n\n').map((paragraph, j) => `${paragraph} Report ${i}-${j}.`).join('\n\n');
  const good = { id: 'a-good', published: '2023-06-22', text: 'Indian Prime Minister Narendra Modi met US President Joe Biden in Washington on Thursday.' };
  const huge = { id: 'b-huge', published: '2021-12-31', text: Array.from({ length: 1280 }, (_, i) => unique(i)).join('\n\n') };
  await writeFile(`${input}.jsonl`, `${JSON.stringify(good)}\n{"id": "c-broken", "text": \n${JSON.stringify(huge)}\n`);
  const queued = await kg(['build', `${input}.jsonl`, '--db', url, '--queue', '--retries', '1']);
  expect(queued.stderr).toMatch(/poison\.jsonl line 2: not JSON/);
  await Promise.all(workers(url, 1, ['--article-timeout', '5']));
  const reportFile = path.join(tmp, 'poison-report.json');
  const assembled = await kg(['assemble', '--db', url, '--report', reportFile]);
  expect(assembled.stderr).toMatch(/dead letter: .*poison\.jsonl line 3: article "b-huge" failed 2 time\(s\): article-timeout/);
  const report = JSON.parse(await readFile(reportFile, 'utf8'));
  expect(report.deadLetters).toEqual([expect.objectContaining({ article: 'b-huge', line: 3, code: 'article-timeout', attempts: 2 })]);
  expect(report.skipped).toEqual([expect.objectContaining({ line: 2, code: 'bad-json-line' })]);
  expect(report.articles).toMatchObject({ inGraph: 1, pending: 0 });
  const graph = JSON.parse(await dbGraph(db));
  expect(graph.attributes.articles.map((a: { id: string }) => a.id)).toEqual(['a-good']);
}, SLOW);

test('articles queued later and assembled again give the graph of a full build, drawn around the nodes stored before', async () => {
  const { url, db } = await database();
  // The seeds in two parts: article 003 of the second reports the Trump-Putin call and the Budapest summit of 001 in the first, so its reports join events assembled before.
  const [first, second] = await seedParts([3, 2]);
  const local = await localGraph([first, second], 'local-both');
  await kg(['build', first, '--db', url, '--queue']);
  await Promise.all(workers(url, 1));
  expect((await kg(['assemble', '--db', url])).stderr).toMatch(/laid out afresh: no graph was stored before/);
  const drawn = drawingOf(await dbGraph(db));
  const base = async (): Promise<number> => (await db.query('SELECT layout_base AS n FROM kg.graph')).rows[0].n;
  expect(await base()).toBe(drawn.size);
  const again = await kg(['build', first, second, '--db', url, '--queue']);
  expect(again.stderr).toMatch(/5 article\(s\) read: 2 stored, 3 already stored with their facts/);
  expect(again.stderr).toMatch(/2 job\(s\) queued/);
  await Promise.all(workers(url, 1));
  const assembled = await kg(['assemble', '--db', url]);
  // Every node stored before that is still in the graph keeps its place and community; all else is the full build's.
  const extended = await dbGraph(db);
  const kept = [...drawingOf(extended)].filter(([key]) => drawn.has(key));
  expect(kept.length).toBeGreaterThan(0);
  for (const [key, place] of kept) expect(place).toEqual(drawn.get(key));
  expect(assembled.stderr).toContain(`layout kept: ${kept.length} node(s) kept their places`);
  expect(withoutDrawing(extended)).toEqual(withoutDrawing(local));
  // The drawing still descends from the first assembly's full layout.
  expect(await base()).toBe(drawn.size);
  // --relayout draws it as a full build does.
  const redrawn = await kg(['assemble', '--db', url, '--relayout']);
  expect(await dbGraph(db)).toBe(local);
  expect(await base()).toBe(drawingOf(local).size);
  // Nothing new since: the graph tables are left as they are, not written again (the row's xmin would change).
  const written = async (): Promise<string> => (await db.query('SELECT xmin::text AS x FROM kg.graph')).rows[0].x;
  const before = await written();
  const idle = await kg(['assemble', '--db', url]);
  expect(idle.stderr).toMatch(/graph of 5 article\(s\) up to date: the graph tables were assembled from these same facts/);
  const nodes = (stderr: string): string | undefined => /nodes: .*/.exec(stderr)?.[0];
  expect(nodes(idle.stderr)).toBe(nodes(redrawn.stderr));
  expect(await written()).toBe(before);
  expect((await kg(['build', first, second, '--db', url])).stderr).toMatch(/up to date/);
  expect(await written()).toBe(before);
  expect(await dbGraph(db)).toBe(local);
}, SLOW);

test('an article queued twice with the same text has one job; a changed text gets its own and is extracted again', async () => {
  const { url, db } = await database();
  const [seeds] = await seedParts([5]);
  const lines = (await readFile(seeds, 'utf8')).trimEnd().split('\n');
  // A file that repeats an article, queued twice before any worker runs.
  const repeated = path.join(tmp, 'repeated.jsonl');
  await writeFile(repeated, `${[...lines, lines[0]].join('\n')}\n`);
  expect((await kg(['build', repeated, '--db', url, '--queue'])).stderr).toMatch(/5 job\(s\) queued/);
  expect((await kg(['build', repeated, '--db', url, '--queue'])).stderr).toMatch(/0 job\(s\) queued/);
  const jobs = async (): Promise<number> => (await db.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'kg-extract'")).rows[0].n;
  expect(await jobs()).toBe(5);
  // The same id with a changed text, while the first job of that article still waits.
  const last = JSON.parse(lines[4]) as { text: string };
  const changed = path.join(tmp, 'changed.jsonl');
  await writeFile(changed, `${[...lines.slice(0, 4), JSON.stringify({ ...last, text: `${last.text}\n\nRussian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Friday.` })].join('\n')}\n`);
  expect((await kg(['build', changed, '--db', url, '--queue'])).stderr).toMatch(/1 job\(s\) queued/);
  expect(await jobs()).toBe(6);
  await Promise.all(workers(url, 1));
  await kg(['assemble', '--db', url]);
  expect(await factRows(db)).toEqual({ rows: 5, articles: 5 });
  expect(await dbGraph(db)).toBe(await localGraph([changed], 'local-changed'));
}, SLOW);

interface GraphJson {
  nodes: { key: string; attributes: Record<string, unknown> }[];
}

/** Each node's place and community in a graph.json. */
function drawingOf(json: string): Map<string, unknown> {
  return new Map((JSON.parse(json) as GraphJson).nodes.map(({ key, attributes: { x, y, community } }) => [key, { x, y, community }]));
}

/** A graph.json parsed, without the nodes' places and communities. */
function withoutDrawing(json: string): unknown {
  const graph = JSON.parse(json) as GraphJson;
  for (const { attributes } of graph.nodes) for (const name of ['x', 'y', 'community']) delete attributes[name];
  return graph;
}

/** The seed articles with their manifest's metadata as JSONL files of the given sizes, in id order. */
async function seedParts(sizes: number[]): Promise<string[]> {
  const { articles } = JSON.parse(await readFile(path.join(ROOT, 'data/articles/manifest.json'), 'utf8')) as { articles: { id: string; file: string; published: string; source: string; url: string | null }[] };
  const records = await Promise.all(articles.map(async ({ file, ...meta }) => JSON.stringify({ ...meta, text: await readFile(path.join(ROOT, 'data/articles', file), 'utf8') })));
  const files: string[] = [];
  for (const [i, size] of sizes.entries()) {
    const file = path.join(tmp, `seeds-${i}.jsonl`);
    await writeFile(file, `${records.splice(0, size).join('\n')}\n`);
    files.push(file);
  }
  return files;
}
