// Chooses the document date that anchors relative dates: metadata, then a dateline, then a page date the content does not contradict.
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { CleanArticle, Diagnostic, DocumentDate, TextDate } from '../types.js';
import { addDays, daysBetween, weekday } from './dates/calendar.js';
import { linkMentions, type LinkedArticle, type RoleClaim } from './link/index.js';

export interface DatedArticle {
  documentDate: DocumentDate;
  linked: LinkedArticle;
  diagnostics: Diagnostic[];
}

/** Picks the anchor and links the article against it; a page date contradicted by the KB is dropped and reported. */
export function dateAndLinkArticle(clean: CleanArticle, kb: KnowledgeBase): DatedArticle {
  const dateline = clean.textDates.find((d) => d.kind === 'dateline');
  if (clean.meta.published) {
    const published = clean.meta.published;
    const opening = openingDateline(clean);
    if (opening && Math.abs(daysBetween(published, opening.date)) > 1) return resolveDatelineConflict(clean, published, opening, kb);
    return { documentDate: { date: published, source: 'metadata' }, linked: linkMentions(clean, published, kb), diagnostics: [] };
  }
  if (dateline) {
    return { documentDate: { date: dateline.date, source: 'dateline', note: `dateline "${dateline.text}"` }, linked: linkMentions(clean, dateline.date, kb), diagnostics: [] };
  }
  const pageDate = clean.textDates.find((d) => d.kind === 'page-date');
  if (pageDate) {
    const linked = linkMentions(clean, pageDate.date, kb);
    const conflicts = linked.roleClaims.filter((c) => contradicts(c, pageDate.date, kb));
    if (conflicts.length === 0) {
      return { documentDate: { date: pageDate.date, source: 'page-date', note: `page date "${pageDate.text}", not contradicted by the text` }, linked, diagnostics: [] };
    }
    const why = conflicts.map((c) => `"${c.source.quote}" (${c.person.name} did not hold that office on ${pageDate.date})`).join('; ');
    const note = `page date "${pageDate.text}" dropped: the text contradicts it: ${why}`;
    return {
      documentDate: { date: null, source: 'none', note },
      linked: linkMentions(clean, null, kb),
      diagnostics: [{ stage: 'dates', code: 'page-date-conflict', severity: 'warning', file: clean.meta.file, article: clean.meta.id, message: `${clean.meta.file}: ${note}; relative dates stay unresolved: give the article a published date (manifest, front matter or record field)` }],
    };
  }
  return { documentDate: { date: null, source: 'none', note: 'no published date in metadata, dateline or page' }, linked: linkMentions(clean, null, kb), diagnostics: [] };
}

// A dateline more than a day off the metadata: the dateline wins when the text's weekdays fit it better ("on Thursday"
// in a story dated by its dateline to a Friday); either way the report says so.
function resolveDatelineConflict(clean: CleanArticle, published: string, dateline: TextDate, kb: KnowledgeBase): DatedArticle {
  const [forDateline, forMetadata] = [weekdayFit(clean, dateline.date), weekdayFit(clean, published)];
  const useDateline = forDateline > forMetadata;
  const chosen = useDateline ? dateline.date : published;
  const why = `${forDateline} weekday mention(s) of the text fit the dateline, ${forMetadata} the metadata`;
  const note = `dateline "${dateline.text}" (${dateline.date}) contradicts the published date ${published}; ${why}: ${useDateline ? 'the dateline' : 'the metadata'} is used`;
  return {
    documentDate: { date: chosen, source: useDateline ? 'dateline' : 'metadata', note },
    linked: linkMentions(clean, chosen, kb),
    diagnostics: [{ stage: 'dates', code: 'dateline-conflict', severity: 'warning', file: clean.meta.file, article: clean.meta.id, message: `${clean.meta.file}: ${note}` }],
  };
}

// the story's own dateline: at its head (after one paragraph at most: a headline the clean stage kept as text), and
// not an "Updated:" line; a date further down belongs to something else, such as a related headline
function openingDateline(clean: CleanArticle): TextDate | undefined {
  return clean.textDates.find(
    (d) => d.kind === 'dateline' && !UPDATED.test(d.text) && clean.blocks.filter((block) => block.kind === 'body' && block.start < d.start).length <= 1,
  );
}

// "Updated: 20 October" is a later date of the same story, not a contradiction
const UPDATED = /^\W*(?:last\s+)?updated\b/i;
const WEEKDAY_NAME = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// a news story names the day it reports on by its weekday: the document day or the day before
function weekdayFit(clean: CleanArticle, date: string): number {
  const fitting = new Set([WEEKDAY_NAMES[weekday(date)], WEEKDAY_NAMES[weekday(addDays(date, -1))]]);
  let count = 0;
  for (const block of clean.blocks) {
    if (block.kind !== 'body') continue;
    for (const match of block.text.matchAll(WEEKDAY_NAME)) if (fitting.has(match[1])) count += 1;
  }
  return count;
}

/** A claim contradicts a date when the KB knows the person in that office, but not on that date. */
function contradicts(claim: RoleClaim, date: string, kb: KnowledgeBase): boolean {
  const everHeld = claim.person.offices.some((o) => o.type === claim.office && o.of === claim.of);
  return everHeld && !kb.holders(claim.office, claim.of, date).includes(claim.person);
}
