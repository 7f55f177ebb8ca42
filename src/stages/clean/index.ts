// Clean stage: splits an article into kept blocks (title, dateline, body, quote) and removed page furniture, with offsets.
import type { ArticleMeta, Block, BlockKind, CleanArticle, Diagnostic, RawArticle, RemovedBlock, TextDate } from '../../types.js';
import { matchByLine, matchSignature } from './bylines.js';
import { matchDateLine, matchDateline } from './datelines.js';
import { creditStart } from './credits.js';
import { findDuplicates } from './duplicates.js';
import { detectFurniture, matchMarker } from './furniture.js';
import type { Segment } from './segment.js';
import { segmentText, trimSpan } from './segment.js';
import { isHeadlineLike, isProse, normalizeForComparison, splitWords, titleCaseRatio } from './shape.js';

type Decision = { keep: BlockKind } | { remove: RemovedBlock['reason'] };

// An embedded post: "... — Jens Stoltenberg (@jensstoltenberg) January 31, 2022".
const EMBEDDED_POST = /[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\p{L}+\.?\s+\d{1,2},\s+\d{4}$/u;
// A body paragraph of more words than this is never taken for a headline, even without final punctuation.
const MAX_TITLE_WORDS = 20;
// Three or more title-case headlines in a row inside the body are a list of links, not subheadings.
const MIN_HEADLINE_RUN = 3;
// A line under the story this short and in title case is site chrome ("Newspapers in English"), not a truncated paragraph.
const MAX_CHROME_WORDS = 6;

/** Splits an article into kept blocks and removed page furniture; pure: same input, same output. */
export function cleanArticle(raw: RawArticle): { article: CleanArticle; diagnostics: Diagnostic[] } {
  const segments = segmentText(raw.text);
  const site = { names: siteNames(raw.meta) };
  const decisions: Decision[] = [];
  const textDates: TextDate[] = [];
  const bylines: string[] = [];

  // Furniture known from a block alone, dates standing alone and "By ..." lines, wherever they are.
  const decideAlone = (segment: Segment, index: number, beforeTitle: boolean): boolean => {
    const reason = detectFurniture(segment.text, site) ?? matchMarker(segment.text);
    if (reason !== null) {
      decisions[index] = { remove: reason };
      return true;
    }
    const names = matchByLine(segment.text);
    if (names !== null) {
      bylines.push(...names);
      decisions[index] = { remove: 'byline' };
      return true;
    }
    const dateLine = matchDateLine(segment.text);
    if (dateLine !== null) {
      // A bare date above the headline belongs to the page (today's date in the site chrome), not to the story.
      const pageDate = beforeTitle && !dateLine.labelled;
      textDates.push({ kind: pageDate ? 'page-date' : 'dateline', date: dateLine.date, start: segment.start, end: segment.end, text: segment.text });
      decisions[index] = pageDate ? { remove: 'page-date' } : { keep: 'dateline' };
      return true;
    }
    const dateline = matchDateline(segment.text, raw.meta.published);
    if (dateline !== null && dateline.length === segment.text.length) {
      if (dateline.date !== null) textDates.push({ kind: 'dateline', date: dateline.date, start: segment.start, end: segment.end, text: segment.text });
      decisions[index] = { keep: 'dateline' };
      return true;
    }
    return false;
  };

  // The head: blocks above the first real paragraph, where the headline and the site chrome are.
  const candidates: number[] = [];
  let bodyStart = segments.length;
  for (const [index, segment] of segments.entries()) {
    if (decideAlone(segment, index, true)) continue;
    if (!isHeadlineLike(segment.text) || splitWords(segment.text).length > MAX_TITLE_WORDS) {
      bodyStart = index;
      break;
    }
    candidates.push(index);
  }
  if (bodyStart === segments.length && candidates.length > 1) {
    // No paragraph reads as prose: the first headline is the title and what follows is the body.
    bodyStart = candidates[1];
    candidates.length = 1;
  }
  const titles = decideTitles(segments, candidates, decisions);
  // Only a date above the headline is the page's; one between headline and body is the story's dateline.
  const headline = candidates.find((index) => 'keep' in decisions[index]);
  for (const textDate of textDates) {
    const index = segments.findIndex((segment) => segment.start === textDate.start);
    if (headline !== undefined && textDate.kind === 'page-date' && index > headline) {
      textDate.kind = 'dateline';
      decisions[index] = { keep: 'dateline' };
    }
  }

  // The body: furniture goes, and a marker ("Related Articles") takes the run of headlines under it.
  let inRelatedRun = false;
  for (let index = bodyStart; index < segments.length; index += 1) {
    const segment = segments[index];
    if (decisions[index] !== undefined) continue;
    const marker = matchMarker(segment.text);
    if (marker !== null) {
      decisions[index] = { remove: marker };
      inRelatedRun = true;
      continue;
    }
    // The dates under related headlines are theirs, not the story's; furniture of its own kind keeps its reason.
    if (inRelatedRun && !isProse(segment.text) && detectFurniture(segment.text, site) === null) {
      decisions[index] = { remove: 'related-links' };
      continue;
    }
    if (decideAlone(segment, index, false)) continue;
    inRelatedRun = false;
    if (titles.has(normalizeForComparison(segment.text))) decisions[index] = { remove: 'duplicate-title' };
    else decisions[index] = { keep: EMBEDDED_POST.test(segment.text) ? 'quote' : 'body' };
  }
  removeHeadlineRuns(segments, decisions);
  removeSignature(segments, decisions, bylines);
  removeTrailingChrome(segments, decisions);
  for (const index of findDuplicates(segments, keptIndexes(decisions, ['body', 'quote']))) decisions[index] = { remove: 'duplicate-paragraph' };

  const blocks: Block[] = [];
  const removed: RemovedBlock[] = [];
  let bodySeen = false;
  for (const [index, segment] of segments.entries()) {
    const decision = decisions[index];
    if ('remove' in decision) {
      removed.push({ reason: decision.remove, start: segment.start, end: segment.end, text: segment.text });
      continue;
    }
    if (decision.keep === 'body' && !bodySeen) {
      // "date 2022-02-01 Hungary's Prime Minister...", "MOSCOW, Feb 1 (Reuters) - ...": the dateline opens the first paragraph.
      const dateline = matchDateline(segment.text, raw.meta.published);
      if (dateline !== null && dateline.length < segment.text.length) {
        const head = trimSpan(raw.text, segment.start, segment.start + dateline.length);
        blocks.push({ kind: 'dateline', start: head.start, end: head.end, text: head.text });
        if (dateline.date !== null) textDates.push({ kind: 'dateline', date: dateline.date, start: head.start, end: head.end, text: head.text });
        const rest = trimSpan(raw.text, head.end, segment.end);
        blocks.push({ kind: 'body', start: rest.start, end: rest.end, text: rest.text });
        bodySeen = true;
        continue;
      }
    }
    bodySeen ||= decision.keep === 'body' || decision.keep === 'quote';
    const credit = decision.keep === 'dateline' ? null : creditStart(segment.text);
    if (credit !== null) {
      // A caption keeps its words; the credit closing it goes, with the names in it.
      const kept = trimSpan(raw.text, segment.start, segment.start + credit);
      const cut = trimSpan(raw.text, segment.start + credit, segment.end);
      blocks.push({ kind: decision.keep, start: kept.start, end: kept.end, text: kept.text });
      removed.push({ reason: 'photo-credit', start: cut.start, end: cut.end, text: cut.text });
      continue;
    }
    blocks.push({ kind: decision.keep, start: segment.start, end: segment.end, text: segment.text });
  }

  const diagnostics: Diagnostic[] = [];
  if (!bodySeen) {
    diagnostics.push({
      stage: 'clean', code: 'no-body', severity: 'warning', file: raw.meta.file, article: raw.meta.id,
      message: `${raw.meta.file}: article ${raw.meta.id} has no body text left after removing page furniture (${removed.length} blocks removed); check the input is an article`,
    });
  }
  textDates.sort((a, b) => a.start - b.start);
  const article: CleanArticle = { meta: raw.meta, original: raw.text, blocks, removed, textDates, bylines };
  return { article, diagnostics };
}

// The headline is the last headline above the body; copies of it collapse, short lines above it are the site's name or menu.
function decideTitles(segments: Segment[], candidates: number[], decisions: Decision[]): Set<string> {
  const titles = new Set<string>();
  if (candidates.length === 0) return titles;
  const headline = normalizeForComparison(segments[candidates.at(-1)!].text);
  for (const index of candidates) {
    const { text, listed } = segments[index];
    const normalized = normalizeForComparison(text);
    if (titles.has(normalized)) decisions[index] = { remove: 'duplicate-title' };
    else if (normalized !== headline && (splitWords(text).length <= 3 || listed)) decisions[index] = { remove: index === 0 ? 'site-name' : 'navigation' };
    else {
      titles.add(normalized);
      decisions[index] = { keep: 'title' };
    }
  }
  return titles;
}

// Runs of title-case headlines kept as body ("Harrods Seeks Court Order...", "Global Coal Demand Defies...") with no marker above them.
function removeHeadlineRuns(segments: Segment[], decisions: Decision[]): void {
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= MIN_HEADLINE_RUN) for (const index of run) decisions[index] = { remove: 'related-links' };
    run = [];
  };
  for (const [index, segment] of segments.entries()) {
    const decision = decisions[index];
    if ('remove' in decision) continue;
    const headline = decision.keep === 'body' && isHeadlineLike(segment.text) && splitWords(segment.text).length >= 3 && titleCaseRatio(segment.text) >= 0.75;
    if (headline) run.push(index);
    else flush();
  }
  flush();
}

