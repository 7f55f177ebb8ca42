// The date of one event: the time expression nearest its trigger in its own words, else one the sentence does not give to another event.
import type { EventFact, ResolvedDate, Span, TimeExpression } from '../../types.js';
import { addDays, rangeDate, rangesOverlap } from '../dates/index.js';
import type { LinkedArticle } from '../link/index.js';
import { findTriggers, type Trigger } from './triggers.js';

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

// "departs on Monday ... and will return on 31 March": the first and last days of a trip.
const ITINERARY = /\b(?:departs?|leaves?|flies|fly|travels?|sets?\s+off|arrives?)\b[^.;]*?\b(?:returns?|come\s+back|be\s+back)\b/i;
// "during the five-day visit", "a three-day state visit": a trip's length in days
const TRIP_DAYS = /\b(two|three|four|five|six|seven|[2-9])-day\s+(?:(?:state|official|working|maiden)\s+)?(?:visit|trip|tour|stay)\b/i;
// "during a past visit to Pretoria": another trip than the one under way
const PAST_TRIP = /\b(?:past|previous|earlier|former|last)\s+(?:[\p{L}-]+\s+)?(?:visit|trip|tour)\b/iu;
const DAY_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
// "While in Fiji, Mahuta will meet ...", "During her visit, ...": an event of the trip, in the trip's days
// "In his first visit to the country since ..., Lula will participate in ... a restricted meeting with President Luis Arce"
const DURING_TRIP = /^\s*(?:While\s+in\s+\p{Lu}|(?:During|In|On)\s+(?:the|his|her|their)\s+(?:\S+\s+){0,2}?(?:visit|stay|trip|tour)\b)/u;

type Dated = Pick<EventFact, 'date' | 'dateEvidence' | 'dateInferred'>;

/** A dated trigger whose only named party is `party`: "President William Ruto Friday August 18 morning held talks with a US Senator". */
export interface OnePartyReport {
  party: string;
  type: string;
  time: TimeExpression;
  sentence: Span & { text: string };
}

const family = (type: string) => (type === 'summit' ? 'meeting' : type);

/**
 * A lead that dates an event but names one party, and the next sentence that names both ("The President hosted Delaware
 * Senator Chris Coons"), tell of one event: the report takes the lead's date and its words. Only a report with no time of
 * its own, of the same kind and party, in the very next sentence, and a day its status allows. Changes `facts` in place.
 */
export function datesFromOneParty(facts: EventFact[], leads: OnePartyReport[], linked: LinkedArticle): void {
  for (const lead of leads) {
    const index = linked.sentences.findIndex((s) => s.start === lead.sentence.start);
    const next = linked.sentences[index + 1];
    if (index < 0 || !next) continue;
    const anchor = linked.date;
    const fits = (f: EventFact) => !anchor || (f.status === 'occurred' ? lead.time.dateStart! <= anchor : f.status === 'planned' ? lead.time.dateEnd! >= anchor : true);
    const reports = facts.filter((f) => inSentence(f, next) && family(f.type) === family(lead.type) && f.participants.includes(lead.party) && (f.date.precision === 'unknown' || f.dateInferred) && fits(f));
    if (reports.length !== 1) continue;
    const [report] = reports;
    setDate(report, { date: lead.time.date, precision: lead.time.precision, dateStart: lead.time.dateStart, dateEnd: lead.time.dateEnd }, lead.time.text, `one-party-lead:${lead.time.rule}`, lead.time.anchor);
    report.evidence = [{ article: linked.clean.meta.id, quote: lead.sentence.text, start: lead.sentence.start, end: lead.sentence.end }, ...report.evidence];
  }
}

function setDate(fact: Dated, date: ResolvedDate, text: string, rule: string, anchor: string | null): void {
  fact.date = date;
  fact.dateEvidence = { text, rule, anchor };
  fact.dateInferred = false;
}

const people = (fact: EventFact) => fact.participants.filter((k) => k.startsWith('person:'));
const inSentence = (fact: EventFact, s: Span) => fact.evidence.some((e) => e.start === s.start);

/** The reports of one trip or event in an article, as several sentences tell of it: grouped by their parties. */
function oneEvent(facts: EventFact[]): EventFact[] {
  const keys = new Set(facts.map((f) => [...f.participants].sort().join('|')));
  return keys.size === 1 ? facts : [];
}

/**
 * Dates that other sentences of the article give a trip and its events: the days of its itinerary, its length around a
 * day it was under way, the trip's span for what happens "while in" its destination, and the time a later mention of an
 * event names ("after the meeting on Monday", "Cleverly's visit was planned for the end of July"). Changes `facts` in place.
 */
