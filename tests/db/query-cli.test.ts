// `kg query` (scripts with `kg query run` too) and `kg export` with --db give what they give on graph.json: for the seed
// build and for a synthetic corpus build (scripts/bench/corpus.ts), the same output byte for byte.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDb, type Db } from '../../src/db/connect.js';
import { DbKnowledgeGraph } from '../../src/db/graph-queries.js';
import { writeGraph } from '../../src/db/graph-write.js';
import { migrate } from '../../src/db/migrate.js';
import { viewerFilePath } from '../../src/export/viewer-file.js';
import { parseGraph } from '../../src/graph/serialize.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { KnowledgeGraph } from '../../src/query/index.js';
import { writeCorpus } from '../../scripts/bench/corpus.js';
import { kgCommand } from '../helpers/kg-bin.js';
import { freshDatabase, type TestDatabase } from '../helpers/postgres.js';

/**
 * Articles in the synthetic corpus: the 5,000 (about three minutes of building on two cores). KG_TEST_CORPUS_ARTICLES
 * sets another size; KG_TEST_CORPUS_BUILT names a folder where `kg build` already built writeCorpus's corpus of that
 * size, to compare on it without building.
 */
const CORPUS_ARTICLES = Number(process.env.KG_TEST_CORPUS_ARTICLES ?? 5000);
const CORPUS_BUILT = process.env.KG_TEST_CORPUS_BUILT;
const run = promisify(execFile);
let work: string;

