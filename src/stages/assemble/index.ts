// Assemble stage: turns the facts of every article into one graph of the model, merging entities and events.
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { countryKey, eventKey } from '../../graph/keys.js';
import { createGraph, KIND_COLORS, SCHEMA_VERSION, type EdgeAttributes, type GraphArticle, type KgGraph, type NodeAttributes } from '../../graph/model.js';
import type { ArticleFacts, DatePrecision, EntityFact, Role, Source } from '../../types.js';
import { clusterEvents, type EventCluster } from './merge-events.js';

export { clusterEvents, type EventCluster } from './merge-events.js';

/** Where each article's original text is written, relative to graph.json. */
export function articleTextFile(id: string): string {
  return `articles/${encodeURIComponent(id)}.txt`;
}

/** Builds the graph from per-article facts; the facts are sorted by article id first, so input order does not matter. */
export function assembleGraph(allFacts: ArticleFacts[], kb: KnowledgeBase, pipelineVersion: string): KgGraph {
  const facts = [...allFacts].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const articles: GraphArticle[] = facts.map((f) => ({
    id: f.meta.id, title: f.meta.title, url: f.meta.url, source: f.meta.source, published: f.documentDate.date, publishedSource: f.documentDate.source, hash: f.hash, textFile: articleTextFile(f.meta.id),
  }));
  const graph = createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion, articles });
  const entities = new Map<string, { fact: EntityFact; articles: Set<string>; dates: string[] }>();

  for (const f of facts) {
    for (const e of f.entities) {
      if (e.kind === 'place') continue;
      addEntity(entities, e, f);
    }
  }

  // Events: every report, clustered into real events, in article order.
  const reports = facts.flatMap((f) => f.events.map((fact) => ({ fact, article: f.meta.id, anchor: f.documentDate.date })));
  const places = new Map<string, EntityFact>();
  for (const f of facts) for (const e of f.entities) if (e.kind === 'place' && !places.has(e.key)) places.set(e.key, e);
  const clusters = clusterEvents(reports, (key) => {
    const p = places.get(key);
    return p?.country ? countryKey(p.country) : null;
  });

  // Locations become nodes only when an event happens there.
  const factsById = new Map(facts.map((f) => [f.meta.id, f]));
  for (const c of clusters) {
    if (!c.location || c.location.startsWith('country:') || entities.has(c.location)) continue;
    const place = places.get(c.location);
    if (!place) continue;
    for (const r of c.reports) {
      const f = factsById.get(r.article)!;
      addEntity(entities, { ...place, mentions: f.entities.find((e) => e.key === place.key)?.mentions ?? [] }, f);
    }
  }
  for (const c of clusters) for (const key of [...c.participants, ...(c.location ? [c.location] : [])]) ensureKbEntity(entities, key, kb);

  for (const [key, { fact, articles: seenIn }] of entities) graph.addNode(key, entityNode(fact, [...seenIn].sort()));

  const usedKeys = new Set<string>();
  for (const c of clusters) addEvent(graph, c, usedKeys, entities);
  for (const f of facts) addOffices(graph, f, kb);
  addPlaceCountries(graph);
  setSeenDates(graph, entities);
  return graph;
}

function addEntity(entities: Map<string, { fact: EntityFact; articles: Set<string>; dates: string[] }>, e: EntityFact, f: ArticleFacts): void {
  const seen = entities.get(e.key);
  if (!seen) {
    entities.set(e.key, { fact: { ...e, aliases: [...e.aliases], mentions: [...e.mentions], roles: [...e.roles] }, articles: new Set([f.meta.id]), dates: f.documentDate.date ? [f.documentDate.date] : [] });
    return;
  }
  if (!seen.articles.has(f.meta.id)) {
    seen.fact.mentions.push(...e.mentions);
    if (f.documentDate.date) seen.dates.push(f.documentDate.date);
  }
  seen.articles.add(f.meta.id);
  for (const a of e.aliases) if (!seen.fact.aliases.includes(a) && a !== seen.fact.label) seen.fact.aliases.push(a);
  for (const r of e.roles) if (!seen.fact.roles.some((x) => sameRole(x, r))) seen.fact.roles.push(r);
  seen.fact.country ??= e.country;
}

function sameRole(a: Role, b: Role): boolean {
  return a.title === b.title && a.of === b.of && a.origin === b.origin && a.from === b.from;
}

/** A participant or location the articles name only through an event (e.g. a host country): its node from the KB. */
function ensureKbEntity(entities: Map<string, { fact: EntityFact; articles: Set<string>; dates: string[] }>, key: string, kb: KnowledgeBase): void {
  if (entities.has(key)) return;
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const label = kind === 'country' ? kb.country(id)?.name : kind === 'org' ? kb.organization(id)?.name : kind === 'person' ? kb.person(id)?.name : kb.place(id)?.name;
  const entityKind = kind === 'org' ? 'organization' : (kind as EntityFact['kind']);
  entities.set(key, { fact: { key, kind: entityKind, label: label ?? id, aliases: [], mentions: [], country: kind === 'country' ? id : null, roles: [], kbId: null }, articles: new Set(), dates: [] });
}

