// Article metadata from explicit sources (manifest, front matter, record fields, HTML meta), merged by priority.
import type { ArticleMeta, Diagnostic } from '../../types.js';
import { parseMetadataDate } from './dates.js';

/** Metadata fields as one source gives them; absent or null means "not given here". */
export interface MetaFields {
  id?: string | null;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
  language?: string | null;
}

/** Fields from one source, with a name for messages ("front matter", "data/manifest.json"). */
export interface MetaLayer {
  fields: MetaFields;
  origin: string;
}

/** Where an item was read: the file (relative to the working directory) and, for records, the line. */
export interface Location {
  file: string;
  line?: number;
}

const TEXT_FIELDS = ['title', 'url', 'published', 'source', 'language'] as const;

/** Prefix for messages: "data/x.jsonl line 14". */
export function describeLocation(at: Location): string {
  return at.line === undefined ? at.file : `${at.file} line ${at.line}`;
}

/** Builds an ingest diagnostic at a location. */
export function makeDiagnostic(
  code: string,
  severity: Diagnostic['severity'],
  at: Location & { article?: string },
  message: string,
): Diagnostic {
  const diagnostic: Diagnostic = { stage: 'ingest', code, severity, file: at.file, message: `${describeLocation(at)}: ${message}` };
  if (at.line !== undefined) diagnostic.line = at.line;
  if (at.article !== undefined) diagnostic.article = at.article;
  return diagnostic;
}

/** Reads the metadata fields of a record; fields of the wrong type are left out and named in `wrongTypes`. */
export function readMetaFields(record: Record<string, unknown>): { fields: MetaFields; wrongTypes: string[] } {
  const fields: MetaFields = {};
  const wrongTypes: string[] = [];
  const id = record.id;
  if (typeof id === 'string' && id.trim() !== '') fields.id = id.trim();
  else if (typeof id === 'number' && Number.isFinite(id)) fields.id = String(id);
  else if (id !== undefined && id !== null && id !== '') wrongTypes.push(`id (${describeType(id)})`);
  for (const key of TEXT_FIELDS) {
    const value = record[key];
    if (typeof value === 'string') fields[key] = value.trim() === '' ? null : value.trim();
    else if (value !== undefined && value !== null) wrongTypes.push(`${key} (${describeType(value)})`);
  }
  return { fields, wrongTypes };
}

/** Merges metadata layers, highest priority first, over the guessed id; an unparseable date becomes a bad-date diagnostic. */
export function buildMeta(guessedId: string, at: Location, layers: MetaLayer[]): { meta: ArticleMeta; diagnostics: Diagnostic[] } {
  const pick = (key: keyof MetaFields): string | null => layers.map((layer) => layer.fields[key]).find((v) => typeof v === 'string') ?? null;
  const id = pick('id') ?? guessedId;
  const diagnostics: Diagnostic[] = [];
  let published: string | null = null;
  for (const layer of layers) {
    const value = layer.fields.published;
    if (typeof value !== 'string') continue;
    const parsed = parseMetadataDate(value);
    if (parsed === null) {
      diagnostics.push(
        makeDiagnostic('bad-date', 'warning', { ...at, article: id },
          `published "${value}" (${layer.origin}) is not a date; write it as YYYY-MM-DD; ignored`),
      );
    } else if (published === null) {
      published = parsed;
    }
  }
  const meta: ArticleMeta = {
    id,
    title: pick('title'),
    url: pick('url'),
    published,
    source: pick('source'),
    language: pick('language'),
    file: at.file,
  };
  if (at.line !== undefined) meta.line = at.line;
  return { meta, diagnostics };
}

function describeType(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
