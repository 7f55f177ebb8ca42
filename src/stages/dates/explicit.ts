// Rules for dates written out: full dates, day and month, month names, years; a missing year comes from anchor and tense.
import {
  daysBetween, dayDate, makeIso, weekday, monthDate, partOfMonth, partOfYear, rangeDate, splitIso, validIso, yearDate, daysInMonth, UNKNOWN_DATE,
} from './calendar.js';
import {
  ANY_MONTH, COUNTED_NOUN, DAY, FULL_MONTH, WEEKDAY, YEAR, eitherCase, monthNumber, weekdayNumber,
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
// prepositions that make a bare number a year; "between 1994 and 1997", "in both 1990 and 1991"
const YEAR_PREPOSITIONS = eitherCase(['in', 'since', 'until', 'till', 'by', 'during', 'from', 'through', 'before', 'after', 'throughout', 'of', 'between', 'both', 'into', 'for']);
// determiners and possessives before a year that names something: "a 2010 raid", "his 2007 campaign", "Russia's 2014 annexation"
const YEAR_DETERMINER = `(?:${eitherCase(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'that'])}|\\p{Lu}[\\p{L}.]*['’]s)`;
// the second and later years of a list or span: "between 1994 and 1997", "in 1994, 1995 and 1997", "from 1991 to 1997"
const YEAR_LIST_BEFORE = '\\b(?:1[6-9]|20)\\d{2}(?:,\\s*|\\s+(?:and|or|to|through|until)\\s+|,\\s+(?:and|or)\\s+|[-–])';
// a day range inside one month: "Oct. 4-5", "4-5 October", "between 4 and 6 October"
const DAY_SPAN = `${DAY}\\s*(?:[-–]|to|(?<=between\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+)and)\\s*${DAY}`;

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
    // "Oct. 4-5", "October 4 to 6, 2025": one event over several days
    name: 'explicit-day-range',
    pattern: new RegExp(`\\b(${ANY_MONTH})\\s+${DAY_SPAN}(?:,?\\s+${YEAR})?(?![\\w-])`, 'g'),
    resolve: (m, context) => dayRange(monthNumber(m[1]), Number(m[2]), monthNumber(m[1]), Number(m[3]), m[4], context),
  },
  {
    // "4-5 October", "between 4 and 6 October 2025"
    name: 'explicit-day-range',
    pattern: new RegExp(`\\b${DAY_SPAN}(?:\\s+of)?\\s+(${ANY_MONTH})(?:,?\\s+${YEAR})?(?![\\w-])`, 'g'),
    resolve: (m, context) => dayRange(monthNumber(m[3]), Number(m[1]), monthNumber(m[3]), Number(m[2]), m[4], context),
  },
  {
    // "Sept. 30-Oct. 2", "30 September to 2 October"
    name: 'explicit-day-range',
    pattern: new RegExp(
      `\\b(?:(${ANY_MONTH})\\s+${DAY}\\s*(?:[-–]|to)\\s*(${ANY_MONTH})\\s+${DAY}|${DAY}\\s+(${ANY_MONTH})\\s*(?:[-–]|to)\\s*${DAY}\\s+(${ANY_MONTH}))(?:,?\\s+${YEAR})?(?![\\w-])`,
      'g',
    ),
    resolve: (m, context) =>
      m[1]
        ? dayRange(monthNumber(m[1]), Number(m[2]), monthNumber(m[3]), Number(m[4]), m[9], context)
        : dayRange(monthNumber(m[6]), Number(m[5]), monthNumber(m[8]), Number(m[7]), m[9], context),
  },
  {
    // "this Thursday (Dec 7, 2023)", "on Monday (8 July)": a weekday with its date in brackets is that date
    name: 'weekday-bracketed-date',
    pattern: new RegExp(
      `\\b(?:${eitherCase(['last', 'next', 'this'])}\\s+)?(${WEEKDAY})\\s*\\((?:(${ANY_MONTH})\\s+${DAY}|${DAY}\\s+(${ANY_MONTH}))(?:,?\\s+${YEAR})?\\)`,
      'g',
    ),
    resolve: (m, context) => {
      const month = monthNumber(m[2] ?? m[5]);
      const day = Number(m[3] ?? m[4]);
      return m[6] ? fullDate(Number(m[6]), month, day) : dayWithoutYear(month, day, context, m[1]);
    },
  },
  {
    // "on Monday (8)": a weekday with its day of the month in brackets, as West African and South Asian papers write it
    name: 'weekday-day-of-month',
    pattern: new RegExp(`\\b(?:${eitherCase(['last', 'next', 'this'])}\\s+)?(${WEEKDAY})\\s*\\((\\d{1,2})(?:st|nd|rd|th)?\\)`, 'g'),
    resolve: (m, context) => weekdayWithDay(weekdayNumber(m[1]), Number(m[2]), context),
  },
  {
    // "16 October", "On 17 December", "the evening of 16 October"
    name: 'explicit-day-month',
    pattern: new RegExp(`\\b${WEEKDAY_PREFIX}${PART_OF_DAY}(?:the\\s+)?${DAY}(?:\\s+of)?\\s+(${ANY_MONTH})(?![\\w-])`, 'g'),
    resolve: (m, context) => dayWithoutYear(monthNumber(m[2]), Number(m[1]), context, leadingWeekday(m[0])),
  },
  {
    // "Oct. 16", "October 16th" (not "May 2022": a year is four digits)
    name: 'explicit-day-month',
    pattern: new RegExp(`\\b${WEEKDAY_PREFIX}${PART_OF_DAY}(${ANY_MONTH})\\s+${DAY}(?![\\w.,]\\d|\\d)`, 'g'),
    resolve: (m, context) => dayWithoutYear(monthNumber(m[1]), Number(m[2]), context, leadingWeekday(m[0])),
  },
  {
    // "on Valentine's Day", "at Christmas": holidays on a fixed day, the year from the anchor and the tense
    name: 'holiday',
    pattern: /\b(?:(?:St\.?|Saint) )?(Valentine['’]s Day|Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Boxing Day|Halloween)\b/g,
    resolve: (m, context) => {
      const [month, day] = HOLIDAYS[m[1].toLowerCase().replace('’', "'")];
      return dayWithoutYear(month, day, context);
    },
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
      const month = monthNumber(m[1]);
      const [anchorYear, anchorMonth] = splitIso(context.anchor);
      // "this September" is the anchor's year's; "last March" said in March is a year back, "next March" a year on
      if (which === 'this') return { date: monthDate(anchorYear, month), rule: 'month-name-this' };
      const shift = month === anchorMonth ? (which === 'last' ? -1 : 1) : 0;
      return { date: monthDate(pickYear(context.anchor, month, null, which === 'last' ? 'past' : 'future') + shift, month), rule: `month-name-${which}` };
    },
  },
  {
    // "in late 2024", "early 2022": the first or last four months, as readers take them
    name: 'part-of-year',
    pattern: new RegExp(`\\b(early|mid|late)[- ]${YEAR}\\b(?![-–/]\\d|\\s*(?:%|percent)|${COUNTED_NOUN})`, 'gi'),
    resolve: (m) => ({ date: partOfYear(Number(m[2]), m[1].toLowerCase()) }),
  },
  {
    // "in 2022", "since 2014", "between 1994 and 1997"
    name: 'year',
    pattern: new RegExp(`(?<=\\b${YEAR_PREPOSITIONS}\\s+)${YEAR}\\b(?![-–/]\\d|\\s*(?:%|percent)|${COUNTED_NOUN})`, 'g'),
    resolve: (m) => ({ date: yearDate(Number(m[1])) }),
  },
  {
    // "a 2010 raid", "his 2007 campaign", "the 1996 Olympic bombing", and the later years of "in 1994, 1995 and 1997"
    name: 'year-bare',
    pattern: new RegExp(
      `(?:(?<=${YEAR_DETERMINER}\\s+)${YEAR}(?=\\s+\\p{L})|(?<=${YEAR_LIST_BEFORE})${YEAR}\\b)(?![-–/]\\d|\\s*(?:%|percent)|${COUNTED_NOUN})`,
      'gu',
    ),
    resolve: (m) => ({ date: yearDate(Number(m[1] ?? m[2])) }),
  },
];

