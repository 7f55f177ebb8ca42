// Build benchmark (not a test): a seeded synthetic corpus, timed through the naive compromise baseline, kg build on 1 worker and on every core,
// a 100k-edge GraphML export, and assembly alone on the build's facts and on them copied 5-fold (scripts/bench/assemble.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { exportGraph } from '../src/export/index.js';
import { loadKnowledgeBase } from '../src/kb/index.js';
import { runBaseline } from './bench/baseline.js';
import { writeCorpus } from './bench/corpus.js';
import { generateGraph } from './bench/graph.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const GRAPHML_EDGES = 100_000;
const ASSEMBLE_COPIES = 4;

interface Measure {
  name: string;
  articles: number;
  seconds: number;
  textBytes: number;
}

interface ChildBuild {
  maxRssKb: number;
  report: { articles: { built: number }; timings: Record<string, number>; workers: number; layout: { iterations: number; converged: boolean }; counts: { nodes: Record<string, number>; edges: Record<string, number> } };
}

/** The JSON line scripts/bench/assemble.ts ends with. */
interface AssembleFigures {
  articles: number;
  addMs: number;
  finishMs: number;
  maxRssKb: number;
}

// --skip-baseline: the naive run takes about 40 ms an article (15 min for 20,000), so peak RSS at scale can be measured without it.
const { values } = parseArgs({ options: { articles: { type: 'string', default: '5000' }, keep: { type: 'boolean', default: false }, 'skip-baseline': { type: 'boolean', default: false } } });
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1) throw new Error(`bench: --articles takes a whole number of 1 or more, got "${values.articles}"`);
const cores = availableParallelism();
const dir = await mkdtemp(path.join(tmpdir(), 'kg-bench-'));
try {
  const corpus = path.join(dir, 'corpus.jsonl');
  const written = await writeCorpus(corpus, count, loadKnowledgeBase());
  log(`corpus: ${count} articles, ${(written.textBytes / 1e6).toFixed(1)} MB of text -> ${corpus}`);

  let a: Measure | null = null;
  if (!values['skip-baseline']) {
    const baseline = await runBaseline(corpus);
    a = { name: '(a) compromise + dates, naive', articles: baseline.articles, seconds: baseline.ms / 1000, textBytes: baseline.textBytes };
    log(`${line(a)}  (compromise-dates threw on ${baseline.dateErrors} articles)`);
  }

  const builds: { measure: Measure; child: ChildBuild }[] = [];
  for (const workers of [1, cores]) {
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/build-child.ts'), corpus, path.join(dir, `out-${workers}`), String(workers)], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const child = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildBuild;
    const measure = { name: `(${workers === 1 ? 'b' : 'c'}) kg build, ${workers} worker(s)`, articles: child.report.articles.built, seconds, textBytes: written.textBytes };
    builds.push({ measure, child });
    const t = child.report.timings;
    log(`${line(measure)}  peak RSS ${(child.maxRssKb / 1024).toFixed(0)} MB`);
    log(`    stages (ms): ${Object.entries(t).map(([stage, ms]) => `${stage} ${ms}`).join(', ')}; extract alone ${(measure.articles / (t.extract / 1000)).toFixed(1)} articles/s`);
    log(`    graph: ${sum(child.report.counts.nodes)} nodes, ${sum(child.report.counts.edges)} edges; layout ${child.report.layout.iterations} iterations${child.report.layout.converged ? '' : ' (not converged)'}`);
  }
  const [b, c] = builds.map((x) => x.measure);

  const graph = generateGraph(GRAPHML_EDGES);
  const t0 = performance.now();
  await exportGraph(graph, 'graphml', path.join(dir, 'bench.graphml'));
  const graphmlSeconds = (performance.now() - t0) / 1000;

  // Assembly should grow with the articles, not faster: the same facts once and five times over (new ids, dates moved).
  const assembled: AssembleFigures[] = [];
  for (const copies of [0, ASSEMBLE_COPIES]) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/assemble.ts'), '--facts', path.join(dir, 'out-1', 'facts.jsonl'), '--copies', String(copies)], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    assembled.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as AssembleFigures);
  }

  const rate = (m: Measure) => m.articles / m.seconds;
  const rssMb = Math.max(...builds.map((x) => x.child.maxRssKb)) / 1024;
  log('');
  const extractRate = (i: number) => builds[i].measure.articles / (builds[i].child.report.timings.extract / 1000);
  const same = (await readFile(path.join(dir, 'out-1', 'graph.json'), 'utf8')) === (await readFile(path.join(dir, `out-${cores}`, 'graph.json'), 'utf8'));
  if (a) log(`b/a = ${(rate(b) / rate(a)).toFixed(2)}x whole build, ${(extractRate(0) / rate(a)).toFixed(2)}x extract stage   (target >= 2x)`);
  log(`c/b = ${(rate(c) / rate(b)).toFixed(2)}x whole build, ${(extractRate(1) / extractRate(0)).toFixed(2)}x extract stage, on ${cores} core(s)   (target >= 1.8x on 2 cores)`);
  log(`graph.json of (b) and (c): ${same ? 'identical' : 'DIFFERENT'}`);
  log(`peak RSS = ${rssMb.toFixed(0)} MB for ${count} articles   (target < 1536 MB for 20,000)`);
  log(`GraphML export of ${graph.order} nodes / ${graph.size} edges = ${graphmlSeconds.toFixed(2)} s   (target < 5 s)`);
  const [one, many] = assembled.map((f) => ({ ...f, seconds: (f.addMs + f.finishMs) / 1000 }));
  log(`assembly alone: ${one.articles} articles ${one.seconds.toFixed(1)} s (${(one.maxRssKb / 1024).toFixed(0)} MB), ${many.articles} (copied) ${many.seconds.toFixed(1)} s (${(many.maxRssKb / 1024).toFixed(0)} MB): ${(many.seconds / one.seconds).toFixed(2)}x the time for ${ASSEMBLE_COPIES + 1}x the articles`);
} finally {
  if (values.keep) log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}

function line(m: Measure): string {
  return `${m.name.padEnd(34)} ${m.articles} articles in ${m.seconds.toFixed(1)} s: ${(m.articles / m.seconds).toFixed(1)} articles/s, ${(m.textBytes / 1e6 / m.seconds).toFixed(3)} MB/s`;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, n) => total + n, 0);
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}
