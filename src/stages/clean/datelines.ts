// Dates printed in the text: datelines that open the story ("MOSCOW, Feb 1 (Reuters) -") and dates standing alone on a line.
import { MONTHS, formatIsoDate, parseMetadataDate } from '../ingest/dates.js';

/** A dateline at the start of a text: its length and the date it gives (null when it has no day or no year can be inferred). */
export interface DatelineMatch {
  length: number;
  date: string | null;
}

const MONTH = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+';
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+(?:[A-Z]{2,5}|[+-]\\d{2}:?\\d{2}))?)?';
// 2022-02-01 | Tuesday, Feb 1, 2022 | 1 February 2022 | Feb. 1 (the year may be missing in wire datelines)
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|(?:${WEEKDAY})?(?:(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})\\.?(?:,?\\s+\\d{4})?))`;
const LABEL = '(?:date|dated|published|posted|updated|last\\s+updated|first\\s+published)(?:\\s+on)?\\s*:?\\s*';
const DASH = '\\s*[-—–]+';

// "date 2022-02-01", "Published: 17 October 2025"
const LABELLED = new RegExp(`^${LABEL}(${DATE})${TIME}(?![\\p{L}\\p{N}])`, 'iu');
// "MOSCOW, Feb 1 (Reuters) -", "KYIV, Ukraine (AP) —", "MOSCOW, October 17. /TASS/."
const WIRE = new RegExp(
  `^\\p{Lu}[\\p{Lu}.'’-]{2,}(?:[ -]\\p{Lu}[\\p{Lu}.'’-]+){0,3}(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)??` +
    `(?:,\\s*(${DATE}))?\\.?\\s*(?:\\([\\p{L}][\\p{L} .&-]{1,30}\\)${DASH}|/[\\p{L}][\\p{L} .&-]{1,20}/\\.?|(?<=\\d)${DASH})`,
  'iu',
);
// "Kabul/Doha, Feb 15 (IANS)", "Beijing, June 7 (Xinhua) --": a place in title case needs both a date and an agency
const TITLE_WIRE = new RegExp(
  `^\\p{Lu}\\p{Ll}+(?:[ /-]\\p{Lu}\\p{Ll}+){0,3}(?:,\\s*\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?)?,\\s*(${DATE})\\s*` +
    `\\(\\p{L}[\\p{L}&.-]*(?:\\s\\p{L}[\\p{L}&.-]*){0,3}\\)(?:${DASH})?`,
  'iu',
);
// The case-insensitive flag is for month names: the place and the agency must still be capitalised.
const TITLE_WIRE_CASE = /^\p{Lu}\p{Ll}+(?:[ /-]\p{Lu}\p{Ll}+){0,3}(?:,\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)?,[^(]*\((?:\p{Lu}[\p{L}&.-]*\s?)+\)/u;
// "October 17, 2025 —"
const DATE_DASH = new RegExp(`^(${DATE})${TIME}${DASH}`, 'i');
// "BRUSSELS 1996-08-22", "ST HELENS , England 1996-08-26", "NEW YORK, 2022-02-01 -": a place in capitals and an ISO
// date, on their own line or before a dash
const PLACE_ISO = new RegExp(
  `^\\p{Lu}[\\p{Lu}.'’-]{1,}(?:[ -]\\p{Lu}[\\p{Lu}.'’-]+){0,3}(?:\\s*,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)?\\s*,?\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\s*$|${DASH})`,
  'u',
);

/** Finds a dateline at the start of a text; `published` (YYYY-MM-DD) supplies the year a wire dateline leaves out. */
export function matchDateline(text: string, published: string | null): DatelineMatch | null {
  for (const pattern of [LABELLED, PLACE_ISO, WIRE, TITLE_WIRE, DATE_DASH]) {
    const match = pattern.exec(text);
    if (!match) continue;
    // A wire dateline needs its place in capitals: the case-insensitive flag is for month names only.
    if (pattern === WIRE && !/^\p{Lu}{3,}/u.test(text)) continue;
    if (pattern === TITLE_WIRE && !TITLE_WIRE_CASE.test(match[0])) continue;
    const date = match[1] === undefined ? null : resolveDate(match[1], published);
    if (pattern === DATE_DASH && (date === null || !/\d{4}/.test(match[1]))) continue;
    return { length: match[0].length, date };
  }
  return null;
}

/** The date of a line that is only a date, with or without a label ("Tuesday, Jun 24, 2025", "Published: 17 October 2025"). */
export function matchDateLine(text: string): { date: string; labelled: boolean } | null {
  const label = new RegExp(`^${LABEL}`, 'i').exec(text);
  const date = parseMetadataDate(label ? text.slice(label[0].length) : text);
  return date === null ? null : { date, labelled: label !== null };
}

// A date with no year takes the year that puts it on or just before the publication date.
function resolveDate(text: string, published: string | null): string | null {
  const full = parseMetadataDate(text.replace(/\.$/, ''));
  if (full !== null) return full;
  if (published === null) return null;
  const parts = /^(?:[a-z]+\.?,?\s+)?(?:([a-z]+)\.?\s+(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+))/i.exec(text.replace(new RegExp(`^${WEEKDAY}`, 'i'), ''));
  if (!parts) return null;
  const month = MONTHS.get((parts[1] ?? parts[4]).toLowerCase());
  const day = Number(parts[2] ?? parts[3]);
  if (month === undefined) return null;
  const year = Number(published.slice(0, 4));
  const sameYear = formatIsoDate(year, month, day);
  // Allow a day of slack for time zones: a story dated a day after its metadata is still this year's.
  const latest = formatIsoDate(year, Number(published.slice(5, 7)), Number(published.slice(8, 10)));
  return sameYear !== null && latest !== null && sameYear <= nextDay(latest) ? sameYear : formatIsoDate(year - 1, month, day);
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
