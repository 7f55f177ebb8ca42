// Event triggers: the words that report a call, meeting, summit or visit, and whether they are verbs or nouns.
import type { EventType } from '../../types.js';

export interface Trigger {
  start: number;
  end: number;
  text: string;
  type: EventType;
  /** verb: "met with", "held talks" (takes a subject); noun: "a summit", "the call between". */
  form: 'verb' | 'noun';
  /** "the call", "their meeting": refers back unless its own words name the parties. */
  definite: boolean;
  /** "hosted", "host": the subject is the host. */
  host: boolean;
  /** Visits: the text right after the trigger names the destination ("arrived in Moscow"). */
  destination: boolean;
  /** "received", "welcomed", "called on": an event only when a party is its object ("received President Zuma", not "received a letter"). */
  needsObject: boolean;
  /** "discussed": a meeting only when two parties are its subject ("Medvedev and Zardari discussed"). */
  jointSubject: boolean;
}

interface Pattern {
  re: RegExp;
  type: EventType;
  form: 'verb' | 'noun';
  host?: boolean;
  destination?: boolean;
  needsObject?: boolean;
  jointSubject?: boolean;
  /** Nouns that report an event only after a light verb: "held discussions", "had in-depth exchanges". */
  lightVerbOnly?: boolean;
}

