// `kg worker --db URL`: takes extraction jobs off the queue a batch at a time, extracts the articles with the same
// extractArticleFacts as a local build (on N threads with --concurrency N, each article within its time budget), stores
// their facts and completes the jobs. At least once: a job whose worker dies expires and is retried, and the facts'
// upsert makes the retry harmless; a job whose facts are stored already is completed without extracting again.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import type PgBoss from 'pg-boss';
import { DEFAULT_QUEUE_SETTINGS, ensureQueues, EXTRACT_QUEUE, failJob, fetchJobs, openQueue, unfinishedJobs, type JobFailure } from '../db/queue.js';
import { batchWithinExpiry, WORKER_LANES } from '../db/queue-settings.js';
import { getArticles, withFacts } from '../db/store.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { budgetedExtractor, extractAndStore, pipelineKey } from '../pipeline/db-build.js';

export interface WorkerOptions {
  db: Db;
  kbPaths: string[];
  /** Extraction threads (1: in this thread). */
  concurrency: number;
  /** Jobs fetched at a time: at most what the threads finish within the jobs' expiry (batchWithinExpiry). */
  batch: number;
  /** Told when the batch is cut to fit the expiry, or when even one article a lane cannot fit. */
  onNotice?: (message: string) => void;
  /** How long to wait before asking again when the queue is empty. */
  pollMs: number;
  /** How often this worker runs pg-boss's maintenance, which retries the jobs of dead workers once they expire. */
  maintenanceSeconds: number;
  /** Stop once every job is finished (completed or dead), instead of waiting for more. */
  untilEmpty: boolean;
  articleTimeoutMs: number;
  /** Stops after the batch in hand. */
  signal?: AbortSignal;
  onBatch?: (totals: WorkerTotals) => void;
}

export interface WorkerTotals {
  pipeline: string;
  jobs: number;
  extracted: number;
  /** Articles whose facts were stored already (a retried job). */
  alreadyDone: number;
  failed: number;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerTotals> {
  const { db } = options;
  await migrate(db);
  const kb = loadKnowledgeBase(undefined, options.kbPaths);
  const pipeline = await pipelineKey(kb);
  const boss = await openQueue(db, { maintenanceSeconds: options.maintenanceSeconds });
  const extractor = budgetedExtractor(options.concurrency, kb, options.articleTimeoutMs);
  const totals: WorkerTotals = { pipeline, jobs: 0, extracted: 0, alreadyDone: 0, failed: 0 };

  const lane = async (): Promise<void> => {
    while (!options.signal?.aborted) {
      const jobs = await fetchJobs(boss, batch);
      if (jobs.length === 0) {
        if (options.untilEmpty && (await unfinishedJobs(boss)) === 0) return;
        await sleep(options.pollMs, undefined, { signal: options.signal }).catch(() => {});
        continue;
      }
      totals.jobs += jobs.length;
      // Jobs of another pipeline (another kg version or other --kb files) are left to the workers that run it.
      for (const job of jobs.filter((j) => j.pipeline !== pipeline)) {
        await failJob(boss, job.id, { article: job.article, code: 'pipeline-mismatch', message: `article "${job.article}" was queued for pipeline ${job.pipeline}, and this worker runs ${pipeline}: run the worker from the same kg version, with the same --kb files, as the build that queued it` });
      }
      const mine = jobs.filter((j) => j.pipeline === pipeline);
      // One article may have several jobs (queued twice): extracted once, every job completed with it.
      const ids = [...new Set(mine.map((j) => j.article))];
      const done = await withFacts(db, ids, pipeline);
      const stored = await getArticles(db, ids.filter((id) => !done.has(id)));
      const found = new Set(stored.map((s) => s.raw.meta.id));
      const failures = new Map<string, JobFailure>();
      for (const id of ids) if (!done.has(id) && !found.has(id)) failures.set(id, { article: id, code: 'article-missing', message: `article "${id}" is not in the database (kg.articles); queue it again with kg build --db URL --queue` });
      const { failed } = await extractAndStore(db, pipeline, extractor, stored.map((s) => s.raw));
      for (const d of failed) failures.set(d.article!, { article: d.article!, code: d.code, message: d.message });
      const completed = mine.filter((j) => !failures.has(j.article)).map((j) => j.id);
      if (completed.length > 0) await boss.complete(EXTRACT_QUEUE, completed);
      for (const job of mine) if (failures.has(job.article)) await failJob(boss, job.id, failures.get(job.article)!);
      totals.alreadyDone += done.size;
      totals.extracted += stored.length - failed.length;
      totals.failed += failures.size;
      options.onBatch?.(totals);
    }
  };

  let batch = options.batch;
  try {
    await ensureQueues(boss);
    batch = await batchForExpiry(boss, options);
    await Promise.all(Array.from({ length: WORKER_LANES }, lane));
    return totals;
  } finally {
    await extractor.close();
    await boss.stop({ close: false, graceful: false });
  }
}

/** The batch the options ask for, cut to what this worker finishes within the queue's job expiry at its budget. */
async function batchForExpiry(boss: PgBoss, options: WorkerOptions): Promise<number> {
  const expiry = (await boss.getQueue(EXTRACT_QUEUE))?.expireInSeconds ?? DEFAULT_QUEUE_SETTINGS.expirySeconds;
  const budget = options.articleTimeoutMs / 1000;
  const { batch, fits } = batchWithinExpiry(expiry, options.batch, options.concurrency, budget);
  if (!fits) options.onNotice?.(`jobs expire after ${expiry} s, before even one article a lane at --article-timeout ${budget} s may end: a slow article's job will be retried elsewhere; queue with a longer --job-expiry, or give the worker a shorter --article-timeout`);
  else if (batch < options.batch) options.onNotice?.(`batch of ${batch} instead of ${options.batch}, so that a batch with every article at --article-timeout ${budget} s ends within the jobs' expiry (${expiry} s)`);
  return batch;
}
