// End to end: kg build through the CLI on the seeds and on bad input; determinism, incremental builds, scores against the annotation.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { evaluateGraph, goldSchema } from '../../src/eval/index.js';
import { readGraphFile } from '../../src/graph/serialize.js';
import { validateGraph } from '../../src/graph/validate.js';
import type { BuildReport } from '../../src/pipeline.js';
import { kgCommand } from '../helpers/kg-bin.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function kg(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(...kgCommand(args), { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function texts(dir: string): Promise<Map<string, string>> {
  const graph = await readGraphFile(path.join(dir, 'graph.json'));
  const out = new Map<string, string>();
  for (const a of graph.getAttribute('articles')) out.set(a.id, await readFile(path.join(dir, a.textFile), 'utf8'));
  return out;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kg-build-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('kg build on the seed articles', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(tmp, 'seeds');
    const result = await kg(['build', 'data/articles', '--out', out]);
    expect(result.stderr).toContain('5 article(s) built');
    expect(result.code).toBe(0);
  });

  it('writes a valid graph whose every quote equals the article text at its offsets', async () => {
    const graph = await readGraphFile(path.join(out, 'graph.json'));
    expect(validateGraph(graph, await texts(out))).toEqual([]);
  });

  it('meets the dev-set targets (kg eval on data/gold/seeds.gold.json)', async () => {
    const graph = await readGraphFile(path.join(out, 'graph.json'));
    const gold = goldSchema.parse(JSON.parse(await readFile(path.join(ROOT, 'data/gold/seeds.gold.json'), 'utf8')));
    const r = evaluateGraph(graph, gold, await texts(out));
    expect(r.people.recall.value).toBe(1);
    expect(r.people.precision.value).toBeGreaterThanOrEqual(0.95);
    expect(r.countries.recall.value).toBe(1);
    expect(r.organizations.recall.value).toBeGreaterThanOrEqual(0.75);
    expect(r.events.recall.value).toBeGreaterThanOrEqual(0.9);
    expect(r.events.precision.value).toBeGreaterThanOrEqual(0.8);
    expect(r.events.dateAccuracy.value).toBeGreaterThanOrEqual(0.9);
    expect(r.events.mergeRate.value).toBe(1);
    expect(r.events.splitDuplicates).toBe(0);
    expect(r.edges.quotesExact.value).toBe(1);
    expect(r.leaks).toEqual([]);
  });

  it('prints the scores through kg eval (table and --json); a missing annotation is a usage error', async () => {
    const result = await kg(['eval', '--gold', 'data/gold/seeds.gold.json', path.join(out, 'graph.json'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).events.mergeRate.value).toBe(1);
    const table = await kg(['eval', '--gold', 'data/gold/seeds.gold.json', path.join(out, 'graph.json')]);
    expect(table.stdout).toMatch(/events recall \(required\)\s+100\.0%\s+\(16\/16\)/);
    const missing = await kg(['eval', '--gold', path.join(tmp, 'no-such-gold.json'), path.join(out, 'graph.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the annotation');
  });

  it('is deterministic: a rebuild gives graph.json byte for byte', async () => {
    const again = path.join(tmp, 'seeds-again');
    await kg(['build', 'data/articles', '--out', again, '--formats', 'none']);
    expect(await readFile(path.join(again, 'graph.json'), 'utf8')).toBe(await readFile(path.join(out, 'graph.json'), 'utf8'));
  });

  it('adds articles with --into and equals a build of everything at once', async () => {
    const first = path.join(tmp, 'part1');
    const second = path.join(tmp, 'part2');
    await mkdir(first);
    await mkdir(second);
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'data/articles/manifest.json'), 'utf8')) as { articles: { file: string }[] };
    for (const [i, entry] of manifest.articles.entries()) await cp(path.join(ROOT, 'data/articles', entry.file), path.join(i < 3 ? first : second, entry.file));
    for (const [dir, part] of [[first, manifest.articles.slice(0, 3)], [second, manifest.articles.slice(3)]] as const) {
      await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ articles: part }));
    }
    const inc = path.join(tmp, 'incremental');
    await kg(['build', first, '--out', inc, '--formats', 'none']);
    const added = await kg(['build', '--into', inc, second, first, '--formats', 'none']);
    expect(added.code).toBe(0);
    const report = JSON.parse(await readFile(path.join(inc, 'report.json'), 'utf8')) as BuildReport;
    expect(report.articles).toMatchObject({ built: 2, kept: 3 });
    expect(report.diagnostics.filter((d) => d.code === 'already-in-graph')).toHaveLength(3);
    const full = path.join(tmp, 'full');
    await kg(['build', first, second, '--out', full, '--formats', 'none']);
    expect(await readFile(path.join(inc, 'graph.json'), 'utf8')).toBe(await readFile(path.join(full, 'graph.json'), 'utf8'));
  });

  it('with --into, leaves out only the article of a damaged facts.jsonl line and names the line', async () => {
    const out = path.join(tmp, 'damaged');
    await kg(['build', 'data/articles', '--out', out, '--formats', 'none']);
    const factsFile = path.join(out, 'facts.jsonl');
    const lines = (await readFile(factsFile, 'utf8')).trimEnd().split('\n');
    const lost = (JSON.parse(lines[1]) as { meta: { id: string } }).meta.id;
    await writeFile(factsFile, [lines[0], lines[1].slice(0, 200), ...lines.slice(2), '{"meta": {"id": "x"}}'].join('\n'));
    const empty = path.join(tmp, 'nothing-new');
    await mkdir(empty);
    await kg(['build', '--into', out, empty, '--formats', 'none']);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(report.skipped).toEqual([
      expect.objectContaining({ code: 'bad-facts-line', file: factsFile, line: 2, message: expect.stringContaining('not JSON') }),
      expect.objectContaining({ code: 'bad-facts-line', file: factsFile, line: lines.length + 1, message: expect.stringContaining('missing meta.id, hash') }),
    ]);
    expect(report.articles.kept).toBe(lines.length - 1);
    const graph = await readGraphFile(path.join(out, 'graph.json'));
    const articles = graph.getAttribute('articles').map((a) => a.id);
    expect(articles).toHaveLength(lines.length - 1);
    expect(articles).not.toContain(lost);
  });
});

