// Personal names the knowledge base lacks, built on one compromise parse of the article: runs of capitalised words
// (with initials, hyphens and particles), cut clear of honorifics, titles, dates and furniture words, kept only with evidence.
import { lexiconTags, type Term } from '../../nlp/parse.js';
import type { Span } from '../../types.js';
import { overlapsAny } from './spans.js';

export type Evidence = 'honorific' | 'first-name' | 'speech' | 'age' | 'role-noun' | 'apposition' | 'foreign-name';

export interface NameCandidate extends Span {
  text: string;
  /** The words of the name, honorifics removed. */
  words: string[];
  /** Why it is taken for a person; empty when nothing says so. */
  evidence: Evidence[];
  /** Where the run began, honorifics included ("Chief John Odigie-Oyegun"), for the title before it. */
  runStart: number;
  /** The first word is a family name the lexicon knows, said first ("Wang Dan", "Xiao Qiang"): it may stand alone later. */
  familyFirst: boolean;
}

// Lower-case particles inside a name: "F.W. de Klerk", "Joost van der Westhuizen", "Mohammed bin Salman", "Ziyad al-Nakhalah".
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'bin', 'ibn', 'binti', 'bint', 'al', 'el', 'abu', 'y', 'e', 'wa', 'ould', 'zu', 'vom', 'af', 'av']);

// Honorifics and titles of every culture news uses, stripped from the front of a name (lower case, no dots).
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'baron', 'baroness', 'madam', 'madame', 'monsieur',
  'sheikh', 'sheik', 'shaikh', 'sayyid', 'emir', 'king', 'queen', 'prince', 'princess', 'crown', 'sultan', 'pope', 'cardinal', 'archbishop',
  'bishop', 'rev', 'revd', 'reverend', 'most', 'right', 'rt', 'hon', 'honourable', 'honorable', 'father', 'imam', 'ayatollah', 'mullah', 'rabbi',
  'pastor', 'datuk', 'datin', 'dato', "dato'", 'tun', 'tunku', 'tengku', 'raja', 'alhaji', 'alhaja', 'hajia', 'haji', 'chief', 'oba', 'otunba',
  'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'judge', 'justice', 'gen', 'general', 'lt', 'lieutenant',
  'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'adm', 'admiral', 'cmdr', 'commander', 'brig', 'brigadier', 'sgt', 'sergeant', 'marshal',
  'field', 'air', 'vice', 'president', 'premier', 'chancellor', 'minister', 'secretary', 'ambassador', 'envoy', 'chairman', 'chairwoman',
  'chairperson', 'chair', 'deputy', 'speaker', 'mayor', 'mp', 'mep', 'excellency', 'his', 'her', 'majesty', 'highness', 'he', 'former', 'late',
  'prime', 'foreign', 'defence', 'defense', 'interior', 'finance', 'state', 'affairs', 'trade', 'national', 'security', 'special', 'supreme',
  'top', 'acting', 'interim', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'commissioner', 'inspector', 'superintendent', 'officer',
  'coach', 'manager', 'democrat', 'republican', 'head', 'leader', 'president-elect', 'ex', 'excellencies', 'senior', 'assistant', 'associate',
  'executive', 'managing', 'chief-executive', 'adviser', 'advisor', 'cabinet', 'reps', 'mzee', 'asiwaju', 'mallam', 'malam', 'hrh', 'engr', 'barrister',
  'representatives', 'congressmen', 'senators', 'ministers', 'governors', 'secretaries', 'leaders', 'presidents', 'ambassadors', 'envoys', 'councillor', 'councilor',
  'legend', 'captain', 'skipper', 'midfielder', 'striker', 'defender', 'goalkeeper', 'champion', 'veteran', 'star', 'actor', 'actress', 'singer',
]);
// Titles that are also surnames, kept at the end of a name: "John Major", "Billie Jean King".
const SURNAME_TITLES = new Set(['major', 'king', 'prince', 'justice', 'marshal', 'chancellor', 'bishop', 'chair', 'head', 'star', 'field', 'right', 'late', 'leader']);
// Malay honorifics of two words: the second word alone is a name ("Sri Mulyani"), after the first it is a title.
const HONORIFIC_PAIRS = new Set(['tan sri', 'datuk seri', 'dato seri', 'dato sri', "dato' sri", "dato' seri", 'tun sri', 'datuk sri', 'puan sri']);
const ABBREVIATED = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'revd', 'rt', 'hon', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'adm', 'cmdr', 'brig', 'sgt', 'st', 'jr', 'sr']);

