// The loaded knowledge base with its indexes: lookup by name, office holders by date, names in text.
import { foldDiacritics } from '../graph/keys.js';
import { UsageError } from '../errors.js';
import { NameIndex } from './name-index.js';
import type { KbCountry, KbEntry, KbOffice, KbOrganization, KbPerson, KbPlace, OfficeType } from './types.js';
import type { KbSources, UserFileReport } from './user-kb.js';

/** A KB name found in a text: offsets into the text, the text as written, and every entry it may denote. */
export interface NameMatch {
  start: number;
  end: number;
  text: string;
  entries: KbEntry[];
}

// Surnames that are also common capitalised words or given names ("In May", "Export Ban", "Fox News", "Dan Driscoll"):
// matched only with the rest of the name; bySurname still finds them.
const SURNAMES_NOT_ALONE = new Set([
  'may', 'brown', 'rice', 'major', 'hunt', 'ban', 'moon', 'fox', 'dan', 'martin', 'gabriel', 'howard', 'straw', 'cook',
]);
// Name particles that belong to the surname ("von der Leyen", "de Villepin").
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'du', 'da', 'di', 'del', 'della', 'dos', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'ter']);
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Folds a name for comparison: no case, diacritics, dots or extra spaces ("U.S." = "us", "Orbán" = "orban"). */
export function foldName(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/[\u2019]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The surname news uses alone for a name: its last word, with particles ("Ursula von der Leyen" -> "von der Leyen"). */
export function deriveSurname(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has(words[first - 1].toLowerCase())) first -= 1;
  return words.slice(first).join(' ');
}

export class KnowledgeBase {
  private readonly peopleById = new Map<string, KbPerson>();
  private readonly countriesByIso2 = new Map<string, KbCountry>();
  private readonly organizationsById = new Map<string, KbOrganization>();
  private readonly placesById = new Map<string, KbPlace>();
  private readonly byName = new Map<string, KbEntry[]>();
  private readonly bySurnameKey = new Map<string, KbPerson[]>();
  private readonly officesByHolder = new Map<string, { person: KbPerson; office: KbOffice }[]>();
  private readonly names = new NameIndex<KbEntry>();
  /** Where the loader read it (set by load.ts): a worker thread loads the same KB from these. */
  sources: KbSources | null = null;
  /** What each of the user's --kb files added and changed (set by load.ts). */
  userFiles: UserFileReport[] = [];

  constructor(
    readonly people: readonly KbPerson[],
    readonly countries: readonly KbCountry[],
    readonly organizations: readonly KbOrganization[],
    readonly places: readonly KbPlace[],
  ) {
    for (const c of countries) this.indexCountry(c);
    for (const o of organizations) this.indexOrganization(o);
    for (const p of places) this.indexPlace(p);
    for (const p of people) this.indexPerson(p);
  }

  /** The person with this id. */
  person(id: string): KbPerson | undefined {
    return this.peopleById.get(id);
  }

  /** The country with this ISO2 code (any case). */
  country(iso2: string): KbCountry | undefined {
    return this.countriesByIso2.get(iso2.toUpperCase());
  }

  /** The organisation with this id. */
  organization(id: string): KbOrganization | undefined {
    return this.organizationsById.get(id);
  }

  /** The place with this id. */
  place(id: string): KbPlace | undefined {
    return this.placesById.get(id);
  }

  /** Entries whose name, alias, surname, demonym, metonym or capital equals `name`, without case, diacritics or dots. */
  lookup(name: string): KbEntry[] {
    const key = foldName(name);
    const hits = this.byName.get(key);
    if (hits) return [...hits];
    // "the Kremlin" and "Kremlin" are both curated, but "the Élysée" may be asked as "Élysée" or the reverse.
    const other = key.startsWith('the ') ? key.slice(4) : `the ${key}`;
    return [...(this.byName.get(other) ?? [])];
  }

