// Chooses the document date that anchors relative dates: metadata, then a dateline, then a page date the content does not contradict.
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { CleanArticle, Diagnostic, DocumentDate } from '../types.js';
import { linkMentions, type LinkedArticle, type RoleClaim } from './link/index.js';

export interface DatedArticle {
  documentDate: DocumentDate;
  linked: LinkedArticle;
  diagnostics: Diagnostic[];
}

/** Picks the anchor and links the article against it; a page date contradicted by the KB is dropped and reported. */
export function dateAndLinkArticle(clean: CleanArticle, kb: KnowledgeBase): DatedArticle {
  if (clean.meta.published) {
    return { documentDate: { date: clean.meta.published, source: 'metadata' }, linked: linkMentions(clean, clean.meta.published, kb), diagnostics: [] };
  }
  const dateline = clean.textDates.find((d) => d.kind === 'dateline');
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

/** A claim contradicts a date when the KB knows the person in that office, but not on that date. */
function contradicts(claim: RoleClaim, date: string, kb: KnowledgeBase): boolean {
  const everHeld = claim.person.offices.some((o) => o.type === claim.office && o.of === claim.of);
  return everHeld && !kb.holders(claim.office, claim.of, date).includes(claim.person);
}
