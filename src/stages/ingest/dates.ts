// Reads the date forms metadata uses (ISO, RFC 2822, "June 24, 2025"...) into ISO YYYY-MM-DD without the clock.

/** Month numbers by lower-case English name and abbreviation ("sept" included). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap(
    (name, i): [string, number][] => [
      [name, i + 1],
      [name.slice(0, 3), i + 1],
      ...(name === 'september' ? ([['sept', 9]] as [string, number][]) : []),
    ],
  ),
);

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
// What may follow a date: a time, a zone, or nothing ("10:00:00 +0000", "at 10:00 AM GMT").
const TIME_TAIL = /^(?:[\sT,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[a-z]{2,5}|[+-]\d{2}:?\d{2})?(?:\s*\([^)]*\))?)?\s*$/i;

/** Formats a calendar date as YYYY-MM-DD, or null when the day does not exist. */
export function formatIsoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Normalises a metadata date (ISO date or datetime, RFC 2822, "June 24, 2025"...) to YYYY-MM-DD, or null when unparseable. */
export function parseMetadataDate(value: string): string | null {
  const text = value.trim().replace(WEEKDAY, '');
  // 2025-06-24, 2025-06-24T10:00:00+02:00 (the date as written: the publisher's own day), 2025/06/24, 20250624
  const iso = /^(\d{4})([-/.]?)(\d{2})\2(\d{2})(.*)$/.exec(text);
  if (iso && (iso[5] === '' || /^[T\s]/.test(iso[5]))) return matchesTime(iso[5]) ? formatIsoDate(+iso[1], +iso[3], +iso[4]) : null;
  // 24 Jun 2025 (RFC 2822), 24th June, 2025, 24.06.2025
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([a-z]+)\.?[\s,.-]+(\d{4})(.*)$/i.exec(text);
  if (dayFirst && MONTHS.has(dayFirst[2].toLowerCase()) && matchesTime(dayFirst[4])) {
    return formatIsoDate(+dayFirst[3], MONTHS.get(dayFirst[2].toLowerCase())!, +dayFirst[1]);
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)$/.exec(text);
  if (dotted && matchesTime(dotted[4])) return formatIsoDate(+dotted[3], +dotted[2], +dotted[1]);
  // June 24, 2025 and Jun. 24th 2025
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i.exec(text);
  if (monthFirst && MONTHS.has(monthFirst[1].toLowerCase()) && matchesTime(monthFirst[4])) {
    return formatIsoDate(+monthFirst[3], MONTHS.get(monthFirst[1].toLowerCase())!, +monthFirst[2]);
  }
  return null;
}

function matchesTime(tail: string): boolean {
  return TIME_TAIL.test(tail);
}
