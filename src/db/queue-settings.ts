// The queue's retry and expiry settings, apart from pg-boss so that `kg build --help` shows them without loading it.
// A job stays active from its fetch until its worker completes the whole batch it came in, so its expiry must cover
// a batch in which every article runs to its time budget; the expiry and the batch a worker fetches follow from that.
import { DEFAULT_ARTICLE_TIMEOUT_MS } from '../pipeline/budget.js';

export interface QueueSettings {
  /** Attempts after the first before a job is a dead letter. */
  retries: number;
  /** Seconds a fetched job may stay active before it counts as failed (its worker died or hung) and is retried. */
  expirySeconds: number;
}

/** Fetch loops a worker runs (src/workers/queue-worker.ts): while one waits on the database, the other's articles are extracted; their batches wait on the same threads. */
export const WORKER_LANES = 2;
/** Jobs a worker fetches at a time per extraction thread, unless --batch says otherwise. */
export const BATCH_PER_THREAD = 8;
/** Time a batch takes beyond its articles' budgets: fetching, reading the texts, storing the facts, completing the jobs. */
export const BATCH_OVERHEAD_SECONDS = 60;

/** The longest a healthy worker holds a job: its lanes' batches on its threads, every article to the budget. */
export function batchHoldSeconds(batch: number, threads: number, articleTimeoutSeconds: number): number {
  return Math.ceil((WORKER_LANES * batch) / threads) * articleTimeoutSeconds + BATCH_OVERHEAD_SECONDS;
}

/** The expiry that lets a worker with the default batch (BATCH_PER_THREAD a thread) finish it at this budget. */
export function defaultJobExpiry(articleTimeoutSeconds: number): number {
  return batchHoldSeconds(BATCH_PER_THREAD, 1, articleTimeoutSeconds);
}

/**
 * The largest batch, up to `wanted`, that a worker can finish within the jobs' expiry at its budget, so that a slow
 * but healthy batch is not expired and extracted again elsewhere. When not even one job a lane fits (an expiry
 * chosen shorter than the budget), no batch does: `wanted` is kept, and `fits` is false.
 */
export function batchWithinExpiry(expirySeconds: number, wanted: number, threads: number, articleTimeoutSeconds: number): { batch: number; fits: boolean } {
  const perThread = Math.floor((expirySeconds - BATCH_OVERHEAD_SECONDS) / articleTimeoutSeconds);
  const batch = Math.min(wanted, Math.floor((perThread * threads) / WORKER_LANES));
  return batch >= 1 ? { batch, fits: true } : { batch: wanted, fits: false };
}

/** Two retries; the expiry of the default batch at the default budget (30 s an article: 540 s). */
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { retries: 2, expirySeconds: defaultJobExpiry(DEFAULT_ARTICLE_TIMEOUT_MS / 1000) };
