// Reads data/kb, validates every file and cross-reference, and returns a cached KnowledgeBase per directory.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { slugify } from '../graph/keys.js';
import { KgError } from '../errors.js';
import { buildCountries, listIso2Codes } from './countries.js';
import { attachGazetteer, loadGazetteer } from './gazetteer.js';
import { KnowledgeBase } from './knowledge-base.js';
import { countriesFileSchema, organizationsFileSchema, peopleFileSchema, placesFileSchema } from './schema.js';
import type { KbOrganization, KbPerson, KbPlace } from './types.js';

const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb', import.meta.url));
const cache = new Map<string, KnowledgeBase>();

/** Loads, validates and indexes the KB in `dir` (default: the repository's data/kb); cached per directory. */
export function loadKnowledgeBase(dir: string = DEFAULT_KB_DIR): KnowledgeBase {
  const key = resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const kb = readKnowledgeBase(key);
  cache.set(key, kb);
  return kb;
}

function readKnowledgeBase(dir: string): KnowledgeBase {
  const iso2 = listIso2Codes();
  const curated = parseFile(join(dir, 'countries.json'), countriesFileSchema, () => null);
  for (const code of Object.keys(curated)) {
    if (!iso2.has(code)) fail(join(dir, 'countries.json'), `entry "${code}": not an ISO 3166-1 alpha-2 code`);
  }
  const organizations = parseFile(join(dir, 'organizations.json'), organizationsFileSchema, (i, data) => idAt(data, i));
  const places = parseFile(join(dir, 'places.json'), placesFileSchema, (i, data) => idAt(data, i));
  const people: { file: string; person: KbPerson }[] = [];
  for (const file of listPeopleFiles(dir)) {
    for (const person of parseFile(file, peopleFileSchema, (i, data) => idAt(data, i))) people.push({ file, person });
  }

  checkOrganizations(join(dir, 'organizations.json'), organizations, iso2);
  checkPlaces(join(dir, 'places.json'), places, iso2);
  checkPeople(people, iso2, new Set(organizations.map((o) => o.id)));

  const kb = new KnowledgeBase(
    people.map((p) => p.person),
    buildCountries(curated),
    organizations,
    places,
  );
  attachGazetteer(kb, loadGazetteer());
  return kb;
}

function listPeopleFiles(dir: string): string[] {
  const peopleDir = join(dir, 'people');
  if (!existsSync(peopleDir)) fail(peopleDir, 'missing: the people files go in this folder');
  return readdirSync(peopleDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(peopleDir, f));
}

function parseFile<S extends z.ZodType>(file: string, schema: S, entryName: (index: number, data: unknown) => string | null): z.infer<S> {
  if (!existsSync(file)) fail(file, 'missing');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(file, `not JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [head, ...rest] = issue.path;
  const named = typeof head === 'number' ? entryName(head, data) : typeof head === 'string' ? head : null;
  const where = named !== null ? `entry "${named}"${rest.length > 0 ? `, field ${rest.join('.')}` : ''}: ` : '';
  fail(file, `${where}${issue.message}`);
}

function idAt(data: unknown, index: number): string {
  const item = Array.isArray(data) ? (data[index] as { id?: unknown } | undefined) : undefined;
  return typeof item?.id === 'string' ? item.id : `#${index + 1}`;
}

/** Fails on a duplicate id or one that is not a slug; returns the ids. */
function checkSlugIds(file: string, entries: { id: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const { id } of entries) {
    if (ids.has(id)) fail(file, `entry "${id}": duplicate id`);
    ids.add(id);
    if (id !== slugify(id)) fail(file, `entry "${id}": id is not a slug (${slugify(id)})`);
  }
  return ids;
}

function checkOrganizations(file: string, organizations: KbOrganization[], iso2: Set<string>): void {
  const ids = checkSlugIds(file, organizations);
  for (const o of organizations) {
    for (const m of o.members) if (!iso2.has(m)) fail(file, `entry "${o.id}": member "${m}" is not an ISO2 code`);
  }
  for (const o of organizations) {
    if (o.parent !== undefined && !ids.has(o.parent)) fail(file, `entry "${o.id}": parent "${o.parent}" is not a known organisation`);
  }
}

function checkPlaces(file: string, places: KbPlace[], iso2: Set<string>): void {
  checkSlugIds(file, places);
  for (const p of places) {
    if (p.country !== null && !iso2.has(p.country)) fail(file, `entry "${p.id}": country "${p.country}" is not an ISO2 code`);
    if (p.admin !== undefined && p.admin.slice(0, 2) !== p.country) fail(file, `entry "${p.id}": admin "${p.admin}" is not in its country "${p.country}"`);
  }
}

function checkPeople(people: { file: string; person: KbPerson }[], iso2: Set<string>, organizations: Set<string>): void {
  const seen = new Map<string, string>();
  for (const { file, person: p } of people) {
    const entry = `entry "${p.id}"`;
    const earlier = seen.get(p.id);
    if (earlier !== undefined) fail(file, `${entry}: duplicate id (also in ${displayPath(earlier)})`);
    seen.set(p.id, file);
    const slug = slugify(p.name);
    if (p.id !== slug && !p.id.startsWith(`${slug}-`)) fail(file, `${entry}: id is not the slug of the name "${p.name}" (${slug})`);
    if (p.country !== null && !iso2.has(p.country)) fail(file, `${entry}: country "${p.country}" is not an ISO2 code`);
    p.offices.forEach((o, i) => {
      const office = `${entry}, office ${i + 1}`;
      if (!iso2.has(o.of) && !organizations.has(o.of)) fail(file, `${office}: "${o.of}" is neither an ISO2 code nor an organisation id`);
      if (!isCalendarDate(o.from)) fail(file, `${office}: ${o.from} is not a calendar date`);
      if (o.to !== null && !isCalendarDate(o.to)) fail(file, `${office}: ${o.to} is not a calendar date`);
      if (o.to !== null && o.to < o.from) fail(file, `${office}: ends (${o.to}) before it begins (${o.from})`);
    });
  }
}

function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function fail(file: string, message: string): never {
  throw new KgError('kb-invalid', `${displayPath(file)}: ${message}`);
}
