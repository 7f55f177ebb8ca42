// Builds in PostgreSQL (`--db URL`): inputs stored as articles, their facts extracted here (kg build --db) or by queue
// workers (kg build --db --queue, kg worker), and the graph assembled from the stored facts (kg assemble, and the end
// of kg build --db). The per-article stages are the same pure extractArticleFacts; only where facts wait changes.
import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { hashPipeline } from '../cache/index.js';
import { describeDbUrl, type Db } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { attemptsPerJob, drainDeadLetters, enqueue, ensureQueues, openQueue, unfinishedJobs, type QueueSettings } from '../db/queue.js';
import { countArticles, factsState, finishRun, lastRun, listDeadLetters, putArticles, putDeadLetters, putFacts, reportsSince, startRun, streamFacts, type DeadLetter, type RunKind } from '../db/store.js';
import { countStoredGraph, readLayout, storedFactsState } from '../db/graph-read.js';
import { writeGraph } from '../db/graph-write.js';
import { countGraph, type KgGraph } from '../graph/model.js';
import { applyLayout } from '../graph/layout.js';
import { extendLayout, relayoutReason, type RelayoutReason } from '../graph/layout-extend.js';
import { loadKnowledgeBase } from '../kb/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { createAssembler } from '../stages/assemble/index.js';
import { createDeduplicator, hashText, readArticles } from '../stages/ingest/index.js';
import type { ArticleFacts, Diagnostic, RawArticle } from '../types.js';
import { createExtractor, type Extractor } from '../workers/pool.js';
import { runWithinBudget } from './budget.js';
import { extractArticleFacts } from './extract.js';
import { PIPELINE_VERSION } from './options.js';
import { failedArticle, skippedFrom, type SkippedInput } from './skipped.js';

/** Articles stored (and extracted, or enqueued) per round trip. */
const STORE_BATCH = 500;

/** The key facts are stored under: the pipeline version with a hash of the KB (the user's --kb files too) and of the code, as the cache's salt. */
export async function pipelineKey(kb: KnowledgeBase): Promise<string> {
  const salt = await hashPipeline(PIPELINE_VERSION, undefined, kb.sources?.user);
  return `${PIPELINE_VERSION}-${createHash('sha256').update(salt).digest('hex').slice(0, 16)}`;
}

/** What a run in the database did: printed, stored in kg.runs, and written with --report FILE. */
export interface DbRunReport {
  kind: RunKind;
  pipelineVersion: string;
  /** The facts' key: pipeline version, KB and code (pipelineKey). */
  pipeline: string;
  database: string;
  inputs: string[];
  articles: {
    /** Read from the inputs. */
    read: number;
    /** Stored anew or with a changed text. */
    stored: number;
    /** Already stored with the same text and its facts. */
    unchanged: number;
    /** Jobs enqueued (kg build --queue). */
    queued: number;
    /** Extracted in this run (kg build --db). */
    extracted: number;
    /** Articles whose facts the graph holds (assembly). */
    inGraph: number;
    /** Stored articles without facts and not a dead letter: still queued or being extracted. */
    pending: number;
  };
  /** Inputs skipped and why: bad input, and articles whose extraction failed in this run (kg build --db) or in the runs enqueued since the last assembly. */
  skipped: SkippedInput[];
  /** Articles whose extraction failed or timed out on every attempt of the queue. */
  deadLetters: DeadLetter[];
  /** Diagnostics of the stored facts and of ingest, by code. */
  diagnostics: Record<string, number>;
  counts: { nodes: Record<string, number>; edges: Record<string, number> };
  /**
   * kept: nodes that kept the place and community they had in the graph stored before (0: laid out afresh, for the
   * reason `afresh` gives); base: how many nodes the full layout the drawing descends from placed.
   */
  layout: { iterations: number; converged: boolean; placedEvents: number; kept: number; base: number; afresh: RelayoutReason | null } | null;
  /** The stored graph was assembled from the same facts (factsState): assembly, layout and write were skipped. */
  upToDate: boolean;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  workers: number;
}

export interface DbBuildOptions {
  db: Db;
  url: string;
  inputs: string[];
  kbPaths: string[];
  workers: number;
  articleTimeoutMs: number;
  /** Enqueue the articles for `kg worker` instead of extracting them here, with these retries and expiry. */
  queue: QueueSettings | null;
  /** Lay the graph out afresh instead of keeping the places of the nodes stored before (see assembleInto). */
  relayout?: boolean;
  onArticle?: (done: number) => void;
  onStage?: (stage: string) => void;
}

function emptyReport(kind: RunKind, pipeline: string, url: string, inputs: string[], workers: number): DbRunReport {
  return {
    kind, pipelineVersion: PIPELINE_VERSION, pipeline, database: describeDbUrl(url), inputs,
    articles: { read: 0, stored: 0, unchanged: 0, queued: 0, extracted: 0, inGraph: 0, pending: 0 },
    skipped: [], deadLetters: [], diagnostics: {}, counts: { nodes: {}, edges: {} }, layout: null, upToDate: false, timings: {}, workers,
  };
}

