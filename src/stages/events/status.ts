// Status of an event from tense and modality: occurred, planned or cancelled, and whether the text only speculates.
import type { EventStatus, Span, TimeExpression } from '../../types.js';
import type { Reading } from './modality.js';
import type { Trigger } from './triggers.js';

const CANCELLED = /\b(?:cancel(?:l?ed|s|ling)?|called\s+off|fail(?:ure|ed|s)?\s+to|refus(?:ed|al|es)\s+to|scrapped|postpone[sd]?|postponing|put\s+off|no\s+longer)\b/i;
const PLANNED = /\b(?:will|would|['’]ll|shall|plans?\s+to|planned|planning|plans|is\s+set\s+to|are\s+set\s+to|was\s+set\s+to|were\s+set\s+to|scheduled|expected\s+to|expects?\s+to|could\s+(?:take\s+place|happen|be\s+held)|to\s+be\s+held|upcoming|forthcoming|next\s+(?:week|month)|decision\s+to\s+hold|agreed\s+to\s+(?:meet|hold)|preparations?\s+for|venue\s+for|intends?\s+to|is\s+to|are\s+to|potential|proposed|possible|prospects?\s+(?:of|for))\b/i;
// "An official visit of Zarif to Turkey that was scheduled for Tuesday has been canceled": the noun's own predicate, past its relative clause.
const CANCELLED_PREDICATE = /^[^,;.]{0,120}?\b(?:has|have|had)\s+been\s+(?:cancel+ed|postponed|called\s+off|scrapped|put\s+off)\b/i;
// "their meeting was due to start": the event itself was only due.
const DUE_AFTER = /^\s+(?:is|are|was|were)\s+(?:\p{Ll}+\s+)?due\s+to\b/u;
const HEDGE = /\b(?:could|might|may|possibly|possible|potential|perhaps|speculat\w*|rumou?red)\b/i;
const OCCURRED = /\b(?:held|had|met|spoke|spoken|talked|negotiated|arrived|travell?ed|visited|hosted|convened|took\s+place|was\s+held|were\s+held|has\s+met|have\s+met|discussed|initiated|praised|described)\b/i;

export interface StatusResult {
  status: EventStatus;
  hedged: boolean;
}

/** Reads the status from the clause's words and the parse's reading of the trigger's verb; when they say nothing, a date after the anchor means planned. */
export function detectStatus(text: string, clause: Span, trigger: Trigger, time: TimeExpression | null, anchor: string | null, reading: Reading): StatusResult {
  // The words up to the trigger and a few after it ("the meeting could take place", "talks ... are scheduled for").
  const tail = /^(?:(?!\bthat\b)[^,;]){0,60}/.exec(text.slice(trigger.end, clause.end))?.[0] ?? '';
  const words = text.slice(clause.start, trigger.end) + tail;
  const lead = text.slice(clause.start, trigger.end);
  const hedged = HEDGE.test(words) || reading.hedged;
  if (CANCELLED.test(words) || (trigger.form === 'noun' && CANCELLED_PREDICATE.test(text.slice(trigger.end, clause.end)))) return { status: 'cancelled', hedged };
  if (reading.status) return { status: reading.status, hedged };
  if (DUE_AFTER.test(text.slice(trigger.end, clause.end)) || PLANNED.test(lead) || (PLANNED.test(words) && !OCCURRED.test(lead))) return { status: 'planned', hedged };
  if (time?.dateStart && anchor && time.dateStart > anchor) return { status: 'planned', hedged };
  return { status: 'occurred', hedged };
}
