// Loading a graph.json file into a KnowledgeGraph.
import { readGraphFile } from '../graph/serialize.js';
import { KnowledgeGraph } from './knowledge-graph.js';

/** Reads and validates graph.json at `path` and indexes it for queries; throws KgError 'graph-not-found' or 'bad-graph'. */
export async function loadGraph(path: string): Promise<KnowledgeGraph> {
  return new KnowledgeGraph(await readGraphFile(path));
}