describe('kg build without the manifest', () => {
  it('dates no event from seed 004\'s page date, and still dates seed 002 from its dateline', async () => {
    const dir = path.join(tmp, 'no-manifest');
    await mkdir(dir);
    for (const f of ['002_120213c231b1ab6f.txt', '004_526fbc0e294a48ad.txt']) await cp(path.join(ROOT, 'data/articles', f), path.join(dir, f));
    const out = path.join(tmp, 'no-manifest-out');
    const result = await kg(['build', dir, '--out', out, '--formats', 'none']);
    expect(result.stderr).toContain('page date "Tuesday, Jun 24, 2025" dropped');
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
    expect(report.diagnostics.map((d) => d.code)).toContain('page-date-conflict');
    const graph = await readGraphFile(path.join(out, 'graph.json'));
    const events = graph.filterNodes((_, a) => a.kind === 'event').map((k) => graph.getNodeAttributes(k));
    const from004 = events.filter((e) => e.kind === 'event' && e.articles.includes('004_526fbc0e294a48ad'));
    expect(from004.length).toBeGreaterThan(0);
    for (const e of from004) if (e.kind === 'event') expect(e.datePrecision).toBe('unknown');
    const meeting = events.find((e) => e.kind === 'event' && e.eventType === 'meeting' && e.articles.includes('002_120213c231b1ab6f'));
    expect(meeting?.kind === 'event' && meeting.date).toBe('2022-02-01');
  });
});

describe('bad input never stops the build', () => {
  it('reports each bad file with its code and builds the rest; exits 1 only with --strict or when nothing is built', async () => {
    const dir = path.join(tmp, 'bad');
    await mkdir(dir);
    await cp(path.join(ROOT, 'data/articles/004_526fbc0e294a48ad.txt'), path.join(dir, 'good.txt'));
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    await writeFile(path.join(dir, 'feed.jsonl'), `${JSON.stringify({ id: 'r1', published: '2021-12-31', text: 'Russian President Vladimir Putin spoke by phone with US President Joe Biden on Thursday.' })}\n{not json\n${JSON.stringify({ id: 'r2', published: 'someday', text: 'It posted a third-quarter profit, up from a year earlier. Viktor Orbán met Vladimir Putin in Moscow on Tuesday.' })}\n`);
    const out = path.join(tmp, 'bad-out');
    const result = await kg(['build', dir, '--out', out, '--formats', 'none']);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as BuildReport;
    const codes = report.skipped.map((s) => `${s.code}:${path.basename(s.file ?? '')}${s.line ? `:${s.line}` : ''}`);
    expect(codes).toEqual(expect.arrayContaining(['empty-file:empty.txt', 'binary-file:binary.txt', 'bad-json-line:feed.jsonl:2']));
    expect(report.diagnostics.map((d) => d.code)).toContain('bad-date');
    expect(report.articles.built).toBe(3);
    const graph = await readGraphFile(path.join(out, 'graph.json'));
    const calls = graph.filterNodes((_, a) => a.kind === 'event' && a.articles.includes('r1'));
    expect(calls).toHaveLength(1);
    const call = graph.getNodeAttributes(calls[0]);
    expect(call.kind === 'event' && call.date).toBe('2021-12-30');

    const strict = await kg(['build', dir, '--out', path.join(tmp, 'strict-out'), '--formats', 'none', '--strict']);
    expect(strict.code).toBe(1);
    const nothing = await kg(['build', path.join(dir, 'empty.txt'), '--out', path.join(tmp, 'nothing-out'), '--formats', 'none']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('no article could be built');
  });

  it('a library failure on one sentence costs only that sentence', async () => {
    const dir = path.join(tmp, 'library');
    await mkdir(dir);
    await writeFile(path.join(dir, 'biz.md'), '---\nid: biz\npublished: 2025-10-17\n---\nThe ministry expects a deficit in its fiscal 2026 first quarter. Russian President Vladimir Putin held a telephone call with Donald Trump on Thursday.\n');
    const out = path.join(tmp, 'library-out');
    expect((await kg(['build', dir, '--out', out, '--formats', 'none'])).code).toBe(0);
    const graph = await readGraphFile(path.join(out, 'graph.json'));
    const call = graph.findNode((_, a) => a.kind === 'event' && a.eventType === 'call');
    const attrs = call ? graph.getNodeAttributes(call) : null;
    expect(attrs?.kind === 'event' && attrs.date).toBe('2025-10-16');
  });
});
