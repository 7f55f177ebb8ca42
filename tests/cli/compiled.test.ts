// kg runs compiled JavaScript: bin/kg.js starts dist/ when it is current (npm test compiles it before jest), its worker
// entry loads the compiled task without tsx, and an edited source sends bin/kg.js back to the sources, saying so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isCompiledCurrent } from '../../scripts/compiled.mjs';
import { kgCommand, ROOT } from '../helpers/kg-bin.js';

// A loader hook that fails any import of tsx, so a module that needs it cannot load.
const NO_TSX = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify('data:text/javascript,export async function resolve(s,c,n){if(/^tsx(\\/|$)/.test(s))throw new Error("tsx imported: "+s);return n(s,c)}')})`;

/** Starts the worker entry in a worker thread of a process where tsx cannot load; prints "ready" or the worker's error. */
function startWorkerWithoutTsx(file: string): { status: number | null; stdout: string; stderr: string } {
  const script = `import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL(${JSON.stringify(pathToFileURL(file).href)}), { execArgv: ['--import', ${JSON.stringify(NO_TSX)}] });
worker.on('message', (m) => { if (m.type === 'ready') { process.stdout.write('ready'); void worker.terminate(); } });
worker.on('error', (e) => { process.stderr.write(String(e.message)); process.exitCode = 1; });`;
  return spawnSync(process.execPath, ['--import', NO_TSX, '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
}

it('dist/ is compiled from the current sources (run `npm run build` before jest alone)', () => {
  expect(isCompiledCurrent()).toBe(true);
});

it('bin/kg.js runs the compiled CLI: no word of a fallback to the sources, and no tsx loaded', () => {
  const [node, args] = kgCommand(['--version']);
  const run = spawnSync(node, ['--import', NO_TSX, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});

it('the worker entry beside the compiled code loads the compiled task; the one in src/ needs tsx', () => {
  const compiled = startWorkerWithoutTsx(path.join(ROOT, 'dist/workers/extract-worker.mjs'));
  expect(compiled.stderr).toBe('');
  expect(compiled.stdout).toBe('ready');
  const source = startWorkerWithoutTsx(path.join(ROOT, 'src/workers/extract-worker.mjs'));
  expect(source.status).not.toBe(0);
  expect(source.stderr).toContain('tsx imported');
}, 60_000);

it('dist/ counts as stale once a source, a folder, a tsconfig or the build script is newer than its stamp', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kg-compiled-'));
  try {
    mkdirSync(path.join(root, 'src/sub'), { recursive: true });
    mkdirSync(path.join(root, 'dist'));
    mkdirSync(path.join(root, 'scripts'));
    const old = new Date('2025-01-01T00:00:00Z');
    const files = ['src/sub/a.ts', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'dist/.built'];
    for (const file of files) writeFileSync(path.join(root, file), '');
    for (const file of [...files, 'src/sub', 'src']) utimesSync(path.join(root, file), old, old);
    utimesSync(path.join(root, 'dist/.built'), new Date('2025-01-02T00:00:00Z'), new Date('2025-01-02T00:00:00Z'));
    expect(isCompiledCurrent(root)).toBe(true);
    for (const touched of ['src/sub/a.ts', 'src/sub', 'tsconfig.build.json', 'scripts/build.mjs']) {
      utimesSync(path.join(root, touched), new Date('2025-01-03T00:00:00Z'), new Date('2025-01-03T00:00:00Z'));
      expect(isCompiledCurrent(root)).toBe(false);
      utimesSync(path.join(root, touched), old, old);
    }
    rmSync(path.join(root, 'dist/.built'));
    expect(isCompiledCurrent(root)).toBe(false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
