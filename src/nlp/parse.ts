// One compromise parse of an article, made once and shared: its words with offsets into the original text and the
// tags compromise's lexicon and pre-tagger give them. The link stage builds name candidates on it; later stages can reuse it.
import type { Span } from '../types.js';
import { nlp, safely } from './compromise.js';

/** A word as compromise reads it, with offsets into the parsed text. */
export interface Term extends Span {
  text: string;
  /** compromise tags: ProperNoun, FirstName, LastName, Honorific, Verb, Date, Demonym, Acronym... */
  tags: ReadonlySet<string>;
}

export interface ParsedText {
  /** Every term, in text order. */
  terms: Term[];
  /** The error compromise threw, if it did (then `terms` is empty). */
  error?: Error;
}

// The pre-tagger with the lexicon, without the post-tagger's match sweep: that sweep costs two thirds of a full nlp()
// and refines verbs and nouns, not the capitalisation and name lexicon that name candidates need.
const COMPUTE = ['alias', 'machine', 'index', 'id', 'normal', 'lexicon', 'preTagger', 'offset'];

interface RawTerm {
  text: string;
  tags: Set<string>;
  offset: { start: number; length: number };
}

/** Parses `text` once: terms with their tags and offsets into `text` (checked against it, so a span always equals its text). */
export function parseText(text: string): ParsedText {
  const parsed = safely(() => {
    const doc = nlp.tokenize(text);
    doc.compute(COMPUTE);
    return (doc as unknown as { document: RawTerm[][] }).document;
  });
  if (!parsed.value) return { terms: [], error: parsed.error };
  const terms: Term[] = [];
  let cursor = 0;
  for (const sentence of parsed.value) {
    for (const t of sentence) {
      if (t.text === '') continue;
      // compromise's offsets agree with the text; when they do not (a normalised character), find the word from the cursor.
      let start = t.offset.start;
      if (text.slice(start, start + t.text.length) !== t.text) start = text.indexOf(t.text, cursor);
      if (start < 0) continue;
      cursor = start + t.text.length;
      if (!GLUED.test(t.text)) {
        terms.push({ start, end: cursor, text: t.text, tags: t.tags });
        continue;
      }
      // compromise keeps "attended.--Stephen" or "Kujundzic/Reuters" as one term: split it, so no span starts inside a word.
      for (const piece of t.text.matchAll(/[\p{L}\p{M}\p{N}'’.-]+?(?=--|[\u2013\u2014/]|$)/gu)) {
        const word = piece[0].replace(/^[.-]+|[.-]+$/g, '');
        if (word === '') continue;
        const at = start + piece.index + piece[0].indexOf(word);
        terms.push({ start: at, end: at + word.length, text: word, tags: pieceTags(word) });
      }
    }
  }
  return { terms };
}

const LEXICON = (nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;

/** The tags compromise's lexicon gives a word in lower case ("change" -> Infinitive), whatever its case in the text; [] if unknown. */
export function lexiconTags(word: string): string[] {
  const tag = LEXICON[word.toLowerCase()];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

const GLUED = /--|[\u2013\u2014/]/u;

function pieceTags(word: string): Set<string> {
  const tags = new Set(['Noun', ...lexiconTags(word)]);
  if (tags.has('MaleName') || tags.has('FemaleName')) tags.add('FirstName');
  if (/^\p{Lu}/u.test(word)) tags.add('ProperNoun');
  return tags;
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
