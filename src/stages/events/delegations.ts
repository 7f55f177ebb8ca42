// A delegation is a party made of people the article names elsewhere: "The delegation comprised Congressmen George
// Holding, Pete Olson ...", "Those on the delegation were governors ...", "A Taliban delegation headed by Amir Khan
// Muttaqi", "the Muttaqi-led delegation". An event whose party is "the delegation" has those people as its parties.
import type { Sentence } from '../../nlp/sentences.js';
import type { Span } from '../../types.js';
import type { LinkedMention } from '../link/index.js';

export interface DelegationMember {
  key: string;
  /** Where the article names the person as a member. */
  start: number;
  end: number;
}

// The word for the body; "team" only with its size or its state ("the five-member US team"), not "a team of doctors".
export const DELEGATION_WORD = /\bdelegations?\b|\b[\p{L}\d]+-member\s+(?:[\p{Lu}.]{2,}\s+|[\p{L}]+\s+)?team\b/giu;
// "The delegation comprised ...", "the delegation hosted to lunch by the President incl ...": every person named after.
const COMPOSITION = /\b(?:delegation|team)\b[^.;:]{0,45}?\s(?:comprised|comprises|comprising|consisted\s+of|consists\s+of|consisting\s+of|included|includes|including|incl\b\.?|(?:was|is|were|are)\s+made\s+up\s+of)|\b(?:those|members|others)\s+(?:on|of|in)\s+the\s+delegation\s+(?:were|are|included|include)\b/giu;
// "a delegation headed by ...", "The delegation was led by ...": its head, and those joined to the head by "and".
const HEAD = /\b(?:delegation|team)\s*,?\s+(?:(?:was|is)\s+)?(?:headed|led)\s+by\s+/giu;
const LED_BEFORE = /^-led\s+(?:[\p{L}-]+\s+)?delegation\b/iu;

/** The people the article names as members or heads of a delegation, in text order, each once. */
export function delegationMembers(text: string, sentences: Sentence[], mentions: LinkedMention[]): DelegationMember[] {
  const people = mentions.filter((m) => m.kind === 'person' && !m.qualifier);
  const out: DelegationMember[] = [];
  const add = (m: LinkedMention) => {
    if (!out.some((x) => x.key === m.key)) out.push({ key: m.key, start: m.start, end: m.end });
  };
  for (const s of sentences) {
    const words = text.slice(s.start, s.end);
    for (const c of words.matchAll(COMPOSITION)) {
      const from = s.start + c.index + c[0].length;
      for (const m of people) if (m.start >= from && m.end <= s.end) add(m);
    }
    for (const h of words.matchAll(HEAD)) {
      let at = s.start + h.index + h[0].length;
      // The head may carry a title first: "headed by acting Foreign Minister Amir Khan Muttaqi", "led by the national chairman of the party, John Odigie-Oyegun".
      for (const m of people.filter((p) => p.start >= at && p.end <= s.end)) {
        const gap = text.slice(at, m.start);
        const first = at === s.start + h.index + h[0].length;
        if (first ? gap.length > 80 || /[;.]/.test(gap) : !/^\s*(?:,|and)\s+(?:\p{Lu}[\p{L}.-]*\s+){0,4}$/u.test(gap)) break;
        add(m);
        at = m.end;
      }
    }
  }
  for (const m of people) if (LED_BEFORE.test(text.slice(m.end, m.end + 40))) add(m);
  return out.sort((a, b) => a.start - b.start);
}

/** Where a span names a delegation as a party ("met the American delegation"), if it does. */
export function delegationIn(text: string, span: Span): Span | null {
  const m = new RegExp(DELEGATION_WORD.source, 'iu').exec(text.slice(span.start, span.end));
  return m ? { start: span.start + m.index, end: span.start + m.index + m[0].length } : null;
}
