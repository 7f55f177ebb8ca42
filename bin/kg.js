#!/usr/bin/env node
// The `kg` command: runs the compiled JavaScript in dist/ (built by `npm ci`/`npm install`, or `npm run build`). When
// dist/ is missing or older than src/ (sources edited since), it runs the TypeScript sources through tsx instead, and says so.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, SRC, isCompiledCurrent } from '../scripts/compiled.mjs';

if (isCompiledCurrent()) {
  await import(pathToFileURL(join(DIST, 'cli/main.js')).href);
} else {
  process.stderr.write('kg: dist/ is missing or older than src/; running the sources through tsx (slower to start; `npm run build` compiles them)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(SRC, 'cli/main.ts')).href);
}
