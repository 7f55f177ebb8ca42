// Where the compiled JavaScript lives (dist/, from src/ by tsc) and whether it is current; read by bin/kg.js at every start and by scripts/build.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
/** Written last by a build, with the time the build started as its mtime, so a source saved during a build counts as newer. */
export const STAMP_NAME = '.built';
// The build script counts as a source: it decides what is copied beside the compiled code (the SQL migrations, say).
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

/** The newest mtime under src/ (folders included, so a deleted or renamed file counts), of the tsconfig files and of the build script. */
function newestSource(root) {
  const src = join(root, 'src');
  let newest = statSync(src).mtimeMs;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  for (const config of CONFIGS) if (existsSync(join(root, config))) newest = Math.max(newest, statSync(join(root, config)).mtimeMs);
  return newest;
}

/** True when <root>/dist was built from the sources as they are now (about 5 ms for the 130 files of src/). */
export function isCompiledCurrent(root = ROOT) {
  const stamp = join(root, 'dist', STAMP_NAME);
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(root);
}
