// Organisations as actors beyond the KB's names: named bodies by their head word ("Kenya Kwanza Alliance", "Ministry of
// External Affairs", "Union of Religious Scholars"), acronyms the text defines ("All Progressives Congress (APC)"),
// unnamed national bodies ("Egyptian intelligence officials"), outlets named as such ("The National newspaper"),
// companies listed as such ("bosses from AstraZeneca, NatWest and BAE Systems"), party affiliations ("(Republican --
// Texas)"), and the agency a copy comes from ("BEIJING, Aug. 31 (Xinhua) --", "© Copyright 2024 PTI").
import type { KnowledgeBase, NameMatch } from '../../kb/knowledge-base.js';
import { orgKey, slugify } from '../../graph/keys.js';
import type { CleanArticle, EntityFact, Span } from '../../types.js';
import { spansOverlap } from './spans.js';
import type { LinkedMention, PlaceMention } from './index.js';

interface Word extends Span {
  text: string;
}

/** An organisation the text names that the KB lacks, or a KB one reached another way (an acronym, a list). */
interface OrgSpan extends Span {
  text: string;
  key: string;
  label: string;
  via: string;
  form: 'name' | 'acronym';
}

// Head words that make a capitalised phrase a body: "... Alliance", "Ministry of ...".
const HEADS = new Set([
  'Party', 'Alliance', 'Coalition', 'Movement', 'Front', 'Congress', 'Council', 'Commission', 'Committee', 'Ministry', 'Agency',
  'Organization', 'Organisation', 'Union', 'Forum', 'Secretariat', 'Group', 'Bank', 'Authority', 'Federation', 'Association',
  'Institute', 'University', 'Corporation', 'Company', 'Airlines', 'Airways', 'Holdings', 'News', 'Broadcasting', 'Television',
  'Radio', 'Assembly', 'Parliament', 'Police', 'Army', 'Navy', 'Guard', 'Brigades', 'Service', 'Department', 'Bureau',
  'Office', 'Embassy', 'Consulate', 'Foundation', 'Fund', 'Society', 'League', 'Network', 'Tribunal', 'Community', 'Board',
  'Exchange', 'Administration', 'Observatory',
  'plc', 'PLC', 'Ltd', 'Inc', 'Corp', 'LLC', 'GmbH', 'AG',
]);
const COMPANY_SUFFIXES = new Set(['plc', 'PLC', 'Ltd', 'Inc', 'Corp', 'LLC', 'GmbH', 'AG']);
// Words that name a kind of body, not one body: "Foreign Ministry", "Supreme Court", "National Assembly" need a country.
const GENERIC = new Set([
  'foreign', 'home', 'interior', 'defence', 'defense', 'finance', 'health', 'justice', 'trade', 'commerce', 'education',
  'agriculture', 'energy', 'environment', 'information', 'state', 'national', 'federal', 'central', 'supreme', 'high', 'public',
  'security', 'affairs', 'military', 'armed', 'royal', 'presidential', 'cabinet', 'prime', "minister's", 'government',
  'executive', 'legislative', 'general', 'intelligence', 'forces', 'ministers', 'special', 'joint', 'emergency', 'electoral',
  'election', 'constitutional', 'human', 'rights', 'international', 'regional', 'local', 'city', 'county', 'provincial',
  'development', 'economic', 'social', 'new', 'press', 'political', 'official', 'bureau', 'district', 'world', 'global', 'media', 'business', 'advisory', 'ruling', 'opposition',
  'the', 'of', 'for', 'and', 'on',
]);
// Lower-case words allowed inside a name between capitalised ones: "Union of Religious Scholars", "Partido dos Trabalhadores".
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'the', 'on', 'de', 'la', 'du', 'des', 'da', 'do', 'dos', 'al', 'el', 'y', 'e']);
// Capitalised words that open a sentence or a title and are not part of a name.
const LEADING = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'both', 'its', 'his', 'her', 'their', 'our', 'in', 'on', 'at', 'for', 'from',
  'with', 'by', 'after', 'before', 'when', 'while', 'but', 'and', 'meanwhile', 'also', 'however', 'if', 'as', 'under', 'since',
  'former', 'senior', 'top', 'ruling', 'opposition', 'then', 'said', 'says',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
