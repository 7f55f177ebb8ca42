// The output folder changes all at once. A build writes everything into a new generation folder
// (<out>/.generations/<name>/), then switches one pointer, the symbolic link <out>/current, by a rename: a build killed
// at any moment leaves the old output or the new one, whole, never a mix. <out>/graph.json, report.json, articles/...
// are links through current/, so every reader (kg query, kg view, --into, other tools) follows the switch unchanged.
import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const GENERATIONS = '.generations';
const CURRENT = 'current';

/** A generation being written: its folder, then commit (switch to it) or discard. */
export interface Generation {
  /** Folder to write every output file into. */
  dir: string;
  /** Makes this generation the output: one atomic rename; then removes the older generations. */
  commit(): void;
  /** Removes this generation, leaving the output as it was. */
  discard(): void;
}

/** Starts a generation in `outDir`, first removing what killed builds left behind (unfinished generations, temp files). */
export async function openGeneration(outDir: string): Promise<Generation> {
  const generations = path.join(outDir, GENERATIONS);
  await mkdir(generations, { recursive: true });
  removeLeftovers(outDir);
  const name = `${Date.now().toString(36)}-${process.pid}`;
  const dir = path.join(generations, name);
  await mkdir(dir);
  return {
    dir,
    commit() {
      const link = path.join(outDir, `.${CURRENT}.${name}.tmp`);
      symlinkSync(path.join(GENERATIONS, name), link);
      renameSync(link, path.join(outDir, CURRENT));
      linkEntries(outDir, dir);
      removeLeftovers(outDir);
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The generation folder <out>/current points to, or null when the folder has none yet. */
export function currentGeneration(outDir: string): string | null {
  try {
    return path.resolve(outDir, readlinkSync(path.join(outDir, CURRENT)));
  } catch {
    return null;
  }
}

// <out>/<entry> -> current/<entry> for each entry of the generation; links whose entry the new generation lacks go.
// Each link is made by a rename, so it is never missing; a folder left by a build before generations is moved aside.
function linkEntries(outDir: string, dir: string): void {
  const wanted = new Set(readdirSync(dir).filter((entry) => !entry.startsWith('.')));
  for (const entry of wanted) {
    const at = path.join(outDir, entry);
    const target = path.join(CURRENT, entry);
    const existing = lstatOrNull(at);
    if (existing?.isSymbolicLink() && readlinkSync(at) === target) continue;
    if (existing?.isDirectory()) renameSync(at, path.join(outDir, GENERATIONS, `.old-${entry}.tmp`));
    const link = path.join(outDir, `.${entry}.link.tmp`);
    rmSync(link, { force: true });
    symlinkSync(target, link);
    renameSync(link, at);
  }
  for (const entry of readdirSync(outDir)) {
    const at = path.join(outDir, entry);
    if (wanted.has(entry) || !lstatOrNull(at)?.isSymbolicLink()) continue;
    if (readlinkSync(at) === path.join(CURRENT, entry)) rmSync(at);
  }
}

// Generations other than the current one and temp files (.<name>.tmp) at the top of the output folder.
function removeLeftovers(outDir: string): void {
  const current = currentGeneration(outDir);
  const generations = path.join(outDir, GENERATIONS);
  for (const entry of existsSync(generations) ? readdirSync(generations) : []) {
    // Compared as absolute paths: with a relative output folder ("out", the default) the link resolves to an absolute one.
    const dir = path.resolve(generations, entry);
    if (dir !== current) rmSync(dir, { recursive: true, force: true });
  }
  for (const entry of readdirSync(outDir)) {
    if (entry.startsWith('.') && entry.endsWith('.tmp')) rmSync(path.join(outDir, entry), { recursive: true, force: true });
  }
}

function lstatOrNull(file: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
