// Events stage: calls, meetings, summits and visits in a linked article, with participants, status, location and date.
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { countryKey } from '../../graph/keys.js';
import type { Sentence } from '../../nlp/sentences.js';
import type { EventFact, ParticipantEvidence, Source, Span, TimeExpression } from '../../types.js';
import { addDays, rangesOverlap, UNKNOWN_DATE } from '../dates/index.js';
import type { LinkedArticle, LinkedMention, PlaceMention } from '../link/index.js';
import { addPresent } from './attendees.js';
import { findClauses } from './clauses.js';
import { delegationIn, delegationMembers, type DelegationMember } from './delegations.js';
import { datesFromOneParty, pickEventDate, refineEventDates, type OnePartyReport } from './dates.js';
import { isPastReport, modalityOf, parseVerbsOfEach, readModality, type Modality, type VerbPhrase } from './modality.js';
import { detectStatus } from './status.js';
import { foldSummits } from './summits.js';
import { findTriggers, type Trigger } from './triggers.js';

// "the two presidents", "both leaders", "the presidents'": people introduced before.
// "the presidents of Serbia and Kosovo": the office holders of the countries that follow.
const OF_GROUP_RE = /\bthe\s+(presidents|prime\s+ministers|leaders|heads\s+of\s+state|foreign\s+ministers)\s+of\s+/giu;
// "their meeting": the two people of the event before it.
const GROUP_RE = /\b(?:the\s+two|both(?:\s+the)?)\s+(presidents|leaders|heads\s+of\s+state|prime\s+ministers)\b|\bthe\s+(presidents|leaders)(?=['’]|\s)|\b(their)(?=\s+(?:[\p{L}-]+\s+){0,3}(?:meeting|talks|call|conversation|summit|encounter)s?\b)/giu;
const LEADING_PP = /^\s*(?:in|during|on)\s+(?:a|an|the|their|his|her)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const TEMPORAL_CLAUSE = /^\s*(?:following|after|before|since|during)\b/i;
const PRONOUN_RE = /\b(?:he|she|his|her)\b/giu;
// A bare title used as a pronoun: "The president had earlier received ...", "the senator held separate talks".
// At a clause's start the article may be missing: "External Affairs Minister held long discussions with ...".
const ROLE_TITLES = ['president', 'prime minister', 'minister', 'premier', 'chancellor', 'senator', 'governor', 'chairman', 'foreign minister', 'secretary-general', 'external affairs minister', 'foreign secretary', 'secretary of state', 'defence minister', 'defense minister'];
const caseFree = (title: string) => title.split(/([\s-]+)/).map((w) => (/^[\s-]+$/.test(w) ? (w.includes('-') ? '-' : '\\s+') : `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)).join('');
// "the NZ Foreign Minister", "the Fijian prime minister": a country's acronym or demonym may come between.
const ROLE_PRONOUN_RE = new RegExp(`(?:\\b[Tt]he\\s+(?:([A-Z]{2,3}|\\p{Lu}\\p{Ll}+(?:an|ese|ish|ic|i))\\s+)?|^\\s*)(${ROLE_TITLES.map(caseFree).sort((a, b) => b.length - a.length).join('|')})\\b(?!\\s+(?:of\\b|\\p{Lu}))(?![’']s)`, 'gu');
const FORMER_BEFORE = /\b(?:former|late|ex-|then|outgoing|erstwhile)\s*(?:\p{L}+\s+){0,3}$/iu;
// A mention right after these words is where the event happens, not who takes part.
const LOCATIVE_BEFORE = /\b(?:in|at|to|into)\s+(?:the\s+|both\s+)?$/i;
// What follows these words is the topic or purpose, not a party: "held a call to discuss tensions over Ukraine".
// "amid tension between China and the US", "drawing condemnation from EU leaders": context and reactions, not parties.
const TOPIC_AFTER = /\s(?:to\s+(?!meet\b|hold\b|host\b)[a-z]+|about|regarding|concerning|over|amid|amidst|at\s+a\s+time|against\s+the\s+backdrop|in\s+the\s+context|drawing|prompting|sparking|triggering|on\s+(?:the\s+)?(?:matter|issue|topic|situation|war|conflict))\b/i;
// Between a host and the visit it invites a guest to: "has invited Polish Foreign Minister Geremek to".
const INVITED_TO = /^\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?invit(?:ed|es|ing)\s+[^.;]{1,80}?\s+to\s+(?:pay\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,2})?$/u;
// News agencies and broadcasters: told something, they are its audience.
const PRESS = '(?:Reuters|AFP|Agence\\s+France-Presse|Xinhua|Interfax|TASS|CNN|(?:the\\s+)?BBC|(?:the\\s+)?Associated\\s+Press|AP)';
const PRESS_TOLD = new RegExp(`^${PRESS}$`, 'i');
// Words that report speech: the one who says them tells of the event and is not, by saying so, a party to it; "told"
// only with an audience of the press, since "Trump told Putin" may be the call itself.
const SPEECH_AFTER = new RegExp(String.raw`^(?:\s*,\s*[^,;.]{1,60}?,)?\s*,?\s+(?:also\s+)?(?:said|says|added|stated|noted|announced|tweeted|wrote|confirmed|explained|insisted|claimed|reported|believes|believed|thinks|hopes|hoped|stressed|emphasi[sz]ed|(?:told|tells)\s+(?:reporters|journalists|the\s+(?:press|media|newspaper|paper|daily|(?:news\s+)?agency)|(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)|state\s+(?:media|television|radio|news\s+agency)|${PRESS}))\b`, 'i');
// A speech verb after the clause it reports, then the speaker's title: ', said government spokesman ', '," says '.
// Only title words between: "said he would meet Xi" is another clause.
const SPEECH_BEFORE = /[,”"]\s*(?:said|says|added|told\s+reporters|according\s+to)\s+(?:the\s+)?(?:(?!(?:he|she|they|it|we|I|that|this|to|would|will|could|had|has|have|was|were|is|not)\s)[\p{L}.'’-]+\s+){0,4}$/u;
// A demonym or a country standing for its people: "Moroccan diplomats", "Egyptian intelligence officials", "envoys of the Gulf states".
const BODY_NOUN = '(?:diplomats?|officials?|envoys?|delegations?|representatives?|authorities|negotiators?|counterparts?|ambassadors?|emissar(?:y|ies)|government|leaders|officers|ministers|team)';
const DEMONYM_BODY = new RegExp(`^(?:\\s+(?:and|,)\\s+\\p{Lu}\\p{L}+)*\\s+(?:[\\p{Ll}-]+\\s+){0,2}${BODY_NOUN}\\b(?!\\s+\\p{Lu})`, 'u');
const BODY_OF = new RegExp(`\\b${BODY_NOUN}\\s+(?:of|from)\\s+(?:the\\s+)?$`, 'iu');
// Speech verbs and things a host can receive that are not visitors: "received a letter", "welcomed the decision".
const NOT_VISITOR = /\b(?:assurances?|guarantees?|complaints?|requests?|threats?|money|cash|bribes?|payments?|information|letter|message|call|calls|phone|invitation|award|prize|support|aid|report|news|decision|move|statement|proposal|offer|vaccines?|doses|funds?|loans?|visit|results?|outcome|agreement|deal|news|step|initiative|announcement|briefing|copy|dialogue|talks|meetings?|summit|efforts?|plans?|idea|progress|opportunity|chance|prospects?|resumption|return|release|arrival|election|victory|ruling|ceasefire|truce|peace|gesture|remarks|comments|words|signal|sign|news|word|approach|policy|commitment|pledge|contribution|donation|assistance)\b/i;
const TITLE_AFTER = /^\s+(?:special\s+|deputy\s+|vice\s+)?(?:senator|ambassador|envoy|president|secretary|minister|congress(?:man|woman)|representative|governor|consul|high\s+commissioner|chargé)\b/iu;
// "Ambassador to Kenya Meg Whitman", "Special Envoy on Afghanistan": the country of a title, not a party.
const TITLE_OF_BEFORE = /\b(?:envoy|ambassador|representative|negotiator|commissioner|consul|coordinator)\s+(?:on|for|to|in)\s+(?:the\s+)?$/i;
const VENUE_BEFORE = /\b(?:[Aa]t|[Ii]n)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*,\s*$/u;
// Words after a country name that show it is a verb's subject, not a modifier ("Washington are scheduled" vs "U.S. defense companies").
const VERB_AFTER = /^\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|and|or|to|in|on|at|for|with|of|said|says|says|stated|announced|welcomed|appears|agreed|held|met|spoke)\b/i;
// News reports a past event without a date when it happened on the publication day or the day before.
const LEAD_DAYS = 2;
// Words that place a past report before the news of the day: "had earlier received", "previously met", "once visited".
const ASIDE = /\b(?:earlier|previously|formerly|former|once|ago|last|past|since|recalled|history|historic|first\s+time|years?|decades?|ever|never|then|after|before)\b/i;
// "for a delegation to arrive", "for Biden to visit": the subject of an infinitive.
const FOR_TO = /\bfor\s+((?:an?|the|its|their|his|her)\s+[^,;]{0,80}?)\s+to\s+$/i;
const AGENT_NOUN = new RegExp(`\\b(?:${BODY_NOUN}|leader|minister|president|premier|chancellor|king|queen)\\b`, 'i');
// A destination named by an epithet for a country the article named before: "the island nation", "our shores".
const EPITHET_AFTER = /^\s+(?:the\s+(?:[\p{Ll}-]+\s+){0,2}(?:nation|country|kingdom|republic|archipelago|islands?)|our\s+(?:shores|country|nation|islands?))\b/u;
// A tweet or post signature: "— Jens Stoltenberg (@jensstoltenberg) January 31, 2022".
const SIGNATURE_RE = /[—–]\s*([^()\n—–]+?)\s*\(@\w+\)\s*([^\n]*)$/u;

interface Participant {
  key: string;
  kind: string;
  start: number;
  end: number;
  confidence: number;
  evidence: ParticipantEvidence;
  /** The country a visit goes to: its host, kept even when its leader takes part too. */
  host?: boolean;
}

interface Context {
  linked: LinkedArticle;
  kb: KnowledgeBase;
  text: string;
  times: TimeExpression[];
  events: { fact: EventFact; at: number }[];
  /** The people the article names as members of a delegation. */
  delegation: DelegationMember[];
  /** Reports in a temporal subordinate clause ("days after the senator held talks"), not the news being told. */
  asides: Set<EventFact>;
  /** Dated triggers with one named party ("Ruto Friday August 18 morning held talks with a US Senator"), for the report after them. */
  oneParty: OnePartyReport[];
}


/** Finds the events one article reports; pure: the linked article, its time expressions and the KB are its only inputs. */
export function extractEvents(linked: LinkedArticle, times: TimeExpression[], kb: KnowledgeBase): EventFact[] {
  const text = linked.clean.original;
  const ctx: Context = { linked, kb, text, times, events: [], delegation: delegationMembers(text, linked.sentences, linked.mentions), asides: new Set(), oneParty: [] };
  const plans = linked.sentences.map((sentence) => {
    const triggers = findTriggers(sentence.text, sentence.start);
    return { sentence, triggers, clauses: triggers.length > 0 ? findClauses(sentence) : [] };
  });
  // compromise parses the clauses that hold a trigger, each up to its last trigger, all in one call: the parse is the
  // stage's dearest step, and most of its cost is per call.
  const windows = new Map<number, Span>();
  for (const { sentence, triggers, clauses } of plans) {
    for (const trigger of triggers) {
      const clause = clauseOf(clauses, sentence, trigger);
      if (!windows.has(clause.start)) windows.set(clause.start, { start: clause.start, end: parseEnd(text, clause, triggers) });
    }
  }
  const phrases = parseVerbsOfEach(text, [...windows.values()]);
  const parsed = new Map([...windows.keys()].map((start, i) => [start, phrases[i]]));
  const verbs = (clause: Span) => parsed.get(clause.start) ?? [];
  for (const { sentence, triggers, clauses } of plans) {
    if (triggers.length === 0) continue;
    const found: EventFact[] = [];
    for (const trigger of triggers) {
      const event = readEvent(ctx, sentence, clauses, triggers, trigger, verbs);
      if (!event) continue;
      if (trigger.jointSubject || (trigger.definite && /^(?:talks|discussions|exchanges)$/i.test(trigger.text))) sameAsEarlier(ctx, event);
      for (const fact of [...separately(ctx, event, trigger), ...alsoVisited(ctx, event, trigger)]) {
        found.push(fact);
        ctx.events.push({ fact, at: trigger.start });
      }
      const clause = clauses.find((c) => c.start <= trigger.start && trigger.start < c.end);
      if (clause && TEMPORAL_CLAUSE.test(ctx.text.slice(clause.start, trigger.start))) ctx.asides.add(event);
    }
    placeMeetingsAtVisits(found);
    ctx.events = ctx.events.filter((e) => !e.fact.evidence.every((s) => s.start === sentence.start) || found.includes(e.fact));
  }
  talksThatWereCalls(ctx.events.map((e) => e.fact));
  const folded = foldSummits(ctx.events, { text: ctx.text, sentences: linked.sentences, mentions: linked.mentions });
  addPresent(folded, ctx.asides, { article: linked.clean.meta.id, text, sentences: linked.sentences, mentions: linked.mentions });
  for (const e of folded) if (e.fact.type === 'summit') dropRepresented(ctx, e.fact);
  const facts = folded.map((e) => e.fact).filter((f) => f.participants.length >= 2);
  datesFromOneParty(facts, ctx.oneParty, linked);
  return refineEventDates(facts, linked, ctx.times);
}

/** The clause that holds a trigger, or its sentence when the clause split left it out. */
function clauseOf(clauses: Span[], sentence: Sentence, trigger: Trigger): Span {
  return clauses.find((c) => c.start <= trigger.start && trigger.start < c.end) ?? sentence;
}

// The grammar of a trigger lies in it and the words before it (its verb, the verb governing it, the matrix of "to"), so the
// parse stops one word after the clause's last trigger: it costs in proportion to its words, and the rest does not change it.
function parseEnd(text: string, clause: Span, triggers: Trigger[]): number {
  const last = triggers.filter((t) => t.start >= clause.start && t.start < clause.end).at(-1);
  if (!last) return clause.end;
  return Math.min(clause.end, last.end + /^\S*(?:\s+\S+)?/.exec(text.slice(last.end, clause.end))![0].length);
}

/** "had also visited Pakistan and Turkey", "trips to Norway and Iran": one visit to each state named with the destination. */
function alsoVisited(ctx: Context, visit: EventFact, trigger: Trigger): EventFact[] {
  const host = visit.location;
  if (visit.type !== 'visit' || !host?.startsWith('country:') || !visit.participants.includes(host)) return [];
  const countries = ctx.linked.mentions.filter((m) => m.kind === 'country' && !m.qualifier && m.form !== 'demonym' && m.start >= trigger.end);
  let at = countries.find((m) => m.key === host && m.start - trigger.end < 40);
  const out: EventFact[] = [];
  for (const m of countries) {
    if (!at || m.start < at.end) continue;
    if (!/^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$/.test(ctx.text.slice(at.end, m.start))) break;
    if (m.key !== host && !visit.participants.includes(m.key)) {
      const participants = visit.participants.map((k) => (k === host ? m.key : k));
      out.push({ ...visit, participants, participantEvidence: Object.fromEntries(participants.map((k) => [k, k === m.key ? 'visit' : visit.participantEvidence[k]])), location: m.key, date: { ...visit.date }, evidence: [...visit.evidence] });
    }
    at = m;
  }
  return out;
}

/**
 * "leaving Ms Mogherini to meet them separately": one meeting of the subject with each of them; "He and Arafat meet
 * separately Monday with Albright": one meeting of each subject with the object.
 */
function separately(ctx: Context, fact: EventFact, trigger: Trigger): EventFact[] {
  const after = ctx.text.slice(trigger.end, trigger.end + 40);
  let members: string[];
  if (/^\s+them\s+(?:[\p{Ll}-]+\s+)?separately\b/u.test(after)) {
    const last = [...ctx.events].reverse().find((e) => e.at < trigger.start && e.fact.participants.filter((k) => k.startsWith('person:')).length >= 2);
    members = fact.participants.filter((k) => k.startsWith('person:') && last?.fact.participants.includes(k));
  } else if (/^\s+separately\b/.test(after)) {
    // the subjects: the people not named after the trigger
    const sentence = ctx.linked.sentences.find((x) => x.start <= trigger.start && trigger.start < x.end);
    const named = new Set(ctx.linked.mentions.filter((m) => sentence && m.start >= trigger.end && m.end <= sentence.end).map((m) => m.key));
    members = fact.participants.filter((k) => k.startsWith('person:') && !named.has(k));
  } else return [fact];
  const rest = fact.participants.filter((k) => !members.includes(k));
  if (members.length < 2 || rest.length === 0) return [fact];
  return members.map((member) => {
    const participants = [...rest, member];
    return { ...fact, participants, participantEvidence: Object.fromEntries(participants.map((k) => [k, fact.participantEvidence[k]])), date: { ...fact.date }, evidence: [...fact.evidence] };
  });
}

/** "their first talks", reported before the article says they were by phone: talks of the pair of a call in the same article are that call. */
function talksThatWereCalls(facts: EventFact[]): void {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));
  for (const f of facts) {
    if (f.type !== 'meeting' || !/^(?:talks|discussions|exchanges|discussed)$/i.test(f.trigger)) continue;
    const call = facts.find((c) => c.type === 'call' && same(c.participants, f.participants) && (c.date.precision === 'unknown' || f.date.precision === 'unknown' || rangesOverlap(c.date, f.date)));
    if (call) f.type = 'call';
  }
}

/** A summit's states drop out when one of their people attends for them. */
function dropRepresented(ctx: Context, fact: EventFact): void {
  const represented = representedBy(ctx, fact.participants.filter((k) => k.startsWith('person:')));
  fact.participants = fact.participants.filter((k) => k.startsWith('person:') || !represented.has(k));
  fact.participantEvidence = Object.fromEntries(fact.participants.map((k) => [k, fact.participantEvidence[k] ?? 'stated']));
}

/** The countries and bodies the given people hold office for or belong to. */
function representedBy(ctx: Context, people: string[]): Set<string> {
  const represented = new Set<string>();
  for (const key of people) {
    const entity = ctx.linked.entities.find((e) => e.key === key);
    const iso2 = entity?.country ?? ctx.kb.person(key.slice('person:'.length))?.country ?? null;
    if (iso2) represented.add(countryKey(iso2));
    for (const r of entity?.roles ?? []) if (r.of) represented.add(r.of);
  }
  return represented;
}

/**
 * "Putin and Orbán discussed ...", "During the 30-minute talks, ...": a report whose words fit a call as well as a meeting, with the
 * parties of an event reported earlier in the article, is that event (a phone call discussed is still a call).
 */
function sameAsEarlier(ctx: Context, event: EventFact): void {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));
  const earlier = [...ctx.events].reverse().find((e) => same(e.fact.participants, event.participants));
  if (earlier && earlier.fact.type !== event.type && (event.type === 'meeting' || event.type === 'call') && earlier.fact.type === 'call') event.type = earlier.fact.type;
}

/** "last negotiated in July, when the prime minister ... traveled to Moscow": a meeting takes place where its party travelled. */
function placeMeetingsAtVisits(events: EventFact[]): void {
  // "arrived in Cairo to meet Egyptian officials": a meeting of the visitor with the host state is the visit itself.
  for (const visit of events.filter((e) => e.type === 'visit')) {
    const same = events.findIndex((e) => e.type === 'meeting' && e.participants.length === visit.participants.length && e.participants.every((p) => visit.participants.includes(p)));
    if (same >= 0) events.splice(same, 1);
  }
  for (const visit of events.filter((e) => e.type === 'visit' && e.location)) {
    for (const meeting of events.filter((e) => (e.type === 'meeting' || e.type === 'summit') && !e.location)) {
      if (visit.participants.some((p) => p.startsWith('person:') && meeting.participants.includes(p))) meeting.location = visit.location;
    }
  }
}

function readEvent(ctx: Context, sentence: Sentence, clauses: Span[], triggers: Trigger[], trigger: Trigger, verbs: (clause: Span) => VerbPhrase[]): EventFact | null {
  const clause = clauseOf(clauses, sentence, trigger);
  const sameClause = triggers.filter((t) => t.start >= clause.start && t.start < clause.end);
  const index = sameClause.indexOf(trigger);
  const region: Span = {
    start: index === 0 ? clause.start : sameClause[index - 1].end,
    end: index === sameClause.length - 1 ? clause.end : sameClause[index + 1].start,
  };
  // "Solomon Islands is hosting the PIF leaders meeting": the host of a summit attends it (summits.ts); no meeting of its own.
  const next = sameClause[index + 1];
  if (trigger.host && !trigger.needsObject && next?.type === 'summit' && /^[\s\p{L}\d'’-]{0,40}$/u.test(ctx.text.slice(trigger.end, next.start))) return null;
  const topic = TOPIC_AFTER.exec(ctx.text.slice(trigger.end, region.end));
  if (topic) region.end = trigger.end + topic.index;
  const location = findLocation(ctx, trigger, region, clause) ?? sharedDestination(ctx, trigger, triggers, sentence, clauses);
  // The verbs' grammar is read only when a rule asks for it (a trigger left without parties needs none).
  let parsed: Modality | undefined;
  const grammar = () => (parsed ??= modalityOf(ctx.text, verbs(clause), trigger, clause));
  let participants = findParticipants(ctx, trigger, region, clause, sentence, clauses, location, () => grammar().governs);
  // "... following a conversation on Thursday": an event noun in a temporal phrase takes the sentence's people.
  // "In a follow-up phone call on Valentine's Day, the Prime Minister told him ...": the main clause's subject and object.
  const lead = LEADING_PP.exec(ctx.text.slice(sentence.start, trigger.start));
  let phraseOnly = false;
  if (participants.length < 2 && trigger.form === 'noun' && trigger.type !== 'visit' && lead) {
    const comma = ctx.text.indexOf(',', trigger.end);
    if (comma > 0 && comma < sentence.end) {
      // The phrase's own time is the event's ("on Valentine's Day"), not the main clause's.
      region.end = Math.min(region.end, comma);
      phraseOnly = true;
      const main = { start: comma + 1, end: Math.min(sentence.end, comma + 80) };
      const named = toParticipants(candidates(ctx, main, trigger, null).filter((m) => m.kind === 'person'), 0.8);
      const pronouns = pronounsBefore(ctx, main, sentence, true);
      participants = reduceParticipants(ctx, [...participants, ...named, ...pronouns, ...objectsIn(ctx, main, sentence, [...named, ...pronouns])]);
    }
  }
  if (participants.length < 2 && trigger.form === 'noun' && !trigger.definite && trigger.type !== 'visit' && TEMPORAL_CLAUSE.test(ctx.text.slice(clause.start, trigger.start))) {
    participants = reduceParticipants(ctx, [...participants, ...toParticipants(candidates(ctx, sentence, trigger, null).filter((m) => m.kind === 'person'), 0.7)]);
  }
  // "cancelled her meeting with the delegation": the members the article names elsewhere. The delegation is the
  // trigger's object, or its subject when no person is ("the delegation is also scheduled to hold talks").
  const subjectNamed = participants.some((p) => p.kind === 'person' && p.end <= trigger.start);
  const delegation = ctx.delegation.length === 0 ? null : delegationIn(ctx.text, { start: trigger.end, end: region.end }) ?? (subjectNamed ? null : delegationIn(ctx.text, { start: region.start, end: trigger.start }));
  if (delegation) participants = reduceParticipants(ctx, [...participants, ...ctx.delegation.map((m): Participant => ({ key: m.key, kind: 'person', start: delegation.start, end: delegation.end, confidence: 0.75, evidence: 'group' }))]);
  // A delegation meets someone: its members alone are no event ("Refused to meet the visiting delegation").
  if (delegation && participants.every((p) => p.evidence === 'group')) return null;
  // A visit goes somewhere or to someone: "Her visit is the second ..., following the recent visit of Henare" names neither.
  if (trigger.type === 'visit' && !participants.some((p) => p.host) && (trigger.form === 'noun' || !participants.some((p) => p.start >= trigger.end))) return null;
  if (trigger.needsObject && !hasPartyObject(ctx, trigger, region, participants)) return null;
  if (trigger.jointSubject && !hasJointSubject(ctx, trigger, participants)) return null;
  // What two parties discussed is a topic: "discussed a negotiated deal on Ukraine".
  if (trigger.jointSubject) participants = participants.filter((p) => p.end <= trigger.start);
  const signature = signatureOf(ctx, sentence);
  const picked = pickEventDate(ctx.times, trigger, region, clause, sentence, clauses, triggers, signature?.span ?? null);
  // A dated report with one named party ("held talks with a US Senator") may date the report that names the other.
  if (participants.length === 1 && trigger.type !== 'summit' && trigger.form === 'verb' && picked?.precision === 'day' && !grammar().matrix) {
    ctx.oneParty.push({ party: participants[0].key, type: trigger.type, time: picked, sentence });
  }
  // A summit may name its attendees in later sentences (see summits.ts); other events name their parties here.
  if (participants.length < (trigger.type === 'summit' ? 0 : 2)) return null;
  const time = phraseOnly && picked && picked.start >= region.end ? null : picked;
  const status = detectStatus(ctx.text, clause, trigger, time, ctx.linked.date, readModality(grammar(), ctx.text, clause));
  let date = time ?? (trigger.form === 'verb' ? laterRange(ctx, clause, sentence, status.status) : null);
  // A report in the past with no time of its own: on or just before the publication day (a range, never a day).
  const inferred = !date && status.status === 'occurred' && !status.hedged && ctx.linked.date !== null && isPastReport(grammar()) && !ASIDE.test(ctx.text.slice(clause.start, clause.end));
  if (inferred) date = leadRange(ctx.linked.date!, trigger);
  const evidence: Source = { article: ctx.linked.clean.meta.id, quote: sentence.text, start: sentence.start, end: sentence.end };
  return {
    type: trigger.type,
    status: status.status,
    hedged: status.hedged,
    participants: participants.map((p) => p.key),
    participantEvidence: Object.fromEntries(participants.map((p) => [p.key, p.evidence])),
    location: location?.key ?? null,
    date: date ? { date: date.date, precision: date.precision, dateStart: date.dateStart, dateEnd: date.dateEnd } : UNKNOWN_DATE,
    dateEvidence: date ? { text: date.text, rule: date.rule, anchor: date.anchor } : null,
    evidence: [evidence],
    trigger: trigger.text,
    confidence: Math.min(1, ...participants.map((p) => p.confidence)),
    dateInferred: inferred,
    cancellationReported: status.status === 'cancelled' ? ctx.linked.date : null,
  };
}

/** "received South African President Jacob Zuma", not "received a letter from Zuma" nor "called on the international community to act". */
function hasPartyObject(ctx: Context, trigger: Trigger, region: Span, participants: Participant[]): boolean {
  const object = participants.find((p) => p.start >= trigger.end && !p.host);
  if (!object) return false;
  const gap = ctx.text.slice(trigger.end, object.start);
  // The object's own noun phrase too: "welcomes the upcoming Russia-NATO talks".
  const phrase = /^[^,.;]*?(?=\s(?:at|in|on|to|for|from|with|and|who|which|during|after|before)\b|[,.;]|$)/.exec(ctx.text.slice(object.end, object.end + 60))?.[0] ?? '';
  if (gap.length > 80 || /[;.]/.test(gap) || NOT_VISITOR.test(gap) || NOT_VISITOR.test(phrase)) return false;
  // "called on X to resign", "called on X for": an appeal.
  if (/^call/i.test(trigger.text) && (/[,]|\bfor\b/.test(gap) || /^[^,.;]{0,60}?\b(?:to\s+[a-z]+|for)\b/i.test(ctx.text.slice(object.end, Math.max(region.end, object.end + 60))))) return false;
  return true;
}

/** "Medvedev and Zardari discussed": two parties joined as the subject. */
function hasJointSubject(ctx: Context, trigger: Trigger, participants: Participant[]): boolean {
  const subject = participants.filter((p) => p.end <= trigger.start);
  return subject.length >= 2 && /\sand\s/.test(ctx.text.slice(subject[0].end, subject[subject.length - 1].start));
}

/** The lead-event rule: a past report with no time expression happened within LEAD_DAYS ending on the publication date. */
function leadRange(published: string, trigger: Trigger): TimeExpression {
  return { start: trigger.start, end: trigger.end, text: trigger.text, date: null, precision: 'range', dateStart: addDays(published, 1 - LEAD_DAYS), dateEnd: published, rule: 'lead-event-publication', anchor: published };
}

/** "later stated that he had spoken with Trump": after the date last mentioned and no later than the article. */
function laterRange(ctx: Context, clause: Span, sentence: Sentence, status: string): TimeExpression | null {
  const later = /\blater\b/i.exec(ctx.text.slice(clause.start, clause.end));
  const anchor = ctx.linked.date;
  if (!later || !anchor || status !== 'occurred') return null;
  const previous = [...ctx.times].reverse().find((t) => t.end <= sentence.start && t.dateStart && t.dateStart <= anchor);
  if (!previous?.dateStart) return null;
  const start = clause.start + later.index;
  return { start, end: start + later[0].length, text: later[0], date: null, precision: 'range', dateStart: previous.dateStart, dateEnd: anchor, rule: 'later-than-previous', anchor };
}

/** Where the event takes place: a place or seat of power after "in"/"at", or a visit's destination (a country too). */
function findLocation(ctx: Context, trigger: Trigger, region: Span, clause: Span): PlaceMention | null {
  if (trigger.destination) {
    // "left the country May 7 for check-ups in the UK": the first place the sentence sends the traveller to.
    if (/(?:country|home)$/i.test(trigger.text)) {
      const sent = [...ctx.linked.places.map((p) => ({ p, at: p.start })), ...ctx.linked.mentions.filter((m) => m.kind === 'country' && m.form !== 'demonym' && !m.qualifier).map((m) => ({ p: countryPlace(m), at: m.start }))]
        .filter(({ at }) => at >= trigger.end && at < region.end && /\b(?:in|to|for)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, at - 8), at)))
        .sort((a, b) => a.at - b.at);
      return sent[0]?.p ?? null;
    }
    const after = ctx.linked.places.find((p) => p.start >= trigger.end && p.end <= region.end && p.start - trigger.end < 30);
    if (after) return after;
    // "arrived in Moscow", "went to the Indonesian capital".
    // "land in Santa Cruz de La Sierra, Bolivia": a city the KB lacks, then its country.
    const country = ctx.linked.mentions.find((m) => m.kind === 'country' && (m.form !== 'demonym' || /^\s+capital\b/i.test(ctx.text.slice(m.end, m.end + 10))) && !m.qualifier && m.start >= trigger.end
      // "on a four-day visit, said Britain wanted": a country past a comma is not where the trigger goes.
      && ((m.start - trigger.end < 12 && !/[,;:]/.test(ctx.text.slice(trigger.end, m.start))) || /^\s+(?:[\p{Lu}][\p{L}-]*\s+(?:(?:de|da|do|del|la|el|al)\s+)?){1,5}?[\p{Lu}][\p{L}-]*,\s*$/u.test(ctx.text.slice(trigger.end, m.start))));
    if (country) return countryPlace(country);
    // "arrived at State House" after "received Zuma at State House, Nairobi": the venue is where the article put it before.
    const venue = /^\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)/u.exec(ctx.text.slice(trigger.end, region.end));
    const town = venue ? ctx.linked.places.find((p) => p.end <= trigger.start && ctx.text.slice(Math.max(0, p.start - venue[1].length - 3), p.start).replace(/\s+/g, ' ').endsWith(`${venue[1].replace(/\s+/g, ' ')}, `)) : undefined;
    if (town && (town.countryKey || town.country)) return town;
    // "travel to the island nation", "visit our shores": the country the article named last, not one qualifying a title.
    const epithet = EPITHET_AFTER.exec(ctx.text.slice(trigger.end, region.end));
    const named = epithet ? ctx.linked.mentions.filter((m) => m.kind === 'country' && m.form !== 'demonym' && !m.qualifier && m.end <= trigger.start).pop() : undefined;
    if (epithet && named) return { ...countryPlace(named), start: trigger.end + epithet.index, end: trigger.end + epithet[0].length, text: epithet[0].trim() };
  }
  const inClause = ctx.linked.places.filter((p) => p.start >= clause.start && p.end <= clause.end);
  // "in Abuja House, London": the town after a venue's name is where the event is.
  return inClause.find((p) => /\b(?:in|at)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, p.start - 12), p.start)) || VENUE_BEFORE.test(ctx.text.slice(Math.max(0, p.start - 60), p.start))) ?? null;
}

