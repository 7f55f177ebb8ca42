// The user's KB files (kg build --kb) merged over the built-in KB: new entries are added, an entry with a built-in id
// corrects or extends it, and each file's report says what it added and changed.
import type { z } from 'zod';
import type { CuratedCountry } from './schema.js';
import {
  organizationPatchSchema,
  organizationSchema,
  personPatchSchema,
  personSchema,
  placePatchSchema,
  placeSchema,
} from './schema.js';
import type { KbOffice, KbOrganization, KbPerson, KbPlace } from './types.js';
import { checkOrganization, checkPerson, checkPlace, checkUniqueIds, displayPath, fail, parseJson, validateEntry } from './validate.js';

/** One user file and its text, as read once (the worker threads get the same text). */
export interface UserKbFile {
  file: string;
  text: string;
}

/** Where a knowledge base comes from: the built-in folder and the user's files with their text, enough to load it again in a worker. */
export interface KbSources {
  dir: string;
  user: UserKbFile[];
}

interface Sourced<T> {
  file: string;
  entry: T;
}

/** The KB's entries, each with the file it comes from. */
export interface KbData {
  curated: Record<string, CuratedCountry>;
  people: Sourced<KbPerson>[];
  organizations: Sourced<KbOrganization>[];
  places: Sourced<KbPlace>[];
}

/** What one user file did: the keys it added (person:x, org:x, place:x) and, for each built-in entry it corrected, how. */
export interface UserFileReport {
  file: string;
  added: string[];
  changed: { key: string; changes: string[] }[];
}

type Kind = 'person' | 'organization' | 'place';
const KEY_PREFIX: Record<Kind, string> = { person: 'person', organization: 'org', place: 'place' };
const SCHEMAS: Record<Kind, { full: z.ZodType; patch: z.ZodType; fields: string }> = {
  person: { full: personSchema, patch: personPatchSchema, fields: 'id, name, aliases, country, offices, source' },
  organization: { full: organizationSchema, patch: organizationPatchSchema, fields: 'id, name, acronym, aliases, members, source' },
  place: { full: placeSchema, patch: placePatchSchema, fields: 'id, name, aliases, country, placeType' },
};

type Entry = { id: string } & Record<string, unknown>;

/** Merges the user's files over the built-in data, validating them as the built-in files are; fails on the first error. */
export function mergeUserFiles(base: KbData, user: readonly UserKbFile[], iso2: Set<string>): { data: KbData; reports: UserFileReport[] } {
  if (user.length === 0) return { data: base, reports: [] };
  const builtIn: Record<Kind, Map<string, Sourced<Entry>>> = {
    person: new Map(base.people.map((p) => [p.entry.id, p as unknown as Sourced<Entry>])),
    organization: new Map(base.organizations.map((o) => [o.entry.id, o as unknown as Sourced<Entry>])),
    place: new Map(base.places.map((p) => [p.entry.id, p as unknown as Sourced<Entry>])),
  };
  const parsed: { file: string; kind: Kind; entry: Entry; patch: boolean }[] = [];
  for (const { file, text } of user) {
    const items = parseJson(file, text);
    if (!Array.isArray(items)) fail(file, 'expected an array of people, organisations or places (a --kb folder holds only KB files)');
    items.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') fail(file, `entry #${i + 1}: expected an object with a string "id"`);
      const entry = item as Entry;
      const kind = kindOf(file, entry, builtIn);
      const patch = builtIn[kind].has(entry.id);
      const schema = patch ? SCHEMAS[kind].patch : SCHEMAS[kind].full;
      const hint = patch ? '' : `; a new ${kind === 'organization' ? 'organisation' : kind} needs ${SCHEMAS[kind].fields} (an entry that corrects a built-in one gives its id)`;
      parsed.push({ file, kind, entry: validateEntry(file, entry.id, entry, schema, hint) as Entry, patch });
    });
  }
  for (const kind of ['person', 'organization', 'place'] as const) checkUniqueIds(parsed.filter((p) => p.kind === kind));

  const orgIds = new Set([...builtIn.organization.keys(), ...parsed.filter((p) => p.kind === 'organization').map((p) => p.entry.id)]);
  for (const { file, kind, entry, patch } of parsed) {
    // A correction keeps the built-in id even when it corrects the name's spelling.
    if (kind === 'person') checkPerson(file, { ...entry, ...(patch ? { name: undefined } : {}) } as Partial<KbPerson> & { id: string }, iso2, orgIds);
    else if (kind === 'organization') checkOrganization(file, entry as Partial<KbOrganization> & { id: string }, iso2, orgIds);
    else checkPlace(file, entry as Partial<KbPlace> & { id: string }, iso2);
  }

  const reports = new Map<string, UserFileReport>(user.map((u) => [u.file, { file: displayPath(u.file), added: [], changed: [] }]));
  const merged: Record<Kind, Map<string, Sourced<Entry>>> = { person: new Map(builtIn.person), organization: new Map(builtIn.organization), place: new Map(builtIn.place) };
  for (const { file, kind, entry, patch } of parsed) {
    const report = reports.get(file)!;
    const key = `${KEY_PREFIX[kind]}:${entry.id}`;
    if (!patch) {
      merged[kind].set(entry.id, { file, entry });
      report.added.push(key);
      continue;
    }
    const { entry: result, changes } = correct(kind, merged[kind].get(entry.id)!.entry, entry);
    if (kind === 'place') checkPlace(file, result as unknown as KbPlace, iso2);
    merged[kind].set(entry.id, { file, entry: result });
    report.changed.push({ key, changes: changes.length > 0 ? changes : ['nothing new'] });
  }
  return {
    data: {
      curated: base.curated,
      people: [...merged.person.values()] as unknown as Sourced<KbPerson>[],
      organizations: [...merged.organization.values()] as unknown as Sourced<KbOrganization>[],
      places: [...merged.place.values()] as unknown as Sourced<KbPlace>[],
    },
    reports: [...reports.values()],
  };
}

