// Parallel and cached builds: a worker pool gives the single-thread bytes, a bad JSONL line costs only itself, the cache redoes only new articles.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildGraph, extractArticleFacts, type BuildReport } from '../../src/pipeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { readArticles } from '../../src/stages/ingest/index.js';
import { createExtractor } from '../../src/workers/pool.js';
import type { RawArticle } from '../../src/types.js';
import { kgCommand } from '../helpers/kg-bin.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function kg(args: string[]): Promise<{ stderr: string }> {
  return run(...kgCommand(args), { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

async function readReport(dir: string): Promise<BuildReport> {
  return JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as BuildReport;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kg-parallel-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it('a build on a pool of 2 workers writes the same files, byte for byte, as kg build --workers 1', async () => {
  const one = path.join(tmp, 'one');
  const two = path.join(tmp, 'two');
  await kg(['build', 'data/articles', '--out', one, '--workers', '1', '--no-cache', '--formats', 'graphml']);
  // inlineArticles 0: every article goes to the pool, which a five-article build would otherwise skip.
  const { report } = await buildGraph({ inputs: ['data/articles'], outDir: two, workers: 2, inlineArticles: 0, cacheDir: null, formats: ['graphml'] });
  expect(report.workers).toBe(2);
  expect(report.cache).toEqual({ hits: 0, misses: 5 });
  for (const file of ['graph.json', 'graph.graphml', 'facts.jsonl']) {
    expect(await readFile(path.join(two, file), 'utf8')).toBe(await readFile(path.join(one, file), 'utf8'));
  }
});

it('a streamed JSONL file with a malformed line in the middle builds every other record and names the line', async () => {
  const feed = path.join(tmp, 'feed.jsonl');
  const record = (id: string, text: string) => JSON.stringify({ id, published: '2021-12-31', text });
  await writeFile(feed, [
    record('r1', 'Russian President Vladimir Putin spoke by phone with US President Joe Biden on Thursday.'),
    record('r2', 'Hungarian Prime Minister Viktor Orbán met Vladimir Putin in Moscow on Tuesday.'),
    '{"id": "r3", "text": ',
    record('r4', 'NATO Secretary-General Jens Stoltenberg met Joe Biden at the White House on Monday.'),
    record('r5', 'Emmanuel Macron called Olaf Scholz on Wednesday.'),
  ].join('\n'));
  const out = path.join(tmp, 'feed-out');
  const { report } = await buildGraph({ inputs: [feed], outDir: out, formats: [], workers: 2, inlineArticles: 0, cacheDir: null });
  expect(report.articles).toMatchObject({ read: 4, built: 4 });
  expect(report.skipped).toEqual([expect.objectContaining({ code: 'bad-json-line', file: path.relative(process.cwd(), feed), line: 3 })]);
  expect(report.documentDates.map((d) => d.article)).toEqual(['r1', 'r2', 'r4', 'r5']);
});

it('a rebuild with one added article takes the others from the cache', async () => {
  const dir = path.join(tmp, 'growing');
  await mkdir(dir);
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'data/articles/manifest.json'), 'utf8')) as { articles: { file: string }[] };
  const copy = async (entries: { file: string }[]) => {
    for (const entry of entries) await cp(path.join(ROOT, 'data/articles', entry.file), path.join(dir, entry.file));
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ articles: entries }));
  };
  const out = path.join(tmp, 'growing-out');
  await copy(manifest.articles.slice(0, 4));
  await kg(['build', dir, '--out', out, '--workers', '1', '--formats', 'none']);
  expect((await readReport(out)).cache).toEqual({ hits: 0, misses: 4 });

  await copy(manifest.articles);
  await kg(['build', dir, '--out', out, '--workers', '1', '--formats', 'none']);
  const report = await readReport(out);
  expect(report.cache).toEqual({ hits: 4, misses: 1 });
  expect(report.articles.built).toBe(5);
  const fresh = path.join(tmp, 'growing-fresh');
  await kg(['build', dir, '--out', fresh, '--workers', '1', '--no-cache', '--formats', 'none']);
  expect(await readFile(path.join(out, 'graph.json'), 'utf8')).toBe(await readFile(path.join(fresh, 'graph.json'), 'utf8'));
});

it('extracts in the main thread while the pool starts, then hands articles to the workers, with the same facts', async () => {
  const articles: RawArticle[] = [];
  for await (const item of readArticles(['data/articles'])) if (item.kind === 'article') articles.push(item.article);
  const kb = loadKnowledgeBase();
  const here: string[] = [];
  const extractor = createExtractor(2, kb, (raw, base) => (here.push(raw.meta.id), extractArticleFacts(raw, base)), 1);
  try {
    // The first article is one of the `inline` ones; the second comes before any worker can have loaded.
    expect(await extractor.extract(articles[0])).toEqual(extractArticleFacts(articles[0], kb));
    expect(await extractor.extract(articles[1])).toEqual(extractArticleFacts(articles[1], kb));
    expect(here).toEqual([articles[0].meta.id, articles[1].meta.id]);
    // Once a worker reports ready, articles go to the pool and this thread extracts none.
    const deadline = Date.now() + 60_000;
    let pooled = false;
    for (let i = 2; !pooled && Date.now() < deadline; i++) {
      const raw = articles[i % articles.length];
      const before = here.length;
      expect(await extractor.extract(raw)).toEqual(extractArticleFacts(raw, kb));
      pooled = here.length === before;
      if (!pooled) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pooled).toBe(true);
  } finally {
    await extractor.close();
  }
}, 90_000);
