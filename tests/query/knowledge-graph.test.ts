// The query API against the fixture graph: lookups, filters, date windows, paths, rankings, subgraphs and their error codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/errors.js';
import { createGraph, SCHEMA_VERSION } from '../../src/graph/model.js';
import { serializeGraph, parseGraph } from '../../src/graph/serialize.js';
import { validateGraph } from '../../src/graph/validate.js';
import { KnowledgeGraph, loadGraph } from '../../src/query/index.js';
import { FIXTURE_GRAPH, ROOT } from './helpers.js';

const CALL_ARTICLES = ['001_9f0322c5207143d7', '003_b3ba324170558599'];

let kg: KnowledgeGraph;
let texts: Map<string, string>;

beforeAll(async () => {
  kg = await loadGraph(FIXTURE_GRAPH);
  texts = new Map(kg.graph.getAttribute('articles').map((a) => [a.id, readFileSync(join(ROOT, 'data/articles', `${a.id}.txt`), 'utf8')]));
});

/** The UsageError code `run` throws, or null. */
function usageCode(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.code;
    throw error;
  }
  return null;
}

describe('the fixture', () => {
  it('follows the model, and every quote is the article text at its offsets', () => {
    expect(validateGraph(kg.graph, texts)).toEqual([]);
  });
});

describe('find', () => {
  it.each([
    ['orban', 'person:viktor-orban'],
    ['Viktor Orbán', 'person:viktor-orban'],
    ['VIKTOR  ORBAN', 'person:viktor-orban'],
    ['Orbán.', 'person:viktor-orban'],
    ['Putin', 'person:vladimir-putin'],
    ['Peter Szijjarto', 'person:peter-szijjarto'],
    ['szijjártó', 'person:peter-szijjarto'],
    ['person:donald-trump', 'person:donald-trump'],
    ['HU', 'country:HU'],
    ['hungary', 'country:HU'],
    ['North Atlantic Treaty Organization', 'org:nato'],
  ])('%s -> %s', (name, key) => {
    expect(kg.find(name).key).toBe(key);
  });

  it('offers the closest names for a typo, with code unknown-entity', () => {
    expect(usageCode(() => kg.find('Orbn'))).toBe('unknown-entity');
    expect(() => kg.find('Orbn')).toThrow(/no entity "Orbn"; did you mean: Viktor Orbán/);
    expect(kg.lookup('Putn').suggestions[0]?.label).toBe('Vladimir Putin');
  });

  it('suggests nothing far-fetched', () => {
    expect(kg.lookup('Xqzwvb').suggestions).toEqual([]);
    expect(() => kg.find('Xqzwvb')).toThrow(/^no entity "Xqzwvb"$/);
  });

  it('refuses a surname two people share, naming both', () => {
    const graph = kg.graph.copy();
    const putin = graph.getNodeAttributes('person:vladimir-putin');
    graph.addNode('person:john-smith', { ...putin, label: 'John Smith', aliases: [] });
    graph.addNode('person:jane-smith', { ...putin, label: 'Jane Smith', aliases: [] });
    const two = new KnowledgeGraph(graph);
    expect(usageCode(() => two.find('Smith'))).toBe('ambiguous-entity');
    expect(() => two.find('Smith')).toThrow(/Jane Smith.*John Smith/);
    expect(two.find('Jane Smith').key).toBe('person:jane-smith');
  });
});

