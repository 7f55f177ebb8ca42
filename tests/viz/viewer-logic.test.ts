// The viewer's pure parts on the fixture graph: validation, URL state, filters and time range, search, parallel edges, GraphML/GEXF.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { EventNode } from '../../src/graph/model.js';
import { computeVisibleNodes, indexEntityEvents, isEventInTime, lastDayOfMonth } from '../../viz/src/filters.js';
import { writeGexf, writeGraphml } from '../../viz/src/graph-files.js';
import { GraphLoadError, parseGraph } from '../../viz/src/load-graph.js';
import { computeParallelCurvatures } from '../../viz/src/parallel-edges.js';
import { buildSearchIndex, foldText, searchNodes } from '../../viz/src/search.js';
import { DEFAULT_VIEW_STATE, formatViewState, parseViewState, type ViewState } from '../../viz/src/state.js';
import { countEventsByMonth, listMonths } from '../../viz/src/timeline.js';

const data = JSON.parse(readFileSync('tests/fixtures/viewer/graph.json', 'utf8'));
const graph = parseGraph(data, 'graph.json');
const events = indexEntityEvents(graph);
const eventByLabel = (label: string) => graph.findNode((_k, n) => n.label === label)!;
const state = (partial: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...partial });

describe('loading', () => {
  it('accepts the fixture, whose quotes match its articles', () => {
    expect(graph.order).toBe(37);
  });
  it.each([
    [{ ...data, attributes: { ...data.attributes, schemaVersion: 2 } }, /schemaVersion 2/],
    [{ nodes: 'x' }, /not a graph export/],
    [{ ...data, nodes: [{ key: 'person:x', attributes: { kind: 'person', label: '' } }], edges: [] }, /does not match the graph model/],
    [{ ...data, edges: [{ source: 'person:nobody', target: 'country:RU', attributes: {} }] }, /cannot be read as a graph/],
  ])('rejects a bad graph with a readable message (%#)', (bad, message) => {
    expect(() => parseGraph(bad, 'graph.json')).toThrow(GraphLoadError);
    expect(() => parseGraph(bad, 'graph.json')).toThrow(message);
  });
});