  /** People holding an office of `type` of `of` (ISO2 or org id) on `date` (YYYY-MM-DD); a term's `to` day belongs to the successor. */
  holders(type: OfficeType, of: string, date: string): KbPerson[] {
    checkDate(date);
    const list = this.officesByHolder.get(`${type}|${of}`) ?? [];
    const out: KbPerson[] = [];
    for (const { person, office } of list) if (isActive(office, date) && !out.includes(person)) out.push(person);
    return out;
  }

  /** The offices a person held on `date` (YYYY-MM-DD). */
  officesAt(personId: string, date: string): KbOffice[] {
    checkDate(date);
    return (this.peopleById.get(personId)?.offices ?? []).filter((o) => isActive(o, date));
  }

  /** People whose surname (folded) is `surname`: "Orban" finds Viktor Orbán. */
  bySurname(surname: string): KbPerson[] {
    return [...(this.bySurnameKey.get(foldName(surname)) ?? [])];
  }

  /** Finds KB names in a text: leftmost-longest, non-overlapping, on word boundaries; offsets into `text`. */
  matchNames(text: string): NameMatch[] {
    return this.names.match(text).map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), entries: m.values }));
  }

  private indexCountry(c: KbCountry): void {
    this.countriesByIso2.set(c.iso2, c);
    // One entry per country and role, the more specific role first: "U.S." is both a name and a demonym.
    const roles: [KbEntry & { kind: 'country' }, string[]][] = [
      [{ kind: 'country', country: c, as: 'name' }, [c.name, ...(c.official ? [c.official] : []), ...c.aliases]],
      [{ kind: 'country', country: c, as: 'demonym' }, c.demonyms],
      [{ kind: 'country', country: c, as: 'metonym' }, c.metonyms],
      [{ kind: 'country', country: c, as: 'capital' }, c.capital ? [c.capital] : []],
    ];
    const seen = new Set<string>();
    for (const [entry, surfaces] of roles) {
      for (const s of surfaces) {
        if (seen.has(foldName(s))) continue;
        seen.add(foldName(s));
        this.addSurface(s, entry);
      }
    }
  }

  private indexOrganization(o: KbOrganization): void {
    this.organizationsById.set(o.id, o);
    const entry: KbEntry = { kind: 'organization', organization: o };
    for (const s of [o.name, ...(o.acronym ? [o.acronym] : []), ...o.aliases]) this.addSurface(s, entry);
  }

  private indexPlace(p: KbPlace): void {
    this.placesById.set(p.id, p);
    const entry: KbEntry = { kind: 'place', place: p };
    for (const s of [p.name, ...p.aliases]) this.addSurface(s, entry);
  }

  private indexPerson(p: KbPerson): void {
    this.peopleById.set(p.id, p);
    const entry: KbEntry = { kind: 'person', person: p };
    for (const s of [p.name, ...p.aliases]) this.addSurface(s, entry);
    // A curated surname replaces derivation: the last word of "Xi Jinping" or "Kim Jong Un" is not a surname.
    const surnames = new Set<string>(p.surname ? [p.surname] : []);
    if (!p.surname) for (const s of [p.name, ...p.aliases]) if (/\s/.test(s)) surnames.add(deriveSurname(s));
    for (const s of surnames) {
      const key = foldName(s);
      const list = this.bySurnameKey.get(key) ?? [];
      if (!list.includes(p)) list.push(p);
      this.bySurnameKey.set(key, list);
      if (!SURNAMES_NOT_ALONE.has(key)) this.addSurface(s, entry);
    }
    for (const office of p.offices) {
      const key = `${office.type}|${office.of}`;
      const list = this.officesByHolder.get(key) ?? [];
      list.push({ person: p, office });
      this.officesByHolder.set(key, list);
    }
  }

  private addSurface(surface: string, entry: KbEntry): void {
    const key = foldName(surface);
    const list = this.byName.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    this.byName.set(key, list);
    this.names.add(surface, entry);
  }
}

function isActive(office: KbOffice, date: string): boolean {
  return office.from <= date && (office.to === null || date < office.to);
}

function checkDate(date: string): void {
  if (!DATE_RE.test(date)) throw new UsageError('bad-date', `knowledge base: "${date}" is not a date YYYY-MM-DD`);
}
