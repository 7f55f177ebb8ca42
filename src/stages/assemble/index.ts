// Assemble stage: turns the facts of every article into one graph of the model, merging entities and events.
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { countryKey, eventKey } from '../../graph/keys.js';
import { articleKey, createGraph, edgeKey, KIND_COLORS, SCHEMA_VERSION, type EdgeAttributes, type GraphArticle, type KgGraph, type NodeAttributes } from '../../graph/model.js';
import type { ArticleFacts, DatePrecision, EntityFact, OfficeFact, ParticipantEvidence, Role, Source } from '../../types.js';
import { clusterEvents, type EventCluster } from './merge-events.js';
import { PersonIdentities } from '../link/identities.js';
import { addProjection } from './projection.js';
import { textBytes } from '../ingest/text-bytes.js';

export { clusterEvents, type EventCluster } from './merge-events.js';
export { addProjection } from './projection.js';

/** Where each article's original text is written, relative to graph.json: a hash of the id, short and safe whatever the id holds (length, accents, slashes, case, lone surrogates). */
export function articleTextFile(id: string): string {
  return `articles/${createHash('sha256').update(textBytes(id)).digest('hex').slice(0, 24)}.txt`;
}

/** What the graph keeps of an entity across articles: its merged fact (mentions counted, not kept), the articles and their dates. */
interface SeenEntity {
  fact: Omit<EntityFact, 'mentions'>;
  mentions: number;
  articles: Set<string>;
  dates: string[];
}

/** Where an article was seen, for the entities it names. */
interface ArticleSighting {
  id: string;
  date: string | null;
}

/** Builds the graph an article at a time, so the build never holds every article's facts at once. */
export interface Assembler {
  /** Takes one article's facts; articles come in increasing id order, so the graph does not depend on input order. */
  add(facts: ArticleFacts): void;
  /** Merges the events and returns the graph. */
  finish(): KgGraph;
}

export function createAssembler(kb: KnowledgeBase, pipelineVersion: string): Assembler {
  const articles: GraphArticle[] = [];
  const entities = new Map<string, SeenEntity>();
  const reports: EventCluster['reports'] = [];
  const places = new Map<string, EntityFact>();
  // Places become nodes only when an event happens there, so their mentions per article wait for the events to merge.
  const placeMentions = new Map<string, Map<string, number>>();
  const offices: { facts: OfficeFact[]; date: string | null }[] = [];
  let last: string | null = null;
  const identities = new PersonIdentities();

  return {
    add(input) {
      const f = identities.unify(input);
      if (last !== null && f.meta.id <= last) throw new Error(`assemble: article "${f.meta.id}" came after "${last}"; articles must come in increasing id order`);
      last = f.meta.id;
      articles.push({ id: f.meta.id, title: f.meta.title, url: f.meta.url, source: f.meta.source, published: f.documentDate.date, publishedSource: f.documentDate.source, hash: f.hash, textFile: articleTextFile(f.meta.id) });
      const sighting = { id: f.meta.id, date: f.documentDate.date };
      for (const e of f.entities) {
        if (e.kind !== 'place') {
          addEntity(entities, e, e.mentions.length, sighting);
          continue;
        }
        if (!places.has(e.key)) places.set(e.key, e);
        const byArticle = placeMentions.get(e.key) ?? new Map<string, number>();
        if (!byArticle.has(f.meta.id)) byArticle.set(f.meta.id, e.mentions.length);
        placeMentions.set(e.key, byArticle);
      }
      // Events: every report, clustered into real events at the end, in article order.
      for (const fact of f.events) reports.push({ fact, article: f.meta.id, anchor: f.documentDate.date });
      if (f.offices.length > 0) offices.push({ facts: f.offices, date: f.documentDate.date });
    },
    finish() {
      const graph = createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion, articles });
      const clusters = clusterEvents(reports, (key) => {
        const p = places.get(key);
        return p?.country ? countryKey(p.country) : null;
      });
      const dates = new Map(articles.map((a) => [a.id, a.published]));
      for (const c of clusters) {
        if (!c.location || c.location.startsWith('country:') || entities.has(c.location)) continue;
        const place = places.get(c.location);
        if (!place) continue;
        for (const r of c.reports) addEntity(entities, place, placeMentions.get(place.key)?.get(r.article) ?? 0, { id: r.article, date: dates.get(r.article) ?? null });
      }
      for (const c of clusters) for (const key of [...c.participants, ...(c.location ? [c.location] : [])]) ensureKbEntity(entities, key, kb);

      for (const [key, seen] of entities) graph.addNode(key, entityNode(seen.fact, seen.mentions, [...seen.articles].sort()));

      const usedKeys = new Set<string>();
      for (const c of clusters) addEvent(graph, c, usedKeys, entities);
      addOffices(graph, offices, kb);
      addPlaceCountries(graph);
      addArticles(graph, articles);
      addProjection(graph);
      setSeenDates(graph, entities);
      return graph;
    },
  };
}

