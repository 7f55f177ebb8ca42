// The date of one event: the time expression nearest its trigger in its own words, else one the sentence does not give to another event.
import type { Span, TimeExpression } from '../../types.js';
import type { Trigger } from './triggers.js';

// "for the third time since 1979", "founded in 1971", "since assuming the presidency last year": the start of a span, not the time of the event.
const SPAN_START = /\b(?:since(?:\s+[\p{L}'’-]+){0,4}|until|till|founded\s+in|established\s+in)\s+$/iu;
const REPORT_VERB = '(?:said|says|reported|reports|announced|told|stated|confirmed|added|noted|revealed|disclosed|tweeted|wrote)';
// "On Monday, media reported that Zarif would pay a visit", "said on July 11 that Qin Gang was not traveling": the time
// dates the report, and the event it tells of is planned for later or called off.
const REPORT_AFTER = new RegExp(`^[^.;]{0,40}?\\b${REPORT_VERB}\\b[^.;]{0,30}?\\bthat\\b`, 'iu');
const REPORT_BEFORE = new RegExp(`\\b${REPORT_VERB}\\s+(?:[\\p{L}.]+\\s+){0,2}$`, 'iu');
const NOT_YET = /\b(?:would|will|was\s+to|were\s+to|is\s+to|are\s+to|plans?|planned|scheduled|expected|set\s+to|going\s+to|intends?|not|no\s+longer)\b/i;
// A relative clause (", who departed earlier this week") tells of the noun before it.
const RELATIVE = /^\s*(?:who|whom|whose|which)\b/i;

function textOf(clause: Span, sentence: Span & { text: string }): string {
  return sentence.text.slice(clause.start - sentence.start, clause.end - sentence.start);
}

/** Whether `t`, before the trigger, dates a reporting verb whose complement holds an event not yet done. */
function datesReport(t: TimeExpression, trigger: Trigger, sentence: Span & { text: string }): boolean {
  if (t.end > trigger.start) return false;
  const gap = sentence.text.slice(t.end - sentence.start, trigger.start - sentence.start);
  const lead = sentence.text.slice(Math.max(0, t.start - sentence.start - 40), t.start - sentence.start);
  const that = REPORT_AFTER.exec(gap) ?? (REPORT_BEFORE.test(lead) ? /^[^.;]{0,20}?\bthat\b/i.exec(gap) : null);
  return that !== null && NOT_YET.test(gap.slice(that[0].length));
}

/** Picks the time expression for a trigger: after it in its region, then before it, then its clause, the sentence, a post's signature. */
export function pickEventDate(all: TimeExpression[], trigger: Trigger, region: Span, clause: Span, sentence: Span & { text: string }, clauses: Span[], triggers: Trigger[], signature: Span | null): TimeExpression | null {
  const times = all.filter((t) => !SPAN_START.test(sentence.text.slice(Math.max(0, t.start - sentence.start - 48), t.start - sentence.start)) && !datesReport(t, trigger, sentence));
  const known = times.filter((t) => t.precision !== 'unknown');
  const within = (s: Span) => known.filter((t) => t.start >= s.start && t.end <= s.end);
  const after = times.filter((t) => t.start >= trigger.end && t.end <= region.end);
  // The phrase after the trigger is its time even when it cannot be resolved ("within two weeks" with no anchor).
  if (after.length > 0) return after[0].precision === 'unknown' ? null : after[0];
  const before = within(region).filter((t) => t.end <= trigger.start);
  if (before.length > 0) return before[before.length - 1];
  // Past a later verb trigger of the clause, a time is that verb's ("their meeting was due ..., leaving X to meet them during the day").
  const nextVerb = triggers.find((o) => o.start > trigger.start && o.start < clause.end && o.form === 'verb');
  const inClause = within(clause).filter((t) => !nextVerb || t.start < nextVerb.start);
  if (inClause.length > 0) return inClause[0];
  // Clauses that hold another trigger keep their dates for it.
  const owned = (t: TimeExpression) => triggers.some((o) => o !== trigger && clauses.some((c) => c.start <= o.start && o.start < c.end && t.start >= c.start && t.end <= c.end));
  // A relative clause's time is the event's only when the clause right before it holds the trigger ("the visit of X, who departed on Monday").
  const aside = (t: TimeExpression) => {
    const at = clauses.findIndex((c) => c.start <= t.start && t.end <= c.end);
    return at > 0 && RELATIVE.test(textOf(clauses[at], sentence)) && clauses[at - 1] !== clause;
  };
  const free = within(sentence).filter((t) => !owned(t) && !aside(t));
  if (free.length > 0) return free[0];
  // "last negotiated in July, when ... traveled to Moscow": a when-clause and what follows it share the main clause's time.
  const when = clauses.find((c) => c.start <= clause.start && /^\s*when\b/i.test(textOf(c, sentence)));
  if (when) {
    const main = within(sentence).filter((t) => t.end <= when.start);
    if (main.length > 0) return main[main.length - 1];
  }
  return signature ? (within(signature)[0] ?? null) : null;
}
