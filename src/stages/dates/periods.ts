// Rules for parts of the calendar larger than a day: seasons, quarters, halves, "February last year", "the end of the month".
import type { ResolvedDate } from '../../types.js';
import { addMonths, daysInMonth, makeIso, monthDate, partOfMonth, partOfYear, rangeDate, splitIso, UNKNOWN_DATE } from './calendar.js';
import { pickYear } from './explicit.js';
import { FULL_MONTH, YEAR, eitherCase, monthNumber, type DateRule, type RuleContext, type RuleResult } from './patterns.js';

// meteorological seasons of the northern hemisphere, as months [first, last]; winter runs from December into February
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2] };
const SEASON = '(spring|summer|autumn|fall|winter)';
const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 4 };
const RELATIVE_YEAR = '(this|last|next|the previous|the coming)\\s+year';

/** The rules for seasons, quarters, halves and parts of a month or year. */
export const PERIOD_RULES: DateRule[] = [
  {
    // "February last year", "in June this year", "late March next year"
    name: 'month-relative-year',
    pattern: new RegExp(`\\b(?:(early|mid|late)[- ]?)?(${FULL_MONTH})(?:\\s+of)?\\s+${RELATIVE_YEAR}\\b`, 'g'),
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => {
        const year = Number(anchor.slice(0, 4)) + yearStep(m[3]);
        return partOfMonth(year, monthNumber(m[2]), m[1]?.toLowerCase());
      }),
  },
  {
    // "late last year", "early this year", "mid-next year"
    name: 'part-of-relative-year',
    pattern: new RegExp(`\\b(early|mid|late)[- ]${RELATIVE_YEAR}\\b`, 'gi'),
    resolve: (m, context) => fromAnchor(context, (anchor) => partOfYear(Number(anchor.slice(0, 4)) + yearStep(m[2]), m[1].toLowerCase())),
  },
  {
    // "at the end of the month", "by the end of the year", "the beginning of next month"
    name: 'end-of-unit',
    pattern: /\bthe (end|beginning|start|middle) of (the|this|last|next) (month|year)\b/gi,
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => {
        const which = m[2].toLowerCase();
        const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
        const side = m[1].toLowerCase() === 'end' ? 'late' : m[1].toLowerCase() === 'middle' ? 'mid' : 'early';
        const [year, month] = splitIso(anchor);
        if (m[3].toLowerCase() === 'year') return side === 'mid' ? partOfYear(year + step, 'mid') : monthDate(year + step, side === 'late' ? 12 : 1);
        const [targetYear, targetMonth] = splitIso(addMonths(makeIso(year, month, 1), step));
        return partOfMonth(targetYear, targetMonth, side);
      }),
  },
  {
    // "the end of July", "the beginning of March 2022": the last, first or middle third of the month
    name: 'end-of-month-name',
    pattern: new RegExp(`\\bthe (end|beginning|start|middle) of (${FULL_MONTH})(?:,?\\s+${YEAR})?\\b`, 'g'),
    resolve: (m, context) => {
      const side = m[1] === 'end' ? 'late' : m[1] === 'middle' ? 'mid' : 'early';
      const month = monthNumber(m[2]);
      if (m[3]) return { date: partOfMonth(Number(m[3]), month, side) };
      return fromAnchor(context, (anchor) => partOfMonth(pickYear(anchor, month, null, context.tense, context.tenseFirm), month, side));
    },
  },
  {
    // "summer 2024", "the winter of 2022"
    name: 'season-year',
    pattern: new RegExp(`\\b(?:the\\s+)?${eitherCase(['spring', 'summer', 'autumn', 'fall', 'winter'])}(?:\\s+of)?\\s+${YEAR}\\b`, 'g'),
    resolve: (m) => ({ date: seasonIn(m[0].replace(/^the\s+/i, '').split(/\s/)[0].toLowerCase(), Number(m[1])) }),
  },
  {
    // "this summer", "last winter", "in the spring", "during autumn" (not "the fall of Kabul")
    name: 'season',
    pattern: new RegExp(
      `\\b(?:(this|last|next|the past|the coming)\\s+|(?<=\\b(?:in|during|since|until|by|over|through|throughout|before|after)\\s+)(?:the\\s+)?)${SEASON}\\b(?!\\s+of\\b)`,
      'gi',
    ),
    resolve: (m, context) => fromAnchor(context, (anchor) => resolveSeason(anchor, m[2].toLowerCase(), m[1]?.toLowerCase(), context), seasonRuleName(m[1])),
  },
  {
    // "the third quarter of 1989", "Q3 2024", "third-quarter profit", "this year's second quarter"
    name: 'quarter',
    pattern: new RegExp(
      // not a fiscal quarter: fiscal years start in other months
      `(?<!\\bfiscal\\s+(?:(?:19|20)\\d{2}\\s+)?)\\b(?:(?:the\\s+)?(?:(year-ago|year-earlier)\\s+|((?:19|20)\\d{2})\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\\s+of\\s+(?:${YEAR}|${RELATIVE_YEAR}|the\\s+year))?|Q([1-4])(?:\\s+${YEAR})?)\\b`,
      'gi',
    ),
    resolve: (m, context) => {
      // groups: 1 year-ago, 2 a year before the ordinal, 3 ordinal, 4 "of YEAR", 5 "of this year", 6 Q-number, 7 its year
      const quarter = m[3] ? ORDINAL[m[3].toLowerCase()] : Number(m[6]);
      const stated = m[2] ?? m[4] ?? m[7];
      if (stated) return { date: quarterDate(Number(stated), quarter) };
      return fromAnchor(context, (anchor) => {
        if (m[5]) return quarterDate(Number(anchor.slice(0, 4)) + yearStep(m[5]), quarter);
        // "the year-ago third quarter": the same quarter a year before the latest one
        return quarterDate(latestQuarterYear(anchor, quarter) - (m[1] ? 1 : 0), quarter);
      });
    },
  },
  {
    // "last quarter", "the latest quarter", "this quarter", "next quarter"
    name: 'quarter-relative',
    pattern: /\b(?:(this|last|next|the (?:latest|past|previous|most recent|current|coming)) quarter)\b/gi,
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => {
        const which = m[1].toLowerCase();
        const step = which === 'this' || which === 'the current' ? 0 : which === 'next' || which === 'the coming' ? 1 : -1;
        const [year, month] = splitIso(addMonths(anchor.slice(0, 8) + '01', 3 * step));
        return quarterDate(year, Math.ceil(month / 3));
      }),
  },
  {
    // "the first half of 2025", "the second half of the year", "first-half results"
    name: 'half-year',
    pattern: new RegExp(`\\b(?:the\\s+)?(first|second|last|latter)[- ]half(?:\\s+of\\s+(?:${YEAR}|${RELATIVE_YEAR}|the\\s+year))?\\b(?!\\s+of\\b)`, 'gi'),
    resolve: (m, context) => {
      const half = m[1].toLowerCase() === 'first' ? 1 : 2;
      if (m[2]) return { date: halfDate(Number(m[2]), half) };
      return fromAnchor(context, (anchor) => halfDate(Number(anchor.slice(0, 4)) + (m[3] ? yearStep(m[3]) : 0), half));
    },
  },
];

