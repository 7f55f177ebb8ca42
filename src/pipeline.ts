// The pipeline: the one place that lists the stages in order, per article (pure, in pipeline/extract.ts) and for a whole build (files in, files out).
import { copyFileSync, createReadStream, existsSync, linkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import type { UserFileReport } from './kb/user-kb.js';
import { loadKnowledgeBase } from './kb/index.js';
import { createDeduplicator, hashText, readArticles } from './stages/ingest/index.js';
import { extractArticleFacts } from './pipeline/extract.js';
import { articleTextFile, createAssembler } from './stages/assemble/index.js';
import { openFactsStore } from './pipeline/facts-store.js';
import { openGeneration } from './pipeline/output.js';
import { applyLayout } from './graph/layout.js';
import { serializeGraphChunks, writeFileAtomic } from './graph/serialize.js';
import { writeViewerFile } from './export/viewer-file.js';
import { exportGraph } from './export/index.js';
import { countGraph, type KgGraph } from './graph/model.js';
import { hashPipeline, openArticleCache } from './cache/index.js';
import { CACHE_FOLDER, DEFAULT_BUILD_OPTIONS, type BuildOptions } from './pipeline/options.js';
import { createExtractor, TASKS_PER_WORKER, type Extractor } from './workers/pool.js';
import { KgError } from './errors.js';
import { runWithinBudget } from './pipeline/budget.js';
import { failedArticle, skippedFrom, type SkippedInput } from './pipeline/skipped.js';
import type { ArticleFacts, Diagnostic, RawArticle } from './types.js';

// The per-article stages live in their own module so worker threads load only them, not ingest, assemble or the exporters.
export { extractArticleFacts } from './pipeline/extract.js';

import { PIPELINE_VERSION } from './pipeline/options.js';
export { PIPELINE_VERSION } from './pipeline/options.js';

export { DEFAULT_BUILD_OPTIONS, type BuildOptions } from './pipeline/options.js';

/** Defaults for what is not given; the cache follows the output folder unless named. */
export function resolveBuildOptions(options: Partial<BuildOptions> = {}): BuildOptions {
  const resolved = { ...DEFAULT_BUILD_OPTIONS, ...options };
  if (resolved.inputs.length === 0) resolved.inputs = DEFAULT_BUILD_OPTIONS.inputs;
  if (options.cacheDir === undefined) resolved.cacheDir = path.join(resolved.outDir, CACHE_FOLDER);
  if (!Number.isInteger(resolved.workers) || resolved.workers < 1) throw new KgError('bad-workers', `build: workers must be a whole number of 1 or more, got ${resolved.workers}`);
  return resolved;
}

export type { SkippedInput } from './pipeline/skipped.js';

export interface BuildReport {
  pipelineVersion: string;
  inputs: string[];
  articles: { read: number; built: number; skipped: number; kept: number };
  skipped: SkippedInput[];
  diagnostics: Diagnostic[];
  documentDates: { article: string; date: string | null; source: string; note?: string }[];
  counts: { nodes: Record<string, number>; edges: Record<string, number> };
  /** FA2 iterations and whether they converged; placedEvents: events placed among their neighbours instead of by FA2 (large graphs). */
  layout: { iterations: number; converged: boolean; placedEvents: number };
  /** Milliseconds per stage: kb, ingest (reading and parsing inputs), extract (per-article stages, cache included), assemble, layout, write. */
  timings: Record<string, number>;
  /** Threads that extracted articles. */
  workers: number;
  /** Articles whose facts came from the cache (hits) or were extracted (misses). */
  cache: { hits: number; misses: number };
  files: string[];
  /** What each of the user's --kb files added to the built-in KB and changed in it. */
  kb: UserFileReport[];
}

export interface BuildResult {
  graph: KgGraph;
  report: BuildReport;
  /** False when nothing was built: the output folder was left as it was. */
  written: boolean;
}

const FACTS_FILE = 'facts.jsonl';

/** Articles in flight per worker: enough to keep each worker's queue full while results are settled in input order, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 2 * TASKS_PER_WORKER;

/** What happened to one input item, settled in input order so diagnostics and progress do not depend on thread timing. */
type Pending =
  | { kind: 'note'; diagnostic: Diagnostic; skip: boolean; article: boolean }
  | { kind: 'article'; article: RawArticle; result: Promise<{ facts: ArticleFacts; hit: boolean } | { error: unknown }> };

/** Builds the graph from the inputs into outDir: graph.json, report.json, articles/<id>.txt, facts.jsonl and the exports. */
export async function buildGraph(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const opts = resolveBuildOptions(options);
  const timings: Record<string, number> = { kb: 0, ingest: 0, extract: 0, assemble: 0, layout: 0, write: 0 };
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] += performance.now() - t0;
    }
  };
  const kb = await time('kb', () => loadKnowledgeBase(undefined, opts.kbPaths));
  const cache = opts.cacheDir === null ? null : openArticleCache(opts.cacheDir, await time('kb', () => hashPipeline(PIPELINE_VERSION, undefined, kb.sources?.user)));
  // Everything is written into a new generation, which becomes the output only once whole (pipeline/output.ts).
  const generation = await openGeneration(opts.outDir);
  const genDir = generation.dir;
  await mkdir(path.join(genDir, 'articles'));
  // Every article's facts wait on disk until assembly.
  const store = openFactsStore(genDir);
  let committed = false;
  try {
    const dedupe = createDeduplicator();
    const diagnostics: Diagnostic[] = [];
    const skipped: SkippedInput[] = [];
    if (opts.into) {
      await readFacts(opts.outDir, (f) => store.put(f), (diagnostic) => {
        diagnostics.push(diagnostic);
        skipped.push(skippedFrom(diagnostic));
      });
    }
    const counts = { read: 0, built: 0, settled: 0, hits: 0, misses: 0 };
    const builtIds = new Set<string>();

    // With one worker, extraction runs in this thread while the loop awaits the next article: that time is counted apart,
    // so ingest times only reading and parsing.
    let extractingHere = 0;
    const extractHere = (raw: RawArticle, base: KnowledgeBase): ArticleFacts => {
      const t0 = performance.now();
      try {
        return runWithinBudget(() => extractArticleFacts(raw, base), opts.articleTimeoutMs);
      } finally {
        extractingHere += performance.now() - t0;
      }
    };
    const readNext = async <T>(fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const e0 = extractingHere;
      try {
        return await fn();
      } finally {
        timings.ingest += performance.now() - t0 - (extractingHere - e0);
      }
    };
    // The pool starts on the first article the cache lacks: a rebuild served from the cache starts no thread.
    let extractor: Extractor | null = null;
    const extractFacts = async (raw: RawArticle): Promise<{ facts: ArticleFacts; hit: boolean }> => {
      const cached = await cache?.get(raw);
      if (cached) return { facts: cached, hit: true };
      extractor ??= createExtractor(opts.workers, kb, extractHere, opts.inlineArticles, opts.articleTimeoutMs);
      const extracted = await extractor.extract(raw);
      await cache?.set(raw, extracted);
      return { facts: extracted, hit: false };
    };
    const pending: Pending[] = [];
    let inFlight = 0;
    const settle = async (item: Pending): Promise<void> => {
      if (item.kind === 'note') {
        diagnostics.push(item.diagnostic);
        if (item.skip) skipped.push(skippedFrom(item.diagnostic));
      } else {
        inFlight--;
        const outcome = await item.result;
        if ('error' in outcome) {
          // One article that hangs or trips a bug costs that article only.
          const diagnostic = failedArticle(item.article, outcome.error);
          diagnostics.push(diagnostic);
          skipped.push(skippedFrom(diagnostic));
          opts.onArticle?.(++counts.settled);
          return;
        }
        const f = outcome.facts;
        counts[outcome.hit ? 'hits' : 'misses']++;
        counts.built++;
        store.put(f);
        diagnostics.push(...f.diagnostics);
        // Synchronous: a few KB take about 40 µs, where an awaited write waits about 1 ms for libuv's thread pool and holds up settling.
        const t0 = performance.now();
        writeFileSync(path.join(genDir, articleTextFile(f.meta.id)), item.article.text);
        builtIds.add(f.meta.id);
        timings.write += performance.now() - t0;
      }
      if (item.kind === 'article' || item.article) opts.onArticle?.(++counts.settled);
    };

    function admitArticle(article: RawArticle): Pending {
      const duplicate = dedupe(article);
      if (duplicate) return { kind: 'note', diagnostic: duplicate, skip: true, article: true };
      if (store.hashOf(article.meta.id) === hashText(article.text)) {
        return { kind: 'note', article: true, skip: false, diagnostic: { stage: 'ingest', code: 'already-in-graph', severity: 'info', file: article.meta.file, article: article.meta.id, message: `${article.meta.file}: article "${article.meta.id}" is already in the graph with the same text; not added twice` } };
      }
      inFlight++;
      // Failures are settled in order, not left as unhandled rejections while earlier articles finish.
      return { kind: 'article', article, result: extractFacts(article).catch((error: unknown) => ({ error })) };
    }

    const streamStarted = performance.now();
    const reader = readArticles(opts.inputs, { articleTimeoutMs: opts.articleTimeoutMs });
    try {
      for (;;) {
        const next = await readNext(() => reader.next());
        if (next.done) break;
        const item = next.value;
        if (item.kind === 'diagnostic') {
          pending.push({ kind: 'note', diagnostic: item.diagnostic, skip: item.skipped, article: false });
        } else {
          counts.read++;
          pending.push(admitArticle(item.article));
        }
        // Backpressure: the reader waits while the workers hold a bounded number of articles.
        while (pending.length > 0 && (pending[0].kind === 'note' || inFlight >= opts.workers * IN_FLIGHT_PER_WORKER)) await settle(pending.shift()!);
      }
      for (const item of pending.splice(0)) await settle(item);
    } finally {
      await (extractor as Extractor | null)?.close();
    }
    timings.extract = performance.now() - streamStarted - timings.ingest - timings.write;

    const kept = store.size - counts.built;
    const makeReport = (layout: { iterations: number; converged: boolean; placedEvents: number }, files: string[], graph?: KgGraph): BuildReport => ({
      pipelineVersion: PIPELINE_VERSION,
      inputs: opts.inputs,
      articles: { read: counts.read, built: counts.built, skipped: skipped.filter((s) => s.article || s.file).length, kept },
      skipped,
      diagnostics,
      documentDates: store.index().map(({ id, documentDate: d }) => ({ article: id, date: d.date, source: d.source, ...(d.note ? { note: d.note } : {}) })),
      counts: graph ? countGraph(graph) : { nodes: {}, edges: {} },
      layout: { iterations: layout.iterations, converged: layout.converged, placedEvents: layout.placedEvents },
      timings: Object.fromEntries(Object.entries(timings).map(([stage, ms]) => [stage, Math.round(ms)])),
      workers: opts.workers,
      cache: { hits: counts.hits, misses: counts.misses },
      files,
      kb: kb.userFiles,
    });
    if (counts.built + kept === 0) {
      // A build that builds nothing (a typo in a path) leaves the previous output as it was.
      return { graph: createAssembler(kb, PIPELINE_VERSION).finish(), report: makeReport({ iterations: 0, converged: true, placedEvents: 0 }, []), written: false };
    }
    // The texts of articles kept from the earlier graph, linked (not copied) into the new generation.
    await time('write', () => {
      for (const { id } of store.index()) if (!builtIds.has(id)) keepText(opts.outDir, genDir, id);
    });
    // facts.jsonl first, copied line by line; then the assembler takes the facts back one article at a time.
    opts.onStage?.('facts');
    await time('write', () => writeFileAtomic(path.join(genDir, FACTS_FILE), withNewlines(store.lines())));
    opts.onStage?.('assemble');
    const graph = await time('assemble', () => {
      const assembler = createAssembler(kb, PIPELINE_VERSION);
      for (const f of store.facts()) assembler.add(f);
      return assembler.finish();
    });
    opts.onStage?.('layout');
    const layout = await time('layout', () => applyLayout(graph));
    const files: string[] = [];
    await time('write', async () => {
      // A record at a time: at 20,000 articles graph.json is over 100 MB as one string.
      opts.onStage?.('write graph.json');
      await writeFileAtomic(path.join(genDir, 'graph.json'), serializeGraphChunks(graph));
      files.push('graph.json');
      // The viewer's drawing columns, left out of the report's files: the viewer's, not an output of the build.
      await writeViewerFile(graph, path.join(genDir, 'graph.json'));
      for (const format of opts.formats) {
        opts.onStage?.(`write ${format}`);
        files.push(...(await exportGraph(graph, format, path.join(genDir, `graph.${format}`))));
      }
    });

    const report = makeReport(layout, files, graph);
    opts.onStage?.('report');
    await writeFileAtomic(path.join(genDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    opts.onStage?.('switch');
    generation.commit();
    committed = true;
    return { graph, report, written: true };
  } finally {
    store.close();
    if (!committed) generation.discard();
  }
}


// Links an article's text from the current output into the new generation; outputs from before hashed names used the encoded id.
function keepText(outDir: string, genDir: string, id: string): void {
  const to = path.join(genDir, articleTextFile(id));
  for (const from of [path.join(outDir, articleTextFile(id)), path.join(outDir, 'articles', `${encodeURIComponent(id)}.txt`)]) {
    if (!existsSync(from)) continue;
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    return;
  }
}

/** Each line with its newline, as the writer asks for them. */
function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}

