// `npm run build`, also run by npm ci/install (prepare) and npm test: compiles src/ into dist/ with tsc (types are
// checked by `tsc --noEmit` in npm test, not here) and builds the viewer into viz/dist with vite; each step only when
// its output is older than its sources. Both outputs are git-ignored, so a fresh clone stays clean after `npm ci`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, SRC, STAMP_NAME, isCompiledCurrent } from './compiled.mjs';

// tsc copies no file but TypeScript: the worker entry, the query scripts' tsconfig and the SQL migrations are loaded from beside the compiled code.
const ASSETS = ['workers/extract-worker.mjs', 'query/scripts.tsconfig.json', 'db/migrations'];

function compile() {
  const started = new Date();
  const next = `${DIST}.next`;
  rmSync(next, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', next], { stdio: 'inherit' });
  for (const asset of ASSETS) cpSync(join(SRC, asset), join(next, asset), { recursive: true });
  writeFileSync(join(next, STAMP_NAME), '');
  utimesSync(join(next, STAMP_NAME), started, started);
  // A new folder swapped in whole (no file of a deleted source is left behind, and a kg already running keeps its modules).
  rmSync(DIST, { recursive: true, force: true });
  renameSync(next, DIST);
}

if (process.argv.includes('--force') || !isCompiledCurrent()) {
  process.stderr.write('build: compiling src/ into dist/ (tsc)\n');
  compile();
}
// The viewer's build lives with the server code (it is redone by `kg view` too when its sources change).
const { ensureViewerBuilt, isViewerStale } = await import(pathToFileURL(join(DIST, 'serve/build-viewer.js')).href);
if (isViewerStale()) {
  process.stderr.write('build: building the viewer into viz/dist (vite)\n');
  await ensureViewerBuilt();
}
