// Validation shared by the built-in KB and the user's --kb files: every error names the file, the entry and the field, and says what to do.
import { isAbsolute, relative } from 'node:path';
import type { z } from 'zod';
import { slugify } from '../graph/keys.js';
import { KgError } from '../errors.js';
import type { KbOffice, KbOrganization, KbPerson, KbPlace } from './types.js';

/** Parses and validates one file's text against a schema; a failure names the file, the entry and the field. */
export function parseEntries<S extends z.ZodType>(file: string, text: string, schema: S, entryName: (index: number, data: unknown) => string | null): z.infer<S> {
  const data = parseJson(file, text);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [head, ...rest] = issue.path;
  const named = typeof head === 'number' ? entryName(head, data) : typeof head === 'string' ? head : null;
  const where = named !== null ? `entry "${named}"${rest.length > 0 ? `, field ${rest.join('.')}` : ''}: ` : '';
  fail(file, `${where}${issue.message}`);
}

export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(file, `not JSON (${(err as Error).message}); fix the syntax at that position`);
  }
}

/** One entry checked against a schema; a failure names the file, the entry and the field, then the hint. */
export function validateEntry<S extends z.ZodType>(file: string, id: string, item: unknown, schema: S, hint = ''): z.infer<S> {
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  fail(file, `entry "${id}"${issue.path.length > 0 ? `, field ${issue.path.join('.')}` : ''}: ${issue.message}${hint}`);
}

export function idAt(data: unknown, index: number): string {
  const item = Array.isArray(data) ? (data[index] as { id?: unknown } | undefined) : undefined;
  return typeof item?.id === 'string' ? item.id : `#${index + 1}`;
}

/** Fails on an id given twice, naming both files. */
export function checkUniqueIds(entries: { file: string; entry: { id: string } }[]): void {
  const seen = new Map<string, string>();
  for (const { file, entry } of entries) {
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) fail(file, `entry "${entry.id}": duplicate id${earlier === file ? '' : ` (also in ${displayPath(earlier)})`}; give each entry its own id, or merge the two`);
    seen.set(entry.id, file);
  }
}

function checkSlug(file: string, id: string): void {
  if (id !== slugify(id)) fail(file, `entry "${id}": id is not a slug; use "${slugify(id)}"`);
}

/** Checks an organisation, or the fields a user's correction of one gives. */
export function checkOrganization(file: string, o: Partial<KbOrganization> & { id: string }, iso2: Set<string>, organizations: Set<string>): void {
  checkSlug(file, o.id);
  for (const m of o.members ?? []) if (!iso2.has(m)) fail(file, `entry "${o.id}", field members: "${m}" is not an ISO2 code; use the two-letter ISO 3166-1 code (KE for Kenya)`);
  if (o.parent !== undefined && !organizations.has(o.parent)) fail(file, `entry "${o.id}", field parent: "${o.parent}" is not a known organisation`);
}

/** Checks a place, or the fields a user's correction of one gives. */
export function checkPlace(file: string, p: Partial<KbPlace> & { id: string }, iso2: Set<string>): void {
  checkSlug(file, p.id);
  if (p.country != null && !iso2.has(p.country)) fail(file, `entry "${p.id}", field country: "${p.country}" is not an ISO2 code; use the two-letter ISO 3166-1 code (KE for Kenya)`);
  if (p.admin !== undefined && p.country !== undefined && p.admin.slice(0, 2) !== p.country) fail(file, `entry "${p.id}", field admin: "${p.admin}" is not in its country "${p.country}"`);
}

/** Checks a person, or the fields a user's correction of one gives: slug of the name, country, each office's holder and dates. */
export function checkPerson(file: string, p: Partial<KbPerson> & { id: string }, iso2: Set<string>, organizations: Set<string>): void {
  const entry = `entry "${p.id}"`;
  if (p.name !== undefined) {
    const slug = slugify(p.name);
    if (p.id !== slug && !p.id.startsWith(`${slug}-`)) fail(file, `${entry}: id is not the slug of the name "${p.name}"; use "${slug}" or "${slug}-<something>"`);
  }
  if (p.country != null && !iso2.has(p.country)) fail(file, `${entry}, field country: "${p.country}" is not an ISO2 code; use the two-letter ISO 3166-1 code (KE for Kenya)`);
  (p.offices ?? []).forEach((o, i) => checkOffice(file, `${entry}, office ${i + 1}`, o, iso2, organizations));
}

function checkOffice(file: string, office: string, o: KbOffice, iso2: Set<string>, organizations: Set<string>): void {
  if (!iso2.has(o.of) && !organizations.has(o.of)) fail(file, `${office}, field of: "${o.of}" is neither an ISO2 code nor an organisation id; use a country's two-letter code or the id of an organisation in the KB`);
  if (!isCalendarDate(o.from)) fail(file, `${office}, field from: ${o.from} is not a calendar date; give a real day as YYYY-MM-DD`);
  if (o.to !== null && !isCalendarDate(o.to)) fail(file, `${office}, field to: ${o.to} is not a calendar date; give a real day as YYYY-MM-DD`);
  if (o.to !== null && o.to < o.from) fail(file, `${office}, field to: ends (${o.to}) before it begins (${o.from}); correct the date, or give null while in office`);
}

function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

export function fail(file: string, message: string): never {
  throw new KgError('kb-invalid', `${displayPath(file)}: ${message}`);
}
