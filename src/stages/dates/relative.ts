// Rules for dates relative to the anchor ("yesterday", "on Thursday", "two months ago") or to the date just mentioned ("the following day").
import type { ResolvedDate } from '../../types.js';
import {
  addDays, addMonths, dayDate, makeIso, monthDate, rangeDate, splitIso, weekStart, weekday, yearDate, UNKNOWN_DATE,
} from './calendar.js';
import { hasTenseCue } from './tense.js';
import { COUNT, WEEKDAY, countValue, eitherCase, weekdayNumber, type DateRule, type RuleContext, type RuleResult } from './patterns.js';

type Unit = 'day' | 'week' | 'month' | 'year';

/** The rules for anchor-relative and anaphoric phrases. */
export const RELATIVE_RULES: DateRule[] = [
  {
    // "today", "earlier today", "tonight", "this morning"
    name: 'today',
    pattern: /\b(?:(?:earlier|later) )?(?:today|tonight|this (?:morning|afternoon|evening))\b/gi,
    resolve: (_m, context) => fromAnchor(context, (anchor) => dayDate(anchor)),
  },
  {
    // "either today or tomorrow": the two days
    name: 'today-or-tomorrow',
    pattern: /\b(?:either )?today or tomorrow\b/gi,
    resolve: (_m, context) => fromAnchor(context, (anchor) => rangeDate(anchor, addDays(anchor, 1))),
  },
  {
    name: 'yesterday',
    pattern: /\b(?:(the day before) )?(?:yesterday)\b|\blast (?:night|evening)\b/gi,
    resolve: (m, context) => fromAnchor(context, (anchor) => dayDate(addDays(anchor, m[1] ? -2 : -1))),
  },
  {
    name: 'tomorrow',
    pattern: /\b(?:(the day after) )?tomorrow\b/gi,
    resolve: (m, context) => fromAnchor(context, (anchor) => dayDate(addDays(anchor, m[1] ? 2 : 1))),
  },
  {
    // "earlier this week", "last week", "next week", "the past week"
    name: 'week',
    pattern: /\b(?:(earlier|later) )?(this|last|next|the past|the previous|the coming) week\b/gi,
    resolve: (m, context) => fromAnchor(context, (anchor) => resolveWeek(anchor, m[1], m[2].toLowerCase(), context), weekRuleName(m[2])),
  },
  {
    // "earlier in the week", "later in the month", "earlier in the year": the part of the anchor's week, month or year
    name: 'in-the-unit',
    pattern: /\b(earlier|later) in the (week|month|year)\b/gi,
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => {
        const unit = m[2].toLowerCase();
        if (unit === 'week') return resolveWeek(anchor, m[1], 'this', context);
        return resolveCalendarUnit(anchor, unit as 'month' | 'year', m[1], 'this');
      }, `${m[1].toLowerCase()}-in-the-${m[2].toLowerCase()}`),
  },
  {
    // "over the weekend", "this weekend", "last weekend"
    name: 'weekend',
    pattern: /\b(?:(?:over|at|during) )?(the|this|last|next) weekend\b/gi,
    resolve: (m, context) => fromAnchor(context, (anchor) => resolveWeekend(anchor, m[1].toLowerCase(), context)),
  },
  {
    // "last month", "earlier this month"
    name: 'month',
    pattern: /\b(?:(earlier|later) )?(this|last|next|the previous|the coming) month\b/gi,
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => resolveCalendarUnit(anchor, 'month', m[1], m[2].toLowerCase()), `${unitRuleName(m[2])}-month`),
  },
  {
    // "this year", "last year", "earlier this year"
    name: 'year',
    pattern: /\b(?:(earlier|later) )?(this|last|next|the previous|the coming) year\b/gi,
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => resolveCalendarUnit(anchor, 'year', m[1], m[2].toLowerCase()), `${unitRuleName(m[2])}-year`),
  },
  {
    // "since the beginning of the year": from 1 January to the anchor
    name: 'since-year-start',
    pattern: /\bsince the (?:beginning|start) of (?:the|this) year\b/gi,
    resolve: (_m, context) => fromAnchor(context, (anchor) => rangeDate(`${anchor.slice(0, 4)}-01-01`, anchor)),
  },
  {
    // "almost two months ago", "three days ago"
    name: 'ago',
    pattern: new RegExp(`\\b(?:(almost|nearly|just under|less than|about|around|some|roughly|approximately|more than|over|just over) )?${COUNT} (day|week|month|year)s? ago\\b`, 'gi'),
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => {
        const unit = unitOf(m[3]);
        const point = shift(anchor, -countValue(m[2]), unit);
        const side = agoSide(m[1]);
        // "three years ago" is a year, "two months ago" a month, "two weeks ago" a week; "almost two months ago" a window
        return side === 0 && unit !== 'day' ? calendarUnitOf(point, unit) : approximate(point, unit, side);
      }),
  },
  {
    // "within two weeks", "within hours" (from the anchor on; not "within hours of taking office", nor in past narrative)
    name: 'within-span',
    pattern: new RegExp(`\\bwithin (?:the (?:next|coming) )?(?:${COUNT} )?(hour|day|week|month)s?\\b(?! of\\b)`, 'gi'),
    resolve: (m, context) => {
      if (context.tense === 'past') return null;
      return fromAnchor(context, (anchor) => rangeDate(anchor, spanEnd(anchor, m[1] ? countValue(m[1]) : null, m[2].toLowerCase())));
    },
  },
  {
    // "in two weeks", "in three days' time": a point ahead of the anchor, told in the future only
    name: 'in-span',
    pattern: new RegExp(`\\bin (?:another )?${COUNT} (day|week|month|year)s?(?:[’']? time)?\\b(?! of\\b)`, 'gi'),
    resolve: (m, context) => {
      if (context.tense !== 'future') return null;
      return fromAnchor(context, (anchor) => approximate(shift(anchor, countValue(m[1]), unitOf(m[2])), unitOf(m[2]), 0));
    },
  },
  {
    // "in the coming days", "in the coming weeks"
    name: 'coming-span',
    pattern: /\b(?:in|over) the (?:coming|next few) (day|week|month)s\b/gi,
    resolve: (m, context) =>
      fromAnchor(context, (anchor) => rangeDate(anchor, spanEnd(anchor, null, m[1].toLowerCase()))),
  },
  {
    // "on Thursday", "last Friday", "Tuesday's talks"
    name: 'weekday',
    // not the named days "Good Friday", "Black Friday", "Super Tuesday", "Bloody Sunday"
    pattern: new RegExp(`(?<!\\b(?:Good|Black|Cyber|Super|Bloody|Ash|Easter|Palm|Holy|Maundy) )\\b(?:(${eitherCase(['last', 'next', 'this'])}) )?(${WEEKDAY})\\b`, 'g'),
    resolve: (m, context) => (context.anchor ? resolveWeekday(context.anchor, weekdayNumber(m[2]), m[1]?.toLowerCase(), context) : { date: UNKNOWN_DATE }),
  },
  {
    // "the following day", "a day later": the day after the date just mentioned, not after the anchor
    name: 'anaphora',
    // "during the day", "later in the day", "earlier that day": the day just mentioned
    pattern: /\b(?:the (following|next|previous|same) day|a day (later|earlier)|the day (after|before)(?=\s*[.,;:])|(?:during|(?:later|earlier) in) the day\b(?!\s+(?:of|before|after)\b)|(?:later|earlier) that day)/gi,
    resolve: (m, context) => {
      const word = (m[1] ?? m[2] ?? m[3] ?? 'same').toLowerCase();
      const step = word === 'same' ? 0 : ['previous', 'earlier', 'before'].includes(word) ? -1 : 1;
      const rule = step === 0 ? 'anaphora-same-day' : step < 0 ? 'anaphora-previous-day' : 'anaphora-next-day';
      return fromPrevious(context, step, rule);
    },
  },
  {
    // "On the first day, Lula will participate ...": a day of the stay or programme that begins on the date just mentioned
    name: 'anaphora',
    pattern: /\b(?:on|during) the (first|second|third|fourth|fifth) day\b(?!\s+(?:of|in|at|after|since)\b)/gi,
    resolve: (m, context) => fromPrevious(context, ORDINAL_DAYS.indexOf(m[1].toLowerCase()), 'anaphora-nth-day'),
  },
  {
    // "two days later", "a day after the summit", "the day before the vote", "the next morning", "that same day"
    name: 'anaphora',
    pattern: new RegExp(
      `\\b(?:${COUNT} days? (later|earlier|after|before)(?! \\w+ing\\b)|the day (after|before)(?! \\w+ing\\b)|the (following|next|previous|same) (?:morning|afternoon|evening|night)|(?:on )?that (?:same )?day)\\b`,
      'gi',
    ),
    resolve: (m, context) => {
      const direction = (m[2] ?? m[3] ?? m[4] ?? 'same').toLowerCase();
      const sign = direction === 'same' ? 0 : ['previous', 'earlier', 'before'].includes(direction) ? -1 : 1;
      const count = m[1] ? countValue(m[1]) : 1;
      // "This remark came a day before Trump was scheduled to host ...": the last date is the remark's, and the phrase
      // dates the clause it opens, the hosting, a day after it (in "a day after the meeting, he left" it dates the leaving)
      if ((direction === 'before' || direction === 'after') && !context.apposition && hasTenseCue(clauseAhead(context.following))) {
        return fromPrevious(context, -sign * count, 'anaphora-complement');
      }
      const rule = sign === 0 ? 'anaphora-same-day' : sign < 0 ? 'anaphora-previous-day' : 'anaphora-next-day';
      return fromPrevious(context, sign * count, rule);
    },
  },
];

