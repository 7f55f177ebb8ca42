// Wikidata SPARQL results (the JSON of the query in the README) -> KB people with dated offices, the Q-id as source.
import { z } from 'zod';
import { slugify } from '../graph/keys.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { KbOffice, KbPerson, OfficeType } from './types.js';

const term = z.object({ type: z.string(), value: z.string(), 'xml:lang': z.string().optional(), datatype: z.string().optional() });
const resultsSchema = z.object({
  head: z.object({ vars: z.array(z.string()) }),
  results: z.object({ bindings: z.array(z.record(z.string(), term)) }),
});
type Row = Record<string, z.infer<typeof term>>;

// The classes the query binds as ?positionClass: head of state, head of government, foreign minister.
const CLASS_TYPES: Record<string, OfficeType> = { Q48352: 'head_of_state', Q2285706: 'head_of_government', Q7330070: 'foreign_minister' };
// A position's label less " of <country>", as Wikidata writes the known offices ("President of Kenya", "Federal Chancellor of Germany").
const COUNTRY_TITLES: [RegExp, OfficeType][] = [
  [/^(?:president|king|queen|emir|sultan|monarch|head of state|supreme leader|grand duke|prince)$/i, 'head_of_state'],
  [/^(?:prime minister|premier|(?:federal )?chancellor|head of government|taoiseach|president of the government)$/i, 'head_of_government'],
  [/^(?:united states )?secretary of state$/i, 'foreign_minister'],
];
// Foreign ministers go by many titles ("Cabinet Secretary for Foreign Affairs", "Secretary of State for Foreign and
// Commonwealth Affairs"); a junior or deputy one, or a minister of foreign trade, is not one.
const FOREIGN_MINISTER = /foreign (?:affairs|minister|secretary|relations)|foreign(?:,| and) commonwealth/i;
const NOT_THE_MINISTER = /\b(?:deputy|vice|assistant|junior|permanent|principal|under|parliamentary|minister of state|state minister)\b/i;
const ORG_TITLES: [RegExp, OfficeType][] = [
  [/^secretary[- ]general$/i, 'secretary_general'],
  [/^(?:president|chair(?:person|man|woman)?)$/i, 'org_president'],
];
// Wikidata's time precision: 11 is a day; a term known only to the month or year would be a guessed date.
const DAY_PRECISION = 11;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})T/;

/** A row left out, and why. */
export interface SkippedRow {
  person: string;
  position: string;
  reason: string;
}

export interface WikidataImport {
  people: KbPerson[];
  skipped: SkippedRow[];
}

/** Parses SPARQL JSON results; a failure says what was expected. */
export function parseSparqlResults(data: unknown): Row[] {
  const parsed = resultsSchema.safeParse(data);
  if (!parsed.success) throw new Error(`not SPARQL JSON results (expected head.vars and results.bindings: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`);
  for (const v of ['person', 'personLabel', 'position', 'positionLabel', 'start']) {
    if (!parsed.data.head.vars.includes(v)) throw new Error(`the query does not select ?${v}: use the query of the README`);
  }
  return parsed.data.results.bindings;
}

/** People from the rows: one per ?person, its aliases from every row, one office per position held with a day-precise start. */
export function importWikidata(rows: Row[], kb: KnowledgeBase): WikidataImport {
  const byPerson = new Map<string, { qid: string; label: string; aliases: string[]; offices: KbOffice[] }>();
  const skipped: SkippedRow[] = [];
  for (const row of rows) {
    const qid = entityId(row.person?.value);
    const label = row.personLabel?.value ?? '';
    if (!qid) continue;
    const person = byPerson.get(qid) ?? { qid, label, aliases: [], offices: [] };
    byPerson.set(qid, person);
    for (const alias of (row.altLabel?.value ?? '').split(/,\s+/)) if (keepAlias(alias, label) && !person.aliases.includes(alias)) person.aliases.push(alias);
    const office = officeOf(row, kb);
    if (typeof office === 'string') skipped.push({ person: `${label} (${qid})`, position: row.positionLabel?.value ?? '?', reason: office });
    else if (!person.offices.some((o) => JSON.stringify(o) === JSON.stringify(office))) person.offices.push(office);
  }
  const people: KbPerson[] = [];
  const ids = new Set<string>();
  const sorted = [...byPerson.values()].sort((a, b) => Number(a.qid.slice(1)) - Number(b.qid.slice(1)));
  for (const p of sorted) {
    // Without an English label the service returns the Q-id, which is no name to link.
    if (/^Q\d+$/.test(p.label) || slugify(p.label) === '') {
      skipped.push({ person: p.qid, position: '*', reason: 'no English label' });
      continue;
    }
    if (p.offices.length === 0) continue;
    let id = slugify(p.label);
    if (ids.has(id)) id = `${id}-${p.qid.toLowerCase()}`;
    ids.add(id);
    p.offices.sort((a, b) => a.from.localeCompare(b.from) || a.type.localeCompare(b.type));
    const country = p.offices.find((o) => kb.country(o.of))?.of ?? null;
    people.push({ id, name: p.label, aliases: p.aliases, country, offices: p.offices, source: `Wikidata ${p.qid}` });
  }
  return { people, skipped };
}

