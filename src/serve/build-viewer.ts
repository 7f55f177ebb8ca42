// Builds the viewer bundle (viz/ -> viz/dist) with vite when it is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The viewer's source folder (viz/) and its built bundle (viz/dist). */
export const VIZ_ROOT = fileURLToPath(new URL('../../viz', import.meta.url));
export const VIZ_DIST = join(VIZ_ROOT, 'dist');
// The viewer bundles the graph model and validator from here.
const SHARED_SOURCES = fileURLToPath(new URL('../graph', import.meta.url));

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

/** Runs `vite build` on viz/ when the bundle is stale; concurrent callers share one build. */
export async function ensureViewerBuilt(): Promise<void> {
  if (!isViewerStale()) return;
  pending ??= (async () => {
    const { build } = await import('vite');
    await build({ configFile: join(VIZ_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  })().finally(() => {
    pending = null;
  });
  await pending;
}
