// manifest.json in a folder: metadata ({articles: [{id, file, published, source, url, language}]}) for the files in it and its subfolders.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../types.js';
import { shorten } from './json.js';
import type { MetaLayer } from './meta.js';
import { makeDiagnostic, readMetaFields } from './meta.js';

export const MANIFEST_NAME = 'manifest.json';

/** The metadata a manifest gives, by absolute file path, and what was wrong with it. */
export interface Manifest {
  entries: Map<string, MetaLayer>;
  diagnostics: Diagnostic[];
}

/** Reads `<dir>/manifest.json`; a folder without one gives an empty manifest. */
export async function loadManifest(dir: string, displayPath: (absolute: string) => string): Promise<Manifest> {
  const absolute = path.join(dir, MANIFEST_NAME);
  const file = displayPath(absolute);
  const entries = new Map<string, MetaLayer>();
  const diagnostics: Diagnostic[] = [];
  let source: string;
  try {
    source = await readFile(absolute, 'utf8');
  } catch (error) {
    // No manifest is the usual case; one that is there but cannot be read is worth saying.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      diagnostics.push(makeDiagnostic('bad-manifest', 'error', { file }, `cannot be read (${code ?? String(error)}); check its permissions; the folder's files are read without its metadata`));
    }
    return { entries, diagnostics };
  }
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    diagnostics.push(makeDiagnostic('bad-manifest', 'error', { file }, `not JSON (${shorten((error as Error).message)}); fix it; the folder's files are read without its metadata`));
    return { entries, diagnostics };
  }
  const articles = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).articles : undefined;
  if (!Array.isArray(articles)) {
    diagnostics.push(makeDiagnostic('bad-manifest', 'error', { file }, `has no "articles" list; write {"articles": [{"id", "file", ...}]}; the folder's files are read without its metadata`));
    return { entries, diagnostics };
  }
  for (const [index, entry] of articles.entries()) {
    const name = `entry ${index + 1}`;
    const fileName = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>).file : undefined;
    if (typeof fileName !== 'string' || fileName.trim() === '') {
      diagnostics.push(makeDiagnostic('bad-manifest', 'warning', { file }, `${name} has no "file" name; add one or remove the entry; entry ignored`));
      continue;
    }
    const target = path.resolve(dir, fileName);
    const relative = path.relative(dir, target);
    if (relative === '' || relative.startsWith(`..${path.sep}`) || relative === '..' || path.isAbsolute(relative)) {
      diagnostics.push(makeDiagnostic('manifest-outside-folder', 'warning', { file }, `${name} names ${fileName}, which is not inside ${displayPath(dir) || '.'}; a manifest describes the files of its own folder and its subfolders; entry ignored`));
      continue;
    }
    const { fields, wrongTypes } = readMetaFields(entry as Record<string, unknown>);
    if (wrongTypes.length > 0) {
      diagnostics.push(makeDiagnostic('bad-manifest', 'warning', { file }, `${name} (${fileName}) has fields of the wrong type: ${wrongTypes.join(', ')}; use strings; those fields ignored`));
    }
    if (entries.has(target)) {
      diagnostics.push(makeDiagnostic('bad-manifest', 'warning', { file }, `${name} names ${fileName} again; keep one entry per file; later entry ignored`));
      continue;
    }
    if (!(await isFile(target))) {
      diagnostics.push(makeDiagnostic('manifest-missing-file', 'warning', { file }, `${name} names ${fileName}, which is not in ${displayPath(dir) || '.'}; fix the name or remove the entry`));
      continue;
    }
    entries.set(target, { fields, origin: file });
  }
  return { entries, diagnostics };
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile();
  } catch {
    return false;
  }
}
