// The layout of a graph that grew: the nodes laid out before keep their place and community, and only the new ones are
// placed, next to what they are linked to. A graph the database keeps up to date then does not rearrange itself at
// every assembly (readers keep their bearings), and an assembly lays out only what is new instead of running
// ForceAtlas2, noverlap and Louvain on everything. A full layout (applyLayout) stays one command away.
import { UndirectedGraph } from 'graphology';
import { createRandom } from './random.js';
import type { KgGraph } from './model.js';
import { computeSizes, disc, foldEvents, hashString, placeAround, placeGroup, pointsOf, projectUndirected, resolveLayoutOptions, runForceAtlas2, separateCoincident, setDrawing, spreadToFit, type EventGroups, type Disc, type LayoutOptions, type LayoutReport, type Plane, type Point } from './layout.js';

/** Where a node was drawn in the graph laid out before. */
export interface PlacedNode {
  x: number;
  y: number;
  community: number;
}

export interface ExtendedLayoutReport extends LayoutReport {
  /** Nodes that kept their place and community. */
  kept: number;
}

/** The drawing of the graph stored before: each node's place, and how many nodes its last full layout placed. */
export interface StoredLayout {
  places: ReadonlyMap<string, PlacedNode>;
  base: number;
}

/** Below this share of the graph's nodes kept from before, extending would draw most of it around a few anchors: a full layout does better. */
export const MIN_KEPT_SHARE = 0.5;

/**
 * Past this many times the nodes of its last full layout, a graph is laid out afresh: the drawing of a graph that
 * keeps growing drifts from what a full layout would draw (old nodes never move), and laying it out again at each
 * doubling costs, over the graph's whole growth, about one more full layout of its final size.
 */
export const MAX_GROWTH = 2;

/** Why an assembly lays the whole graph out afresh instead of extending the stored drawing. */
export type RelayoutReason = 'asked' | 'no-graph' | 'few-kept' | 'grown';

/** Why the graph is to be laid out afresh, or null when extendLayout should keep the stored drawing (see MIN_KEPT_SHARE, MAX_GROWTH). */
export function relayoutReason(graph: KgGraph, stored: StoredLayout | null, asked: boolean): RelayoutReason | null {
  if (asked) return 'asked';
  if (!stored || stored.places.size === 0) return 'no-graph';
  let kept = 0;
  graph.forEachNode((key) => {
    if (stored.places.has(key)) kept++;
  });
  if (kept < MIN_KEPT_SHARE * graph.order || kept === 0) return 'few-kept';
  if (graph.order > MAX_GROWTH * stored.base) return 'grown';
  return null;
}

/**
 * Sets x, y, size, color and community on every node, keeping the place and community of each node in `previous`.
 * New nodes linked to placed ones go next to them: a new node at the weighted centre of its placed neighbours (in
 * rounds, so a chain of new nodes follows its anchor), a new event of a large graph on the spiral of the events that
 * share its neighbours, after them. New nodes linked to nothing placed are laid out by ForceAtlas2 among themselves
 * and set outside the drawing, and nodes with no link at all go on a ring outside everything, as a full layout puts
 * them. A new node takes the community most of its links lead to; one with none starts a community of its own (one
 * per group of such nodes linked together). Sizes are computed afresh, as in a full layout. Deterministic.
 */
