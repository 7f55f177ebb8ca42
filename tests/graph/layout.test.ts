// Layout: deterministic, stops on convergence (or its cap), and sets valid appearance on every node.
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLayout, DEFAULT_LAYOUT_OPTIONS, measureSpread, resolveLayoutOptions } from '../../src/graph/layout.js';
import { createRandom } from '../../src/graph/random.js';
import { buildGraph } from '../../src/pipeline.js';
import { KIND_COLORS } from '../../src/graph/model.js';
import { validateGraph } from '../../src/graph/validate.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

const appearanceOf = (graph: ReturnType<typeof buildFixtureGraph>) => graph.mapNodes((key, a) => [key, a.x, a.y, a.size, a.color, a.community]);

describe('applyLayout', () => {
  it('gives the same positions, sizes and communities on two runs, without Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    const first = buildFixtureGraph();
    const second = buildFixtureGraph();
    applyLayout(first);
    applyLayout(second);
    expect(appearanceOf(second)).toEqual(appearanceOf(first));
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });

  it('moves nodes away from their fixture positions and reports convergence on the fixture', () => {
    const graph = buildFixtureGraph();
    const before = appearanceOf(graph);
    const report = applyLayout(graph);
    expect(report.converged).toBe(true);
    expect(report.iterations).toBeLessThan(DEFAULT_LAYOUT_OPTIONS.maxIterations);
    expect(report.lastMovement).toBeLessThan(DEFAULT_LAYOUT_OPTIONS.tolerance);
    expect(appearanceOf(graph)).not.toEqual(before);
  });

  it('stops at maxIterations and says it did not converge when the tolerance cannot be met', () => {
    const report = applyLayout(buildFixtureGraph(), { maxIterations: 30, batchIterations: 10, tolerance: 1e-12 });
    expect(report).toMatchObject({ iterations: 30, converged: false });
  });

  it('leaves a valid graph: finite positions, sizes in range, kind colours, integer communities', () => {
    const graph = buildFixtureGraph();
    const report = applyLayout(graph, { minSize: 3, maxSize: 12 });
    expect(validateGraph(graph)).toEqual([]);
    graph.forEachNode((_key, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThanOrEqual(3);
      expect(a.size).toBeLessThanOrEqual(12);
      expect(a.color).toBe(KIND_COLORS[a.kind]);
    });
    const communities = new Set(graph.mapNodes((_key, a) => a.community));
    expect(communities.size).toBe(report.communities);
    expect([...communities].sort()).toEqual([...Array(communities.size).keys()]);
  });

  it('sizes by mentions when asked: the most mentioned node is the largest', () => {
    const graph = buildFixtureGraph();
    applyLayout(graph, { sizeBy: 'mentions' });
    const largest = graph.nodes().reduce((a, b) => (graph.getNodeAttribute(a, 'size') >= graph.getNodeAttribute(b, 'size') ? a : b));
    expect(largest).toBe('person:viktor-orban');
  });

  it('leaves no two node discs overlapping (noverlap)', () => {
    const graph = buildFixtureGraph();
    applyLayout(graph);
    const nodes = graph.mapNodes((_key, a) => a);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        expect(Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y)).toBeGreaterThanOrEqual(nodes[i].size + nodes[j].size);
      }
    }
  });

  it('on large graphs lays out the non-event nodes and places each event near the centre of its neighbours, without overlaps', () => {
    const graph = buildFixtureGraph();
    const events = graph.filterNodes((_key, a) => a.kind === 'event');
    const report = applyLayout(graph, { placeEventsFrom: 1 });
    expect(report.placedEvents).toBe(events.length);
    const nodes = graph.mapNodes((_key, a) => a);
    const pairs = nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => Math.hypot(a.x - b.x, a.y - b.y))).sort((a, b) => a - b);
    const median = pairs[Math.floor(pairs.length / 2)];
    for (const event of events) {
      const around = graph.neighbors(event).filter((key) => graph.getNodeAttribute(key, 'kind') !== 'event');
      if (around.length === 0) continue;
      const cx = around.reduce((sum, key) => sum + graph.getNodeAttribute(key, 'x'), 0) / around.length;
      const cy = around.reduce((sum, key) => sum + graph.getNodeAttribute(key, 'y'), 0) / around.length;
      const { x, y } = graph.getNodeAttributes(event);
      expect(Math.hypot(x - cx, y - cy)).toBeLessThan(median / 2);
    }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) expect(Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y)).toBeGreaterThanOrEqual(nodes[i].size + nodes[j].size);
    }
    const again = buildFixtureGraph();
    applyLayout(again, { placeEventsFrom: 1 });
    expect(appearanceOf(again)).toEqual(appearanceOf(graph));
  });

  it('lays out a graph of 150,000 events between the same two people (past the engine\'s limit on spread arguments)', () => {
    const graph = buildFixtureGraph();
    const [event] = graph.filterNodes((_key, a) => a.kind === 'event');
    const [person, other] = graph.filterNodes((_key, a) => a.kind === 'person');
    const eventAttributes = graph.getNodeAttributes(event);
    const edgeAttributes = graph.getEdgeAttributes(graph.edges(person, event)[0] ?? graph.edges()[0]);
    graph.forEachNode((key) => key !== person && key !== other && graph.dropNode(key));
    for (let i = 0; i < 150_000; i++) {
      graph.addNode(`event:call-${i}`, { ...eventAttributes });
      graph.addDirectedEdge(person, `event:call-${i}`, { ...edgeAttributes });
      graph.addDirectedEdge(other, `event:call-${i}`, { ...edgeAttributes });
    }
    expect(applyLayout(graph)).toMatchObject({ placedEvents: 150_000 });
    expect(graph.everyNode((_key, a) => Number.isFinite(a.x) && Number.isFinite(a.y) && Number.isFinite(a.size))).toBe(true);
  }, 60_000);

  it('keeps isolated nodes out of ForceAtlas2 and sets them in a ring outside the connected ones', () => {
    const graph = buildFixtureGraph();
    const connected = graph.filterNodes((key) => graph.degree(key) > 0);
    const place = graph.findNode((_key, a) => a.kind === 'place')!;
    for (let i = 0; i < 1500; i++) graph.addNode(`place:lone-${i}`, { ...graph.getNodeAttributes(place), label: `Lone ${i}` });
    const report = applyLayout(graph);
    // FA2 runs on the connected nodes alone (all-pairs repulsion over 1,500 isolated ones cost seconds); speed itself
    // is measured by the benchmark, not here.
    expect(report.forceNodes).toBe(connected.length);
    expect(report.converged).toBe(true);
    const cx = connected.reduce((sum, key) => sum + graph.getNodeAttribute(key, 'x'), 0) / connected.length;
    const cy = connected.reduce((sum, key) => sum + graph.getNodeAttribute(key, 'y'), 0) / connected.length;
    const distance = (key: string) => Math.hypot(graph.getNodeAttribute(key, 'x') - cx, graph.getNodeAttribute(key, 'y') - cy);
    const reach = Math.max(...connected.map(distance));
    const lone = graph.filterNodes((key) => key.startsWith('place:lone-'));
    // noverlap may nudge a few of them afterwards.
    expect(lone.filter((key) => distance(key) > reach).length).toBeGreaterThan(lone.length * 0.9);
    expect(graph.everyNode((_key, a) => Number.isFinite(a.x) && Number.isFinite(a.y))).toBe(true);
  });

  it('lays out every node with FA2 below placeEventsFrom', () => {
    expect(applyLayout(buildFixtureGraph())).toMatchObject({ placedEvents: 0 });
  });

  it('handles an empty graph and a single node', () => {
    const graph = buildFixtureGraph();
    graph.clear();
    expect(applyLayout(graph)).toMatchObject({ iterations: 0, converged: true, communities: 0 });
    const one = buildFixtureGraph();
    one.forEachNode((key) => key !== 'country:HU' && one.dropNode(key));
    applyLayout(one);
    expect(validateGraph(one)).toEqual([]);
  });
});

