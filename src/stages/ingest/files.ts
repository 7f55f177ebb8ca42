// Finding input files: folders walked recursively in code-unit order, formats told by extension.
import { readdir } from 'node:fs/promises';
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

/** All files under a folder (absolute paths), sorted by code unit; hidden entries (.git, .DS_Store) are not inputs. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).some((part) => part.startsWith('.')))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort(compareCodeUnits);
}

/** Orders strings by UTF-16 code unit, the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
