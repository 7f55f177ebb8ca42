// Ingest stage: reads article files and folders into RawArticles, turning every bad input into a Diagnostic.
import type { Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BudgetExceeded, DEFAULT_ARTICLE_TIMEOUT_MS, runWithinBudget } from '../../pipeline/budget.js';
import type { Diagnostic, RawArticle } from '../../types.js';
import { decodeText } from './decode.js';
import { detectFormat, errorCode, fileStem, listFiles, notAFile, type ListingEntry } from './files.js';
import { MAX_HTML_DEPTH } from './html-depth.js';
import type { HtmlExtract } from './html.js';
import { checkRecord, readJsonLines, shorten } from './json.js';
import type { Manifest } from './manifest.js';
import { MANIFEST_NAME, loadManifest } from './manifest.js';
import type { Location, MetaLayer } from './meta.js';
import { buildMeta, makeDiagnostic } from './meta.js';
import { normalizeLoneCarriageReturns, splitFrontMatter } from './text.js';

export { createDeduplicator, hashText } from './dedupe.js';
export { parseMetadataDate } from './dates.js';

/** An article, or a diagnostic that says whether an input was lost by it (skipped) or only noted (the article is built). */
export type IngestItem = { kind: 'article'; article: RawArticle } | { kind: 'diagnostic'; diagnostic: Diagnostic; skipped: boolean };

export interface IngestOptions {
  /** Folder that ArticleMeta.file and diagnostic paths are relative to; process.cwd() by default. */
  cwd?: string;
  /** Milliseconds one file's parsing (HTML, front matter) may take before it is skipped (default 30 s; Infinity: none). */
  articleTimeoutMs?: number;
}

/** Reads files and folders (recursively, following links) in a deterministic order (paths sorted by code unit), yielding articles and diagnostics as it goes. */
export async function* readArticles(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const cwd = options.cwd ?? process.cwd();
  const budget = options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS;
  const displayPath = (absolute: string): string => path.relative(cwd, absolute) || '.';
  const manifests = new Map<string, Manifest>();
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = errorCode(error);
      const message = code === 'ENOENT' ? 'does not exist; check the path; skipped' : `cannot be read (${code}); check the path and its permissions; skipped`;
      yield skipItem(makeDiagnostic(code === 'ENOENT' ? 'missing-input' : 'unreadable-file', 'error', { file: displayPath(absolute) }, message));
      continue;
    }
    const listing: ListingEntry[] = info.isDirectory() ? await listFiles(absolute) : info.isFile() ? [{ path: absolute }] : [{ path: absolute, problem: notAFile() }];
    // A manifest speaks for its folder and the subfolders under it, up to the folder given; a file given alone has its own folder's.
    const root = info.isDirectory() ? absolute : path.dirname(absolute);
    for (const entry of listing) {
      const file = entry.path;
      if (entry.problem) {
        const { code, skipped, message } = entry.problem;
        yield { kind: 'diagnostic', diagnostic: makeDiagnostic(code, skipped ? 'error' : 'warning', { file: displayPath(file) }, message), skipped };
        continue;
      }
      // Overlapping inputs (a folder and a file in it, or a link to a file read already) name the same file twice: it is one input.
      const real = await realpath(file).catch(() => file);
      if (seen.has(real)) continue;
      seen.add(real);
      let manifestLayer: MetaLayer | undefined;
      for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        let manifest = manifests.get(dir);
        if (manifest === undefined) {
          manifest = await loadManifest(dir, displayPath);
          manifests.set(dir, manifest);
          yield* manifest.diagnostics.map(noteItem);
        }
        manifestLayer ??= manifest.entries.get(file);
        if (dir === root || dir === path.dirname(dir) || manifestLayer) break;
      }
      if (path.basename(file) === MANIFEST_NAME) {
        if (!info.isDirectory()) {
          yield skipItem(makeDiagnostic('unsupported-format', 'warning', { file: displayPath(file) }, 'is a folder manifest, not an article; give its folder instead; skipped'));
        }
        continue;
      }
      yield* readFileItems(file, displayPath(file), manifestLayer, budget);
    }
  }
}

