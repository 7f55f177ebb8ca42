// The grammar around a trigger, from compromise's parse of its sentence: the verb that carries it (its own, a light
// verb, or the verb whose object it is), that verb's tense, negation and modal, and the verb it is the complement of
// ("refused to meet", "invited X to visit"). Regexes find the trigger; the parse says whether it happened.
import { parseGrammarOfEach, safely } from '../../nlp/compromise.js';
import type { EventStatus, Span } from '../../types.js';
import type { Trigger } from './triggers.js';

/** What compromise says of a verb phrase. */
interface Grammar {
  infinitive: string;
  /** compromise's form: simple-past, present-perfect, past-perfect, modal-infinitive, future... */
  form: string;
  tense: string;
  auxiliary: string;
  negative: boolean;
}

export interface VerbPhrase extends Span, Readonly<Grammar> {
  text: string;
}

interface SpanJson {
  text: string;
  offset: { start: number; length: number };
}

interface VerbJson extends SpanJson {
  verb?: { infinitive?: string; auxiliary?: string; negative?: boolean; grammar?: { form?: string; tense?: string } };
}

interface VerbsView {
  json(options: object): SpanJson[];
  eq(n: number): VerbsView;
  /** The same phrases as a plain view, whose JSON has no verb grammar. */
  toView(): { json(options: object): SpanJson[] };
  /** Per phrase: [sentence, first term, end term, ...]. */
  fullPointer: number[][];
}

const NO_GRAMMAR: Grammar = { infinitive: '', form: '', tense: '', auxiliary: '', negative: false };

/**
 * The verb phrases of each window of `text` (a clause up to its last trigger), with offsets in the article, from one
 * parse; a window compromise fails on gets an empty list. A phrase's grammar (compromise's verb JSON, about half a
 * millisecond each) is read when a rule first asks for it: most phrases are never looked at.
 */
export function parseVerbsOfEach(text: string, windows: Span[]): VerbPhrase[][] {
  if (windows.length === 0) return [];
  const together = safely(() => verbPhrases(text, windows));
  return together.value ?? windows.map((w) => safely(() => verbPhrases(text, [w])[0]).value ?? []);
}

function verbPhrases(text: string, windows: Span[]): VerbPhrase[][] {
  const { doc, textOf } = parseGrammarOfEach(windows.map((w) => text.slice(w.start, w.end)));
  const verbs = doc.verbs() as unknown as VerbsView;
  const spans = verbs.toView().json({ offset: true, terms: false });
  // The parse's offsets run through the windows' texts laid end to end.
  const bases: number[] = [];
  windows.reduce((at, w) => (bases.push(at), at + w.end - w.start), 0);
  const out: VerbPhrase[][] = windows.map(() => []);
  spans.forEach((span, i) => {
    const w = textOf[verbs.fullPointer[i][0]];
    const start = windows[w].start + span.offset.start - bases[w];
    let grammar: Grammar | undefined;
    const read = (): Grammar => (grammar ??= grammarOf(verbs, i));
    out[w].push({
      start,
      end: start + span.offset.length,
      text: span.text,
      get infinitive() { return read().infinitive; },
      get form() { return read().form; },
      get tense() { return read().tense; },
      get auxiliary() { return read().auxiliary; },
      get negative() { return read().negative; },
    });
  });
  return out;
}

function grammarOf(verbs: VerbsView, n: number): Grammar {
  const v = safely(() => (verbs.eq(n).json({ offset: false, terms: false }) as VerbJson[])[0]?.verb).value;
  if (!v) return NO_GRAMMAR;
  return { infinitive: (v.infinitive ?? '').toLowerCase(), form: v.grammar?.form ?? '', tense: v.grammar?.tense ?? '', auxiliary: (v.auxiliary ?? '').toLowerCase(), negative: v.negative ?? false };
}

