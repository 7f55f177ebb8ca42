// Titles as news writes them ("Foreign Minister", "Kremlin spokesman", "PM") mapped to the office types of the KB.
import type { OfficeType } from '../../kb/types.js';

/** 'executive' stands for whichever office the country's `executive` names ("the U.S. leader", "Ukraine's leader"). */
export type TitleOffice = OfficeType | 'executive';

export interface TitleMatch {
  start: number;
  end: number;
  text: string;
  office: TitleOffice;
  /** The title as a display string ("Foreign Minister"). */
  title: string;
  plural: boolean;
}

// Longest phrases first so "Minister of Foreign Affairs and Trade" wins over "Minister".
const TITLES: [string, TitleOffice][] = [
  ['minister of foreign affairs and trade', 'foreign_minister'],
  ['minister of foreign affairs', 'foreign_minister'],
  ['minister for foreign affairs', 'foreign_minister'],
  ['foreign affairs minister', 'foreign_minister'],
  ['foreign minister', 'foreign_minister'],
  ['foreign secretary', 'foreign_minister'],
  ['secretary of state', 'foreign_minister'],
  ['top diplomat', 'foreign_minister'],
  ['minister of defence', 'defence_minister'],
  ['minister of defense', 'defence_minister'],
  ['defence minister', 'defence_minister'],
  ['defense minister', 'defence_minister'],
  ['defence secretary', 'defence_minister'],
  ['defense secretary', 'defence_minister'],
  ['secretary of defense', 'defence_minister'],
  ['secretary of war', 'defence_minister'],
  ['head of state', 'head_of_state'],
  ['head of government', 'head_of_government'],
  ['prime minister', 'head_of_government'],
  ['premier', 'head_of_government'],
  ['pm', 'head_of_government'],
  ['chancellor', 'head_of_government'],
  ['taoiseach', 'head_of_government'],
  ['president-elect', 'head_of_state'],
  ['vice president', 'official'],
  ['vice-president', 'official'],
  ['president', 'head_of_state'],
  ['king', 'head_of_state'],
  ['queen', 'head_of_state'],
  ['emir', 'head_of_state'],
  ['crown prince', 'official'],
  ['supreme leader', 'head_of_state'],
  ['leader', 'executive'],
  ['secretary-general', 'secretary_general'],
  ['secretary general', 'secretary_general'],
  ['press secretary', 'spokesperson'],
  ['spokesperson', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['spokesman', 'spokesperson'],
  ['national security adviser', 'aide'],
  ['national security advisor', 'aide'],
  ['foreign policy aide', 'aide'],
  ['foreign policy adviser', 'aide'],
  ['chief aide', 'aide'],
  ['chief of staff', 'aide'],
  ['security chief', 'aide'],
  ['chief negotiator', 'aide'],
  ['top negotiator', 'aide'],
  ['top aide', 'aide'],
  ['special envoy', 'aide'],
  ['envoy', 'aide'],
  ['adviser', 'aide'],
  ['advisor', 'aide'],
  ['aide', 'aide'],
  ['ambassador', 'official'],
  ['minister', 'minister'],
];

const PLURALS: Record<string, string> = {
  presidents: 'president',
  'prime ministers': 'prime minister',
  leaders: 'leader',
  'foreign ministers': 'foreign minister',
  'heads of state': 'head of state',
  ministers: 'minister',
};

const TITLE_BY_PHRASE = new Map<string, TitleOffice>(TITLES);
const PHRASES = [...TITLES.map(([p]) => p), ...Object.keys(PLURALS)].sort((a, b) => b.length - a.length);
const TITLE_RE = new RegExp(`(?<![\\p{L}\\p{N}-])(${PHRASES.map(escapeForRegex).join('|')})(?![\\p{L}\\p{N}]|-(?!elect)\\p{L})`, 'giu');

function escapeForRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+');
}

/** Every title phrase in `text` (case-insensitive; "PM" only in capitals), with offsets relative to `text` plus `offset`. */
export function findTitles(text: string, offset = 0): TitleMatch[] {
  const out: TitleMatch[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    const raw = m[0];
    if (raw.toLowerCase() === 'pm' && raw !== 'PM') continue;
    const phrase = raw.toLowerCase().replace(/[\s-]+/g, (sep) => (sep.includes('-') && !/\s/.test(sep) ? '-' : ' '));
    const singular = PLURALS[phrase] ?? phrase;
    const office = TITLE_BY_PHRASE.get(singular) ?? TITLE_BY_PHRASE.get(singular.replace(/-/g, ' '));
    if (!office) continue;
    out.push({
      start: offset + m.index,
      end: offset + m.index + raw.length,
      text: raw,
      office,
      title: displayTitle(singular),
      plural: singular !== phrase,
    });
  }
  return out;
}

function displayTitle(phrase: string): string {
  if (phrase === 'pm') return 'Prime Minister';
  return phrase.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()).replace(/ Of | And | For /g, (w) => w.toLowerCase());
}