const ORDINAL_DAYS = ['first', 'second', 'third', 'fourth', 'fifth'];

// the words after an expression up to the end of their clause
function clauseAhead(text: string): string {
  return /^[^,;:.!?()—–]*/.exec(text)![0];
}

// a day counted from the last day-precision date of the narrative, which the expression records as its antecedent
// (in apposition to that date, "on Oct. 3, the day before the hearing", it is that date itself)
function fromPrevious(context: RuleContext, days: number, rule: string): RuleResult {
  const previous = context.previous;
  if (!previous || previous.precision !== 'day' || !previous.date) return { date: UNKNOWN_DATE, rule };
  return {
    date: dayDate(context.apposition ? previous.date : addDays(previous.date, days)),
    rule: context.apposition ? 'anaphora-apposition' : rule,
    antecedent: { text: previous.text, start: previous.start, end: previous.end, date: previous.date },
  };
}

// the calendar week (Monday to Sunday), month or year that holds `iso`
function calendarUnitOf(iso: string, unit: Unit): ResolvedDate {
  const [year, month] = splitIso(iso);
  if (unit === 'year') return yearDate(year);
  if (unit === 'month') return monthDate(year, month);
  const monday = weekStart(iso);
  return rangeDate(monday, addDays(monday, 6));
}