describe('resolveLayoutOptions', () => {
  it('fills defaults and rejects values that cannot work', () => {
    expect(resolveLayoutOptions({ seed: 7 })).toEqual({ ...DEFAULT_LAYOUT_OPTIONS, seed: 7 });
    expect(() => resolveLayoutOptions({ maxIterations: 0 })).toThrow(RangeError);
    expect(() => resolveLayoutOptions({ minSize: 30, maxSize: 10 })).toThrow(/minSize/);
    expect(() => resolveLayoutOptions({ placeEventsFrom: Number.NaN })).toThrow(/placeEventsFrom/);
    expect(resolveLayoutOptions({ placeEventsFrom: Infinity }).placeEventsFrom).toBe(Infinity);
  });
});

describe('measureSpread', () => {
  it('pins the spread of the seeds: linked nodes and communities sit together, few discs overlap; scattered positions score far worse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-spread-'));
    try {
      const { graph } = await buildGraph({ inputs: ['data/articles'], outDir: dir, formats: [] });
      // Measured 2026-12-02 on today's layout: edgeRatio 0.371, communityRatio 0.475, overlap 0.0069.
      const laid = measureSpread(graph);
      expect(laid.edgeRatio).toBeLessThan(0.45);
      expect(laid.communityRatio).toBeLessThan(0.55);
      expect(laid.overlap).toBeLessThan(0.01);
      // The same nodes on seeded random spots: edges are as long as any pair, communities mixed.
      const random = createRandom(3);
      graph.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: 1000 * random(), y: 1000 * random() }));
      const scattered = measureSpread(graph);
      expect(scattered.edgeRatio).toBeGreaterThan(0.8);
      expect(scattered.communityRatio).toBeGreaterThan(0.8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
