// The person-to-person projection as a graph of its own, for Gephi or networkx: people and their interacted_with ties.
import { createGraph, type KgGraph } from '../graph/model.js';

export const PROJECTIONS = ['people'] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** A new graph of the same model: the people who share events with another person, and the weighted ties between them. */
export function projectPeople(graph: KgGraph): KgGraph {
  const people = createGraph(structuredClone(graph.getAttributes()));
  const isPerson = (key: string): boolean => graph.getNodeAttribute(key, 'kind') === 'person';
  const ties = graph.filterEdges((_edge, attributes, source, target) => attributes.relation === 'interacted_with' && isPerson(source) && isPerson(target));
  const keep = new Set(ties.flatMap((edge) => graph.extremities(edge)));
  graph.forEachNode((key, attributes) => {
    if (keep.has(key)) people.addNode(key, structuredClone(attributes));
  });
  for (const edge of ties) people.addDirectedEdgeWithKey(edge, graph.source(edge), graph.target(edge), structuredClone(graph.getEdgeAttributes(edge)));
  return people;
}