/** The office a row states, or why it is left out. */
function officeOf(row: Row, kb: KnowledgeBase): KbOffice | string {
  const label = row.positionLabel?.value ?? '';
  const from = day(row.start?.value, row.startPrecision?.value);
  if (from === null) return row.start ? 'start not known to the day' : 'no start';
  const to = row.end ? day(row.end.value, row.endPrecision?.value) : null;
  if (row.end && to === null) return 'end not known to the day';
  if (to !== null && to < from) return 'ends before it begins';
  let of: string | null = null;
  let qualifier: string | null = null;
  if (row.country) {
    of = countryCode(row, kb);
    qualifier = row.countryLabel?.value ?? (of ? (kb.country(of)?.name ?? null) : null);
    if (!of) return `country ${entityId(row.country.value)} has no ISO2 code (select ?countryCode, wdt:P297, or ?countryLabel)`;
  } else if (row.org) {
    const name = row.orgLabel?.value ?? '';
    of = kb.lookup(name).find((e) => e.kind === 'organization')?.organization.id ?? null;
    qualifier = name;
    if (!of) return `organisation "${name}" is not in the KB (add it with --kb first)`;
  } else {
    return 'neither ?country nor ?org';
  }
  const title = titleOf(label, qualifier);
  const byClass = CLASS_TYPES[entityId(row.positionClass?.value) ?? ''] ?? CLASS_TYPES[entityId(row.position?.value) ?? ''];
  const table = row.country ? COUNTRY_TITLES : ORG_TITLES;
  const foreign = row.country && FOREIGN_MINISTER.test(title) && /minister|secretary/i.test(title) && !NOT_THE_MINISTER.test(title);
  const type = byClass ?? table.find(([re]) => re.test(title))?.[1] ?? (foreign ? 'foreign_minister' : 'official');
  return { type, title, of, from, to };
}

/** The ISO2 code: ?countryCode (P297) when selected, else the country's English label as the KB knows it. */
function countryCode(row: Row, kb: KnowledgeBase): string | null {
  const code = row.countryCode?.value.toUpperCase();
  if (code && kb.country(code)) return code;
  const label = row.countryLabel?.value;
  if (!label) return null;
  const hit = kb.lookup(label).find((e) => e.kind === 'country' && e.as === 'name');
  return hit?.kind === 'country' ? hit.country.iso2 : null;
}

/** "President of Kenya" -> "President"; a label that is not "<title> of <the country>" stays whole. */
function titleOf(label: string, qualifier: string | null): string {
  if (qualifier) {
    const suffix = new RegExp(`\\s+(?:of|for)\\s+(?:the\\s+)?${qualifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
    const stripped = label.replace(suffix, '').replace(/\s*\([^)]*\)$/, '').trim();
    if (stripped.length > 0) return stripped.charAt(0).toUpperCase() + stripped.slice(1);
  }
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function day(value: string | undefined, precision: string | undefined): string | null {
  const m = value ? ISO_DATE.exec(value) : null;
  if (!m) return null;
  if (precision !== undefined && Number(precision) < DAY_PRECISION) return null;
  return m[1];
}

function entityId(uri: string | undefined): string | null {
  const m = uri ? /(Q\d+)$/.exec(uri) : null;
  return m ? m[1] : null;
}

/**
 * Aliases of two words or more in Latin script: a single word (a given name, a nickname, initials) would link every
 * mention of it, and the surname is derived from the name anyway.
 */
function keepAlias(alias: string, label: string): boolean {
  const a = alias.trim();
  return a.length > 0 && a !== label && /\s/.test(a) && /^[\p{Script=Latin}\p{M}\s.'’-]+$/u.test(a);
}