export function extendLayout(graph: KgGraph, previous: ReadonlyMap<string, PlacedNode>, options: Partial<LayoutOptions> = {}): ExtendedLayoutReport {
  const started = performance.now();
  const opts = resolveLayoutOptions(options);
  const sizes = computeSizes(graph, opts);
  const plane = projectUndirected(graph, sizes, opts.seed);
  const placed = new Set<string>();
  plane.forEachNode((key) => {
    const before = previous.get(key);
    if (!before) return;
    plane.mergeNodeAttributes(key, { x: before.x, y: before.y });
    placed.add(key);
  });
  const kept = new Set(placed);
  const events = plane.order >= opts.placeEventsFrom ? graph.filterNodes((_key, attributes) => attributes.kind === 'event') : [];
  let run: ReturnType<typeof runForceAtlas2>;
  let placedEvents = 0;
  if (events.length > 0) {
    // As a full layout does: the other nodes first, on the plane with the events folded into their links, then the events around them.
    const { others, groups } = foldEvents(plane, events);
    run = placeNew(others, placed, opts, plane);
    others.forEachNode((key, { x, y }) => plane.mergeNodeAttributes(key, { x, y }));
    placedEvents = placeNewEvents(plane, groups, placed);
    // Events with no other node to go around: beside the events they are linked to, or on the ring outside.
    const left = anchorToPlaced(plane, events.filter((event) => !placed.has(event)), placed).sort();
    if (left.length > 0) placeAround(plane, disc(drawing(plane, placed)), left);
  } else run = placeNew(plane, placed, opts, plane);
  separateCoincident(plane, kept);
  const communities = extendCommunities(plane, previous);
  setDrawing(graph, plane, sizes, communities, opts);
  return { ...run, placedEvents, communities: new Set(communities.values()).size, kept: kept.size, ms: Math.round(performance.now() - started) };
}

/**
 * Places the nodes of `plane` not yet in `placed` (and adds them to it); returns what ForceAtlas2 did for those linked
 * to nothing placed. The placed nodes of `beside` (the events kept, when `plane` has them folded) count as drawing too.
 */
function placeNew(plane: Plane, placed: Set<string>, opts: LayoutOptions, beside: Plane): ReturnType<typeof runForceAtlas2> {
  const pending = plane.filterNodes((key) => !placed.has(key));
  const unanchored = anchorToPlaced(plane, pending, placed);
  const isolated = unanchored.filter((key) => plane.degree(key) === 0).sort();
  const linked = new Set(unanchored.filter((key) => plane.degree(key) > 0));
  let run = { iterations: 0, converged: true, lastMovement: 0, forceNodes: 0 };
  if (linked.size > 0) {
    const apart = part(plane, linked);
    run = runForceAtlas2(apart, opts);
    spreadToFit(apart);
    setOutside(disc(drawing(plane, placed, beside)), apart);
    apart.forEachNode((key, { x, y }) => {
      plane.mergeNodeAttributes(key, { x, y });
      placed.add(key);
    });
  }
  if (isolated.length > 0) {
    placeAround(plane, disc(drawing(plane, placed, beside)), isolated);
    for (const key of isolated) placed.add(key);
  }
  return run;
}

/**
 * In rounds, puts each pending node that has placed neighbours at their centre weighted by the links, a step from it
 * in a direction drawn from its key; nodes placed in a round anchor others only from the next, so the order of nodes
 * within a round does not matter. Returns the nodes no round reached.
 */
function anchorToPlaced(plane: Plane, pending: string[], placed: Set<string>): string[] {
  let left = pending;
  for (;;) {
    const reached: { key: string; x: number; y: number }[] = [];
    const rest: string[] = [];
    for (const key of left) {
      let weight = 0;
      let x = 0;
      let y = 0;
      let reach = 0;
      plane.forEachEdge(key, (_edge, { weight: w }, source, target) => {
        const other = source === key ? target : source;
        if (!placed.has(other)) return;
        const at = plane.getNodeAttributes(other);
        weight += w;
        x += w * at.x;
        y += w * at.y;
        reach = Math.max(reach, at.size);
      });
      if (weight === 0) {
        rest.push(key);
        continue;
      }
      const size = plane.getNodeAttribute(key, 'size');
      const angle = 2 * Math.PI * createRandom(hashString(key))();
      const distance = reach + 1.2 * size;
      reached.push({ key, x: x / weight + distance * Math.cos(angle), y: y / weight + distance * Math.sin(angle) });
    }
    if (reached.length === 0) return rest;
    for (const { key, x, y } of reached) {
      plane.mergeNodeAttributes(key, { x, y });
      placed.add(key);
    }
    left = rest;
  }
}

