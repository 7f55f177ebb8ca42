// The pipeline: the one place that lists the stages in order, per article (pure) and for a whole build (files in, files out).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import { loadKnowledgeBase } from './kb/index.js';
import { createDeduplicator, hashText, readArticles } from './stages/ingest/index.js';
import { cleanArticle } from './stages/clean/index.js';
import { dateAndLinkArticle } from './stages/document-date.js';
import { resolveTimeExpressions } from './stages/dates/index.js';
import { extractEvents } from './stages/events/index.js';
import { articleTextFile, assembleGraph } from './stages/assemble/index.js';
import { applyLayout } from './graph/layout.js';
import { serializeGraph, writeFileAtomic } from './graph/serialize.js';
import { exportGraph, type ExportFormat } from './export/index.js';
import type { KgGraph } from './graph/model.js';
import type { ArticleFacts, Diagnostic, RawArticle } from './types.js';

/** Changes whenever extraction changes, so cached per-article facts of an older pipeline are redone. */
export const PIPELINE_VERSION = '1';

/** Runs every per-article stage: clean, date and link, resolve dates, find events. Pure: same article and KB, same facts. */
export function extractArticleFacts(raw: RawArticle, kb: KnowledgeBase): ArticleFacts {
  const { article: clean, diagnostics } = cleanArticle(raw);
  const dated = dateAndLinkArticle(clean, kb);
  const spans = clean.blocks.filter((b) => b.kind !== 'dateline');
  const times = resolveTimeExpressions(clean.original, { anchor: dated.documentDate.date }, spans);
  const events = extractEvents(dated.linked, times.expressions, kb);
  const all = [...diagnostics, ...dated.diagnostics, ...dated.linked.diagnostics, ...times.diagnostics].map((d) => ({ ...d, article: d.article ?? raw.meta.id, file: d.file ?? raw.meta.file }));
  return {
    meta: raw.meta,
    hash: hashText(raw.text),
    documentDate: dated.documentDate,
    entities: dated.linked.entities,
    events,
    offices: dated.linked.offices,
    diagnostics: all,
    stats: { blocks: clean.blocks.length, removed: clean.removed.length, mentions: dated.linked.mentions.length, timeExpressions: times.expressions.length },
  };
}

