// Link stage: finds people, countries, organisations and places in a clean article and links them to graph keys.
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { KbCountry, KbEntry, KbPerson, OfficeType } from '../../kb/types.js';
import { splitSentences, type Sentence } from '../../nlp/sentences.js';
import { countryKey, orgKey, personKey, placeKey, slugify } from '../../graph/keys.js';
import type { CleanArticle, Diagnostic, EntityFact, EntityKind, Mention, OfficeFact, Role, Source } from '../../types.js';
import { findTitles, type TitleMatch, type TitleOffice } from './titles.js';
import { findUncoveredNames, nameAfter } from './names.js';
import { OrganizationLinker, addSourceCredits, sourceCredits } from './organizations.js';
import { PlaceLinker } from './places.js';

/** How a mention is written: decides whether it can be an event participant (a demonym cannot). */
export type MentionForm = 'name' | 'surname' | 'demonym' | 'metonym' | 'capital' | 'role' | 'acronym';

export interface LinkedMention extends Mention {
  key: string;
  kind: EntityKind;
  label: string;
  form: MentionForm;
  /** True when the mention only qualifies another ("Putin's" in "Putin's chief aide Yuri Ushakov"). */
  qualifier: boolean;
  /** 1 for a name, lower for coreference. */
  confidence: number;
  /** Office the text gives the person here, if any, and the phrase that says so ("Hungarian Foreign Minister Peter Szijjarto"). */
  office?: { type: OfficeType; of: string | null; title: string; start: number; end: number };
}

/** A person named with a title: checks a page date against the KB ("US leader Joe Biden" cannot be 2025-06-24). */
export interface RoleClaim {
  person: KbPerson;
  office: OfficeType;
  of: string;
  source: Source;
}

export interface PlaceMention extends Mention {
  key: string;
  label: string;
  /** ISO2 of the containing country. */
  country: string | null;
  placeType: 'city' | 'region' | 'venue' | 'other';
  /** Set when the place is the capital or a seat of power of a country (its key). */
  countryKey: string | null;
}

export interface LinkedArticle {
  clean: CleanArticle;
  date: string | null;
  sentences: Sentence[];
  /** People, countries and organisations, in text order. */
  mentions: LinkedMention[];
  places: PlaceMention[];
  entities: EntityFact[];
  offices: OfficeFact[];
  roleClaims: RoleClaim[];
  diagnostics: Diagnostic[];
}

// A title immediately followed by a name: "Foreign Minister Peter Szijjarto", "President Donald Trump".
const GAP_TITLE_NAME = /^[ \t\u00a0]+$/;
// Words before a title that make it a past or future office, not one held at the article's date.
const NOT_CURRENT = /(?:former|ex-|late|then|then-|re-elected|incoming|outgoing|elected|future|acting)\s*$/i;

interface Qualifier {
  of: string | null;
  country: KbCountry | null;
  start: number;
  /** The mention that makes up the qualifier, flagged as such once the title is linked. */
  member: LinkedMention;
}

