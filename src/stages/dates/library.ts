// compromise-dates as a guarded fallback for forms the rules lack ("the first week of May"), with its forward-reading years corrected.
import type { Diagnostic, ResolvedDate, Span, TimeExpression } from '../../types.js';
import { readLibraryDates, safely, type LibraryDate } from '../../nlp/compromise.js';
import { addMonths, dayDate, daysInMonth, monthDate, rangeDate, splitIso, yearDate } from './calendar.js';
import { FULL_MONTH, WEEKDAY } from './patterns.js';
import { expressionTense } from './tense.js';

// the library's reading is kept only for phrases naming a month, quarter or year: "the first week of May", "Q3 2024";
// the same words decide whether a sentence is worth the library's time (a full parse per sentence)
const CALENDAR_WORD = new RegExp(`\\b(?:${FULL_MONTH}|[Qq]uarters?|Q[1-4]|(?:19|20)\\d{2})\\b`);
// phrases the library reads against today when they mean "after that event" or "any Thursday": not trusted
const UNTRUSTED = new RegExp(`\\b(?:later|earlier|before|after|since|until|ago|next|last|this|${WEEKDAY})\\b`, 'i');
const ORDINAL_OR_YEAR = /\b(?:first|second|third|fourth|1st|2nd|3rd|4th|Q[1-4]|(?:19|20)\d{2})\b/i;
const HAS_YEAR = /\b(?:19|20)\d{2}\b/;
// a bare number is a year only after a preposition, which the rules already check: "a force of 2000 troops"
const BARE_NUMBER = /^\d+$/;
// no seasons: the library gives spring 2024 as March-April
const UNITS = new Set(['day', 'week', 'month', 'quarter', 'year']);

// "the first week of May", "the end of March", "the first quarter of 2025": the rules read only the month or year
const LARGER_PHRASE_BEFORE = /\b(?:weeks?|quarter|half|end|beginning|start|middle|part|days)\s+of\s+$/i;

/** True when a rule's match is the tail of a larger phrase the library may read more precisely ("the end of March"). */
export function isRefinable(sentence: string, span: Span): boolean {
  return LARGER_PHRASE_BEFORE.test(sentence.slice(Math.max(0, span.start - 40), span.start));
}

/** True when a sentence, without the spans the rules took, still names a month, quarter or year. */
export function needsLibrary(sentence: string, taken: Span[]): boolean {
  // the words between the taken spans (in text order), joined by a space: one pass, however many spans
  const pieces: string[] = [];
  let at = 0;
  for (const span of [...taken].sort((a, b) => a.start - b.start)) {
    if (span.start > at) pieces.push(sentence.slice(at, span.start));
    at = Math.max(at, span.end);
  }
  pieces.push(sentence.slice(at));
  return CALENDAR_WORD.test(pieces.join(' '));
}

/** Date phrases the library finds in one sentence (offsets into `text`), or a diagnostic when it throws. */
export function readSentenceWithLibrary(
  text: string,
  sentence: Span,
  anchor: string,
  taken: Span[],
): { expressions: TimeExpression[]; diagnostic?: Diagnostic } {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const read = (today: string): LibraryDate[] | Error => {
    const { value, error } = safely(() => readLibraryDates(sentenceText, today));
    return error ?? value ?? [];
  };
  const found = read(anchor);
  if (found instanceof Error) {
    return {
      expressions: [],
      diagnostic: {
        stage: 'dates',
        code: 'library-error',
        severity: 'warning',
        message: `dates: compromise-dates failed on the sentence "${abbreviate(sentenceText)}" (${found.message}); its other dates are kept, the library's reading of it skipped`,
      },
    };
  }
  const expressions: TimeExpression[] = [];
  for (const phrase of found) {
    const span = withoutPreposition(phrase);
    if (taken.some((other) => span.start < other.end && other.start < span.end)) continue;
    if (!trustworthy(phrase) || BARE_NUMBER.test(span.text)) continue;
    const tense = expressionTense(sentenceText, span.start, span.end);
    const date = correctYear(phrase, anchor, tense, read);
    if (!date) continue;
    expressions.push({ ...span, start: sentence.start + span.start, end: sentence.start + span.end, ...date, rule: 'compromise-dates', anchor });
  }
  return { expressions };
}

// only calendar phrases with a date, and none that the library reads against today when they mean "after that event"
function trustworthy(phrase: LibraryDate): boolean {
  if (!phrase.dateStart || !phrase.dateEnd || !phrase.unit || !UNITS.has(phrase.unit)) return false;
  // "the quarter" alone is the quarter under discussion, which the library takes for the anchor's
  if (phrase.unit === 'quarter' && !ORDINAL_OR_YEAR.test(phrase.text)) return false;
  return CALENDAR_WORD.test(phrase.text) && !UNTRUSTED.test(phrase.text);
}

// compromise-dates reads a yearless phrase forward ("the first week of May" in a report of October is next May):
// when that contradicts the tense, read the sentence again from a year earlier (or later) and take that reading
function correctYear(
  phrase: LibraryDate,
  anchor: string,
  tense: 'past' | 'present' | 'future',
  read: (today: string) => LibraryDate[] | Error,
): ResolvedDate | null {
  const start = phrase.dateStart!.slice(0, 10);
  const end = phrase.dateEnd!.slice(0, 10);
  if (HAS_YEAR.test(phrase.text)) return toResolved(start, end, phrase.unit!);
  const step = tense === 'past' && start > anchor ? -12 : tense === 'future' && end < anchor ? 12 : 0;
  if (step === 0) return toResolved(start, end, phrase.unit!);
  const again = read(addMonths(anchor, step));
  const same = again instanceof Error ? undefined : again.find((other) => other.start === phrase.start && other.dateStart && other.dateEnd);
  if (!same) return null;
  const [fixedStart, fixedEnd] = [same.dateStart!.slice(0, 10), same.dateEnd!.slice(0, 10)];
  const consistent = step < 0 ? fixedStart <= anchor : fixedEnd >= anchor;
  return consistent ? toResolved(fixedStart, fixedEnd, same.unit ?? phrase.unit!) : null;
}

// "in the first week of May" -> "the first week of May", like the rules' own spans
function withoutPreposition(phrase: LibraryDate): { start: number; end: number; text: string } {
  const lead = /^(?:(?:due|set|scheduled)\s+)?(?:in|on|at|for|by|during)\s+/i.exec(phrase.text)?.[0].length ?? 0;
  return { start: phrase.start + lead, end: phrase.end, text: phrase.text.slice(lead) };
}

function toResolved(start: string, end: string, unit: string): ResolvedDate {
  const [year, month, day] = splitIso(start);
  const [endYear, endMonth, endDay] = splitIso(end);
  if (start === end) return dayDate(start);
  if (unit === 'month' && day === 1 && endYear === year && endMonth === month && endDay === daysInMonth(year, month)) {
    return monthDate(year, month);
  }
  if (unit === 'year' && start.endsWith('-01-01') && end === `${year}-12-31`) return yearDate(year);
  return rangeDate(start, end);
}

function abbreviate(sentence: string): string {
  return sentence.length > 120 ? `${sentence.slice(0, 117)}...` : sentence;
}
