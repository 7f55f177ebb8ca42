// Scores a built graph against a hand annotation in the format of data/gold/seeds.gold.json.
import { z } from 'zod';
import { foldDiacritics } from '../graph/keys.js';
import type { EventNode, KgGraph, NodeAttributes } from '../graph/model.js';

const goldEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  participants: z.array(z.string()),
  date: z.string().nullable(),
  dateRange: z.tuple([z.string(), z.string()]).optional(),
  status: z.string().optional(),
  location: z.string().nullable().optional(),
  articles: z.array(z.string()),
  required: z.boolean(),
});
export const goldSchema = z.object({
  articles: z.record(z.string(), z.object({ published: z.string().nullable().optional() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()).default([]), articles: z.array(z.string()).default([]) })),
  optionalPeople: z.array(z.string()).default([]),
  countries: z.array(z.object({ iso2: z.string(), name: z.string(), articles: z.array(z.string()).default([]) })),
  optionalCountries: z.array(z.string()).default([]),
  organizations: z.array(z.object({ name: z.string(), aliases: z.array(z.string()).default([]), articles: z.array(z.string()).default([]) })),
  events: z.array(goldEventSchema),
  absent: z.array(z.object({ article: z.string(), names: z.array(z.string()) })).default([]),
});
export type Gold = z.infer<typeof goldSchema>;
type GoldEvent = z.infer<typeof goldEventSchema>;

export interface Score {
  found: number;
  total: number;
  value: number | null;
}

export interface EvalReport {
  people: { recall: Score; precision: Score; missing: string[]; extra: string[] };
  countries: { recall: Score; missing: string[] };
  organizations: { recall: Score; missing: string[] };
  events: {
    recall: Score;
    precision: Score;
    dateAccuracy: Score;
    mergeRate: Score;
    splitDuplicates: number;
    missing: string[];
    wrongDates: { id: string; gold: string; got: string }[];
    unmatched: string[];
  };
  edges: { sourced: Score; quotesExact: Score };
  leaks: { node: string; label: string; article: string }[];
}

const TYPE_FAMILY: Record<string, string> = { call: 'call', meeting: 'meeting', summit: 'meeting', talks: 'meeting', visit: 'visit' };

