// The build's per-article facts between extraction and assembly: JSON lines in a temporary file, indexed by article id,
// so memory holds an index entry per article instead of every article's facts (about 5 KB of JSON each).
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ArticleFacts, DocumentDate } from '../types.js';

/** Bytes gathered before each append to the file. */
const APPEND_BUFFER_BYTES = 1 << 20;

interface Entry {
  offset: number;
  length: number;
  hash: string;
  documentDate: DocumentDate;
}

export interface FactsStore {
  /** Adds an article's facts, replacing any earlier facts of the same id. */
  put(facts: ArticleFacts): void;
  /** The text hash of the facts held for an article id. */
  hashOf(id: string): string | undefined;
  /** Articles held. */
  readonly size: number;
  /** Article ids in increasing order, each with its document date. */
  index(): { id: string; documentDate: DocumentDate }[];
  /** Each article's facts as its JSON line (no newline), in increasing id order. */
  lines(): Generator<string>;
  /** Each article's facts, in increasing id order. */
  facts(): Generator<ArticleFacts>;
  /** Deletes the file. */
  close(): void;
}

/** A store whose file lives in `dir` (the output folder, so it is on the same disk as the outputs) until close(). */
export function openFactsStore(dir: string): FactsStore {
  const file = path.join(dir, `.facts.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(file, 'wx+');
  // Unlinked at once where the system allows it (the open descriptor keeps the data), so a killed build leaves no file behind.
  let linked = true;
  try {
    rmSync(file);
    linked = false;
  } catch {
    // Windows keeps the name of an open file: it goes in close().
  }
  const entries = new Map<string, Entry>();
  let buffer = Buffer.allocUnsafe(APPEND_BUFFER_BYTES);
  let buffered = 0;
  let written = 0;

  const flush = (): void => {
    for (let done = 0; done < buffered; ) done += writeSync(fd, buffer, done, buffered - done, written + done);
    written += buffered;
    buffered = 0;
  };
  const append = (bytes: Buffer): void => {
    if (bytes.length > buffer.length - buffered) flush();
    if (bytes.length > buffer.length) {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, written + done);
      written += bytes.length;
      return;
    }
    bytes.copy(buffer, buffered);
    buffered += bytes.length;
  };
  const sortedIds = (): string[] => [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  function* lines(): Generator<string> {
    flush();
    let scratch = Buffer.allocUnsafe(64 * 1024);
    for (const id of sortedIds()) {
      const { offset, length } = entries.get(id)!;
      if (length > scratch.length) scratch = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const read = readSync(fd, scratch, done, length - done, offset + done);
        if (read === 0) throw new Error(`facts store: ${file} ends before the facts of "${id}"`);
        done += read;
      }
      yield scratch.toString('utf8', 0, length);
    }
  }

  return {
    put(facts) {
      const bytes = Buffer.from(JSON.stringify(facts), 'utf8');
      entries.set(facts.meta.id, { offset: written + buffered, length: bytes.length, hash: facts.hash, documentDate: facts.documentDate });
      append(bytes);
    },
    hashOf: (id) => entries.get(id)?.hash,
    get size() {
      return entries.size;
    },
    index: () => sortedIds().map((id) => ({ id, documentDate: entries.get(id)!.documentDate })),
    lines,
    *facts() {
      for (const line of lines()) yield JSON.parse(line) as ArticleFacts;
    },
    close() {
      buffer = Buffer.alloc(0);
      closeSync(fd);
      if (linked) rmSync(file, { force: true });
    },
  };
}
