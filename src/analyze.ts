// One-article analysis for scripting and checking: text and document date in, typed mentions or time expressions out.
import { loadKnowledgeBase } from './kb/index.js';
import { cleanArticle } from './stages/clean/index.js';
import { linkMentions, type LinkedMention } from './stages/link/index.js';
import { resolveTimeExpressions } from './stages/dates/index.js';
import type { Diagnostic, RawArticle, TimeExpression } from './types.js';

export interface AnalyzeOptions {
  /** Document date YYYY-MM-DD; without it, roles resolve only to people the text introduces and relative dates stay unresolved. */
  published?: string | null;
  /** Article id used in diagnostics. */
  id?: string;
  /** The user's KB files or folders (--kb), merged over the built-in KB. */
  kbPaths?: string[];
}

function rawArticle(text: string, options: AnalyzeOptions): RawArticle {
  const id = options.id ?? 'text';
  return { meta: { id, title: null, url: null, published: options.published ?? null, source: null, language: null, file: id }, text, format: 'txt' };
}

/** The people, countries and organisations mentioned in `text` (page furniture removed), with spans into `text` and their links. */
export function findEntities(text: string, options: AnalyzeOptions = {}): LinkedMention[] {
  const { article } = cleanArticle(rawArticle(text, options));
  return linkMentions(article, options.published ?? null, loadKnowledgeBase(undefined, options.kbPaths)).mentions;
}

/** Every time expression in the article body of `text` (page furniture skipped), resolved against the document date: span, value, precision, range and rule. */
export function findTimeExpressions(text: string, options: AnalyzeOptions = {}): { expressions: TimeExpression[]; diagnostics: Diagnostic[] } {
  const { article } = cleanArticle(rawArticle(text, options));
  return resolveTimeExpressions(text, { anchor: options.published ?? null }, article.blocks.filter((b) => b.kind !== 'dateline'));
}