// month and day of the holidays the 'holiday' rule reads
const HOLIDAYS: Record<string, [number, number]> = {
  "valentine's day": [2, 14], christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24],
  "new year's day": [1, 1], "new year's eve": [12, 31], 'boxing day': [12, 26], halloween: [10, 31],
};

// A yearless date a firm tense puts on the wrong side of the anchor moves a year; one that only a reporting verb or a
// distant cue dates ("must be returned by Jan. 14, Meissner said") moves only when it lies more than this far on that side
const LOOSE_TENSE_SLACK_DAYS = 62;

/**
 * The year a day or month without one falls in: past looks back from the anchor, future forward, present takes the
 * nearest; a tense that is not firm (see governingTense) lets a date within two months on the other side stay there.
 */
export function pickYear(anchor: string, month: number, day: number | null, tense: Tense, firm = true): number {
  const [year, anchorMonth] = splitIso(anchor);
  const slack = firm ? 0 : LOOSE_TENSE_SLACK_DAYS;
  // days from the anchor to the first day of the date in the anchor's year, and from its last day to the anchor
  const ahead = daysBetween(anchor, makeIso(year, month, day ?? 1));
  const behind = daysBetween(makeIso(year, month, day ?? daysInMonth(year, month)), anchor);
  if (tense === 'past') return ahead > slack ? year - 1 : year;
  if (tense === 'future') return behind > slack ? year + 1 : year;
  // present: the occurrence nearest the anchor, in months
  const distance = (month - anchorMonth + 12) % 12;
  if (distance === 0) return year;
  return distance <= 6 ? (month > anchorMonth ? year : year + 1) : (month < anchorMonth ? year : year - 1);
}