describe('URL state', () => {
  it('round-trips every field', () => {
    const full = state({ selected: 'person:viktor-orban', kinds: ['person', 'event'], eventTypes: ['call'], statuses: ['planned'], article: '002_120213c231b1ab6f', from: '2022-01', to: '2025-10', undated: false });
    expect(parseViewState(formatViewState(full))).toEqual(full);
  });
  it('writes nothing for the default view', () => {
    expect(formatViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });
  it('drops malformed values and orders a reversed range', () => {
    expect(parseViewState('#from=2025-13&to=20x&kinds=person,alien')).toEqual(state({ kinds: ['person'] }));
    expect(parseViewState('#from=2025-06&to=2024-01')).toMatchObject({ from: '2024-01', to: '2025-06' });
  });
});

describe('filters and time range', () => {
  const bidenCall = eventByLabel('Call: Putin – Biden');
  it('keeps an event whose range overlaps the window and drops one outside it', () => {
    const florida = graph.getNodeAttributes(eventByLabel('Meeting: Orbán – Trump')) as EventNode;
    expect(isEventInTime(florida, { from: '2024-12', to: '2024-12', undated: true })).toBe(true);
    expect(isEventInTime(florida, { from: '2025-01', to: null, undated: true })).toBe(false);
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
  });
  it('hides the 2021 call, and Biden with it, from 2025 on; entities without events stay', () => {
    const visible = computeVisibleNodes(graph, events, state({ from: '2025-01' }));
    expect(visible.has(bidenCall)).toBe(false);
    expect(visible.has('person:joe-biden')).toBe(false);
    expect(visible.has('person:vladimir-putin')).toBe(true);
    expect(visible.has('person:yuri-ushakov')).toBe(true);
  });
  it('shows or hides undated events by the toggle, never by a date', () => {
    const rubio = eventByLabel('Meeting: Rubio – Lavrov');
    expect(computeVisibleNodes(graph, events, state({ from: '2025-01', to: '2025-01' })).has(rubio)).toBe(true);
    expect(computeVisibleNodes(graph, events, state({ undated: false })).has(rubio)).toBe(false);
  });
  it('filters by kind, event type, status and article', () => {
    expect([...computeVisibleNodes(graph, events, state({ kinds: ['country'] }))].every((k) => k.startsWith('country:'))).toBe(true);
    const calls = computeVisibleNodes(graph, events, state({ eventTypes: ['call'] }));
    expect([...calls].filter((k) => k.startsWith('event:')).map((k) => graph.getNodeAttribute(k, 'label')).every((l) => l.startsWith('Call'))).toBe(true);
    expect(computeVisibleNodes(graph, events, state({ statuses: ['planned'] })).has(bidenCall)).toBe(false);
    const fromArticle = computeVisibleNodes(graph, events, state({ article: '004_526fbc0e294a48ad' }));
    expect(fromArticle.has(bidenCall)).toBe(true);
    expect(fromArticle.has('person:donald-trump')).toBe(false);
  });
  it('counts events per month over the dated span', () => {
    const histogram = countEventsByMonth(graph);
    expect(histogram.months[0]).toBe('2021-12');
    expect(histogram.months.at(-1)).toBe('2025-11');
    expect(histogram.counts.reduce((a, b) => a + b)).toBe(12);
    expect(histogram.undated).toBe(1);
    expect(listMonths('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('search', () => {
  const index = buildSearchIndex(graph);
  it.each([
    ['Orban', 'person:viktor-orban'],
    ['orbán', 'person:viktor-orban'],
    ['szijjarto', 'person:peter-szijjarto'],
    ['Péter Szijjártó', 'person:peter-szijjarto'],
    ['lavrov', 'person:sergei-lavrov'],
    ['North Atlantic', 'org:nato'],
  ])('"%s" finds %s first', (query, key) => {
    expect(searchNodes(graph, index, query)[0].key).toBe(key);
  });
  it('folds diacritics and punctuation', () => {
    expect(foldText('Viktor Orbán')).toBe('viktor orban');
    expect(foldText('Łukasz Øster-Straße')).toBe('lukasz oster strasse');
  });
  it('says which alias matched', () => {
    expect(searchNodes(graph, index, 'Orban')[0].via).toBe('Orban');
    expect(searchNodes(graph, index, 'Viktor')[0].via).toBeNull();
  });
});

describe('parallel edges', () => {
  it('curves only edges that share both ends, on opposite sides', () => {
    const curvatures = computeParallelCurvatures(graph);
    const offices = graph.edges('person:peter-szijjarto', 'country:HU');
    expect(offices).toHaveLength(2);
    expect(offices.map((e) => curvatures.get(e)).sort()).toEqual([-0.25, 0.25]);
    expect(curvatures.has(graph.edges('person:joe-biden', 'country:US')[0])).toBe(false);
  });
});

describe('GraphML and GEXF of the filtered graph', () => {
  const keep = computeVisibleNodes(graph, events, state({ from: '2025-01' }));
  it('writes GraphML that a GraphML reader loads with the kept nodes and their edges', () => {
    const parsed = parseGraphml(Graph, writeGraphml(graph, keep));
    expect(parsed.order).toBe(keep.size);
    expect(parsed.getNodeAttribute('person:donald-trump', 'label')).toBe('Donald Trump');
    expect(parsed.getNodeAttribute('person:donald-trump', 'size')).toBe(graph.getNodeAttribute('person:donald-trump', 'size'));
    expect(parsed.size).toBe(graph.filterEdges((_e, _a, s, t) => keep.has(s) && keep.has(t)).length);
  });
  it('writes GEXF with dates as spells and the layout as viz attributes', () => {
    const xml = writeGexf(graph, keep);
    const call = eventByLabel('Call: Putin – Trump');
    expect(xml).toMatch(new RegExp(`<node id="${call}" label="Call: Putin – Trump"[^>]*start="2025-10-16"[^>]*end="2025-10-16"`));
    const parsed = parseGexf(Graph, xml);
    expect(parsed.order).toBe(keep.size);
    expect(parsed.getNodeAttribute('person:donald-trump', 'x')).toBe(graph.getNodeAttribute('person:donald-trump', 'x'));
  });
});
