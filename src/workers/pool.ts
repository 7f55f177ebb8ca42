// Runs extractArticleFacts for many articles: in the main thread for one worker, else on a piscina pool of worker threads.
import { Piscina } from 'piscina';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { BudgetExceeded } from '../pipeline/budget.js';
import type { ArticleFacts, RawArticle } from '../types.js';
import type { ExtractJob, ExtractOutcome } from './extract-task.js';
import { WORKER_READY } from './messages.js';

/** Extracts articles' facts, possibly concurrently; close() releases the threads. */
export interface Extractor {
  extract(raw: RawArticle): Promise<ArticleFacts>;
  close(): Promise<void>;
}

/** Articles queued inside each worker at once. */
export const TASKS_PER_WORKER = 4;

const WORKER_ENTRY = fileURLToPath(new URL('./extract-worker.mjs', import.meta.url));

/**
 * An extractor with `workers` threads; with 1, `extract` calls the given function in this thread and no pool is started.
 * The first `inline` articles are extracted in this thread too, so a small build never pays the pool's start-up (1-2 s
 * on 2 cores); and when inline > 0 this thread goes on extracting until a worker is ready, instead of waiting for it.
 */
export function createExtractor(
  workers: number,
  kb: KnowledgeBase,
  extractHere: (raw: RawArticle, kb: KnowledgeBase) => ArticleFacts,
  inline = 0,
  budgetMs = Infinity,
): Extractor {
  if (workers <= 1) return { extract: async (raw) => extractHere(raw, kb), close: async () => {} };
  let pool: Piscina<ExtractJob, ExtractOutcome> | null = null;
  let seen = 0;
  let ready = inline === 0;
  return {
    extract: async (raw) => {
      if (seen++ < inline) return extractHere(raw, kb);
      if (pool === null) {
        // execArgv []: the entry registers tsx itself; a loader inherited from the parent (tsx's --import) would register it twice.
        // Several tasks queued per worker: with one, a worker idles for a round trip to this thread after each article (10-15% of its time).
        pool = new Piscina<ExtractJob, ExtractOutcome>({ filename: WORKER_ENTRY, minThreads: workers, maxThreads: workers, idleTimeout: Infinity, execArgv: [], workerData: kb.sources, concurrentTasksPerWorker: TASKS_PER_WORKER });
        pool.on('message', (message: unknown) => {
          if (message === WORKER_READY) ready = true;
        });
      }
      if (!ready) return extractHere(raw, kb);
      const outcome = await pool.run({ raw, budgetMs });
      if ('timedOutAfter' in outcome) throw new BudgetExceeded(outcome.timedOutAfter);
      return outcome.facts;
    },
    close: async () => {
      await pool?.destroy();
    },
  };
}