export interface BuildOptions {
  /** Files and folders to read (default: data/articles). */
  inputs: string[];
  /** Output folder (default: out). */
  outDir: string;
  /** Add the inputs to the graph already in outDir instead of starting anew. */
  into: boolean;
  /** Formats written beside graph.json. */
  formats: ExportFormat[];
  /** Called after each article, for progress display. */
  onArticle?: (done: number) => void;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { inputs: ['data/articles'], outDir: 'out', into: false, formats: ['graphml', 'gexf'] };

export function resolveBuildOptions(options: Partial<BuildOptions> = {}): BuildOptions {
  const resolved = { ...DEFAULT_BUILD_OPTIONS, ...options };
  if (resolved.inputs.length === 0) resolved.inputs = DEFAULT_BUILD_OPTIONS.inputs;
  return resolved;
}

export interface SkippedInput {
  file?: string;
  line?: number;
  article?: string;
  code: string;
  message: string;
}

export interface BuildReport {
  pipelineVersion: string;
  inputs: string[];
  articles: { read: number; built: number; skipped: number; kept: number };
  skipped: SkippedInput[];
  diagnostics: Diagnostic[];
  documentDates: { article: string; date: string | null; source: string; note?: string }[];
  counts: { nodes: Record<string, number>; edges: Record<string, number> };
  layout: { iterations: number; converged: boolean };
  timings: Record<string, number>;
  files: string[];
}

export interface BuildResult {
  graph: KgGraph;
  report: BuildReport;
}

const FACTS_FILE = 'facts.jsonl';

/** Builds the graph from the inputs into outDir: graph.json, report.json, articles/<id>.txt, facts.jsonl and the exports. */
export async function buildGraph(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const opts = resolveBuildOptions(options);
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + Math.round(performance.now() - t0);
    }
  };
  const kb = await time('kb', () => loadKnowledgeBase());
  const facts = new Map<string, ArticleFacts>();
  const dedupe = createDeduplicator();
  const diagnostics: Diagnostic[] = [];
  if (opts.into) for (const f of await readFacts(opts.outDir)) facts.set(f.meta.id, f);
  const skipped: SkippedInput[] = [];
  const texts = new Map<string, string>();
  let read = 0;
  const articlesDir = path.join(opts.outDir, 'articles');
  await mkdir(articlesDir, { recursive: true });
  const t0 = performance.now();
  for await (const item of readArticles(opts.inputs)) {
    if (item.kind === 'diagnostic') {
      diagnostics.push(item.diagnostic);
      if (item.diagnostic.severity !== 'info' && item.diagnostic.code !== 'bad-date') skipped.push(skippedFrom(item.diagnostic));
      continue;
    }
    read++;
    const duplicate = dedupe(item.article);
    if (duplicate) {
      diagnostics.push(duplicate);
      skipped.push(skippedFrom(duplicate));
      continue;
    }
    const before = facts.get(item.article.meta.id);
    if (before && before.hash === hashText(item.article.text)) {
      diagnostics.push({ stage: 'ingest', code: 'already-in-graph', severity: 'info', file: item.article.meta.file, article: before.meta.id, message: `${item.article.meta.file}: article "${before.meta.id}" is already in the graph with the same text; not added twice` });
      continue;
    }
    const f = extractArticleFacts(item.article, kb);
    facts.set(f.meta.id, f);
    texts.set(f.meta.id, item.article.text);
    diagnostics.push(...f.diagnostics);
    opts.onArticle?.(read);
  }
  timings.extract = Math.round(performance.now() - t0);

  const all = [...facts.values()];
  const graph = await time('assemble', () => assembleGraph(all, kb, PIPELINE_VERSION));
  const layout = await time('layout', () => applyLayout(graph));
  const files: string[] = [];
  await time('write', async () => {
    for (const [id, text] of texts) await writeFile(path.join(opts.outDir, articleTextFile(id)), text);
    await writeFileAtomic(path.join(opts.outDir, FACTS_FILE), all.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)).map((f) => `${JSON.stringify(f)}\n`));
    await writeFileAtomic(path.join(opts.outDir, 'graph.json'), serializeGraph(graph));
    files.push('graph.json');
    for (const format of opts.formats) files.push(...(await exportGraph(graph, format, path.join(opts.outDir, `graph.${format}`))));
  });

  const report: BuildReport = {
    pipelineVersion: PIPELINE_VERSION,
    inputs: opts.inputs,
    articles: { read, built: texts.size, skipped: skipped.filter((s) => s.article || s.file).length, kept: facts.size - texts.size },
    skipped,
    diagnostics,
    documentDates: all.map((f) => ({ article: f.meta.id, date: f.documentDate.date, source: f.documentDate.source, ...(f.documentDate.note ? { note: f.documentDate.note } : {}) })),
    counts: countGraph(graph),
    layout: { iterations: layout.iterations, converged: layout.converged },
    timings,
    files,
  };
  await writeFileAtomic(path.join(opts.outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { graph, report };
}

function skippedFrom(d: Diagnostic): SkippedInput {
  return { ...(d.file ? { file: d.file } : {}), ...(d.line ? { line: d.line } : {}), ...(d.article ? { article: d.article } : {}), code: d.code, message: d.message };
}

async function readFacts(outDir: string): Promise<ArticleFacts[]> {
  const text = await readFile(path.join(outDir, FACTS_FILE), 'utf8').catch(() => '');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ArticleFacts);
}

function countGraph(graph: KgGraph): BuildReport['counts'] {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  graph.forEachNode((_, a) => (nodes[a.kind] = (nodes[a.kind] ?? 0) + 1));
  graph.forEachEdge((_, a) => (edges[a.relation] = (edges[a.relation] ?? 0) + 1));
  return { nodes, edges };
}
