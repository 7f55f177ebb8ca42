// Personal names right after a title ("Foreign Minister Murat Nurtleu"), for people the knowledge base lacks.
import type { Span } from '../../types.js';

// One to three capitalised words after a space (hyphens, apostrophes, initials allowed): "Jean-Claude Juncker", "Joseph R. Biden".
const NAME_AT = /[ \t\u00a0]+(\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t\u00a0]+(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’-]+)){1,3})(?![\p{L}\p{N}])/uy;

/** The name starting right after `index` in `text`, without a trailing possessive, or null. */
export function nameAfter(text: string, index: number): (Span & { text: string }) | null {
  NAME_AT.lastIndex = index;
  const m = NAME_AT.exec(text);
  if (!m) return null;
  const name = m[1].replace(/['’]s$/, '');
  const start = index + m[0].length - m[1].length;
  return { start, end: start + name.length, text: name };
}
