// Link stage: finds people, countries, organisations and places in a clean article and links them to graph keys.
import { deriveSurname, foldName, type KnowledgeBase } from '../../kb/knowledge-base.js';
import type { KbCountry, KbEntry, KbPerson, OfficeType } from '../../kb/types.js';
import { splitSentences, type Sentence } from '../../nlp/sentences.js';
import { countryKey, orgKey, personKey, placeKey, slugify } from '../../graph/keys.js';
import type { CleanArticle, Diagnostic, EntityFact, EntityKind, Mention, OfficeFact, Role, Source } from '../../types.js';
import { findTitles, type TitleMatch, type TitleOffice } from './titles.js';
import { parseText, termsIn, type ParsedText } from '../../nlp/parse.js';
import { extendsName, firstNameBefore, insideWord, isTitleWord, knownFirstName, nameCandidates, surnameFollows, type NameCandidate } from './people.js';
import { OrganizationLinker, addSourceCredits, sourceCredits } from './organizations.js';
import { PlaceLinker } from './places.js';
import { overlapsAny } from './spans.js';
import { handleMentions } from './handles.js';

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
  /** The article's one compromise parse (terms with offsets and tags), for the stages after this one. */
  parsed: ParsedText;
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

// A house named after a town: "Abuja House" (Nigeria's in London), "Lancaster House"; not "the US House of Representatives".
const BUILDING_AFTER = /^[ \t\u00a0]+House\b(?!\s+of\b)/;

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
  const parsed = parseText(text);
  const singles: { candidate: NameCandidate; title: TitleMatch | null; qualifier: Qualifier | null }[] = [];
  const organizations = new OrganizationLinker(clean, kb);
  const placeLinker = new PlaceLinker(clean, kb);

  for (const sentence of sentences) {
    const s = sentence.text;
    const base = sentence.start;
    const names = kb.matchNames(s).map((m) => ({ ...m, start: m.start + base, end: m.end + base }));
    const titles = findTitles(s, base);
    const sentenceTerms = termsIn(parsed, sentence);
    const used = new Set<number>();
    const sentenceMentions: LinkedMention[] = [];

    // Places and non-person names first: they qualify titles ("Hungarian Foreign Minister").
    for (const m of names) {
      const entity = pickNonPerson(m.entries);
      if (!entity || m.entries.some((e) => e.kind === 'person' && isFullName(m.text))) continue;
      // "Abuja House, London": a building named after a town is not that town.
      const town = (entity.kind === 'country' && (entity.as === 'capital' || entity.as === 'metonym')) || (entity.kind === 'place' && entity.place.placeType === 'city');
      if (town && BUILDING_AFTER.test(text.slice(m.end, m.end + 12))) {
        used.add(m.start);
        continue;
      }
      if (entity.kind === 'country' && entity.as === 'capital' && surnameFollows(text, sentenceTerms, m)) continue;
      // "Jordan said" after "Neil Jordan": the surname of a person the article named wins over the country.
      if (entity.kind === 'country' && !/\s/.test(m.text) && localPeople.some((p) => p.sure && p.surname === m.text && p.firstStart <= m.start)) continue;
      // "Neil Jordan", "Michael Chad": a country or capital after a first name is a surname.
      if (entity.kind === 'country' && (entity.as === 'name' || entity.as === 'capital') && !/\s/.test(m.text) && firstNameBefore(text, sentenceTerms, m, sentence)) continue;
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
      // An explicit name wins: "Oskar Fischer" is not Joschka Fischer, "Graham Lloyd" is not Bill Graham, "Dlamini-Zuma" is not Zuma.
      const covered = [...sentenceMentions, ...places];
      if (!isFullName(m.text) && extendsName(text, sentenceTerms, m, covered)) continue;
      if (insideWord(text, m) && !names.some((n) => n !== m && (n.end === m.start - 1 || n.start === m.end + 1))) continue;
      const title = titleBefore(titles, m.start, text);
      const qualifier = title ? qualifierBefore(title, sentenceMentions, text, kb) : null;
      if (!isFullName(m.text)) {
        // A bare surname goes first to someone the article introduced with it ("Fischer" after "Oskar Fischer").
        const local = localPeople.find((p) => foldName(p.surname) === foldName(m.text) && p.firstStart <= m.start);
        if (local) {
          sentenceMentions.push({ start: m.start, end: m.end, text: m.text, via: 'surname', key: personKey(local.id), kind: 'person', label: local.name, form: 'surname', qualifier: false, confidence: 0.9 });
          used.add(m.start);
          continue;
        }
      }
      const person = isFullName(m.text) || title ? choosePerson(people, title, qualifier, introduced, kb, date) : chooseBySurname(people, introduced, [...mentions, ...sentenceMentions], kb, date);
      // "King Hussein of Jordan" after "Saddam Hussein": a surname said to be of another country is someone else.
      if (person && !isFullName(m.text) && ofAnotherCountry(person, text, m.end, qualifier, sentenceMentions)) continue;
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

    // People the KB lacks: capitalised names with a title before them or other evidence ("Kazakh Foreign Minister Murat
    // Nurtleu", "envoy Kwame Boateng told", "Chief John Odigie-Oyegun"); one word only after an honorific ("Mr Khalilzad").
    if (!inHeadline(sentence.start)) {
      for (const candidate of nameCandidates(text, sentenceTerms, [...sentenceMentions, ...places], sentence)) {
        const title = titleBefore(titles, candidate.start, text) ?? titleBefore(titles, candidate.runStart, text);
        const single = candidate.words.length === 1;
        // "Mohamad Javad Zarif" where the KB has "Mohammad": a spelling of the first name of the KB name right after it.
        const next = sentenceMentions.find((m) => m.kind === 'person' && m.form === 'name' && /^[ \t\u00a0]$/.test(text.slice(candidate.end, m.start)));
        if (single && next && nearlyEqual(foldName(candidate.text), foldName(kb.person(next.key.slice('person:'.length))?.name.split(' ')[0] ?? ''))) continue;
        if (single ? !title && !candidate.evidence.includes('honorific') : !title && candidate.evidence.length === 0 && !namedAgain(text, sentences, candidate)) continue;
        if (!title && !candidate.evidence.some((e) => e === 'honorific' || e === 'speech' || e === 'age' || e === 'first-name') && titleCase(s)) continue;
        const found = single ? localPeople.find((p) => foldName(p.surname) === foldName(candidate.text)) ?? personBySurname(candidate.text, introduced) : null;
        const known = found && title && ofAnotherCountry(found, text, candidate.end, qualifierBefore(title, sentenceMentions, text, kb), sentenceMentions) ? null : found;
        if (known) {
          sentenceMentions.push({ start: candidate.start, end: candidate.end, text: candidate.text, via: 'surname', key: personKey(known.id), kind: 'person', label: known.name, form: 'surname', qualifier: false, confidence: 0.9 });
          continue;
        }
        if (single) {
          // "Ambassador Meg" before "Meg Whitman", "President Trumps" beside "Trump": decided once the whole article is read.
          singles.push({ candidate, title, qualifier: title ? qualifierBefore(title, sentenceMentions, text, kb) : null });
          continue;
        }
        const local = localPersonFor(candidate.text, localPeople);
        if (candidate.familyFirst) local.alone.add(candidate.words[0]);
        if (title || candidate.evidence.some((e) => e !== 'role-noun')) local.sure = true;
        introduced.set(local.id, local);
        local.firstStart = Math.min(local.firstStart, candidate.end);
        const qualifier = title ? qualifierBefore(title, sentenceMentions, text, kb) : null;
        const office = title && !title.plural ? { type: resolveOfficeType(title.office, qualifier?.country ?? null), of: qualifier?.of ?? null, title: title.title, start: qualifier?.start ?? title.start, end: candidate.end } : undefined;
        sentenceMentions.push({
          start: candidate.start, end: candidate.end, text: candidate.text, via: title ? 'title-apposition' : 'ner', key: personKey(local.id), kind: 'person', label: local.name,
          form: single ? 'surname' : 'name', qualifier: isPossessive(text, candidate.end) && titleAfter(titles, candidate.end, text) !== null, confidence: title ? 0.9 : 0.7, office,
        });
        if (qualifier && office) qualifier.member.qualifier = true;
        if (qualifier?.country && office) local.country ??= qualifier.country.iso2;
      }
    }

    // Roles standing for a person: "the Russian President", "Ukraine's leader", "the Prime Minister of Hungary".
    for (const title of titles) {
      if (title.plural) continue;
      if (sentenceMentions.some((m) => m.kind === 'person' && titleBefore([title], m.start, text))) continue;
      const qualifier = qualifierBefore(title, sentenceMentions, text, kb) ?? qualifierAfter(title, sentenceMentions, text);
      // Only an office one person holds at a time stands for its holder: a country has many envoys, aides and ministers.
      if (!UNIQUE_OFFICES.has(resolveOfficeType(title.office, qualifier?.country ?? null))) continue;
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

    placeLinker.link(sentence, sentenceMentions, places);
    sentenceMentions.sort((a, b) => a.start - b.start || b.end - a.end);
    mentions.push(...sentenceMentions);
  }

  for (const { candidate, title, qualifier } of singles) {
    if (overlapsAny(candidate, mentions)) continue;
    const named = namedPersonFor(candidate.text, mentions);
    const namedPerson = named && title ? (kb.person(named.key.slice('person:'.length)) ?? localPeople.find((p) => personKey(p.id) === named.key) ?? null) : null;
    const other = namedPerson && ofAnotherCountry(namedPerson, text, candidate.end, qualifier, mentions) ? null : named;
    if (other) {
      mentions.push({ start: candidate.start, end: candidate.end, text: candidate.text, via: 'surname', key: other.key, kind: 'person', label: other.label, form: 'surname', qualifier: false, confidence: 0.85 });
      continue;
    }
    const local = localPersonFor(candidate.text, localPeople);
    local.firstStart = Math.min(local.firstStart, candidate.end);
    local.sure = true;
    const office = title && !title.plural ? { type: resolveOfficeType(title.office, qualifier?.country ?? null), of: qualifier?.of ?? null, title: title.title, start: qualifier?.start ?? title.start, end: candidate.end } : undefined;
    if (qualifier?.country && office) local.country ??= qualifier.country.iso2;
    mentions.push({ start: candidate.start, end: candidate.end, text: candidate.text, via: title ? 'title-apposition' : 'ner', key: personKey(local.id), kind: 'person', label: local.name, form: 'surname', qualifier: false, confidence: 0.8, office });
  }

  // Later surname-only mentions of people the KB lacks ("Peskov" after "Kremlin spokesman Dmitry Peskov").
  // A word two of them share may be either ("Kenyatta" for Uhuru and Jomo): only a word of one person links.
  const owners = new Map<string, number>();
  for (const local of localPeople) for (const w of local.alone) owners.set(w, (owners.get(w) ?? 0) + 1);
  // One scan of the parsed words finds them all: each word is looked up by its first token.
  const byFirstToken = new Map<string, { local: LocalPerson; word: string }[]>();
  for (const local of localPeople) for (const word of local.alone) {
    if (!local.sure || owners.get(word) !== 1 || word.length < 3) continue;
    const first = word.split(/[\s-]/u)[0];
    byFirstToken.set(first, [...(byFirstToken.get(first) ?? []), { local, word }]);
  }
  if (byFirstToken.size > 0) {
    for (const sentence of sentences) {
      for (const term of termsIn(parsed, sentence)) {
        for (const { local, word } of byFirstToken.get(term.text.replace(/['’]s$/u, '')) ?? []) {
          const span = { start: term.start, end: term.start + word.length };
          if (text.slice(span.start, span.end) !== word || span.end > sentence.end || span.start < local.firstStart) continue;
          // Whole words only: not "Castro" in "pre-Castro", not "Jones" in "Jonesboro".
          if (/[\p{L}\p{N}'’-]/u.test(text[span.start - 1] ?? ' ') || /[\p{L}\p{N}-]/u.test(text[span.end] ?? ' ') || overlapsAny(span, mentions)) continue;
          mentions.push({ ...span, text: word, via: 'surname', key: personKey(local.id), kind: 'person', label: local.name, form: 'surname', qualifier: false, confidence: 0.9 });
        }
      }
    }
  }
  mentions.push(...handleMentions(text, sentences, mentions));
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  unifyPeople(mentions, localPeople, kb);

  const entities = collectEntities(mentions, places, localPeople, kb, date);
  addSourceCredits(entities, sourceCredits(clean, kb));
  const offices = collectOffices(clean, mentions);
  return { clean, date, sentences, parsed, mentions, places, entities, offices, roleClaims, diagnostics };
}

interface LocalPerson {
  id: string;
  name: string;
  surname: string;
  /** Words that stand for the person alone later in the article: the surname, the first name, a family name said first. */
  alone: Set<string>;
  country: string | null;
  firstStart: number;
  /** Named with a title, an honorific, a first name or a speech verb: only then do its words alone stand for it later. */
  sure: boolean;
}

/**
 * One person under two spellings in one article becomes one: a middle name more or less ("Chris Andrew Coons", "Chris Coons"),
 * a name cut short ("Luis Lacalle" in "Luis Lacalle Pou"), a typo in the first name ("Willian Ruto"). A KB person wins, then the longer name.
 */
function unifyPeople(mentions: LinkedMention[], localPeople: LocalPerson[], kb: KnowledgeBase): void {
  const named = new Map<string, { key: string; label: string; words: string[]; kb: boolean; first: number }>();
  for (const m of mentions) {
    if (m.kind !== 'person' || named.has(m.key)) continue;
    const kbPerson = kb.person(m.key.slice('person:'.length));
    if (m.form !== 'name' && !kbPerson) continue;
    named.set(m.key, { key: m.key, label: m.label, words: foldName(kbPerson?.name ?? m.label).split(' '), kb: !!kbPerson, first: m.start });
  }
  const people = [...named.values()];
  const target = new Map<string, { key: string; label: string }>();
  for (const local of people.filter((p) => !p.kb)) {
    const better = people.filter((p) => p !== local && samePerson(local.words, p.words) && (p.kb || p.words.length > local.words.length || (p.words.length === local.words.length && p.first < local.first)));
    better.sort((a, b) => Number(b.kb) - Number(a.kb) || b.words.length - a.words.length || a.first - b.first);
    // Of "Javier Mileipresident" and "Javier Milei", the name without the glued title is the name.
    if (better[0] && !better[0].kb && better[0].words.length === local.words.length && gluedTitle(better[0].words, local.words)) continue;
    if (better[0]) target.set(local.key, better[0]);
  }
  for (const m of mentions) {
    let to = target.get(m.key);
    for (let hops = 0; to && target.has(to.key) && hops < 4; hops++) to = target.get(to.key);
    if (to) {
      m.key = to.key;
      m.label = to.label;
    }
  }
  for (const key of target.keys()) {
    const i = localPeople.findIndex((p) => personKey(p.id) === key);
    if (i >= 0) localPeople.splice(i, 1);
  }
}

/** The one person named in full in the article whose surname or first name this word is, or nearly is ("Trumps"). */
function namedPersonFor(word: string, mentions: LinkedMention[]): { key: string; label: string } | null {
  const w = foldName(word);
  const hits = new Map<string, { key: string; label: string }>();
  for (const m of mentions) {
    if (m.kind !== 'person' || m.form !== 'name') continue;
    const words = foldName(m.label).split(' ');
    const last = words[words.length - 1];
    if (last === w || words[0] === w || (w.length >= 5 && nearlyEqual(last, w))) hits.set(m.key, { key: m.key, label: m.label });
  }
  return hits.size === 1 ? [...hits.values()][0] : null;
}

/** A line in title case ("Congress Kills Bill", "Pacific Leaders Meeting Opens"): every word there looks like a name. */
function titleCase(sentence: string): boolean {
  // Four words in five capitalised, short ones aside, and no full stop at the end.
  const words = sentence.split(/[\s]+/u).filter((w) => /^\p{L}/u.test(w) && !/^(?:of|and|the|in|on|for|to|a|an|at|with|by|as|vs|from|or|over|after)$/.test(w));
  if (words.length < 3 || /[.!?]["”’]?$/u.test(sentence.trim())) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.8;
}

function gluedTitle(a: string[], b: string[]): boolean {
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return x.length > y.length + 3 && x.startsWith(y) && isTitleWord(x.slice(y.length));
}

function samePerson(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const lastA = a[a.length - 1];
  const lastB = b[b.length - 1];
  const glued = (x: string, y: string) => x.length > y.length + 3 && x.startsWith(y) && isTitleWord(x.slice(y.length));
  const sameLast = lastA === lastB || lastA.endsWith(`-${lastB}`) || lastB.endsWith(`-${lastA}`) || glued(lastA, lastB) || glued(lastB, lastA);
  if (sameLast && (a[0] === b[0] || (Math.min(a[0].length, b[0].length) >= 5 && nearlyEqual(a[0], b[0])))) return true;
  // A run of two or more words of the other name: "Luis Lacalle" or "Alberto Lacalle Pou" in "Luis Alberto Lacalle Pou".
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length === long.length) return false;
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, k) => long[i + k] === w)) return true;
  return false;
}

/** One letter changed, added, dropped, or two neighbours swapped ("Willian"/"William", "Siorjiddin"/"Sirojiddin"). */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: string, y: string) => x === y;
  return rest(a.slice(i + 1), b.slice(i + 1)) || rest(a.slice(i), b.slice(i + 1)) || rest(a.slice(i + 1), b.slice(i)) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a.slice(i + 2), b.slice(i + 2)));
}

