// Shared setup of the export tests: the fixture graph laid out, written in a format to a fresh temp folder.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportGraph, type ExportFormat } from '../../src/export/index.js';
import { applyLayout } from '../../src/graph/layout.js';
import type { KgGraph } from '../../src/graph/model.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

/** The fixture with its layout applied, as kg build would export it. */
export function buildLaidOutFixture(): KgGraph {
  const graph = buildFixtureGraph();
  applyLayout(graph);
  return graph;
}

/** Writes the graph in the format under a new temp folder; returns the output path (file or folder). */
export async function exportToTemp(graph: KgGraph, format: ExportFormat, name: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), `kg-export-${format}-`)), name);
  await exportGraph(graph, format, path);
  return path;
}
