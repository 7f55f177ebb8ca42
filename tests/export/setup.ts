// Shared setup of the export tests: the fixture graph with its article nodes and projection, laid out, written in a format to a fresh temp folder.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportGraph, type ExportFormat } from '../../src/export/index.js';
import { applyLayout } from '../../src/graph/layout.js';
import type { KgGraph } from '../../src/graph/model.js';
import { addArticles, addProjection } from '../../src/stages/assemble/index.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

/** The fixture with what the assembler derives (article nodes, reported_in edges, the projection) and its layout applied, as kg build would export it. */
export function buildLaidOutFixture(): KgGraph {
  const graph = buildFixtureGraph();
  addArticles(graph, graph.getAttribute('articles'));
  addProjection(graph);
  applyLayout(graph);
  return graph;
}

/** Writes the graph in the format under a new temp folder; returns the output path (file or folder). */
export async function exportToTemp(graph: KgGraph, format: ExportFormat, name: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), `kg-export-${format}-`)), name);
  await exportGraph(graph, format, path);
  return path;
}

/** The GraphML and GEXF schemas, copied into the repository so that the tests need nothing beside the checkout. */
const SCHEMAS = fileURLToPath(new URL('../fixtures/schemas', import.meta.url));

/** Runs xmllint --schema on the file; returns its complaints, or '' when the file is valid. */
export function validateXml(path: string, schema: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}