function localPersonFor(name: string, localPeople: LocalPerson[]): LocalPerson {
  const id = slugify(name);
  let local = localPeople.find((p) => p.id === id);
  if (!local) {
    const words = name.split(/\s+/);
    const surname = deriveSurname(name);
    // A first name alone ("Randall" after "Randall Cunningham") is the person too, unless another person shares it.
    const alone = new Set([surname, ...(words.length >= 2 && knownFirstName(words[0]) ? [words[0]] : [])]);
    local = { id, name, surname, alone, country: null, firstStart: Number.MAX_SAFE_INTEGER, sure: false };
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
const UNIQUE_OFFICES = new Set<OfficeType>([...LEADER_OFFICES, 'foreign_minister', 'defence_minister']);

/** The country a titled surname is said to be of: "Jordanian King Hussein", "King Hussein of Jordan". */
function statedCountry(text: string, end: number, qualifier: Qualifier | null, mentions: LinkedMention[]): string | null {
  if (qualifier?.country) return qualifier.country.iso2;
  const after = mentions.find((x) => x.kind === 'country' && x.form === 'name' && x.start >= end && /^\s+of\s+(?:the\s+)?$/.test(text.slice(end, x.start)));
  return after ? after.key.slice('country:'.length) : null;
}

/** Whether a titled surname ending at `end` is said to be of a country the person is not of (own country, or one they held office in). */
function ofAnotherCountry(person: KbPerson | LocalPerson, text: string, end: number, qualifier: Qualifier | null, mentions: LinkedMention[]): boolean {
  const iso2 = statedCountry(text, end, qualifier, mentions);
  if (iso2 === null || person.country === null || person.country === iso2) return false;
  return !('offices' in person && person.offices.some((o) => o.of === iso2));
}

/** The person introduced earlier whose surname this is, if exactly one. */
function personBySurname(surname: string, introduced: Map<string, KbPerson | LocalPerson>): KbPerson | LocalPerson | null {
  const key = foldName(surname);
  const hits = [...introduced.values()].filter((p) => ('offices' in p ? [deriveSurname(p.name), p.surname ?? ''] : [p.surname]).some((s) => s && foldName(s) === key));
  return hits.length === 1 ? hits[0] : null;
}

/** True when the candidate's last word comes back alone later in the article ("Boateng said" after "Kwame Boateng"). */
function namedAgain(text: string, sentences: Sentence[], candidate: { end: number; words: string[] }): boolean {
  const surname = candidate.words[candidate.words.length - 1];
  if (surname.length < 3) return false;
  const re = new RegExp(`(?<![\\p{L}\\p{N}'’-])${escapeRegex(surname)}(?![\\p{L}\\p{N}-])`, 'u');
  const last = sentences[sentences.length - 1];
  return last ? re.test(text.slice(candidate.end, last.end)) : false;
}

/**
 * A bare surname in the KB: the person the article introduced, else the one KB person it can be that fits the context:
 * in office on the article's date, or, without a date, from a country the article names. Otherwise unlinked.
 */
function chooseBySurname(people: KbPerson[], introduced: Map<string, KbPerson | LocalPerson>, mentions: LinkedMention[], kb: KnowledgeBase, date: string | null): KbPerson | null {
  const earlier = people.filter((p) => introduced.has(p.id));
  if (earlier.length === 1) return earlier[0];
  if (earlier.length > 1) return null;
  // The context is the person's country, named in the article, and on a date, the office held then: a bare "Silva" in a
  // story about Brazil is not Portugal's foreign minister.
  const fromNamedCountry = people.filter((p) => p.country !== null && mentions.some((m) => m.key === countryKey(p.country!)));
  if (!date) return fromNamedCountry.length === 1 ? fromNamedCountry[0] : null;
  // The one KB person of that surname leading a country on the date: "Orban" in 2025 is the prime minister, not his namesake aide.
  const leading = people.filter((p) => kb.officesAt(p.id, date).some((o) => o.type === 'head_of_state' || o.type === 'head_of_government'));
  if (leading.length === 1) return leading[0];
  const inOffice = fromNamedCountry.filter((p) => kb.officesAt(p.id, date).length > 0);
  if (inOffice.length === 1) return inOffice[0];
  if (inOffice.length > 1) {
    const leaders = inOffice.filter((p) => kb.officesAt(p.id, date).some((o) => LEADER_OFFICES.has(o.type)));
    return leaders.length === 1 ? leaders[0] : null;
  }
  // Out of office on the date ("Bolsonaro's attacks" in 2023): the only KB person of that surname, from a country the article names.
  return people.length === 1 && fromNamedCountry.length === 1 ? fromNamedCountry[0] : null;
}
