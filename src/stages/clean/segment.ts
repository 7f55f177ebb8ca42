// Splits a text into candidate blocks with offsets: paragraphs at blank lines, and separate lines as their own blocks.
import { endsSentence } from './shape.js';

/** A trimmed stretch of the original text: `text === original.slice(start, end)`. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** True when the block is one line of several with no blank line between (a list, a menu). */
  listed: boolean;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Splits at blank lines, and at single newlines unless the next line continues a sentence (starts lower case). */
export function segmentText(text: string): Segment[] {
  const segments: Segment[] = [];
  let group: Line[] = [];
  const flush = (): void => {
    const pieces: Line[][] = [];
    for (const line of group) {
      const last = pieces.at(-1)?.at(-1);
      // "...the prime minister\nsaid on Tuesday" is one paragraph wrapped; "Headline\nAnother headline" is two blocks.
      if (last && !endsSentence(last.text.trimEnd()) && /^\s*\p{Ll}/u.test(line.text)) pieces.at(-1)!.push(line);
      else pieces.push([line]);
    }
    for (const piece of pieces) segments.push(trimSpan(text, piece[0].start, piece.at(-1)!.end, pieces.length > 1));
    group = [];
  };
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = { start, end, text: text.slice(start, end) };
    if (line.text.trim() === '') flush();
    else group.push(line);
    if (newline === -1) break;
    start = newline + 1;
  }
  flush();
  return segments;
}

/** Shrinks a span to exclude surrounding white space. */
export function trimSpan(text: string, start: number, end: number, listed = false): Segment {
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return { start, end, text: text.slice(start, end), listed };
}
