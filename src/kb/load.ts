// Reads data/kb and the user's --kb files, validates every file and cross-reference, and returns a cached KnowledgeBase.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { KgError } from '../errors.js';
import { buildCountries, listIso2Codes } from './countries.js';
import { attachGazetteer, loadGazetteer } from './gazetteer.js';
import { KnowledgeBase } from './knowledge-base.js';
import { countriesFileSchema, organizationsFileSchema, peopleFileSchema, placesFileSchema } from './schema.js';
import type { KbPerson } from './types.js';
import { mergeUserFiles, type KbData, type KbSources, type UserKbFile } from './user-kb.js';
import { checkOrganization, checkPerson, checkPlace, checkUniqueIds, fail, idAt, parseEntries } from './validate.js';

export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb', import.meta.url));

const builtIns = new Map<string, KbData>();
const cache = new Map<string, KnowledgeBase>();

/**
 * Loads, validates and indexes the KB in `dir` (default: the repository's data/kb) with the user's files or folders
 * (`kg build --kb`) merged over it; cached per folder and user files' content.
 */
export function loadKnowledgeBase(dir: string = DEFAULT_KB_DIR, userPaths: readonly string[] = []): KnowledgeBase {
  return loadKnowledgeBaseFrom({ dir: resolve(dir), user: readUserFiles(userPaths) });
}

/** The KB of sources already read (a worker gets them from the main thread, so both hold the same KB). */
export function loadKnowledgeBaseFrom(sources: KbSources): KnowledgeBase {
  const key = `${resolve(sources.dir)}\0${hashUserFiles(sources.user)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const base = readBuiltIn(resolve(sources.dir));
  const { data, reports } = mergeUserFiles(base, sources.user, listIso2Codes());
  const kb = new KnowledgeBase(
    data.people.map((p) => p.entry),
    buildCountries(data.curated),
    data.organizations.map((o) => o.entry),
    data.places.map((p) => p.entry),
  );
  kb.sources = { dir: resolve(sources.dir), user: sources.user };
  kb.userFiles = reports;
  attachGazetteer(kb, loadGazetteer());
  cache.set(key, kb);
  return kb;
}

/** SHA-256 of the user's KB files (text only, in order): the per-article cache key includes it, so a changed KB redoes the articles. */
export function hashUserFiles(user: readonly UserKbFile[]): string {
  const hash = createHash('sha256');
  for (const f of user) hash.update(f.text).update('\0');
  return user.length === 0 ? '' : hash.digest('hex');
}

/** The JSON files of --kb paths: a file as given, a folder's .json files recursively in sorted order. */
export function readUserFiles(paths: readonly string[]): UserKbFile[] {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    if (!existsSync(full)) throw new KgError('kb-invalid', `--kb ${p}: no such file or folder`, 2);
    if (statSync(full).isDirectory()) {
      const found = readdirSync(full, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(full, f))
        .filter((f) => statSync(f).isFile());
      if (found.length === 0) throw new KgError('kb-invalid', `--kb ${p}: the folder holds no .json file`, 2);
      files.push(...found);
    } else {
      files.push(full);
    }
  }
  return [...new Set(files)].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

function readBuiltIn(dir: string): KbData {
  const cached = builtIns.get(dir);
  if (cached) return cached;
  const iso2 = listIso2Codes();
  const countriesFile = join(dir, 'countries.json');
  const curated = parseFile(countriesFile, countriesFileSchema, () => null);
  for (const code of Object.keys(curated)) {
    if (!iso2.has(code)) fail(countriesFile, `entry "${code}": not an ISO 3166-1 alpha-2 code`);
  }
  const orgFile = join(dir, 'organizations.json');
  const placeFile = join(dir, 'places.json');
  const organizations = parseFile(orgFile, organizationsFileSchema, (i, data) => idAt(data, i)).map((entry) => ({ file: orgFile, entry }));
  const places = parseFile(placeFile, placesFileSchema, (i, data) => idAt(data, i)).map((entry) => ({ file: placeFile, entry }));
  const people: { file: string; entry: KbPerson }[] = [];
  for (const file of listPeopleFiles(dir)) {
    for (const entry of parseFile(file, peopleFileSchema, (i, data) => idAt(data, i))) people.push({ file, entry });
  }

  checkUniqueIds(organizations);
  checkUniqueIds(places);
  checkUniqueIds(people);
  const orgIds = new Set(organizations.map((o) => o.entry.id));
  for (const o of organizations) checkOrganization(o.file, o.entry, iso2, orgIds);
  for (const p of places) checkPlace(p.file, p.entry, iso2);
  for (const p of people) checkPerson(p.file, p.entry, iso2, orgIds);
  const data = { curated, people, organizations, places };
  builtIns.set(dir, data);
  return data;
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
  return parseEntries(file, readFileSync(file, 'utf8'), schema, entryName);
}

