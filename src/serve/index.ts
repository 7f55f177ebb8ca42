// Serving the viewer: build the bundle if needed, then serve it with one graph on 127.0.0.1 (kg view and kg start use this).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { KgError } from '../errors.js';
import { VIZ_DIST, ensureViewerBuilt } from './build-viewer.js';
import { startStaticServer } from './server.js';

export { ensureViewerBuilt, isViewerStale } from './build-viewer.js';
export { resolveStaticPath, startStaticServer, type RunningServer } from './server.js';

/** The port kg view uses unless told otherwise (vite's own 5173 is left free for viewer development). */
export const DEFAULT_VIEW_PORT = 7373;

/** Builds the viewer when stale and serves it with the graph at `graphPath`; resolves once listening. */
export async function serveViewer({ graphPath, port = DEFAULT_VIEW_PORT }: { graphPath: string; port?: number }): Promise<{ url: string; close(): Promise<void> }> {
  const graph = resolve(graphPath);
  if (!existsSync(graph)) throw new KgError('graph-not-found', `No graph at ${graphPath}: build one first (kg build <articles> --out <dir>) or give its path.`);
  await ensureViewerBuilt();
  const server = await startStaticServer({ distDir: VIZ_DIST, graphPath: graph, port });
  return { url: server.url, close: server.close };
}
