// The rankings of `top` (degree, PageRank, events taken part in) on the event network: computed here for the
// in-memory query API and, once per write, for the PostgreSQL store (src/db/graph-write.ts), so both give the same scores.
import { UndirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { isEventNetworkEdge, type KgGraph, type NodeAttributes } from '../graph/model.js';
import { checkMetric } from './checks.js';
import type { RankMetric } from './types.js';

/** The event network without directions or parallel edges, over the nodes `include` keeps (articles and the projection would short-cut every path and inflate every degree). */
export function eventNetwork(graph: KgGraph, include: (key: string, node: NodeAttributes) => boolean): UndirectedGraph {
  const view = new UndirectedGraph();
  graph.forEachNode((key, node) => {
    if (include(key, node)) view.addNode(key);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (view.hasNode(source) && view.hasNode(target) && isEventNetworkEdge(attributes.relation)) view.mergeEdge(source, target);
  });
  return view;
}

/** Each node's score by one metric: degree and PageRank over every node, events over every node but events. */
export function rankScores(graph: KgGraph, by: RankMetric, view?: UndirectedGraph): Map<string, number> {
  const scores = new Map<string, number>();
  if (by === 'events') {
    graph.forEachNode((key, node) => {
      if (node.kind !== 'event') scores.set(key, new Set(graph.outEdges(key).filter((edge) => graph.getEdgeAttribute(edge, 'relation') === 'participant').map((edge) => graph.target(edge))).size);
    });
    return scores;
  }
  checkMetric(by);
  const network = view ?? eventNetwork(graph, () => true);
  if (by === 'pagerank') {
    // graphology's PageRank never converges on a graph without nodes (it divides by their number).
    if (network.order === 0) return scores;
    for (const [key, score] of Object.entries(pagerank(network, { getEdgeWeight: null }))) scores.set(key, score);
    return scores;
  }
  network.forEachNode((key) => scores.set(key, network.degree(key)));
  return scores;
}
