// kg's resolved date as a TIMEX3 value: a day, month or year at its precision; a range as the calendar unit it fills.
import type { ResolvedDate } from '../../src/types.js';
import { daysBetween, daysInMonth, splitIso, weekday } from '../../src/stages/dates/calendar.js';

const SEASONS: Array<[string, number, number, number, number]> = [
  // TimeML seasons, as kg's season rule bounds them (meteorological: spring is March to May)
  ['SP', 3, 1, 5, 31],
  ['SU', 6, 1, 8, 31],
  ['FA', 9, 1, 11, 30],
];

/** The TIMEX3 value of a kg date: 1998-08-07, 1998-08, 1998, 1998-W32, 1998-Q3, 1998-H2, 1998-SU, 199 (a decade); null when unknown. */
export function timexValue(date: ResolvedDate): string | null {
  if (!date.dateStart || !date.dateEnd) return null;
  if (date.precision !== 'range') return date.date;
  const [year, month, day] = splitIso(date.dateStart);
  const [endYear, endMonth, endDay] = splitIso(date.dateEnd);
  const length = daysBetween(date.dateStart, date.dateEnd) + 1;
  if (length === 7 && weekday(date.dateStart) === 1) return isoWeek(date.dateStart);
  if (length === 2 && weekday(date.dateStart) === 6) return `${isoWeek(date.dateEnd)}-WE`;
  if (day === 1 && endDay === daysInMonth(endYear, endMonth) && year === endYear) {
    if (month % 3 === 1 && endMonth === month + 2) return `${year}-Q${(month + 2) / 3}`;
    if ((month === 1 && endMonth === 6) || (month === 7 && endMonth === 12)) return `${year}-H${month === 1 ? 1 : 2}`;
    for (const [name, from, , to] of SEASONS) if (month === from && endMonth === to) return `${year}-${name}`;
  }
  if (month === 12 && day === 1 && endYear === year + 1 && endMonth === 2 && endDay === daysInMonth(endYear, 2)) return `${year}-WI`;
  if (year % 10 === 0 && month === 1 && day === 1 && endYear === year + 9 && endMonth === 12 && endDay === 31) return String(year / 10);
  // a part of a week, month or year ("earlier this week", "late July"): the unit it lies in, as annotators give it
  if (isoWeek(date.dateStart) === isoWeek(date.dateEnd)) return isoWeek(date.dateStart);
  if (year === endYear && month === endMonth) return date.dateStart.slice(0, 7);
  if (year === endYear) return String(year);
  return null;
}

// ISO 8601 week of a day: the week (Monday start) holding the year's first Thursday is week 1
function isoWeek(iso: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  const thursday = new Date(time + (3 - ((new Date(time).getUTCDay() + 6) % 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
