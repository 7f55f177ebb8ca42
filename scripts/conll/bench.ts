// Speed on real Reuters text: the CoNLL-2003 stories of a file as JSONL, timed through the naive compromise pass
// (scripts/bench/baseline.ts) and through `kg build` on one worker without cache:
//   npx tsx scripts/conll/bench.ts /work/peer/conll2003/eng.train
// The JSONL and the build go to a temporary folder that is removed afterwards (the data is never written into the repo).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildGraph } from '../../src/pipeline.js';
import { runBaseline } from '../bench/baseline.js';
import { readConll } from './read.js';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx scripts/conll/bench.ts CONLL_FILE');
if (/testb/.test(file)) throw new Error('eng.testb is the test set: it is not used during development');
const docs = readConll(file);
const dir = await mkdtemp(path.join(tmpdir(), 'kg-conll-bench-'));
try {
  const jsonl = path.join(dir, 'stories.jsonl');
  // Stories without a dateline get a fixed day, so compromise-dates has a `today` in both passes.
  const records = docs.map((d) => JSON.stringify({ id: `conll-${String(d.index).padStart(4, '0')}`, title: d.title, published: d.published ?? '1996-08-30', text: d.text }));
  await writeFile(jsonl, `${records.join('\n')}\n`);
  const baseline = await runBaseline(jsonl);
  const naiveRate = baseline.articles / (baseline.ms / 1000);
  console.log(`naive compromise pass: ${baseline.articles} stories in ${(baseline.ms / 1000).toFixed(1)} s = ${naiveRate.toFixed(1)} articles/s`);
  const started = performance.now();
  const { report } = await buildGraph({ inputs: [jsonl], outDir: path.join(dir, 'out'), workers: 1, cacheDir: null });
  const seconds = (performance.now() - started) / 1000;
  const built = report.articles.built;
  const t = report.timings;
  console.log(`kg build, 1 worker: ${built} stories in ${seconds.toFixed(1)} s = ${(built / seconds).toFixed(1)} articles/s (${(built / seconds / naiveRate).toFixed(2)}x the naive pass); extract ${t.extract} ms = ${(built / (t.extract / 1000)).toFixed(1)} articles/s (${(built / (t.extract / 1000) / naiveRate).toFixed(2)}x)`);
  console.log(`stages (ms): ${Object.entries(t).map(([stage, ms]) => `${stage} ${ms}`).join(', ')}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
