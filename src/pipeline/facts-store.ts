// The build's per-article facts between extraction and assembly: JSON lines in a temporary file, indexed by article id,
// so memory holds an index entry per article instead of every article's facts (about 5 KB of JSON each).
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createBufferedWriter } from '../graph/serialize.js';
import type { ArticleFacts, DocumentDate } from '../types.js';
import { compareArticleIds } from './article-order.js';

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
  // Appended at the file's position; reads name their offset (pread), so they never move it.
  const writer = createBufferedWriter(fd);
  const sortedIds = (): string[] => [...entries.keys()].sort(compareArticleIds);
  function* lines(): Generator<string> {
    writer.flush();
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
      const offset = writer.position;
      const length = writer.write(JSON.stringify(facts));
      entries.set(facts.meta.id, { offset, length, hash: facts.hash, documentDate: facts.documentDate });
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
      closeSync(fd);
      if (linked) rmSync(file, { force: true });
    },
  };
}
