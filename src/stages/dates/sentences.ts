// Splits text into sentences, as offset spans, without a parser: ends at . ! ? before a space, or at a line break.
import type { Span } from '../../types.js';

// a full stop after these does not end a sentence: "U.S. President", "Oct. 16", "Mr. Orban"
const ABBREVIATION = /(?:^|[\s(])(?:(?:[A-Za-z]\.)*[A-Za-z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Ltd|Co|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|etc)$/;
const BOUNDARY = /[.!?]+["”’)]*(?=\s)|\n+/g;

/** Sentence spans of `text` inside [start, end), trimmed of surrounding white space, in order. */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const sentences: Span[] = [];
  const slice = text.slice(start, end);
  let from = 0;
  for (const match of slice.matchAll(BOUNDARY)) {
    const at = match.index;
    if (match[0][0] === '.' && ABBREVIATION.test(slice.slice(from, at))) continue;
    pushTrimmed(sentences, slice, from, at + match[0].length, start);
    from = at + match[0].length;
  }
  pushTrimmed(sentences, slice, from, slice.length, start);
  return sentences;
}

function pushTrimmed(sentences: Span[], slice: string, from: number, to: number, offset: number): void {
  const piece = slice.slice(from, to);
  const lead = piece.length - piece.trimStart().length;
  const body = piece.trim();
  if (body) sentences.push({ start: offset + from + lead, end: offset + from + lead + body.length });
}