// Days break a run: "Treasury Department on Wednesday" is not one name.
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
// Titles end a name that runs on ("Ministry of Foreign Affairs Secretary ...") and cannot start one ("Chief of Defence Forces").
const TITLES = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Secretary', 'Chief', 'Chairman', 'Chairperson', 'Chair', 'Director', 'Spokesman',
  'Spokeswoman', 'Spokesperson', 'Speaker', 'Governor', 'Ambassador', 'Envoy', 'Leader', 'Head', 'General', 'Commissioner',
  'Deputy', 'Senator', 'Judge', 'King', 'Queen', 'Prince', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Heads',
]);
// "Egyptian intelligence officials": a nation's body named by a common noun.
const NATIONAL_BODY = /^[ \t\u00a0]+(intelligence(?:\s+services?)?|military|army|navy|air\s+force|police|armed\s+forces|security\s+(?:forces|services)|coast\s+guard|foreign\s+ministry|defen[cs]e\s+ministry|embassy)(?![\p{L}\p{N}])/iu;
// "The National newspaper", "Yonhap news agency": a name right before the kind of outlet it is.
const MEDIA_AFTER = /^[ \t\u00a0]+(?:newspaper|news\s+agency|daily|broadcaster|news\s+channel|television|tv\s+channel|radio|magazine|website|news\s+site|news\s+portal)(?![\p{L}\p{N}])/iu;
// "Holyrood's sister site Politics Home", "the state broadcaster CCTV": the kind of outlet right before its name.
const MEDIA_BEFORE = /(?:^|\s)(?:newspaper|news\s+agency|broadcaster|site|website|daily|magazine|channel|outlet|tabloid)[ \t\u00a0]+$/iu;
// "bosses from AstraZeneca, NatWest, ... and Barclays": companies in a list after a business noun.
const COMPANY_LIST = /(?:^|\s)(?:bosses|executives|chief\s+executives|CEOs|chairmen|companies|firms|businesses|brands|lenders|banks|carriers|insurers|retailers|groups)(?:\s+(?:from|of|at|such\s+as|including|like|as))[ \t\u00a0]+$/iu;
// "(Republican -- North Carolina)", "(Democrat -- Guam)": a legislator's party.
const PARTY_AFFILIATION = /\((Republican|Democrat|Democratic)(?=\s*(?:[-–—,)]|$))/gu;
const AFFILIATION_IDS: Record<string, string> = { Republican: 'republican-party-us', Democrat: 'democratic-party-us', Democratic: 'democratic-party-us' };

