// Text PostgreSQL cannot hold as it is (NUL, lone surrogates: a JSON input can give both) goes through the database
// losslessly: `kg build --db` (extracted here, or queued and extracted by a worker from the stored text) then
// `kg export --db` writes the bytes the build on files writes.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeWindowFolder } from '../../src/db/graph-window.js';
import { drainDeadLetters, enqueue, ensureQueues, failJob, fetchJobs, openQueue } from '../../src/db/queue.js';
import { getArticles, listDeadLetters, putArticles, putDeadLetters } from '../../src/db/store.js';
import { hashText } from '../../src/stages/ingest/index.js';
import { decodeText, encodeText, jsonbText, parseJsonb } from '../../src/db/text-codec.js';
import { kgCommand, ROOT } from '../helpers/kg-bin.js';
import { freshDatabase, migratedDatabase, type MigratedDatabase, type TestDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);

async function kg(args: string[]): Promise<string> {
  const [command, argv] = kgCommand(args);
  return (await run(command, argv, { cwd: ROOT, maxBuffer: 1 << 26 })).stderr;
}

/**
 * Real sentences of the dev set, each with one kind of awkward character where it ends up in a quote (or the title);
 * `kept` is the part of it the graph must hold.
 */
const ARTICLES: { case: string; id: string; title?: string; text: string; published: string; kept: string }[] = [
  { case: 'a NUL inside a reported sentence', id: 'aw-nul', published: '2016-10-11', text: 'President Uhuru Kenyatta this morning received South African President Jacob Zuma\u0000 at State House, Nairobi.', kept: 'Zuma\u0000 at' },
  { case: 'a NUL in the title', id: 'aw-nul-title', published: '2023-08-18', title: 'Ruto\u0000hosts Coons', text: 'The President hosted Delaware Senator Chris Andrew Coons at the State House.', kept: 'Ruto\u0000hosts' },
  { case: 'a lone high surrogate', id: 'aw-high', published: '2023-08-18', text: 'President William Ruto \ud83d held talks with Senator Chris Coons regarding global security and climate change.', kept: 'Ruto \ud83d held' },
  { case: 'a lone low surrogate', id: 'aw-low', published: '2019-12-03', text: 'A senior Hamas delegation headed by Ismail Haniyeh \ude00arrived in Cairo yesterday to meet Egyptian intelligence officials.', kept: 'Haniyeh \ude00arrived' },
  { case: 'a surrogate pair beside a lone surrogate', id: 'aw-pair', published: '2019-09-24', text: 'Foreign Minister S Jaishankar 😀\udc00 meets US special envoy Zalmay Khalilzad in New York.', kept: 'Jaishankar 😀\udc00 meets' },
  { case: "the store's own escape character, alone and before a code character", id: 'aw-escape', published: '2016-10-11', text: 'President Uhuru Kenyatta \uffff0 met South African President Jacob Zuma \uffff in Nairobi on Tuesday.', kept: 'Kenyatta \uffff0 met' },
  // Ids are keys in every table and in the queue's jobs. The last two sort one way in JavaScript (UTF-16 code units, the
  // order a build on files assembles in) and the other way by code point (PostgreSQL's "C" collation).
  { case: 'a NUL in the id', id: 'aw-id\u0000nul', published: '2011-09-01', text: 'Chinese President Hu Jintao and his Philippine counterpart Benigno Aquino III held talks in Beijing Wednesday afternoon.', kept: 'held talks in Beijing' },
  { case: 'a lone surrogate in the id', id: 'aw-id\ud800', published: '2020-03-25', text: 'On Tuesday, Prime Minister Narendra Modi spoke to European Commission President Ursula von der Leyen and discussed the global situation in the context of the pandemic.', kept: 'Modi spoke to' },
  { case: 'an id past U+FFFF', id: 'aw-z\u{1F600}', published: '2025-04-01', text: 'OTTAWA, ON, April 1, 2025 /CNW/ - Today, the Prime Minister, Mark Carney, spoke with the President of Mexico, Claudia Sheinbaum.', kept: 'Carney, spoke with' },
  { case: 'an id from U+E000 up, before it by code point', id: 'aw-z\uff01', published: '2019-09-24', text: 'Mr Jaishankar held talks with the foreign minister of Tajikistan, Siorjiddin Muhriddin.', kept: 'Jaishankar held talks' },
];

