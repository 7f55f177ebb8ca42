// The facts store in PostgreSQL (migration 001): articles, per-article facts keyed by (pipeline, article), runs and
// dead letters. Every write is an upsert, so a retried article or a re-run batch never duplicates anything. Ids are
// text too: an id holding NUL or a lone surrogate is stored encoded (encodeText) and read back decoded.
import { inTransaction, type Db } from './connect.js';
import { decodeText, encodeText } from './text-codec.js';
import { compareArticleIds } from '../pipeline/article-order.js';
import type { ArticleFacts, RawArticle } from '../types.js';

/** Facts a streaming read fetches at a time: enough to amortise the round trips, few enough to keep memory flat. */
const STREAM_BATCH = 500;

/** An article as stored: what ingest read, and the hash of its text. */
export interface StoredArticle {
  raw: RawArticle;
  hash: string;
}

/**
 * Stores articles (a new text under a known id replaces the old one; the same text changes nothing; the text encoded
 * where a text column cannot hold it, see text-codec.ts; meta and facts are json, which keeps any escape) and returns, for
 * each, whether the store held it already with this text, and whether facts of this pipeline are missing for it.
 */
export async function putArticles(db: Db, articles: StoredArticle[], pipeline: string): Promise<{ id: string; known: boolean; needsFacts: boolean }[]> {
  if (articles.length === 0) return [];
  const ids = articles.map((a) => encodeText(a.raw.meta.id));
  const { rows } = await db.query<{ id: string; known: boolean; needs_facts: boolean }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[], $5::text[]) AS i(id, hash, format, meta, text)
     ), before AS (
       SELECT a.id, a.hash FROM kg.articles a JOIN input USING (id)
     ), stored AS (
       INSERT INTO kg.articles AS a (id, hash, format, meta, text)
       SELECT id, hash, format, meta, text FROM input
       ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, format = excluded.format, meta = excluded.meta, text = excluded.text, stored_at = now()
         WHERE a.hash <> excluded.hash
     )
     SELECT i.id, (b.hash IS NOT DISTINCT FROM i.hash) AS known,
            NOT EXISTS (SELECT 1 FROM kg.facts f WHERE f.pipeline = $6 AND f.article_id = i.id AND f.hash = i.hash) AS needs_facts
     FROM input i LEFT JOIN before b USING (id)`,
    [ids, articles.map((a) => a.hash), articles.map((a) => a.raw.format), articles.map((a) => JSON.stringify(a.raw.meta)), articles.map((a) => encodeText(a.raw.text)), pipeline],
  );
  return rows.map((r) => ({ id: decodeText(r.id), known: r.known, needsFacts: r.needs_facts }));
}

/** The stored articles of these ids (those the store lacks are left out), with their hashes. */
export async function getArticles(db: Db, ids: string[]): Promise<StoredArticle[]> {
  const { rows } = await db.query<{ hash: string; format: RawArticle['format']; meta: RawArticle['meta']; text: string }>(
    'SELECT hash, format, meta, text FROM kg.articles WHERE id = ANY($1::text[]) ORDER BY id',
    [ids.map(encodeText)],
  );
  return rows.map((r) => ({ raw: { meta: r.meta, text: decodeText(r.text), format: r.format }, hash: r.hash }));
}

/** Of these ids, those whose stored text has facts of this pipeline already (a retried job finds its work done). */
export async function withFacts(db: Db, ids: string[], pipeline: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT a.id FROM kg.articles a JOIN kg.facts f ON f.pipeline = $2 AND f.article_id = a.id AND f.hash = a.hash WHERE a.id = ANY($1::text[])',
    [ids.map(encodeText), pipeline],
  );
  return new Set(rows.map((r) => decodeText(r.id)));
}

/**
 * Stores facts under (pipeline, article); facts of a text the article no longer has are not stored. Same facts twice
 * change nothing. An article with facts is no longer a dead letter.
 */
export async function putFacts(db: Db, pipeline: string, facts: ArticleFacts[]): Promise<void> {
  if (facts.length === 0) return;
  const ids = facts.map((f) => encodeText(f.meta.id));
  await inTransaction(db, async (client) => {
    await client.query(
      `INSERT INTO kg.facts AS f (pipeline, article_id, hash, facts)
       SELECT $1, i.id, i.hash, i.facts FROM unnest($2::text[], $3::text[], $4::json[]) AS i(id, hash, facts)
       JOIN kg.articles a ON a.id = i.id AND a.hash = i.hash
       ON CONFLICT (pipeline, article_id) DO UPDATE SET hash = excluded.hash, facts = excluded.facts, extracted_at = now()
         WHERE f.hash <> excluded.hash`,
      [pipeline, ids, facts.map((f) => f.hash), facts.map((f) => JSON.stringify(f))],
    );
    await client.query('DELETE FROM kg.dead_letters WHERE pipeline = $1 AND article_id = ANY($2::text[])', [pipeline, ids]);
  });
}

/**
 * Every article's current facts of this pipeline, in assembly order (compareArticleIds), never all in memory: the ids
 * first, sorted here, then the facts STREAM_BATCH at a time, all in one snapshot (a worker storing facts meanwhile
 * changes nothing of what is read).
 */
export async function* streamFacts(db: Db, pipeline: string): AsyncGenerator<ArticleFacts> {
  const client = await db.connect();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    const { rows } = await client.query<{ id: string }>(
      'SELECT f.article_id AS id FROM kg.facts f JOIN kg.articles a ON a.id = f.article_id AND a.hash = f.hash WHERE f.pipeline = $1',
      [pipeline],
    );
    const ids = rows.map((r) => decodeText(r.id)).sort(compareArticleIds);
    for (let i = 0; i < ids.length; i += STREAM_BATCH) {
      // The facts as their JSON text, parsed here: node-postgres would parse json columns too, but not lazily.
      const batch = await client.query<{ facts: string }>(
        'SELECT f.facts::text AS facts FROM unnest($2::text[]) WITH ORDINALITY AS i(id, n) JOIN kg.facts f ON f.pipeline = $1 AND f.article_id = i.id ORDER BY i.n',
        [pipeline, ids.slice(i, i + STREAM_BATCH).map(encodeText)],
      );
      for (const row of batch.rows) yield JSON.parse(row.facts) as ArticleFacts;
    }
    await client.query('COMMIT');
    open = false;
  } finally {
    // A reader that stops early leaves the snapshot open: rolled back before the connection goes back to the pool.
    if (open) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/**
 * What an assembly would read now (streamFacts): `state` holds the pipeline key, how many articles have current facts
 * (`articles`), and an MD5 of their ids and text hashes in id order. Facts of an article change only with its text (putFacts), and the key
 * covers the version, the KB and the code, so the same state means the same facts.
 */
export async function factsState(db: Db, pipeline: string): Promise<{ state: string; articles: number }> {
  const { rows } = await db.query<{ n: number; digest: string | null }>(
    `SELECT count(*)::int AS n, md5(string_agg(f.article_id || ' ' || f.hash, E'\n' ORDER BY f.article_id)) AS digest
     FROM kg.facts f JOIN kg.articles a ON a.id = f.article_id AND a.hash = f.hash WHERE f.pipeline = $1`,
    [pipeline],
  );
  return { state: `${pipeline} ${rows[0].n} ${rows[0].digest ?? '-'}`, articles: rows[0].n };
}

/** How many stored articles there are, and how many of them have facts of this pipeline. */
export async function countArticles(db: Db, pipeline: string): Promise<{ stored: number; withFacts: number }> {
  const { rows } = await db.query<{ stored: string; with_facts: string }>(
    `SELECT (SELECT count(*) FROM kg.articles) AS stored,
            (SELECT count(*) FROM kg.facts f JOIN kg.articles a ON a.id = f.article_id AND a.hash = f.hash WHERE f.pipeline = $1) AS with_facts`,
    [pipeline],
  );
  return { stored: Number(rows[0].stored), withFacts: Number(rows[0].with_facts) };
}

export type RunKind = 'build' | 'enqueue' | 'assemble';

/** Opens a run; returns its id. */
export async function startRun(db: Db, kind: RunKind, pipeline: string): Promise<number> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO kg.runs (kind, pipeline) VALUES ($1, $2) RETURNING id', [kind, pipeline]);
  return Number(rows[0].id);
}

/** Closes a run with its report. */
export async function finishRun(db: Db, id: number, report: unknown): Promise<void> {
  await db.query('UPDATE kg.runs SET finished_at = now(), report = $2 WHERE id = $1', [id, JSON.stringify(report)]);
}

/** The reports of finished runs of a kind after run `after` (exclusive), oldest first. */
export async function reportsSince<T>(db: Db, kind: RunKind, after: number): Promise<T[]> {
  const { rows } = await db.query<{ report: T }>('SELECT report FROM kg.runs WHERE kind = $1 AND id > $2 AND report IS NOT NULL ORDER BY id', [kind, after]);
  return rows.map((r) => r.report);
}

/** The id of the last finished run of a kind, or 0. */
export async function lastRun(db: Db, kind: RunKind, before: number): Promise<number> {
  const { rows } = await db.query<{ id: string | null }>('SELECT max(id) AS id FROM kg.runs WHERE kind = $1 AND finished_at IS NOT NULL AND id < $2', [kind, before]);
  return Number(rows[0].id ?? 0);
}

export interface DeadLetter {
  article: string;
  file: string | null;
  line: number | null;
  code: string;
  message: string;
  attempts: number;
}

/** Records articles that failed every attempt (the last reason wins). */
export async function putDeadLetters(db: Db, pipeline: string, letters: { article: string; code: string; message: string; attempts: number }[]): Promise<void> {
  if (letters.length === 0) return;
  await db.query(
    `INSERT INTO kg.dead_letters AS d (pipeline, article_id, code, message, attempts)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[])
     ON CONFLICT (pipeline, article_id) DO UPDATE SET code = excluded.code, message = excluded.message, attempts = excluded.attempts, failed_at = now()`,
    [pipeline, letters.map((l) => encodeText(l.article)), letters.map((l) => encodeText(l.code)), letters.map((l) => encodeText(l.message)), letters.map((l) => l.attempts)],
  );
}

/** The dead letters of this pipeline whose article still has no facts, in assembly order, with the file and line it came from. */
export async function listDeadLetters(db: Db, pipeline: string): Promise<DeadLetter[]> {
  // The meta whole, not meta->>'file': json operators fail on a value holding \u0000 anywhere (a title, say).
  const { rows } = await db.query<{ article_id: string; meta: RawArticle['meta'] | null; code: string; message: string; attempts: number }>(
    `SELECT d.article_id, a.meta, d.code, d.message, d.attempts
     FROM kg.dead_letters d LEFT JOIN kg.articles a ON a.id = d.article_id
     WHERE d.pipeline = $1 AND NOT EXISTS (SELECT 1 FROM kg.facts f WHERE f.pipeline = d.pipeline AND f.article_id = d.article_id AND f.hash = a.hash)`,
    [pipeline],
  );
  return rows
    .map((r) => ({ article: decodeText(r.article_id), file: r.meta?.file ?? null, line: r.meta?.line ?? null, code: decodeText(r.code), message: decodeText(r.message), attempts: r.attempts }))
    .sort((x, y) => compareArticleIds(x.article, y.article));
}
