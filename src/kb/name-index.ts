// A token trie over KB surfaces, built once, that finds names in text without case, diacritic or dot noise.
import { foldDiacritics } from '../graph/keys.js';

/** A word of a text or a name, with its offsets and the separator before it. */
interface Token {
  start: number;
  end: number;
  /** Folded, lower-case, dot-less: "U.S." -> "us", "Orbán" -> "orban". */
  key: string;
  /** The letters as written, dots removed, for the case check. */
  letters: string;
  /** How this token is joined to the previous one; null when the separator breaks a name (comma, quote, blank line). */
  gap: Gap | null;
}

type Gap = 'first' | 'space' | 'hyphen' | 'apostrophe' | 'none';

/** How a name's token constrains the case of the text token. */
type CaseRule = 'upper' | 'capital' | 'any';

interface Pattern<T> {
  rules: CaseRule[];
  values: T[];
}

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  patterns: Pattern<T>[];
}

/** A hit: token span in the text and the values of every surface matched there. */
export interface IndexMatch<T> {
  start: number;
  end: number;
  values: T[];
}

// Acronyms with dots ("U.S.", "U.K."), an initial with its dot ("J."), or a plain word ("Orbán", "G7").
const TOKEN_RE = /(?:\p{L}\.){2,}|\p{L}\.(?![\p{L}\p{N}])|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const HYPHENS = /^[-\u2010\u2011\u2013\u2014]$/;
const APOSTROPHES = /^['\u2019]$/;
const SPACES = /^[ \t\u00a0]*\r?\n?[ \t\u00a0]*$/;

/** Splits `text` into word tokens, classifying the separator before each one. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const letters = m[0].replace(/\./g, '');
    const gap = previousEnd < 0 ? 'first' : classifyGap(text.slice(previousEnd, start));
    tokens.push({ start, end: start + m[0].length, key: foldDiacritics(letters).toLowerCase(), letters, gap });
    previousEnd = start + m[0].length;
  }
  return tokens;
}

function classifyGap(separator: string): Gap | null {
  if (separator === '') return 'none';
  if (HYPHENS.test(separator)) return 'hyphen';
  if (APOSTROPHES.test(separator)) return 'apostrophe';
  if (SPACES.test(separator)) return 'space';
  return null;
}

function caseRuleOf(letters: string): CaseRule {
  const hasLower = letters !== letters.toUpperCase();
  if (!hasLower && letters.length >= 2 && letters !== letters.toLowerCase()) return 'upper';
  const first = letters[0];
  if (first !== first.toLowerCase()) return 'capital';
  return 'any';
}

function satisfies(rule: CaseRule, letters: string): boolean {
  if (rule === 'upper') return letters === letters.toUpperCase();
  if (rule === 'capital') return letters[0] !== letters[0].toLowerCase();
  return true;
}

// A hyphen in a name also matches a space in text ("Jean-Claude" = "Jean Claude"); other gaps must agree.
const NAME_GAPS_FOR_TEXT_GAP: Record<Gap, Gap[]> = {
  first: ['first'],
  space: ['space', 'hyphen'],
  hyphen: ['hyphen'],
  apostrophe: ['apostrophe'],
  none: ['none'],
};

/** Maps surfaces to values; `add` then `match`. */
export class NameIndex<T> {
  private readonly root: TrieNode<T> = { children: new Map(), patterns: [] };

  /** Registers `surface` for `value`; surfaces with no capitalised word are ignored, since they would match prose. */
  add(surface: string, value: T): void {
    const tokens = tokenize(surface);
    if (tokens.length === 0 || tokens.some((t) => t.gap === null)) return;
    const rules = tokens.map((t) => caseRuleOf(t.letters));
    if (!rules.some((r) => r !== 'any')) return;
    let node = this.root;
    for (const t of tokens) {
      const edge = `${t.gap}|${t.key}`;
      let child = node.children.get(edge);
      if (!child) {
        child = { children: new Map(), patterns: [] };
        node.children.set(edge, child);
      }
      node = child;
    }
    const same = node.patterns.find((p) => p.rules.join() === rules.join());
    if (same) {
      if (!same.values.includes(value)) same.values.push(value);
    } else {
      node.patterns.push({ rules, values: [value] });
    }
  }

  /** Leftmost-longest, non-overlapping matches in `text`, with character offsets. */
  match(text: string): IndexMatch<T>[] {
    const tokens = tokenize(text);
    const matches: IndexMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.longestAt(tokens, i);
      if (best) {
        matches.push({ start: tokens[i].start, end: tokens[best.last].end, values: best.values });
        i = best.last + 1;
      } else {
        i += 1;
      }
    }
    return matches;
  }

  private longestAt(tokens: Token[], first: number): { last: number; values: T[] } | null {
    let best: { last: number; values: T[] } | null = null;
    const walk = (node: TrieNode<T>, i: number): void => {
      const token = tokens[i];
      if (!token) return;
      const textGap: Gap | null = i === first ? 'first' : token.gap;
      if (textGap === null) return;
      for (const gap of NAME_GAPS_FOR_TEXT_GAP[textGap]) {
        const child = node.children.get(`${gap}|${token.key}`);
        if (!child) continue;
        const values = this.valuesAt(child, tokens, first);
        if (values.length > 0 && (!best || i > best.last)) best = { last: i, values };
        walk(child, i + 1);
      }
    };
    walk(this.root, first);
    return best;
  }

  private valuesAt(node: TrieNode<T>, tokens: Token[], first: number): T[] {
    const values: T[] = [];
    for (const p of node.patterns) {
      if (!p.rules.every((rule, k) => satisfies(rule, tokens[first + k].letters))) continue;
      for (const v of p.values) if (!values.includes(v)) values.push(v);
    }
    return values;
  }
}
