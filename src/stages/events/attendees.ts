// People the article says were present at a meeting, in a sentence of their own: "Whitman ... and Cabinet Secretary
// Alfred Mutua were also present", "Meg Whitman also attended the meeting". They are parties to the meeting the article
// is telling of there: the last one reported before (an aside such as "days after the senator held talks" is not it).
// A summit's attendees are found by summits.ts.
import type { Sentence } from '../../nlp/sentences.js';
import type { EventFact } from '../../types.js';
import type { LinkedMention } from '../link/index.js';

const PRESENT_AT = /\b(?:(?:was|were)\s+(?:also\s+)?(?:present|in\s+attendance|among\s+those\s+present)\b|(?:also\s+)?attended\s+(?:the|this|that)\s+(?:[\p{L}-]+\s+){0,2}(?:meeting|talks|discussions?|reception|lunch|dinner)\b)/iu;
// "attended the meeting": a definite report of one meeting, which may come later in the article.
const DEFINITE = /^(?:also\s+)?attended\b/i;

export interface AttendeeContext {
  article: string;
  text: string;
  sentences: Sentence[];
  mentions: LinkedMention[];
}

/** Adds the people named as present to the meeting each such sentence refers to; `asides` are reports that cannot be it. */
export function addPresent(events: { fact: EventFact; at: number }[], asides: Set<EventFact>, ctx: AttendeeContext): void {
  const meetings = events.filter((e) => e.fact.type === 'meeting' && !asides.has(e.fact) && e.fact.participants.some((k) => k.startsWith('person:')));
  for (const s of ctx.sentences) {
    const m = PRESENT_AT.exec(ctx.text.slice(s.start, s.end));
    if (!m) continue;
    const at = s.start + m.index;
    const people = ctx.mentions.filter((x) => x.kind === 'person' && !x.qualifier && x.start >= s.start && x.end <= at);
    if (people.length === 0) continue;
    const before = meetings.filter((e) => e.at < s.start);
    const target = before[before.length - 1] ?? (DEFINITE.test(m[0]) ? meetings.find((e) => e.at >= s.end) : undefined);
    if (!target) continue;
    const added = people.filter((p, i) => !target.fact.participants.includes(p.key) && people.findIndex((q) => q.key === p.key) === i);
    for (const p of added) {
      target.fact.participants.push(p.key);
      target.fact.participantEvidence[p.key] = 'stated';
    }
    // The sentence that puts them there is evidence of the event.
    if (added.length > 0) target.fact.evidence.push({ article: ctx.article, quote: s.text, start: s.start, end: s.end });
  }
}