/** A person has offices, a place a placeType, an organisation members or an acronym; an entry with none of them is the built-in entry of its id. */
function kindOf(file: string, item: Entry, builtIn: Record<Kind, Map<string, unknown>>): Kind {
  if ('offices' in item || 'surname' in item) return 'person';
  if ('placeType' in item || 'admin' in item) return 'place';
  if ('members' in item || 'acronym' in item || 'parent' in item || 'kind' in item) return 'organization';
  const known = (['person', 'organization', 'place'] as const).filter((k) => builtIn[k].has(item.id));
  if (known.length === 1) return known[0];
  fail(file, `entry "${item.id}": cannot tell a person from an organisation or a place; a person has "offices", an organisation "members", a place "placeType"`);
}

/** The built-in entry with the user's fields merged: names and aliases added, offices added or corrected, other fields replaced. */
function correct(kind: Kind, old: Entry, patch: Entry): { entry: Entry; changes: string[] } {
  const entry: Entry = { ...old };
  const changes: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'id' || value === undefined) continue;
    if (field === 'aliases' || field === 'members') {
      const list = [...(old[field] as string[])];
      const added = (value as string[]).filter((v) => !list.includes(v) && v !== old.name);
      entry[field] = [...list, ...added];
      if (added.length > 0) changes.push(`${field} added: ${added.join(', ')}`);
    } else if (field === 'offices') {
      const { offices, changes: officeChanges } = mergeOffices(old.offices as KbOffice[], value as KbOffice[]);
      entry.offices = offices;
      changes.push(...officeChanges);
    } else if (field === 'source') {
      if (!String(old.source ?? '').includes(String(value))) {
        entry.source = old.source ? `${String(old.source)}; ${String(value)}` : value;
        changes.push(`source added: ${String(value)}`);
      }
    } else if (JSON.stringify(old[field]) !== JSON.stringify(value)) {
      entry[field] = value;
      changes.push(`${field}: ${JSON.stringify(value)} (was ${JSON.stringify(old[field] ?? null)})`);
      // A corrected name keeps the old one as an alias, so text that used it still links.
      if (field === 'name' && kind !== 'place' && !(entry.aliases as string[]).includes(String(old.name))) entry.aliases = [...(entry.aliases as string[]), String(old.name)];
    }
  }
  return { entry, changes };
}

/** An office with the type, holder and start of a built-in one corrects it (its end, its title); any other is added. */
function mergeOffices(old: KbOffice[], given: KbOffice[]): { offices: KbOffice[]; changes: string[] } {
  const offices = [...old];
  const changes: string[] = [];
  for (const o of given) {
    const i = offices.findIndex((x) => x.type === o.type && x.of === o.of && x.from === o.from);
    const name = `${o.type} of ${o.of} from ${o.from}`;
    if (i < 0) {
      offices.push(o);
      changes.push(`office added: ${name} to ${o.to ?? 'now'}`);
      continue;
    }
    const was = offices[i];
    if (was.to !== o.to) changes.push(`office ${name}: ends ${o.to ?? 'never (in office)'} (was ${was.to ?? 'in office'})`);
    if (was.title !== o.title) changes.push(`office ${name}: title "${o.title}" (was "${was.title}")`);
    offices[i] = o;
  }
  return { offices, changes };
}
