// Writing the viewer's drawing file (viewer-columns.ts) beside a graph.json.
import { basename, dirname, join } from 'node:path';
import type { KgGraph } from '../graph/model.js';
import { writeFileAtomic } from '../graph/serialize.js';
import { viewerFile, type ViewerFile } from './viewer-columns.js';

/** Where the drawing file of the graph at `graphPath` lies: graph.json -> graph.viewer.json. */
export const viewerFilePath = (graphPath: string): string => join(dirname(graphPath), `${basename(graphPath).replace(/\.json$/i, '')}.viewer.json`);

/** Writes the graph's drawing file beside its graph.json (atomically); returns its path. */
export const writeViewerFile = (graph: KgGraph, graphPath: string): Promise<string> => writeViewerColumns(viewerFile(graph), graphPath);

/** Writes a drawing file built otherwise (from the database, say) beside the graph.json at `graphPath`; returns its path. */
export async function writeViewerColumns(file: ViewerFile, graphPath: string): Promise<string> {
  const path = viewerFilePath(graphPath);
  await writeFileAtomic(path, [JSON.stringify(file)]);
  return path;
}
