// User-given dates (YYYY, YYYY-MM, YYYY-MM-DD) as day spans, and the overlap test the date filters use.
import { UsageError } from '../errors.js';

/** An inclusive span of ISO days; a null end is open (an office still held). */
export interface DaySpan {
  start: string;
  end: string | null;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The days an ISO date at any precision denotes ("2024-07" -> 2024-07-01..2024-07-31), or null when it is not a real date. */
export function spanOfDate(text: string): DaySpan | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  const lastDay = String(daysInMonth(Number(year), monthNumber)).padStart(2, '0');
  if (day === undefined) return { start: `${year}-${month}-01`, end: `${year}-${month}-${lastDay}` };
  if (Number(day) < 1 || day > lastDay) return null;
  return { start: text, end: text };
}

/** Parses the date a user gave to `option`; throws UsageError 'bad-date' naming the option. */
export function parseDateOption(text: string, option: string): DaySpan {
  const span = spanOfDate(text.trim());
  if (!span) throw new UsageError('bad-date', `${option}: "${text}" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-07, 2024-07-05)`);
  return span;
}

/** The window [from, to] as days; either side may be open. Throws 'bad-date' when a side is malformed or from is after to. */
export function resolveWindow(window: { from?: string; to?: string }, names: { from: string; to: string } = { from: 'from', to: 'to' }): { start: string | null; end: string | null } {
  const start = window.from === undefined ? null : parseDateOption(window.from, names.from).start;
  const end = window.to === undefined ? null : parseDateOption(window.to, names.to).end;
  if (start !== null && end !== null && start > end) {
    throw new UsageError('bad-date', `${names.from} ${window.from ?? ''} is after ${names.to} ${window.to ?? ''}`);
  }
  return { start, end };
}

/** Whether a span overlaps a window; a missing span never does once the window is bounded. */
export function overlapsWindow(span: DaySpan | null, window: { start: string | null; end: string | null }): boolean {
  if (window.start === null && window.end === null) return true;
  if (!span) return false;
  if (window.start !== null && span.end !== null && span.end < window.start) return false;
  return !(window.end !== null && span.start > window.end);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
