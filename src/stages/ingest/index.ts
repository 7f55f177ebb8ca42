// Ingest stage: reads article files and folders into RawArticles, turning every bad input into a Diagnostic.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, RawArticle } from '../../types.js';
import { decodeText } from './decode.js';
import { detectFormat, fileStem, listFiles } from './files.js';
import { extractHtml } from './html.js';
import { checkRecord, readJsonLines, shorten } from './json.js';
import type { Manifest } from './manifest.js';
import { MANIFEST_NAME, loadManifest } from './manifest.js';
import type { Location, MetaLayer } from './meta.js';
import { buildMeta, makeDiagnostic } from './meta.js';
import { splitFrontMatter } from './text.js';

export { createDeduplicator, hashText } from './dedupe.js';
export { parseMetadataDate } from './dates.js';

export type IngestItem = { kind: 'article'; article: RawArticle } | { kind: 'diagnostic'; diagnostic: Diagnostic };

export interface IngestOptions {
  /** Folder that ArticleMeta.file and diagnostic paths are relative to; process.cwd() by default. */
  cwd?: string;
}

/** Reads files and folders (recursively) in a deterministic order (paths sorted by code unit), yielding articles and diagnostics as it goes. */
export async function* readArticles(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const cwd = options.cwd ?? process.cwd();
  const displayPath = (absolute: string): string => path.relative(cwd, absolute) || '.';
  const manifests = new Map<string, Manifest>();
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => null);
    if (info === null) {
      yield diagnosticItem(makeDiagnostic('missing-input', 'error', { file: displayPath(absolute) }, 'does not exist; check the path; skipped'));
      continue;
    }
    const files = info.isDirectory() ? await listFiles(absolute) : [absolute];
    for (const file of files) {
      // Overlapping inputs (a folder and a file in it) name the same file twice: it is one input.
      if (seen.has(file)) continue;
      seen.add(file);
      const dir = path.dirname(file);
      let manifest = manifests.get(dir);
      if (manifest === undefined) {
        manifest = await loadManifest(dir, displayPath);
        manifests.set(dir, manifest);
        yield* manifest.diagnostics.map(diagnosticItem);
      }
      if (path.basename(file) === MANIFEST_NAME) {
        if (!info.isDirectory()) {
          yield diagnosticItem(makeDiagnostic('unsupported-format', 'warning', { file: displayPath(file) }, 'is a folder manifest, not an article; give its folder instead; skipped'));
        }
        continue;
      }
      yield* readFileItems(file, displayPath(file), manifest.entries.get(file));
    }
  }
}

async function* readFileItems(absolute: string, file: string, manifestLayer: MetaLayer | undefined): AsyncGenerator<IngestItem> {
  const format = detectFormat(absolute);
  if (format === null) {
    yield diagnosticItem(makeDiagnostic('unsupported-format', 'warning', { file }, `has an extension (${path.extname(absolute) || 'none'}) that is not read; use .txt, .md, .html, .json or .jsonl; skipped`));
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonLinesItems(absolute, file, manifestLayer);
    return;
  }
  const decoded = decodeText(await readFile(absolute));
  if (!decoded.ok) {
    yield diagnosticItem(makeDiagnostic(decoded.code, decoded.code === 'empty-file' ? 'warning' : 'error', { file }, decoded.message));
    return;
  }
  const at: Location = { file };
  const manifestLayers = manifestLayer ? [manifestLayer] : [];
  if (format === 'txt' || format === 'md') {
    const split = splitFrontMatter(decoded.text);
    if (split.problem !== null) yield diagnosticItem(makeDiagnostic('bad-front-matter', 'warning', at, split.problem));
    if (split.wrongTypes.length > 0) yield diagnosticItem(wrongTypesDiagnostic(at, split.wrongTypes));
    if (split.body.trim() === '') {
      yield diagnosticItem(makeDiagnostic('empty-file', 'warning', at, 'has front matter but no article text after it; add the text; skipped'));
      return;
    }
    // Explicit metadata: the folder's manifest (curated for this run) over the file's own front matter.
    yield* articleItems(fileStem(absolute), at, [...manifestLayers, { fields: split.fields, origin: 'front matter' }], split.body, format);
  } else if (format === 'html') {
    const page = extractHtml(decoded.text);
    if (page.text === '') {
      yield diagnosticItem(makeDiagnostic('empty-file', 'warning', at, 'has no readable article text; check the page was saved whole; skipped'));
      return;
    }
    yield* articleItems(fileStem(absolute), at, [...manifestLayers, { fields: page.fields, origin: 'HTML meta' }], page.text, format);
  } else {
    yield* readJsonItems(decoded.text, absolute, at, manifestLayer);
  }
}

async function* readJsonItems(source: string, absolute: string, at: Location, manifestLayer: MetaLayer | undefined): AsyncGenerator<IngestItem> {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    yield diagnosticItem(makeDiagnostic('bad-json', 'error', at, `not JSON (${shorten((error as Error).message)}); fix the file; skipped`));
    return;
  }
  const stem = fileStem(absolute);
  if (!Array.isArray(data)) {
    yield* recordItems(data, stem, at, 'record', manifestLayer, 'json');
    return;
  }
  if (data.length === 0) {
    yield diagnosticItem(makeDiagnostic('empty-file', 'warning', at, 'holds an empty list; add records or remove the file; skipped'));
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
    else yield diagnosticItem(makeDiagnostic(item.code, 'error', at, item.message));
  }
  if (lines === 0) yield diagnosticItem(makeDiagnostic('empty-file', 'warning', { file }, 'holds no records; add records or remove the file; skipped'));
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
    yield diagnosticItem(makeDiagnostic('bad-record', 'error', at, `${name} ${record.message}`));
    return;
  }
  if (record.wrongTypes.length > 0) yield diagnosticItem(wrongTypesDiagnostic(at, record.wrongTypes, name));
  const layers: MetaLayer[] = [{ fields: record.fields, origin: name }];
  if (manifestLayer) layers.push({ fields: { ...manifestLayer.fields, id: null }, origin: manifestLayer.origin });
  yield* articleItems(guessedId, at, layers, record.text, format);
}

function* articleItems(guessedId: string, at: Location, layers: MetaLayer[], text: string, format: RawArticle['format']): Generator<IngestItem> {
  const { meta, diagnostics } = buildMeta(guessedId, at, layers);
  yield* diagnostics.map(diagnosticItem);
  yield { kind: 'article', article: { meta, text, format } };
}

function wrongTypesDiagnostic(at: Location, wrongTypes: string[], name = 'metadata'): Diagnostic {
  return makeDiagnostic('bad-record', 'warning', at, `${name} has fields of the wrong type: ${wrongTypes.join(', ')}; use strings; those fields ignored`);
}

function diagnosticItem(diagnostic: Diagnostic): IngestItem {
  return { kind: 'diagnostic', diagnostic };
}
