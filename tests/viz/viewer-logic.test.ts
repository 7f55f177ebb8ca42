// The viewer's pure parts on the fixture graph: validation, URL state, filters and time range, the people network,
// structure filters, colour by attribute, labels, search, parallel edges, GraphML/GEXF.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { edgeKey, type EventNode } from '../../src/graph/model.js';
import { computeAppearance, OTHER_COLOR, PALETTE } from '../../viz/src/appearance.js';
import { computeView, computeVisibleNodes, indexEntityEvents, isEventInTime, kCore, largestComponent, lastDayOfMonth } from '../../viz/src/filters.js';
import { networkExtent } from '../../viz/src/framing.js';
import { writeGexf, writeGraphml } from '../../viz/src/graph-files.js';
import { createLabelPlacer, LabelBoxes, labelCellSize, labelMargin, rankCandidates } from '../../viz/src/label-placement.js';
import { eventLabel, shortEventDate } from '../../viz/src/labels.js';
import { describeProblems, GraphLoadError, parseGraph } from '../../viz/src/load-graph.js';
import { computeParallelCurvatures } from '../../viz/src/parallel-edges.js';
import { buildSearchIndex, foldText, searchNodes } from '../../viz/src/search.js';
import { DEFAULT_VIEW_STATE, formatViewState, parseViewState, type ViewState } from '../../viz/src/state.js';
import { countEventsByMonth, listMonths, yearTicks } from '../../viz/src/timeline.js';
import { addProjection } from '../../src/stages/assemble/projection.js';

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
    [{ ...data, edges: [{ source: 'person:nobody', target: 'country:RU', attributes: {} }] }, /cannot be read as a graph/],
  ])('rejects a bad graph with a readable message (%#)', (bad, message) => {
    expect(() => parseGraph(bad, 'graph.json')).toThrow(GraphLoadError);
    expect(() => parseGraph(bad, 'graph.json')).toThrow(message);
  });
  it('describes what does not match the model (the check the worker runs after the first frame)', () => {
    expect(describeProblems(graph, 'graph.json')).toBeNull();
    const bad = parseGraph({ ...data, nodes: [{ key: 'person:x', attributes: { kind: 'person', label: '' } }], edges: [] }, 'graph.json');
    expect(describeProblems(bad, 'graph.json')).toMatch(/does not match the graph model/);
  });
});