// Last words of places, buildings, bodies and events, never of a person: "Grace Road", "Kia Motor", "Hong Kong Open".
const NOT_PERSON_LAST = new Set([
  'road', 'street', 'st', 'avenue', 'boulevard', 'lane', 'airport', 'stadium', 'park', 'house', 'hall', 'palace', 'hotel', 'university', 'college',
  'school', 'academy', 'hospital', 'clinic', 'bank', 'corp', 'corporation', 'inc', 'co', 'ltd', 'plc', 'llc', 'group', 'party', 'ministry', 'council',
  'committee', 'commission', 'agency', 'association', 'federation', 'union', 'club', 'cup', 'open', 'championship', 'championships', 'league', 'games',
  'tournament', 'trophy', 'airlines', 'airways', 'motor', 'motors', 'fund', 'foundation', 'institute', 'centre', 'center', 'church', 'cathedral',
  'mosque', 'temple', 'square', 'bridge', 'river', 'lake', 'mountains', 'island', 'islands', 'valley', 'county', 'city', 'province', 'district',
  'region', 'port', 'station', 'tower', 'building', 'court', 'forum', 'summit', 'conference', 'day', 'festival', 'week', 'exchange', 'market', 'news',
  'times', 'post', 'herald', 'journal', 'press', 'television', 'tv', 'radio', 'network', 'army', 'navy', 'forces', 'police', 'front', 'movement',
  'brigade', 'brigades', 'assembly', 'parliament', 'congress', 'senate', 'government', 'office', 'department', 'bureau', 'authority', 'board',
  'trust', 'company', 'industries', 'international', 'holdings', 'partners', 'securities', 'systems', 'energy', 'oil', 'petroleum', 'mall',
  'gardens', 'museum', 'gallery', 'library', 'theatre', 'theater', 'arena', 'circuit', 'prix', 'marathon', 'rally', 'award', 'awards', 'prize',
  'fool', 'fools', 'eve', 'act', 'treaty', 'accord', 'agreement', 'declaration', 'plan', 'initiative', 'programme', 'program', 'project', 'force',
  'cabinet', 'capital', 'express', 'daily', 'online', 'media', 'magazine', 'review', 'tribune', 'gazette', 'observer', 'monitor', 'mail', 'telegraph',
  'bay', 'sea', 'ocean', 'gulf', 'coast', 'peninsula', 'desert', 'hills', 'heights', 'strait', 'canal', 'zone', 'republic', 'kingdom', 'empire',
  'pagoda', 'shrine', 'monument', 'memorial', 'meeting', 'meetings', 'talks', 'dialogue', 'resilience', 'cooperation', 'continent', 'home',
  'state', 'states', 'nations', 'alliance', 'coalition', 'council', 'society', 'organisation', 'organization', 'service', 'services', 'unit',
]);
// First words of storms, operations and places: "Cyclone Gabrielle", "Operation Desert Storm", "Mount Kenya", "Lake Victoria".
const NOT_PERSON_FIRST = new Set([
  'cyclone', 'hurricane', 'typhoon', 'storm', 'tropical', 'operation', 'mount', 'mt', 'lake', 'fort', 'port', 'camp', 'radio', 'cape', 'gulf',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater', 'new', 'san', 'santa',
  'los', 'las', 'air', 'bank', 'club', 'team', 'project', 'the', 'st', 'saint', 'lady', 'islamic', 'photo', 'file', 'picture', 'image', 'credit',
  'courtesy', 'video', 'watch', 'read', 'related', 'featured', 'latest', 'breaking', 'exclusive', 'live', 'opinion', 'editorial', 'politics', 'business',
]);
// A lower-case word right after the name that makes it a place or a thing: "Simón Bolívar airport", "Cheong Wa Dae palace".
const THING_AFTER = /^[ \t\u00a0]+(airport|international|stadium|square|street|road|avenue|bridge|university|college|school|hospital|palace|hall|house|building|tower|park|station|port|dam|river|lake|island|hotel|centre|center|district|province|county|region|city|town|village|mosque|church|temple|cathedral|museum|prize|award|cup|trophy|storm|cyclone|hurricane|typhoon|holiday|day|festival|doctrine|era|administration|government|family|dynasty|foundation|institute|group|company|corporation|brand)\b/iu;
const SPEECH = /^(?:[ \t\u00a0]*,[^,.;:!?]{1,60},)?[ \t\u00a0]+(?:also[ \t\u00a0]+)?(said|says|told|tells|added|adds|stated|asked|announced|noted|urged|insisted|denied|warned|explained|wrote|tweeted|declared|replied|argued|stressed|confirmed|acknowledged|admitted|claimed|suggested|recalled|quoted)\b/u;
const SPEECH_BEFORE = /\b(said|says|told|according[ \t\u00a0]+to|quoted)[ \t\u00a0]*,?[ \t\u00a0]*$/u;
const AGE_AFTER = /^[ \t\u00a0]*(?:,[ \t\u00a0]*\d{1,3}[ \t\u00a0]*,|\([ \t\u00a0]*\d{1,3}[ \t\u00a0]*\))/u;
const APPOSITION_AFTER = /^[ \t\u00a0]*,[ \t\u00a0]+(?:who|whose|a|an|the|his|her|its|their|one|head|chairman|chief|leader|president|director|minister|secretary|spokesman|spokeswoman|aged)\b/u;
const PORTFOLIO_BEFORE = /\b(?:minister|secretary|commissioner|director|ambassador|envoy|representative|adviser|advisor|spokesman|spokeswoman|chairman|president|head|chief)[ \t\u00a0]+(?:for|of)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/iu;
// The commonest family names of cultures that say them first (Chinese, Korean, Vietnamese): "Wang Donghai" is later "Wang".
const FAMILY_FIRST = new Set([
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'gao', 'luo',
  'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang',
  'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'shen', 'yao', 'jin', 'qin', 'wen', 'kim', 'lee', 'park', 'choi', 'jung', 'kang',
  'cho', 'yoon', 'jang', 'lim', 'nguyen', 'tran', 'le', 'pham', 'hoang', 'vu', 'vo', 'dang', 'bui', 'ngo', 'duong',
]);
// Nouns before a name that make it a body or a thing: "team Deportivo Coruna", "club Standard Liege", "company Cofinec".
const THING_NOUNS = new Set([
  'team', 'club', 'side', 'company', 'firm', 'group', 'bank', 'party', 'airline', 'carrier', 'agency', 'newspaper', 'daily', 'weekly', 'station',
  'channel', 'magazine', 'band', 'brand', 'unit', 'fund', 'league', 'series', 'chain', 'maker', 'producer', 'exporter', 'importer', 'retailer',
  'operator', 'subsidiary', 'rival', 'rivals', 'champions', 'outfit', 'province', 'region', 'city', 'town', 'village', 'district', 'state', 'river',
  'street', 'hotel', 'stadium', 'tournament', 'festival', 'operation', 'plan', 'programme', 'program', 'movement', 'network', 'index', 'stock',
  'carrier', 'ship', 'vessel', 'tanker', 'frigate', 'submarine', 'yacht', 'aircraft', 'film', 'movie', 'book', 'novel', 'album', 'song', 'play',
  'paper', 'tabloid', 'broadcaster', 'prison', 'jail', 'camp', 'mine', 'plant', 'refinery', 'factory', 'motel', 'restaurant', 'horse', 'colt', 'filly',
]);
// A title and a comma before the name: "the new ambassador of Thailand, Tanee Sangrat", "the president of Paraguay, Santiago Peña".
const TITLE_COMMA_BEFORE = /\b(?:president|minister|ambassador|envoy|secretary|spokesman|spokeswoman|spokesperson|chairman|chairwoman|governor|senator|leader|chief|head|director|king|queen|emir|premier|chancellor|commissioner|counterpart)(?:[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?\p{Lu}[\p{L}'’-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}'’-]*)*)?[ \t\u00a0]*,[ \t\u00a0]*$/u;
const LOCATION_BEFORE = /\b(at|in|near|outside|inside|from|into|across|around|toward|towards)[ \t\u00a0]+(the[ \t\u00a0]+)?$/iu;
// compromise tags of closed-class words that never belong to a name ("In", "But", "Establishes" in a headline).
const BREAKING_TAGS = ['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Verb', 'Adverb', 'Modal', 'QuestionWord', 'Negative', 'Value', 'Date'];
const UPPER_START = /^\p{Lu}/u;
// Generational suffixes that end a name: "Benigno Aquino III".
const SUFFIXES = /^(?:II|III|IV|Jr|Sr)\.?$/u;
const INITIALS = /^(?:\p{Lu}\.?){1,3}$/u;

