// Capitalised word runs that may be personal names ("Dmitry Peskov"), for people the knowledge base lacks.
import type { Span } from '../../types.js';

// Two to four capitalised words (hyphens, apostrophes and initials allowed): "Jean-Claude Juncker", "Joseph R. Biden".
const NAME_RE = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’-]+)){1,3}(?![\p{L}\p{N}])/gu;

/** Candidate personal names in `text`, offsets shifted by `offset`. */
export function findNameCandidates(text: string, offset = 0): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  for (const m of text.matchAll(NAME_RE)) {
    const name = m[0].replace(/['’]s$/, '');
    out.push({ start: offset + m.index, end: offset + m.index + name.length, text: name });
  }
  return out;
}
