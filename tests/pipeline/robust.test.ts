// Whole builds against inputs that used to crash them or lose good articles: every good article is built, every text served.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildGraph, type BuildReport } from '../../src/pipeline.js';
import { startStaticServer } from '../../src/serve/server.js';
import { rawRequest } from '../helpers/http.js';
import { kgCommand } from '../helpers/kg-bin.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const GOOD = 'Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Moscow on Monday.';

async function kg(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(...kgCommand(args), { cwd: ROOT });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kg-robust-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it('builds articles with over-long, non-ASCII, spaced and missing ids, and the viewer serves every text', async () => {
  const dir = path.join(tmp, 'ids');
  await mkdir(dir);
  const longId = 'x'.repeat(300);
  const cyrillic = 'Д'.repeat(43);
  await writeFile(path.join(dir, `${cyrillic}.txt`), `${GOOD} One.`);
  await writeFile(path.join(dir, 'with space é.txt'), `${GOOD} Two.`);
  await writeFile(path.join(dir, 'feed.jsonl'), [{ text: `${GOOD} Three.` }, { id: longId, text: `${GOOD} Four.` }, { id: 'a/b\\c?d', text: `${GOOD} Five.` }].map((r) => JSON.stringify(r)).join('\n'));
  const out = path.join(tmp, 'ids-out');
  const { graph, report } = await buildGraph({ inputs: [dir], outDir: out, workers: 1, cacheDir: null, formats: [] });
  const ids = [cyrillic, 'a/b\\c?d', 'feed#1', longId, 'with space é'].sort();
  expect(report.skipped).toEqual([]);
  const articles = graph.getAttribute('articles');
  expect(articles.map((a) => a.id).sort()).toEqual(ids);

  const dist = path.join(tmp, 'dist');
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html>');
  const server = await startStaticServer({ distDir: dist, graphPath: path.join(out, 'graph.json'), port: 0 });
  try {
    for (const article of articles) {
      const response = await rawRequest(server.port, `/${article.textFile}`);
      expect([article.id, response.status, response.body.startsWith(GOOD)]).toEqual([article.id, 200, true]);
    }
  } finally {
    await server.close();
  }
});

it('counts as skipped only what was not built, so --strict passes on warnings alone', async () => {
  const dir = path.join(tmp, 'warnings');
  await mkdir(dir);
  // A field of the wrong type, a date that does not parse and a U+FFFD: three warnings, two articles built.
  await writeFile(path.join(dir, 'feed.jsonl'), [{ id: 'typed', title: 7, text: `${GOOD} One.` }, { id: 'fffd', published: 'someday', text: `${GOOD} \uFFFD Two.` }].map((r) => JSON.stringify(r)).join('\n'));
  const out = path.join(tmp, 'warnings-out');
  const result = await kg(['build', dir, '--out', out, '--formats', 'none', '--workers', '1', '--strict']);
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
  expect(report.diagnostics.filter((d) => d.stage === 'ingest').map((d) => d.code)).toEqual(['bad-record', 'bad-date', 'replacement-character']);
  expect([report.skipped, report.articles.skipped, report.articles.built, result.code]).toEqual([[], 0, 2, 0]);
});

it('a build into a relative output folder (the default "out") keeps its generation and can be read back', async () => {
  const dir = path.join(tmp, 'relative');
  await mkdir(dir);
  await writeFile(path.join(dir, 'a.txt'), GOOD);
  for (let i = 0; i < 2; i += 1) {
    await run(...kgCommand(['build', 'a.txt', '--out', 'out', '--workers', '1', '--no-cache', '--formats', 'graphml']), { cwd: dir });
    const graph = JSON.parse(await readFile(path.join(dir, 'out/graph.json'), 'utf8')) as { nodes: unknown[] };
    expect(graph.nodes.length).toBeGreaterThan(0);
  }
});