function fullDate(year: number, month: number, day: number): RuleResult | null {
  const iso = validIso(year, month, day);
  return iso ? { date: dayDate(iso) } : null;
}

function dayWithoutYear(month: number, day: number, context: RuleContext, weekdayName?: string): RuleResult | null {
  if (day < 1 || day > daysInMonth(2024, month)) return null;
  if (!context.anchor) return { date: UNKNOWN_DATE };
  const year = pickYear(context.anchor, month, day, context.tense, context.tenseFirm);
  // "Monday, Oct. 26": the weekday names the year, the nearest one in which that day falls on it
  if (weekdayName) {
    const target = weekdayNumber(weekdayName);
    const named = [year, year - 1, year + 1].find((candidate) => {
      const iso = validIso(candidate, month, day);
      return iso !== null && weekday(iso) === target;
    });
    if (named !== undefined) return { date: dayDate(validIso(named, month, day)!) };
  }
  const iso = validIso(year, month, day);
  return iso ? { date: dayDate(iso) } : { date: UNKNOWN_DATE };
}

// the weekday a date phrase opens with, if any: "Tuesday, Jun 24"
function leadingWeekday(text: string): string | undefined {
  return new RegExp(`^${WEEKDAY}`).exec(text)?.[0];
}

// a range of days; a missing year comes from the first day, and a range that runs into January ends a year later
function dayRange(startMonth: number, startDay: number, endMonth: number, endDay: number, yearText: string | undefined, context: RuleContext): RuleResult | null {
  if (startMonth === 0 || endMonth === 0) return null;
  if (!yearText && !context.anchor) return { date: UNKNOWN_DATE };
  const year = yearText ? Number(yearText) : pickYear(context.anchor!, startMonth, startDay, context.tense, context.tenseFirm);
  const first = validIso(year, startMonth, startDay);
  const last = validIso(endMonth < startMonth ? year + 1 : year, endMonth, endDay);
  if (!first || !last || last <= first) return null;
  return { date: rangeDate(first, last) };
}

// "Monday (8)": the day of that number, in the anchor's month or the one before or after, that falls on that weekday
function weekdayWithDay(target: number, day: number, context: RuleContext): RuleResult | null {
  if (day < 1 || day > 31) return null;
  if (!context.anchor) return { date: UNKNOWN_DATE };
  const [year, month] = splitIso(context.anchor);
  const fits = [-1, 0, 1]
    .map((step) => {
      const total = year * 12 + month - 1 + step;
      return validIso(Math.floor(total / 12), (total % 12) + 1, day);
    })
    .filter((iso): iso is string => iso !== null && weekday(iso) === target);
  if (fits.length === 0) return null;
  const nearest = fits.reduce((a, b) => (Math.abs(daysBetween(context.anchor!, b)) < Math.abs(daysBetween(context.anchor!, a)) ? b : a));
  return { date: dayDate(nearest) };
}

function monthWithoutYear(month: number, part: string | undefined, context: RuleContext): RuleResult {
  if (!context.anchor) return { date: UNKNOWN_DATE };
  return { date: partOfMonth(pickYear(context.anchor, month, null, context.tense, context.tenseFirm), month, part) };
}