/** `kg build --db` (extract here, then assemble) and `kg build --db --queue` (store and enqueue, then return). */
export async function buildInDb(options: DbBuildOptions): Promise<{ report: DbRunReport; graph: KgGraph | null }> {
  const { db } = options;
  let started = performance.now();
  await migrate(db);
  const kb = loadKnowledgeBase(undefined, options.kbPaths);
  const pipeline = await pipelineKey(kb);
  const kbMs = Math.round(performance.now() - started);
  const kind: RunKind = options.queue ? 'enqueue' : 'build';
  const run = await startRun(db, kind, pipeline);
  const report = emptyReport(kind, pipeline, options.url, options.inputs, options.queue ? 0 : options.workers);
  report.timings.kb = kbMs;
  started = performance.now();
  const boss = options.queue ? await openQueue(db) : null;
  let extractor: Extractor | null = null;
  try {
    if (boss) await ensureQueues(boss, options.queue!);
    let done = 0;
    await storeInputs(db, pipeline, options.inputs, options.articleTimeoutMs, report, async (needed, known) => {
      if (boss) {
        report.articles.queued += await enqueue(boss, pipeline, needed.map((raw) => ({ id: raw.meta.id, hash: hashText(raw.text), known: known.has(raw.meta.id) })));
      } else {
        extractor ??= budgetedExtractor(options.workers, kb, options.articleTimeoutMs);
        const { failed } = await extractAndStore(db, pipeline, extractor, needed);
        report.articles.extracted += needed.length - failed.length;
        for (const f of failed) report.skipped.push(skippedFrom(f));
      }
      options.onArticle?.((done += needed.length));
    });
    // Reading, storing and (without --queue) extracting, which overlap batch by batch.
    report.timings[options.queue ? 'store' : 'store+extract'] = Math.round(performance.now() - started);
    if (boss) {
      const { stored, withFacts } = await countArticles(db, pipeline);
      report.articles.pending = stored - withFacts;
      await finishRun(db, run, report);
      return { report, graph: null };
    }
    await (extractor as Extractor | null)?.close();
    extractor = null;
    const graph = await assembleInto(db, kb, pipeline, report, null, options.relayout ?? false, options.onStage);
    await finishRun(db, run, report);
    return { report, graph };
  } finally {
    await (extractor as Extractor | null)?.close();
    await boss?.stop({ close: false, graceful: false });
  }
}

/**
 * Reads the inputs into kg.articles, STORE_BATCH at a time; `needed` gets the articles whose facts of this pipeline
 * are missing (new, changed, or failed before), and the ids of those the store held with the same text before. Bad
 * input is reported as in a build on files, and skipped.
 */
async function storeInputs(db: Db, pipeline: string, inputs: string[], articleTimeoutMs: number, report: DbRunReport, needed: (articles: RawArticle[], known: Set<string>) => Promise<void>): Promise<void> {
  const dedupe = createDeduplicator();
  let batch: RawArticle[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const byId = new Map(batch.map((raw) => [raw.meta.id, raw]));
    const stored = await putArticles(db, batch.map((raw) => ({ raw, hash: hashText(raw.text) })), pipeline);
    batch = [];
    for (const s of stored) {
      if (s.known && !s.needsFacts) {
        report.articles.unchanged++;
        count(report, 'already-in-graph');
      } else if (!s.known) report.articles.stored++;
    }
    await needed(stored.filter((s) => s.needsFacts).map((s) => byId.get(s.id)!), new Set(stored.filter((s) => s.known).map((s) => s.id)));
  };
  for await (const item of readArticles(inputs, { articleTimeoutMs })) {
    if (item.kind === 'diagnostic') {
      count(report, item.diagnostic.code);
      if (item.skipped) report.skipped.push(skippedFrom(item.diagnostic));
      continue;
    }
    report.articles.read++;
    const duplicate = dedupe(item.article);
    if (duplicate) {
      count(report, duplicate.code);
      report.skipped.push(skippedFrom(duplicate));
      continue;
    }
    batch.push(item.article);
    if (batch.length >= STORE_BATCH) await flush();
  }
  await flush();
}

function count(report: DbRunReport, code: string): void {
  report.diagnostics[code] = (report.diagnostics[code] ?? 0) + 1;
}

/** The extractor of builds and workers in the database: `threads` threads (1: this one), each article within its budget. */
export function budgetedExtractor(threads: number, kb: KnowledgeBase, articleTimeoutMs: number): Extractor {
  const extractHere = (raw: RawArticle, base: KnowledgeBase): ArticleFacts => runWithinBudget(() => extractArticleFacts(raw, base), articleTimeoutMs);
  return createExtractor(threads, kb, extractHere, 0, articleTimeoutMs);
}

