// The task each pool worker runs: the per-article stages against a knowledge base loaded once per worker.
import { parentPort } from 'node:worker_threads';
import { loadKnowledgeBase } from '../kb/index.js';
import { extractArticleFacts } from '../pipeline/extract.js';
import type { ArticleFacts, RawArticle } from '../types.js';
import { WORKER_READY } from './messages.js';

const kb = loadKnowledgeBase();
parentPort?.postMessage(WORKER_READY);

/** Extracts one article's facts inside a worker thread. */
export function extractTask(raw: RawArticle): ArticleFacts {
  return extractArticleFacts(raw, kb);
}
