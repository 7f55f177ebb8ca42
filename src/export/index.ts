// exportGraph: writes a graph in one of the export formats, to one file or to a folder of files.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { KgGraph } from '../graph/model.js';
import { writeFileAtomic } from '../graph/serialize.js';
import { writeCsv } from './csv.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import { writeJson } from './json.js';
import { writeNeo4j } from './neo4j.js';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when the text names an export format. */
export function isExportFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}

/** Writes the graph in the format at outPath (a file, or a folder for csv and neo4j; missing folders are created), each file atomically; returns the paths written. */
export async function exportGraph(graph: KgGraph, format: ExportFormat, outPath: string): Promise<string[]> {
  const single = { json: writeJson, graphml: writeGraphml, gexf: writeGexf } as const;
  if (format === 'csv' || format === 'neo4j') {
    const files = format === 'csv' ? writeCsv(graph) : writeNeo4j(graph);
    await mkdir(outPath, { recursive: true });
    const written: string[] = [];
    for (const [name, chunks] of Object.entries(files)) {
      const path = join(outPath, name);
      await writeFileAtomic(path, chunks);
      written.push(path);
    }
    return written;
  }
  await mkdir(dirname(outPath), { recursive: true });
  await writeFileAtomic(outPath, single[format](graph));
  return [outPath];
}