async function* readFileItems(absolute: string, file: string, manifestLayer: MetaLayer | undefined, budget: number): AsyncGenerator<IngestItem> {
  const format = detectFormat(absolute);
  if (format === null) {
    yield skipItem(makeDiagnostic('unsupported-format', 'warning', { file }, `has an extension (${path.extname(absolute) || 'none'}) that is not read; use .txt, .md, .html, .json or .jsonl; skipped`));
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonLinesItems(absolute, file, manifestLayer);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    yield skipItem(makeDiagnostic('unreadable-file', 'error', { file }, `cannot be read (${errorCode(error)}); check its permissions; skipped`));
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield skipItem(makeDiagnostic(decoded.code, decoded.code === 'empty-file' ? 'warning' : 'error', { file }, decoded.message));
    return;
  }
  const at: Location = { file };
  // linkedom and Readability load with the first page, not with every command that touches ingest.
  const extractHtml = format === 'html' ? (await import('./html.js')).extractHtml : null;
  try {
    // Parsing is bounded in time like extraction: a page that would hang Readability costs that page only.
    const items = runWithinBudget(() => [...parseFileItems(decoded.text, absolute, at, format, manifestLayer, extractHtml)], budget);
    yield* items;
  } catch (error) {
    // A parser that gives up on a broken file costs that file only.
    if (error instanceof BudgetExceeded) yield skipItem(makeDiagnostic('article-timeout', 'error', at, `${error.message} to parse (--article-timeout); check the file; skipped`));
    else yield skipItem(makeDiagnostic('unparseable-file', 'error', at, `cannot be parsed as ${format} (${shorten(error instanceof Error ? error.message : String(error))}); check the file; skipped`));
  }
}

function* parseFileItems(
  source: string,
  absolute: string,
  at: Location,
  format: RawArticle['format'],
  manifestLayer: MetaLayer | undefined,
  extractHtml: ((html: string) => HtmlExtract & { flattened: number | null }) | null,
): Generator<IngestItem> {
  const manifestLayers = manifestLayer ? [manifestLayer] : [];
  if (format === 'txt' || format === 'md') {
    const normalized = normalizeLoneCarriageReturns(source);
    if (normalized !== null) {
      source = normalized;
      yield noteItem(makeDiagnostic('cr-line-ends', 'warning', at, 'ends lines with a lone CR (old Mac); read with each CR as a line end; built'));
    }
    const split = splitFrontMatter(source);
    if (split.problem !== null) yield noteItem(makeDiagnostic('bad-front-matter', 'warning', at, split.problem));
    if (split.wrongTypes.length > 0) yield noteItem(wrongTypesDiagnostic(at, split.wrongTypes));
    if (split.body.trim() === '') {
      yield skipItem(makeDiagnostic('empty-file', 'warning', at, 'has front matter but no article text after it; add the text; skipped'));
      return;
    }
    // Explicit metadata: the folder's manifest (curated for this run) over the file's own front matter.
    yield* articleItems(fileStem(absolute), at, [...manifestLayers, { fields: split.fields, origin: 'front matter' }], split.body, format);
  } else if (format === 'html') {
    const page = extractHtml!(source);
    if (page.flattened !== null) {
      yield noteItem(makeDiagnostic('html-too-deep', 'warning', at, `nests tags ${page.flattened} deep; read with the tags past ${MAX_HTML_DEPTH} levels left out (their text kept); built`));
    }
    if (page.text === '') {
      yield skipItem(makeDiagnostic('empty-file', 'warning', at, 'has no readable article text; check the page was saved whole; skipped'));
      return;
    }
    yield* articleItems(fileStem(absolute), at, [...manifestLayers, { fields: page.fields, origin: 'HTML meta' }], page.text, format);
  } else {
    yield* readJsonItems(source, absolute, at, manifestLayer);
  }
}

