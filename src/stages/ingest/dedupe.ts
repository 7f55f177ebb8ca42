// Spots articles read twice: the same id, or the same text under another id (re-posted wire copy).
import { createHash } from 'node:crypto';
import type { Diagnostic, RawArticle } from '../../types.js';
import { textBytes } from './text-bytes.js';

/** SHA-256 hex of a text (of its UTF-8, and WTF-8 where it holds a lone surrogate, so every text has its own hash). */
export function hashText(text: string): string {
  return createHash('sha256').update(textBytes(text)).digest('hex');
}

/** Returns a function that reports (as a Diagnostic, code duplicate-id or duplicate-text) an article whose id or text was already seen, else null. */
export function createDeduplicator(): (article: RawArticle) => Diagnostic | null {
  const fileById = new Map<string, string>();
  const idByHash = new Map<string, { id: string; file: string }>();
  return (article) => {
    const { id, file, line } = article.meta;
    const where = line === undefined ? file : `${file} line ${line}`;
    const firstFile = fileById.get(id);
    if (firstFile !== undefined) {
      return {
        stage: 'ingest', code: 'duplicate-id', severity: 'warning', file, line, article: id,
        message: `${where}: article id "${id}" was already read from ${firstFile}; give one of them another id; skipped`,
      };
    }
    // Whitespace differences (CRLF, trailing spaces) do not make a different article.
    const hash = hashText(article.text.replace(/\s+/g, ' ').trim());
    const first = idByHash.get(hash);
    if (first !== undefined) {
      return {
        stage: 'ingest', code: 'duplicate-text', severity: 'warning', file, line, article: id,
        message: `${where}: article "${id}" has the same text as "${first.id}" (${first.file}); remove one copy; skipped`,
      };
    }
    fileById.set(id, where);
    idByHash.set(hash, { id, file: where });
    return null;
  };
}