function countryPlace(country: LinkedMention): PlaceMention {
  return { start: country.start, end: country.end, text: country.text, via: country.via, key: country.key, label: country.label, country: country.key.slice('country:'.length), placeType: 'other', countryKey: country.key };
}

// Words that compare two visits to one place: "Her visit is the second ... to arrive in Fiji, following the recent visit of Henare".
const COMPARED = /\b(?:following|after|second|third|another|like|before)\b/i;

/** A visit of someone that names no destination, compared in its sentence with one that does, went there too. */
function sharedDestination(ctx: Context, trigger: Trigger, triggers: Trigger[], sentence: Sentence, clauses: Span[]): PlaceMention | null {
  if (trigger.type !== 'visit' || trigger.form !== 'noun') return null;
  for (const other of triggers) {
    if (other === trigger || other.type !== 'visit' || !other.destination) continue;
    const between = ctx.text.slice(Math.min(trigger.end, other.end), Math.max(trigger.start, other.start));
    if (!COMPARED.test(between) || /[.;]/.test(between) || !/^\s+(?:of|by)\s/i.test(ctx.text.slice(trigger.end, trigger.end + 5))) continue;
    const clause = clauses.find((c) => c.start <= other.start && other.start < c.end) ?? sentence;
    const place = findLocation(ctx, { ...other, destination: true }, { start: other.start, end: sentence.end }, clause);
    if (place?.countryKey || place?.country) return place;
  }
  return null;
}

