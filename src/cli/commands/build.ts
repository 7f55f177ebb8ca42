// `kg build [inputs...]` and `kg start`: build the graph from articles into an output folder, with a summary on stderr.
import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { KgError } from '../../errors.js';
import { createProgress } from '../build-progress.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../export/index.js';
import type { BuildReport, BuildResult } from '../../pipeline.js';
import type { DbRunReport } from '../../pipeline/db-build.js';
import { DEFAULT_BUILD_OPTIONS } from '../../pipeline/options.js';
import { DEFAULT_QUEUE_SETTINGS, defaultJobExpiry } from '../../db/queue-settings.js';
import { DEFAULT_VIEW_PORT, serveViewer } from '../../serve/index.js';
import { UsageError } from '../../errors.js';
import { detectFormat, listFiles } from '../../stages/ingest/files.js';

interface BuildFlags {
  out: string;
  into?: string;
  formats: string;
  strict?: boolean;
  workers?: number;
  articleTimeout?: number;
  /** A folder from --cache DIR, false from --no-cache, undefined for the default. */
  cache?: string | false;
  /** The user's KB files or folders, merged over the built-in KB. */
  kb?: string[];
  /** PostgreSQL URL: articles, facts and the graph in the database instead of the output folder. */
  db?: string;
  /** With --db: store and enqueue the articles for kg worker, and return. */
  queue?: boolean;
  retries?: number;
  jobExpiry?: number;
  report?: string;
  /** With --db: lay the graph out afresh instead of keeping the places of the nodes stored before. */
  relayout?: boolean;
}

const HELP_AFTER = `
Inputs are files or folders (read recursively): .txt and .md (optional front matter), .html, .json (a record
or an array) and .jsonl (one record a line); a manifest.json in a folder gives the metadata of its files.

Writes into the output folder: graph.json, graph.graphml, graph.gexf, report.json, articles/<id>.txt and facts.jsonl.

Examples:
  kg build                                  # data/articles -> out/
  kg build news/ more.jsonl --out build/
  kg build --into out/ new-articles/        # add articles to an existing graph
  kg build feed.jsonl --workers 4 --cache ~/.kg-cache
  kg build news/ --db postgres://kg@127.0.0.1/kg            # facts and graph in PostgreSQL
  kg build news/ --db postgres://kg@127.0.0.1/kg --queue    # enqueue for kg worker; then kg assemble
`;

