// Curvatures that fan out parallel edges (same two ends, either direction) so each stays visible.
import type { KgGraph } from '../../src/graph/model.js';

// @sigma/edge-curve's default curvature; not imported because that module needs WebGL at load time.
const EDGE_CURVATURE = 0.25;

/** Curvatures for edges that share both ends, so that parallel edges are drawn apart; edges alone between their ends are absent. */
export function computeParallelCurvatures(graph: KgGraph): Map<string, number> {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const group = groups.get(pair);
    if (group) group.push(edge);
    else groups.set(pair, [edge]);
  });
  const curvatures = new Map<string, number>();
  for (const edges of groups.values()) {
    if (edges.length < 2) continue;
    edges.forEach((edge, i) => {
      const offset = i - (edges.length - 1) / 2;
      // Curvature is relative to the edge's own direction: flip it for edges running the other way so they fan out on both sides.
      const reversed = graph.source(edge) > graph.target(edge);
      curvatures.set(edge, 2 * EDGE_CURVATURE * offset * (reversed ? -1 : 1));
    });
  }
  return curvatures;
}