/** Links the mentions of one article; pure: the KB and the document date are its only context. */
export function linkMentions(clean: CleanArticle, date: string | null, kb: KnowledgeBase): LinkedArticle {
  const text = clean.original;
  const sentences = clean.blocks.filter((b) => b.kind !== 'dateline').flatMap((b) => splitSentences(text, b));
  // Headlines are in title case: every word looks like a name there.
  const inHeadline = (index: number) => clean.blocks.some((b) => b.kind === 'title' && b.start <= index && index < b.end);
  const mentions: LinkedMention[] = [];
  const places: PlaceMention[] = [];
  const roleClaims: RoleClaim[] = [];
  const diagnostics: Diagnostic[] = [];
  const introduced = new Map<string, KbPerson | LocalPerson>();
  const localPeople: LocalPerson[] = [];
  const organizations = new OrganizationLinker(clean, kb);
  const placeLinker = new PlaceLinker(clean, kb);

  for (const sentence of sentences) {
    const s = sentence.text;
    const base = sentence.start;
    const names = kb.matchNames(s).map((m) => ({ ...m, start: m.start + base, end: m.end + base }));
    const titles = findTitles(s, base);
    const used = new Set<number>();
    const sentenceMentions: LinkedMention[] = [];

    // Places and non-person names first: they qualify titles ("Hungarian Foreign Minister").
    for (const m of names) {
      const entity = pickNonPerson(m.entries);
      if (!entity || m.entries.some((e) => e.kind === 'person' && isFullName(m.text))) continue;
      if (entity.kind === 'country') {
        sentenceMentions.push(countryMention(m, entity.country, entity.as));
        if (entity.as === 'capital' || entity.as === 'metonym') {
          places.push({
            start: m.start, end: m.end, text: m.text, via: `kb-${entity.as}`, key: placeKey(slugify(stripThe(m.text) === entity.country.capital ? entity.country.capital : stripThe(m.text))),
            label: stripThe(m.text), country: entity.country.iso2, placeType: entity.as === 'capital' ? 'city' : 'venue', countryKey: countryKey(entity.country.iso2),
          });
        }
      } else if (entity.kind === 'organization') {
        const o = entity.organization;
        sentenceMentions.push({ start: m.start, end: m.end, text: m.text, via: 'kb-name', key: orgKey(o.id), kind: 'organization', label: o.name, form: m.text === o.acronym ? 'acronym' : 'name', qualifier: false, confidence: 1 });
      } else if (entity.kind === 'place') {
        const p = entity.place;
        places.push({ start: m.start, end: m.end, text: m.text, via: 'kb-name', key: placeKey(p.id), label: p.name, country: p.country, placeType: p.placeType, countryKey: null });
      }
      used.add(m.start);
    }
    organizations.link(sentence, names, sentenceMentions, places, used);

    // People named in the KB, with the title before them when there is one.
    for (const m of names) {
      if (used.has(m.start)) continue;
      const people = m.entries.filter((e): e is KbEntry & { kind: 'person' } => e.kind === 'person').map((e) => e.person);
      if (people.length === 0) continue;
      const title = titleBefore(titles, m.start, text);
      const qualifier = title ? qualifierBefore(title, sentenceMentions, text, kb) : null;
      const person = choosePerson(people, title, qualifier, introduced, kb, date);
      if (!person) {
        diagnostics.push({ stage: 'link', code: 'ambiguous-name', severity: 'info', article: clean.meta.id, message: `"${m.text}" at ${m.start} may be ${people.map((p) => p.name).join(' or ')}; left unlinked` });
        continue;
      }
      used.add(m.start);
      introduced.set(person.id, person);
      const span = { start: qualifier?.start ?? title?.start ?? m.start, end: m.end };
      const office = title ? officeFromTitle(title, qualifier, person, kb, date, span) : undefined;
      sentenceMentions.push({
        start: m.start, end: m.end, text: m.text, via: isFullName(m.text) ? 'kb-name' : 'surname', key: personKey(person.id), kind: 'person', label: person.name,
        form: isFullName(m.text) ? 'name' : 'surname', qualifier: isPossessive(text, m.end) && titleAfter(titles, m.end, text) !== null, confidence: 1, office,
      });
      if (title && office?.of && !NOT_CURRENT.test(text.slice(Math.max(0, (qualifier?.start ?? title.start) - 16), qualifier?.start ?? title.start)) && office.type !== 'official') {
        roleClaims.push({ person, office: office.type, of: office.of.replace(/^country:/, ''), source: quoteOf(clean, span.start, span.end) });
      }
      if (qualifier) qualifier.member.qualifier = true;
    }

    // People the KB lacks, named after a title: "Kazakh Foreign Minister Murat Nurtleu".
    for (const title of titles) {
      if (title.plural) continue;
      const candidate = inHeadline(title.end) ? null : nameAfter(text, title.end);
      if (!candidate || overlaps(candidate, sentenceMentions) || overlaps(candidate, places)) continue;
      const qualifier = qualifierBefore(title, sentenceMentions, text, kb);
      const local = localPersonFor(candidate.text, localPeople);
      introduced.set(local.id, local);
      const of = qualifier?.of ?? null;
      const type = resolveOfficeType(title.office, qualifier?.country ?? null);
      sentenceMentions.push({
        start: candidate.start, end: candidate.end, text: candidate.text, via: 'title-apposition', key: personKey(local.id), kind: 'person', label: local.name,
        form: 'name', qualifier: false, confidence: 0.9, office: { type, of, title: title.title, start: qualifier?.start ?? title.start, end: candidate.end },
      });
      if (qualifier) qualifier.member.qualifier = true;
      if (qualifier?.country) local.country ??= qualifier.country.iso2;
      local.firstStart = Math.min(local.firstStart, candidate.end);
    }

    // Roles standing for a person: "the Russian President", "Ukraine's leader", "the Prime Minister of Hungary".
    for (const title of titles) {
      if (title.plural) continue;
      if (sentenceMentions.some((m) => m.kind === 'person' && titleBefore([title], m.start, text))) continue;
      const qualifier = qualifierBefore(title, sentenceMentions, text, kb) ?? qualifierAfter(title, sentenceMentions, text);
      const person = resolveRole(title, qualifier, introduced, date, kb);
      if (!person) continue;
      const start = qualifier && qualifier.start < title.start ? qualifier.start : title.start;
      const end = qualifier && qualifier.start > title.start ? Math.max(title.end, qualifier.member.end) : title.end;
      const of = qualifier?.of ?? null;
      sentenceMentions.push({
        start, end, text: text.slice(start, end), via: 'role', key: personKey(person.id), kind: 'person', label: person.name, form: 'role',
        qualifier: isPossessive(text, end), confidence: 0.85,
        office: { type: resolveOfficeType(title.office, qualifier?.country ?? null), of, title: title.title, start, end },
      });
      if (qualifier) qualifier.member.qualifier = true;
    }

    // Other people, found by compromise where neither the KB nor a title spoke ("Olena Kovalenko said").
    if (!inHeadline(sentence.start)) {
      const found = findUncoveredNames(s, base, [...sentenceMentions, ...places]);
      if (found.error) diagnostics.push({ stage: 'link', code: 'library-error', severity: 'warning', article: clean.meta.id, message: `compromise failed on the sentence at ${base} ("${s.slice(0, 80)}"): ${found.error.message}; its names were skipped` });
      for (const candidate of found.names) {
        const local = localPersonFor(candidate.text, localPeople);
        local.firstStart = Math.min(local.firstStart, candidate.end);
        sentenceMentions.push({ start: candidate.start, end: candidate.end, text: candidate.text, via: 'ner', key: personKey(local.id), kind: 'person', label: local.name, form: 'name', qualifier: false, confidence: 0.7 });
      }
    }

    placeLinker.link(sentence, sentenceMentions, places);
    sentenceMentions.sort((a, b) => a.start - b.start || b.end - a.end);
    mentions.push(...sentenceMentions);
  }

  // Later surname-only mentions of people the KB lacks ("Peskov" after "Kremlin spokesman Dmitry Peskov").
  for (const local of localPeople) {
    const re = new RegExp(`(?<![\\p{L}])${escapeRegex(local.surname)}(?![\\p{L}])`, 'gu');
    for (const sentence of sentences) {
      for (const m of sentence.text.matchAll(re)) {
        const start = sentence.start + m.index;
        const span = { start, end: start + m[0].length };
        if (overlaps(span, mentions) || start < local.firstStart) continue;
        mentions.push({ ...span, text: m[0], via: 'surname', key: personKey(local.id), kind: 'person', label: local.name, form: 'surname', qualifier: false, confidence: 0.9 });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);

  const entities = collectEntities(mentions, places, localPeople, kb, date);
  addSourceCredits(entities, sourceCredits(clean, kb));
  const offices = collectOffices(clean, mentions);
  return { clean, date, sentences, mentions, places, entities, offices, roleClaims, diagnostics };
}

interface LocalPerson {
  id: string;
  name: string;
  surname: string;
  country: string | null;
  firstStart: number;
}

function localPersonFor(name: string, localPeople: LocalPerson[]): LocalPerson {
  const id = slugify(name);
  let local = localPeople.find((p) => p.id === id);
  if (!local) {
    const words = name.split(/\s+/);
    local = { id, name, surname: words[words.length - 1], country: null, firstStart: Number.MAX_SAFE_INTEGER };
    localPeople.push(local);
  }
  return local;
}

function pickNonPerson(entries: KbEntry[]): Exclude<KbEntry, { kind: 'person' }> | null {
  for (const kind of ['country', 'organization', 'place'] as const) {
    const hit = entries.find((e) => e.kind === kind);
    if (hit && hit.kind !== 'person') return hit;
  }
  return null;
}

function countryMention(m: { start: number; end: number; text: string }, c: KbCountry, as: 'name' | 'demonym' | 'metonym' | 'capital'): LinkedMention {
  return { start: m.start, end: m.end, text: m.text, via: `kb-${as}`, key: countryKey(c.iso2), kind: 'country', label: c.name, form: as, qualifier: false, confidence: as === 'name' ? 1 : 0.9 };
}

function isFullName(surface: string): boolean {
  return /\s/.test(surface.trim());
}

function isPossessive(text: string, end: number): boolean {
  return /^['\u2019]s?(?!\p{L})/u.test(text.slice(end, end + 3));
}

function stripThe(s: string): string {
  return s.replace(/^the\s+/i, '');
}

/** The title that ends right before `start` ("Prime Minister Viktor Orbán"), if any. */
function titleBefore(titles: TitleMatch[], start: number, text: string): TitleMatch | null {
  for (const t of titles) if (t.end <= start && GAP_TITLE_NAME.test(text.slice(t.end, start))) return t;
  return null;
}

/** The title right after a possessive ("Putin's chief aide"), if any. */
function titleAfter(titles: TitleMatch[], end: number, text: string): TitleMatch | null {
  for (const t of titles) if (t.start >= end && /^['\u2019]s?\s+$/u.test(text.slice(end, t.start))) return t;
  return null;
}

/** What a title is of, from the words right before it: a demonym, a country's possessive, an organisation, a person's possessive. */
function qualifierBefore(title: TitleMatch, current: LinkedMention[], text: string, kb: KnowledgeBase): Qualifier | null {
  const before = [...current].filter((m) => m.end <= title.start).sort((a, b) => b.end - a.end);
  const m = before[0];
  if (!m) return null;
  const gap = text.slice(m.end, title.start);
  const adjacent = /^\s+$/.test(gap) || /^['\u2019]s?\s+$/u.test(gap);
  if (!adjacent) return null;
  if (m.kind === 'country') return { of: m.key, country: kb.country(m.key.slice('country:'.length)) ?? null, start: m.start, member: m };
  if (m.kind === 'organization') return { of: m.key, country: null, start: m.start, member: m };
  if (m.kind === 'person' && /['\u2019]/.test(gap)) {
    // "Putin's chief aide": the aide serves the possessor's country.
    const iso2 = m.key.startsWith('person:') ? (kb.person(m.key.slice('person:'.length))?.country ?? null) : null;
    return { of: iso2 ? countryKey(iso2) : null, country: iso2 ? (kb.country(iso2) ?? null) : null, start: m.start, member: m };
  }
  return null;
}

/** "the Prime Minister of Hungary": the country after the title. */
function qualifierAfter(title: TitleMatch, current: LinkedMention[], text: string): Qualifier | null {
  const m = current.filter((x) => x.start >= title.end && (x.kind === 'country' || x.kind === 'organization')).sort((a, b) => a.start - b.start)[0];
  if (!m || !/^\s+of\s+(the\s+)?$/i.test(text.slice(title.end, m.start))) return null;
  return { of: m.key, country: null, start: m.start, member: m };
}

function resolveOfficeType(office: TitleOffice, country: KbCountry | null): OfficeType {
  if (office !== 'executive') return office;
  return country?.executive ?? 'head_of_state';
}

/** Chooses among KB people sharing a surface: the one introduced earlier, then the one holding the title's office, then the one in office. */
function choosePerson(people: KbPerson[], title: TitleMatch | null, qualifier: Qualifier | null, introduced: Map<string, KbPerson | LocalPerson>, kb: KnowledgeBase, date: string | null): KbPerson | null {
  if (people.length === 1) return people[0];
  const earlier = people.filter((p) => introduced.has(p.id));
  if (earlier.length === 1) return earlier[0];
  const pool = earlier.length > 1 ? earlier : people;
  if (title && qualifier?.of) {
    const type = resolveOfficeType(title.office, qualifier.country);
    const of = qualifier.of.replace(/^(country|org):/, '');
    const holding = pool.filter((p) => p.offices.some((o) => o.type === type && o.of === of && (!date || (o.from <= date && (o.to === null || date < o.to)))));
    if (holding.length === 1) return holding[0];
  }
  if (date) {
    const inOffice = pool.filter((p) => kb.officesAt(p.id, date).length > 0);
    if (inOffice.length === 1) return inOffice[0];
    // A bare "Orban" in the news is the prime minister, not his namesake aide: only a sole leader wins this way.
    const leaders = inOffice.filter((p) => kb.officesAt(p.id, date).some((o) => LEADER_OFFICES.has(o.type)));
    if (leaders.length === 1) return leaders[0];
  }
  return null;
}

/** The office a title gives a KB person: "PM Viktor Orbán" without a qualifier takes the country from the KB office he held then. */
function officeFromTitle(title: TitleMatch, qualifier: Qualifier | null, person: KbPerson, kb: KnowledgeBase, date: string | null, span: { start: number; end: number }): LinkedMention['office'] {
  const type = resolveOfficeType(title.office, qualifier?.country ?? (person.country ? (kb.country(person.country) ?? null) : null));
  let of = qualifier?.of ?? null;
  if (!of) {
    const held = (date ? kb.officesAt(person.id, date) : person.offices).find((o) => o.type === type);
    if (held) of = kb.country(held.of) ? countryKey(held.of) : orgKey(held.of);
  }
  return { type, of, title: title.title, start: span.start, end: span.end };
}

/** The person a role phrase stands for: the KB holder on the article's date, else the person introduced earlier with that role. */
function resolveRole(title: TitleMatch, qualifier: Qualifier | null, introduced: Map<string, KbPerson | LocalPerson>, date: string | null, kb: KnowledgeBase): KbPerson | null {
  if (!qualifier?.of) return null;
  const type = resolveOfficeType(title.office, qualifier.country);
  const of = qualifier.of.replace(/^(country|org):/, '');
  if (date) {
    const holders = kb.holders(type, of, date);
    if (holders.length === 1) return holders[0];
  }
  // Without a date, only someone the article itself introduced with that office.
  const candidates = [...introduced.values()].filter((p): p is KbPerson => 'offices' in p && p.offices.some((o) => o.type === type && o.of === of));
  return candidates.length === 1 ? candidates[0] : null;
}

function overlaps(span: { start: number; end: number }, others: readonly { start: number; end: number }[]): boolean {
  return others.some((o) => o.start < span.end && span.start < o.end);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quoteOf(clean: CleanArticle, start: number, end: number): Source {
  return { article: clean.meta.id, quote: clean.original.slice(start, end), start, end };
}

/** Groups mentions into one EntityFact per key, with the roles the text gives. */
function collectEntities(mentions: LinkedMention[], places: PlaceMention[], localPeople: LocalPerson[], kb: KnowledgeBase, date: string | null): EntityFact[] {
  const byKey = new Map<string, EntityFact>();
  for (const m of mentions) {
    let e = byKey.get(m.key);
    if (!e) {
      const kbId = m.key.split(':')[1];
      const kbPerson = m.kind === 'person' ? kb.person(kbId) : undefined;
      const local = m.kind === 'person' && !kbPerson ? localPeople.find((p) => personKey(p.id) === m.key) : undefined;
      e = {
        key: m.key, kind: m.kind, label: m.label, aliases: [], mentions: [], roles: [],
        country: m.kind === 'country' ? kbId : (kbPerson?.country ?? local?.country ?? null),
        kbId: m.kind === 'person' ? (kbPerson ? kbId : null) : m.kind === 'organization' ? kbId : null,
      };
      if (kbPerson && date) {
        for (const o of kb.officesAt(kbPerson.id, date)) e.roles.push({ title: o.title, of: kb.country(o.of) ? countryKey(o.of) : orgKey(o.of), from: o.from, to: o.to, origin: 'kb' });
      }
      byKey.set(m.key, e);
    }
    e.mentions.push({ start: m.start, end: m.end, text: m.text, via: m.via });
    const surface = m.text.replace(/^the\s+/i, '');
    if (m.form !== 'role' && m.form !== 'demonym' && surface !== e.label && !e.aliases.includes(surface)) e.aliases.push(surface);
    if (m.office && m.office.of) addRole(e.roles, { title: m.office.title, of: m.office.of, from: null, to: null, origin: 'text' });
  }
  for (const p of places) {
    let e = byKey.get(p.key);
    if (!e) {
      e = { key: p.key, kind: 'place', label: p.label, aliases: [], mentions: [], roles: [], country: p.country, kbId: null };
      byKey.set(p.key, e);
    }
    e.mentions.push({ start: p.start, end: p.end, text: p.text, via: p.via });
  }
  return [...byKey.values()];
}

function addRole(roles: Role[], role: Role): void {
  if (!roles.some((r) => r.title === role.title && r.of === role.of && r.origin === role.origin)) roles.push(role);
}

/** Office edges the text states: a title with a name ("Hungarian Foreign Minister Peter Szijjarto") or a role phrase. */
function collectOffices(clean: CleanArticle, mentions: LinkedMention[]): OfficeFact[] {
  const out: OfficeFact[] = [];
  for (const m of mentions) {
    if (m.kind !== 'person' || !m.office?.of) continue;
    const relation = LEADER_OFFICES.has(m.office.type) ? 'leader_of' : 'official_of';
    const source = quoteOf(clean, m.office.start, m.office.end);
    const existing = out.find((o) => o.person === m.key && o.of === m.office!.of && o.title === m.office!.title);
    if (existing) existing.sources.push(source);
    else out.push({ person: m.key, of: m.office.of, relation, title: m.office.title, from: null, to: null, sources: [source], confidence: m.form === 'role' ? 0.85 : null });
  }
  return out;
}

const LEADER_OFFICES = new Set<OfficeType>(['head_of_state', 'head_of_government', 'secretary_general', 'org_president']);
