// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC: no clock, no time zones, no library.
import type { ResolvedDate } from '../../types.js';

const DAY_MS = 86_400_000;

/** The ISO date `days` days after `iso` (negative goes back). */
export function addDays(iso: string, days: number): string {
  return toIso(new Date(toTime(iso) + days * DAY_MS));
}

/** The ISO date `months` calendar months after `iso`, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = splitIso(iso);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  return makeIso(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Day of the week of `iso`: 0 = Sunday ... 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(toTime(iso)).getUTCDay();
}

/** Monday of the week (Monday-start weeks) that contains `iso`. */
export function weekStart(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of the month `YYYY-MM`. */
export function monthRange(year: number, month: number): { dateStart: string; dateEnd: string } {
  return { dateStart: makeIso(year, month, 1), dateEnd: makeIso(year, month, daysInMonth(year, month)) };
}

/** ISO date from parts, or null when the day does not exist (31 June). */
export function validIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return makeIso(year, month, day);
}

/** ISO date from parts known to be valid. */
export function makeIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** [year, month, day] of an ISO date. */
export function splitIso(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toTime(b) - toTime(a)) / DAY_MS);
}

/** A day-precision date. */
export function dayDate(iso: string): ResolvedDate {
  return { date: iso, precision: 'day', dateStart: iso, dateEnd: iso };
}

/** A month-precision date. */
export function monthDate(year: number, month: number): ResolvedDate {
  return { date: `${year}-${pad2(month)}`, precision: 'month', ...monthRange(year, month) };
}

/** A year-precision date. */
export function yearDate(year: number): ResolvedDate {
  return { date: String(year), precision: 'year', dateStart: makeIso(year, 1, 1), dateEnd: makeIso(year, 12, 31) };
}

/** A range of days; a one-day range collapses to a day. */
export function rangeDate(dateStart: string, dateEnd: string): ResolvedDate {
  const [first, last] = dateStart <= dateEnd ? [dateStart, dateEnd] : [dateEnd, dateStart];
  return first === last ? dayDate(first) : { date: null, precision: 'range', dateStart: first, dateEnd: last };
}

/** "early July" = 1-10, "mid-July" = 11-20, "late July" = 21-end: thirds, as readers take them; no part is the month. */
export function partOfMonth(year: number, month: number, part: string | undefined): ResolvedDate {
  if (!part) return monthDate(year, month);
  const last = daysInMonth(year, month);
  const [first, end] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
  return rangeDate(makeIso(year, month, first), makeIso(year, month, end));
}

/** "early 2024" = January-April, "mid-2024" = May-August, "late 2024" = September-December. */
export function partOfYear(year: number, part: string): ResolvedDate {
  const [first, last] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
  return rangeDate(makeIso(year, first, 1), makeIso(year, last, daysInMonth(year, last)));
}

/** A date that could not be resolved. */
export const UNKNOWN_DATE: ResolvedDate = Object.freeze({ date: null, precision: 'unknown', dateStart: null, dateEnd: null });

/** True when two resolved dates may denote a common day; unknown dates overlap nothing. */
export function rangesOverlap(a: ResolvedDate, b: ResolvedDate): boolean {
  if (!a.dateStart || !a.dateEnd || !b.dateStart || !b.dateEnd) return false;
  return a.dateStart <= b.dateEnd && b.dateStart <= a.dateEnd;
}

/** The days two resolved dates have in common, or null when they share none (or either is unknown). */
export function intersectRanges(a: ResolvedDate, b: ResolvedDate): ResolvedDate | null {
  if (!rangesOverlap(a, b)) return null;
  const start = a.dateStart! > b.dateStart! ? a.dateStart! : b.dateStart!;
  const end = a.dateEnd! < b.dateEnd! ? a.dateEnd! : b.dateEnd!;
  if (start === a.dateStart && end === a.dateEnd) return a;
  if (start === b.dateStart && end === b.dateEnd) return b;
  return rangeDate(start, end);
}

/** True when `inner` lies wholly within `outer` (both known). */
export function rangeContains(outer: ResolvedDate, inner: ResolvedDate): boolean {
  if (!outer.dateStart || !outer.dateEnd || !inner.dateStart || !inner.dateEnd) return false;
  return outer.dateStart <= inner.dateStart && inner.dateEnd <= outer.dateEnd;
}

/** Number of days a resolved date spans (1 for a day), or Infinity when unknown: smaller is more precise. */
export function rangeWidth(date: ResolvedDate): number {
  if (!date.dateStart || !date.dateEnd) return Infinity;
  return daysBetween(date.dateStart, date.dateEnd) + 1;
}

function toTime(iso: string): number {
  const [year, month, day] = splitIso(iso);
  return Date.UTC(year, month - 1, day);
}

function toIso(date: Date): string {
  return makeIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