/** Adds `kg build` and `kg start` to the program. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('Build the knowledge graph from articles (default: data/articles) into an output folder (default: out/).')
    .argument('[inputs...]', 'files or folders to read', [])
    .option('-o, --out <dir>', 'output folder', DEFAULT_BUILD_OPTIONS.outDir)
    .option('--into <dir>', 'add the inputs to the graph already built in <dir> (the result equals a build of everything at once)')
    .option('--formats <list>', `exports written beside graph.json (comma-separated: ${EXPORT_FORMATS.join(', ')}; "none" for none)`, DEFAULT_BUILD_OPTIONS.formats.join(','))
    .option('--strict', 'exit with code 1 when any input was skipped')
    .option('--workers <n>', 'threads extracting articles (1: no pool, in the main thread; default: from the input size, one per core for large inputs)', parseWorkers)
    .option('--article-timeout <seconds>', 'time one article may take to parse or extract before it is skipped', parseSeconds, DEFAULT_BUILD_OPTIONS.articleTimeoutMs / 1000)
    .option('--cache <dir>', 'per-article cache folder, reused across builds (default: <out>/.cache)')
    .option('--no-cache', 'extract every article anew, reading and writing no cache')
    .option('--kb <path>', 'a KB file or folder of people, organisations and places merged over the built-in KB (repeatable; see kg kb check)', collectPaths, [])
    .option('--db <url>', 'keep articles, facts and the graph in this PostgreSQL database (postgres://...) instead of the output folder; facts already stored are reused')
    .option('--queue', 'with --db: store the articles, enqueue one extraction job each for kg worker, and return')
    .option('--retries <n>', 'with --queue: attempts after the first before a job is a dead letter', parseCount, DEFAULT_QUEUE_SETTINGS.retries)
    .option('--job-expiry <seconds>', `with --queue: how long a worker may hold a job before it is retried elsewhere (its worker died or hung); default: a worker's default batch with every article at --article-timeout (${DEFAULT_QUEUE_SETTINGS.expirySeconds} s at 30 s)`, parseSeconds)
    .option('--report <file>', 'with --db: also write the run\'s report to this JSON file')
    .option('--relayout', 'with --db: lay the whole graph out afresh; by default the nodes stored before keep their places and only new ones are placed')
    .addHelpText('after', HELP_AFTER)
    .action(async (inputs: string[], flags: BuildFlags) => {
      if (flags.queue && !flags.db) throw new UsageError('queue-without-db', 'build: --queue needs --db URL: the queue lives in PostgreSQL');
      if (flags.relayout && (!flags.db || flags.queue)) throw new UsageError('relayout-without-db', 'build: --relayout is for a build that assembles in the database (--db without --queue); a build on files always lays its graph out afresh');
      if (flags.db && flags.into) throw new UsageError('into-with-db', 'build: --into is for output folders; with --db every build adds to the articles already stored (facts of unchanged articles are reused)');
      if (flags.db) {
        const skipped = await runDbBuild(inputs, flags);
        if (flags.strict && skipped > 0) throw new KgError('inputs-skipped', `build: --strict: ${skipped} input(s) skipped; see the report`);
        return;
      }
      const result = await runBuild(inputs, flags);
      if (flags.strict && result.report.skipped.length > 0) {
        throw new KgError('inputs-skipped', `build: --strict: ${result.report.skipped.length} input(s) skipped; see ${path.join(flags.into ?? flags.out, 'report.json')}`);
      }
    });

  program
    .command('start')
    .description('Build data/articles into out/ and open the viewer on it (what `npm start` runs).')
    .option('-p, --port <n>', 'port for the viewer', (v) => Number(v), DEFAULT_VIEW_PORT)
    .option('--kb <path>', 'a KB file or folder merged over the built-in KB (repeatable)', collectPaths, [])
    .action(async (flags: { port: number; kb: string[] }) => {
      await runBuild([], { out: DEFAULT_BUILD_OPTIONS.outDir, formats: DEFAULT_BUILD_OPTIONS.formats.join(','), kb: flags.kb });
      const server = await serveViewer({ graphPath: path.join(DEFAULT_BUILD_OPTIONS.outDir, 'graph.json'), port: flags.port });
      process.stdout.write(`kg: viewer at ${server.url}\nPress Ctrl+C to stop.\n`);
      const stop = () => void server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/** `kg build --db URL [--queue]`; returns how many inputs were skipped. */
async function runDbBuild(inputs: string[], flags: BuildFlags): Promise<number> {
  const [{ openDb }, { buildInDb }, { summarizeDbRun, writeReport }] = await Promise.all([import('../../db/connect.js'), import('../../pipeline/db-build.js'), import('./db-report.js')]);
  const sources = inputs.length > 0 ? inputs : DEFAULT_BUILD_OPTIONS.inputs;
  const estimate = await estimateArticles(sources);
  const workers = flags.workers ?? chooseWorkers(estimate);
  const db = await openDb(flags.db!, { max: workers + 2 });
  const progress = createProgress(estimate);
  const articleTimeout = flags.articleTimeout ?? DEFAULT_BUILD_OPTIONS.articleTimeoutMs / 1000;
  let report: DbRunReport;
  try {
    ({ report } = await buildInDb({
      db, url: flags.db!, inputs: sources, kbPaths: flags.kb ?? [], workers,
      articleTimeoutMs: articleTimeout * 1000,
      queue: flags.queue ? { retries: flags.retries ?? DEFAULT_QUEUE_SETTINGS.retries, expirySeconds: flags.jobExpiry ?? defaultJobExpiry(articleTimeout) } : null,
      relayout: flags.relayout ?? false, onArticle: progress.update, onStage: progress.stage,
    }));
  } finally {
    progress.stop();
    await db.end();
  }
  if (report.articles.read === 0 && report.skipped.length > 0) {
    process.stderr.write(report.skipped.slice(0, 10).map((s) => `build: skipped: ${s.message}\n`).join(''));
    throw new KgError('nothing-built', `build: no article could be read from ${sources.join(', ')}`);
  }
  process.stderr.write(summarizeDbRun(report));
  await writeReport(flags.report, report);
  return report.skipped.length;
}

