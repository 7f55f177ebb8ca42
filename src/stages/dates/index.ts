// The dates stage: finds time expressions in a text and resolves them against the document date (the anchor).
import type { Diagnostic, Span, TimeExpression } from '../../types.js';
import { EXPLICIT_RULES } from './explicit.js';
import { isRefinable, needsLibrary, readSentenceWithLibrary } from './library.js';
import { rangesOverlap } from './calendar.js';
import type { DateRule } from './patterns.js';
import { PERIOD_RULES } from './periods.js';
import { RELATIVE_RULES } from './relative.js';
import { splitSentences } from '../../nlp/sentences.js';
import { governingTense } from './tense.js';

export { sentenceTense, expressionTense, type Tense } from './tense.js';
export { pickYear } from './explicit.js';
export {
  addDays, addMonths, weekday, weekStart, daysInMonth, monthRange, daysBetween, dayDate, monthDate, yearDate, rangeDate,
  rangesOverlap, intersectRanges, rangeContains, rangeWidth, UNKNOWN_DATE,
} from './calendar.js';

/** What the stage needs to know about the document. */
export interface DateContext {
  /** Document date YYYY-MM-DD, or null. */
  anchor: string | null;
}

const RULES: DateRule[] = [...EXPLICIT_RULES, ...PERIOD_RULES, ...RELATIVE_RULES];

const TENSE_WINDOW = 400;
const DEADLINE_BEFORE = /\b(?:to|until|till|through|by|payable|effective|due|expires?|expiring)\s+$/i;

interface Candidate extends Span {
  match: RegExpMatchArray;
  rule: DateRule;
  order: number;
}

/** Finds and resolves every time expression in `text` (only inside `spans` when given), in text order; offsets into `text`. */
export function resolveTimeExpressions(
  text: string,
  context: DateContext,
  spans?: Span[],
): { expressions: TimeExpression[]; diagnostics: Diagnostic[] } {
  const expressions: TimeExpression[] = [];
  const diagnostics: Diagnostic[] = [];
  const regions = spans ? [...spans].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length }];
  let previous: TimeExpression | null = null;
  for (const region of regions) {
    for (const sentence of splitSentences(text, region)) {
      const found = resolveSentence(text, sentence, context.anchor, previous);
      if (context.anchor) diagnostics.push(...refineWithLibrary(text, sentence, context.anchor, found));
      for (const expression of found) if (expression.precision !== 'unknown') previous = expression;
      expressions.push(...found);
    }
  }
  return { expressions, diagnostics };
}

// lets compromise-dates read what the rules left over, or refine a month the rules read inside "the end of March";
// `found` (rule expressions, offsets into `text`) is updated in place and kept in text order
function refineWithLibrary(text: string, sentence: Span, anchor: string, found: TimeExpression[]): Diagnostic[] {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const local = (expression: Span): Span => ({ start: expression.start - sentence.start, end: expression.end - sentence.start });
  const refinable = found.filter((expression) => isRefinable(sentenceText, local(expression)));
  const taken = found.filter((expression) => !refinable.includes(expression)).map(local);
  if (!needsLibrary(sentenceText, taken)) return [];
  const library = readSentenceWithLibrary(text, sentence, anchor, taken);
  for (const read of library.expressions) {
    const inside = refinable.filter((expression) => read.start < expression.end && expression.start < read.end);
    // the library's reading replaces the rule's only when it covers it and agrees on the dates
    if (!inside.every((expression) => read.start <= expression.start && expression.end <= read.end && rangesOverlap(read, expression))) continue;
    for (const expression of inside) found.splice(found.indexOf(expression), 1);
    found.push(read);
  }
  found.sort((a, b) => a.start - b.start);
  return library.diagnostic ? [library.diagnostic] : [];
}

// runs every rule on one sentence, keeps the longest of overlapping matches, and resolves them in text order
function resolveSentence(text: string, sentence: Span, anchor: string | null, before: TimeExpression | null): TimeExpression[] {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const candidates: Candidate[] = [];
  RULES.forEach((rule, order) => {
    for (const match of sentenceText.matchAll(rule.pattern)) {
      candidates.push({ start: match.index!, end: match.index! + match[0].length, match, rule, order });
    }
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const expressions: TimeExpression[] = [];
  let previous = before;
  let reached = 0;
  for (const candidate of candidates) {
    if (candidate.start < reached) continue;
    // the tense is read within a few hundred characters of the expression, so a text with no sentence ends stays linear
    const from = Math.max(0, candidate.start - TENSE_WINDOW);
    const governing = governingTense(sentenceText.slice(from, candidate.end + TENSE_WINDOW), candidate.start - from, candidate.end - from);
    const before = sentenceText.slice(Math.max(0, candidate.start - 24), candidate.start);
    // a deadline or an end point ("extended to Nov. 20", "payable Jan. 2", "by Jan. 14") often lies ahead of a past verb
    const firm = governing.firm && !DEADLINE_BEFORE.test(before);
    const tense = governing.tense;
    // "on Oct. 3, the day before the hearing", "on Wednesday held talks, a day after they pledged": the phrase describes
    // the date already given in its sentence
    const apposition = previous !== null && previous.start >= sentence.start && /,\s*$/.test(before);
    const result = candidate.rule.resolve(candidate.match, { anchor, tense, tenseFirm: firm, previous, apposition, following: sentenceText.slice(candidate.end) });
    if (!result) continue;
    reached = candidate.end;
    const expression: TimeExpression = {
      start: sentence.start + candidate.start,
      end: sentence.start + candidate.end,
      text: candidate.match[0],
      ...result.date,
      rule: result.rule ?? candidate.rule.name,
      anchor,
      ...(result.antecedent ? { antecedent: result.antecedent } : {}),
    };
    expressions.push(expression);
    if (expression.precision !== 'unknown') previous = expression;
  }
  return expressions;
}