/** Extracts articles on the extractor and stores the facts of those that succeed; returns the others' diagnostics. */
export async function extractAndStore(db: Db, pipeline: string, extractor: Extractor, articles: RawArticle[]): Promise<{ stored: ArticleFacts[]; failed: Diagnostic[] }> {
  const outcomes = await Promise.all(articles.map((raw) => extractor.extract(raw).then((facts) => ({ facts }), (error: unknown) => ({ error: failedArticle(raw, error) }))));
  const stored = outcomes.flatMap((o) => ('facts' in o ? [o.facts] : []));
  await putFacts(db, pipeline, stored);
  return { stored, failed: outcomes.flatMap((o) => ('error' in o ? [o.error] : [])) };
}

/**
 * Assembles the graph from every stored article's facts (streamed in id order) into the graph tables, and fills the
 * report: dead letters (the queue's, drained into kg.dead_letters), articles still pending, counts and timings.
 * The nodes of the graph stored before keep their place and community, and only the new ones are placed
 * (extendLayout), unless `relayout` is set, too little of the graph was stored before or it has outgrown its last
 * full layout (relayoutReason): then the whole graph is laid out afresh, as a build on files lays it out.
 * When the stored graph was assembled from the same facts and no new layout is asked for, it is left as it is (null).
 */
async function assembleInto(db: Db, kb: KnowledgeBase, pipeline: string, report: DbRunReport, boss: PgBoss | null, relayout: boolean, onStage?: (stage: string) => void): Promise<KgGraph | null> {
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      report.timings[stage] = Math.round(performance.now() - t0);
    }
  };
  if (boss) {
    const attempts = await attemptsPerJob(boss);
    const letters = await drainDeadLetters(boss);
    for (const [p, group] of groupBy(letters, (l) => l.pipeline)) await putDeadLetters(db, p, group.map((l) => ({ ...l, attempts })));
  }
  // Taken before the facts are read: facts stored meanwhile make the next assembly run again, never skip what it lacks.
  const { state, articles } = await time('facts state', () => factsState(db, pipeline));
  if (!relayout && state === (await storedFactsState(db))) {
    report.upToDate = true;
    report.articles.inGraph = articles;
    report.counts = await countStoredGraph(db);
    await listLetters(db, pipeline, report);
    return null;
  }
  onStage?.('assemble');
  const graph = await time('assemble', async () => {
    const assembler = createAssembler(kb, PIPELINE_VERSION);
    for await (const facts of streamFacts(db, pipeline)) {
      assembler.add(facts);
      report.articles.inGraph++;
      for (const d of facts.diagnostics) count(report, d.code);
    }
    return assembler.finish();
  });
  onStage?.('layout');
  const drawn = relayout ? null : await time('read layout', () => readLayout(db));
  const afresh = relayoutReason(graph, drawn, relayout);
  const kept = afresh === null ? drawn : null;
  const base = kept ? kept.base : graph.order;
  report.layout = await time('layout', () => ({ ...(kept ? extendLayout(graph, kept.places) : { ...applyLayout(graph), kept: 0 }), base, afresh }));
  onStage?.('write graph');
  await time('write', () => writeGraph(db, graph, { layoutBase: base, factsState: state }));
  await listLetters(db, pipeline, report);
  report.counts = countGraph(graph);
  return graph;
}

/** The dead letters into the report, and the articles still waiting for facts. */
async function listLetters(db: Db, pipeline: string, report: DbRunReport): Promise<void> {
  report.deadLetters = await listDeadLetters(db, pipeline);
  const { stored, withFacts } = await countArticles(db, pipeline);
  report.articles.pending = stored - withFacts - report.deadLetters.length;
}

/** `kg assemble --db`: the graph from every stored article's facts; the report lists dead letters and what the enqueues since the last assembly skipped. */
export async function assembleInDb(options: { db: Db; url: string; kbPaths: string[]; relayout?: boolean; onStage?: (stage: string) => void }): Promise<{ report: DbRunReport; graph: KgGraph | null }> {
  const { db } = options;
  await migrate(db);
  const kb = loadKnowledgeBase(undefined, options.kbPaths);
  const pipeline = await pipelineKey(kb);
  const run = await startRun(db, 'assemble', pipeline);
  const report = emptyReport('assemble', pipeline, options.url, [], 0);
  const boss = await openQueue(db);
  try {
    await ensureQueues(boss);
    for (const enqueued of await reportsSince<DbRunReport>(db, 'enqueue', await lastRun(db, 'assemble', run))) {
      report.inputs.push(...enqueued.inputs);
      report.skipped.push(...enqueued.skipped);
      report.articles.read += enqueued.articles.read;
      report.articles.stored += enqueued.articles.stored;
      report.articles.unchanged += enqueued.articles.unchanged;
      report.articles.queued += enqueued.articles.queued;
    }
    const graph = await assembleInto(db, kb, pipeline, report, boss, options.relayout ?? false, options.onStage);
    report.articles.pending = Math.max(report.articles.pending, await unfinishedJobs(boss));
    await finishRun(db, run, report);
    return { report, graph };
  } finally {
    await boss.stop({ close: false, graceful: false });
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
