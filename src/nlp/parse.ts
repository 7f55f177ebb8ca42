// One parse of an article, made once and shared: its words with offsets into the original text and the tags compromise's
// lexicon and tag tree give them. The link stage builds name candidates on it; later stages can reuse it.
import type { Span } from '../types.js';
import { nlp } from './compromise.js';

/** A word of the text with its offsets and compromise's tags for it. */
export interface Term extends Span {
  text: string;
  /** compromise tags: ProperNoun, FirstName, LastName, Honorific, Verb, Date, Demonym, Acronym... */
  tags: ReadonlySet<string>;
}

export interface ParsedText {
  /** Every term, in text order. */
  terms: Term[];
}

interface World {
  model: { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> } };
}
const WORLD = nlp.world() as unknown as World;
const LEXICON = WORLD.model.one.lexicon;
const TAG_SET = WORLD.model.one.tagSet;

/** The tags compromise's lexicon gives a word in lower case ("change" -> Infinitive), whatever its case in the text; [] if unknown. */
export function lexiconTags(word: string): string[] {
  const tag = LEXICON[word.toLowerCase()];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

// Words as compromise splits them: dotted initials and acronyms ("F.W.", "U.S."), words with inner apostrophes ("O'Brien",
// "Hoddle's"); hyphens, dashes and slashes separate words. Numbers with their inner punctuation ("4-38" stays two words).
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const tagCache = new Map<string, ReadonlySet<string>>();

/**
 * Parses `text` once: its words with offsets into `text` and compromise's tags for them, from its lexicon (one- and
 * two-word entries) and tag tree, with its case rules (a capital makes a ProperNoun, capitals an Acronym). This is what
 * compromise's pre-tagger gives a capitalised word, without the per-call cost of its sentence and term splitting.
 */
export function parseText(text: string): ParsedText {
  const terms: Term[] = [];
  for (const m of text.matchAll(WORD)) {
    // Inside a sentence a capital makes a name of a common word ("Holding", "El"): only the lexicon's name, place, date
    // and role tags stay, as in compromise's pre-tagger; at a sentence's start every tag stays ("In", "But").
    const opening = /(?:^|[.!?:;"“”‘()\]\n\u2013\u2014]|--)[ \t\u00a0'’"“”]*$/u.test(text.slice(Math.max(0, m.index - 4), m.index));
    terms.push({ start: m.index, end: m.index + m[0].length, text: m[0], tags: tagsOf(m[0], opening) });
  }
  // Two-word lexicon entries ("Associated Press" Organization, "New York" City) tag both words.
  for (let i = 0; i + 1 < terms.length; i++) {
    if (!/^[ \t\u00a0]+$/u.test(text.slice(terms[i].end, terms[i + 1].start))) continue;
    const pair = lexiconTags(`${terms[i].text} ${terms[i + 1].text}`);
    if (pair.length === 0) continue;
    for (const k of [i, i + 1]) terms[k] = { ...terms[k], tags: new Set([...terms[k].tags, ...expand(pair)]) };
  }
  return { terms };
}

// Tags a capitalised word keeps inside a sentence.
const CAPITAL_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific', 'Place', 'City', 'Country', 'Region',
  'Organization', 'Company', 'School', 'SportsTeam', 'Demonym', 'Date', 'Month', 'WeekDay', 'Holiday', 'Actor', 'Adjective', 'Value', 'Cardinal',
  'TextValue', 'Pronoun', 'Plural', 'Singular', 'Noun', 'ProperNoun', 'Acronym']);

function tagsOf(word: string, opening: boolean): ReadonlySet<string> {
  const capital = /^\p{Lu}/u.test(word);
  const cacheKey = capital && !opening ? `${word}\u0000` : word;
  const cached = tagCache.get(cacheKey);
  if (cached) return cached;
  const bare = word.replace(/['’]s$/u, '');
  const lexical = expand(lexiconTags(bare.replace(/\.$/, '')));
  const tags = new Set(capital && !opening ? lexical.filter((t) => CAPITAL_TAGS.has(t)) : lexical);
  if (capital) {
    tags.add('ProperNoun');
    tags.add('Noun');
    if (/^\p{Lu}{2,5}$/u.test(bare) || /^(?:\p{Lu}\.)+$/u.test(bare)) tags.add('Acronym');
  }
  if (/^\p{N}/u.test(word)) tags.add('Value');
  // compromise's fallback: a word it does not know is a noun.
  if (tags.size === 0) tags.add('Noun');
  if (tagCache.size < 50_000) tagCache.set(cacheKey, tags);
  return tags;
}

function expand(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) out.push(t, ...(TAG_SET[t]?.parents ?? []));
  return out;
}

/** The terms inside `span`, by binary search. */
export function termsIn(parsed: ParsedText, span: Span): Term[] {
  const { terms } = parsed;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Term[] = [];
  for (let i = lo; i < terms.length && terms[i].end <= span.end; i++) out.push(terms[i]);
  return out;
}