/** Compares names without case, diacritics or punctuation. */
export function normalizeName(name: string): string {
  return foldDiacritics(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function score(found: number, total: number): Score {
  return { found, total, value: total === 0 ? null : found / total };
}

function namesOf(node: NodeAttributes): string[] {
  const names = [node.label, ...node.aliases];
  if (node.kind === 'organization' && node.acronym) names.push(node.acronym);
  return names.map(normalizeName);
}

/** Scores `graph` against `gold`; `texts` (article id -> original text) checks that quotes equal the text at their offsets. */
export function evaluateGraph(graph: KgGraph, gold: Gold, texts: Map<string, string>): EvalReport {
  const goldArticles = new Set(Object.keys(gold.articles));
  const inScope = (node: NodeAttributes) => node.articles.some((a) => goldArticles.has(a));

  // People: one node per gold person; a second node for the same person is a false positive.
  const personNodes = graph.filterNodes((_, a) => a.kind === 'person' && inScope(a));
  const personOf = new Map<string, string>();
  const extra: string[] = [];
  let truePeople = 0;
  for (const key of personNodes) {
    const names = namesOf(graph.getNodeAttributes(key));
    const match = gold.people.find((p) => [p.name, ...p.aliases].some((n) => names.includes(normalizeName(n))));
    const optional = gold.optionalPeople.some((n) => names.includes(normalizeName(n)));
    if (match && !personOf.has(match.id)) {
      personOf.set(match.id, key);
      truePeople++;
    } else if (optional && !match) truePeople++;
    else extra.push(graph.getNodeAttribute(key, 'label'));
  }
  const missingPeople = gold.people.filter((p) => !personOf.has(p.id)).map((p) => p.name);

  const countryFound = gold.countries.filter((c) => graph.hasNode(`country:${c.iso2}`));
  const orgOf = new Map<string, string>();
  for (const o of gold.organizations) {
    const wanted = [o.name, ...o.aliases].map(normalizeName);
    const key = graph.findNode((_, a) => a.kind === 'organization' && namesOf(a).some((n) => wanted.includes(n)));
    if (key) orgOf.set(o.name, key);
  }

  const participantKey = (id: string): string | null => {
    if (id.startsWith('country:')) return graph.hasNode(id) ? id : null;
    if (id.startsWith('org:')) return orgOf.get(gold.organizations.find((o) => [o.name, ...o.aliases].includes(id.slice(4)))?.name ?? '') ?? null;
    return personOf.get(id) ?? null;
  };
  const eventNodes = graph.filterNodes((_, a) => a.kind === 'event' && TYPE_FAMILY[a.eventType] !== undefined && inScope(a));
  const participantsOf = (key: string) => new Set(graph.inEdges(key).filter((e) => graph.getEdgeAttribute(e, 'relation') === 'participant').map((e) => graph.source(e)));
  const candidatesFor = (g: GoldEvent): string[] => {
    const keys = g.participants.map(participantKey);
    if (keys.some((k) => k === null)) return [];
    return eventNodes.filter((e) => {
      const a = graph.getNodeAttributes(e) as EventNode;
      if (TYPE_FAMILY[a.eventType] !== TYPE_FAMILY[g.type]) return false;
      const parts = participantsOf(e);
      return keys.every((k) => parts.has(k!));
    });
  };

  // Each required gold event takes its best node: one sharing its articles, then with the right date.
  const matched = new Map<string, string>();
  const used = new Set<string>();
  const missing: string[] = [];
  const wrongDates: EvalReport['events']['wrongDates'] = [];
  let datesRight = 0;
  let multi = 0;
  let merged = 0;
  let splits = 0;
  for (const g of gold.events.filter((e) => e.required)) {
    const candidates = candidatesFor(g);
    const rank = (k: string) => {
      const a = graph.getNodeAttributes(k) as EventNode;
      return (a.articles.some((x) => g.articles.includes(x)) ? 2 : 0) + (dateMatches(g, a) ? 1 : 0);
    };
    const best = candidates.filter((k) => !used.has(k)).sort((x, y) => rank(y) - rank(x))[0];
    if (g.articles.length > 1) multi++;
    if (!best) {
      missing.push(`${g.id} ${g.type} ${g.participants.join('+')}`);
      continue;
    }
    used.add(best);
    matched.set(g.id, best);
    const a = graph.getNodeAttributes(best) as EventNode;
    if (dateMatches(g, a)) datesRight++;
    else wrongDates.push({ id: g.id, gold: g.date ?? g.dateRange?.join('..') ?? 'unknown', got: a.date ?? (a.dateStart ? `${a.dateStart}..${a.dateEnd}` : 'unknown') });
    if (g.articles.length > 1 && g.articles.every((x) => a.articles.includes(x))) merged++;
    // Other nodes for the same event: same parties, a shared article, a compatible date.
    splits += candidates.filter((k) => k !== best && (graph.getNodeAttribute(k, 'articles') as string[]).some((x) => g.articles.includes(x)) && datesCompatible(graph.getNodeAttributes(k) as EventNode, a)).length;
  }
  const optionalMatched = new Set<string>();
  for (const g of gold.events.filter((e) => !e.required)) for (const k of candidatesFor(g)) optionalMatched.add(k);
  const unmatched = eventNodes.filter((k) => !used.has(k) && !optionalMatched.has(k) && ![...matched.values()].includes(k));
  const required = gold.events.filter((e) => e.required).length;

  // Edges and their quotes.
  let sourcedEdges = 0;
  let quotes = 0;
  let exact = 0;
  const checkQuote = (s: { article: string; quote: string; start: number; end: number }) => {
    quotes++;
    if (texts.get(s.article)?.slice(s.start, s.end) === s.quote) exact++;
  };
  graph.forEachEdge((_, e) => {
    if (e.sources.length > 0) sourcedEdges++;
    e.sources.forEach(checkQuote);
  });
  graph.forEachNode((_, n) => {
    if (n.kind === 'event') n.sources.forEach(checkQuote);
  });

  const leaks: EvalReport['leaks'] = [];
  for (const { article, names } of gold.absent) {
    const banned = new Set(names.map(normalizeName));
    graph.forEachNode((key, n) => {
      if (!n.articles.includes(article)) return;
      const hit = namesOf(n).find((x) => banned.has(x));
      if (hit) leaks.push({ node: key, label: n.label, article });
    });
  }

  return {
    people: { recall: score(gold.people.length - missingPeople.length, gold.people.length), precision: score(truePeople, personNodes.length), missing: missingPeople, extra },
    countries: { recall: score(countryFound.length, gold.countries.length), missing: gold.countries.filter((c) => !countryFound.includes(c)).map((c) => c.iso2) },
    organizations: { recall: score(orgOf.size, gold.organizations.length), missing: gold.organizations.filter((o) => !orgOf.has(o.name)).map((o) => o.name) },
    events: {
      recall: score(matched.size, required),
      precision: score(eventNodes.length - unmatched.length, eventNodes.length),
      dateAccuracy: score(datesRight, matched.size),
      mergeRate: score(merged, multi),
      splitDuplicates: splits,
      missing,
      wrongDates,
      unmatched: unmatched.map((k) => graph.getNodeAttribute(k, 'label')),
    },
    edges: { sourced: score(sourcedEdges, graph.size), quotesExact: score(exact, quotes) },
    leaks,
  };
}

/** Exact day; or inside the gold range; or the same month for month-level gold; an undated gold event wants no date. */
function dateMatches(g: GoldEvent, a: EventNode): boolean {
  if (g.date === null && !g.dateRange) return a.datePrecision === 'unknown';
  if (g.date && /^\d{4}-\d{2}-\d{2}$/.test(g.date) && a.date === g.date) return true;
  if (g.date && /^\d{4}-\d{2}$/.test(g.date) && a.dateStart?.startsWith(g.date) && a.dateEnd?.startsWith(g.date)) return true;
  if (g.dateRange && a.dateStart && a.dateEnd) return a.dateStart >= g.dateRange[0] && a.dateEnd <= g.dateRange[1];
  return false;
}

function datesCompatible(a: EventNode, b: EventNode): boolean {
  if (!a.dateStart || !b.dateStart || !a.dateEnd || !b.dateEnd) return true;
  return a.dateStart <= b.dateEnd && b.dateStart <= a.dateEnd;
}

/** The report as an aligned table for the terminal. */
export function formatEvalReport(r: EvalReport): string {
  const pct = (s: Score) => (s.value === null ? '   n/a' : `${(s.value * 100).toFixed(1).padStart(5)}%`) + `  (${s.found}/${s.total})`;
  const rows: [string, string][] = [
    ['people recall', pct(r.people.recall)],
    ['people precision', pct(r.people.precision)],
    ['countries recall', pct(r.countries.recall)],
    ['organisations recall', pct(r.organizations.recall)],
    ['events recall (required)', pct(r.events.recall)],
    ['events precision', pct(r.events.precision)],
    ['event date accuracy', pct(r.events.dateAccuracy)],
    ['event merge rate', pct(r.events.mergeRate)],
    ['split duplicates', String(r.events.splitDuplicates)],
    ['edges with a source', pct(r.edges.sourced)],
    ['quotes exact at offsets', pct(r.edges.quotesExact)],
    ['leaks from page furniture', String(r.leaks.length)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const notes: string[] = [];
  if (r.people.missing.length) notes.push(`missing people: ${r.people.missing.join(', ')}`);
  if (r.people.extra.length) notes.push(`extra people: ${r.people.extra.join(', ')}`);
  if (r.countries.missing.length) notes.push(`missing countries: ${r.countries.missing.join(', ')}`);
  if (r.organizations.missing.length) notes.push(`missing organisations: ${r.organizations.missing.join(', ')}`);
  if (r.events.missing.length) notes.push(`missing events: ${r.events.missing.join('; ')}`);
  for (const w of r.events.wrongDates) notes.push(`wrong date: ${w.id} gold ${w.gold}, got ${w.got}`);
  if (r.events.unmatched.length) notes.push(`events matching no gold event: ${r.events.unmatched.join('; ')}`);
  for (const l of r.leaks) notes.push(`leak: ${l.label} (${l.node}) from ${l.article}`);
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