// Light verbs that turn a noun trigger into a verbal one: "held a telephone call", "had talks".
const LIGHT_VERB = /\b(?:held|hold|holds|had|has|have)\s+(?:an?\s+|the\s+)?(?:[\p{L}“”"'’-]+\s+){0,3}$/iu;
const DETERMINER = /\b(?:the|their|his|her|its|this|that|these|those|today['’]s|yesterday['’]s|last)\s+(?:[\p{L}“”"'’-]+\s+){0,3}$/iu;

const PATTERNS: Pattern[] = [
  { re: /\b(?:tele)?phone\s+(?:call|conversation|talks?)s?\b/giu, type: 'call', form: 'noun' },
  { re: /\bvideo\s*(?:call|conference|link)s?\b/giu, type: 'call', form: 'noun' },
  { re: /\b(?:spoke|speaks?|speaking|talked|talks?|chatted)\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone\b/giu, type: 'call', form: 'verb' },
  { re: /\b(?:spoke|speaks?|speaking|spoken|talked)\s+(?:with|to)\b/giu, type: 'call', form: 'verb' },
  { re: /\b(?:tele)?phon(?:ed|es|ing)\b/giu, type: 'call', form: 'verb' },
  { re: /\bcall(?:ed|s|ing)?\s+up\b/giu, type: 'call', form: 'verb' },
  { re: /\breach(?:ed|es|ing)?\s+out\s+to\b/giu, type: 'call', form: 'verb' },
  { re: /\bcalls?\b(?=\s+(?:with|between)\b)/giu, type: 'call', form: 'noun' },
  // "a call to modernize", "calls for talks": an appeal, not a call.
  { re: /(?<=\b(?:good|great|productive|substantive|candid|long|lengthy|brief|short|hour-long|phone|a|the|their|his|her|today['’]s)\s+(?:[\p{L}“”"'’-]+\s+){0,2})call\b(?!\s+(?:to|for|on)\b)/giu, type: 'call', form: 'noun' },
  { re: /\bconversations?\b/giu, type: 'call', form: 'noun' },
  { re: /\b(?:met|meets|meeting|meet)\s+(?:with\b)?/giu, type: 'meeting', form: 'verb' },
  { re: /\bmeetings?\b/giu, type: 'meeting', form: 'noun' },
  { re: /\b(?:talks|negotiations)\b/giu, type: 'meeting', form: 'noun' },
  { re: /\brenew(?:ed|s|ing)?\s+(?:negotiations|talks)\b/giu, type: 'meeting', form: 'verb' },
  { re: /\b(?:discussions|exchanges|consultations)\b/giu, type: 'meeting', form: 'noun', lightVerbOnly: true },
  { re: /\bdiscussed\b/giu, type: 'meeting', form: 'verb', jointSubject: true },
  { re: /\bnegotiated\b/giu, type: 'meeting', form: 'verb' },
  { re: /\bencounters?\b/giu, type: 'meeting', form: 'noun' },
  { re: /\b(?:hosted|hosts|hosting|host)\b/giu, type: 'meeting', form: 'verb', host: true },
  { re: /\b(?:received|receives|receiving|receive)\b/giu, type: 'meeting', form: 'verb', host: true, needsObject: true },
  { re: /\b(?:welcomed|welcomes|welcoming|welcome)\b/giu, type: 'meeting', form: 'verb', host: true, needsObject: true },
  // "called on President X" is a courtesy visit; "called on the international community to", "called on Saturday for" are appeals.
  { re: /\bcall(?:ed|s|ing)?\s+on\b/giu, type: 'meeting', form: 'verb', needsObject: true },
  { re: /\bpa(?:id|ys?|ying)\s+(?:an?\s+)?courtesy\s+(?:call|visit)s?\s+(?:on|to)\b/giu, type: 'meeting', form: 'verb', needsObject: true },
  { re: /\b(?:convene|convened|convenes)\b/giu, type: 'meeting', form: 'verb' },
  { re: /\bsummits?\b/giu, type: 'summit', form: 'noun' },
  { re: /\bleaders['’]?\s+(?:meeting|summit)s?\b/giu, type: 'summit', form: 'noun' },
  { re: /\b(?:arrived|arrives|arriving|arrive)\s+(?:in|at)\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:touch(?:ed|es|ing)?\s+down|land(?:ed|s|ing)?)\s+in\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:travell?ed|travels?|travell?ing)\s+to\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:went|goes|going|flew|flies|flying)\s+to\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:depart(?:ed|s|ing)?|left|leaves|leaving)\s+for\b/giu, type: 'visit', form: 'verb', destination: true },
  // "left the country May 7 for further medical check-ups in the UK": the destination comes later in the sentence.
  { re: /\b(?:depart(?:ed|s|ing)?|left|leaves|leaving)\s+(?:the\s+country|home)\b/giu, type: 'visit', form: 'verb', destination: true },
  // "has been in London since May 7": a stay abroad.
  { re: /\b(?:has|have|had)\s+been\s+in\b(?=[^.;]{0,60}\bsince\b)/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\bpa(?:id|ys?|ying)\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}visits?\s+to\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:visited|visits|visiting|visit)\b(?!\s+(?:by|from)\b)/giu, type: 'visit', form: 'verb', destination: true },
  // "since the visit by the late Indira Gandhi": a noun whose visitor follows.
  { re: /(?<=\b(?:the|a|an|this|that)\s+(?:[\p{L}-]+\s+){0,2})visits?\b(?=\s+(?:by|from)\b)/giu, type: 'visit', form: 'noun', destination: true },
  { re: /\b(?:trips?|journeys?)\s+to\b/giu, type: 'visit', form: 'noun', destination: true },
];

