// Personal names the knowledge base lacks: right after a title ("Foreign Minister Murat Nurtleu"), or found by compromise.
import { nlp, safely } from '../../nlp/compromise.js';
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

// Two capitalised words in a row: the only sentences worth compromise's full parse.
const CAPITALISED_PAIR = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}'’-]+[ \t\u00a0]+\p{Lu}[\p{Ll}\p{M}'’-]+/gu;
const FULL_NAME = /^\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t\u00a0]+(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’-]+)){1,3}$/u;
const HONORIFIC = /^(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Gen|General|Adm|Admiral|Col|Colonel|Prof|Professor|President|Minister|Premier|Chancellor|Secretary|Senator|Sen|Rep|Governor|Gov|King|Queen|Prince|Princess|Sheikh|Emir|Pope|Trade|Affairs|Defence|Defense|Foreign)\.?\s+)+/u;

/** People compromise finds in a sentence outside `covered` spans: full names only, titles stripped, offsets shifted by `offset`. */
export function findUncoveredNames(sentence: string, offset: number, covered: Span[]): { names: (Span & { text: string })[]; error?: Error } {
  const free = (start: number, end: number) => !covered.some((c) => c.start < offset + end && offset + start < c.end);
  const pairs = [...sentence.matchAll(CAPITALISED_PAIR)].filter((m) => free(m.index, m.index + m[0].length));
  if (pairs.length === 0) return { names: [] };
  const parsed = safely(() => nlp(sentence).people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]);
  if (!parsed.value) return { names: [], error: parsed.error };
  const names: (Span & { text: string })[] = [];
  for (const p of parsed.value) {
    const raw = sentence.slice(p.offset.start, p.offset.start + p.offset.length);
    const lead = HONORIFIC.exec(raw)?.[0].length ?? 0;
    const name = raw.slice(lead).replace(/(?:['’]s?)?[\s,.;:!?)"“”]*$/u, '');
    const start = p.offset.start + lead;
    if (!FULL_NAME.test(name) || !free(start, start + name.length)) continue;
    names.push({ start: offset + start, end: offset + start + name.length, text: name });
  }
  return { names };
}
