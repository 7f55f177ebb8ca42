// Tense of a sentence, and of the clause around a time expression, from cue words: enough to pick a weekday or a year.

export type Tense = 'past' | 'present' | 'future';

// "will meet", "is set to", "are scheduled for", "plans to", "expected to", "could take place", "next week"
const FUTURE_CUES =
  /\b(?:will|won[’']t|shall|would|going to|(?:is|are|was|were) set (?:to|for)|scheduled|(?:plan|plans|planned|planning) to|plans for|expects? to|expected to|(?:is|are|was|were) expected|(?:could|may|might)(?! have)|next (?:week|month|year|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|due to (?:be|meet|visit|hold|take)|to be held|intends? to|aims? to|hopes? to|in the coming)\b/i;
// promises point forward, unless told in the past perfect: "has pledged to reach" but not "had once vowed to resolve"
const INTENT_CUE = /\b(?:pledged|pledges|vowed|vows|promised|promises) to\b/gi;
const PAST_PERFECT_BEFORE = /\bhad(?:\s+\w+)?\s*$/i;
const PAST_CUES =
  /\b(?:was|were|had|did|ago|yesterday|last|earlier|previously|met|spoke|said|held|told|made|took|came|went|gave|saw|began|wrote|left|sent|got|found|brought|became|led|won|lost|paid|flew|sought|stood|felt|kept|heard|knew|chose|ran|rang)\b/i;
// regular past forms, but not passive participles in lists ("followed by a meeting", "initiated by Russia")
const PAST_ED = /\b(?!(?:united|hundred|kindred|indeed|speed|proceed|succeed|exceed|naked|sacred|wicked)\b)[a-z]{3,}ed\b(?!\s+by\b)/i;

// where a clause starts or ends: punctuation and words that open a new clause (not quotes: scare quotes sit mid-clause)
const CLAUSE_BREAK = /[,;:()—–]|\b(?:that|when|while|who|whom|which|where|whereas|but|because|although|though|after|following|since)\b/gi;
// a clause opened by these tells of something earlier than the main clause: "following a conversation on Thursday"
const EARLIER_OPENER = /^(?:after|following|since)$/i;

/** Tense of a sentence from its cue words: future cues win, then past cues; 'present' when there are none. */
export function sentenceTense(sentence: string): Tense {
  return cueTense(sentence) ?? 'present';
}

/** Tense governing the expression at [start, end) of `sentence`: its clause's cues, else past after "following", else the nearest cue. */
export function expressionTense(sentence: string, start: number, end: number): Tense {
  let clauseStart = 0;
  let clauseEnd = sentence.length;
  let opener = '';
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const at = match.index;
    if (at + match[0].length <= start) {
      clauseStart = at + match[0].length;
      opener = match[0];
    } else if (at >= end) {
      clauseEnd = at;
      break;
    }
  }
  const clause = sentence.slice(clauseStart, start) + ' ' + sentence.slice(end, clauseEnd);
  const own = cueTense(clause);
  if (own) return own;
  if (EARLIER_OPENER.test(opener)) return 'past';
  return nearestCueTense(sentence, start, end) ?? 'present';
}

// the cue nearest the expression speaks for it: "On Thursday, the two presidents held a call to discuss the talks next week"
function nearestCueTense(sentence: string, start: number, end: number): Tense | null {
  let best: { distance: number; tense: Tense } | null = null;
  for (const [cues, tense] of [[FUTURE_CUES, 'future'], [PAST_CUES, 'past'], [PAST_ED, 'past']] as const) {
    for (const match of sentence.matchAll(new RegExp(cues.source, 'gi'))) {
      const at = match.index;
      if (at < end && at + match[0].length > start) continue;
      const distance = at >= end ? at - end : start - (at + match[0].length);
      if (!best || distance < best.distance) best = { distance, tense };
    }
  }
  for (const match of sentence.matchAll(INTENT_CUE)) {
    const distance = match.index >= end ? match.index - end : start - (match.index + match[0].length);
    if (distance >= 0 && (!best || distance < best.distance) && !PAST_PERFECT_BEFORE.test(sentence.slice(0, match.index))) {
      best = { distance, tense: 'future' };
    }
  }
  return best?.tense ?? null;
}

function cueTense(text: string): Tense | null {
  if (FUTURE_CUES.test(text) || hasForwardIntent(text)) return 'future';
  if (PAST_CUES.test(text) || PAST_ED.test(text)) return 'past';
  return null;
}

function hasForwardIntent(text: string): boolean {
  for (const match of text.matchAll(INTENT_CUE)) {
    if (!PAST_PERFECT_BEFORE.test(text.slice(0, match.index))) return true;
  }
  return false;
}
