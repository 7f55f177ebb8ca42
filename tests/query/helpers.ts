// Shared by the query tests: the graph they query and a runner for the `kg` command.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The hand-made graph that mimics the seed articles (tests/fixtures/query/graph.json), with quotes at their real offsets. */
export const FIXTURE_GRAPH = fileURLToPath(new URL('../fixtures/query/graph.json', import.meta.url));
const KG_ENTRY = fileURLToPath(new URL('../../bin/kg.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kg ...args` as users do (bin/kg.js, on the compiled dist/), with optional standard input. */
export function runKg(args: string[], input?: string): Promise<RunResult> {
  return runNode([KG_ENTRY, ...args], input);
}

/** Runs node with `args` in the repository root. */
export function runNode(args: string[], input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