async function runBuild(inputs: string[], flags: BuildFlags): Promise<BuildResult> {
  const formats = parseFormats(flags.formats);
  const outDir = flags.into ?? flags.out;
  const estimate = await estimateArticles(inputs.length > 0 ? inputs : DEFAULT_BUILD_OPTIONS.inputs);
  const progress = createProgress(estimate);
  let result: BuildResult;
  // The stages (compromise, linkedom...) load only when a build runs, not for --help or other commands.
  const { buildGraph } = await import('../../pipeline.js');
  try {
    result = await buildGraph({
      inputs,
      outDir,
      into: flags.into !== undefined,
      formats,
      workers: flags.workers ?? chooseWorkers(estimate),
      articleTimeoutMs: (flags.articleTimeout ?? DEFAULT_BUILD_OPTIONS.articleTimeoutMs / 1000) * 1000,
      cacheDir: flags.cache === false ? null : flags.cache,
      kbPaths: flags.kb ?? [],
      onArticle: progress.update,
      onStage: progress.stage,
    });
  } finally {
    progress.stop();
  }
  if (!result.written) {
    process.stderr.write(result.report.skipped.slice(0, 10).map((s) => `build: skipped: ${s.message}\n`).join(''));
    throw new KgError('nothing-built', `build: no article could be built from ${result.report.inputs.join(', ')}; the output in ${outDir} is left as it was`);
  }
  process.stderr.write(summarize(result.report, outDir));
  return result;
}

/** How many articles the inputs likely hold, without parsing them: a file each, a JSONL file a line each (streamed, not held). */
async function estimateArticles(inputs: string[]): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info || !(info.isDirectory() || info.isFile())) continue;
    const files = info.isDirectory() ? (await listFiles(path.resolve(input))).filter((entry) => !entry.problem).map((entry) => entry.path) : [input];
    for (const file of files) {
      const format = detectFormat(file);
      // An unreadable file counts as none here; ingest reports it.
      if (format === 'jsonl') total += await countLines(file).catch(() => 0);
      else if (format !== null && path.basename(file) !== 'manifest.json') total += 1;
    }
  }
  return total;
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return last === 0x0a ? lines : lines + 1;
}

/**
 * Threads for a build whose --workers is not given. Each worker costs about 0.8 s to start and its own JIT warm-up, so on
 * 2 cores two workers were slower than one below about 5,000 articles (946 real stories: 6% slower, 40% more CPU).
 */
export function chooseWorkers(articles: number, cores = availableParallelism()): number {
  return articles < WORKERS_PAY_OFF_AT ? 1 : cores;
}

const WORKERS_PAY_OFF_AT = 5000;

/** Collects a repeatable option's values. */
export function collectPaths(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError('bad-timeout', `build: --article-timeout takes a number of seconds above 0, got "${value}"`);
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('bad-retries', `build: --retries takes a whole number of 0 or more, got "${value}"`);
  return n;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('bad-workers', `build: --workers takes a whole number of 1 or more, got "${value}"`);
  return n;
}

function parseFormats(list: string): ExportFormat[] {
  if (list.trim() === 'none' || list.trim() === '') return [];
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== 'json');
  for (const f of formats) if (!isExportFormat(f)) throw new UsageError('bad-format', `build: unknown format "${f}" in --formats; use ${EXPORT_FORMATS.join(', ')}`);
  return formats as ExportFormat[];
}

/** The short human summary: what was built, what was skipped and why, where to look. */
function summarize(report: BuildReport, outDir: string): string {
  const nodes = Object.entries(report.counts.nodes).map(([k, n]) => `${n} ${k}`).join(', ');
  const lines = [`build: ${report.articles.built} article(s) built${report.articles.kept ? `, ${report.articles.kept} kept from the existing graph` : ''}, ${report.skipped.length} skipped -> ${outDir}/graph.json`, `build: nodes: ${nodes || 'none'}`];
  for (const f of report.kb) lines.push(`build: kb ${f.file}: ${f.added.length} added, ${f.changed.length} changed (${[...f.added, ...f.changed.map((c) => c.key)].slice(0, 5).join(', ')}${f.added.length + f.changed.length > 5 ? ', ...' : ''}); details in report.json`);
  for (const s of report.skipped.slice(0, 10)) lines.push(`build: skipped: ${s.message}`);
  if (report.skipped.length > 10) lines.push(`build: ... and ${report.skipped.length - 10} more in report.json`);
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning' && d.stage !== 'ingest');
  for (const w of warnings.slice(0, 5)) lines.push(`build: warning: ${w.message}`);
  lines.push(`build: ${report.workers} worker(s); cache: ${report.cache.hits} hit(s), ${report.cache.misses} miss(es)`);
  lines.push(`build: report: ${outDir}/report.json (${Object.entries(report.timings).map(([k, ms]) => `${k} ${ms} ms`).join(', ')})`);
  return `${lines.join('\n')}\n`;
}
