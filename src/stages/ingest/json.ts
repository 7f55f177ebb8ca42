// JSON and JSON Lines records ({id, title, url, published, source, language, text}); JSONL streams line by line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MetaFields } from './meta.js';
import { readMetaFields } from './meta.js';

/** A record checked for its text and field types. */
export type RecordResult =
  | { ok: true; text: string; fields: MetaFields; wrongTypes: string[] }
  | { ok: false; message: string };

/** One line of a JSONL file: a parsed value, or the diagnostic code and message for it. */
export type JsonLine =
  | { line: number; ok: true; value: unknown }
  | { line: number; ok: false; code: 'bad-json-line' | 'undecodable-text' | 'binary-file'; message: string };

/** Checks that a value is a record with a non-empty string text; fields of the wrong type are named, not fatal. */
export function checkRecord(value: unknown): RecordResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: `is ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}, not an object {id, text, ...}; fix it or remove it; skipped` };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string' || record.text.trim() === '') {
    const found = record.text === undefined ? 'has no "text" field' : typeof record.text === 'string' ? 'has an empty "text"' : `has a "text" that is not a string`;
    return { ok: false, message: `${found}; add the article text or remove the record; skipped` };
  }
  return { ok: true, text: record.text, ...readMetaFields(record) };
}

/** Streams a JSONL file one line at a time (never the whole file in memory); blank lines are skipped. */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    if (text.includes('\u0000')) {
      // NUL bytes mean a binary file (or UTF-16): no later line can be trusted either.
      yield { line, ok: false, code: 'binary-file', message: 'holds NUL bytes (a binary file, or UTF-16 text); convert it to UTF-8 JSON Lines; rest of the file skipped' };
      return;
    }
    // The stream decoder turns bytes that are not UTF-8 into U+FFFD.
    if (text.includes('\uFFFD')) {
      yield { line, ok: false, code: 'undecodable-text', message: 'is not valid UTF-8 (or holds U+FFFD replacement characters); re-save the file as UTF-8; skipped' };
      continue;
    }
    try {
      yield { line, ok: true, value: JSON.parse(text) };
    } catch (error) {
      yield { line, ok: false, code: 'bad-json-line', message: `not JSON (${shorten((error as Error).message)}); fix the line or remove it; skipped` };
    }
  }
}

/** Cuts a parser message to a readable length. */
export function shorten(message: string): string {
  return message.length > 80 ? `${message.slice(0, 77)}...` : message;
}
