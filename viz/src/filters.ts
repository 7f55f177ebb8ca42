// Which nodes the filters and the time range leave visible: pure functions of the graph and the view state.
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import type { ViewState } from './state.js';

/** For each entity, the events it takes part in or that took place there: built once per graph. */
export type EventIndex = Map<string, string[]>;

/** Indexes the events linked to each non-event node (participant and location edges). */
export function indexEntityEvents(graph: KgGraph): EventIndex {
  const index: EventIndex = new Map();
  graph.forEachEdge((_edge, attributes, source, target) => {
    const entity = attributes.relation === 'participant' ? source : attributes.relation === 'location' ? target : null;
    const event = attributes.relation === 'participant' ? target : source;
    if (entity === null) return;
    const events = index.get(entity) ?? [];
    if (!events.includes(event)) events.push(event);
    index.set(entity, events);
  });
  return index;
}

/** Last day of a YYYY-MM month, as YYYY-MM-DD. */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Whether the event's [dateStart, dateEnd] overlaps the time range; undated events follow the undated toggle, never a made-up date. */
export function isEventInTime(event: EventNode, state: Pick<ViewState, 'from' | 'to' | 'undated'>): boolean {
  if (event.dateStart === null) return state.undated;
  const end = event.dateEnd ?? event.dateStart;
  if (state.from !== null && end < `${state.from}-01`) return false;
  if (state.to !== null && event.dateStart > lastDayOfMonth(state.to)) return false;
  return true;
}

const timeRestricted = (state: ViewState): boolean => state.from !== null || state.to !== null || !state.undated;

/** Keys of the nodes to show: kind, article, event type and status filters, and the time range (which also hides entities all of whose events fall outside it). */
export function computeVisibleNodes(graph: KgGraph, index: EventIndex, state: ViewState): Set<string> {
  const visible = new Set<string>();
  const restricted = timeRestricted(state);
  graph.forEachNode((key, node) => {
    if (state.kinds !== null && !state.kinds.includes(node.kind)) return;
    if (state.article !== null && !node.articles.includes(state.article)) return;
    if (node.kind === 'event') {
      if (state.eventTypes !== null && !state.eventTypes.includes(node.eventType)) return;
      if (state.statuses !== null && !state.statuses.includes(node.status)) return;
      if (!isEventInTime(node, state)) return;
    } else if (restricted) {
      const events = index.get(key);
      if (events !== undefined && !events.some((event) => isEventInTime(graph.getNodeAttributes(event) as EventNode, state))) return;
    }
    visible.add(key);
  });
  return visible;
}
