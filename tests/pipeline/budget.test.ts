// The per-article time budget: an article that runs past it is skipped with article-timeout, in the main thread and
// on the pool alike, and every other article is built; on the pool its worker is replaced and the pool keeps its size.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { BudgetExceeded, runWithinBudget } from '../../src/pipeline/budget.js';
import { buildGraph, extractArticleFacts } from '../../src/pipeline.js';
import { readArticles } from '../../src/stages/ingest/index.js';
import type { RawArticle } from '../../src/types.js';
import { createExtractor, TASKS_PER_WORKER } from '../../src/workers/pool.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUDGET_MS = 8000;

let tmp: string;
let input: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kg-budget-'));
  input = path.join(tmp, 'in');
  await mkdir(input);
  const seed = await readFile(path.join(ROOT, 'data/articles/004_526fbc0e294a48ad.txt'), 'utf8');
  await writeFile(path.join(input, 'a-good.txt'), seed);
  // About 8 MB of real text, every paragraph made unique so the cleaner does not drop repeats: far past an eight-second
  // budget (generous, so that the good articles keep within it on a loaded machine).
  const unique = (i: number): string => seed.split('\n\n').map((paragraph, j) => `${paragraph} Report ${i}-${j}.`).join('\n\n');
  await writeFile(path.join(input, 'b-huge.txt'), Array.from({ length: 1280 }, (_, i) => unique(i)).join('\n\n'));
  await writeFile(path.join(input, 'c-good.txt'), 'Indian Prime Minister Narendra Modi met US President Joe Biden in Washington on Thursday.');
  // The test process loads and compiles the stages once, so the main-thread build times articles, not start-up.
  extractArticleFacts({ meta: { id: 'w', title: null, url: null, published: null, source: null, language: null, file: 'w' }, text: seed, format: 'txt' }, loadKnowledgeBase());
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('runWithinBudget', () => {
  it('interrupts synchronous work past the budget, and passes results and errors through', () => {
    const started = performance.now();
    expect(() => runWithinBudget(() => {
      for (;;);
    }, 100)).toThrow(BudgetExceeded);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => runWithinBudget(() => /(a+)+$/.test(`${'a'.repeat(40)}b`), 100)).toThrow(BudgetExceeded);
    expect(runWithinBudget(() => 42, 5000)).toBe(42);
    expect(() => runWithinBudget(() => {
      throw new Error('own error');
    }, 5000)).toThrow("own error");
  });
});

describe.each([
  ['in the main thread', 1, 32],
  ['on a pool of two workers', 2, 0],
])('an article past its budget, %s', (_, workers, inlineArticles) => {
  it('is skipped with article-timeout, and the others are built', async () => {
    const out = path.join(tmp, `out-${workers}`);
    const started = performance.now();
    const { report } = await buildGraph({ inputs: [input], outDir: out, workers, inlineArticles, cacheDir: null, formats: [], articleTimeoutMs: BUDGET_MS });
    expect(report.skipped.map((s) => [s.code, s.article])).toEqual([['article-timeout', 'b-huge']]);
    expect(report.diagnostics.find((d) => d.code === 'article-timeout')).toMatchObject({ severity: 'error', article: 'b-huge' });
    expect(report.articles.built).toBe(2);
    expect(report.documentDates.map((d) => d.article)).toEqual(['a-good', 'c-good']);
    expect(performance.now() - started).toBeLessThan(40_000);
  }, 60_000);
});

it('on the pool, the worker of an article past its budget is replaced: the articles queued behind it are built and the pool keeps its size', async () => {
  const read: RawArticle[] = [];
  for await (const item of readArticles([input])) if (item.kind === 'article') read.push(item.article);
  const huge = read.find((raw) => raw.meta.id === 'b-huge')!;
  const good = read.filter((raw) => raw !== huge);
  // The huge article first, then more than a worker holds, so some wait inside its worker when it is stopped.
  const jobs = [huge, ...Array.from({ length: 2 * TASKS_PER_WORKER + 1 }, (_, i) => good[i % good.length])];
  const kb = loadKnowledgeBase();
  const extractor = createExtractor(2, kb, extractArticleFacts, 0, BUDGET_MS);
  try {
    const outcomes = await Promise.allSettled(jobs.map((raw) => extractor.extract(raw)));
    expect(outcomes[0]).toEqual({ status: 'rejected', reason: expect.any(BudgetExceeded) });
    outcomes.slice(1).forEach((outcome, i) => expect(outcome).toEqual({ status: 'fulfilled', value: extractArticleFacts(jobs[i + 1], kb) }));
    expect(extractor.threads()).toEqual({ running: 2, replaced: 1 });
    // The fresh worker takes articles too.
    expect(await extractor.extract(good[0])).toEqual(extractArticleFacts(good[0], kb));
  } finally {
    await extractor.close();
  }
}, 90_000);