function fromAnchor(context: RuleContext, resolve: (anchor: string) => ResolvedDate, rule?: string): RuleResult {
  // without a document date a relative phrase stays unresolved: no date is better than a wrong one
  return { date: context.anchor ? resolve(context.anchor) : UNKNOWN_DATE, rule };
}

// "on Thursday": the anchor's own weekday is the anchor day; otherwise the last one in past and present narrative,
// the coming one in future sentences (compromise-dates always goes forward)
function resolveWeekday(anchor: string, target: number, modifier: string | undefined, context: RuleContext): RuleResult {
  const back = (weekday(anchor) - target + 7) % 7;
  const ahead = (target - weekday(anchor) + 7) % 7;
  if (modifier === 'last') return { date: dayDate(addDays(anchor, -(back || 7))), rule: 'weekday-last' };
  if (modifier === 'next') return { date: dayDate(addDays(anchor, ahead || 7)), rule: 'weekday-next' };
  if (back === 0) return { date: dayDate(anchor), rule: 'weekday-anchor' };
  if (context.tense === 'future') return { date: dayDate(addDays(anchor, ahead)), rule: 'weekday-future' };
  return { date: dayDate(addDays(anchor, -back)), rule: 'weekday-past' };
}

function resolveWeek(anchor: string, side: string | undefined, which: string, context: RuleContext): ResolvedDate {
  const monday = weekStart(anchor);
  if (which === 'the past') return rangeDate(addDays(anchor, -7), anchor);
  if (which === 'last' || which === 'the previous') return rangeDate(addDays(monday, -7), addDays(monday, -1));
  if (which === 'next' || which === 'the coming') return rangeDate(addDays(monday, 7), addDays(monday, 13));
  const sunday = addDays(monday, 6);
  // "earlier this week" ends the day before the anchor (on a Monday, that day), "later this week" starts at it; a bare
  // "this week" follows the tense, the anchor day included
  if (side?.toLowerCase() === 'earlier') return rangeDate(monday, anchor > monday ? addDays(anchor, -1) : anchor);
  const toward = side?.toLowerCase() ?? (context.tense === 'past' ? 'earlier' : context.tense === 'future' ? 'later' : '');
  if (toward === 'earlier') return rangeDate(monday, anchor);
  if (toward === 'later') return rangeDate(anchor, sunday);
  return rangeDate(monday, sunday);
}

