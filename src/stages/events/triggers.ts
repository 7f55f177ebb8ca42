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
}

interface Pattern {
  re: RegExp;
  type: EventType;
  form: 'verb' | 'noun';
  host?: boolean;
  destination?: boolean;
}

// Light verbs that turn a noun trigger into a verbal one: "held a telephone call", "had talks".
const LIGHT_VERB = /\b(?:held|hold|holds|had|has|have)\s+(?:an?\s+|the\s+)?(?:[\p{L}“”"'’-]+\s+){0,3}$/iu;
const DETERMINER = /\b(?:the|their|his|her|its|this|that|these|those|today['’]s|yesterday['’]s|last)\s+(?:[\p{L}“”"'’-]+\s+){0,3}$/iu;

const PATTERNS: Pattern[] = [
  { re: /\b(?:tele)?phone\s+(?:call|conversation|talks?)s?\b/giu, type: 'call', form: 'noun' },
  { re: /\bvideo\s*(?:call|conference|link)s?\b/giu, type: 'call', form: 'noun' },
  { re: /\b(?:spoke|speaks?|speaking|talked|talks?|chatted)\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone\b/giu, type: 'call', form: 'verb' },
  { re: /\b(?:spoke|speaks?|speaking|spoken|talked)\s+(?:with|to)\b/giu, type: 'call', form: 'verb' },
  { re: /\bphoned\b/giu, type: 'call', form: 'verb' },
  { re: /\bcalls?\b(?=\s+(?:with|between)\b)/giu, type: 'call', form: 'noun' },
  { re: /(?<=\b(?:good|great|productive|substantive|candid|long|lengthy|brief|short|hour-long|phone|a|the|their|his|her|today['’]s)\s+(?:[\p{L}“”"'’-]+\s+){0,2})call\b/giu, type: 'call', form: 'noun' },
  { re: /\bconversations?\b/giu, type: 'call', form: 'noun' },
  { re: /\b(?:met|meets|meeting|meet)\s+(?:with\b)?/giu, type: 'meeting', form: 'verb' },
  { re: /\bmeetings?\b/giu, type: 'meeting', form: 'noun' },
  { re: /\b(?:talks|negotiations)\b/giu, type: 'meeting', form: 'noun' },
  { re: /\bnegotiated\b/giu, type: 'meeting', form: 'verb' },
  { re: /\bencounters?\b/giu, type: 'meeting', form: 'noun' },
  { re: /\b(?:hosted|hosts|hosting|host)\b/giu, type: 'meeting', form: 'verb', host: true },
  { re: /\b(?:convene|convened|convenes)\b/giu, type: 'meeting', form: 'verb' },
  { re: /\bsummits?\b/giu, type: 'summit', form: 'noun' },
  { re: /\b(?:arrived|arrives|arriving|arrive)\s+in\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:travell?ed|travels?|travell?ing)\s+to\b/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:visited|visits|visiting|visit)\b(?!\s+(?:by|from)\b)/giu, type: 'visit', form: 'verb', destination: true },
  { re: /\b(?:trip|journey)\s+to\b/giu, type: 'visit', form: 'noun', destination: true },
];

// "meeting the criteria", "visit" as a noun handled by its determiner.
const NOT_EVENT = /^(?:meeting|meet)\s+(?:the\s+)?(?:criteria|requirements|demands|targets?|needs|expectations|deadline)/i;

/** Every trigger in `text` (a sentence), offsets shifted by `offset`; overlapping matches keep the longest. */
export function findTriggers(text: string, offset = 0): Trigger[] {
  const found: Trigger[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const raw = m[0].trimEnd();
      if (NOT_EVENT.test(text.slice(m.index, m.index + 40))) continue;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      let form = p.form;
      if (form === 'noun' && LIGHT_VERB.test(before)) form = 'verb';
      // "visit" after a determiner is a noun: "during his visit to Hungary".
      if (p.type === 'visit' && /\b(?:his|her|their|the|a|an|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before)) form = 'noun';
      const definite = form === 'noun' && DETERMINER.test(before);
      found.push({ start: offset + m.index, end: offset + m.index + raw.length, text: raw, type: p.type, form, definite, host: p.host ?? false, destination: p.destination ?? false });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Trigger[] = [];
  for (const t of found) if (!kept.some((k) => k.start < t.end && t.start < k.end)) kept.push(t);
  return kept;
}
