// Clause boundaries inside a sentence, so that each trigger takes its parties and date from its own clause.
import type { Span } from '../../types.js';
import type { Sentence } from '../../nlp/sentences.js';

// ", which" / " when " / ", followed by" / "according to" ...: a new clause starts at the boundary word.
// "According to X, ..." ends at its comma; " and stated ..." starts a clause with its own verb; "a US Senator who was
// behind ..." starts a restrictive relative clause, whose names are not the main verb's parties.
const BOUNDARY = /,\s*(?=(?:which|who|whom|while|but|although|followed\s+by|and\s+(?:the|a|an)\b|according\s+to)\b)|\s(?=(?:when|following|after|before|because|whereas|during\s+which)\s)|\sand\s+(?=[a-z]+ed\s)|(?<=\p{Ll})\s(?=who\s+(?:was|is|were|are|had|has|have|will|would)\s)|;\s*|\s[—–]\s|^according\s+to\s[^,]+,\s*/giu;

const LEADING_SUBORDINATE = /^(?:(?:\w+\s+){0,2}(?:after|before)|when|while|once|although|though|as\s+soon\s+as|following)\s[^,;]{8,}?,\s*/iu;

/** Splits a sentence into clauses at relative, temporal and coordinating boundaries; the spans cover the sentence. */
export function findClauses(sentence: Sentence): Span[] {
  const cuts = [sentence.start];
  for (const m of sentence.text.matchAll(BOUNDARY)) {
    const at = sentence.start + m.index + m[0].length;
    // "Leaders Meeting and Associated Meetings": a name, not a coordinated verb (the pattern is case-blind).
    if (/^\sand\s+$/i.test(m[0]) && /^\p{Lu}/u.test(sentence.text.slice(m.index + m[0].length))) continue;
    if (at > cuts[cuts.length - 1] && at < sentence.end) cuts.push(at);
    // A non-restrictive relative clause (", who has fostered ... leaders,") ends at its closing comma.
    if (/^,\s*$/.test(m[0]) && /^(?:who|which)\b/i.test(sentence.text.slice(m.index + m[0].length))) {
      const close = sentence.text.indexOf(',', m.index + m[0].length);
      if (close > 0) cuts.push(sentence.start + close + 1);
    }
  }
  // "Days after Henare travelled to Fiji to meet his counterpart, Mahuta has announced ...": a leading subordinate clause ends at its comma.
  const lead = LEADING_SUBORDINATE.exec(sentence.text);
  if (lead) cuts.push(sentence.start + lead[0].length);
  cuts.sort((a, b) => a - b);
  cuts.push(sentence.end);
  const clauses: Span[] = [];
  for (let i = 0; i < cuts.length - 1; i++) clauses.push({ start: cuts[i], end: cuts[i + 1] });
  return clauses;
}
