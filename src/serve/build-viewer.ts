// Builds the viewer bundle (viz/ -> viz/dist) with vite when it is missing or older than its sources.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { KgError } from '../errors.js';

/** The viewer's source folder (viz/) and its built bundle (viz/dist). */
export const VIZ_ROOT = fileURLToPath(new URL('../../viz', import.meta.url));
export const VIZ_DIST = join(VIZ_ROOT, 'dist');
// The viewer bundles the graph model and validator from the TypeScript sources (this module may run compiled, from dist/).
const SHARED_SOURCES = fileURLToPath(new URL('../../src/graph', import.meta.url));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Whether viz/dist is missing or older than any viewer source (viz/ and the graph model it imports). */
export function isViewerStale(root = VIZ_ROOT, dist = join(root, 'dist')): boolean {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return true;
  return Math.max(newestMtime(root), newestMtime(SHARED_SOURCES)) > statSync(built).mtimeMs;
}

let pending: Promise<void> | null = null;

// vite runs in its own process: its bundler rejects plugin objects created in another realm (as under jest's VM modules).
async function runViteBuild(): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  try {
    await promisify(execFile)(process.execPath, [vite, 'build', VIZ_ROOT, '--logLevel', 'warn'], { cwd: VIZ_ROOT });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error instanceof Error ? error.message : String(error));
    throw new KgError('viewer-build-failed', `Building the viewer (vite build viz) failed:\n${detail}`);
  }
}

/** Runs `vite build` on viz/ when the bundle is stale; concurrent callers share one build. */
export async function ensureViewerBuilt(): Promise<void> {
  if (!isViewerStale()) return;
  pending ??= runViteBuild().finally(() => {
    pending = null;
  });
  await pending;
}
