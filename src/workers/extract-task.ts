// The task each pool worker runs: the per-article stages against a knowledge base loaded once per worker, within the article's time budget.
import { workerData } from 'node:worker_threads';
import { loadKnowledgeBase, loadKnowledgeBaseFrom, type KbSources } from '../kb/index.js';
import { BudgetExceeded, runWithinBudget } from '../pipeline/budget.js';
import { extractArticleFacts } from '../pipeline/extract.js';
import type { ExtractJob, ExtractOutcome } from './messages.js';

const WARM_UP = 'Russian President Vladimir Putin met Hungarian Prime Minister Viktor Orban in Moscow on Monday. They will meet again in July.';

// The main thread's KB, user files (--kb) included, from the text it read.
const kb = workerData ? loadKnowledgeBaseFrom(workerData as KbSources) : loadKnowledgeBase();
// One short article first, so the lazy loading and first compilation of the stages (about 1 s) is not counted
// against the first real article's time budget.
extractArticleFacts({ meta: { id: 'warm-up', title: null, url: null, published: '2025-01-01', source: null, language: null, file: 'warm-up' }, text: WARM_UP, format: 'txt' }, kb);

/** Extracts one article's facts inside a worker thread. */
export function extractTask({ raw, budgetMs }: ExtractJob): ExtractOutcome {
  try {
    return { facts: runWithinBudget(() => extractArticleFacts(raw, kb), budgetMs) };
  } catch (error) {
    if (error instanceof BudgetExceeded) return { timedOutAfter: error.ms };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
