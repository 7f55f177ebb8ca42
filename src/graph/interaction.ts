// What the events two parties share add up to: the attributes of an interacted_with edge (see the projection at assembly).
import type { EventNode, Interaction } from './model.js';
import type { EventStatus } from '../types.js';

// A planned meeting is half a tie until it happens; a cancelled one is listed but adds nothing.
const STATUS_WEIGHT: Record<EventStatus, number> = { occurred: 1, planned: 0.5, cancelled: 0 };

/** What a pair's shared events (keys and nodes, in the same order) add up to. */
export function summarize(keys: string[], events: EventNode[]): Interaction {
  const byType: Record<string, number> = {};
  for (const e of events) byType[e.eventType] = (byType[e.eventType] ?? 0) + 1;
  const starts = events.map((e) => e.dateStart).filter((d): d is string => d !== null).sort();
  const ends = events.map((e) => e.dateEnd ?? e.dateStart).filter((d): d is string => d !== null).sort();
  return {
    weight: events.reduce((sum, e) => sum + STATUS_WEIGHT[e.status], 0),
    count: events.length,
    byType,
    firstDate: starts[0] ?? null,
    lastDate: ends[ends.length - 1] ?? null,
    occurred: events.filter((e) => e.status === 'occurred').length,
    planned: events.filter((e) => e.status === 'planned').length,
    events: [...keys],
  };
}