const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}&]|['’.-](?=[\p{L}\p{N}]))*/gu;
const ACRONYM_DEF = /\(\s*(\p{Lu}[\p{Lu}\p{N}&-]{1,9})\s*\)/gu;

function words(text: string): Word[] {
  return [...text.matchAll(WORD_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

// "G20" and "M23" are names; "54th" and "1999-batch" are not.
function capitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

/** Runs of capitalised words joined by plain spaces, with connectors between capitalised words ("Union of Religious Scholars"). */
export function capitalisedRuns(text: string, connectors: ReadonlySet<string> = CONNECTORS): Word[][] {
  const ws = words(text);
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = (): void => {
    while (run.length > 0 && !capitalised(run.at(-1)!.text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < ws.length; i += 1) {
    const w = ws[i];
    const joined = run.length > 0 && /^[ \t\u00a0]$/.test(text.slice(run.at(-1)!.end, w.start));
    if (run.length > 0 && !joined) flush();
    if (WEEKDAYS.has(w.text)) flush();
    else if (capitalised(w.text)) run.push(w);
    else if (run.length > 0 && connectors.has(w.text.toLowerCase())) run.push(w);
    else flush();
  }
  flush();
  return runs;
}

/** Initials of a name's capitalised words and hyphen parts: "Asia-Pacific Economic Cooperation" -> "APEC". */
function initials(name: string, all: boolean): string {
  return words(name)
    .filter((w) => all || capitalised(w.text))
    .flatMap((w) => w.text.split(/[-‐]/))
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase();
}

function letters(acronym: string): string {
  return acronym.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** The body a capitalised run names, as a span within it, or null: a head word with a distinctive name around it. */
function bodyInRun(run: Word[]): { first: number; head: number; last: number } | null {
  let best: { first: number; head: number; last: number } | null = null;
  for (let h = 0; h < run.length; h += 1) {
    if (!HEADS.has(run[h].text)) continue;
    let first = h;
    // Leftwards over the name's own words and "and" ("Belt and Road Forum"), not over "of" ("Meeting of the Council").
    // ... and not past another body's head ("Johnson Controls Inc and Lear Corp" are two).
    while (
      first > 0 &&
      !TITLES.has(run[first - 1].text) &&
      !['of', 'for', 'on', 'the'].includes(run[first - 1].text) &&
      !(first - 1 === 0 && LEADING.has(run[0].text.toLowerCase())) &&
      !/-based$/i.test(run[first - 1].text) &&
      !(first >= 2 && CONNECTORS.has(run[first - 1].text) && HEADS.has(run[first - 2].text))
    ) first -= 1;
    while (first < h && CONNECTORS.has(run[first].text.toLowerCase())) first += 1;
    let last = h;
    // "Ministry of ...", "Union of ..." name a body by what follows; a company's suffix does not ("Kia Motor Corp of South Korea").
    if (h + 1 < run.length && ['of', 'for', 'on'].includes(run[h + 1].text) && !COMPANY_SUFFIXES.has(run[h].text)) {
      last = h + 1;
      while (last + 1 < run.length && !TITLES.has(run[last + 1].text)) last += 1;
      while (last > h && !capitalised(run[last].text)) last -= 1;
    }
    // A head alone ("Parliament", "Party Chairman ...") names no body.
    if (first === h && last === h) continue;
    if (!best || last - first > best.last - best.first) best = { first, head: h, last };
  }
  return best;
}

// What a spelled-out acronym names when it is no body: "Comprehensive Test Ban Treaty (CTBT)", "Creutzfeldt-Jakob Disease (CJD)".
const NOT_A_BODY = new Set([
  'Treaty', 'Agreement', 'Accord', 'Accords', 'Convention', 'Act', 'Protocol', 'Pact', 'Deal', 'Plan', 'Law', 'Doctrine', 'Initiative',
  'Disease', 'Syndrome', 'Virus', 'Index', 'Rate', 'Product', 'Price', 'Standard', 'Time', 'Zone', 'Summit', 'Conference', 'Games',
  'Cup', 'Championship', 'Olympics', 'Festival', 'Award', 'Prize', 'Meeting',
]);

/** Whether an acronym's long form is a body: a head word in it ("National Customs Board (NCB)") or a group of members
 * ("Smaller Island States (SIS)"), and nothing that makes it a treaty, a disease or an index. */
function namesBody(longForm: string): boolean {
  const ws = words(longForm).map((w) => w.text);
  const last = ws.at(-1) ?? '';
  if (NOT_A_BODY.has(last)) return false;
  return ws.some((w) => HEADS.has(w)) || (/s$/.test(last) && !/(?:ss|us|is)$/.test(last));
}

function isGeneric(name: string): boolean {
  return words(name).every((w) => GENERIC.has(w.text.toLowerCase()) || HEADS.has(w.text));
}

function stripThe(text: string, start: number): { text: string; start: number } {
  const m = /^the\s+/i.exec(text);
  return m ? { text: text.slice(m[0].length), start: start + m[0].length } : { text, start };
}

/** Finds the organisations of one article, sentence by sentence, with what the whole article defines (acronyms). */
export class OrganizationLinker {
  /** Acronyms the article defines: "APC" -> the All Progressives Congress. */
  private readonly acronyms = new Map<string, { key: string; label: string }>();
  /** Bodies named so far by their long form, by initials: a later bare "NCB" is the National Customs Board. */
  private readonly longForms = new Map<string, { key: string; label: string }>();

  constructor(
    private readonly clean: CleanArticle,
    private readonly kb: KnowledgeBase,
  ) {
    for (const block of clean.blocks) {
      if (block.kind === 'dateline') continue;
      for (const m of block.text.matchAll(ACRONYM_DEF)) this.defineAcronym(block.text, m.index, m[1]);
    }
  }

  /**
   * Adds the sentence's organisations to `current` (the KB mentions found so far), marks the KB names they cover in `used`
   * so no person is read into them, and strips a leading "the" from organisation and country spans.
   */
  link(sentence: { text: string; start: number }, names: NameMatch[], current: LinkedMention[], places: PlaceMention[], used: Set<number>): void {
    for (const m of current) {
      if (m.kind !== 'organization' && m.kind !== 'country') continue;
      const stripped = stripThe(m.text, m.start);
      m.start = stripped.start;
      m.text = stripped.text;
      const defined = m.kind === 'organization' && m.form === 'acronym' ? this.acronyms.get(letters(m.text)) : undefined;
      if (defined) Object.assign(m, { key: defined.key, label: defined.label });
    }
    // A headline is in title case: every phrase there looks like a name, so only the KB and acronyms speak in one.
    const headline = this.clean.blocks.some((b) => b.kind === 'title' && b.start <= sentence.start && sentence.start < b.end);
    const found = this.find(sentence.text, sentence.start, current, places).filter((o) => !headline || o.form === 'acronym' || o.via === 'org-acronym-definition');
    for (const org of found) {
      const blocking = names.find((n) => spansOverlap(n, org) && n.entries.some((e) => e.kind === 'person') && !n.entries.some((e) => e.kind !== 'person') && /\s/.test(n.text));
      if (blocking) continue;
      // KB organisations inside a longer name are not that organisation ("Democratic Party" in "New Democratic Party");
      // countries and places inside one qualify it ("Kenya" in "Kenya Kwanza Alliance").
      for (let i = current.length - 1; i >= 0; i -= 1) {
        const m = current[i];
        if (!spansOverlap(m, org)) continue;
        if (m.kind === 'organization') current.splice(i, 1);
        else m.qualifier = true;
      }
      for (let i = places.length - 1; i >= 0; i -= 1) if (spansOverlap(places[i], org)) places.splice(i, 1);
      for (const n of names) if (spansOverlap(n, org)) used.add(n.start);
      current.push({ start: org.start, end: org.end, text: org.text, via: org.via, key: org.key, kind: 'organization', label: org.label, form: org.form, qualifier: false, confidence: 0.8 });
      const spelled = initials(org.label, false);
      if (org.form === 'name' && spelled.length >= 3 && !this.kb.lookup(spelled).length) this.longForms.set(spelled, { key: org.key, label: org.label });
    }
  }

  private find(text: string, base: number, current: LinkedMention[], places: PlaceMention[]): OrgSpan[] {
    const out: OrgSpan[] = [];
    const taken = (span: Span) => out.some((o) => spansOverlap(o, span));
    const person = (span: Span) => current.some((m) => m.kind === 'person' && spansOverlap(m, span));
    const kbOrgExactly = (span: Span) => current.some((m) => m.kind === 'organization' && m.start === span.start && m.end === span.end);
    const country = (span: Span) => current.some((m) => m.kind === 'country' && m.start >= span.start && m.end <= span.end);
    // "Russia-NATO Council", "EU-China Summit": a format between two parties the KB knows, whose words are the parties.
    const bilateral = (name: string, span: Span) => {
      const inside = current.filter((m) => (m.kind === 'country' || m.kind === 'organization') && m.start >= span.start && m.end <= span.end);
      if (new Set(inside.map((m) => m.key)).size < 2) return false;
      const rest = inside.reduce((t, m) => t.slice(0, m.start - span.start) + ' '.repeat(m.end - m.start) + t.slice(m.end - span.start), name);
      return isGeneric(rest.replace(/[-–]/g, ' ').trim() || 'the');
    };
    // A KB organisation is replaced only by a longer name around it ("New Democratic Party" around "Democratic Party").
    const cutsKbOrg = (span: Span) => current.some((m) => m.kind === 'organization' && spansOverlap(m, span) && (m.start < span.start || m.end > span.end));
    // "de Klerk and African National Congress": words joined by "and" to a KB organisation are a list of two, not a longer name.
    const listedBeforeKbOrg = (span: Span) =>
      current.some((m) => m.kind === 'organization' && m.start > span.start && m.end <= span.end && /\s+and\s+$/.test(text.slice(span.start - base, m.start - base)));
    const add = (o: OrgSpan) => {
      if (!taken(o) && !person(o) && !kbOrgExactly(o) && !cutsKbOrg(o) && !listedBeforeKbOrg(o) && !this.knownOtherwise(o)) out.push(o);
    };

    for (const run of capitalisedRuns(text)) {
      // Named bodies with a head word.
      const body = bodyInRun(run);
      // A head word inside a place's name is no head: "Jewish West Bank settlers".
      const headInPlace = (b: { head: number }) => places.some((p) => p.start <= base + run[b.head].start && base + run[b.head].end <= p.end);
      if (body && !headInPlace(body)) {
        const start = base + run[body.first].start;
        const end = base + run[body.last].end;
        const name = text.slice(run[body.first].start, run[body.last].end);
        if ((!isGeneric(name) || country({ start, end })) && !bilateral(name, { start, end })) add(this.named(name, start, 'org-head'));
      }
      // Outlets: "The National newspaper" keeps its "The"; "sister site Politics Home".
      const runStart = run[0].start;
      const runText = text.slice(runStart, run.at(-1)!.end);
      const after = MEDIA_AFTER.test(text.slice(run.at(-1)!.end));
      const before = MEDIA_BEFORE.test(text.slice(0, runStart));
      // At a sentence's start one capitalised word is any word ("Official website of ..."), and "The" may be the article's.
      const atStart = runStart === 0 || /^\W*$/u.test(text.slice(0, runStart));
      if ((after || before) && !(atStart && run.length < (/^The$/.test(run[0].text) ? 3 : 2))) {
        const media = atStart && run.length > 2 ? stripThe(runText, base + runStart) : { text: runText, start: base + runStart };
        add(this.named(media.text, media.start, 'org-media'));
      }
    }

    // Unnamed national bodies: "Egyptian intelligence", "Afghan army".
    for (const m of current) {
      if (m.kind !== 'country' || m.form !== 'demonym') continue;
      const rel = m.end - base;
      const body = NATIONAL_BODY.exec(text.slice(rel));
      if (!body) continue;
      const end = m.end + body[0].length;
      const label = `${m.text} ${body[1].toLowerCase().replace(/\s+/g, ' ')}`;
      add({ start: m.start, end, text: text.slice(m.start - base, end - base), key: orgKey(slugify(label)), label, via: 'org-national-body', form: 'name' });
    }

    // Acronyms: defined in the article, or the initials of a long form it names.
    for (const w of words(text)) {
      if (!/^\p{Lu}[\p{Lu}\p{N}&-]{1,9}$/u.test(w.text)) continue;
      const defined = this.acronyms.get(letters(w.text)) ?? (w.text.length >= 3 ? this.longForms.get(letters(w.text)) : undefined);
      if (defined && !current.some((m) => m.kind !== 'organization' && spansOverlap(m, { start: base + w.start, end: base + w.end }))) {
        add({ start: base + w.start, end: base + w.end, text: w.text, key: defined.key, label: defined.label, via: 'org-acronym', form: 'acronym' });
      }
    }
    // Long forms of defined acronyms: "Smaller Island States (SIS)" has no head word.
    for (const m of text.matchAll(ACRONYM_DEF)) {
      const long = this.longFormBefore(text, m.index, m[1]);
      if (long && namesBody(long.text)) add({ ...this.named(long.text, base + long.start, 'org-acronym-definition'), form: 'name' });
    }

    // Companies listed after a business noun.
    for (const run of capitalisedRuns(text)) {
      if (!COMPANY_LIST.test(text.slice(0, run[0].start))) continue;
      for (const item of this.listAt(text, run[0].start)) {
        const span = { start: base + item.start, end: base + item.start + item.text.length };
        if (country(span) || current.some((m) => m.kind !== 'organization' && spansOverlap(m, span))) continue;
        add(this.named(item.text, span.start, 'org-list'));
      }
    }

    // Party affiliations of legislators.
    for (const m of text.matchAll(PARTY_AFFILIATION)) {
      const id = AFFILIATION_IDS[m[1]];
      const party = this.kb.organization(id);
      if (!party) continue;
      const start = base + m.index + 1;
      add({ start, end: start + m[1].length, text: m[1], key: orgKey(id), label: party.name, via: 'org-affiliation', form: 'name' });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** A name the KB knows as a country, a place or a person ("West Bank", "Algerian") is no new organisation. */
  private knownOtherwise(o: OrgSpan): boolean {
    if (o.via === 'org-acronym' || o.via === 'org-affiliation' || o.via === 'org-national-body') return false;
    const hits = this.kb.lookup(o.text);
    return hits.length > 0 && hits.every((e) => e.kind !== 'organization');
  }

  /** An organisation span for a name: the KB's entry when the name is one, else a new one keyed by the name. */
  private named(name: string, start: number, via: string): OrgSpan {
    const hit = this.kb.lookup(name).find((e) => e.kind === 'organization');
    const key = hit && hit.kind === 'organization' ? orgKey(hit.organization.id) : orgKey(slugify(name));
    const label = hit && hit.kind === 'organization' ? hit.organization.name : name;
    return { start, end: start + name.length, text: name, key, label, via, form: 'name' };
  }

  /** The items of a comma list starting at `index`: "AstraZeneca, NatWest, BAE Systems ... and Barclays". */
  private listAt(text: string, index: number): { start: number; text: string }[] {
    const items: { start: number; text: string }[] = [];
    const re = /\s*(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}\p{N}&'’.-]*){0,3})(\s*,\s*(?:and\s+)?|\s+and\s+)?/uy;
    re.lastIndex = index;
    for (;;) {
      const at = re.lastIndex;
      const m = re.exec(text);
      if (!m) break;
      items.push({ start: at + m[0].indexOf(m[1]), text: m[1] });
      if (!m[2]) break;
    }
    return items.length >= 2 ? items : [];
  }

  /** The capitalised words right before "(ACR)" whose initials spell it, or null. */
  private longFormBefore(text: string, paren: number, acronym: string): { start: number; text: string } | null {
    const head = text.slice(0, paren).replace(/[ \t\u00a0]+$/, '');
    const runs = capitalisedRuns(head);
    const run = runs.at(-1);
    if (!run || run.at(-1)!.end !== head.length) return null;
    const target = letters(acronym);
    for (let first = 0; first < run.length; first += 1) {
      if (!capitalised(run[first].text) || LEADING.has(run[first].text.toLowerCase()) || TITLES.has(run[first].text)) continue;
      const name = head.slice(run[first].start, head.length);
      if (initials(name, false) === target || initials(name, true) === target) return { start: run[first].start, text: name };
    }
    return null;
  }

  private defineAcronym(text: string, paren: number, acronym: string): void {
    const long = this.longFormBefore(text, paren, acronym);
    if (!long || !namesBody(long.text)) return;
    // A country or a person spelled out before its initials is not an organisation ("Democratic Republic of Congo (DRC)").
    if (this.kb.lookup(long.text).some((e) => e.kind === 'country' || e.kind === 'person')) return;
    const span = this.named(long.text, 0, 'org-acronym-definition');
    this.acronyms.set(letters(acronym), { key: span.key, label: span.label });
  }
}

/** Media organisations credited as the copy's source: in a dateline, an agency tag, a copyright line or the byline area. */
export function sourceCredits(clean: CleanArticle, kb: KnowledgeBase): EntityFact[] {
  const titleEnd = clean.blocks.find((b) => b.kind === 'title')?.end ?? -1;
  const firstBody = clean.blocks.find((b) => b.kind === 'body')?.start ?? Number.MAX_SAFE_INTEGER;
  const spans: Span[] = [
    ...clean.blocks.filter((b) => b.kind === 'dateline'),
    ...clean.removed.filter((r) => r.reason === 'boilerplate' || r.reason === 'byline'),
    // "Anadolu Agency WORLD" between the headline and the story: the agency's byline with a section name.
    ...clean.removed.filter((r) => r.reason === 'navigation' && r.start > titleEnd && r.end <= firstBody && r.text.split(/\s+/).length <= 4),
  ];
  const byKey = new Map<string, EntityFact>();
  for (const span of spans) {
    const text = clean.original.slice(span.start, span.end);
    for (const m of kb.matchNames(text)) {
      const entry = m.entries.find((e) => e.kind === 'organization' && e.organization.kind === 'media');
      if (!entry || entry.kind !== 'organization') continue;
      const o = entry.organization;
      const key = orgKey(o.id);
      const fact = byKey.get(key) ?? { key, kind: 'organization' as const, label: o.name, aliases: [], mentions: [], roles: [], country: null, kbId: o.id };
      fact.mentions.push({ start: span.start + m.start, end: span.start + m.end, text: m.text, via: 'source-credit' });
      if (m.text !== o.name && !fact.aliases.includes(m.text)) fact.aliases.push(m.text);
      byKey.set(key, fact);
    }
  }
  return [...byKey.values()];
}

/** Adds the source credits to the article's entities, merging with the organisations its sentences name. */
export function addSourceCredits(entities: EntityFact[], credits: EntityFact[]): void {
  for (const credit of credits) {
    const existing = entities.find((e) => e.key === credit.key);
    if (!existing) entities.push(credit);
    else {
      existing.mentions.push(...credit.mentions);
      for (const a of credit.aliases) if (a !== existing.label && !existing.aliases.includes(a)) existing.aliases.push(a);
    }
  }
}

