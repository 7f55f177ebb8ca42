// kill -9 at every stage of a build: the output folder holds the old build or the new one, whole, never a mix; the next
// build cleans up what the killed one left.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readGraphFile } from '../../src/graph/serialize.js';
import { validateGraph } from '../../src/graph/validate.js';
import { buildGraph, type BuildReport } from '../../src/pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'tests/pipeline/kill-child.mts');
const SEEDS = ['000_286876c6e586020e', '001_54c5f59ce95bbe68', '002_120213c231b1ab6f', '003_b3ba324170558599', '004_526fbc0e294a48ad'];

// The killed builds run in a child process; the others here, with the same options (the output does not depend on the process).
function buildKilled(inputs: string[], out: string, killAt: string): NodeJS.Signals | null {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, inputs.join(','), out, killAt], { cwd: ROOT, encoding: 'utf8' });
  if (run.signal === null && run.status !== 0) throw new Error(run.stderr);
  return run.signal;
}

async function build(inputs: string[], out: string): Promise<void> {
  await buildGraph({ inputs, outDir: out, workers: 1, cacheDir: null, formats: ['graphml', 'gexf'] });
}

/** What a reader sees in an output folder: graph.json's bytes, after checking every other file agrees with it. */
async function readWhole(out: string): Promise<string> {
  const graphJson = await readFile(path.join(out, 'graph.json'), 'utf8');
  const graph = await readGraphFile(path.join(out, 'graph.json'));
  const articles = graph.getAttribute('articles');
  const texts = new Map<string, string>();
  for (const a of articles) texts.set(a.id, await readFile(path.join(out, a.textFile), 'utf8'));
  expect(validateGraph(graph, texts)).toEqual([]);
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
  expect(report.documentDates.map((d) => d.article)).toEqual(articles.map((a) => a.id));
  expect(Object.values(report.counts.nodes).reduce((a, b) => a + b, 0)).toBe(graph.order);
  const facts = (await readFile(path.join(out, 'facts.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { meta: { id: string } }).meta.id);
  expect(facts).toEqual(articles.map((a) => a.id));
  for (const format of ['graphml', 'gexf']) {
    const exported = await readFile(path.join(out, `graph.${format}`), 'utf8');
    expect(articles.every((a) => exported.includes(a.id))).toBe(true);
    expect((exported.match(/<node /g) ?? []).length).toBe(graph.order);
  }
  return graphJson;
}

let tmp: string;
let oldOut: string;
let oldGraph: string;
let newGraph: string;
const oldInputs = SEEDS.slice(0, 2).map((s) => `data/articles/${s}.txt`);
const newInputs = SEEDS.slice(0, 4).map((s) => `data/articles/${s}.txt`);

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kg-kill-'));
  oldOut = path.join(tmp, 'old');
  await build(oldInputs, oldOut);
  oldGraph = await readWhole(oldOut);
  const fresh = path.join(tmp, 'fresh');
  await build(newInputs, fresh);
  newGraph = await readWhole(fresh);
  expect(newGraph).not.toBe(oldGraph);
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it.each(['article 1', 'article 3', 'facts', 'assemble', 'layout', 'write graph.json', 'write graphml', 'write gexf', 'report', 'switch'])(
  'killed at "%s", the output is the old build, whole, and the next build cleans up',
  async (stage) => {
    const out = path.join(tmp, stage.replace(/\W/g, '-'));
    await mkdir(out);
    await cp(oldOut, out, { recursive: true, verbatimSymlinks: true });
    expect(buildKilled(newInputs, out, stage)).toBe('SIGKILL');
    expect(await readWhole(out)).toBe(oldGraph);
    await build(newInputs, out);
    expect(await readWhole(out)).toBe(newGraph);
    expect((await readdir(path.join(out, '.generations'))).length).toBe(1);
    expect((await readdir(out)).filter((entry) => entry.endsWith('.tmp'))).toEqual([]);
  },
  120_000,
);

it('a build that builds nothing leaves the output untouched', async () => {
  const out = path.join(tmp, 'typo');
  await mkdir(out);
  await cp(oldOut, out, { recursive: true, verbatimSymlinks: true });
  await build(['data/artcles'], out);
  expect(await readWhole(out)).toBe(oldGraph);
}, 60_000);
