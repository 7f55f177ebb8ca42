// The per-article stages in order (clean, date and link, resolve dates, find events): what a worker thread runs.
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { hashText } from '../stages/ingest/dedupe.js';
import { cleanArticle } from '../stages/clean/index.js';
import { dateAndLinkArticle } from '../stages/document-date.js';
import { resolveTimeExpressions } from '../stages/dates/index.js';
import { extractEvents } from '../stages/events/index.js';
import type { ArticleFacts, RawArticle } from '../types.js';

/** Runs every per-article stage: clean, date and link, resolve dates, find events. Pure: same article and KB, same facts. */
export function extractArticleFacts(raw: RawArticle, kb: KnowledgeBase): ArticleFacts {
  const { article: clean, diagnostics } = cleanArticle(raw);
  const dated = dateAndLinkArticle(clean, kb);
  const spans = clean.blocks.filter((b) => b.kind !== 'dateline');
  const times = resolveTimeExpressions(clean.original, { anchor: dated.documentDate.date }, spans);
  const events = extractEvents(dated.linked, times.expressions, kb);
  const all = [...diagnostics, ...dated.diagnostics, ...dated.linked.diagnostics, ...times.diagnostics].map((d) => ({ ...d, article: d.article ?? raw.meta.id, file: d.file ?? raw.meta.file }));
  return {
    meta: raw.meta,
    hash: hashText(raw.text),
    documentDate: dated.documentDate,
    entities: dated.linked.entities,
    events,
    offices: dated.linked.offices,
    diagnostics: all,
    stats: { blocks: clean.blocks.length, removed: clean.removed.length, mentions: dated.linked.mentions.length, timeExpressions: times.expressions.length },
  };
}
