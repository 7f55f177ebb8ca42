// Rules for dates written out: full dates, day and month, month names, years; a missing year comes from anchor and tense.
import type { ResolvedDate } from '../../types.js';
import { dayDate, makeIso, monthDate, rangeDate, splitIso, validIso, yearDate, daysInMonth, UNKNOWN_DATE } from './calendar.js';
import {
  ANY_MONTH, COUNTED_NOUN, DAY, FULL_MONTH, WEEKDAY, YEAR, eitherCase, monthNumber,
  type DateRule, type RuleContext, type RuleResult,
} from './patterns.js';
import type { Tense } from './tense.js';

// "Tuesday, Jun 24, 2025": a weekday in front belongs to the date
const WEEKDAY_PREFIX = `(?:${WEEKDAY},?\\s+)?`;
// "the evening of 16 October": the part of the day does not change the date
const PART_OF_DAY = `(?:the\\s+(?:morning|afternoon|evening|night)\\s+of\\s+)?`;
// words that make a following month name or year a time expression: "in July", "since 2022", "until June"
const MONTH_PREPOSITIONS = eitherCase(['in', 'since', 'until', 'till', 'by', 'during', 'from', 'through', 'before', 'after', 'throughout', 'of']);
const PART_OF_MONTH = '(?:(early|mid|late)[- ]?)?';

