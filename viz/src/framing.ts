// What the camera frames: the nodes a network can draw, not every node of graph.json (articles are never drawn, the
// people network draws only the parties to a tie, isolated entities are hidden with the idle ones), so the network
// fills the stage instead of a corner of it.
import type { KgGraph } from '../../src/graph/model.js';
import type { EventIndex } from './filters.js';
import type { ViewState } from './state.js';

// The share of the graph's width or height the nodes left out of the shown network must span before the camera reframes.
const REFRAME_SHARE = 0.05;

export interface Extent {
  x: [number, number];
  y: [number, number];
}

/** The fields of the view state the frame depends on; the other filters leave it alone, so a filter does not rescale the picture. */
export type FrameChoice = Pick<ViewState, 'mode' | 'hideIdle'>;

/** The extent of the nodes the mode can show whatever the filters, or null when it has none. */
export function networkExtent(graph: KgGraph, index: EventIndex, { mode, hideIdle }: FrameChoice): Extent | null {
  const ends = new Set<string>();
  if (mode === 'people') for (const edge of index.ties) ends.add(graph.source(edge)).add(graph.target(edge));
  const extent: Extent = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  graph.forEachNode((key, node) => {
    if (mode === 'people' ? !ends.has(key) : node.kind === 'article' || (hideIdle && !index.linked.has(key))) return;
    extent.x = [Math.min(extent.x[0], node.x), Math.max(extent.x[1], node.x)];
    extent.y = [Math.min(extent.y[0], node.y), Math.max(extent.y[1], node.y)];
  });
  return extent.x[0] <= extent.x[1] ? extent : null;
}

/** The box to frame in place of the whole graph's extent (`full`), or null when the shown network spans nearly all of it. */
export function frameBox(full: Extent, extent: Extent | null): Extent | null {
  const near = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) <= REFRAME_SHARE * (b[1] - b[0]);
  return extent === null || (near(extent.x, full.x) && near(extent.y, full.y)) ? null : extent;
}