function* readJsonItems(source: string, absolute: string, at: Location, manifestLayer: MetaLayer | undefined): Generator<IngestItem> {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    yield skipItem(makeDiagnostic('bad-json', 'error', at, `not JSON (${shorten((error as Error).message)}); fix the file; skipped`));
    return;
  }
  const stem = fileStem(absolute);
  if (!Array.isArray(data)) {
    yield* recordItems(data, stem, at, 'record', manifestLayer, 'json');
    return;
  }
  if (data.length === 0) {
    yield skipItem(makeDiagnostic('empty-file', 'warning', at, 'holds an empty list; add records or remove the file; skipped'));
    return;
  }
  for (const [index, value] of data.entries()) {
    yield* recordItems(value, `${stem}#${index + 1}`, at, `record ${index + 1}`, manifestLayer, 'json');
  }
}

async function* readJsonLinesItems(absolute: string, file: string, manifestLayer: MetaLayer | undefined): AsyncGenerator<IngestItem> {
  let lines = 0;
  for await (const item of readJsonLines(absolute)) {
    lines += 1;
    const at: Location = { file, line: item.line };
    if (item.ok) yield* recordItems(item.value, `${fileStem(absolute)}#${item.line}`, at, 'record', manifestLayer, 'jsonl');
    else yield skipItem(makeDiagnostic(item.code, 'error', at, item.message));
  }
  if (lines === 0) yield skipItem(makeDiagnostic('empty-file', 'warning', { file }, 'holds no records; add records or remove the file; skipped'));
}

// A record's own fields come first; a manifest entry for the whole file only fills gaps and never gives its id to every record.
function* recordItems(
  value: unknown,
  guessedId: string,
  at: Location,
  name: string,
  manifestLayer: MetaLayer | undefined,
  format: 'json' | 'jsonl',
): Generator<IngestItem> {
  const record = checkRecord(value);
  if (!record.ok) {
    yield skipItem(makeDiagnostic('bad-record', 'error', at, `${name} ${record.message}`));
    return;
  }
  if (record.wrongTypes.length > 0) yield noteItem(wrongTypesDiagnostic(at, record.wrongTypes, name));
  const layers: MetaLayer[] = [{ fields: record.fields, origin: name }];
  if (manifestLayer) layers.push({ fields: { ...manifestLayer.fields, id: null }, origin: manifestLayer.origin });
  yield* articleItems(guessedId, at, layers, record.text, format);
}

function* articleItems(guessedId: string, at: Location, layers: MetaLayer[], text: string, format: RawArticle['format']): Generator<IngestItem> {
  const { meta, diagnostics } = buildMeta(guessedId, at, layers);
  yield* diagnostics.map(noteItem);
  if (text.includes('\uFFFD')) {
    // A character lost before the article reached us: common on real pages, and no reason to lose the article.
    yield noteItem(makeDiagnostic('replacement-character', 'warning', { ...at, article: meta.id }, 'holds U+FFFD replacement characters (a character lost in an earlier conversion); built as it is'));
  }
  yield { kind: 'article', article: { meta, text, format } };
}

function wrongTypesDiagnostic(at: Location, wrongTypes: string[], name = 'metadata'): Diagnostic {
  return makeDiagnostic('bad-record', 'warning', at, `${name} has fields of the wrong type: ${wrongTypes.join(', ')}; use strings; those fields ignored`);
}

// A diagnostic for an input (file, line, record) that is not built.
function skipItem(diagnostic: Diagnostic): IngestItem {
  return { kind: 'diagnostic', diagnostic, skipped: true };
}

// A diagnostic about an article that is still built, or about metadata.
function noteItem(diagnostic: Diagnostic): IngestItem {
  return { kind: 'diagnostic', diagnostic, skipped: false };
}
