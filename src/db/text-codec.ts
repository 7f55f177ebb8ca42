// Strings as PostgreSQL can hold them. A `text` or `jsonb` value cannot hold U+0000, and UTF-8 has no lone surrogate
// (node-postgres would send U+FFFD for one, silently), yet a JSON input can give an article both ("\u0000", "\ud800").
// Such characters are written as U+FFFF and a code character, and U+FFFF itself as two U+FFFF, so every string comes
// back as it was; a string without them (nearly all) is stored as it is. `json` columns need none of this: they keep
// their text as sent, escapes included.

/** The escape: a noncharacter, which no text should hold (one that does is escaped like the rest). */
const ESCAPE = '\uffff';
/** What needs escaping: NUL, the escape itself, a high surrogate not followed by a low one, a low one not after a high one. */
const UNSTORABLE = /[\u0000\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** An escape and its code character: 0 for NUL, U+FFFF for itself, U+E000-U+E7FF for the surrogates D800-DFFF. */
const ESCAPED = /\uffff([0\uffff\ue000-\ue7ff])/g;
const SURROGATE_SHIFT = 0xe000 - 0xd800;

function escapeChar(c: string): string {
  if (c === '\u0000') return `${ESCAPE}0`;
  if (c === ESCAPE) return ESCAPE + ESCAPE;
  return ESCAPE + String.fromCharCode(c.charCodeAt(0) + SURROGATE_SHIFT);
}

function unescapeChar(_match: string, code: string): string {
  if (code === '0') return '\u0000';
  if (code === ESCAPE) return ESCAPE;
  return String.fromCharCode(code.charCodeAt(0) - SURROGATE_SHIFT);
}

/** A string as a text or jsonb value can hold it. */
export function encodeText(value: string): string {
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(value) ? value.replace(UNSTORABLE, escapeChar) : value;
}

/** The string encodeText was given. */
export function decodeText(value: string): string {
  return value.includes(ESCAPE) ? value.replace(ESCAPED, unescapeChar) : value;
}

/** Every string of a JSON value, object keys included, mapped by `f`; other values as they are. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[f(k)] = mapStrings(v, f);
    return out;
  }
  return value;
}

/** In JSON.stringify's output: a \u0000 or surrogate escape (it may sit after an escaped backslash: then only a slower path is taken), or the escape character. */
const NEEDS_ENCODING = /\\u0000|\\ud[89a-f]|\uffff/i;

/** A value as JSON text that a jsonb column takes, every string encoded (encodeText). */
export function jsonbText(value: unknown): string {
  const text = JSON.stringify(value);
  return NEEDS_ENCODING.test(text) ? JSON.stringify(mapStrings(value, encodeText)) : text;
}

/** A value parsed from a jsonb column's text, every string decoded. */
export function parseJsonb(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return text.includes(ESCAPE) ? mapStrings(value, decodeText) : value;
}

/** A query parameter with its strings encoded: a string, or an array of them; other values as they are. */
export function encodeParam(value: unknown): unknown {
  if (typeof value === 'string') return encodeText(value);
  if (Array.isArray(value)) return value.map(encodeParam);
  return value;
}
