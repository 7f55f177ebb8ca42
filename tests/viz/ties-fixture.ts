// Test helper: adds interacted_with ties to a graph as the shared contract with the projection (issue 17) defines them,
// so the viewer's people mode can be tested before and apart from the build that writes them.
import type { EdgeAttributes, EventNode, KgGraph } from '../../src/graph/model.js';

const PEOPLE = ['person', 'country', 'organization'];

/** One tie per pair of entities taking part in the same events (source = the smaller key), weight = event count. */
export function addTies(graph: KgGraph): string[] {
  const pairs = new Map<string, string[]>();
  graph.forEachNode((event, node) => {
    if (node.kind !== 'event') return;
    const parties = [...new Set(graph.inNeighbors(event).filter((key) => PEOPLE.includes(graph.getNodeAttribute(key, 'kind'))))].sort();
    for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) {
      const pair = `${parties[i]}\u0000${parties[j]}`;
      pairs.set(pair, [...(pairs.get(pair) ?? []), event]);
    }
  });
  const added: string[] = [];
  for (const [pair, events] of [...pairs].sort()) {
    const [source, target] = pair.split('\u0000');
    const attributes = events.map((e) => graph.getNodeAttributes(e) as EventNode);
    const byType: Record<string, number> = { call: 0, meeting: 0, summit: 0, visit: 0 };
    for (const event of attributes) byType[event.eventType] = (byType[event.eventType] ?? 0) + 1;
    const days = attributes.map((e) => e.dateStart).filter((d): d is string => d !== null).sort();
    const tie = {
      relation: 'interacted_with', date: null, datePrecision: 'unknown', dateEnd: null, sources: [], confidence: null, role: null,
      weight: events.length, count: events.length, byType, firstDate: days[0] ?? null, lastDate: days.at(-1) ?? null,
      occurred: attributes.filter((e) => e.status === 'occurred').length, planned: attributes.filter((e) => e.status === 'planned').length, events,
    };
    added.push(graph.addEdgeWithKey(`${source}->interacted_with->${target}`, source, target, tie as unknown as EdgeAttributes));
  }
  return added;
}