/** Merges one article's entity into what is seen so far; its mentions count once per article. */
function addEntity(entities: Map<string, SeenEntity>, e: EntityFact, mentions: number, article: ArticleSighting): void {
  const seen = entities.get(e.key);
  if (!seen) {
    entities.set(e.key, { fact: { key: e.key, kind: e.kind, label: e.label, aliases: [...e.aliases], roles: [...e.roles], country: e.country, kbId: e.kbId }, mentions, articles: new Set([article.id]), dates: article.date ? [article.date] : [] });
    return;
  }
  if (!seen.articles.has(article.id)) {
    seen.mentions += mentions;
    if (article.date) seen.dates.push(article.date);
  }
  seen.articles.add(article.id);
  for (const a of e.aliases) if (!seen.fact.aliases.includes(a) && a !== seen.fact.label) seen.fact.aliases.push(a);
  for (const r of e.roles) if (!seen.fact.roles.some((x) => sameRole(x, r))) seen.fact.roles.push(r);
  seen.fact.country ??= e.country;
}

function sameRole(a: Role, b: Role): boolean {
  return a.title === b.title && a.of === b.of && a.origin === b.origin && a.from === b.from;
}

/** A participant or location the articles name only through an event (e.g. a host country): its node from the KB. */
function ensureKbEntity(entities: Map<string, SeenEntity>, key: string, kb: KnowledgeBase): void {
  if (entities.has(key)) return;
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const label = kind === 'country' ? kb.country(id)?.name : kind === 'org' ? kb.organization(id)?.name : kind === 'person' ? kb.person(id)?.name : kb.place(id)?.name;
  const entityKind = kind === 'org' ? 'organization' : (kind as EntityFact['kind']);
  entities.set(key, { fact: { key, kind: entityKind, label: label ?? id, aliases: [], country: kind === 'country' ? id : null, roles: [], kbId: null }, mentions: 0, articles: new Set(), dates: [] });
}

function entityNode(e: SeenEntity['fact'], mentions: number, articles: string[]): NodeAttributes {
  const base = {
    label: e.label, aliases: [...e.aliases].sort(), articles, mentions, firstSeen: null, lastSeen: null,
    x: 0, y: 0, size: 1, color: KIND_COLORS[e.kind], community: 0,
  };
  switch (e.kind) {
    case 'person':
      return { ...base, kind: 'person', kbId: e.kbId, country: e.country, roles: sortRoles(e.roles) };
    case 'country':
      return { ...base, kind: 'country', iso2: e.key.slice('country:'.length), iso3: null };
    case 'organization':
      return { ...base, kind: 'organization', kbId: e.kbId, acronym: null };
    case 'place':
      return { ...base, kind: 'place', country: e.country, placeType: 'city' };
  }
}

function sortRoles(roles: Role[]): Role[] {
  return [...roles].sort((a, b) => `${a.origin}|${a.of}|${a.title}|${a.from}`.localeCompare(`${b.origin}|${b.of}|${b.title}|${b.from}`));
}

