// A multilateral summit is one event: the article's reports of it ("the 54th PIF Leaders Meeting", "the meeting",
// "the Brasilia summit") fold into one, typed summit, with every attendee the text names as present, and nobody it
// names as absent, barred, only expected or represented by someone else (the stand-in who attends is in).
import { rangesOverlap } from '../dates/index.js';
import type { EventFact, ParticipantEvidence } from '../../types.js';
import type { Sentence } from '../../nlp/sentences.js';
import type { LinkedMention } from '../link/index.js';
import { findClauses } from './clauses.js';

/** A report of a gathering of many parties: a summit, a leaders' meeting, or a meeting of three parties or more. */
function isGathering(fact: EventFact): boolean {
  return fact.type === 'summit' || (fact.type === 'meeting' && /^meeting$/i.test(fact.trigger) && fact.participants.length >= 3);
}

// Words that put a party at the gathering, and words that keep it away.
const PRESENT = /\b(?:attend(?:ed|s|ing)?|participat(?:ed|es|ing|ion)|took\s+part|take\s+part|taking\s+part|present|gathered|joined|address(?:ed|ing)|chair(?:ed|ing|s)?|host(?:ed|ing|s)?|delegates\s+from|represented\s+by|said\s+at|spoke\s+at|opened)\b/i;
const ABSENT = /\b(?:not|no\s+longer|blocked|barred|absent|absence|without|skip(?:ped|s)?|snub(?:bed|s)?|expected|boycott(?:ed|s)?|excluded|instead\s+of|declined|refused|missed|will\s+be\s+represented|represented)\b/i;
const HOST_BEFORE = /\b(?:host|chair|hosted\s+by|chaired\s+by)\b[^.;]*$/i;
const GATHERING_NOUN = /\b(?:summit|meeting|forum|event|conference|gathering|session)s?\b/i;

export interface SummitContext {
  text: string;
  sentences: Sentence[];
  mentions: LinkedMention[];
}

/** Folds an article's reports of one summit into its first report and adds the attendees the article names; returns the events kept. */
export function foldSummits(events: { fact: EventFact; at: number }[], ctx: SummitContext): { fact: EventFact; at: number }[] {
  const kept: { fact: EventFact; at: number }[] = [];
  let summit: EventFact | null = null;
  for (const e of events) {
    if (!isGathering(e.fact)) {
      kept.push(e);
      continue;
    }
    if (summit && sameGathering(summit, e.fact)) {
      absorb(summit, e.fact);
      continue;
    }
    summit = e.fact;
    kept.push(e);
  }
  for (const e of kept) if (isGathering(e.fact) && e.fact.type === 'summit') addAttendees(e.fact, ctx);
  return kept;
}

function sameGathering(a: EventFact, b: EventFact): boolean {
  if (a.date.precision !== 'unknown' && b.date.precision !== 'unknown' && !rangesOverlap(a.date, b.date)) return false;
  if (a.location && b.location && a.location !== b.location) return false;
  // Two named forums ("the G7 summit", "the SCO summit") are two gatherings.
  const forums = (f: EventFact) => f.participants.filter((p) => p.startsWith('org:'));
  const fa = forums(a);
  const fb = forums(b);
  return fa.length === 0 || fb.length === 0 || fa.some((k) => fb.includes(k));
}

function absorb(summit: EventFact, report: EventFact): void {
  summit.type = 'summit';
  for (const p of report.participants) addParticipant(summit, p, report.participantEvidence[p] ?? 'stated');
  for (const s of report.evidence) if (!summit.evidence.some((x) => x.start === s.start)) summit.evidence.push(s);
  if (summit.date.precision === 'unknown' && report.date.precision !== 'unknown') {
    summit.date = report.date;
    summit.dateEvidence = report.dateEvidence;
    summit.dateInferred = report.dateInferred;
  }
  summit.location ??= report.location;
  summit.confidence = Math.min(summit.confidence, report.confidence);
}

function addParticipant(fact: EventFact, key: string, evidence: ParticipantEvidence): void {
  if (fact.participants.includes(key)) return;
  fact.participants.push(key);
  fact.participantEvidence[key] = evidence;
}

/** People and states named as present in sentences about the gathering: "Addressing the meeting, the PIF Secretary General Baron Waqa". */
function addAttendees(summit: EventFact, ctx: SummitContext): void {
  const first = summit.evidence[0]?.start ?? 0;
  let previous = '';
  for (const s of ctx.sentences) {
    if (s.end <= first) continue;
    const words = ctx.text.slice(s.start, s.end);
    // "... will not take part at the summit. She will be represented by ...": a stand-in right after a sentence about the gathering.
    const standInNext = GATHERING_NOUN.test(previous) && /\brepresented\s+by\b/i.test(words);
    previous = words;
    if (!GATHERING_NOUN.test(words) && !standInNext) continue;
    for (const span of findClauses(s)) {
      const at = span.start;
      const clause = ctx.text.slice(span.start, span.end);
      if (!PRESENT.test(clause) || (!GATHERING_NOUN.test(clause) && !standInNext)) continue;
      // "She will be represented by ... Alberto Otarola": only the stand-in attends; "blocked ... by this year's host, Manele": only the host.
      const standIn = /\brepresented\s+by\b/i.exec(clause);
      const absent = !standIn && ABSENT.test(clause);
      const from = standIn ? at + standIn.index : at;
      for (const m of ctx.mentions) {
        // Not a qualifier, a demonym, nor a place: "arrived in Beijing to attend the Beijing summit".
        if (m.start < from || m.end > span.end || m.qualifier || m.form === 'demonym' || m.form === 'capital' || m.form === 'metonym') continue;
        if (m.kind !== 'person' && /\b(?:in|at|to)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, m.start - 8), m.start))) continue;
        if (absent && !(m.kind === 'person' && HOST_BEFORE.test(ctx.text.slice(Math.max(at, m.start - 45), m.start)))) continue;
        if (m.kind === 'organization') continue;
        if (m.kind === 'country' && summit.participants.some((p) => p.startsWith('person:'))) {
          // A state stands for itself only when none of its people is named as attending.
          if (/\(\s*$/.test(ctx.text.slice(Math.max(0, m.start - 2), m.start))) continue;
        }
        addParticipant(summit, m.key, 'stated');
      }
    }
  }
}
