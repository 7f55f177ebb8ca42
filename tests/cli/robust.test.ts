// The CLI's manners: --version, and output into a pipe that closes early (head, a pager) ends every command quietly.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseWorkers } from '../../src/cli/commands/build.js';
import { kgCommand } from '../helpers/kg-bin.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GRAPH = 'tests/fixtures/query/graph.json';

/** Runs kg with its stdout closed at once, as `| head -0` would; resolves to its exit code and stderr. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(...kgCommand(args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it('prints its version with --version and -V', async () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const output = await new Promise<string>((resolve) => {
      let out = '';
      const child = spawn(...kgCommand([flag]), { cwd: ROOT });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.on('close', () => resolve(out));
    });
    expect(output).toBe(`${version}\n`);
  }
});

it.each([
  [['--help']],
  [['build', '--help']],
  [['query', 'events', '--graph', GRAPH]],
  [['query', 'timeline', 'Putin', '--graph', GRAPH, '--json']],
])('kg %j into a closed pipe ends quietly', async (args) => {
  const { code, stderr } = await runIntoClosedPipe(args);
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
  expect(code).toBe(0);
}, 60_000);

it.each([
  [5, 2, 1],
  [4999, 8, 1],
  [5000, 2, 2],
  [100_000, 4, 4],
])('without --workers, %i articles on %i cores get %i thread(s): a pool pays for its start-up only on large inputs', (articles, cores, workers) => {
  expect(chooseWorkers(articles, cores)).toBe(workers);
});