function addEvent(graph: KgGraph, c: EventCluster, usedKeys: Set<string>, entities: Map<string, SeenEntity>): void {
  let key = eventKey({ type: c.type, participants: c.participants, date: c.date.date ?? c.date.dateStart, location: c.location });
  for (let n = 2; usedKeys.has(key); n++) key = `${key.replace(/-\d+$/, '')}-${n}`;
  usedKeys.add(key);
  const sources = uniqueSources(c.reports.flatMap((r) => r.fact.evidence));
  const articles = [...new Set(c.reports.map((r) => r.article))].sort();
  const locationLabel = c.location ? (entities.get(c.location)?.fact.label ?? null) : null;
  const date = oneDayAsDay(c.date);
  graph.addNode(key, {
    kind: 'event', label: eventLabel(c.type, c.participants.map((p) => ({ key: p, label: entities.get(p)?.fact.label ?? p, country: entities.get(p)?.fact.country ?? null })), date, locationLabel), aliases: [], articles, mentions: c.reports.length,
    firstSeen: null, lastSeen: null, x: 0, y: 0, size: 1, color: KIND_COLORS.event, community: 0,
    eventType: c.type, status: c.status, hedged: c.reports.every((r) => r.fact.hedged),
    date: date.date, datePrecision: date.precision, dateStart: date.dateStart, dateEnd: date.dateEnd,
    dateEvidence: c.reports.filter((r) => r.fact.dateEvidence).map((r) => ({ article: r.article, ...r.fact.dateEvidence! })),
    dateInferred: c.date.precision !== 'unknown' && c.reports.every((r) => r.fact.date.precision === 'unknown' || r.fact.dateInferred),
    cancellationReported: c.status === 'cancelled' ? (c.reports.map((r) => r.fact.cancellationReported).filter((d): d is string => d !== null).sort()[0] ?? null) : null,
    location: locationLabel, sources,
  });
  const confidence = c.reports.reduce((min, r) => Math.min(min, r.fact.confidence), Infinity);
  for (const p of c.participants) {
    const reporting = c.reports.filter((r) => r.fact.participants.includes(p));
    const own = uniqueSources(reporting.flatMap((r) => r.fact.evidence));
    const foundBy = strongestEvidence(reporting.map((r) => r.fact.participantEvidence[p] ?? 'stated'));
    const isHost = c.type === 'visit' && p.startsWith('country:') && c.location !== null && (c.location === p || entities.get(c.location)?.fact.country === p.slice('country:'.length));
    addKeyedEdge(graph, p, key, edge('participant', date.date, date.precision, date.dateEnd, own, confidence < 1 ? confidence : null, isHost ? 'host' : c.type === 'visit' && p.startsWith('person:') ? 'guest' : 'party', foundBy));
  }
  if (c.location && graph.hasNode(c.location)) {
    const own = uniqueSources(c.reports.filter((r) => r.fact.location === c.location).flatMap((r) => r.fact.evidence));
    addKeyedEdge(graph, key, c.location, edge('location', date.date, date.precision, date.dateEnd, own.length > 0 ? own : sources, null, null));
  }
}

/** A range that starts and ends on the same day is that day. */
function oneDayAsDay(date: EventCluster['date']): EventCluster['date'] {
  return date.precision === 'range' && date.dateStart !== null && date.dateStart === date.dateEnd ? { ...date, date: date.dateStart, precision: 'day' } : date;
}

/**
 * A label that tells an event from the others of the same parties: "Meeting: Donald Trump – Vladimir Putin, 2025-08-15,
 * Anchorage". The people first, then the other parties but the people's own countries (which add nothing), each
 * group in alphabetical order; then the date (a range as "start..end") and the place when known.
 */
export function eventLabel(type: string, parties: { key: string; label: string; country: string | null }[], date: EventCluster['date'], location: string | null): string {
  const people = parties.filter((p) => p.key.startsWith('person:'));
  const theirs = new Set(people.map((p) => (p.country === null ? '' : `country:${p.country}`)));
  const others = parties.filter((p) => !p.key.startsWith('person:') && !theirs.has(p.key));
  const byLabel = (a: { label: string }, b: { label: string }): number => a.label.localeCompare(b.label);
  const names = [...people.sort(byLabel), ...others.sort(byLabel)].map((p) => p.label);
  const when = date.date ?? (date.dateStart !== null && date.dateEnd !== null && date.dateStart !== date.dateEnd ? `${date.dateStart}..${date.dateEnd}` : date.dateStart);
  return [`${capitalize(type)}: ${names.join(' – ')}`, when, location].filter((part) => part !== null && part !== '').join(', ');
}

/** Adds an edge under a readable, deterministic key (see edgeKey), numbering parallel edges. */
function addKeyedEdge(graph: KgGraph, source: string, target: string, attrs: EdgeAttributes): string {
  let key = edgeKey(source, attrs.relation, target);
  for (let n = 2; graph.hasEdge(key); n++) key = edgeKey(source, attrs.relation, target, n);
  graph.addDirectedEdgeWithKey(key, source, target, attrs);
  return key;
}

/** One node per article, and a reported_in edge from each event to each article for every sentence that reports it. */
export function addArticles(graph: KgGraph, articles: GraphArticle[]): void {
  for (const a of articles) {
    graph.addNode(articleKey(a.id), {
      kind: 'article', label: a.title ?? a.id, aliases: [], articles: [a.id], mentions: 0, firstSeen: a.published, lastSeen: a.published,
      x: 0, y: 0, size: 1, color: KIND_COLORS.article, community: 0,
      title: a.title, url: a.url, source: a.source, published: a.published, publishedSource: a.publishedSource, textFile: a.textFile,
    });
  }
  const published = new Map(articles.map((a) => [a.id, a.published]));
  for (const event of graph.filterNodes((_key, node) => node.kind === 'event')) {
    const node = graph.getNodeAttributes(event);
    if (node.kind !== 'event') continue;
    for (const s of node.sources) {
      const article = articleKey(s.article);
      const day = published.get(s.article) ?? null;
      addKeyedEdge(graph, event, article, { ...edge('reported_in', day, day === null ? 'unknown' : 'day', null, [s], null, null), quote: s.quote, start: s.start, end: s.end });
      graph.updateNodeAttribute(article, 'mentions', (n) => (n ?? 0) + 1);
    }
  }
}

