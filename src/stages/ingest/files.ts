// Finding input files: folders walked recursively in code-unit order, symbolic links followed once, formats told by extension.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RawArticle } from '../../types.js';

const FORMATS: Record<string, RawArticle['format']> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The format of a file by its extension, or null when it is not handled. */
export function detectFormat(file: string): RawArticle['format'] | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

/** The file name without its extension: the id of an article that names none. */
export function fileStem(file: string): string {
  return path.basename(file, path.extname(file));
}

/** Something found in a folder that is not read: why, and whether an input was lost by it (skipped) or only noted. */
export interface ListingProblem {
  code: 'unreadable-folder' | 'bad-file-name' | 'broken-link' | 'link-loop' | 'not-a-file';
  skipped: boolean;
  message: string;
}

/** One entry of a folder listing: a regular file to read, or a problem at a path. */
export type ListingEntry = { path: string; problem?: undefined } | { path: string; problem: ListingProblem };

/**
 * All files under a folder (absolute paths, through the links that lead to them), with a problem entry for what cannot
 * be read (an unreadable folder, a name that is not UTF-8, a dangling link, a FIFO or device, a link back into a folder
 * already walked), sorted by code unit; hidden entries (.git, .DS_Store) are not inputs.
 */
export async function listFiles(dir: string): Promise<ListingEntry[]> {
  const out: ListingEntry[] = [];
  const walked = new Set<string>([await realpath(dir).catch(() => dir)]);
  await walk(dir, walked, out);
  return out.sort((a, b) => compareCodeUnits(a.path, b.path));
}

async function walk(dir: string, walked: Set<string>, out: ListingEntry[]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    out.push({ path: dir, problem: { code: 'unreadable-folder', skipped: true, message: `folder cannot be read (${errorCode(error)}); check its permissions; its files skipped` } });
    return;
  }
  const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') })).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const { entry, name } of named) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    // A name that is not UTF-8 cannot be spelled as a path string: decoded, it names no file.
    if (!Buffer.from(name, 'utf8').equals(entry.name)) {
      out.push({ path: full, problem: { code: 'bad-file-name', skipped: true, message: 'has a name that is not valid UTF-8; rename the file; skipped' } });
      continue;
    }
    let kind: { isFile(): boolean; isDirectory(): boolean } = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = await stat(full);
      } catch (error) {
        out.push({ path: full, problem: { code: 'broken-link', skipped: true, message: `is a symbolic link to nothing readable (${errorCode(error)}); fix or remove the link; skipped` } });
        continue;
      }
    }
    if (kind.isDirectory()) {
      const real = await realpath(full).catch(() => full);
      if (walked.has(real)) {
        out.push({ path: full, problem: { code: 'link-loop', skipped: false, message: `links to ${real}, a folder already read; not read twice` } });
        continue;
      }
      walked.add(real);
      await walk(full, walked, out);
    } else if (kind.isFile()) {
      out.push({ path: full });
    } else {
      out.push({ path: full, problem: notAFile() });
    }
  }
}

/** A FIFO, socket or device: reading one could block the build forever. */
export function notAFile(): ListingProblem {
  return { code: 'not-a-file', skipped: true, message: 'is not a regular file (a FIFO, socket or device); give a file or a folder; skipped' };
}

/** The errno code of a file-system error (EACCES, ENOENT...), for messages. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? String(error);
}

/** Orders strings by UTF-16 code unit, the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
