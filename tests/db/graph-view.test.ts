// `kg view --db`: the viewer serves a window of the stored graph (readGraph with a window), not the whole of it.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Db } from '../../src/db/connect.js';
import { readGraph } from '../../src/db/graph-read.js';
import { writeGraph } from '../../src/db/graph-write.js';
import { parseGraph, serializeGraph } from '../../src/graph/serialize.js';
import { FIXTURE_GRAPH } from '../query/helpers.js';
import { kgCommand } from '../helpers/kg-bin.js';
import { rawRequest } from '../helpers/http.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/postgres.js';

let database: MigratedDatabase;
let db: Db;

beforeAll(async () => {
  database = await migratedDatabase();
  db = database.db;
  await writeGraph(db, parseGraph(await readFile(FIXTURE_GRAPH, 'utf8')));
});
afterAll(async () => {
  await database.drop();
});

/** Starts `kg view ...`, waits for its URL, and returns its port and a stop function. */
async function view(args: string[]): Promise<{ port: string; stderr: () => string; stop: () => Promise<void> }> {
  const [command, argv] = kgCommand(['view', ...args, '--port', '0']);
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`kg view exited with ${code}: ${stderr}`)));
  });
  return {
    port,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

it.each([
  ['an ego network', ['--ego', 'Putin', '--depth', '1'], { ego: 'person:vladimir-putin', depth: 1 }],
  ['a time range of calls', ['--from', '2025-10', '--to', '2025', '--type', 'call'], { from: '2025-10', to: '2025', types: ['call'] }],
])('serves %s of the stored graph as graph.json', async (_name, args, window) => {
  const expected = serializeGraph(await readGraph(db, window));
  const whole = serializeGraph(await readGraph(db));
  expect(expected.length).toBeLessThan(whole.length);
  const server = await view(['--db', database.url, ...args]);
  try {
    const response = await rawRequest(server.port, '/graph.json');
    expect(response.status).toBe(200);
    expect(response.body).toBe(expected);
    expect(server.stderr()).toMatch(/a window of \d+ nodes and \d+ edges/);
  } finally {
    await server.stop();
  }
}, 60_000);

it('refuses window options without --db', async () => {
  const [command, argv] = kgCommand(['view', FIXTURE_GRAPH, '--ego', 'Putin']);
  const code = await new Promise<number | null>((resolve) => spawn(command, argv, { stdio: 'ignore' }).on('exit', resolve));
  expect(code).toBe(2);
});