/** The rules for written-out dates, longest forms first. */
export const EXPLICIT_RULES: DateRule[] = [
  {
    // "— Jens Stoltenberg (@jensstoltenberg) January 31, 2022"
    name: 'tweet-signature',
    pattern: new RegExp(`(?<=\\(@\\w+\\)\\s*)(${ANY_MONTH})\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
    resolve: (m) => fullDate(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  },
  {
    name: 'iso-date',
    pattern: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => fullDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // "31 January 2022", "the 16th of October, 2025"
    name: 'explicit-date',
    pattern: new RegExp(`\\b${WEEKDAY_PREFIX}${PART_OF_DAY}(?:the\\s+)?${DAY}(?:\\s+of)?\\s+(${ANY_MONTH})(?:,\\s*|\\s+)${YEAR}\\b`, 'g'),
    resolve: (m) => fullDate(Number(m[3]), monthNumber(m[2]), Number(m[1])),
  },
  {
    // "January 31, 2022", "Jun 24, 2025"
    name: 'explicit-date',
    pattern: new RegExp(`\\b${WEEKDAY_PREFIX}${PART_OF_DAY}(${ANY_MONTH})\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
    resolve: (m) => fullDate(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  },
  {
    // "16 October", "On 17 December", "the evening of 16 October"
    name: 'explicit-day-month',
    pattern: new RegExp(`\\b${WEEKDAY_PREFIX}${PART_OF_DAY}(?:the\\s+)?${DAY}(?:\\s+of)?\\s+(${ANY_MONTH})(?![\\w-])`, 'g'),
    resolve: (m, context) => dayWithoutYear(monthNumber(m[2]), Number(m[1]), context),
  },
  {
    // "Oct. 16", "October 16th" (not "May 2022": a year is four digits)
    name: 'explicit-day-month',
    pattern: new RegExp(`\\b${WEEKDAY_PREFIX}${PART_OF_DAY}(${ANY_MONTH})\\s+${DAY}(?![\\w.,]\\d|\\d)`, 'g'),
    resolve: (m, context) => dayWithoutYear(monthNumber(m[1]), Number(m[2]), context),
  },
  {
    // "June 2026", "early March 2022"
    name: 'month-year',
    pattern: new RegExp(`\\b${PART_OF_MONTH}(${FULL_MONTH}),?\\s+${YEAR}\\b`, 'g'),
    resolve: (m) => ({ date: partOfMonth(Number(m[3]), monthNumber(m[2]), m[1]) }),
  },
  {
    // "in July", "since February", "in mid-March"; a bare capitalised month needs its preposition
    name: 'month-name',
    pattern: new RegExp(`(?<=\\b${MONTH_PREPOSITIONS}\\s+)${PART_OF_MONTH}(${FULL_MONTH})\\b(?!\\s+\\d)`, 'g'),
    resolve: (m, context) => monthWithoutYear(monthNumber(m[2]), m[1], context),
  },
  {
    // "last July", "next January", "this March"
    name: 'month-name-relative',
    pattern: new RegExp(`\\b${eitherCase(['last', 'next', 'this'])}\\s+(${FULL_MONTH})\\b(?!\\s+\\d)`, 'g'),
    resolve: (m, context) => {
      if (!context.anchor) return { date: UNKNOWN_DATE };
      const which = m[0].slice(0, 4).toLowerCase();
      const tense: Tense = which === 'last' ? 'past' : which === 'next' ? 'future' : context.tense;
      const month = monthNumber(m[1]);
      const anchorMonth = splitIso(context.anchor)[1];
      // "last March" said in March is a year back; "next March" in March a year on
      const shift = month === anchorMonth ? (which === 'last' ? -1 : which === 'next' ? 1 : 0) : 0;
      return { date: monthDate(pickYear(context.anchor, month, null, tense) + shift, month), rule: `month-name-${which}` };
    },
  },
  {
    // "in 2022", "since 2014", "by late 2025"
    name: 'year',
    pattern: new RegExp(`(?<=\\b(?:${MONTH_PREPOSITIONS}|early|late|mid)[\\s-])${YEAR}\\b(?![-–/]\\d|\\s*(?:%|percent)|${COUNTED_NOUN})`, 'g'),
    resolve: (m) => ({ date: yearDate(Number(m[1])) }),
  },
];

/** The year a day or month without one falls in: past looks back from the anchor, future forward, present takes the nearest. */
export function pickYear(anchor: string, month: number, day: number | null, tense: Tense): number {
  const [year, anchorMonth, anchorDay] = splitIso(anchor);
  // compare month (and day when known) with the anchor's, in the anchor's year
  const later = month > anchorMonth || (month === anchorMonth && day !== null && day > anchorDay);
  const earlier = month < anchorMonth || (month === anchorMonth && day !== null && day < anchorDay);
  if (tense === 'past') return later ? year - 1 : year;
  if (tense === 'future') return earlier ? year + 1 : year;
  // present: the occurrence nearest the anchor, in months
  const distance = (month - anchorMonth + 12) % 12;
  if (distance === 0) return year;
  return distance <= 6 ? (month > anchorMonth ? year : year + 1) : (month < anchorMonth ? year : year - 1);
}

function fullDate(year: number, month: number, day: number): RuleResult | null {
  const iso = validIso(year, month, day);
  return iso ? { date: dayDate(iso) } : null;
}

function dayWithoutYear(month: number, day: number, context: RuleContext): RuleResult | null {
  if (day < 1 || day > daysInMonth(2024, month)) return null;
  if (!context.anchor) return { date: UNKNOWN_DATE };
  const iso = validIso(pickYear(context.anchor, month, day, context.tense), month, day);
  return iso ? { date: dayDate(iso) } : { date: UNKNOWN_DATE };
}

function monthWithoutYear(month: number, part: string | undefined, context: RuleContext): RuleResult {
  if (!context.anchor) return { date: UNKNOWN_DATE };
  return { date: partOfMonth(pickYear(context.anchor, month, null, context.tense), month, part) };
}

// "early July" = 1-10, "mid-July" = 11-20, "late July" = 21-end: thirds, as readers take them
function partOfMonth(year: number, month: number, part: string | undefined): ResolvedDate {
  if (!part) return monthDate(year, month);
  const last = daysInMonth(year, month);
  const [first, end] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
  return rangeDate(makeIso(year, month, first), makeIso(year, month, end));
}