function entityNode(e: EntityFact, articles: string[]): NodeAttributes {
  const base = {
    label: e.label, aliases: [...e.aliases].sort(), articles, mentions: e.mentions.length, firstSeen: null, lastSeen: null,
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

function addEvent(graph: KgGraph, c: EventCluster, usedKeys: Set<string>, entities: Map<string, { fact: EntityFact }>): void {
  let key = eventKey({ type: c.type, participants: c.participants, date: c.date.date ?? c.date.dateStart, location: c.location });
  for (let n = 2; usedKeys.has(key); n++) key = `${key.replace(/-\d+$/, '')}-${n}`;
  usedKeys.add(key);
  const sources = uniqueSources(c.reports.flatMap((r) => r.fact.evidence));
  const articles = [...new Set(c.reports.map((r) => r.article))].sort();
  const names = c.participants.map((p) => entities.get(p)?.fact.label ?? p);
  const locationLabel = c.location ? (entities.get(c.location)?.fact.label ?? null) : null;
  graph.addNode(key, {
    kind: 'event', label: `${capitalize(c.type)}: ${names.join(' - ')}`, aliases: [], articles, mentions: c.reports.length,
    firstSeen: null, lastSeen: null, x: 0, y: 0, size: 1, color: KIND_COLORS.event, community: 0,
    eventType: c.type, status: c.status, hedged: c.reports.every((r) => r.fact.hedged),
    date: c.date.date, datePrecision: c.date.precision, dateStart: c.date.dateStart, dateEnd: c.date.dateEnd,
    dateEvidence: c.reports.filter((r) => r.fact.dateEvidence).map((r) => ({ article: r.article, ...r.fact.dateEvidence! })),
    location: locationLabel, sources,
  });
  const confidence = Math.min(...c.reports.map((r) => r.fact.confidence));
  for (const p of c.participants) {
    const own = uniqueSources(c.reports.filter((r) => r.fact.participants.includes(p)).flatMap((r) => r.fact.evidence));
    const isHost = c.type === 'visit' && p.startsWith('country:') && c.location !== null && (c.location === p || entities.get(c.location)?.fact.country === p.slice('country:'.length));
    addKeyedEdge(graph, p, key, edge('participant', c.date.date, c.date.precision, c.date.dateEnd, own, confidence < 1 ? confidence : null, isHost ? 'host' : c.type === 'visit' && p.startsWith('person:') ? 'guest' : 'party'));
  }
  if (c.location && graph.hasNode(c.location)) {
    const own = uniqueSources(c.reports.filter((r) => r.fact.location === c.location).flatMap((r) => r.fact.evidence));
    addKeyedEdge(graph, key, c.location, edge('location', c.date.date, c.date.precision, c.date.dateEnd, own.length > 0 ? own : sources, null, null));
  }
}

/** Adds an edge under a readable, deterministic key: "<source>-><relation>-><target>", with "#n" for parallel edges. */
function addKeyedEdge(graph: KgGraph, source: string, target: string, attrs: EdgeAttributes): string {
  const base = `${source}->${attrs.relation}->${target}`;
  let key = base;
  for (let n = 2; graph.hasEdge(key); n++) key = `${base}#${n}`;
  graph.addDirectedEdgeWithKey(key, source, target, attrs);
  return key;
}

function edge(relation: EdgeAttributes['relation'], date: string | null, datePrecision: DatePrecision, dateEnd: string | null, sources: Source[], confidence: number | null, role: string | null): EdgeAttributes {
  return { relation, date, datePrecision, dateEnd, sources, confidence, role };
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = `${s.article}|${s.start}|${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Office edges the text states, one per person, office and article; dated by the KB term when the KB knows it. */
function addOffices(graph: KgGraph, f: ArticleFacts, kb: KnowledgeBase): void {
  for (const o of f.offices) {
    if (!graph.hasNode(o.person) || !graph.hasNode(o.of)) continue;
    const person = kb.person(o.person.slice('person:'.length));
    const of = o.of.slice(o.of.indexOf(':') + 1);
    const term = person?.offices.find((t) => t.of === of && (!f.documentDate.date || (t.from <= f.documentDate.date && (t.to === null || f.documentDate.date < t.to))));
    const existing = graph.directedEdges(o.person, o.of).find((e) => graph.getEdgeAttribute(e, 'role') === o.title && graph.getEdgeAttribute(e, 'relation') === o.relation);
    if (existing) {
      graph.updateEdgeAttribute(existing, 'sources', (s) => uniqueSources([...(s ?? []), ...o.sources]));
      continue;
    }
    addKeyedEdge(graph, o.person, o.of, edge(o.relation, term?.from ?? null, term ? 'day' : 'unknown', term?.to ?? null, o.sources, o.confidence, o.title));
  }
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
function setSeenDates(graph: KgGraph, entities: Map<string, { dates: string[] }>): void {
  graph.forEachNode((key, attrs) => {
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