describe('events', () => {
  it('lists every event in date order, undated last', () => {
    const events = kg.events();
    expect(events).toHaveLength(kg.graph.filterNodes((_key, node) => node.kind === 'event').length);
    const dated = events.filter((e) => e.dateStart !== null).map((e) => e.dateStart);
    expect(dated).toEqual([...dated].sort());
    expect(events.at(-1)?.dateStart).toBeNull();
  });

  it('finds the 2022 Moscow meeting of Orbán by type, participant and year', () => {
    const events = kg.events({ type: 'meeting', participants: ['Orban'], from: '2022-01-01', to: '2022-12-31' });
    expect(events.map((e) => [e.date, e.location?.label])).toEqual([['2022-02-01', 'Moscow']]);
    expect(events[0].participants.map((p) => p.key).sort()).toEqual(['person:viktor-orban', 'person:vladimir-putin']);
  });

  it('requires all participants, or any of anyOf', () => {
    expect(kg.events({ participants: ['Putin', 'Biden'] }).map((e) => e.date)).toEqual(['2021-12-30']);
    expect(kg.events({ anyOf: ['Biden', 'Stoltenberg'] }).map((e) => e.date)).toEqual(['2021-12-30', '2022-01-31']);
  });

  it('takes a country as participant, location or the country of a participant', () => {
    const labels = kg.events({ country: 'Hungary' }).map((e) => e.label);
    expect(labels).toContain('meeting: Vladimir Putin – Donald Trump in Budapest');
    expect(labels).toContain('call: Jens Stoltenberg – Viktor Orbán');
    expect(labels).not.toContain('call: Vladimir Putin – Joe Biden');
    expect(kg.events({ country: 'US', type: 'meeting', from: '2022-01', to: '2022-01' }).map((e) => e.date)).toEqual(['2022-01-10']);
  });

  it.each([
    [{ from: '2024-07-15', to: '2024-07-20' }, ['2024-07']],
    [{ from: '2024-12-09', to: '2024-12-09' }, [null]],
    [{ from: '2025-10-20' }, [null]],
    [{ to: '2021' }, ['2021-12-30']],
  ])('keeps events whose span overlaps %j', (window, dates) => {
    expect(kg.events(window).map((e) => e.date)).toEqual(dates);
  });

  it('filters by status and article', () => {
    expect(kg.events({ status: 'planned' }).every((e) => e.status === 'planned')).toBe(true);
    expect(kg.events({ article: '004_526fbc0e294a48ad' }).map((e) => e.date)).toEqual(['2021-12-30', '2022-01-10']);
  });

  it.each([
    [{ from: '2024-13' }, 'bad-date', /from/],
    [{ to: '2024-02-30' }, 'bad-date', /to/],
    [{ from: 'last week' }, 'bad-date', /from/],
    [{ from: '2025', to: '2024' }, 'bad-date', /after/],
    [{ type: 'meetng' }, 'bad-option', /meetng/],
    [{ status: 'rumoured' as never }, 'bad-option', /rumoured/],
    [{ country: 'Putin' }, 'bad-option', /not a country/],
    [{ article: 'nope' }, 'bad-option', /nope/],
    [{ participants: ['Orbn'] }, 'unknown-entity', /Orbán/],
  ])('rejects %j with %s', (filter, code, message) => {
    expect(usageCode(() => kg.events(filter))).toBe(code);
    expect(() => kg.events(filter)).toThrow(message);
  });
});