export function refineEventDates(facts: EventFact[], linked: LinkedArticle, times: TimeExpression[]): EventFact[] {
  const anchor = linked.date;
  const dayTimes = (s: Span) => times.filter((t) => t.start >= s.start && t.end <= s.end && t.precision === 'day' && t.date);
  const named = (s: Span, fact: EventFact) => linked.mentions.some((m) => m.start >= s.start && m.end <= s.end && people(fact).includes(m.key));
  const visits = () => facts.filter((f) => f.type === 'visit' && f.status !== 'cancelled');
  // the trip the sentence names its traveller of, else the one trip that fits
  const pick = (fits: EventFact[], s: Span) => (oneEvent(fits.filter((f) => named(s, f))).length > 0 ? oneEvent(fits.filter((f) => named(s, f))) : oneEvent(fits));
  for (const s of linked.sentences) {
    const itinerary = ITINERARY.exec(s.text);
    if (itinerary) {
      const back = s.start + itinerary.index + itinerary[0].length;
      const first = dayTimes(s).filter((t) => t.end <= back).pop();
      const last = dayTimes(s).find((t) => t.start >= back);
      if (first && last && first.date! <= last.date!) {
        const span = rangeDate(first.date!, last.date!);
        const fits = visits().filter((f) => f.date.precision !== 'day' && (f.date.precision === 'unknown' || rangesOverlap(f.date, span)) && (!anchor || (f.status === 'planned') === (first.date! > anchor)));
        for (const f of pick(fits, s)) setDate(f, span, `${first.text} ... ${last.text}`, 'itinerary', anchor);
      }
    }
    const length = TRIP_DAYS.exec(s.text);
    if (length) {
      const days = /\d/.test(length[1]) ? Number(length[1]) : DAY_WORDS.indexOf(length[1].toLowerCase());
      const trip = pick(visits().filter((f) => (f.date.precision === 'unknown' || f.dateInferred) && !f.evidence.some((e) => PAST_TRIP.test(e.quote))), s);
      // the day it was under way: an event of the visitor's on a day this article gives
      const during = trip.length > 0 ? facts.find((f) => !trip.includes(f) && f.date.precision === 'day' && f.status === 'occurred' && people(f).some((p) => people(trip[0]).includes(p))) : undefined;
      if (during?.date.date) for (const f of trip) setDate(f, rangeDate(addDays(during.date.date, 1 - days), addDays(during.date.date, days - 1)), length[0], 'trip-length', anchor);
    }
  }
  for (const fact of facts) {
    if (fact.type === 'visit' || fact.date.precision !== 'unknown') continue;
    const sentence = linked.sentences.find((s) => inSentence(fact, s));
    if (!sentence || !DURING_TRIP.test(sentence.text)) continue;
    const trip = oneEvent(visits().filter((v) => (v.date.precision === 'range' || v.date.precision === 'day') && !v.dateInferred && v.status === fact.status && people(v).some((p) => fact.participants.includes(p))));
    if (trip.length > 0) setDate(fact, { ...trip[0].date }, sentence.text.slice(0, 40).trim(), 'during-trip', anchor);
  }
  sameTrip(facts, anchor);
  purposeOfVisit(facts, linked);
  laterMentions(facts, linked, times);
  return facts;
}

/** "would pay an official visit to Turkey", after the visit "scheduled for Tuesday": an undated report of the article's one dated trip of that visitor to that place is that trip. */
function sameTrip(facts: EventFact[], anchor: string | null): void {
  const hosts = (f: EventFact) => f.participants.filter((k) => !k.startsWith('person:')).sort().join('|');
  const same = (v: EventFact, f: EventFact) => hosts(v) === hosts(f) && people(v).some((p) => f.participants.includes(p));
  for (const fact of facts) {
    if (fact.type !== 'visit' || fact.date.precision !== 'unknown') continue;
    // a plan is that of a trip still ahead or called off, a report of one done of a trip done
    // (a cancelled trip is not the one planned anew, "a more low-key visit to London before the end of this year")
    const fits = (v: EventFact) => (fact.status === 'planned' ? v.status !== 'occurred' : v.status === fact.status) && (!anchor || v.status !== 'planned' || v.date.dateEnd! >= anchor);
    const dated = facts.filter((v) => v !== fact && v.type === 'visit' && v.date.precision !== 'unknown' && v.date.precision !== 'year' && !v.dateInferred && same(v, fact) && fits(v));
    const trips = new Set(dated.map((v) => `${v.date.dateStart}..${v.date.dateEnd}`));
    if (trips.size === 1) setDate(fact, { ...dated[0].date }, dated[0].dateEvidence?.text ?? '', 'same-trip', anchor);
  }
}