async function kg(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const [command, argv] = kgCommand(args);
  try {
    const { stdout, stderr } = await run(command, argv, { maxBuffer: 1 << 28 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** The files under a folder (or the one file), by name relative to it, with their bytes. */
async function filesOf(target: string): Promise<Record<string, string>> {
  const entries = await readdir(target).catch(() => null);
  if (entries === null) return { '': await readFile(target, 'utf8') };
  return Object.fromEntries(await Promise.all(entries.sort().map(async (name) => [name, await readFile(path.join(target, name), 'utf8')])));
}

/** A graph built into a folder and stored in a database of its own. */
interface Stored {
  graphFile: string;
  url: string;
  memory: KnowledgeGraph;
  database: TestDatabase;
}

async function store(name: string, inputs: string[], workers: string, prebuilt?: string): Promise<Stored> {
  const out = prebuilt ?? path.join(work, name);
  if (prebuilt === undefined) {
    const built = await kg(['build', ...inputs, '--out', out, '--workers', workers, '--no-cache', '--formats', 'none']);
    expect(built.code).toBe(0);
  }
  const graphFile = path.join(out, 'graph.json');
  const memory = new KnowledgeGraph(parseGraph(await readFile(graphFile, 'utf8')));
  const database = await freshDatabase();
  const db: Db = await openDb(database.url);
  try {
    await migrate(db);
    await writeGraph(db, memory.graph);
  } finally {
    await db.end();
  }
  return { graphFile, url: database.url, memory, database };
}

/** `kg query` command lines over a graph's own entities: the most connected person and country, and the top pair. */
function queriesFor(memory: KnowledgeGraph): string[][] {
  const [person, other] = memory.top({ by: 'events', kind: 'person', limit: 2 }).map((r) => r.key);
  const [country] = memory.top({ by: 'events', kind: 'country', limit: 1 }).map((r) => r.key);
  const year = memory.events()[0]?.dateStart?.slice(0, 4) ?? '2024';
  return [
    ['events', '--json'],
    ['events', '--type', 'visit', '--from', year, '--csv'],
    ['events', '--country', country, '--status', 'occurred'],
    ['timeline', person, '--json'],
    ['timeline', country, '--to', year],
    ['between', person, other],
    ['neighbors', person, '--projection'],
    ['neighbors', country, '--json'],
    ['path', person, country, '--json'],
    ['top', '--by', 'pagerank', '--kind', 'person'],
    ['top', '--by', 'events', '--limit', '20', '--json'],
    ['find', person.split(':')[1].replace(/-/g, ' ')],
    ['find', 'Xqzwvb'],
  ];
}

async function sameQueries(stored: Stored): Promise<void> {
  for (const query of queriesFor(stored.memory)) {
    const [file, db] = await Promise.all([kg(['query', ...query, '--graph', stored.graphFile]), kg(['query', ...query, '--db', stored.url])]);
    expect({ query, ...db }).toEqual({ query, ...file });
  }
}

async function sameExports(stored: Stored, formats: string[]): Promise<void> {
  for (const format of formats) {
    const [fromFile, fromDb] = [path.join(work, `${path.basename(path.dirname(stored.graphFile))}-file.${format}`), path.join(work, `${path.basename(path.dirname(stored.graphFile))}-db.${format}`)];
    expect((await kg(['export', stored.graphFile, '--format', format, '--out', fromFile])).code).toBe(0);
    const exported = await kg(['export', '--db', stored.url, '--format', format, '--out', fromDb]);
    expect(exported.code).toBe(0);
    expect(await filesOf(fromDb)).toEqual(await filesOf(fromFile));
    // graph.json comes with the viewer's drawing file from both.
    if (format === 'json') expect(await readFile(viewerFilePath(fromDb), 'utf8')).toBe(await readFile(viewerFilePath(fromFile), 'utf8'));
  }
}

const graphs: Stored[] = [];
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kg-query-cli-db-'));
});
afterAll(async () => {
  for (const stored of graphs) await stored.database.drop();
  await rm(work, { recursive: true, force: true });
});

describe('the seed build', () => {
  let seeds: Stored;
  beforeAll(async () => {
    seeds = await store('seeds', [], '1');
    graphs.push(seeds);
  }, 120_000);

  it('kg query --db prints what kg query --graph prints', async () => {
    await sameQueries(seeds);
  }, 120_000);

  it('kg export --db writes the files kg export writes from graph.json, in every format', async () => {
    await sameExports(seeds, ['json', 'graphml', 'csv', 'gexf', 'neo4j']);
  }, 120_000);

  it.each(['gexf', 'graphml', 'csv'])('kg export --db --projection people --format %s writes what it writes from graph.json', async (format) => {
    const [fromFile, fromDb] = ['file', 'db'].map((side) => path.join(work, `seeds-people-${side}.${format}`));
    expect((await kg(['export', seeds.graphFile, '--projection', 'people', '--format', format, '--out', fromFile])).code).toBe(0);
    expect((await kg(['export', '--db', seeds.url, '--projection', 'people', '--format', format, '--out', fromDb])).code).toBe(0);
    expect(await filesOf(fromDb)).toEqual(await filesOf(fromFile));
  }, 60_000);

  it('kg export --db --format json writes graph.json byte for byte', async () => {
    const out = path.join(work, 'seeds-again.json');
    expect((await kg(['export', '--db', seeds.url, '--format', 'json', '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await readFile(seeds.graphFile, 'utf8'));
  });

  /** Scripts written for either back end (each query awaited), one per kind of question. */
  const SCRIPTS: [string, string][] = [
    ['every event between two people, with its quotes', "export default async (kg: GraphQueries) => (await kg.interactions('Putin', 'Trump')).map((e) => ({ date: e.date, type: e.type, quotes: e.sources.map((s) => s.quote) }));"],
    ['the most connected person and the ties of that person', "export default async (kg: GraphQueries) => { const [first] = await kg.top({ by: 'events', kind: 'person', limit: 1 }); return { first, ties: await kg.neighbors(first.key, { projection: true }) }; };"],
    ['a path, a tie and a lookup by surname', "export default async (kg: GraphQueries) => ({ path: await kg.path('Trump', 'country:HU'), tie: await kg.tie('Putin', 'Trump'), found: await kg.lookup('orban') });"],
    ['an unknown name, which fails the same way', "export default async (kg: GraphQueries) => kg.timeline('Xqzwvb Nobody');"],
  ];

  it.each(SCRIPTS)('kg query run --db prints what kg query run --graph prints: %s', async (name, body) => {
    const script = path.join(work, `${name.replace(/\W+/g, '-')}.ts`);
    await writeFile(script, `import type { GraphQueries } from 'kg';\n${body}\n`);
    const [file, db] = await Promise.all([kg(['query', 'run', script, '--graph', seeds.graphFile]), kg(['query', 'run', script, '--db', seeds.url])]);
    expect(db).toEqual(file);
    expect(file.stdout.length + file.stderr.length).toBeGreaterThan(0);
  }, 120_000);

  it('kg query run --db: a script that reaches past the query methods is told what the stored graph answers', async () => {
    const script = path.join(work, 'in-memory-only.ts');
    await writeFile(script, 'export default (kg: { graph: { order: number } }) => kg.graph.order;\n');
    const result = await kg(['query', 'run', script, '--db', seeds.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/kg\.graph: the graph stored in PostgreSQL answers lookup, find, events, timeline, interactions, tie, neighbors, path, top/);
  }, 60_000);

  it('a database without a graph is a clear error', async () => {
    const empty = await freshDatabase();
    try {
      const result = await kg(['query', 'events', '--db', empty.url]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/holds no graph yet/);
    } finally {
      await empty.drop();
    }
  });

  it('a server that cannot be reached is a clear error naming the URL, and --into with --db a usage error', async () => {
    const unreachable = await kg(['query', 'events', '--db', 'postgres://kg@127.0.0.1:1/kg']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot connect to PostgreSQL at postgres:\/\/kg@127\.0\.0\.1:1\/kg \(ECONNREFUSED\)/);
    const into = await kg(['build', '--db', 'postgres://kg@127.0.0.1:1/kg', '--into', '--out', '/tmp/kg-unused-out']);
    expect(into.code).toBe(2);
    expect(into.stderr).toMatch(/--into is for output folders/);
  });
});

describe(`a ${CORPUS_ARTICLES}-article synthetic corpus`, () => {
  let corpus: Stored;
  beforeAll(async () => {
    const file = path.join(work, 'corpus.jsonl');
    if (CORPUS_BUILT === undefined) await writeCorpus(file, CORPUS_ARTICLES, loadKnowledgeBase());
    corpus = await store('corpus', [file], '2', CORPUS_BUILT);
    expect(corpus.memory.graph.getAttribute('articles')).toHaveLength(CORPUS_ARTICLES);
    graphs.push(corpus);
  }, 1_800_000);

  it('kg query --db prints what kg query --graph prints', async () => {
    await sameQueries(corpus);
  }, 900_000);

  // A country's projection tie to a person once put the person at every event held in that country.
  it("a person's timeline holds only events the person takes part in, in memory and in the database", async () => {
    const people = corpus.memory.top({ by: 'events', kind: 'person', limit: 20 }).map((r) => r.key);
    const db = await openDb(corpus.url);
    try {
      const stored = new DbKnowledgeGraph(db);
      for (const person of people) {
        const memory = corpus.memory.timeline(person);
        expect(memory.length).toBeGreaterThan(0);
        expect(memory.filter((e) => !e.participants.some((p) => p.key === person))).toEqual([]);
        expect(await stored.timeline(person)).toEqual(memory);
      }
    } finally {
      await db.end();
    }
  }, 300_000);

  it('kg export --db writes the files kg export writes from graph.json, in every format', async () => {
    await sameExports(corpus, ['json', 'graphml', 'csv', 'gexf', 'neo4j']);
  }, 900_000);
});
