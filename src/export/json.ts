// JSON export: graph.json, graphology's serialisation plus schemaVersion (what the viewer and kg query read).
import type { KgGraph } from '../graph/model.js';
import { serializeGraph } from '../graph/serialize.js';

/** The graph as graph.json text, byte-stable (see serializeGraph). */
export function writeJson(graph: KgGraph): string {
  return serializeGraph(graph);
}