// "visited Turkey on Tuesday to meet Cavusoglu", "would pay a visit to Turkey to hold a meeting with": the meeting is what the trip is for.
const PURPOSE = /^[^.;]{0,80}?\bto\s+(?:meet|hold|have)\b/i;

/** A meeting that is the purpose of a visit in its sentence takes the visit's date. */
function purposeOfVisit(facts: EventFact[], linked: LinkedArticle): void {
  for (const meeting of facts) {
    if (meeting.type !== 'meeting' || meeting.date.precision !== 'unknown') continue;
    const s = linked.sentences.find((x) => inSentence(meeting, x));
    if (!s) continue;
    const visit = facts.find((v) => v.type === 'visit' && v.date.precision !== 'unknown' && inSentence(v, s) && people(v).some((p) => meeting.participants.includes(p)));
    const at = visit ? s.text.indexOf(visit.trigger) : -1;
    if (!visit || at < 0 || !PURPOSE.test(s.text.slice(at + visit.trigger.length)) || s.text.indexOf(meeting.trigger, at) < 0) continue;
    setDate(meeting, { ...visit.date }, visit.dateEvidence?.text ?? visit.trigger, 'purpose-of-visit', visit.dateEvidence?.anchor ?? null);
  }
}

// "the original plan for it to happen this summer", "it was due to take place in May": "it" is the event just told of.
const IT_HAPPENS = /\bit\s+(?:to\s+|would\s+|will\s+|was\s+(?:due|set|scheduled|expected|planned)\s+to\s+)(?:happen|take\s+place|go\s+ahead|be\s+held)\b/i;

/** "after the meeting on Monday", "Cleverly's visit was originally planned for the end of July": a later mention, with no event of its own, dates the one event it names. */
function laterMentions(facts: EventFact[], linked: LinkedArticle, times: TimeExpression[]): void {
  const text = linked.clean.original;
  for (const [index, s] of linked.sentences.entries()) {
    const it = IT_HAPPENS.exec(s.text);
    const previous = linked.sentences.slice(0, index).reverse().find((p) => facts.some((f) => inSentence(f, p)));
    if (it && previous && !facts.some((f) => inSentence(f, s))) {
      const end = s.start + it.index + it[0].length;
      const time = times.find((t) => t.start >= end && t.start - end <= 20 && t.end <= s.end && t.precision !== 'unknown');
      const told = oneEvent(facts.filter((f) => inSentence(f, previous) && f.date.precision === 'unknown'));
      if (time) for (const f of told) setDate(f, { date: time.date, precision: time.precision, dateStart: time.dateStart, dateEnd: time.dateEnd }, time.text, `later-mention:${time.rule}`, time.anchor);
    }
    for (const trigger of findTriggers(s.text, s.start)) {
      if (facts.some((f) => inSentence(f, s) && f.type === trigger.type)) continue;
      const owner = /\b(\p{Lu}[\p{L}-]+)['’]s\s+(?:\p{Ll}+\s+)?$/u.exec(text.slice(Math.max(s.start, trigger.start - 40), trigger.start));
      // "the meeting", "Cleverly's visit"; not "the Oslo talks", which names an event of its own
      const bare = /\b(?:the|that|this)\s+$/i.test(text.slice(Math.max(s.start, trigger.start - 6), trigger.start));
      if (!owner && !(trigger.form === 'noun' && trigger.definite && bare)) continue;
      const time = times.find((t) => t.start >= trigger.end && t.start - trigger.end <= 45 && t.end <= s.end && t.precision !== 'unknown' && !SPAN_START.test(text.slice(Math.max(0, t.start - 48), t.start)));
      if (!time || /[,;]/.test(text.slice(trigger.end, time.start))) continue;
      const ownerKey = owner ? [...linked.mentions].reverse().find((m) => m.kind === 'person' && m.end <= trigger.start && m.text.endsWith(owner[1]))?.key : undefined;
      if (owner && !ownerKey) continue;
      // a plan is not dated before the article, nor a done event after it
      const fitsStatus = (f: EventFact) => !time.anchor || (f.status !== 'planned' || time.dateEnd! >= time.anchor) && (f.status !== 'occurred' || time.dateStart! <= time.anchor);
      const earlier = oneEvent(facts.filter((f) => f.type === trigger.type && f.evidence[0].start < s.start && fitsStatus(f) && (f.date.precision === 'unknown' || (f.dateInferred && rangesOverlap(f.date, time))) && (!ownerKey || f.participants.includes(ownerKey))));
      for (const f of earlier) setDate(f, { date: time.date, precision: time.precision, dateStart: time.dateStart, dateEnd: time.dateEnd }, time.text, `later-mention:${time.rule}`, time.anchor);
    }
  }
}