function weekRuleName(which: string): string {
  const word = which.toLowerCase();
  if (word === 'the past') return 'past-week';
  if (word === 'last' || word === 'the previous') return 'last-week';
  if (word === 'next' || word === 'the coming') return 'next-week';
  return 'this-week';
}

// "over the weekend" in a report: the last Saturday and Sunday before the anchor; "next weekend" the coming one
function resolveWeekend(anchor: string, which: string, context: RuleContext): ResolvedDate {
  const sinceSaturday = (weekday(anchor) + 1) % 7;
  const lastSaturday = addDays(anchor, -sinceSaturday);
  // "this weekend" said on a weekday is the coming one unless the narrative is firmly past
  const forward = which === 'next' || (which !== 'last' && context.tense === 'future') || (which === 'this' && !(context.tenseFirm && context.tense === 'past'));
  if (forward) {
    const saturday = sinceSaturday === 0 ? anchor : addDays(lastSaturday, 7);
    return rangeDate(saturday, addDays(saturday, 1));
  }
  // on a Sunday the weekend in question is the one ending today; on a Saturday, that day only
  const sunday = addDays(lastSaturday, 1);
  return rangeDate(lastSaturday, sunday > anchor ? anchor : sunday);
}

function resolveCalendarUnit(anchor: string, unit: 'month' | 'year', side: string | undefined, which: string): ResolvedDate {
  const step = which === 'last' || which === 'the previous' ? -1 : which === 'next' || which === 'the coming' ? 1 : 0;
  const [year, month] = splitIso(anchor);
  const whole = unit === 'year' ? yearDate(year + step) : wholeMonth(addMonths(makeIso(year, month, 1), step));
  // "earlier this year" runs from the start to the anchor, "later this month" from the anchor to the end
  if (step === 0 && side?.toLowerCase() === 'earlier') return rangeDate(whole.dateStart!, anchor);
  if (step === 0 && side?.toLowerCase() === 'later') return rangeDate(anchor, whole.dateEnd!);
  return whole;
}

function unitRuleName(which: string): string {
  const word = which.toLowerCase();
  return word === 'last' || word === 'the previous' ? 'last' : word === 'next' || word === 'the coming' ? 'next' : 'this';
}

function wholeMonth(iso: string): ResolvedDate {
  const [year, month] = splitIso(iso);
  return monthDate(year, month);
}

function unitOf(word: string): Unit {
  return word.toLowerCase() as Unit;
}

function shift(anchor: string, count: number, unit: Unit): string {
  if (unit === 'day') return addDays(anchor, count);
  if (unit === 'week') return addDays(anchor, 7 * count);
  return addMonths(anchor, unit === 'year' ? 12 * count : count);
}

// "almost two months ago" lies after the point, "more than two months ago" before it, "two months ago" around it
function agoSide(hedge: string | undefined): -1 | 0 | 1 {
  const word = hedge?.toLowerCase() ?? '';
  if (['almost', 'nearly', 'just under', 'less than'].includes(word)) return 1;
  if (['more than', 'over', 'just over'].includes(word)) return -1;
  return 0;
}

// a point N units away is fuzzy by half a unit: days are exact, weeks +-3 days, months +-15, years +-182
function approximate(point: string, unit: Unit, side: -1 | 0 | 1): ResolvedDate {
  const half = { day: 0, week: 3, month: 15, year: 182 }[unit];
  if (half === 0) return dayDate(point);
  const start = side === 1 ? point : addDays(point, -half);
  const end = side === -1 ? point : addDays(point, half);
  return rangeDate(start, end);
}

// "within hours" = by the next day, "within days" = a week, "within weeks" = six weeks, "within months" = a year
function spanEnd(anchor: string, count: number | null, unit: string): string {
  if (unit === 'hour') return addDays(anchor, count === null ? 1 : Math.ceil(count / 24));
  if (unit === 'day') return addDays(anchor, count ?? 7);
  if (unit === 'week') return addDays(anchor, count === null ? 42 : 7 * count);
  return addMonths(anchor, count ?? 12);
}
