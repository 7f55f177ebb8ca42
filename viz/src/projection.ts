// The people network's ties (the projection's interacted_with edges) as the time range and filters leave them; graphs
// written before the projection existed have none, and the viewer says so.
import { summarize } from '../../src/graph/interaction.js';
import { type EdgeAttributes, type EventNode, type Interaction, type KgGraph } from '../../src/graph/model.js';

/** The kinds a tie links. */
export const PEOPLE_KINDS: readonly string[] = ['person', 'country', 'organization'];

/** Colours of the people network's ties by their main event type. */
export const TIE_COLORS: Record<string, string> = { call: '#4e79a7', meeting: '#f28e2b', summit: '#59a14f', visit: '#b07aa1' };
export const OTHER_TIE = '#9c755f';

/** An interacted_with edge's attributes. */
export type TieAttributes = EdgeAttributes & Interaction;

/** A tie as shown: the events behind it that the filters and the time range keep, their weight, and their most frequent type. */
export interface ShownTie {
  events: string[];
  weight: number;
  mainType: string;
}

/** Keys of the graph's interacted_with edges. */
export function listTies(graph: KgGraph): string[] {
  return graph.filterEdges((_edge, attributes) => attributes.relation === 'interacted_with');
}

/**
 * The ties whose events pass `isEventShown`, weighed by the model's rule (src/graph/interaction.ts: occurred 1, planned
 * 0.5, cancelled 0) on the events kept, so a narrower time range thins them; a tie with no event left is absent.
 */
export function computeTies(graph: KgGraph, ties: string[], isEventShown: (event: string) => boolean): Map<string, ShownTie> {
  const shown = new Map<string, ShownTie>();
  for (const edge of ties) {
    const tie = graph.getEdgeAttributes(edge) as TieAttributes;
    if (!Array.isArray(tie.events)) continue;
    const events = tie.events.filter((event) => graph.hasNode(event) && graph.getNodeAttribute(event, 'kind') === 'event' && isEventShown(event));
    if (events.length === 0) continue;
    const { weight, byType } = summarize(events, events.map((event) => graph.getNodeAttributes(event) as EventNode));
    const mainType = Object.entries(byType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    shown.set(edge, { events, weight, mainType });
  }
  return shown;
}
