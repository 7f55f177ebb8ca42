// The extraction queue on pg-boss 10 (its own schema, pgboss, in the same database): one job per article, fetched in
// batches. A job that fails or whose worker dies (the job expires) is retried; past its retries pg-boss moves it to
// the dead-letter queue, which assembly drains into kg.dead_letters with the reason.
import PgBoss from 'pg-boss';
import type { Db } from './connect.js';
import { decodeText, encodeText } from './text-codec.js';

export const EXTRACT_QUEUE = 'kg-extract';
export const DEAD_LETTER_QUEUE = 'kg-extract-dead';

/**
 * What a job carries: the article to extract and the pipeline (version, KB and code) that must extract it. Job data
 * and outputs are jsonb, so their strings are encoded (text-codec.ts): use fetchJobs, failJob and drainDeadLetters.
 */
interface ExtractJobData {
  article: string;
  pipeline: string;
}

/** Why a job failed, as the worker gives it to pg-boss (a job that expired gets pg-boss's own message instead). */
export interface JobFailure {
  article: string;
  code: string;
  message: string;
}

import { DEFAULT_QUEUE_SETTINGS, type QueueSettings } from './queue-settings.js';
export { DEFAULT_QUEUE_SETTINGS, type QueueSettings } from './queue-settings.js';

export interface QueueOptions {
  /** Run pg-boss's maintenance (expiring the jobs of dead workers) in this process, every this many seconds. */
  maintenanceSeconds?: number;
}

/** pg-boss on the command's own pool, its schema created or migrated (under its own advisory lock) on first use. */
export async function openQueue(db: Db, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => db.query(text, values) },
    supervise: options.maintenanceSeconds !== undefined,
    ...(options.maintenanceSeconds !== undefined ? { maintenanceIntervalSeconds: options.maintenanceSeconds } : {}),
    schedule: false,
  });
  // Errors of the background maintenance are retried on the next round; a failing query of ours throws where it is made.
  boss.on('error', () => {});
  await boss.start();
  return boss;
}

/**
 * Creates the two queues, or updates the extraction queue's retries and expiry when settings are given. The
 * extraction queue has pg-boss's "short" policy: at most one waiting job per singleton key (see enqueue).
 */
export async function ensureQueues(boss: PgBoss, settings?: QueueSettings): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE);
  const wanted = settings ?? DEFAULT_QUEUE_SETTINGS;
  const options = { name: EXTRACT_QUEUE, policy: 'short' as const, retryLimit: wanted.retries, expireInSeconds: wanted.expirySeconds, deadLetter: DEAD_LETTER_QUEUE };
  const queue = await boss.getQueue(EXTRACT_QUEUE);
  if (!queue) await boss.createQueue(EXTRACT_QUEUE, options);
  // A queue made before the policy was set gets it too (its waiting jobs keep theirs).
  else if (settings || queue.policy !== options.policy) await boss.updateQueue(EXTRACT_QUEUE, settings ? options : { ...options, retryLimit: queue.retryLimit, expireInSeconds: queue.expireInSeconds });
}

/** An article to extract: its id, the hash of the text stored for it, and whether the store held that text before (only then can a job of it be waiting). */
export interface QueuedArticle {
  id: string;
  hash: string;
  known: boolean;
}

/** The job's singleton key: one article, one text, one pipeline. */
function singletonKey(pipeline: string, article: QueuedArticle): string {
  return encodeText(`${pipeline}:${article.hash}:${article.id}`);
}

/**
 * One job per article, but none for an article whose text has a job of this pipeline not yet finished (waiting,
 * being retried or active: the same file queued twice before the workers got to it). A changed text is another key,
 * so it gets its job. Returns how many jobs were queued.
 */
export async function enqueue(boss: PgBoss, pipeline: string, articles: QueuedArticle[]): Promise<number> {
  if (articles.length === 0) return 0;
  const keys = articles.map((article) => singletonKey(pipeline, article));
  const known = keys.filter((_key, i) => articles[i].known);
  // A join, not "= ANY": one pass over the queue's jobs whatever the batch size.
  const { rows } = known.length === 0 ? { rows: [] } : await boss.getDb().executeSql(
    "SELECT DISTINCT j.singleton_key AS key FROM pgboss.job j JOIN unnest($2::text[]) AS k(key) ON k.key = j.singleton_key WHERE j.name = $1 AND j.state < 'completed'",
    [EXTRACT_QUEUE, known],
  );
  const pending = new Set((rows as { key: string }[]).map((row) => row.key));
  const jobs = articles.flatMap((article, i) => (pending.has(keys[i]) ? [] : [{ name: EXTRACT_QUEUE, singletonKey: keys[i], data: { article: encodeText(article.id), pipeline } satisfies ExtractJobData }]));
  // The queue's policy makes a second waiting job of a key, sent by another enqueue at the same moment, a no-op.
  if (jobs.length > 0) await boss.insert(jobs);
  return jobs.length;
}

/** An extraction job as a worker sees it: the job's id, the article (decoded) and its pipeline. */
export interface ExtractJob {
  id: string;
  article: string;
  pipeline: string;
}

/** Fetches up to `batchSize` extraction jobs (SKIP LOCKED: no other worker gets them). */
export async function fetchJobs(boss: PgBoss, batchSize: number): Promise<ExtractJob[]> {
  const jobs = await boss.fetch<ExtractJobData>(EXTRACT_QUEUE, { batchSize });
  return jobs.map((job) => ({ id: job.id, article: decodeText(job.data.article), pipeline: job.data.pipeline }));
}

/** Fails a job with the reason (retried, or past its retries moved to the dead-letter queue). */
export function failJob(boss: PgBoss, id: string, failure: JobFailure): Promise<unknown> {
  return boss.fail(EXTRACT_QUEUE, id, { article: encodeText(failure.article), code: encodeText(failure.code), message: encodeText(failure.message) });
}

/** Attempts a job gets before it is a dead letter. */
export async function attemptsPerJob(boss: PgBoss): Promise<number> {
  return ((await boss.getQueue(EXTRACT_QUEUE))?.retryLimit ?? DEFAULT_QUEUE_SETTINGS.retries) + 1;
}

/** Jobs not finished yet: waiting, being retried or active. */
export function unfinishedJobs(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(EXTRACT_QUEUE, { before: 'completed' });
}

/** Takes every job off the dead-letter queue, with the reason of its last failure. */
export async function drainDeadLetters(boss: PgBoss): Promise<(JobFailure & { pipeline: string })[]> {
  const letters: (JobFailure & { pipeline: string })[] = [];
  for (;;) {
    const jobs = await boss.fetch<ExtractJobData>(DEAD_LETTER_QUEUE, { batchSize: 1000, includeMetadata: true });
    if (jobs.length === 0) return letters;
    for (const job of jobs) {
      const output = (job.output ?? {}) as Partial<JobFailure> & { value?: { message?: string } };
      // A job that expired every time carries pg-boss's message: its worker died or hung past the expiry.
      letters.push({
        article: decodeText(job.data.article),
        pipeline: job.data.pipeline,
        code: typeof output.code === 'string' ? decodeText(output.code) : 'job-expired',
        message: typeof output.message === 'string' ? decodeText(output.message) : `its worker stopped or hung past the job's expiry (${output.value?.message ?? 'no reason given'})`,
      });
    }
    await boss.complete(DEAD_LETTER_QUEUE, jobs.map((j) => j.id));
  }
}