// Verbs whose complement did not, or not yet, happen.
const CANCELLING = /^(?:refuse|decline|reject|fail|deny|cancel|call off|scrap|postpone|block|bar|prevent|avoid|snub|shun|boycott|skip)\b/;
const PROPOSING = /^(?:demand|propose|offer|invite|ask|urge|request|seek|want|hope|wish|suggest|push|press|call for|insist|encourage)\b/;
const PLANNING = /^(?:expect|plan|intend|agree|prepare|schedule|arrange|aim|decide|promise|pledge|vow|be due|be set|be scheduled|set|look forward|consider|mull)\b/;
// Words between a verb and its object noun that keep the noun its object: "cancelled his planned meeting", "demanded a meeting".
const OBJECT_GAP = /^[\s\p{L}\p{N}.,’'“”"-]*$/u;
const ADJUNCT = /\b(?:after|before|during|since|following|at|in|on|with|of|from|until|when|while|as|amid|over|about|and|or|for|to|regarding|concerning|ahead|towards?)\s/i;
// Verbs whose object is a topic, not an event their subject takes part in: "discuss the upcoming talks".
const TOPIC_VERB = /^(?:regard|concern|involve|discuss|address|mention|review|consider|debate|welcome|praise|criticize|criticise|condemn|report|describe|note)\b/;
const DETERMINER_BEFORE = /\b(?:the|a|an|his|her|their|its|this|that|our)\s+$/i;

export interface Modality {
  /** The verb phrase that carries the trigger, if the parse has one. */
  verb: VerbPhrase | null;
  /** The verb whose complement the trigger's verb is ("refused" in "refused to meet"). */
  matrix: VerbPhrase | null;
  /** True when `verb` is another word than the trigger: the verb whose object a noun trigger is ("demanded a meeting"). */
  governs: boolean;
}

/** Finds the verb carrying a trigger and the verb governing it, within its clause. */
export function modalityOf(text: string, verbs: VerbPhrase[], trigger: Trigger, clause: Span): Modality {
  const inClause = verbs.filter((v) => v.start >= clause.start && v.end <= clause.end);
  let verb = inClause.find((v) => v.start <= trigger.start && trigger.start < v.end) ?? null;
  let governs = false;
  if (!verb || trigger.form === 'noun' || verb.infinitive === trigger.text.toLowerCase()) {
    // A noun or light-verb trigger: the nearest verb before it whose object it is.
    const before = inClause.filter((v) => v.end <= trigger.start && !DETERMINER_BEFORE.test(text.slice(Math.max(clause.start, v.start - 8), v.start)));
    const governing = before[before.length - 1];
    const gap = governing ? text.slice(governing.end, trigger.start) : '';
    if (governing && gap.split(/\s+/).length <= 6 && OBJECT_GAP.test(gap) && !ADJUNCT.test(gap) && !TOPIC_VERB.test(governing.infinitive)) {
      verb = governing;
      governs = true;
    } else if (!verb || trigger.form === 'noun') verb = null;
  }
  if (!verb) return { verb: null, matrix: null, governs };
  // "refused to meet", "invited Trong to visit", "is expected to hold talks": the verb before "to".
  const previous = inClause.filter((v) => v.end <= verb.start);
  const matrixVerb = previous[previous.length - 1];
  const link = matrixVerb ? text.slice(matrixVerb.end, verb.start) : '';
  // The object may come between, with its apposition: "invited Nguyen Phu Trong, general secretary of ..., to visit".
  const matrix = matrixVerb && /\sto\s+$/u.test(link) && !/[;:]/.test(link) && link.length < 120 ? matrixVerb : null;
  return { verb, matrix, governs };
}

export interface Reading {
  status: EventStatus | null;
  hedged: boolean;
}

/** What the grammar says of the event: cancelled (negated, refused), planned (proposed, expected, modal), or nothing. */
export function readModality(m: Modality, text: string, clause: Span): Reading {
  const { verb, matrix } = m;
  if (!verb) return { status: null, hedged: false };
  // The verb that governs the event: the matrix of "refused to meet", else the verb whose object the noun is.
  const governing = matrix ? matrix.infinitive : m.governs ? verb.infinitive : '';
  if (verb.negative || (matrix?.negative ?? false) || CANCELLING.test(governing)) return { status: 'cancelled', hedged: false };
  if (PROPOSING.test(governing)) return { status: 'planned', hedged: true };
  if (PLANNING.test(governing)) return { status: 'planned', hedged: false };
  const aux = `${matrix?.auxiliary ?? ''} ${verb.auxiliary}`;
  if (/\b(?:could|might|may)\b|\bwould\s+have\b/.test(aux)) return { status: 'planned', hedged: true };
  // "if he is in Europe": a condition in the clause.
  if (/\b(?:if|unless)\s/i.test(text.slice(clause.start, clause.end)) && /\b(?:would|could|will)\b/.test(aux)) return { status: 'planned', hedged: true };
  return { status: null, hedged: false };
}

/** A report in the simple past or present perfect ("met", "has met", "held talks"), not the pluperfect of an earlier aside ("had met"). */
export function isPastReport(m: Modality): boolean {
  const v = m.verb;
  if (!v || v.negative || m.matrix) return false;
  return (v.form === 'simple-past' || v.form === 'present-perfect') && !/\bhad\b/.test(v.auxiliary);
}
