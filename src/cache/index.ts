// Per-article cache of extracted facts: one JSON file per article, keyed by its text and metadata, the pipeline version, the KB files (the user's too) and the sources.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KgError } from '../errors.js';
import { writeFileAtomic } from '../graph/serialize.js';
import { hashUserFiles, type UserKbFile } from '../kb/index.js';
import type { ArticleFacts, RawArticle } from '../types.js';

const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb', import.meta.url));
const SOURCE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Facts stored by article content; `get` misses (null) on anything unreadable, so a damaged entry is only redone. */
export interface ArticleCache {
  get(raw: RawArticle): Promise<ArticleFacts | null>;
  set(raw: RawArticle, facts: ArticleFacts): Promise<void>;
}

/** The salt of every cache key: pipeline version, the KB files, the user's --kb files and the code that runs (src/*.ts, or dist/*.js when compiled), so an edited KB or extractor never serves stale facts. */
export async function hashPipeline(pipelineVersion: string, kbDir: string = DEFAULT_KB_DIR, userKb: readonly UserKbFile[] = []): Promise<string> {
  const kb = `${await hashFiles(kbDir, () => true)}${userKb.length > 0 ? `+${hashUserFiles(userKb)}` : ''}`;
  // Every source file, not only the extraction stages: a change elsewhere costs a re-extraction, never a wrong fact.
  const sources = await hashFiles(SOURCE_DIR, (file) => /\.(ts|js|mjs)$/.test(file));
  return `${pipelineVersion}:${kb}:${sources}`;
}

/** SHA-256 over the files under a folder that pass the filter: relative path and bytes, in sorted order. */
async function hashFiles(dir: string, keep: (file: string) => boolean): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

/** The cache key of an article: its format, metadata (file and line included, as they appear in its diagnostics) and text, salted with hashPipeline. */
export function hashArticle(raw: RawArticle, salt: string): string {
  return createHash('sha256').update(JSON.stringify([salt, raw.format, raw.meta, raw.text])).digest('hex');
}

/** A cache in `dir` (created on first write); `salt` (hashPipeline) separates entries of other pipelines. */
export function openArticleCache(dir: string, salt: string): ArticleCache {
  const made = new Set<string>();
  const fileOf = (raw: RawArticle): string => {
    const key = hashArticle(raw, salt);
    // 256 subfolders keep each folder small on a large corpus.
    return path.join(dir, key.slice(0, 2), `${key}.json`);
  };
  return {
    async get(raw) {
      try {
        return JSON.parse(await readFile(fileOf(raw), 'utf8')) as ArticleFacts;
      } catch {
        return null;
      }
    },
    async set(raw, facts) {
      const file = fileOf(raw);
      try {
        const folder = path.dirname(file);
        if (!made.has(folder)) await mkdir(folder, { recursive: true });
        made.add(folder);
        await writeFileAtomic(file, JSON.stringify(facts));
      } catch (error) {
        throw new KgError('cache-unwritable', `build: cannot write the article cache in ${dir} (${(error as Error).message}); give another folder with --cache DIR or build with --no-cache`);
      }
    },
  };
}
