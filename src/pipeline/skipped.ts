// What a build reports of an input it skipped: the entry of report.skipped, and the diagnostic of an article whose extraction failed.
import { BudgetExceeded } from './budget.js';
import type { Diagnostic, RawArticle } from '../types.js';

export interface SkippedInput {
  file?: string;
  line?: number;
  article?: string;
  code: string;
  message: string;
}

/** The diagnostic of an article whose extraction failed or ran past its budget. */
export function failedArticle(article: RawArticle, error: unknown): Diagnostic {
  const { id, file, line } = article.meta;
  const where = line === undefined ? file : `${file} line ${line}`;
  const timedOut = error instanceof BudgetExceeded;
  const why = timedOut ? `${error.message} to extract (--article-timeout)` : `failed in extraction (${error instanceof Error ? error.message : String(error)})`;
  return { stage: 'extract', code: timedOut ? 'article-timeout' : 'article-failed', severity: 'error', file, ...(line === undefined ? {} : { line }), article: id, message: `${where}: article "${id}" ${why}; skipped` };
}

/** A skipped input as the report lists it. */
export function skippedFrom(d: Diagnostic): SkippedInput {
  return { ...(d.file ? { file: d.file } : {}), ...(d.line ? { line: d.line } : {}), ...(d.article ? { article: d.article } : {}), code: d.code, message: d.message };
}