// "meeting the criteria", "visit" as a noun handled by its determiner.
// "spoke to reporters": an audience, not a call.
// "to keep talks alive": the process, not one meeting.
// "speaking to a group of engineers", "spoke to shareholders": an audience too.
// "meeting the necessary standards": a target met.
const NOT_EVENT = /^(?:(?:talks|negotiations|meetings)\s+(?:alive|going|afloat|on\s+track)\b|(?:meeting|meet)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:criteria|requirements|demands|targets?|needs|expectations|deadlines?|standards?|goals?|obligations|conditions)\b|(?:spoke|speaks?|speaking|spoken|talked)\s+(?:to|with)\s+(?:the\s+)?(?:reporters|journalists|press|media|news\s+media|students|supporters|crowds?|audience|nation|public|parliament|lawmakers|shareholders|investors|businessmen|voters|(?:an?\s+)?(?:group|gathering|meeting|rally)\s+of))/iu;
// The meeting of one body, not of the parties named beside it: "after a cabinet meeting", "the firm's annual meeting".
const BODY_MEETING = /\b(?:annual|general|shareholders['’]?|board|cabinet|party|plenary|committee|commission)\s+$/i;
// A verb trigger used as a noun or adjective: "Sirius XM host", "this year's host", "talk-show hosts", "a negotiated deal".
// Bare "host" is a verb only after "to" or an auxiliary ("to host", "will host").
const VERB_HOST = /\b(?:to|will|would|shall|can|could|may|might|must|should|did|does|do|not|also|jointly|co-?)\s+$/i;
const NOUN_BEFORE = /(?:\b(?:a|an|the|this|that|its|their|his|her|our|show)\s+(?:[\p{L}-]+\s+)?|['’]s\s+)$/iu;

const TITLE_TOPIC = /\b(?:envoys?|negotiators?|representatives?|advis[eo]rs?|coordinators?|mediators?|delegates?)\s+(?:on|for|to)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;

// Words of a sports report: there players "meet" in a quarter-final, "land in" a half of the draw and are "called up".
const SPORT = /\b(?:(?:national|[\p{L}\d]+-man)\s+squad|World\s+Cup\s+qualifier|qualifiers?\s+against|quarter-?finals?|semi-?finals?|(?:half|quarter)\s+of\s+the\s+draw|free\s+kick|penalty\s+area|glancing\s+header|halfback|goalkeeper|midfielder|Cup\s+(?:match|tie)|group\s+\p{L}+\s+match|grand\s+prix|athletics\s+meeting|innings|wickets)\b/iu;

/** Every trigger in `text` (a sentence), offsets shifted by `offset`; overlapping matches keep the longest; none in a sports report. */
export function findTriggers(text: string, offset = 0): Trigger[] {
  if (SPORT.test(text)) return [];
  const found: Trigger[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const raw = m[0].trimEnd();
      if (NOT_EVENT.test(text.slice(m.index, m.index + 40))) continue;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      if (/^host$/i.test(raw) && !VERB_HOST.test(before)) continue;
      if (/^(?:hosts|negotiated)$/i.test(raw) && NOUN_BEFORE.test(before)) continue;
      if (/^meetings?$/i.test(raw) && BODY_MEETING.test(before)) continue;
      // "was called up by French manager Aime Jacquet", "called up six players": picked for a side, not telephoned.
      if (/^call(?:ed|s|ing)?\s+up$/i.test(raw) && (/\b(?:was|were|been|being|is|are|be|get|got)\s+$/i.test(before) || /^\s+(?:by|for|\d+|two|three|four|five|six|seven|eight|nine|ten|reservists|troops|players)\b/i.test(text.slice(m.index + raw.length)))) continue;
      // "special envoy on Afghan peace talks": the topic of a title, not an event.
      if (p.form === 'noun' && TITLE_TOPIC.test(before)) continue;
      // "the visiting delegation", "a visiting dignitary": an adjective naming a visitor, not a visit's report.
      if (/^visiting$/i.test(raw) && /\b(?:the|a|an|this|that|these|those|our|their)\s+$/i.test(before)) continue;
      let form = p.form;
      if (form === 'noun' && LIGHT_VERB.test(before)) form = 'verb';
      else if (p.lightVerbOnly && /\b(?:holding|having)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before)) form = 'verb';
      else if (p.lightVerbOnly) continue;
      // "visit" after a determiner is a noun: "during his visit to Hungary".
      if ((p.type === 'visit' || /^meeting$/i.test(raw)) && /\b(?:his|her|their|the|a|an|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before)) form = 'noun';
      const definite = form === 'noun' && DETERMINER.test(before);
      found.push({ start: offset + m.index, end: offset + m.index + raw.length, text: raw, type: p.type, form, definite, host: p.host ?? false, destination: p.destination ?? false, needsObject: p.needsObject ?? false, jointSubject: p.jointSubject ?? false });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Trigger[] = [];
  for (const t of found) if (!kept.some((k) => k.start < t.end && t.start < k.end)) kept.push(t);
  return kept;
}
