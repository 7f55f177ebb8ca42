// Extending a layout: the graph of 300 synthetic articles drawn on the layout of its first 250, as an assembly in the
// database draws a graph that grew. Nodes drawn before keep place and community; new ones go beside their links.
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureSpread } from '../../src/graph/layout.js';
import { extendLayout, relayoutReason, type PlacedNode } from '../../src/graph/layout-extend.js';
import { isEventNetworkEdge, type KgGraph } from '../../src/graph/model.js';
import { readGraphFile } from '../../src/graph/serialize.js';
import { validateGraph } from '../../src/graph/validate.js';
import { LAYOUT_MODES } from './layout-modes.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-extend-'));
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'layout-extend-child.mts'), dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`layout-extend-child failed: ${child.stderr}`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function placesOf(graph: KgGraph): Map<string, PlacedNode> {
  return new Map(graph.mapNodes((key, { x, y, community }) => [key, { x, y, community }]));
}

describe.each(Object.entries(LAYOUT_MODES))('extendLayout, %s mode', (mode, options) => {
  let before: KgGraph;
  let full: KgGraph;
  let previous: Map<string, PlacedNode>;
  let extended: KgGraph;
  let fresh: string[];

  beforeAll(async () => {
    before = await readGraphFile(join(dir, `before-${mode}.json`));
    full = await readGraphFile(join(dir, `after-${mode}.json`));
    previous = placesOf(before);
    extended = full.copy();
    extendLayout(extended, previous, options);
    fresh = extended.filterNodes((key) => !previous.has(key));
  });

  it('keeps the place and community of every node drawn before, and gives sizes and colours as a full layout does', () => {
    const kept = extended.filterNodes((key) => previous.has(key));
    expect(kept.length).toBeGreaterThan(0.8 * extended.order);
    expect(fresh.length).toBeGreaterThan(100);
    for (const key of kept) {
      const { x, y, community } = extended.getNodeAttributes(key);
      expect({ x, y, community }).toEqual(previous.get(key));
    }
    expect(extended.mapNodes((key, a) => [key, a.size, a.color])).toEqual(full.mapNodes((key, a) => [key, a.size, a.color]));
    expect(validateGraph(extended)).toEqual([]);
  });

  it('puts new nodes beside what they are linked to', () => {
    const linked = fresh.filter((key) => extended.edges(key).some((edge) => isDrawnEdge(extended, edge)));
    expect(linked.length).toBeGreaterThan(50);
    const nearest = linked.map((key) => Math.min(...extended.edges(key).filter((edge) => isDrawnEdge(extended, edge)).map((edge) => distance(extended, key, extended.opposite(key, edge)))));
    const pairs = fresh.map((key, i) => distance(extended, key, extended.nodes()[(i * 7919) % extended.order]));
    expect(median(nearest)).toBeLessThan(median(pairs) / 3);
    expect(measureSpread(extended).edgeRatio).toBeLessThan(0.6);
  });

  it('gives a new node a community its links have, or a new one after those drawn before', () => {
    const highest = Math.max(...[...previous.values()].map((p) => p.community));
    for (const key of fresh) {
      const { community } = extended.getNodeAttributes(key);
      if (community > highest) continue;
      const theirs = extended.neighbors(key).map((n) => extended.getNodeAttribute(n, 'community'));
      expect(theirs).toContain(community);
    }
  });

  it('is deterministic and draws no random numbers', () => {
    const random = jest.spyOn(Math, 'random');
    const again = full.copy();
    extendLayout(again, previous, options);
    expect(again.mapNodes((key, a) => [key, a.x, a.y, a.community])).toEqual(extended.mapNodes((key, a) => [key, a.x, a.y, a.community]));
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });

  it('puts new nodes with no link on a ring outside the drawing before', () => {
    const lonely = fresh.filter((key) => !extended.edges(key).some((edge) => isDrawnEdge(extended, edge)));
    expect(lonely.length).toBeGreaterThan(0);
    const old = [...previous.values()];
    const cx = old.reduce((s, p) => s + p.x, 0) / old.length;
    const cy = old.reduce((s, p) => s + p.y, 0) / old.length;
    const reach = Math.max(...old.map((p) => Math.hypot(p.x - cx, p.y - cy)));
    // The ring's centre is that of everything drawn now, a little off the centre before: allow a node's width.
    for (const key of lonely) {
      const { x, y, size } = extended.getNodeAttributes(key);
      expect(Math.hypot(x - cx, y - cy) + size).toBeGreaterThan(reach);
    }
  });

  it('redraws a graph that did not change exactly as it was drawn', () => {
    const same = before.copy();
    const report = extendLayout(same, previous, options);
    expect(report.kept).toBe(before.order);
    expect(placesOf(same)).toEqual(previous);
  });
});

describe('relayoutReason', () => {
  it('keeps the drawing while half of the nodes were drawn before and the graph has at most doubled since its full layout', async () => {
    const places = placesOf(await readGraphFile(join(dir, 'before-force.json')));
    const after = await readGraphFile(join(dir, 'after-force.json'));
    expect(relayoutReason(after, { places, base: places.size }, false)).toBeNull();
    expect(relayoutReason(after, { places, base: places.size }, true)).toBe('asked');
    expect(relayoutReason(after, null, false)).toBe('no-graph');
    expect(relayoutReason(after, { places: new Map(), base: 0 }, false)).toBe('no-graph');
    const few = new Map([...places].slice(0, Math.floor(after.order / 2) - 1));
    expect(relayoutReason(after, { places: few, base: few.size }, false)).toBe('few-kept');
    // A drawing extended before: most nodes kept, but its last full layout placed fewer than half of them.
    expect(relayoutReason(after, { places, base: Math.ceil(after.order / 2) }, false)).toBeNull();
    expect(relayoutReason(after, { places, base: Math.ceil(after.order / 2) - 1 }, false)).toBe('grown');
  });
});

/** The edges a layout draws by: the event network's. */
function isDrawnEdge(graph: KgGraph, edge: string): boolean {
  return isEventNetworkEdge(graph.getEdgeAttribute(edge, 'relation'));
}

function distance(graph: KgGraph, a: string, b: string): number {
  const p = graph.getNodeAttributes(a);
  const q = graph.getNodeAttributes(b);
  return Math.hypot(p.x - q.x, p.y - q.y);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