/** The nodes of `plane` in `keys`, with the links among them, as a plane of their own. */
function part(plane: Plane, keys: ReadonlySet<string>): Plane {
  const out: Plane = new UndirectedGraph();
  plane.forEachNode((key, attributes) => {
    if (keys.has(key)) out.addNode(key, { ...attributes });
  });
  plane.forEachEdge((_edge, attributes, source, target) => {
    if (keys.has(source) && keys.has(target)) out.addEdge(source, target, { ...attributes });
  });
  return out;
}

/** The placed nodes of `plane`, then those of `beside` that `plane` lacks, as points (measured in place, not copied). */
function drawing(plane: Plane, placed: ReadonlySet<string>, beside?: Plane): Point[] {
  const points: Point[] = [];
  plane.forEachNode((key, attributes) => {
    if (placed.has(key)) points.push(attributes);
  });
  beside?.forEachNode((key, attributes) => {
    if (placed.has(key) && !plane.hasNode(key)) points.push(attributes);
  });
  return points;
}

/** Moves the nodes of `apart` as one, so that their disc lies just outside the disc `outer`, in a direction drawn from their first key. */
function setOutside(outer: Disc, apart: Plane): void {
  const inner = disc(pointsOf(apart));
  const angle = 2 * Math.PI * createRandom(hashString(apart.nodes().sort()[0]))();
  const distance = outer.reach + inner.reach;
  const dx = outer.cx + distance * Math.cos(angle) - inner.cx;
  const dy = outer.cy + distance * Math.sin(angle) - inner.cy;
  apart.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: attributes.x + dx, y: attributes.y + dy }));
}

/** New events go on their group's spiral after the group's events placed before; returns how many were placed. */
function placeNewEvents(plane: Plane, groups: EventGroups, placed: Set<string>): number {
  let count = 0;
  for (const [id, group] of groups) {
    const fresh = group.events.filter((event) => !placed.has(event));
    if (fresh.length === 0) continue;
    placeGroup(plane, group.neighbours, fresh, hashString(id), group.events.filter((event) => placed.has(event)));
    for (const event of fresh) placed.add(event);
    count += fresh.length;
  }
  return count;
}

/**
 * The communities before for the nodes kept; a new node, in rounds, takes the community its links to nodes that have
 * one weigh most for (the lowest id on a tie); the new nodes left form communities of their own, one per group linked
 * together, numbered after the highest id before, in node order.
 */
function extendCommunities(plane: Plane, previous: ReadonlyMap<string, PlacedNode>): Map<string, number> {
  const communities = new Map<string, number>();
  let next = 0;
  let left: string[] = [];
  plane.forEachNode((key) => {
    const before = previous.get(key);
    if (!before) return left.push(key);
    communities.set(key, before.community);
    next = Math.max(next, before.community + 1);
  });
  for (;;) {
    const chosen: [string, number][] = [];
    const rest: string[] = [];
    for (const key of left) {
      const votes = new Map<number, number>();
      plane.forEachEdge(key, (_edge, { weight }, source, target) => {
        const community = communities.get(source === key ? target : source);
        if (community !== undefined) votes.set(community, (votes.get(community) ?? 0) + weight);
      });
      let best: [number, number] | null = null;
      for (const [community, weight] of votes) if (!best || weight > best[1] || (weight === best[1] && community < best[0])) best = [community, weight];
      if (best) chosen.push([key, best[0]]);
      else rest.push(key);
    }
    if (chosen.length === 0) break;
    for (const [key, community] of chosen) communities.set(key, community);
    left = rest;
  }
  for (const start of left) {
    if (communities.has(start)) continue;
    const community = next++;
    const queue = [start];
    communities.set(start, community);
    while (queue.length > 0) {
      plane.forEachNeighbor(queue.pop()!, (neighbour) => {
        if (communities.has(neighbour)) return;
        communities.set(neighbour, community);
        queue.push(neighbour);
      });
    }
  }
  return communities;
}
