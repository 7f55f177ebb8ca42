// Runs extractArticleFacts for many articles: in the main thread for one worker, else on a pool of worker threads. A
// worker whose article ran past its budget is replaced by a fresh one (the stages were stopped midway and may have left
// state half-made), and the articles queued in it go back to the head of the queue; the pool keeps its size.
import { Worker } from 'node:worker_threads';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { BudgetExceeded } from '../pipeline/budget.js';
import type { ArticleFacts, RawArticle } from '../types.js';
import type { ExtractJob, TaskMessage, WorkerMessage } from './messages.js';

/** Extracts articles' facts, possibly concurrently; close() releases the threads. */
export interface Extractor {
  extract(raw: RawArticle): Promise<ArticleFacts>;
  close(): Promise<void>;
  /** Worker threads running now, and how many were replaced after an article ran past its budget or took its worker down. */
  threads(): { running: number; replaced: number };
}

/** Articles queued inside each worker at once: with one, a worker idles for a round trip to this thread after each article (10-15% of its time). */
export const TASKS_PER_WORKER = 4;

const WORKER_ENTRY = new URL('./extract-worker.mjs', import.meta.url);

/**
 * A worker that has not answered this long after its article's budget ran out is stopped from here: the backstop for a
 * hang the in-thread timeout cannot interrupt (it stops JavaScript only).
 */
export const WATCHDOG_GRACE_MS = 10_000;

interface Task {
  id: number;
  job: ExtractJob;
  resolve: (facts: ArticleFacts) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Articles sent to it and not answered, in the order sent. */
  tasks: Map<number, Task>;
  /** The article it is extracting now, and the watchdog on it. */
  running: number | null;
  watchdog: NodeJS.Timeout | null;
}

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
  let replaced = 0;
  if (workers <= 1) return { extract: async (raw) => extractHere(raw, kb), close: async () => {}, threads: () => ({ running: 0, replaced }) };
  const threads = new Set<Thread>();
  const queue: Task[] = [];
  let nextId = 0;
  let seen = 0;
  let anyReady = false;
  let started = false;
  let closed = false;
  /** Why the workers could not start, once none is left. */
  let startFailure: unknown = null;

  const start = (): void => {
    // execArgv []: the entry registers tsx itself when it runs from src/; a loader inherited from the parent (tsx's --import) would register it twice.
    const thread: Thread = { worker: new Worker(WORKER_ENTRY, { execArgv: [], workerData: kb.sources }), ready: false, tasks: new Map(), running: null, watchdog: null };
    threads.add(thread);
    thread.worker.on('message', (message: WorkerMessage) => onMessage(thread, message));
    thread.worker.on('error', (error) => retire(thread, error));
    thread.worker.on('exit', (code) => retire(thread, new Error(`its extraction worker stopped (exit code ${code})`)));
  };

  const onMessage = (thread: Thread, message: WorkerMessage): void => {
    if (!threads.has(thread)) return;
    if (message.type === 'ready') {
      thread.ready = anyReady = true;
    } else if (message.type === 'started') {
      thread.running = message.id;
      if (Number.isFinite(budgetMs)) thread.watchdog = setTimeout(() => retire(thread, new BudgetExceeded(budgetMs)), budgetMs + WATCHDOG_GRACE_MS).unref();
      return;
    } else {
      clearTimeout(thread.watchdog ?? undefined);
      thread.running = null;
      const task = thread.tasks.get(message.id)!;
      thread.tasks.delete(message.id);
      const { outcome } = message;
      if ('facts' in outcome) task.resolve(outcome.facts);
      else if ('failed' in outcome) task.reject(new Error(outcome.failed));
      else {
        task.reject(new BudgetExceeded(outcome.timedOutAfter));
        retire(thread, null);
        return;
      }
    }
    dispatch();
  };

  /**
   * Stops a worker: the article it was running fails with `cause` (none when that article was already answered), the
   * others it held go back to the head of the queue, and a fresh worker takes its place. One that never got ready is not
   * replaced (its entry cannot load); with none left, what waits fails.
   */
  const retire = (thread: Thread, cause: unknown): void => {
    if (!threads.delete(thread)) return;
    clearTimeout(thread.watchdog ?? undefined);
    void thread.worker.terminate();
    const held = [...thread.tasks.values()];
    const running = held.find((task) => task.id === thread.running);
    if (running && cause !== null) running.reject(cause);
    queue.unshift(...held.filter((task) => task !== running || cause === null));
    if (closed) return;
    if (thread.ready) {
      replaced++;
      start();
    } else if (threads.size === 0) {
      startFailure = cause;
      for (const task of queue.splice(0)) task.reject(cause);
    }
    dispatch();
  };

  // Each waiting article to the ready worker holding fewest, up to TASKS_PER_WORKER each.
  const dispatch = (): void => {
    while (queue.length > 0) {
      let target: Thread | null = null;
      for (const thread of threads) if (thread.ready && thread.tasks.size < TASKS_PER_WORKER && (target === null || thread.tasks.size < target.tasks.size)) target = thread;
      if (target === null) return;
      const task = queue.shift()!;
      target.tasks.set(task.id, task);
      target.worker.postMessage({ id: task.id, job: task.job } satisfies TaskMessage);
    }
  };

  return {
    extract: async (raw) => {
      if (seen++ < inline) return extractHere(raw, kb);
      if (!started) for (let i = 0; i < workers; i++) start();
      started = true;
      // Until a worker is ready, or when none could start, this thread extracts if it was given inline articles.
      if (inline > 0 && (!anyReady || threads.size === 0)) return extractHere(raw, kb);
      if (threads.size === 0) throw startFailure;
      return new Promise<ArticleFacts>((resolve, reject) => {
        queue.push({ id: nextId++, job: { raw, budgetMs }, resolve, reject });
        dispatch();
      });
    },
    close: async () => {
      closed = true;
      const stopping = [...threads].map((thread) => thread.worker.terminate());
      threads.clear();
      await Promise.all(stopping);
    },
    threads: () => ({ running: threads.size, replaced }),
  };
}
