// Build-time appearance of every node: ForceAtlas2 positions, noverlap, size, kind colour and Louvain community, all deterministic.
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import louvain from 'graphology-communities-louvain';
import { isEventNetworkEdge, KIND_COLORS, type KgGraph } from './model.js';
import { createRandom } from './random.js';

export interface LayoutOptions {
  /** FA2 iterations run between two convergence checks. */
  batchIterations: number;
  /** Hard cap on FA2 iterations when the layout does not settle. */
  maxIterations: number;
  /** Cap on iterations × nodes, so a large graph gets fewer iterations (an iteration costs about 15 µs a node with Barnes-Hut). */
  nodeIterationBudget: number;
  /** Converged when the mean displacement per node per iteration falls below this fraction of the layout's extent. */
  tolerance: number;
  /** From this many nodes on, FA2 uses the Barnes-Hut approximation (exact repulsion is quadratic). */
  barnesHutFrom: number;
  /** From this many nodes on, FA2 lays out the non-event nodes only (each event folded into edges between its neighbours) and events are then placed among their neighbours: events outnumber the rest about 10 to 1 in a large build, and an event's place says no more than whom it joins. */
  placeEventsFrom: number;
  /** What node size grows with. */
  sizeBy: 'degree' | 'mentions';
  minSize: number;
  maxSize: number;
  /** Iteration cap of the noverlap pass that pulls overlapping nodes apart. */
  noverlapIterations: number;
  /** Cap on noverlap iterations × nodes: its grid pass costs about 25 µs a node (60 s for 200 iterations on 12k nodes). */
  noverlapNodeIterationBudget: number;
  /** Louvain resolution: higher gives more, smaller communities. */
  resolution: number;
  /** Seed of the initial positions and of Louvain's node order. */
  seed: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  batchIterations: 25,
  maxIterations: 2000,
  nodeIterationBudget: 1_000_000,
  tolerance: 3e-4,
  barnesHutFrom: 500,
  placeEventsFrom: 2000,
  sizeBy: 'degree',
  minSize: 4,
  maxSize: 20,
  noverlapIterations: 200,
  noverlapNodeIterationBudget: 250_000,
  resolution: 1,
  seed: 1,
};

/** What one ForceAtlas2 run did, and on how many nodes. */
type ForceRun = Pick<LayoutReport, 'iterations' | 'converged' | 'lastMovement' | 'forceNodes'>;

export interface LayoutReport {
  /** FA2 iterations, on the whole graph or, when events were placed, on the other nodes. */
  iterations: number;
  /** Events positioned among their neighbours instead of by FA2 (0 below placeEventsFrom nodes). */
  placedEvents: number;
  /** Nodes ForceAtlas2 moved: isolated nodes and placed events are set around them afterwards. */
  forceNodes: number;
  /** True when the stopping rule fired before maxIterations. */
  converged: boolean;
  /** Mean displacement per node per iteration in the last batch, relative to the extent. */
  lastMovement: number;
  communities: number;
  ms: number;
}

