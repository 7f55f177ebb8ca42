// Node labels as drawn: events carry their date ("≈" when a rule inferred it), and show only on hover or zoomed in.
import type { EventNode } from '../../src/graph/model.js';

/** Event labels appear once the camera is zoomed in past this ratio (1 shows the whole graph). */
export const EVENT_LABEL_RATIO = 0.5;

/** The date part of an event's label, at its precision: 2025-10-16, 2024-07, 2024, 2024-12-10…11, or "undated". */
export function shortEventDate(event: Pick<EventNode, 'date' | 'datePrecision' | 'dateStart' | 'dateEnd' | 'dateInferred'>): string {
  const approx = event.dateInferred === true ? '≈' : '';
  if (event.datePrecision === 'range' && event.dateStart !== null) {
    const end = event.dateEnd ?? event.dateStart;
    return `${approx}${event.dateStart}…${end.slice(0, 4) === event.dateStart.slice(0, 4) ? end.slice(5) : end}`;
  }
  const date = event.date ?? event.dateStart;
  return date === null ? 'undated' : `${approx}${date}`;
}

/** "Call: Putin – Orbán · 2024-12-11". */
export function eventLabel(event: EventNode): string {
  return `${event.label} · ${shortEventDate(event)}`;
}
