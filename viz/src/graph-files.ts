// The filtered view as GraphML or GEXF: a copy of the shown part of the graph through the shared writers of src/export.
import { writeGexf as writeGexfChunks } from '../../src/export/gexf.js';
import { writeGraphml as writeGraphmlChunks } from '../../src/export/graphml.js';
import type { KgGraph } from '../../src/graph/model.js';

/** A copy of the graph with only the nodes in `keep` (and the edges between them). */
export function filterGraph(graph: KgGraph, keep: Set<string>): KgGraph {
  const copy = graph.copy();
  copy.forEachNode((key) => {
    if (!keep.has(key)) copy.dropNode(key);
  });
  return copy;
}

/** GraphML of the nodes in `keep` and the edges between them, as `kg export` writes it. */
export function writeGraphml(graph: KgGraph, keep: Set<string>): string {
  return [...writeGraphmlChunks(filterGraph(graph, keep))].join('');
}

/** GEXF 1.2 (dynamic) of the nodes in `keep`, as `kg export` writes it: dates as spells, layout as viz attributes. */
export function writeGexf(graph: KgGraph, keep: Set<string>): string {
  return [...writeGexfChunks(filterGraph(graph, keep))].join('');
}
