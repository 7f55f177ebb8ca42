// Sentence splitting with offsets into the original text; abbreviations and initials do not end a sentence.
import type { Span } from '../types.js';

export interface Sentence extends Span {
  text: string;
}

// Tokens ending in a dot that rarely end a sentence in news ("U.S.", "Mr.", "Jan.").
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st mt ft jr sr no vs etc inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u u.s.a a.m p.m'.split(' '),
);

/** Splits `text` within `span` into sentences; each sentence's text equals text.slice(start, end). */
export function splitSentences(text: string, span: Span = { start: 0, end: text.length }): Sentence[] {
  const sentences: Sentence[] = [];
  let start = span.start;
  // The punctuation run is matched from its first character only: a match can only end where the run ends, so trying
  // again from inside a run that failed repeats the same work (quadratic on a line of 2 MB of dots).
  const boundary = /(?<![.!?])([.!?]+)(["”’')\]]*)(\s+)(?=["“‘'(\[]?[A-Z0-9À-Ý])|\n+/g;
  boundary.lastIndex = span.start;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text)) !== null && match.index < span.end) {
    if (match[0].startsWith('\n')) {
      pushTrimmed(sentences, text, start, match.index);
      start = match.index + match[0].length;
      continue;
    }
    const endOfSentence = match.index + match[1].length + match[2].length;
    if (match[1] === '.' && isAbbreviation(text, start, match.index)) continue;
    pushTrimmed(sentences, text, start, endOfSentence);
    start = endOfSentence + match[3].length;
  }
  pushTrimmed(sentences, text, start, span.end);
  return sentences;
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && /[A-Za-z.]/.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, dot).toLowerCase();
  // A lone initial ("Joseph R. Biden") or a dotted acronym ("U.S.").
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word);
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}
