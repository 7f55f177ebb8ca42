// The messages between the main thread and an extraction worker (src/workers/pool.ts and extract-worker.mjs).
import type { ArticleFacts, RawArticle } from '../types.js';

/** One article and its budget in milliseconds. */
export interface ExtractJob {
  raw: RawArticle;
  budgetMs: number;
}

/** The facts, the budget that ran out, or the error of a failed extraction (plain values: an Error's own fields do not survive the trip between threads). */
export type ExtractOutcome = { facts: ArticleFacts } | { timedOutAfter: number } | { failed: string };

/** Main thread to worker: extract this article. */
export interface TaskMessage {
  id: number;
  job: ExtractJob;
}

/**
 * Worker to main thread: `ready` once its modules and knowledge base are loaded (until then the main thread extracts
 * articles itself), `started` as it begins an article (the main thread's watchdog counts from there), `done` with the outcome.
 */
export type WorkerMessage = { type: 'ready' } | { type: 'started'; id: number } | { type: 'done'; id: number; outcome: ExtractOutcome };