let work: string;
let input: string;
let onFiles: string;
let database: MigratedDatabase;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kg-awkward-'));
  input = path.join(work, 'awkward.jsonl');
  await writeFile(input, `${ARTICLES.map(({ case: _case, ...record }) => JSON.stringify(record)).join('\n')}\n`);
  await kg(['build', input, '--out', path.join(work, 'files'), '--workers', '1', '--no-cache', '--formats', 'none']);
  onFiles = await readFile(path.join(work, 'files', 'graph.json'), 'utf8');
  database = await migratedDatabase();
  await kg(['build', input, '--db', database.url, '--workers', '1']);
}, 180_000);
afterAll(async () => {
  await database.drop();
  await Promise.all(databases.map((d) => d.drop()));
  await rm(work, { recursive: true, force: true });
});

describe('the codec', () => {
  it.each(ARTICLES)('$case: encoded, the text holds no NUL and no lone surrogate, and decodes to itself', ({ text, title }) => {
    for (const value of [text, title ?? '']) {
      const encoded = encodeText(value);
      expect(encoded).not.toMatch(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(decodeText(encoded)).toBe(value);
      expect(parseJsonb(jsonbText({ [value]: [value] }))).toEqual({ [value]: [value] });
    }
  });

  it('leaves ordinary text as it is', () => {
    const plain = 'Vladimir Putin met Donald Trump in Anchorage 😀 Ürgüp \\u0000 "\\ud800"';
    expect(encodeText(plain)).toBe(plain);
    expect(jsonbText({ plain })).toBe(JSON.stringify({ plain }));
  });
});

describe('kg build --db', () => {
  it.each(ARTICLES)('$case: the stored text is the text read', async ({ id, text }) => {
    const [stored] = await getArticles(database.db, [id]);
    expect(stored.raw.text).toBe(text);
  });

  it('a dead letter whose article holds a NUL in its metadata is listed with its file and line', async () => {
    const [{ pipeline }] = (await database.db.query<{ pipeline: string }>('SELECT pipeline FROM kg.facts LIMIT 1')).rows;
    await putDeadLetters(database.db, pipeline, [{ article: 'aw-dead', code: 'article-timeout', message: 'took longer than 30 s', attempts: 3 }]);
    const raw = { meta: { id: 'aw-dead', title: 'Ruto\u0000hosts Coons', url: null, published: null, source: null, language: null, file: input, line: 7 }, text: 'The President hosted Delaware Senator Chris Andrew Coons.', format: 'json' as const };
    await putArticles(database.db, [{ raw, hash: 'not-extracted' }], pipeline);
    expect(await listDeadLetters(database.db, pipeline)).toEqual([{ article: 'aw-dead', file: input, line: 7, code: 'article-timeout', message: 'took longer than 30 s', attempts: 3 }]);
  });

  it('dead letters whose ids hold a NUL or a lone surrogate, their reasons quoting them, are listed as they were, in assembly order', async () => {
    const [{ pipeline }] = (await database.db.query<{ pipeline: string }>('SELECT pipeline FROM kg.facts LIMIT 1')).rows;
    const ids = ['aw-dead-z\uff01', 'aw-dead-\u0000', 'aw-dead-z\u{1F600}', 'aw-dead-\udc00'];
    await putDeadLetters(database.db, pipeline, ids.map((id) => ({ article: id, code: 'article-failed', message: `article "${id}" failed`, attempts: 1 })));
    const listed = (await listDeadLetters(database.db, pipeline)).filter((l) => l.article.startsWith('aw-dead-'));
    expect(listed.map((l) => [l.article, l.message])).toEqual(['aw-dead-\u0000', 'aw-dead-z\u{1F600}', 'aw-dead-z\uff01', 'aw-dead-\udc00'].map((id) => [id, `article "${id}" failed`]));
  });

  it('a job of an id with a NUL and a lone surrogate, failed with a reason quoting it, reaches the dead-letter queue as it was', async () => {
    const queued = await migratedDatabase();
    databases.push(queued);
    const boss = await openQueue(queued.db);
    try {
      await ensureQueues(boss, { retries: 0, expirySeconds: 60 });
      const id = 'aw-job\u0000\ud800';
      expect(await enqueue(boss, 'p', [{ id, hash: hashText('text'), known: false }])).toBe(1);
      const [job] = await fetchJobs(boss, 5);
      expect(job.article).toBe(id);
      await failJob(boss, job.id, { article: id, code: 'article-failed', message: `article "${id}" failed` });
      expect(await drainDeadLetters(boss)).toEqual([{ article: id, pipeline: 'p', code: 'article-failed', message: `article "${id}" failed` }]);
    } finally {
      await boss.stop({ close: false, graceful: false });
    }
  });

  it.each(ARTICLES)('$case: the build on files holds it in the graph (a quote, the article label)', ({ kept }) => {
    expect(onFiles).toContain(JSON.stringify(kept).slice(1, -1));
  });

  it.each(['json', 'graphml', 'gexf', 'csv', 'neo4j'])('kg export --db --format %s writes what kg export writes from the build on files', async (format) => {
    const fromDb = path.join(work, `db.${format}`);
    const fromFile = path.join(work, `file.${format}`);
    await kg(['export', '--db', database.url, '--format', format, '--out', fromDb]);
    await kg(['export', path.join(work, 'files', 'graph.json'), '--format', format, '--out', fromFile]);
    // A folder's files by name (csv, neo4j), or the one file.
    const bytes = async (target: string): Promise<Record<string, string>> => {
      const names = await readdir(target).catch(() => null);
      if (names === null) return { '': await readFile(target, 'utf8') };
      return Object.fromEntries(await Promise.all(names.sort().map(async (name) => [name, await readFile(path.join(target, name), 'utf8')])));
    };
    expect(await bytes(fromDb)).toEqual(await bytes(fromFile));
  }, 60_000);

  it('kg view --db writes every article text of the window, ids holding NUL or a lone surrogate too, as the build on files does', async () => {
    const dir = path.join(work, 'window');
    const { texts } = await writeWindowFolder(database.db, {}, dir);
    const articles = JSON.parse(onFiles).attributes.articles as { id: string; textFile: string }[];
    expect(texts).toBe(articles.length);
    for (const a of articles) expect(await readFile(path.join(dir, a.textFile), 'utf8')).toBe(await readFile(path.join(work, 'files', a.textFile), 'utf8'));
    expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining(['aw-id\u0000nul', 'aw-id\ud800']));
  });

  it('kg query --db prints what kg query --graph prints', async () => {
    const query = async (...args: string[]): Promise<string> => (await run(...kgCommand(['query', 'events', '--json', ...args]), { cwd: ROOT })).stdout;
    const [fromFile, fromDb] = await Promise.all([query('--graph', path.join(work, 'files', 'graph.json')), query('--db', database.url)]);
    expect(fromDb).toBe(fromFile);
    expect(fromDb).toContain('\\u0000');
  }, 60_000);

  it('queued and extracted by a worker from the stored text, gives the graph of the build on files', async () => {
    const queued = await freshDatabase();
    databases.push(queued);
    await kg(['build', input, '--db', queued.url, '--queue']);
    await kg(['worker', '--db', queued.url, '--until-empty', '--poll', '0.2']);
    await kg(['assemble', '--db', queued.url]);
    const out = path.join(work, 'queued.json');
    await kg(['export', '--db', queued.url, '--format', 'json', '--out', out]);
    expect(await readFile(out, 'utf8')).toBe(onFiles);
  }, 180_000);
});
