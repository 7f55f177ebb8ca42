// Span arithmetic shared by the link modules (people, organisations, places).
import type { Span } from '../../types.js';

/** Whether two [start, end) spans share a character. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether the span shares a character with any of the others. */
export function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some((o) => spansOverlap(span, o));
}