function fromAnchor(context: RuleContext, resolve: (anchor: string) => ResolvedDate, rule?: string): RuleResult {
  return { date: context.anchor ? resolve(context.anchor) : UNKNOWN_DATE, rule };
}

function yearStep(which: string): number {
  const word = which.toLowerCase();
  return word === 'last' || word === 'the previous' ? -1 : word === 'next' || word === 'the coming' ? 1 : 0;
}

// the season that starts in `year` (winter 2024 runs from December 2024 to February 2025)
function seasonIn(season: string, year: number): ResolvedDate {
  const [first, last] = SEASONS[season];
  const endYear = last < first ? year + 1 : year;
  return rangeDate(makeIso(year, first, 1), makeIso(endYear, last, daysInMonth(endYear, last)));
}

// "last summer" is the latest one over before the anchor, "next summer" the first to begin after it, "this summer" the one
// the anchor is in or, outside it, the one of the anchor's year (winter: the last in past narrative, else the coming);
// a bare "in the summer" takes the one the anchor is in, else by tense
function resolveSeason(anchor: string, season: string, which: string | undefined, context: RuleContext): ResolvedDate {
  const year = Number(anchor.slice(0, 4));
  const occurrences = [year - 2, year - 1, year, year + 1].map((start) => seasonIn(season, start));
  const over = occurrences.filter((date) => date.dateEnd! < anchor);
  const ahead = occurrences.filter((date) => date.dateStart! > anchor);
  const current = occurrences.find((date) => date.dateStart! <= anchor && anchor <= date.dateEnd!);
  const last = over[over.length - 1];
  const next = ahead[0];
  if (which === 'last' || which === 'the past') return last;
  if (which === 'next' || which === 'the coming') return next;
  if (current) return current;
  if (which === 'this' && season !== 'winter') return seasonIn(season, year);
  if (context.tense === 'past') return last;
  if (context.tense === 'future' || which === 'this') return next;
  return monthsBetween(anchor, last.dateEnd!) <= monthsBetween(next.dateStart!, anchor) ? last : next;
}

function monthsBetween(a: string, b: string): number {
  const [ay, am] = splitIso(a);
  const [by, bm] = splitIso(b);
  return Math.abs(ay * 12 + am - (by * 12 + bm));
}

function seasonRuleName(which: string | undefined): string {
  const word = which?.toLowerCase();
  return word === 'last' || word === 'the past' ? 'season-last' : word === 'next' || word === 'the coming' ? 'season-next' : word === 'this' ? 'season-this' : 'season';
}

function quarterDate(year: number, quarter: number): ResolvedDate {
  const first = 3 * quarter - 2;
  return rangeDate(makeIso(year, first, 1), makeIso(year, first + 2, daysInMonth(year, first + 2)));
}

// a quarter without a year is the latest one begun by the anchor: "profits for the fourth quarter" reported in January
// are last year's, and "expects to report a third-quarter loss" in October is about the quarter just over
function latestQuarterYear(anchor: string, quarter: number): number {
  const year = Number(anchor.slice(0, 4));
  return quarterDate(year, quarter).dateStart! > anchor ? year - 1 : year;
}

function halfDate(year: number, half: number): ResolvedDate {
  return half === 1 ? rangeDate(makeIso(year, 1, 1), makeIso(year, 6, 30)) : rangeDate(makeIso(year, 7, 1), makeIso(year, 12, 31));
}

