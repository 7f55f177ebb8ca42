// Build options and their defaults, apart from the pipeline so that the CLI can show them without loading the stages.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ExportFormat } from '../export/index.js';
import { DEFAULT_ARTICLE_TIMEOUT_MS } from './budget.js';

/** Changes whenever extraction changes, so cached per-article facts of an older pipeline are redone. */
export const PIPELINE_VERSION = '1';

/** The cache's folder inside the output folder when no other is named. */
export const CACHE_FOLDER = '.cache';

export interface BuildOptions {
  /** Files and folders to read (default: data/articles). */
  inputs: string[];
  /** Output folder (default: out). */
  outDir: string;
  /** Add the inputs to the graph already in outDir instead of starting anew. */
  into: boolean;
  /** Formats written beside graph.json. */
  formats: ExportFormat[];
  /** Threads extracting articles (default: one per core); 1 extracts in the main thread with no pool. */
  workers: number;
  /** Articles extracted in the main thread before the pool starts, so small builds skip its start-up (default 32); it then goes on extracting until a worker is ready. 0: every article goes to the pool. */
  inlineArticles: number;
  /** Folder of the per-article cache (default: <outDir>/.cache), or null for none. */
  cacheDir: string | null;
  /** The user's KB files or folders (--kb), merged over the built-in KB. */
  kbPaths: string[];
  /** Milliseconds one article may take to parse or extract before it is skipped with an article-timeout diagnostic (default 30 s). */
  articleTimeoutMs: number;
  /** Called after each article, for progress display. */
  onArticle?: (done: number) => void;
  /** Called as each stage after extraction starts (facts, assemble, layout, write graph.json, write <format>, report, switch), for progress display. */
  onStage?: (stage: string) => void;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { inputs: ['data/articles'], outDir: 'out', into: false, formats: ['graphml', 'gexf'], workers: availableParallelism(), inlineArticles: 32, articleTimeoutMs: DEFAULT_ARTICLE_TIMEOUT_MS, kbPaths: [], cacheDir: path.join('out', CACHE_FOLDER) };

