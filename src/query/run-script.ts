// Runs a user's TypeScript or JavaScript query script (no build step, through tsx) against a loaded graph.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { KnowledgeGraph } from './knowledge-graph.js';
import type { GraphQueries } from './types.js';

/** Maps the bare specifier 'kg' to this package's entry, so scripts can `import { ... } from 'kg'` without installing it. */
export const SCRIPTS_TSCONFIG = fileURLToPath(new URL('./scripts.tsconfig.json', import.meta.url));

/** Imports `path` and awaits its default export called with the graph (in memory, or the stored graph's GraphQueries); returns what it returns. Throws UsageError 'bad-script' when there is no such file or no default function. */
export async function runScript(path: string, kg: KnowledgeGraph | GraphQueries): Promise<unknown> {
  const file = resolve(path);
  if (!existsSync(file)) throw new UsageError('bad-script', `${path}: no such script`);
  // tsx (and esbuild) load only when a script runs, not with every command.
  const { tsImport } = await import('tsx/esm/api');
  const module = (await tsImport(pathToFileURL(file).href, { parentURL: import.meta.url, tsconfig: SCRIPTS_TSCONFIG })) as { default?: unknown };
  // A CommonJS-compiled script (a .ts outside an ESM package) exposes its default export one level down.
  const main = typeof module.default === 'object' && module.default !== null && 'default' in module.default ? (module.default as { default: unknown }).default : module.default;
  if (typeof main !== 'function') throw new UsageError('bad-script', `${path}: has no default export function; write \`export default (kg: KnowledgeGraph) => ...\``);
  return await (main as (kg: KnowledgeGraph | GraphQueries) => unknown)(kg);
}