/** Mentions in a span that can take part in an event: not a qualifier, a bare demonym, a place, a modifier or a speaker. */
function candidates(ctx: Context, span: Span, trigger: Trigger, location: PlaceMention | null): LinkedMention[] {
  const text = ctx.text;
  return ctx.linked.mentions.filter((m) => {
    if (m.start < span.start || m.end > span.end || m.qualifier) return false;
    const after = text.slice(m.end, m.end + 60);
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const standsFor = (m.kind === 'country' || m.kind === 'organization') && (DEMONYM_BODY.test(after) || BODY_OF.test(before));
    if (m.form === 'demonym' && !standsFor) return false;
    if (location && m.start >= location.start && m.end <= location.end) return false;
    if (m.kind !== 'person' && LOCATIVE_BEFORE.test(before.slice(-14))) return false;
    // "a member of the EU", "presidency of the Council": a qualifier, unless the "of" belongs to the trigger ("summit of Russia and the OSCE") or to a body ("envoys of the Gulf states").
    if (/\bof\s+(?:the\s+)?$/i.test(before) && !standsFor && !/^\s*of\s+(?:the\s+)?$/i.test(text.slice(trigger.end, m.start))) return false;
    if (m.kind === 'country' && !standsFor && isAttributive(text, m)) return false;
    if (m.kind === 'country' && TITLE_OF_BEFORE.test(before)) return false;
    // "At State House, Nairobi held talks": the town of a venue, not a party standing for its state.
    if ((m.form === 'capital' || m.form === 'metonym') && VENUE_BEFORE.test(before)) return false;
    // "Kabul/Doha, Feb 15 (IANS) A Taliban delegation ...", "OTTAWA, ON, April 1, 2025 /CNW/ - Today, ...": the agency
    // of a wire or press-release dateline, in brackets or slashes after its date.
    if (m.kind === 'organization' && /\d\s*(?:\(\s*$|\/$)/.test(before) && (before.endsWith('/') ? after.startsWith('/') : /^\s*\)/.test(after))) return false;
    // "Alberto Fernandez (Argentina)": the country of the person before it.
    if (m.kind === 'country' && /\(\s*$/.test(before) && /^\s*\)/.test(after)) return false;
    // "Albright has invited Geremek to visit the United States": the one who invites is the host, not a visitor.
    if (trigger.type === 'visit' && m.kind === 'person' && m.end <= trigger.start && INVITED_TO.test(text.slice(m.end, trigger.start))) return false;
    // "told Reuters", "said to the BBC": the press that hears of the event.
    // "German chancellor to meet Yeltsin Sept 7 - Interfax": the agency a headline cites.
    if (m.kind === 'organization' && PRESS_TOLD.test(m.text) && (/\b(?:told|tells|telling|(?:said|says|spoke|speaking|talking)\s+to)\s+$/i.test(before) || (/\s[-–—]\s*$/.test(before) && /^\s*[.]?\s*$/.test(text.slice(m.end, m.end + 3).split('\n')[0])))) return false;
    return !isSpeaker(text, m, trigger);
  });
}