// A signature under the last paragraph: "Vita Khanatayeva," then "BelTA".
function removeSignature(segments: Segment[], decisions: Decision[], bylines: string[]): void {
  const kept = keptIndexes(decisions, ['body']);
  const lastProse = kept.findLastIndex((index) => isProse(segments[index].text));
  const tail = kept.slice(lastProse + 1);
  if (lastProse === -1 || tail.length === 0) return;
  const signature = matchSignature(tail.map((index) => segments[index].text));
  if (signature === null) return;
  bylines.push(signature.name);
  for (const index of tail.slice(0, signature.blocks)) decisions[index] = { remove: 'byline' };
}

// Site chrome under the story: after its last paragraph, a short title-case line ("Newspapers from United Kingdom")
// or a run of headlines in sentence case ("Fire brigade in Shanghai holds group wedding", a picture gallery).
function removeTrailingChrome(segments: Segment[], decisions: Decision[]): void {
  const kept = keptIndexes(decisions, ['body']);
  const lastProse = kept.findLastIndex((index) => isProse(segments[index].text));
  if (lastProse === -1) return;
  const tail = kept.slice(lastProse + 1).filter((index) => isHeadlineLike(segments[index].text));
  const run = tail.length >= MIN_HEADLINE_RUN && tail.length === kept.length - lastProse - 1;
  for (const index of tail) {
    const { text } = segments[index];
    if (run) decisions[index] = { remove: 'related-links' };
    else if (splitWords(text).length <= MAX_CHROME_WORDS && titleCaseRatio(text) >= 0.75) decisions[index] = { remove: 'navigation' };
  }
}

function keptIndexes(decisions: Decision[], kinds: BlockKind[]): number[] {
  return decisions.flatMap((decision, index) => ('keep' in decision && kinds.includes(decision.keep) ? [index] : []));
}

function siteNames(meta: ArticleMeta): string[] {
  const names = meta.source === null ? [] : [meta.source];
  const host = meta.url === null ? null : /^[a-z][\w+.-]*:\/\/(?:www\.)?([^/:?#]+)/i.exec(meta.url)?.[1];
  if (host) names.push(host);
  return names;
}