describe('interactions and timeline', () => {
  it('lists the Putin–Trump call, sourced from both articles, and the planned Budapest meeting', () => {
    const events = kg.interactions('Putin', 'Trump');
    expect(events.map((e) => [e.type, e.status, e.date ?? `${e.dateStart}..${e.dateEnd}`, e.location?.label ?? null])).toEqual([
      ['call', 'occurred', '2025-10-16', null],
      ['meeting', 'planned', '2025-10-17..2025-10-31', 'Budapest'],
    ]);
    expect([...new Set(events[0].sources.map((s) => s.article))]).toEqual(CALL_ARTICLES);
    for (const source of events.flatMap((e) => e.sources)) expect(texts.get(source.article)?.slice(source.start, source.end)).toBe(source.quote);
  });

  it('gives a timeline of only the entity’s events, in order, windowed', () => {
    const events = kg.timeline('putin', { from: '2022' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.participants.some((p) => p.key === 'person:vladimir-putin'))).toBe(true);
    expect(events.map((e) => e.dateStart)).toEqual(events.map((e) => e.dateStart).sort());
    expect(events.map((e) => e.date)).not.toContain('2021-12-30');
  });

  it('returns plain objects that survive JSON', () => {
    const events = kg.interactions('Putin', 'Trump');
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});

describe('neighbors', () => {
  it('gives the office edge of Szijjártó with its quote', () => {
    const [office] = kg.neighbors('Szijjarto', { relation: 'official_of' });
    expect(office.node.key).toBe('country:HU');
    expect(office.direction).toBe('out');
    expect(office.sources[0].quote).toMatch(/Peter Szijjarto/);
  });

  it('dates edges to events by the event', () => {
    const calls = kg.neighbors('Putin', { relation: 'participant', from: '2025' });
    expect(calls.map((n) => n.node.label).sort()).toEqual(['call: Vladimir Putin – Donald Trump', 'meeting: Vladimir Putin – Donald Trump in Budapest']);
  });

  it('rejects an unknown relation', () => {
    expect(usageCode(() => kg.neighbors('Putin', { relation: 'friend_of' as never }))).toBe('bad-option');
  });
});

describe('path', () => {
  it('connects Biden and Szijjártó through people, countries and events, hop by hop', () => {
    const path = kg.path('Biden', 'Szijjártó');
    expect(path).not.toBeNull();
    const nodes = path?.nodes ?? [];
    expect(nodes[0].key).toBe('person:joe-biden');
    expect(nodes.at(-1)?.key).toBe('person:peter-szijjarto');
    expect(nodes.every((n) => ['person', 'country', 'event'].includes(n.kind))).toBe(true);
    for (const step of path?.steps ?? []) expect(kg.graph.areNeighbors(step.from.key, step.to.key)).toBe(true);
    expect(path?.events.map((e) => e.key)).toEqual(nodes.filter((n) => n.kind === 'event').map((n) => n.key));
  });

  it('is null when the allowed kinds do not connect the two', () => {
    expect(kg.path('Biden', 'Szijjártó', { through: ['person'] })).toBeNull();
  });
});

describe('top', () => {
  it.each([
    ['pagerank', 'Vladimir Putin'],
    ['degree', 'Vladimir Putin'],
    ['events', 'Vladimir Putin'],
  ] as const)('ranks people by %s', (by, first) => {
    const ranked = kg.top({ by, kind: 'person', limit: 3 });
    expect(ranked).toHaveLength(3);
    expect(ranked[0].label).toBe(first);
    expect(ranked.every((r) => r.kind === 'person')).toBe(true);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('counts the events each takes part in', () => {
    expect(kg.top({ by: 'events', limit: 1 })[0]).toMatchObject({ key: 'person:vladimir-putin', score: kg.timeline('Putin').length });
  });

  it('rejects a bad limit', () => {
    expect(usageCode(() => kg.top({ limit: 0 }))).toBe('bad-option');
  });

  it.each(['pagerank', 'degree', 'events'] as const)('ranks nothing by %s on a graph without nodes', (by) => {
    // An assembly before any fact of this pipeline is stored writes such a graph.
    const empty = new KnowledgeGraph(createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion: 'test', articles: [] }));
    expect(empty.top({ by })).toEqual([]);
  });
});

describe('subgraph', () => {
  it('keeps the matching events with their people and places, as a valid graph of the model', () => {
    const part = kg.subgraph({ events: { participants: ['Putin'] } });
    expect(validateGraph(part, texts)).toEqual([]);
    expect(part.hasNode('person:donald-trump')).toBe(true);
    expect(part.hasNode('place:budapest')).toBe(true);
    expect(part.hasNode('person:marco-rubio')).toBe(false);
    expect(new KnowledgeGraph(part).interactions('Putin', 'Trump')).toEqual(kg.interactions('Putin', 'Trump'));
    expect(serializeGraph(parseGraph(serializeGraph(part)))).toBe(serializeGraph(part));
  });

  it('keeps what a node predicate keeps, and the edges among it', () => {
    const people = kg.subgraph((_key, node) => node.kind === 'person' || node.kind === 'country');
    expect(people.filterNodes((_key, node) => node.kind === 'event')).toEqual([]);
    expect(people.hasEdge('official_of:person:peter-szijjarto:country:HU')).toBe(true);
  });
});