/** "..., Peskov said", "Peskov said Putin met Trump": the speaker reports the event; "Putin said this in a call with Orbán" takes part. */
function isSpeaker(text: string, m: LinkedMention, trigger: Trigger): boolean {
  // "..., said government spokesman Dimitris Reppas": the speaker after the speech it ends.
  if (m.start >= trigger.end && SPEECH_BEFORE.test(text.slice(Math.max(trigger.end, m.start - 60), m.start))) return true;
  const speech = SPEECH_AFTER.exec(text.slice(m.end, m.end + 90));
  if (!speech) return false;
  const verbEnd = m.end + speech.index + speech[0].length;
  if (m.start >= trigger.end) return /[,”"]/.test(text.slice(trigger.end, m.start));
  // Before the trigger: a speaker only when the trigger has its own subject after the speech verb ("said he believes
  // that Aquino's visit"), not when the trigger is where the speaker said it ("said this in a telephone conversation").
  if (verbEnd > trigger.start) return false;
  const between = text.slice(verbEnd, trigger.start);
  // "said in a statement on Monday that Premier Li will visit": where it was said, then what.
  if (/^\s+(?:this|it|so)?\s*(?:in|during|after|at|on|by)\b/i.test(between) && !/\bthat\s+(?:\p{Lu}|(?:he|she|they|the)\s)/u.test(between)) return false;
  // 'Buhari wrote: “Very pleased to welcome my friend ...': the author of a first-person quote is its subject.
  const quote = between.search(/[“"]/);
  if (quote >= 0 && !/\s\p{Lu}\p{Ll}+|\b(?:he|she|they)\b/u.test(between.slice(quote + 1).replace(/^\s*\p{Lu}\p{Ll}*/u, ''))) return false;
  return /\p{Lu}\p{Ll}+|\b(?:he|she|they)\b|['’]s\b/u.test(between);
}

/** "U.S. defense companies", "the Ukraine border issue": a country name used as a modifier. */
function isAttributive(text: string, m: LinkedMention): boolean {
  const after = text.slice(m.end, m.end + 24);
  // "a US Senator", "United States Ambassador Meg Whitman": the country of a person's title.
  if (TITLE_AFTER.test(after)) return true;
  if (!/^\s+\p{Ll}/u.test(after) || VERB_AFTER.test(after)) return false;
  const acronym = /^[A-Z.]+$/.test(m.text.replace(/^the\s+/i, ''));
  const withThe = /^the\s/i.test(m.text) || /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 5), m.start));
  return acronym ? !withThe : withThe;
}

/** The parties to one trigger: names, roles, group phrases and pronouns, by the trigger's grammar. */
function findParticipants(ctx: Context, trigger: Trigger, region: Span, clause: Span, sentence: Sentence, clauses: Span[], location: PlaceMention | null, governed: () => boolean): Participant[] {
  const text = ctx.text;
  const inRegion = candidates(ctx, region, trigger, location).filter((m) => trigger.type !== 'visit' || m.kind === 'person');
  const parts: Participant[] = [];
  if (trigger.form === 'noun') {
    // A noun names its parties in its modifiers ("the Putin-Trump summit") or after it ("the call between Trump and Putin").
    // "the Beijing summit", "the Brasilia summit": a city before a gathering is where it meets, not a party.
    const modifiers = inRegion.filter((m) => m.end <= trigger.start && /^[\s-]*(?:[\p{L}“”"'’-]+\s+){0,2}$/u.test(text.slice(m.end, trigger.start)));
    parts.push(...toParticipants(modifiers.filter((m) => trigger.type === 'visit' || (m.form !== 'capital' && m.form !== 'metonym')), 1));
    const after = text.slice(trigger.end, region.end);
    const linker = /^[^,;]{0,40}?\b(between|with|of)\b/i.exec(after);
    if (linker) parts.push(...toParticipants(inRegion.filter((m) => m.start >= trigger.end + linker.index), 1));
    parts.push(...groupParticipants(ctx, { start: Math.max(region.start, trigger.start - 30), end: region.end }, trigger));
    // "the recent visit of Peeni Henare": the visitor follows; the sentence's subject is someone else.
    const visitorAfter = trigger.type === 'visit' && /^(?:of|by)$/i.test(linker?.[1] ?? '') && inRegion.some((m) => m.kind === 'person' && m.start >= trigger.end);
    if (!visitorAfter && (linker?.[1].toLowerCase() === 'with' || trigger.destination)) parts.push(...subjectOf(ctx, trigger, clause, sentence, clauses));
    else if (!visitorAfter && governed()) {
      // "The presidents of Serbia and Kosovo called off a meeting": the object of a verb takes the verb's subject.
      const group = groupParticipants(ctx, { start: clause.start, end: trigger.start }, trigger);
      parts.push(...(group.length > 0 ? group : subjectOf(ctx, trigger, clause, sentence, clauses)));
    }
  } else {
    parts.push(...toParticipants(inRegion, 1));
    parts.push(...groupParticipants(ctx, { start: Math.max(region.start, trigger.start - 40), end: region.end }, trigger));
    if (!parts.some((p) => p.start < trigger.start)) parts.push(...subjectOf(ctx, trigger, clause, sentence, clauses));
    // "Orbán and he met": a second subject; a possessive there ("on his Facebook wall, Buhari wrote") is no party.
    else parts.push(...pronounsBefore(ctx, { start: region.start, end: trigger.start }, sentence, true));
    parts.push(...objectPronoun(ctx, trigger, sentence, parts));
  }
  // A visit goes to the country of its destination: a capital stands for it, a town lies in it ("land in Santa Cruz"),
  // unless the visitors are at home there (a leader's tour of his own country is no visit to it).
  const destination = location?.countryKey ?? (location?.country ? countryKey(location.country) : null);
  const atHome = !location?.countryKey && destination !== null && representedBy(ctx, parts.filter((p) => p.kind === 'person').map((p) => p.key)).has(destination);
  if (trigger.type === 'visit' && destination && !atHome) parts.push({ key: destination, kind: 'country', start: location!.start, end: location!.end, confidence: 0.9, evidence: 'visit', host: true });
  // "Hu said he believes that Aquino's visit ...": a pronoun that says or believes is a speaker too ("he and Putin would convene" is not).
  return reduceParticipants(ctx, parts.filter((p) => !(p.evidence === 'pronoun' && isSpeaker(ctx.text, { start: p.start, end: p.end } as LinkedMention, trigger))));
}

function toParticipants(mentions: LinkedMention[], confidence: number): Participant[] {
  return mentions.map((m) => {
    const evidence: ParticipantEvidence = m.form === 'role' ? 'role' : m.form === 'demonym' ? 'demonym' : 'stated';
    return { key: m.key, kind: m.kind, start: m.start, end: m.end, confidence: Math.min(confidence, m.confidence, m.form === 'demonym' ? 0.8 : 1), evidence };
  });
}

/** The subject when the trigger's words name none before it: the clause's first person, a pronoun, a signature, or the previous clause's subject. */
function subjectOf(ctx: Context, trigger: Trigger, clause: Span, sentence: Sentence, clauses: Span[]): Participant[] {
  // "the second ... for a high-level delegation from New Zealand to arrive in Fiji": the infinitive's subject is what "for" names.
  // Not "arrived in Japan for a three-day visit to meet Abe": there "for" names the trip, and the subject is the traveller.
  const forTo = FOR_TO.exec(ctx.text.slice(clause.start, trigger.start));
  const agents = forTo ? candidates(ctx, { start: clause.start + forTo.index, end: trigger.start }, trigger, null).filter((m) => m.kind === 'person') : [];
  if (forTo && (agents.length > 0 || AGENT_NOUN.test(forTo[1]))) return toParticipants(agents.slice(0, 1), 1);
  const before = candidates(ctx, { start: clause.start, end: trigger.start }, trigger, null).filter((m) => m.kind === 'person');
  if (before.length > 0) return toParticipants(before.slice(0, 1), 1);
  const pronouns = pronounsBefore(ctx, { start: clause.start, end: trigger.start }, sentence);
  if (pronouns.length > 0) return pronouns.slice(-1);
  const signature = signatureOf(ctx, sentence);
  if (signature?.author) return [signature.author];
  // "began his peace mission and traveled to Moscow": a coordinated verb shares the previous clause's subject.
  const previous = clauses.filter((c) => c.end <= clause.start).reverse();
  for (const c of previous) {
    const people = candidates(ctx, c, trigger, null).filter((m) => m.kind === 'person');
    if (people.length > 0) return toParticipants(people.slice(-1), 0.8);
    const p = pronounsBefore(ctx, c, sentence);
    if (p.length > 0) return p.slice(-1);
  }
  // "After meeting Putin, Trump flew home": a leading clause with no subject shares the main clause's.
  if (clause.start === sentence.start && clauses.length > 1) {
    const main = clauses[clauses.indexOf(clause) + 1];
    const first = main ? candidates(ctx, main, trigger, null).find((m) => m.kind === 'person' && m.start - main.start < 40) : undefined;
    if (first) return toParticipants([first], 0.8);
  }
  return [];
}

/** "had visited him", "met her": the person an object pronoun stands for, other than the trigger's subject. */
function objectPronoun(ctx: Context, trigger: Trigger, sentence: Sentence, parts: Participant[]): Participant[] {
  const them = /^\s+(them)\b/u.exec(ctx.text.slice(trigger.end, trigger.end + 10));
  if (them) return themOf(ctx, trigger.end + them.index + them[0].length - 4, parts);
  const m = /^\s+(him|her)\b(?!\s+(?:\p{Ll}+\s+)?(?:visit|trip|meeting|call|counterpart|talks))/u.exec(ctx.text.slice(trigger.end, trigger.end + 40));
  if (!m) return [];
  const at = trigger.end + m.index + m[0].length - m[1].length;
  const antecedent = antecedentOf(ctx, at, sentence, false, parts.filter((p) => p.kind === 'person').map((p) => p.key));
  return antecedent ? [{ key: antecedent.key, kind: 'person', start: at, end: at + m[1].length, confidence: 0.7, evidence: 'pronoun' }] : [];
}

/** "leaving Ms Mogherini to meet them": the people of the last event told before, other than the trigger's subject. */
function themOf(ctx: Context, at: number, parts: Participant[]): Participant[] {
  const subject = new Set(parts.filter((p) => p.kind === 'person').map((p) => p.key));
  const last = [...ctx.events].reverse().find((e) => e.at < at && e.fact.participants.filter((k) => k.startsWith('person:') && !subject.has(k)).length >= 2);
  const people = last?.fact.participants.filter((k) => k.startsWith('person:') && !subject.has(k)) ?? [];
  return people.map((key) => ({ key, kind: 'person', start: at, end: at + 4, confidence: 0.7, evidence: 'group' }));
}

/** Object pronouns in a span ("told him"), each standing for a person other than those already found. */
function objectsIn(ctx: Context, span: Span, sentence: Sentence, found: Participant[]): Participant[] {
  const out: Participant[] = [];
  for (const m of ctx.text.slice(span.start, span.end).matchAll(/\b(?:him|her)\b(?!\s+(?:\p{Ll}+\s+)?(?:visit|trip|meeting|call|counterpart|talks))/gu)) {
    const at = span.start + m.index;
    const antecedent = antecedentOf(ctx, at, sentence, false, [...found, ...out].map((p) => p.key));
    if (antecedent) out.push({ key: antecedent.key, kind: 'person', start: at, end: at + m[0].length, confidence: 0.7, evidence: 'pronoun' });
    break;
  }
  return out;
}

/** Pronouns in a span, resolved to the person they stand for; "the president" alone stands for the last person named with that title. */
function pronounsBefore(ctx: Context, span: Span, sentence: Sentence, subjectsOnly = false): Participant[] {
  const out: Participant[] = [];
  const slice = ctx.text.slice(span.start, span.end);
  for (const m of slice.matchAll(ROLE_PRONOUN_RE)) {
    const at = span.start + m.index;
    if (ctx.linked.mentions.some((x) => x.kind === 'person' && x.start <= at && at < x.end)) continue;
    const holder = titleHolder(ctx, at, m[2]);
    // "the Fijian Foreign Minister" is not the New Zealand one named before.
    const of = m[1] ? ctx.linked.mentions.find((x) => x.kind === 'country' && x.start >= at && x.end <= at + m[0].length) : undefined;
    if (holder && of && !representedBy(ctx, [holder]).has(of.key)) continue;
    if (holder) out.push({ key: holder, kind: 'person', start: at, end: at + m[0].length, confidence: 0.7, evidence: 'role' });
  }
  // ", who is on his first state visit": the pronouns of a relative clause stand for the word the clause is about.
  const relative = /^\s*who\b/i.test(slice) && /,\s*$/.test(ctx.text.slice(Math.max(0, span.start - 3), span.start));
  const about = relative ? ctx.linked.mentions.find((x) => x.kind === 'person' && x.end <= span.start && span.start - x.end <= 3) : undefined;
  for (const m of slice.matchAll(PRONOUN_RE)) {
    if (subjectsOnly && !/^(?:he|she)$/i.test(m[0])) continue;
    const at = span.start + m.index;
    if (relative) {
      if (about) out.push({ key: about.key, kind: 'person', start: at, end: at + m[0].length, confidence: 0.7, evidence: 'pronoun' });
      continue;
    }
    const subject = /^(?:he|she)$/i.test(m[0]);
    // A subject pronoun after a person in its own clause stands for that clause's subject ("Mahuta has announced she will").
    const own = subject ? ctx.linked.mentions.find((x) => x.kind === 'person' && !x.qualifier && x.start >= span.start && x.end <= at) : undefined;
    const antecedent = own ?? antecedentOf(ctx, at, sentence, subject);
    if (antecedent) out.push({ key: antecedent.key, kind: 'person', start: at, end: at + m[0].length, confidence: 0.7, evidence: 'pronoun' });
  }
  return out;
}

/** The last person before `at` whose title in this article contains `title` ("president", "senator"). */
function titleHolder(ctx: Context, at: number, title: string): string | null {
  const word = title.toLowerCase().replace(/\s+/g, ' ');
  const titled = new Set(ctx.linked.entities.filter((e) => e.kind === 'person' && e.roles.some((r) => r.origin === 'text' && r.title.toLowerCase().includes(word))).map((e) => e.key));
  const before = new RegExp(`\\b${word}\\s+(?:[\\p{Lu}][\\p{L}.]*\\s+){0,3}$`, 'iu');
  for (const m of ctx.linked.mentions.filter((x) => x.kind === 'person' && x.end <= at).reverse()) {
    // "former President Uhuru Kenyatta" no longer holds the title "The President" stands for.
    if (FORMER_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 40), m.start))) continue;
    if (titled.has(m.key) || m.office?.title.toLowerCase().includes(word) || before.test(ctx.text.slice(Math.max(0, m.start - 40), m.start))) return m.key;
  }
  return null;
}

/**
 * A subject pronoun ("when she visited") stands for the sentence's subject, its first person; a possessive ("during his
 * visit") for the last person named before it; with none in the sentence, the subject of the nearest sentence before.
 */
function antecedentOf(ctx: Context, at: number, sentence: Sentence, subject: boolean, not: string[] = []): LinkedMention | null {
  const people = ctx.linked.mentions.filter((m) => m.kind === 'person' && !m.qualifier && !not.includes(m.key));
  const inSentence = people.filter((m) => m.start >= sentence.start && m.end <= at);
  if (inSentence.length > 0) return subject ? inSentence[0] : inSentence[inSentence.length - 1];
  const sentences = ctx.linked.sentences.filter((s) => s.end <= sentence.start).reverse();
  for (const s of sentences) {
    const first = people.find((m) => m.start >= s.start && m.end <= s.end);
    if (first) return first;
  }
  return null;
}

/** The author and date span of a tweet signature in the sentence's paragraph ("— Jens Stoltenberg (@jensstoltenberg) January 31, 2022"). */
function signatureOf(ctx: Context, sentence: Sentence): { author: Participant | null; span: Span } | null {
  const block = ctx.linked.clean.blocks.find((b) => b.start <= sentence.start && sentence.end <= b.end);
  if (!block) return null;
  const m = SIGNATURE_RE.exec(block.text);
  if (!m) return null;
  const start = block.start + m.index;
  const span = { start, end: block.end };
  const author = ctx.linked.mentions.find((x) => x.kind === 'person' && x.start >= start && x.end <= block.end);
  return { author: author ? { key: author.key, kind: 'person', start: author.start, end: author.end, confidence: 0.9, evidence: 'stated' } : null, span };
}

/** "the two presidents" -> the people of the last event of the same kind, else the last two people with that role named together. */
function groupParticipants(ctx: Context, span: Span, trigger: Trigger): Participant[] {
  const text = ctx.text.slice(span.start, span.end);
  const out: Participant[] = [];
  for (const m of text.matchAll(GROUP_RE)) {
    const at = span.start + m.index;
    // "advisors from the two presidents", "the presidents of Russia": the group qualifies someone else.
    if (/\b(?:from|of|by)\s+$/i.test(ctx.text.slice(Math.max(0, at - 6), at))) continue;
    if (/^\s+of\b/i.test(ctx.text.slice(at + m[0].length, at + m[0].length + 4))) continue;
    const role = (m[1] ?? m[2] ?? m[3]).toLowerCase();
    const people = role === 'their' ? lastPair(ctx, at) : (groupFromEvents(ctx, at, role, trigger) ?? groupFromSentences(ctx, at, role));
    if (people) for (const key of people) out.push({ key, kind: 'person', start: at, end: at + m[0].length, confidence: 0.75, evidence: 'group' });
  }
  for (const m of text.matchAll(OF_GROUP_RE)) out.push(...officeHolders(ctx, span.start + m.index, span.start + m.index + m[0].length, m[1].toLowerCase()));
  return out;
}

/** "the presidents of Serbia and Kosovo": the holder of that office in each country named, as the article or the KB on its date has it. */
function officeHolders(ctx: Context, start: number, end: number, title: string): Participant[] {
  const office = title.startsWith('prime') ? 'head_of_government' : title.startsWith('foreign') ? 'foreign_minister' : 'head_of_state';
  const titleWord = new RegExp(title.startsWith('leader') || title.startsWith('heads') ? 'president|prime minister|leader|chancellor|king' : title.replace(/s$/, '').replace(/s\s/, ' '), 'i');
  const countries: LinkedMention[] = [];
  let at = end;
  for (const m of ctx.linked.mentions.filter((x) => x.kind === 'country' && x.start >= end)) {
    if (!/^(?:\s*,\s*|\s*,?\s+and\s+|\s*)$/.test(ctx.text.slice(at, m.start))) break;
    countries.push(m);
    at = m.end;
  }
  if (countries.length < 2) return [];
  const out: Participant[] = [];
  for (const c of countries) {
    const named = ctx.linked.mentions.find((m) => m.kind === 'person' && m.office?.type === office && m.office.of === c.key)?.key
      ?? ctx.linked.entities.find((e) => e.kind === 'person' && e.roles.some((r) => r.of === c.key && r.origin === 'text' && titleWord.test(r.title)))?.key;
    const held = ctx.linked.date ? ctx.kb.holders(office, c.key.slice('country:'.length), ctx.linked.date) : [];
    const key = named ?? (held.length === 1 ? `person:${held[0].id}` : null);
    if (!key) return [];
    out.push({ key, kind: 'person', start, end: at, confidence: 0.75, evidence: 'group' });
  }
  return out;
}

/** "Suga agreed with Xi in their first talks": the two people named before in the sentence; else those of the last event ("spoke with Sheinbaum ... their meeting at the G7"). */
function lastPair(ctx: Context, at: number): string[] | null {
  const sentence = ctx.linked.sentences.find((s) => s.start <= at && at < s.end);
  const named = [...new Set(ctx.linked.mentions.filter((m) => m.kind === 'person' && !m.qualifier && sentence && m.start >= sentence.start && m.end <= at).map((m) => m.key))];
  if (named.length === 2) return named;
  const last = [...ctx.events].reverse().find((e) => e.at < at);
  const people = last?.fact.participants.filter((k) => k.startsWith('person:')) ?? [];
  return people.length === 2 ? people : null;
}

function groupFromEvents(ctx: Context, at: number, role: string, trigger: Trigger): string[] | null {
  const family = (t: string) => (t === 'summit' ? 'meeting' : t);
  for (const e of [...ctx.events].reverse()) {
    if (e.at > at || family(e.fact.type) !== family(trigger.type)) continue;
    const people = e.fact.participants.filter((k) => k.startsWith('person:'));
    if (people.length === 2 && people.every((k) => hasGroupRole(ctx, k, role))) return people;
  }
  return null;
}

function groupFromSentences(ctx: Context, at: number, role: string): string[] | null {
  for (const s of [...ctx.linked.sentences].reverse()) {
    if (s.start >= at) continue;
    const keys = [...new Set(ctx.linked.mentions.filter((m) => m.kind === 'person' && !m.qualifier && m.start >= s.start && m.end <= Math.min(s.end, at)).map((m) => m.key))];
    const fit = keys.filter((k) => hasGroupRole(ctx, k, role));
    if (fit.length === 2) return fit;
  }
  return null;
}

function hasGroupRole(ctx: Context, key: string, role: string): boolean {
  const wanted = role.startsWith('president') || role.startsWith('heads') ? ['head_of_state'] : role.startsWith('prime') ? ['head_of_government'] : ['head_of_state', 'head_of_government', 'secretary_general', 'org_president'];
  const textRoles = ctx.linked.mentions.filter((m) => m.key === key && m.office).map((m) => m.office!.type);
  if (textRoles.some((t) => wanted.includes(t))) return true;
  const person = ctx.kb.person(key.slice('person:'.length));
  if (!person) return false;
  const offices = ctx.linked.date ? ctx.kb.officesAt(person.id, ctx.linked.date) : person.offices;
  return offices.some((o) => wanted.includes(o.type));
}

/** One participant per key; a country drops out when one of its people takes part for it (a visit's host stays). */
function reduceParticipants(ctx: Context, parts: Participant[]): Participant[] {
  const byKey = new Map<string, Participant>();
  for (const p of parts) {
    const seen = byKey.get(p.key);
    if (!seen || p.confidence > seen.confidence || p.host) byKey.set(p.key, { ...p, host: p.host || seen?.host, evidence: seen && seen.confidence >= p.confidence ? seen.evidence : p.evidence });
  }
  const list = [...byKey.values()];
  const represented = representedBy(ctx, list.filter((p) => p.kind === 'person').map((p) => p.key));
  return list.filter((p) => p.host || !(p.kind !== 'person' && represented.has(p.key))).sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
}