function edge(relation: EdgeAttributes['relation'], date: string | null, datePrecision: DatePrecision, dateEnd: string | null, sources: Source[], confidence: number | null, role: string | null, foundBy?: ParticipantEvidence): EdgeAttributes {
  return { relation, date, datePrecision, dateEnd, sources, confidence, role, ...(foundBy ? { foundBy } : {}) };
}

// A participant named outright in one report is stated, whatever the other reports inferred.
const EVIDENCE_STRENGTH: ParticipantEvidence[] = ['stated', 'role', 'visit', 'demonym', 'group', 'pronoun'];

function strongestEvidence(found: ParticipantEvidence[]): ParticipantEvidence {
  return EVIDENCE_STRENGTH.find((e) => found.includes(e)) ?? 'stated';
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => firstSight(seen, s));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Office edges the text states, one per person, office, title and relation, citing every article that states it;
 * dated by the KB term in force at the first such article's date. Sources are merged in one pass: re-merging the
 * whole list per article was quadratic in the articles naming a leader's office.
 */
function addOffices(graph: KgGraph, offices: { facts: OfficeFact[]; date: string | null }[], kb: KnowledgeBase): void {
  const merged = new Map<string, { edge: string; sources: Source[]; seen: Set<string> | null }>();
  for (const { facts, date } of offices) {
    for (const o of facts) {
      if (!graph.hasNode(o.person) || !graph.hasNode(o.of)) continue;
      const id = `${o.person}|${o.of}|${o.title}|${o.relation}`;
      const known = merged.get(id);
      if (known) {
        if (!known.seen) {
          known.seen = new Set();
          known.sources = known.sources.filter((s) => firstSight(known.seen!, s));
        }
        for (const s of o.sources) if (firstSight(known.seen, s)) known.sources.push(s);
        continue;
      }
      const person = kb.person(o.person.slice('person:'.length));
      const of = o.of.slice(o.of.indexOf(':') + 1);
      const term = person?.offices.find((t) => t.of === of && (!date || (t.from <= date && (t.to === null || date < t.to))));
      const key = addKeyedEdge(graph, o.person, o.of, edge(o.relation, term?.from ?? null, term ? 'day' : 'unknown', term?.to ?? null, o.sources, o.confidence, o.title));
      merged.set(id, { edge: key, sources: o.sources, seen: null });
    }
  }
  for (const { edge: key, sources, seen } of merged.values()) if (seen) graph.setEdgeAttribute(key, 'sources', sources);
}

/** True the first time a source (article and span) is seen. */
function firstSight(seen: Set<string>, s: Source): boolean {
  const k = `${s.article}|${s.start}|${s.end}`;
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
}

/** Places used as locations lie in a country: an edge from the KB, inferred, cited by the sentence naming the place. */
function addPlaceCountries(graph: KgGraph): void {
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'place' || !attrs.country) return;
    const country = countryKey(attrs.country);
    if (!graph.hasNode(country)) return;
    const sources = graph.inEdges(key).flatMap((e) => graph.getEdgeAttribute(e, 'sources')).slice(0, 1);
    addKeyedEdge(graph, key, country, edge('located_in', null, 'unknown', null, sources, 0.95, null));
  });
}

/** firstSeen/lastSeen: the earliest and latest article or event date a node appears with. */
function setSeenDates(graph: KgGraph, entities: Map<string, SeenEntity>): void {
  graph.forEachNode((key, attrs) => {
    if (attrs.kind === 'article') return;
    const dates: string[] = [...(entities.get(key)?.dates ?? [])];
    if (attrs.kind === 'event') {
      if (attrs.dateStart) dates.push(attrs.dateStart);
      if (attrs.dateEnd) dates.push(attrs.dateEnd);
    } else {
      graph.forEachOutNeighbor(key, (_, na) => {
        if (na.kind === 'event' && na.dateStart && na.dateEnd) dates.push(na.dateStart, na.dateEnd);
      });
    }
    dates.sort();
    graph.mergeNodeAttributes(key, { firstSeen: dates[0] ?? null, lastSeen: dates[dates.length - 1] ?? null });
  });
}