/** Defaults overridden by the given options; throws RangeError on a value that cannot work. */
export function resolveLayoutOptions(options: Partial<LayoutOptions> = {}): LayoutOptions {
  const resolved = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const positive: (keyof LayoutOptions)[] = ['batchIterations', 'maxIterations', 'nodeIterationBudget', 'noverlapNodeIterationBudget', 'tolerance', 'minSize', 'maxSize', 'resolution'];
  for (const name of positive) {
    const value = resolved[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError(`layout option ${name} must be a positive number, got ${String(value)}`);
  }
  if (!(resolved.placeEventsFrom >= 0)) throw new RangeError(`layout option placeEventsFrom must be a node count (Infinity never places events), got ${String(resolved.placeEventsFrom)}`);
  if (resolved.minSize > resolved.maxSize) throw new RangeError(`layout option minSize (${resolved.minSize}) exceeds maxSize (${resolved.maxSize})`);
  return resolved;
}

/** Sets x, y (ForceAtlas2 with a convergence-based stopping rule, Barnes-Hut on large graphs, then noverlap), size (from degree or mentions), color (KIND_COLORS) and community (Louvain) on every node; deterministic (seeded initial positions from a hash of the node key, no Math.random). */
export function applyLayout(graph: KgGraph, options: Partial<LayoutOptions> = {}): LayoutReport {
  const started = performance.now();
  const opts = resolveLayoutOptions(options);
  const sizes = computeSizes(graph, opts);
  const plane = projectUndirected(graph, sizes, opts.seed);
  const events = plane.order >= opts.placeEventsFrom ? graph.filterNodes((_key, attributes) => attributes.kind === 'event') : [];
  const { iterations, converged, lastMovement, forceNodes } = events.length > 0 ? layOutAroundEvents(plane, events, opts) : runForceAtlas2(plane, opts);
  spreadToFit(plane);
  separateCoincident(plane);
  const noverlapIterations = Math.min(opts.noverlapIterations, Math.max(10, Math.floor(opts.noverlapNodeIterationBudget / Math.max(1, plane.order))));
  // noverlap compares nodes within grid cells: its default 20×20 grid puts hundreds of nodes in a cell of a large graph.
  const gridSize = Math.max(20, Math.round(2 * Math.sqrt(plane.order)));
  if (plane.order > 1) noverlap.assign(plane, { maxIterations: noverlapIterations, settings: { margin: 2, ratio: 1, gridSize } });
  const communities = detectCommunities(plane, opts);
  setDrawing(graph, plane, sizes, communities, opts);
  return { iterations, converged, lastMovement, forceNodes, placedEvents: events.length, communities: new Set(communities.values()).size, ms: Math.round(performance.now() - started) };
}

/** Writes each node's place on the plane, its size, its kind's colour and its community onto the graph. */
export function setDrawing(graph: KgGraph, plane: Plane, sizes: Map<string, number>, communities: Map<string, number>, opts: LayoutOptions): void {
  graph.updateEachNodeAttributes((key, attributes) => {
    const at = plane.getNodeAttributes(key);
    return { ...attributes, x: at.x, y: at.y, size: sizes.get(key) ?? opts.minSize, color: KIND_COLORS[attributes.kind], community: communities.get(key) ?? 0 };
  });
}

interface PlaneNode {
  x: number;
  y: number;
  size: number;
}

interface PlaneEdge {
  weight: number;
}

/** The undirected simple graph the layout runs on (layout-extend.ts places new nodes on it too). */
export type Plane = UndirectedGraph<PlaneNode, PlaneEdge>;

/** The undirected simple graph the layout runs on: parallel and opposite edges become one edge whose weight counts them. */
export function projectUndirected(graph: KgGraph, sizes: Map<string, number>, seed: number): Plane {
  const plane: Plane = new UndirectedGraph<PlaneNode, PlaneEdge>();
  // Start on a disc whose area grows with the node count, so FA2 starts near its working scale.
  const radius = 10 * Math.sqrt(graph.order + 1);
  graph.forEachNode((key) => {
    const random = createRandom(hashString(key) ^ seed);
    const angle = 2 * Math.PI * random();
    const distance = radius * Math.sqrt(random());
    plane.addNode(key, { x: distance * Math.cos(angle), y: distance * Math.sin(angle), size: sizes.get(key) ?? 1 });
  });
  // The layout is the event network's: articles and the projection would pull every event to its reports and parties twice.
  graph.forEachEdge((_key, attributes, source, target) => {
    if (source === target || !isEventNetworkEdge(attributes.relation)) return;
    plane.updateEdge(source, target, (attributes) => ({ weight: (attributes.weight ?? 0) + 1 }));
  });
  return plane;
}

/**
 * FA2 on the nodes that have an edge, then the isolated ones placed around them: most nodes of a real-text graph are
 * isolated (78% in one build), and in FA2 they only push every other node away, at a cost that grows with the square
 * of their number when the repulsion is exact.
 */
export function runForceAtlas2(plane: Plane, opts: LayoutOptions): ForceRun {
  const isolated = plane.filterNodes((key) => plane.degree(key) === 0);
  if (isolated.length === 0 || isolated.length === plane.order) return runForceAtlas2On(plane, opts);
  const connected = plane.copy();
  for (const key of isolated) connected.dropNode(key);
  const run = runForceAtlas2On(connected, opts);
  connected.forEachNode((key, { x, y }) => plane.mergeNodeAttributes(key, { x, y }));
  placeAround(plane, disc(pointsOf(connected)), isolated.sort());
  return run;
}

/** Puts `keys` on a sunflower spiral in a ring outside the disc `around`, spaced by the largest of their sizes. */
export function placeAround(plane: Plane, around: Disc, keys: string[]): void {
  const { cx, cy, reach } = around;
  const step = 2.2 * keys.reduce((max, key) => Math.max(max, plane.getNodeAttribute(key, 'size')), 0);
  // Spiral points k lie at step·√(k + skip): skipping the inner disc's area keeps the ring outside it.
  const skip = (reach / step) ** 2;
  keys.forEach((key, k) => {
    const radius = step * Math.sqrt(k + 0.5 + skip);
    const angle = k * GOLDEN_ANGLE;
    plane.mergeNodeAttributes(key, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  });
}

/** A node's place and size, what a disc is measured from. */
export interface Point {
  x: number;
  y: number;
  size: number;
}

/** A centre, and the distance from it that holds a set of nodes. */
export interface Disc {
  cx: number;
  cy: number;
  reach: number;
}

/** The nodes of a plane as points, in its order (their attributes, not copies). */
export function pointsOf(plane: Plane): Point[] {
  return plane.mapNodes((_key, attributes) => attributes);
}

/** The centre of the points and the distance from it that holds all of them, sizes included. */
export function disc(points: readonly Point[]): Disc {
  if (points.length === 0) return { cx: 0, cy: 0, reach: 0 };
  let cx = 0;
  let cy = 0;
  for (const { x, y } of points) {
    cx += x;
    cy += y;
  }
  cx /= points.length;
  cy /= points.length;
  let reach = 0;
  for (const { x, y, size } of points) reach = Math.max(reach, Math.hypot(x - cx, y - cy) + size);
  return { cx, cy, reach };
}

/** FA2 in batches until the mean displacement per node per iteration is below tolerance × extent, or the iteration cap. */
function runForceAtlas2On(plane: Plane, opts: LayoutOptions): ForceRun {
  if (plane.order < 2) return { iterations: 0, converged: true, lastMovement: 0, forceNodes: 0 };
  const settings = { ...forceAtlas2.inferSettings(plane.order), barnesHutOptimize: plane.order >= opts.barnesHutFrom };
  let iterations = 0;
  let lastMovement = Infinity;
  const cap = Math.min(opts.maxIterations, Math.max(opts.batchIterations, Math.floor(opts.nodeIterationBudget / plane.order)));
  while (iterations < cap) {
    const batch = Math.min(opts.batchIterations, cap - iterations);
    const positions = forceAtlas2(plane, { iterations: batch, settings, getEdgeWeight: 'weight' });
    let moved = 0;
    plane.updateEachNodeAttributes((key, attributes) => {
      const next = positions[key];
      moved += Math.hypot(next.x - attributes.x, next.y - attributes.y);
      return { ...attributes, x: next.x, y: next.y };
    });
    iterations += batch;
    lastMovement = moved / plane.order / batch / measureExtent(plane);
    if (lastMovement < opts.tolerance) return { iterations, converged: true, lastMovement, forceNodes: plane.order };
  }
  return { iterations, converged: false, lastMovement, forceNodes: plane.order };
}

/** FA2 on the plane without the events, where an event joining n nodes weighs on each of their n(n-1)/2 pairs; then the events go around the centre of their neighbours. */
function layOutAroundEvents(plane: Plane, events: string[], opts: LayoutOptions): ForceRun {
  const { others, groups } = foldEvents(plane, events);
  const run = runForceAtlas2(others, opts);
  // Scaled before the events are placed, so their spirals keep their spacing in node sizes.
  spreadToFit(others, plane);
  others.forEachNode((key, { x, y }) => plane.mergeNodeAttributes(key, { x, y }));
  for (const [id, group] of groups) placeGroup(plane, group.neighbours, group.events, hashString(id));
  return run;
}

/** Events that share the same non-event neighbours, keyed by the sorted neighbour keys (which also seed the turn of the group's spiral). */
export type EventGroups = Map<string, { neighbours: string[]; events: string[] }>;

/** The plane without the events, each event folded into edges between its neighbours, and the events grouped by those neighbours. */
export function foldEvents(plane: Plane, events: string[]): { others: Plane; groups: EventGroups } {
  const others: Plane = new UndirectedGraph<PlaneNode, PlaneEdge>();
  const isEvent = new Set(events);
  plane.forEachNode((key, attributes) => {
    if (!isEvent.has(key)) others.addNode(key, { ...attributes });
  });
  const join = (a: string, b: string, weight: number) => others.updateEdge(a, b, (attributes) => ({ weight: (attributes.weight ?? 0) + weight }));
  plane.forEachEdge((_key, { weight }, source, target) => {
    if (!isEvent.has(source) && !isEvent.has(target)) join(source, target, weight);
  });
  const groups: EventGroups = new Map();
  for (const event of events) {
    const neighbours = plane.neighbors(event).filter((key) => !isEvent.has(key)).sort();
    if (neighbours.length === 0) continue;
    for (let i = 0; i < neighbours.length; i++) for (let j = i + 1; j < neighbours.length; j++) join(neighbours[i], neighbours[j], 1);
    const id = neighbours.join('\n');
    const group = groups.get(id) ?? { neighbours, events: [] };
    group.events.push(event);
    groups.set(id, group);
  }
  return { others, groups };
}

/** Golden angle: successive points of a sunflower spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Puts the events that share the same neighbours on a sunflower spiral around the centre of those neighbours (outside
 * the disc of a single neighbour), a disc's width apart, so few of them overlap. `placed`: the group's events already
 * on the spiral (an extended layout's), which keep their turns: the new ones follow them.
 */
export function placeGroup(plane: Plane, neighbours: string[], events: string[], seed: number, placed: string[] = []): void {
  let cx = 0;
  let cy = 0;
  for (const key of neighbours) {
    cx += plane.getNodeAttribute(key, 'x');
    cy += plane.getNodeAttribute(key, 'y');
  }
  cx /= neighbours.length;
  cy /= neighbours.length;
  // reduce, not Math.max(...): a pair of leaders can share thousands of events, past the engine's argument limit.
  const step = 2.2 * [placed, events].reduce((max, list) => list.reduce((m, event) => Math.max(m, plane.getNodeAttribute(event, 'size')), max), 0);
  // Spiral point k lies at step·√(k + skip): skipping the centre keeps a single neighbour's events off its disc.
  const hub = neighbours.length === 1 ? plane.getNodeAttribute(neighbours[0], 'size') + step / 2 : 0;
  const skip = (hub / step) ** 2;
  const turn = 2 * Math.PI * createRandom(seed)();
  events.forEach((event, i) => {
    const k = placed.length + i;
    const radius = step * Math.sqrt(k + 0.5 + skip);
    const angle = turn + k * GOLDEN_ANGLE;
    plane.mergeNodeAttributes(event, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  });
}

/** The larger side of the bounding box (1 when every node is on one spot, to avoid dividing by zero). */
function measureExtent(plane: Plane): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  plane.forEachNode((_key, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return Math.max(maxX - minX, maxY - minY) || 1;
}

/** Scales positions up about the origin (where gravity centres the layout) until the discs of `sized` would cover a quarter of the area: FA2's scale ignores node sizes, and noverlap alone cannot untangle a dense core. */
export function spreadToFit(plane: Plane, sized: Plane = plane): void {
  let needed = 0;
  sized.forEachNode((_key, { size }) => (needed += (2 * size) ** 2 * 4));
  const extent = measureExtent(plane);
  const scale = Math.sqrt(needed) / extent;
  if (scale <= 1) return;
  plane.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: attributes.x * scale, y: attributes.y * scale }));
}

/**
 * Moves nodes that share a spot apart by a hash of their key: noverlap would otherwise jitter them with Math.random.
 * The nodes in `fixed` (an extended layout's kept ones) stay where they are and the others move off their spots.
 */
export function separateCoincident(plane: Plane, fixed: ReadonlySet<string> = new Set()): void {
  const seen = new Set<string>();
  plane.forEachNode((key, { x, y }) => {
    if (fixed.has(key)) seen.add(`${x},${y}`);
  });
  plane.updateEachNodeAttributes((key, attributes) => {
    if (fixed.has(key)) return attributes;
    let { x, y } = attributes;
    while (seen.has(`${x},${y}`)) {
      const random = createRandom(hashString(`${key}|${x},${y}`));
      x += (random() - 0.5) * attributes.size;
      y += (random() - 0.5) * attributes.size;
    }
    seen.add(`${x},${y}`);
    return { ...attributes, x, y };
  });
}

/** Node sizes scaled by square root (area grows with the measure) between minSize and maxSize. */
export function computeSizes(graph: KgGraph, opts: LayoutOptions): Map<string, number> {
  const measures = new Map<string, number>();
  const degree = (key: string): number => {
    let count = 0;
    graph.forEachEdge(key, (_edge, { relation }) => {
      if (isEventNetworkEdge(relation)) count++;
    });
    return count;
  };
  graph.forEachNode((key, attributes) => measures.set(key, opts.sizeBy === 'degree' ? degree(key) : attributes.mentions));
  // A loop, not Math.max(...): spreading 100,000+ values overflows the stack.
  let max = 1;
  for (const measure of measures.values()) if (measure > max) max = measure;
  const sizes = new Map<string, number>();
  for (const [key, measure] of measures) sizes.set(key, opts.minSize + (opts.maxSize - opts.minSize) * Math.sqrt(measure / max));
  return sizes;
}

/** Louvain with a seeded rng; community ids renumbered in node order so they do not depend on Louvain's internal numbering. */
function detectCommunities(plane: Plane, opts: LayoutOptions): Map<string, number> {
  const raw = louvain(plane, { getEdgeWeight: 'weight', resolution: opts.resolution, rng: createRandom(opts.seed) });
  const renumbered = new Map<number, number>();
  const communities = new Map<string, number>();
  plane.forEachNode((key) => {
    const id = raw[key];
    if (!renumbered.has(id)) renumbered.set(id, renumbered.size);
    communities.set(key, renumbered.get(id) ?? 0);
  });
  return communities;
}

/** FNV-1a, 32 bits: a fast stable hash of a node key. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** How spread a laid-out graph is, over its nodes with an event-network edge (the isolated ones sit in a ring apart). */
export interface LayoutSpread {
  /** Mean length of an edge over the mean distance of two nodes: low when linked nodes sit together. */
  edgeRatio: number;
  /** Mean distance of two nodes of one Louvain community over that of two of different ones: low when communities stand apart. */
  communityRatio: number;
  /** Share of node pairs whose discs overlap. */
  overlap: number;
}

/** Measures a laid-out graph (x, y, size, community set) on up to `pairs` node pairs drawn with a seeded rng. */
export function measureSpread(graph: KgGraph, pairs = 200_000): LayoutSpread {
  const linked = new Set<string>();
  let edgeLength = 0;
  let edges = 0;
  graph.forEachEdge((_key, attributes, source, target, a, b) => {
    if (source === target || !isEventNetworkEdge(attributes.relation)) return;
    linked.add(source).add(target);
    edgeLength += Math.hypot(a.x - b.x, a.y - b.y);
    edges += 1;
  });
  const nodes = [...linked].sort().map((key) => graph.getNodeAttributes(key));
  const random = createRandom(1);
  let all = 0;
  let measured = 0;
  let same = 0;
  let sameCount = 0;
  let other = 0;
  let otherCount = 0;
  let overlapping = 0;
  const count = nodes.length < 2 ? 0 : pairs;
  for (let k = 0; k < count; k++) {
    const a = nodes[Math.floor(random() * nodes.length)];
    const b = nodes[Math.floor(random() * nodes.length)];
    if (a === b) continue;
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    all += distance;
    measured += 1;
    if (distance < a.size + b.size) overlapping += 1;
    if (a.community === b.community) (same += distance), sameCount++;
    else (other += distance), otherCount++;
  }
  // Over the pairs measured: a node drawn twice is not a pair.
  const mean = all / Math.max(1, measured);
  return {
    edgeRatio: edges === 0 || mean === 0 ? 0 : edgeLength / edges / mean,
    communityRatio: sameCount === 0 || otherCount === 0 ? 1 : same / sameCount / (other / otherCount),
    overlap: overlapping / Math.max(1, measured),
  };
}
