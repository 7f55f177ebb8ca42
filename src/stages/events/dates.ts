// The date of one event: the time expression nearest its trigger in its own words, else one the sentence does not give to another event.
import type { Span, TimeExpression } from '../../types.js';
import type { Trigger } from './triggers.js';

function textOf(clause: Span, sentence: Span & { text: string }): string {
  return sentence.text.slice(clause.start - sentence.start, clause.end - sentence.start);
}

/** Picks the time expression for a trigger: after it in its region, then before it, then its clause, the sentence, a post's signature. */
export function pickEventDate(all: TimeExpression[], trigger: Trigger, region: Span, clause: Span, sentence: Span & { text: string }, clauses: Span[], triggers: Trigger[], signature: Span | null): TimeExpression | null {
  // "for the third time since 1979", "founded in 1971": a start of a span, not the time of the event.
  const times = all.filter((t) => !/\b(?:since|until|till|founded\s+in|established\s+in)\s+$/i.test(sentence.text.slice(Math.max(0, t.start - sentence.start - 16), t.start - sentence.start)));
  const known = times.filter((t) => t.precision !== 'unknown');
  const within = (s: Span) => known.filter((t) => t.start >= s.start && t.end <= s.end);
  const after = times.filter((t) => t.start >= trigger.end && t.end <= region.end);
  // The phrase after the trigger is its time even when it cannot be resolved ("within two weeks" with no anchor).
  if (after.length > 0) return after[0].precision === 'unknown' ? null : after[0];
  const before = within(region).filter((t) => t.end <= trigger.start);
  if (before.length > 0) return before[before.length - 1];
  const inClause = within(clause);
  if (inClause.length > 0) return inClause[0];
  // Clauses that hold another trigger keep their dates for it.
  const owned = (t: TimeExpression) => triggers.some((o) => o !== trigger && clauses.some((c) => c.start <= o.start && o.start < c.end && t.start >= c.start && t.end <= c.end));
  const free = within(sentence).filter((t) => !owned(t));
  if (free.length > 0) return free[0];
  // "last negotiated in July, when ... traveled to Moscow": a when-clause and what follows it share the main clause's time.
  const when = clauses.find((c) => c.start <= clause.start && /^\s*when\b/i.test(textOf(c, sentence)));
  if (when) {
    const main = within(sentence).filter((t) => t.end <= when.start);
    if (main.length > 0) return main[main.length - 1];
  }
  return signature ? (within(signature)[0] ?? null) : null;
}
