// The facts store on a real server: articles and facts written twice are stored once; a changed text needs new facts,
// and the old facts stop counting; facts stream back in id order; a dead letter goes once its article has facts; the
// facts' state (what an assembly would read) changes exactly when the facts that count do.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../src/db/connect.js';
import { countArticles, factsState, listDeadLetters, putArticles, putDeadLetters, putFacts, streamFacts, type StoredArticle } from '../../src/db/store.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { extractArticleFacts } from '../../src/pipeline/extract.js';
import { hashText } from '../../src/stages/ingest/index.js';
import type { ArticleFacts, RawArticle } from '../../src/types.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/postgres.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PIPELINE = 'test-pipeline';

let database: MigratedDatabase;
let db: Db;
let articles: StoredArticle[];
let facts: ArticleFacts[];
/** factsState after each test, to compare with the next. */
const states: string[] = [];

beforeAll(async () => {
  database = await migratedDatabase();
  db = database.db;
  const kb = loadKnowledgeBase();
  const texts = [
    ['b-visit', 'Indian Prime Minister Narendra Modi met US President Joe Biden in Washington on Thursday.'],
    ['a-seed', await readFile(path.join(ROOT, 'data/articles/004_526fbc0e294a48ad.txt'), 'utf8')],
  ];
  const raws: RawArticle[] = texts.map(([id, text]) => ({ meta: { id, title: null, url: null, published: '2023-06-24', source: null, language: null, file: `${id}.txt` }, text, format: 'txt' }));
  articles = raws.map((raw) => ({ raw, hash: hashText(raw.text) }));
  facts = raws.map((raw) => extractArticleFacts(raw, kb));
});
afterAll(async () => {
  await database.drop();
});

async function rowCounts(): Promise<number[]> {
  const { rows } = await db.query('SELECT (SELECT count(*) FROM kg.articles)::int AS a, (SELECT count(*) FROM kg.facts)::int AS f');
  return [rows[0].a, rows[0].f];
}

test('articles and facts written twice are stored once, and stream back in id order as they were', async () => {
  expect(await putArticles(db, articles, PIPELINE)).toEqual([
    { id: 'b-visit', known: false, needsFacts: true },
    { id: 'a-seed', known: false, needsFacts: true },
  ]);
  await putFacts(db, PIPELINE, facts);
  await putFacts(db, PIPELINE, facts);
  expect(await putArticles(db, articles, PIPELINE)).toEqual([
    { id: 'b-visit', known: true, needsFacts: false },
    { id: 'a-seed', known: true, needsFacts: false },
  ]);
  expect(await rowCounts()).toEqual([2, 2]);
  states.push((await factsState(db, PIPELINE)).state);
  await putFacts(db, PIPELINE, facts);
  expect((await factsState(db, PIPELINE)).state).toBe(states[0]);
  expect(states[0]).toMatch(/^test-pipeline 2 [0-9a-f]{32}$/);
  expect(await factsState(db, 'another-pipeline')).toEqual({ state: 'another-pipeline 0 -', articles: 0 });
  const streamed: ArticleFacts[] = [];
  for await (const f of streamFacts(db, PIPELINE)) streamed.push(f);
  expect(streamed.map((f) => JSON.stringify(f))).toEqual([facts[1], facts[0]].map((f) => JSON.stringify(f)));
});

test('a new text under a known id needs new facts; the facts of the old text no longer count', async () => {
  const changed: StoredArticle = { raw: { ...articles[0].raw, text: `${articles[0].raw.text} They spoke again on Friday.` }, hash: '' };
  changed.hash = hashText(changed.raw.text);
  expect(await putArticles(db, [changed], PIPELINE)).toEqual([{ id: 'b-visit', known: false, needsFacts: true }]);
  expect(await countArticles(db, PIPELINE)).toEqual({ stored: 2, withFacts: 1 });
  // Facts of the old text, arriving late from a slow worker, are not stored over the new text.
  await putFacts(db, PIPELINE, [facts[0]]);
  expect(await countArticles(db, PIPELINE)).toEqual({ stored: 2, withFacts: 1 });
  states.push((await factsState(db, PIPELINE)).state);
  expect(states[1]).toMatch(/^test-pipeline 1 /);
});

test('a dead letter is listed with its file until its article has facts', async () => {
  await putDeadLetters(db, PIPELINE, [{ article: 'b-visit', code: 'article-timeout', message: 'took too long', attempts: 3 }]);
  await putDeadLetters(db, PIPELINE, [{ article: 'b-visit', code: 'article-timeout', message: 'took too long again', attempts: 3 }]);
  expect(await listDeadLetters(db, PIPELINE)).toEqual([{ article: 'b-visit', file: 'b-visit.txt', line: null, code: 'article-timeout', message: 'took too long again', attempts: 3 }]);
  const kb = loadKnowledgeBase();
  const { rows } = await db.query("SELECT meta, text, format FROM kg.articles WHERE id = 'b-visit'");
  await putFacts(db, PIPELINE, [extractArticleFacts({ meta: rows[0].meta, text: rows[0].text, format: rows[0].format }, kb)]);
  expect(await listDeadLetters(db, PIPELINE)).toEqual([]);
  // Two articles' facts again, but of a new text: not the state of the first two.
  const { state } = await factsState(db, PIPELINE);
  expect(state).toMatch(/^test-pipeline 2 /);
  expect(states).not.toContain(state);
});
