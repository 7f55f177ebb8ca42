// Tense of a sentence, and of the clause around a time expression, from cue words: enough to pick a weekday or a year.

export type Tense = 'past' | 'present' | 'future';

// "will meet", "is set to", "are scheduled for", "as planned", "plans to", "expected to", "could take place", "next week"
const FUTURE_CUES =
  /\b(?:will|won[’']t|shall|would|going to|(?:(?:is|are|was|were) )?set (?:to|for)|scheduled|planned|(?:plan|plans|planning) to|plans for|expects? to|expected to|(?:is|are|was|were) expected|(?:could|may|might)(?! have)|next (?:week|month|year|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|due to (?:be|meet|visit|hold|take)|to be held|intends? to|aims? to|hopes? to|in the coming)\b/i;
// promises point forward, unless told in the past perfect: "has pledged to reach" but not "had once vowed to resolve"
const INTENT_CUE = /\b(?:pledged|pledges|vowed|vows|promised|promises) to\b/gi;
const PAST_PERFECT_BEFORE = /\bhad(?:\s+\w+)?\s*$/i;
const PAST_CUES =
  /\b(?:was|were|had|did|ago|yesterday|last|earlier|previously|met|spoke|said|held|told|made|took|came|went|gave|saw|began|wrote|left|sent|got|found|brought|became|led|won|lost|paid|flew|sought|stood|felt|kept|heard|knew|chose|ran|rang)\b/i;
// regular past forms, but not passive participles in lists ("followed by a meeting", "initiated by Russia")
// nor participles used as adjectives right after a determiner ("the reduced dividend", "its planned visit")
const PAST_ED =
  /(?<!\b(?:the|a|an|its|their|his|her|our|these|those)\s+)\b(?!(?:united|hundred|kindred|indeed|speed|proceed|succeed|exceed|naked|sacred|wicked)\b)[a-z]{3,}ed\b(?!\s+by\b)/i;

// verbs that report what someone said: their past is the report's, not the reported event's; and "planned" as an
// adjective ("his planned Oct. 4-5 visit"), which a report uses as well of a visit that was called off
const LOOSE_CUE = /^(?:said|told|reported|announced|added|stated|noted|explained|claimed|insisted|confirmed|wrote|planned)$/i;
const AFTER_BE = /\b(?:be|being)\s+$/i;

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
  return governingTense(sentence, start, end).tense;
}

/**
 * The tense governing an expression, and whether it is firm: told by a verb of the expression's own clause that is not
 * a reporting verb. "The ministers met in November" is firmly past; in "the boy must be returned by Jan. 14, Meissner
 * said" or "the court ruled that he remain until March 6" the past belongs to the report, not to the date.
 */
export function governingTense(sentence: string, start: number, end: number): { tense: Tense; firm: boolean } {
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
  // within its clause too, the nearest cue speaks for the expression: "Bush on Tuesday said the United States may extend"
  const own = nearestCue(sentence, start, end, clauseStart, clauseEnd);
  if (own) return { tense: own.tense, firm: !LOOSE_CUE.test(own.word) };
  if (EARLIER_OPENER.test(opener)) return { tense: 'past', firm: true };
  return { tense: nearestCue(sentence, start, end, 0, sentence.length)?.tense ?? 'present', firm: false };
}

// the cue nearest the expression, between `from` and `to`, speaks for it: "On Thursday, the two presidents held a call to
// discuss the talks next week"
function nearestCue(sentence: string, start: number, end: number, from: number, to: number): { tense: Tense; word: string } | null {
  let best: { distance: number; tense: Tense; word: string } | null = null;
  const consider = (at: number, word: string, tense: Tense): void => {
    if (at < from || at + word.length > to) return;
    if (at < end && at + word.length > start) return;
    const distance = at >= end ? at - end : start - (at + word.length);
    if (!best || distance < best.distance) best = { distance, tense, word };
  };
  // only the window is searched (the patterns still see the words before it, for their lookbehinds)
  const inWindow = function* (pattern: RegExp): Generator<RegExpExecArray> {
    pattern.lastIndex = from;
    for (let match = pattern.exec(sentence); match !== null && match.index < to; match = pattern.exec(sentence)) yield match;
  };
  for (const [cues, tense] of WINDOW_CUES) {
    for (const match of inWindow(cues)) {
      // in "will be held" the auxiliary carries the tense, not the participle
      if (tense === 'past' && AFTER_BE.test(sentence.slice(Math.max(0, match.index - 8), match.index))) continue;
      consider(match.index, match[0], tense);
    }
  }
  for (const match of inWindow(INTENT_CUE)) {
    if (!PAST_PERFECT_BEFORE.test(sentence.slice(0, match.index))) consider(match.index, match[0], 'future');
  }
  return best;
}

const WINDOW_CUES = [
  [new RegExp(FUTURE_CUES.source, 'gi'), 'future'],
  [new RegExp(PAST_CUES.source, 'gi'), 'past'],
  [new RegExp(PAST_ED.source, 'gi'), 'past'],
] as const;

/** True when `text` holds a verb that tells a tense: "Trump was scheduled to host", "the two leaders pledged". */
export function hasTenseCue(text: string): boolean {
  return cueTense(text) !== null;
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
