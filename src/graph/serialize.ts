// graph.json: the canonical, byte-stable serialisation of a KgGraph, its parser, and an atomic file writer.
import { constants } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import { KgError } from '../errors.js';
import { createGraph, exportEdgeKey, SCHEMA_VERSION, type EdgeAttributes, type GraphAttributes, type KgGraph, type NodeAttributes } from './model.js';
import { validateGraph } from './validate.js';

export { exportEdgeKey } from './model.js';

/** How many validation problems a bad-graph error lists before "and N more". */
const PROBLEMS_SHOWN = 5;

/** The graph in graphology's serialised form with schemaVersion in the graph attributes, keys of every object in a fixed order, nodes and edges in insertion order: the same graph gives the same bytes. */
export function serializeGraph(graph: KgGraph): string {
  return [...serializeGraphChunks(graph)].join('');
}

/** serializeGraph's text a node or edge at a time, so a large graph is written without a copy of it and one huge string. */
export function* serializeGraphChunks(graph: KgGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(sortKeys({ ...graph.getAttributes(), schemaVersion: SCHEMA_VERSION }))},"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    yield `${first ? '' : ','}${JSON.stringify({ key: node, attributes: sortKeys(attributes) })}`;
    first = false;
  }
  yield '],"edges":[';
  let index = 0;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    yield `${index === 0 ? '' : ','}${JSON.stringify({ key: exportEdgeKey(edge, index), source, target, attributes: sortKeys(attributes) })}`;
    index++;
  }
  yield ']}\n';
}

/** Parses graph.json text into a KgGraph and validates it (validateGraph); throws KgError 'bad-graph' naming the path and the first problems. */
export function parseGraph(text: string, path = 'graph.json'): KgGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new KgError('bad-graph', `${path}: not JSON (${(error as Error).message}); rebuild it with kg build`);
  }
  if (!isSerializedGraph(data)) {
    throw new KgError('bad-graph', `${path}: not a graph file (expected an object with attributes, nodes and edges arrays); rebuild it with kg build`);
  }
  const graph = createGraph(data.attributes);
  try {
    graph.import({ nodes: data.nodes, edges: data.edges });
  } catch (error) {
    throw new KgError('bad-graph', `${path}: ${(error as Error).message}`);
  }
  const problems = validateGraph(graph);
  if (problems.length > 0) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.where}: ${p.message}`);
    const more = problems.length > PROBLEMS_SHOWN ? `; and ${problems.length - PROBLEMS_SHOWN} more` : '';
    throw new KgError('bad-graph', `${path}: ${problems.length} problem(s): ${shown.join('; ')}${more}`);
  }
  return graph;
}

/** Reads and validates a graph.json file; throws KgError 'graph-not-found' or 'bad-graph'. */
export async function readGraphFile(path: string): Promise<KgGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KgError('graph-not-found', `${path}: no such file; build a graph first with kg build`);
    // About 100,000 articles make a graph.json of 500 MB, near the longest string V8 can hold (Node 20 says only "Invalid string length").
    if (code === 'ERR_STRING_TOO_LONG' || (error as Error).name === 'RangeError') throw new KgError('graph-too-large', `${path}: larger than Node can read as one string (${Math.round(constants.MAX_STRING_LENGTH / 2 ** 20)} MB of text); open the GraphML or GEXF written beside it in Gephi, NetworkX or Neo4j, or build the corpus in smaller parts (for example by year)`);
    throw new KgError('graph-unreadable', `${path}: cannot read (${(error as Error).message})`);
  }
  return parseGraph(text, path);
}

/** Writes atomically (temp file in the same folder + rename), so an interrupted write never leaves a half-written file in place of a good one. */
export async function writeFileAtomic(path: string, data: string | Iterable<string>): Promise<void> {
  // Same folder, so the rename never crosses a file system and stays atomic.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (typeof data === 'string') await writeFile(temp, data, { encoding: 'utf8', flag: 'wx' });
    else writeChunks(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Bytes encoded before each write call. */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Appends text to an open file through one reused buffer. */
export interface BufferedWriter {
  /** Encodes the text as UTF-8 and returns its length in bytes. */
  write(text: string): number;
  /** Bytes written so far, buffered ones included: where the next text starts in the file. */
  readonly position: number;
  /** Writes out what is buffered. */
  flush(): void;
}

/**
 * A writer that encodes text into one 1 MB buffer and writes it out each time it fills. Joining chunks into big
 * strings instead made each megabyte a large-object string and a Buffer of garbage: at 20,000 articles the heap grew
 * by 1 GB during the writes before V8 collected it.
 */
export function createBufferedWriter(fd: number): BufferedWriter {
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  let flushed = 0;
  const writeAll = (bytes: Buffer, length: number): void => {
    for (let done = 0; done < length; ) done += writeSync(fd, bytes, done, length - done);
    flushed += length;
  };
  const flush = (): void => {
    writeAll(buffer, used);
    used = 0;
  };
  return {
    write(text) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (text.length * 3 > buffer.length - used) {
        flush();
        if (text.length * 3 > buffer.length) {
          const bytes = Buffer.from(text, 'utf8');
          writeAll(bytes, bytes.length);
          return bytes.length;
        }
      }
      const length = buffer.write(text, used, 'utf8');
      used += length;
      return length;
    },
    get position() {
      return flushed + used;
    },
    flush,
  };
}

function writeChunks(file: string, chunks: Iterable<string>): void {
  const fd = openSync(file, 'wx');
  try {
    const writer = createBufferedWriter(fd);
    for (const chunk of chunks) writer.write(chunk);
    writer.flush();
  } finally {
    closeSync(fd);
  }
}

/** A copy with object keys sorted at every depth; arrays keep their order. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted as T;
}

function isSerializedGraph(data: unknown): data is SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes> & { attributes: GraphAttributes } {
  if (data === null || typeof data !== 'object') return false;
  const record = data as Record<string, unknown>;
  return typeof record.attributes === 'object' && record.attributes !== null && Array.isArray(record.nodes) && Array.isArray(record.edges);
}