/** The facts of an earlier build, a line at a time; none when it has no facts.jsonl. A damaged line costs its article only. */
async function readFacts(outDir: string, take: (facts: ArticleFacts) => void, reject: (diagnostic: Diagnostic) => void): Promise<void> {
  const file = path.join(outDir, FACTS_FILE);
  if (!existsSync(file)) return;
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let facts: unknown;
    try {
      facts = JSON.parse(text);
    } catch (error) {
      facts = (error as Error).message;
    }
    if (isArticleFacts(facts)) {
      take(facts);
      continue;
    }
    const why = typeof facts === 'string' ? `not JSON: ${facts}` : 'missing meta.id, hash, documentDate, entities, events or offices';
    reject({ stage: 'ingest', code: 'bad-facts-line', severity: 'error', file, line, message: `${file}:${line}: not the facts of an article (${why}); that article is left out of the graph: build it again from its source with --into, or rebuild everything without --into` });
  }
}

function isArticleFacts(value: unknown): value is ArticleFacts {
  const facts = value as Partial<ArticleFacts> | null;
  if (typeof facts !== 'object' || facts === null) return false;
  return typeof facts.meta?.id === 'string' && typeof facts.hash === 'string' && typeof facts.documentDate === 'object' && [facts.entities, facts.events, facts.offices].every(Array.isArray);
}
