// The query API's PostgreSQL back end against the in-memory one: the same answers, in the same order, to every
// kind of question, on the query fixture, the seed build and a generated graph.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDb, type Db } from '../../src/db/connect.js';
import { DbKnowledgeGraph } from '../../src/db/graph-queries.js';
import { writeGraph } from '../../src/db/graph-write.js';
import type { KgGraph } from '../../src/graph/model.js';
import { parseGraph } from '../../src/graph/serialize.js';
import { readGraph } from '../../src/db/graph-read.js';
import { generateGraph } from '../../scripts/bench/graph.js';
import { KnowledgeGraph } from '../../src/query/index.js';
import type { GraphQueries } from '../../src/query/types.js';
import { FIXTURE_GRAPH } from '../query/helpers.js';
import { kgCommand } from '../helpers/kg-bin.js';
import { freshDatabase, migratedDatabase, type MigratedDatabase } from '../helpers/postgres.js';
import { questionsFor } from './query-questions.js';

const run = promisify(execFile);
let database: MigratedDatabase;
let db: Db;
let work: string;

beforeAll(async () => {
  database = await migratedDatabase();
  db = database.db;
  work = await mkdtemp(path.join(tmpdir(), 'kg-query-db-'));
});
afterAll(async () => {
  await database.drop();
  await rm(work, { recursive: true, force: true });
});

/** What a question gives: its result, or the error's code and message. */
async function answer(ask: (kg: GraphQueries) => unknown, kg: GraphQueries): Promise<unknown> {
  try {
    return await ask(kg);
  } catch (error) {
    return { error: (error as { code?: string }).code ?? 'no code', message: (error as Error).message };
  }
}

/** Stores the graph and asks both back ends; the in-memory one gets the graph as read back, which is graph.json's (graph.test.ts), edge keys included. */
async function compare(graph: KgGraph): Promise<number> {
  await writeGraph(db, graph);
  const memory = new KnowledgeGraph(await readGraph(db));
  const stored = await DbKnowledgeGraph.open(db);
  const questions = questionsFor(memory);
  for (const { name, ask } of questions) {
    const [expected, got] = [await answer(ask, memory), await answer(ask, stored)];
    expect({ name, got }).toEqual({ name, got: expected });
  }
  return questions.length;
}

it('answers every question on the query fixture as the in-memory back end does', async () => {
  expect(await compare(parseGraph(await readFile(FIXTURE_GRAPH, 'utf8')))).toBeGreaterThan(50);
});

it('answers every question on the seed build as the in-memory back end does', async () => {
  const out = path.join(work, 'seeds');
  const [command, args] = kgCommand(['build', '--out', out, '--workers', '1', '--no-cache', '--formats', 'none']);
  await run(command, args);
  expect(await compare(parseGraph(await readFile(path.join(out, 'graph.json'), 'utf8')))).toBeGreaterThan(50);
}, 120_000);

it('answers every question on a generated graph (graphology edge keys, parallel edges, many namesakes) as the in-memory back end does', async () => {
  expect(await compare(generateGraph(1000))).toBeGreaterThan(50);
}, 120_000);

it('says when the database holds no graph', async () => {
  const empty = await freshDatabase();
  const other = await openDb(empty.url);
  try {
    await expect(DbKnowledgeGraph.open(other)).rejects.toMatchObject({ code: 'graph-not-found' });
  } finally {
    await other.end();
    await empty.drop();
  }
});
