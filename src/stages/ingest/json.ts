// JSON and JSON Lines records ({id, title, url, published, source, language, text}); JSONL streams line by line.
import { createReadStream } from 'node:fs';
import type { MetaFields } from './meta.js';
import { readMetaFields } from './meta.js';

/** A record checked for its text and field types. */
export type RecordResult =
  | { ok: true; text: string; fields: MetaFields; wrongTypes: string[] }
  | { ok: false; message: string };

/** One line of a JSONL file: a parsed value, or the diagnostic code and message for it. */
export type JsonLine =
  | { line: number; ok: true; value: unknown }
  | { line: number; ok: false; code: 'bad-json-line' | 'undecodable-text' | 'binary-file' | 'unreadable-file'; message: string };

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

/**
 * Streams a JSONL file one line at a time (never the whole file in memory); blank lines are skipped. Lines end at LF
 * only (a CR before it is dropped; a lone CR is JSON white space, so line numbers match what editors show), and each
 * line is decoded on its own: a NUL byte or bytes that are not UTF-8 cost that line, not the rest of the file.
 */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;
  try {
    for await (const bytes of splitLines(createReadStream(path))) {
      line += 1;
      if (line === 1 && bytes[0] === 0xff && bytes[1] === 0xfe) {
        yield { line, ok: false, code: 'binary-file', message: 'is UTF-16 text; convert it to UTF-8 JSON Lines; file skipped' };
        return;
      }
      if (bytes.includes(0)) {
        yield { line, ok: false, code: 'binary-file', message: 'holds NUL bytes; remove them or the line; skipped' };
        continue;
      }
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        yield { line, ok: false, code: 'undecodable-text', message: 'is not valid UTF-8; re-save the file as UTF-8; skipped' };
        continue;
      }
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield { line, ok: false, code: 'bad-json-line', message: `not JSON (${shorten((error as Error).message)}); fix the line or remove it; skipped` };
        continue;
      }
      yield { line, ok: true, value };
    }
  } catch (error) {
    yield { line: line + 1, ok: false, code: 'unreadable-file', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions; rest of the file skipped` };
  }
}

// Splits a byte stream at LF, dropping a CR before it; the UTF-8 BOM of the first line is dropped.
async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let first = true;
  const finish = (piece: Buffer): Buffer => {
    let bytes = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
    parts = [];
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    first = false;
    return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
  };
  for await (const chunk of stream) {
    let from = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, from)) {
      yield finish(chunk.subarray(from, i));
      from = i + 1;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
  }
  if (parts.length > 0) yield finish(Buffer.alloc(0));
}

/** Cuts a parser message to a readable length. */
export function shorten(message: string): string {
  return message.length > 80 ? `${message.slice(0, 77)}...` : message;
}
