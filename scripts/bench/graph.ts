// A synthetic graph of the model for timing the exporters: seeded, with events, sourced participant edges and offices as a build makes them.
import { createGraph, KIND_COLORS, SCHEMA_VERSION, type EdgeAttributes, type KgGraph } from '../../src/graph/model.js';
import { createRandom } from '../../src/graph/random.js';

/** A graph with `edges` edges: about one event per 4 edges, 2-3 participants each, a location, and office edges; every edge sourced. */
export function generateGraph(edges: number, seed = 11): KgGraph {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const articleCount = Math.ceil(edges / 20);
  const articles = Array.from({ length: articleCount }, (_, i) => ({ id: `a${i}`, title: `Article ${i}`, url: `https://news.example/${i}`, source: 'bench', published: '2024-01-01', publishedSource: 'metadata', hash: '0'.repeat(64), textFile: `articles/a${i}.txt` }));
  const graph = createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion: 'bench', articles });
  const look = () => ({ x: random() * 1000, y: random() * 1000, size: 4 + random() * 16, community: Math.floor(random() * 40) });
  const people: string[] = [];
  const countries: string[] = [];
  const places: string[] = [];
  for (let i = 0; i < Math.ceil(edges / 50); i++) {
    const key = `person:p${i}`;
    graph.addNode(key, { kind: 'person', label: `Person ${i} Ürgüp & "Co"`, aliases: [`P. ${i}`], articles: [`a${i % articleCount}`], mentions: 3, firstSeen: '2020-01-01', lastSeen: '2024-01-01', ...look(), color: KIND_COLORS.person, kbId: `p${i}`, country: 'HU', roles: [{ title: 'Prime Minister', of: 'country:HU', from: '2010-05-29', to: null, origin: 'kb' }] });
    people.push(key);
  }
  for (let i = 0; i < 200; i++) {
    const key = `country:C${i}`;
    graph.addNode(key, { kind: 'country', label: `Country ${i}`, aliases: [], articles: ['a0'], mentions: 10, firstSeen: null, lastSeen: null, ...look(), color: KIND_COLORS.country, iso2: `C${i}`, iso3: null });
    countries.push(key);
  }
  for (let i = 0; i < 500; i++) {
    const key = `place:city-${i}`;
    graph.addNode(key, { kind: 'place', label: `City ${i}`, aliases: [], articles: ['a0'], mentions: 2, firstSeen: null, lastSeen: null, ...look(), color: KIND_COLORS.place, country: 'HU', placeType: 'city' });
    places.push(key);
  }
  const source = (article: string) => ({ article, quote: 'Prime Minister <Viktor> Orbán met "Vladimir Putin" in Moscow on Tuesday.', start: 120, end: 190 });
  const edge = (attributes: Partial<EdgeAttributes>): EdgeAttributes => ({ relation: 'participant', date: null, datePrecision: 'unknown', dateEnd: null, sources: [], confidence: null, role: null, ...attributes });
  for (const person of people) graph.addEdge(person, pick(countries), edge({ relation: 'leader_of', date: '2010-05-29', datePrecision: 'day', confidence: 0.9, role: 'Prime Minister' }));
  for (let i = 0; graph.size < edges; i++) {
    const article = `a${i % articleCount}`;
    const day = `20${String(10 + Math.floor(random() * 15))}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    const event = `event:e${i}`;
    graph.addNode(event, { kind: 'event', label: `Meeting ${i}`, aliases: [], articles: [article], mentions: 1, firstSeen: day, lastSeen: day, ...look(), color: KIND_COLORS.event, eventType: pick(['call', 'meeting', 'summit', 'visit']), status: 'occurred', hedged: false, date: day, datePrecision: 'day', dateStart: day, dateEnd: day, dateEvidence: [{ article, text: 'on Tuesday', rule: 'weekday-past', anchor: day }], location: 'Moscow', sources: [source(article)] });
    const parties = 2 + Math.floor(random() * 2);
    for (let p = 0; p < parties && graph.size < edges; p++) graph.addEdge(pick(p === 2 ? countries : people), event, edge({ date: day, datePrecision: 'day', sources: [source(article)], role: p === 0 ? 'host' : 'guest' }));
    if (graph.size < edges) graph.addEdge(event, pick(places), edge({ relation: 'location', date: day, datePrecision: 'day', sources: [source(article)] }));
  }
  return graph;
}
