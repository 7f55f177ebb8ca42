// Plain-text and Markdown articles: optional YAML front matter between --- lines, then the body, kept as written.
import { parseDocument } from 'yaml';
import type { MetaFields } from './meta.js';
import { readMetaFields } from './meta.js';

/** A text file split into its front matter fields and its body. */
export interface FrontMatterSplit {
  body: string;
  fields: MetaFields;
  /** What is wrong with the front matter, for a bad-front-matter diagnostic. */
  problem: string | null;
  /** Fields of the wrong type, for a bad-record diagnostic. */
  wrongTypes: string[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Old Mac files end lines with a lone CR, which YAML and the later stages do not take for a line end; each becomes an
 * LF, one character for one, so every offset still points at the same place in the file. Null when there is none.
 */
export function normalizeLoneCarriageReturns(source: string): string | null {
  return /\r(?!\n)/.test(source) ? source.replace(/\r(?!\n)/g, '\n') : null;
}

/** Splits optional YAML front matter from the body; the body is the rest of the file, unchanged. */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const opening = OPENING.exec(source);
  if (!opening) return { body: source, fields: {}, problem: null, wrongTypes: [] };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return { body: source, fields: {}, problem: 'starts with --- but has no closing --- line; add one after the front matter; read as plain text', wrongTypes: [] };
  }
  const body = rest.slice(closing.index + closing[0].length);
  const doc = parseDocument(rest.slice(0, closing.index));
  if (doc.errors.length > 0) {
    return { body, fields: {}, problem: `front matter is not valid YAML (${firstLine(doc.errors[0].message)}); fix it; metadata ignored`, wrongTypes: [] };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses to expand an alias bomb ("Excessive alias count") rather than fill memory.
    return { body, fields: {}, problem: `front matter cannot be read (${firstLine((error as Error).message)}); fix it; metadata ignored`, wrongTypes: [] };
  }
  if (data === null || data === undefined) return { body, fields: {}, problem: null, wrongTypes: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { body, fields: {}, problem: 'front matter is not a YAML mapping (key: value lines); fix it; metadata ignored', wrongTypes: [] };
  }
  const { fields, wrongTypes } = readMetaFields(data as Record<string, unknown>);
  return { body, fields, problem: null, wrongTypes };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