function lower(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

function isInitial(term: Term, text: string): boolean {
  if (term.tags.has('Determiner') || term.tags.has('Pronoun')) return false;
  return INITIALS.test(term.text) && (term.text.length === 1 || term.text.includes('.') || text[term.end] === '.');
}

/** A word that may be part of a name: capitalised (not an all-capitals acronym), an initial, or a particle. */
function nameWord(term: Term, text: string): 'name' | 'particle' | null {
  if (PARTICLES.has(term.text.toLowerCase()) && !UPPER_START.test(term.text)) return 'particle';
  if (!UPPER_START.test(term.text) || /[/@#]/.test(term.text)) return null;
  if (isInitial(term, text) || SUFFIXES.test(term.text)) return 'name';
  const letters = term.text.replace(/['’]s$/u, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return null;
  if (/\d/.test(letters)) return null;
  const personal = term.tags.has('FirstName') || term.tags.has('LastName') || term.tags.has('Person');
  if (!personal && BREAKING_TAGS.some((t) => term.tags.has(t))) return null;
  return 'name';
}

/** How two neighbouring words may be joined inside a name: spaces, a hyphen, or the dot of an initial or abbreviation. */
function joins(text: string, a: Term, b: Term): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^[ \t\u00a0]+$/u.test(gap)) return true;
  if (gap === '-' || gap === '\u2010' || gap === '\u2011') return true;
  if (/^\.[ \t\u00a0]+$/u.test(gap)) return isInitial(a, text) || ABBREVIATED.has(a.text.toLowerCase());
  if (/^['’][ \t\u00a0]+$/u.test(gap)) return a.text.toLowerCase() === 'dato';
  return false;
}

/** Capitalised runs of one sentence's terms outside `covered`, cut into name candidates with their evidence. */
export function nameCandidates(text: string, terms: Term[], covered: Span[], sentence: Span): NameCandidate[] {
  const free = (t: Term) => !overlapsAny(t, covered);
  const runs: Term[][] = [];
  let run: Term[] = [];
  for (const term of terms) {
    let kind = free(term) ? nameWord(term, text) : null;
    // The lower-case syllable of a hyphenated given name: "Kim In-so", "Li Song-ho", "Moon Jae-in".
    if (!kind && free(term) && run.length >= 2 && text.slice(run[run.length - 1].end, term.start) === '-' && /^\p{Ll}{1,3}$/u.test(term.text)) kind = 'name';
    if (kind && (run.length === 0 || joins(text, run[run.length - 1], term)) && !(kind === 'particle' && run.length === 0)) {
      run.push(term);
      continue;
    }
    if (run.length > 0) runs.push(run);
    run = kind && kind !== 'particle' ? [term] : [];
  }
  if (run.length > 0) runs.push(run);
  const out: NameCandidate[] = [];
  for (const r of runs) {
    const index = terms.indexOf(r[0]);
    const candidate = cutName(text, r, sentence, index > 0 ? terms[index - 1] : null);
    if (candidate) out.push(candidate);
  }
  return out;
}

function cutName(text: string, run: Term[], sentence: Span, previous: Term | null): NameCandidate | null {
  let words = [...run];
  let honorific = false;
  // A title inside the run ends what comes before it: "Delaware Senator Chris Coons", "Party Chairman John Oyegun".
  for (let k = words.length - 2; k >= 1; k--) {
    if (k + 2 < words.length && HONORIFIC_PAIRS.has(`${lower(words[k].text)} ${lower(words[k + 1].text)}`)) {
      words = words.slice(k + 2);
      honorific = true;
      break;
    }
    if (isHonorific(words[k])) {
      words = words.slice(k + 1);
      honorific = true;
      break;
    }
  }
  // Honorifics and titles in front: "Chief", "Tan Sri", "Most Revd and Rt Hon", "Ex-Yankee".
  for (;;) {
    if (words.length < 2) break;
    const first = lower(words[0].text);
    const pair = `${first} ${lower(words[1].text)}`;
    if (HONORIFIC_PAIRS.has(pair) && words.length > 2) {
      words = words.slice(2);
      honorific = true;
    } else if (first === 'ex' && text.slice(words[0].end, words[1].start) === '-') {
      words = words.slice(2);
      honorific = true;
    } else if (isHonorific(words[0])) {
      words = words.slice(1);
      honorific = true;
    } else break;
  }
  // A portfolio after "Minister for" runs into the name: "Minister for Climate Change James Shaw" names James Shaw.
  if (PORTFOLIO_BEFORE.test(text.slice(Math.max(sentence.start, run[0].start - 40), run[0].start))) {
    const k = words.findIndex((w, i) => i >= 1 && i < words.length - 1 && w.tags.has('FirstName'));
    if (k > 0) words = words.slice(k);
  }
  // A common word that opens the sentence is not part of the name: "Broker Khurshid Alam said".
  if (words.length >= 3 && words[0].start === sentence.start && isCommon(words[0])) words = words.slice(1);
  // Nor an adverb or a day before a surname: "Earlier Botham arrived", "Yesterday Kabariti flew".
  else if (words.length === 2 && words[0].start === sentence.start && isOpener(words[0])) words = words.slice(1);
  while (words.length > 0 && PARTICLES.has(words[words.length - 1].text.toLowerCase())) words.pop();
  while (words.length > 0 && PARTICLES.has(words[0].text.toLowerCase()) && !UPPER_START.test(words[0].text)) words.shift();
  if (words.length === 0) return null;
  // A capitalised sentence opener is not a name ("Still", "Meanwhile"): one word at the start of a sentence needs a title.
  const start = words[0].start;
  let end = words[words.length - 1].end;
  let surface = text.slice(start, end);
  const possessive = /['’]s?$/u.exec(surface);
  if (possessive && !/^\p{Lu}'/u.test(words[words.length - 1].text.slice(-3))) {
    end -= possessive[0].length;
    surface = text.slice(start, end);
  }
  const names = surface.split(/[ \t\u00a0]+/u);
  const last = lower(names[names.length - 1].replace(/^.*-/, ''));
  if (NOT_PERSON_LAST.has(last) || NOT_PERSON_LAST.has(lower(names[names.length - 1]))) return null;
  // A name does not end in a title: "External Affairs Minister", "Reps Speaker", "Revd".
  if (HONORIFICS.has(last) && !SURNAME_TITLES.has(last)) return null;
  if (!honorific && NOT_PERSON_FIRST.has(lower(names[0]))) return null;
  if (words.some((w) => w.tags.has('Organization') && !w.tags.has('Person') && !w.tags.has('FirstName'))) return null;
  if (words[0].tags.has('Month') && !honorific) return null;
  if (THING_AFTER.test(text.slice(end, end + 40))) return null;
  if (words.length === 1 && !(isUnknown(words[0]) || words[0].tags.has('LastName') || words[0].tags.has('FirstName') || words[0].tags.has('Person'))) return null;
  if (words.length === 1 && SUFFIXES.test(words[0].text)) return null;
  const evidence: Evidence[] = [];
  if (honorific) evidence.push('honorific');
  const personal = words.filter((w) => !PARTICLES.has(w.text.toLowerCase()));
  if (personal.length >= 2 && (words[0].tags.has('FirstName') || isInitial(words[0], text))) evidence.push('first-name');
  const after = text.slice(end, Math.min(sentence.end, end + 80));
  const before = text.slice(Math.max(sentence.start, run[0].start - 40), run[0].start);
  if (SPEECH.test(after) || SPEECH_BEFORE.test(before)) evidence.push('speech');
  if (AGE_AFTER.test(after)) evidence.push('age');
  if (APPOSITION_AFTER.test(after) || TITLE_COMMA_BEFORE.test(before)) evidence.push('apposition');
  // A role noun right before: "boxing legend Roberto Duran", "Brazilian midfielder Mauro Silva".
  if (previous && !THING_NOUNS.has(previous.text) && /^[ \t\u00a0]+$/u.test(text.slice(previous.end, run[0].start)) && /^\p{Ll}/u.test(previous.text) && (previous.tags.has('Actor') || (previous.tags.has('Noun') && !BREAKING_TAGS.some((t) => previous.tags.has(t)))) && personal.length >= 2) evidence.push('role-noun');
  // Words compromise's lexicon does not know at all: foreign personal names ("Danius Gleveckas", "Zalmay Khalilzad").
  if (personal.length >= 2 && personal.every((w) => isUnknown(w) || w.tags.has('FirstName') || w.tags.has('LastName'))) evidence.push('foreign-name');
  // "the aircraft carrier Carl Vinson", "the daily Sueddeutsche Zeitung": a thing's name, whatever its words.
  if (previous && THING_NOUNS.has(previous.text) && /^[ \t\u00a0]+$/u.test(text.slice(previous.end, run[0].start)) && !honorific && !SPEECH.test(after)) return null;
  // A credit line: "Xinhua/Huang Jingwen", "Petar Kujundzic/Reuters".
  if (/\/[ \t\u00a0]*$/u.test(before) || /^[ \t\u00a0]*\//u.test(after)) return null;
  const strong = evidence.some((e) => e === 'honorific' || e === 'speech' || e === 'age' || e === 'apposition');
  // "the Truth Social", "the Hong Kong Open": a name after "the" is a thing, unless a title came with it ("the late Dr X" keeps its title).
  if (/\bthe[ \t\u00a0]+$/iu.test(before) && !honorific && !strong) return null;
  if (LOCATION_BEFORE.test(before) && !evidence.some((e) => e === 'honorific' || e === 'speech' || e === 'age' || e === 'apposition')) return null;
  const familyFirst = personal.length === 2 && (words[0].tags.has('LastName') || FAMILY_FIRST.has(lower(words[0].text))) && !words[0].tags.has('FirstName');
  return { start, end, text: surface, words: names, evidence, runStart: run[0].start, familyFirst };
}

/** True when a capitalised word joins the KB name at `span` ("Oskar" before "Fischer", "Lloyd" after "Graham"): the text names someone else. */
export function extendsName(text: string, terms: Term[], span: Span, covered: Span[]): boolean {
  const free = (t: Term) => !overlapsAny(t, covered);
  const i = terms.findIndex((t) => t.start === span.start);
  const j = terms.findIndex((t) => t.end === span.end);
  if (i < 0 || j < 0) return false;
  const before = terms[i - 1];
  const after = terms[j + 1];
  // Spaces only: "Putin-Trump summit" names two people, and a hyphen inside a name is insideWord's case.
  const spaced = (a: Term, b: Term) => /^[ \t\u00a0]+$/u.test(text.slice(a.end, b.start));
  if (before && free(before) && nameWord(before, text) === 'name' && spaced(before, terms[i]) && !HONORIFICS.has(lower(before.text)) && !before.tags.has('Honorific')) return true;
  return !!after && free(after) && nameWord(after, text) === 'name' && spaced(terms[j], after) && !/['’]s?$/u.test(terms[j].text);
}

/** True for a title word glued to a name by a typo ("Mileipresident"): the rest after a known surname. */
export function isTitleWord(word: string): boolean {
  return HONORIFICS.has(lower(word));
}

/** True when a personal name follows `span` in one run ("Santiago" in "Santiago Peña"): the KB place there is a first name. */
export function surnameFollows(text: string, terms: Term[], span: Span): boolean {
  const j = terms.findIndex((t) => t.end === span.end);
  const after = j < 0 ? undefined : terms[j + 1];
  if (!after || nameWord(after, text) !== 'name' || !joins(text, terms[j], after) || isHonorific(after) || isInitial(after, text)) return false;
  return after.tags.has('LastName') || (isUnknown(after) && !after.tags.has('Place') && !after.tags.has('Organization'));
}

/** True when a first name comes right before `span` inside a sentence ("Neil" before "Jordan"): the KB country there is a surname. */
/** True when the lexicon knows the word as a first name ("Randall", "Meg"). */
export function knownFirstName(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

export function firstNameBefore(text: string, terms: Term[], span: Span, sentence: Span): boolean {
  const i = terms.findIndex((t) => t.start === span.start);
  const before = i > 0 ? terms[i - 1] : undefined;
  if (!before || before.start === sentence.start || !joins(text, before, terms[i])) return false;
  return before.tags.has('FirstName') && nameWord(before, text) === 'name' && !isHonorific(before);
}

/** True when `span` starts or ends inside a word ("Zuma" in "Dlamini-Zuma"). */
export function insideWord(text: string, span: Span): boolean {
  return /[\p{L}\p{N}][-\u2010\u2011'’]?$/u.test(text.slice(Math.max(0, span.start - 2), span.start)) || /^[-\u2010\u2011]?[\p{L}\p{N}]/u.test(text.slice(span.end, span.end + 2));
}

const OPENER_TAGS = new Set(['Adverb', 'Comparative', 'Superlative', 'Date', 'Conjunction']);

function isOpener(term: Term): boolean {
  const tags = lexiconTags(term.text);
  return tags.length > 0 && tags.every((t) => OPENER_TAGS.has(t));
}

function isCommon(term: Term): boolean {
  const tags = lexiconTags(term.text);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}

function isHonorific(term: Term): boolean {
  return HONORIFICS.has(lower(term.text)) || term.tags.has('Honorific');
}

// Lexicon tags that still leave a word free to be a personal name.
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);

/** A word the lexicon does not know as a common word (capitalised words carry only ProperNoun in the parse, so ask the lexicon). */
function isUnknown(term: Term): boolean {
  const tags = lexiconTags(term.text.replace(/['’]s$/u, ''));
  if (tags.length > 0) return tags.some((t) => NAME_TAGS.has(t));
  for (const tag of term.tags) if (tag !== 'ProperNoun' && tag !== 'Noun' && tag !== 'Singular' && tag !== 'Hyphenated' && !NAME_TAGS.has(tag)) return false;
  return true;
}