describe('URL state', () => {
  it('round-trips every field', () => {
    const full = state({
      mode: 'people', selected: 'person:viktor-orban', tie: 'a->interacted_with->b', picked: ['person:x', 'country:HU'], onlyPicked: true, kinds: ['person', 'event'], eventTypes: ['call'], statuses: ['planned'],
      article: '002_120213c231b1ab6f', from: '2022-01', to: '2025-10', undated: false, hideIdle: false, inferred: false, weak: false, core: 2, largest: true, ego: 2, colorBy: 'community', sizeBy: 'mentions', labels: 0.4,
    });
    expect(parseViewState(formatViewState(full))).toEqual(full);
  });
  it('writes nothing for the default view', () => {
    expect(formatViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });
  it('drops malformed values and orders a reversed range', () => {
    expect(parseViewState('#from=2025-13&to=20x&kinds=person,alien&mode=x&ego=5&core=-3&color=red&labels=99')).toEqual(state({ kinds: ['person'] }));
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
  it('hides the 2021 call, and Biden with it, from 2025 on; entities with no event in the window go unless the toggle keeps them', () => {
    const visible = computeVisibleNodes(graph, events, state({ from: '2025-01' }));
    expect(visible.has(bidenCall)).toBe(false);
    expect(visible.has('person:joe-biden')).toBe(false);
    expect(visible.has('person:vladimir-putin')).toBe(true);
    expect(visible.has('person:yuri-ushakov')).toBe(false);
    const all = computeVisibleNodes(graph, events, state({ from: '2025-01', hideIdle: false }));
    expect(all.has('person:yuri-ushakov')).toBe(true);
    expect(all.has('person:joe-biden')).toBe(true);
    expect(all.has(bidenCall)).toBe(false);
  });
  it('hides the entities an event-type filter leaves with no event', () => {
    const calls = computeVisibleNodes(graph, events, state({ eventTypes: ['call'] }));
    const entities = [...calls].filter((k) => !k.startsWith('event:'));
    // Every entity left takes part in, or hosts, a call that is shown.
    for (const key of entities) expect(events.links.get(key)!.some((link) => calls.has(link.event))).toBe(true);
    expect(calls.has('person:joe-biden')).toBe(true);
    expect(calls.size).toBeLessThan(computeVisibleNodes(graph, events, state({})).size);
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
  it('hides inferred dates and weak participants when asked', () => {
    const copy = graph.copy();
    copy.mergeNodeAttributes(bidenCall, { dateInferred: true } as Partial<EventNode>);
    const edge = copy.edges('person:joe-biden', bidenCall)[0];
    copy.setEdgeAttribute(edge, 'foundBy', 'pronoun');
    const index = indexEntityEvents(copy);
    expect(index.links.get('person:joe-biden')).toEqual([{ event: bidenCall, weak: true }]);
    expect(computeVisibleNodes(copy, index, state({ inferred: false })).has(bidenCall)).toBe(false);
    const strongOnly = computeVisibleNodes(copy, index, state({ weak: false }));
    expect(strongOnly.has('person:joe-biden')).toBe(false);
    expect(strongOnly.has(bidenCall)).toBe(true);
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

describe('people network', () => {
  // The fixture graph predates the projection: the assembler's own step adds its ties.
  const withTies = graph.copy();
  addProjection(withTies);
  const index = indexEntityEvents(withTies);
  const orbanPutin = edgeKey('person:viktor-orban', 'interacted_with', 'person:vladimir-putin');
  it('shows entities linked by ties, and neither events nor ties in the events mode', () => {
    const people = computeView(withTies, index, state({ mode: 'people' }));
    expect(people.ties.has(orbanPutin)).toBe(true);
    expect([...people.nodes].every((k) => ['person', 'country', 'organization'].includes(withTies.getNodeAttribute(k, 'kind')))).toBe(true);
    expect(computeView(withTies, index, state({})).ties.size).toBe(0);
  });
  it('keeps the events of a tie that the time range keeps, and weighs the tie by them', () => {
    const all = computeView(withTies, index, state({ mode: 'people' })).ties.get(orbanPutin)!;
    const recent = computeView(withTies, index, state({ mode: 'people', from: '2024-12', undated: false })).ties.get(orbanPutin)!;
    expect(recent.events.length).toBeLessThan(all.events.length);
    expect(recent.events.every((e) => (withTies.getNodeAttributes(e) as EventNode).dateStart! >= '2024-12-01')).toBe(true);
    expect(recent.weight).toBe(recent.events.length);
    const biden = edgeKey('person:joe-biden', 'interacted_with', 'person:vladimir-putin');
    expect(computeView(withTies, index, state({ mode: 'people', from: '2025-01' })).ties.has(biden)).toBe(false);
    expect(computeView(withTies, index, state({ mode: 'people', from: '2025-01' })).nodes.has('person:joe-biden')).toBe(false);
  });
  it('weighs a tie cut by the time range by the model\'s rule: an occurred call and a planned summit, cut to the summit, weigh 0.5', () => {
    // Putin and Trump: the 2025-10-16 call (occurred) and the summit announced for later (planned), moved to November here.
    const moved = graph.copy();
    const summit = moved.findNode((_k, n) => n.kind === 'event' && n.eventType === 'summit' && n.status === 'planned')!;
    moved.mergeNodeAttributes(summit, { date: '2025-11-20', dateStart: '2025-11-20', dateEnd: '2025-11-20' });
    addProjection(moved);
    const putinTrump = edgeKey('person:donald-trump', 'interacted_with', 'person:vladimir-putin');
    const view = (partial: Partial<ViewState>) => computeView(moved, indexEntityEvents(moved), state({ mode: 'people', ...partial })).ties.get(putinTrump);
    expect(view({})!.weight).toBe(1.5);
    expect(view({ from: '2025-11' })).toMatchObject({ events: [summit], weight: 0.5, mainType: 'summit' });
    expect(view({ to: '2025-10' })).toMatchObject({ weight: 1, mainType: 'call' });
  });
  it('shows nothing but says so when a graph has no ties', () => {
    expect(computeView(graph, events, state({ mode: 'people' })).nodes.size).toBe(0);
    expect(events.ties).toEqual([]);
  });
});

describe('entities in no event or office, and the camera frame', () => {
  // A name an article mentions in passing (a sports result, a quote's author), laid out far from everything, as the layout puts isolated nodes.
  const copy = graph.copy();
  copy.addNode('person:named-in-passing', { ...copy.getNodeAttributes('person:vladimir-putin'), kbId: null, label: 'Named In Passing', aliases: [], roles: [], x: 5000, y: -5000 } as never);
  const index = indexEntityEvents(copy);
  it('hides an entity with no edge in the event network unless the idle toggle keeps it', () => {
    expect(computeVisibleNodes(copy, index, state({})).has('person:named-in-passing')).toBe(false);
    expect(computeVisibleNodes(copy, index, state({ hideIdle: false })).has('person:named-in-passing')).toBe(true);
    // Joe Biden is in one call: shown.
    expect(computeVisibleNodes(copy, index, state({})).has('person:joe-biden')).toBe(true);
  });
  it('frames what the network can draw: not the isolated entity while it is hidden, not the articles, only the tied parties in the people mode', () => {
    expect(networkExtent(copy, index, { mode: 'events', hideIdle: true })!.x[1]).toBeLessThan(5000);
    expect(networkExtent(copy, index, { mode: 'events', hideIdle: false })!.x[1]).toBe(5000);
    const withTies = graph.copy();
    addProjection(withTies);
    const tiedIndex = indexEntityEvents(withTies);
    const people = networkExtent(withTies, tiedIndex, { mode: 'people', hideIdle: true })!;
    const parties = [...new Set(tiedIndex.ties.flatMap((e) => [withTies.source(e), withTies.target(e)]))].map((k) => withTies.getNodeAttributes(k));
    expect(people.x).toEqual([Math.min(...parties.map((n) => n.x)), Math.max(...parties.map((n) => n.x))]);
    expect(networkExtent(graph, events, { mode: 'people', hideIdle: true })).toBeNull();
  });
});

describe('structure filters and selection', () => {
  const adjacent = new Map(Object.entries({ a: ['b', 'c'], b: ['a', 'c'], c: ['a', 'b', 'd'], d: ['c'], e: ['f'], f: ['e'] }).map(([k, v]) => [k, new Set(v)]));
  it('peels the k-core and finds the largest component', () => {
    expect([...kCore(adjacent, 2)].sort()).toEqual(['a', 'b', 'c']);
    expect([...largestComponent(adjacent)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('shows the ego view at depth 1 and 2 around the selected node', () => {
    const one = computeVisibleNodes(graph, events, state({ selected: 'person:joe-biden', ego: 1 }));
    expect(one).toEqual(new Set(['person:joe-biden', bidenCallKey(), 'country:US']));
    const two = computeVisibleNodes(graph, events, state({ selected: 'person:joe-biden', ego: 2 }));
    expect(two.has('person:vladimir-putin')).toBe(true);
    expect(two.size).toBeGreaterThan(one.size);
  });
  it('shows only the picked nodes and the events two of them share', () => {
    const only = computeVisibleNodes(graph, events, state({ picked: ['person:joe-biden', 'person:vladimir-putin'], onlyPicked: true }));
    expect(only).toEqual(new Set(['person:joe-biden', 'person:vladimir-putin', bidenCallKey()]));
  });
  it('keeps the largest component and the 2-core of the shown graph', () => {
    const all = computeVisibleNodes(graph, events, state({}));
    const largest = computeVisibleNodes(graph, events, state({ largest: true }));
    const core = computeVisibleNodes(graph, events, state({ core: 2 }));
    expect(largest.size).toBeLessThanOrEqual(all.size);
    expect(core.size).toBeLessThan(all.size);
    expect(core.has('person:vladimir-putin')).toBe(true);
  });
});

function bidenCallKey(): string {
  return eventByLabel('Call: Putin – Biden');
}

describe('appearance and labels', () => {
  const shown = new Set(graph.nodes());
  it('colours by community with a legend entry per community, the largest first', () => {
    const { colors, legend } = computeAppearance(graph, shown, 'community', 'default', () => 0);
    const communities = new Set(graph.mapNodes((_k, n) => n.community));
    expect(legend.length).toBe(Math.min(communities.size, PALETTE.length) + (communities.size > PALETTE.length ? 1 : 0));
    const first = legend[0] as { label: string; color: string; count: number };
    expect(first.color).toBe(PALETTE[0]);
    expect(graph.filterNodes((key) => colors!.get(key) === PALETTE[0]).length).toBe(first.count);
  });
  it('colours by country, leaving nodes with none grey, and scales degree', () => {
    const { colors } = computeAppearance(graph, shown, 'country', 'default', () => 0);
    expect(colors!.get('person:viktor-orban')).toBe(colors!.get('country:HU'));
    expect(colors!.get('org:nato')).toBe(OTHER_COLOR);
    const degree = computeAppearance(graph, shown, 'degree', 'degree', (key) => graph.degree(key));
    expect(degree.legend).toEqual([expect.objectContaining({ low: Math.min(...graph.mapNodes((k) => graph.degree(k))), high: Math.max(...graph.mapNodes((k) => graph.degree(k))) })]);
    expect(degree.sizes!.get('person:vladimir-putin')!).toBeGreaterThan(degree.sizes!.get('person:yuri-ushakov')!);
  });
  it('places a label only where it covers none placed before it in the frame, unless it is forced', () => {
    const boxes = new LabelBoxes();
    expect(boxes.place({ x: 100, y: 100, width: 120, height: 18 })).toBe(true);
    // Starts inside the first label, as the label of a node in the next grid cell does.
    expect(boxes.place({ x: 200, y: 110, width: 80, height: 18 })).toBe(false);
    // Just below it, and far away in another bucket.
    expect(boxes.place({ x: 150, y: 118, width: 80, height: 18 })).toBe(true);
    expect(boxes.place({ x: 900, y: 600, width: 80, height: 18 })).toBe(true);
    expect(boxes.place({ x: 110, y: 105, width: 40, height: 18 }, true)).toBe(true);
    expect(boxes.placed).toHaveLength(4);
    boxes.clear();
    expect(boxes.place({ x: 200, y: 110, width: 80, height: 18 })).toBe(true);
  });
  it('draws the labels of a frame largest node first: a small node asked for first does not keep a country\'s label out', () => {
    const written: string[] = [];
    const context = { measureText: (text: string) => ({ width: 7 * text.length }), strokeText: () => undefined, fillText: (text: string) => written.push(text) };
    const settings = { labelSize: 14, labelWeight: 'normal', labelFont: 'sans-serif', labelColor: { color: '#222' } };
    const placer = createLabelPlacer(() => '#fff');
    const draw = (label: string, x: number, y: number, size: number) => placer.draw(context as never, { label, x, y, size, color: '#000' }, settings as never);
    placer.reset();
    // Sigma's grid hands them over cell by cell: Netherlands' cell comes first, and its label would cover the United States'.
    draw('Netherlands', 600, 260, 6);
    draw('United States', 640, 262, 14);
    draw('Taiwan', 950, 330, 8);
    placer.flush();
    // The Netherlands' label, kept off the right where the United States' is, goes left of its node.
    expect(written).toEqual(['United States', 'Taiwan', 'Netherlands']);
    expect(placer.drawn()[2].x + placer.drawn()[2].width).toBeLessThanOrEqual(600 + 6);
    // On a 390 px stage, a label that the right edge would cut is left out.
    const narrow = { ...context, canvas: { width: 390, height: 600 } };
    placer.reset();
    placer.draw(narrow as never, { label: 'Karolos Papoulias', x: 280, y: 200, size: 6, color: '#000' }, settings as never);
    placer.draw(narrow as never, { label: 'Brazil', x: 200, y: 200, size: 8, color: '#000' }, settings as never);
    placer.flush();
    expect(written.slice(3)).toEqual(['Brazil']);
  });
  it('keeps a label off the discs of other nodes, and puts it left of its node when the right is taken', () => {
    const written: [string, number][] = [];
    const context = { measureText: (text: string) => ({ width: 7 * text.length }), strokeText: () => undefined, fillText: (text: string, x: number) => written.push([text, x]) };
    const settings = { labelSize: 14, labelWeight: 'normal', labelFont: 'sans-serif', labelColor: { color: '#222' } };
    const placer = createLabelPlacer(() => '#fff');
    const draw = (key: string, label: string, x: number, y: number, size: number) => placer.draw(context as never, { key, label, x, y, size, color: '#000' }, settings as never);
    // The people network of the seeds: Joe Biden's label would run over Antony Blinken's disc just right of him, and
    // Israel's disc lies under Benjamin Netanyahu's label.
    const discs = [
      { key: 'person:joe-biden', x: 940, y: 358, radius: 9 },
      { key: 'person:antony-blinken', x: 1008, y: 348, radius: 7 },
      { key: 'person:benjamin-netanyahu', x: 461, y: 510, radius: 9 },
      { key: 'country:IL', x: 563, y: 520, radius: 13 },
    ];
    placer.reset();
    for (const { key, x, y, radius } of discs) draw(key, key.split(':')[1], x, y, radius);
    placer.flush(() => discs);
    const placed = new Map(written);
    // Each label drawn, none over another node: Biden's and Netanyahu's go to the left of their node.
    expect([...placed.keys()].sort()).toEqual(['IL', 'antony-blinken', 'benjamin-netanyahu', 'joe-biden']);
    expect(placed.get('joe-biden')!).toBeLessThan(940);
    expect(placed.get('benjamin-netanyahu')!).toBeLessThan(461);
    expect(placed.get('antony-blinken')!).toBeGreaterThan(1008);
    // No box reaches into any disc (the nearest point of the box to each centre lies outside the radius).
    const reaches = (box: { x: number; y: number; width: number; height: number }, d: (typeof discs)[number]) => Math.hypot(d.x - Math.max(box.x, Math.min(d.x, box.x + box.width)), d.y - Math.max(box.y, Math.min(d.y, box.y + box.height))) < d.radius;
    expect(placer.drawn().flatMap((box) => discs.filter((d) => reaches(box, d)))).toEqual([]);
  });
  it('gives a small node its label when there is room around it, and none when its neighbours crowd it', () => {
    const boxes = new LabelBoxes();
    // Yuri Ushakov's label right of his small disc, Russia's large disc 7 px below it: room enough.
    boxes.clear([{ key: 'person:yuri-ushakov', x: 300, y: 300, radius: 3 }, { key: 'country:RU', x: 330, y: 330, radius: 14 }]);
    const label = { x: 304, y: 291, width: 90, height: 18 };
    expect(boxes.fits(label, 8, 'person:yuri-ushakov')).toBe(true);
    // A disc under the label: only a label allowed over smaller discs may go there.
    boxes.clear([{ key: 'person:yuri-ushakov', x: 300, y: 300, radius: 3 }, { key: 'person:dmitry-peskov', x: 350, y: 298, radius: 5 }]);
    expect(boxes.fits(label, 8, 'person:yuri-ushakov')).toBe(false);
    expect(boxes.fits(label, 8, 'person:yuri-ushakov', 6)).toBe(true);
    // Another label 6 px below: too close at 8 px of room (density 1), not at none (density 3).
    boxes.clear([]);
    boxes.place({ x: 320, y: 315, width: 80, height: 18 });
    expect(boxes.fits(label, 8)).toBe(false);
    expect(boxes.fits(label, 0)).toBe(true);
  });
  it('ranks label candidates forced first, entities before events, then by size, links, mentions and key, whatever order they come in', () => {
    const node = (key: string, size: number, forceLabel = false) => ({ data: { key, label: key, x: 0, y: 0, size, color: '#000', forceLabel } });
    const standings: Record<string, { event: boolean; links: number; mentions: number }> = {
      'event:big': { event: true, links: 9, mentions: 1 },
      'person:joe-biden': { event: false, links: 2, mentions: 1 },
      'person:marco-rubio': { event: false, links: 2, mentions: 1 },
      'person:yuri-ushakov': { event: false, links: 3, mentions: 1 },
      'person:dmitry-peskov': { event: false, links: 2, mentions: 4 },
      'country:RU': { event: false, links: 12, mentions: 30 },
    };
    const candidates = [node('event:big', 14), node('person:joe-biden', 10), node('person:marco-rubio', 10), node('person:yuri-ushakov', 10), node('person:dmitry-peskov', 10), node('country:RU', 16), node('person:picked', 4, true)];
    const expected = ['person:picked', 'country:RU', 'person:yuri-ushakov', 'person:dmitry-peskov', 'person:joe-biden', 'person:marco-rubio', 'event:big'];
    for (const order of [candidates, [...candidates].reverse(), [2, 0, 6, 4, 1, 5, 3].map((i) => candidates[i])]) {
      expect(rankCandidates(order, (key) => standings[key]).map(({ data }) => data.key)).toEqual(expected);
    }
  });
  it('turns the label density into the room a label needs (8 px at 1, none at 3) and the cell of the labels drawn without room (120 px at 1, 60 px at 4)', () => {
    expect(labelMargin(1)).toBe(8);
    expect(labelMargin(2)).toBe(2);
    expect(labelMargin(3)).toBe(0);
    expect(labelMargin(0.4)).toBeGreaterThan(20);
    expect(labelCellSize(1)).toBe(120);
    expect(labelCellSize(4)).toBe(60);
  });
  it('puts the date in event labels, marked when inferred', () => {
    const call = graph.getNodeAttributes(eventByLabel('Call: Putin – Trump')) as EventNode;
    expect(eventLabel(call)).toBe('Call: Putin – Trump · 2025-10-16');
    expect(shortEventDate({ ...call, dateInferred: true, datePrecision: 'range', date: null, dateStart: '2024-12-10', dateEnd: '2024-12-11' })).toBe('≈2024-12-10…12-11');
    expect(shortEventDate({ ...call, datePrecision: 'unknown', date: null, dateStart: null, dateEnd: null })).toBe('undated');
  });
  it('puts a year tick at each January that has room', () => {
    const months = listMonths('2021-12', '2025-11');
    expect(yearTicks(months, 1000).map((t) => t.year)).toEqual(['2022', '2023', '2024', '2025']);
    expect(yearTicks(listMonths('2021-03', '2022-06'), 1000).map((t) => t.year)).toEqual(['2021', '2022']);
    expect(yearTicks(months, 60).length).toBeLessThan(4);
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
