// Extended-layout benchmark (not a test): the graph of a corpus drawn on the drawing of the graph of its first part,
// as `kg assemble --db` draws a graph that grew, against a full layout of the same graph: time, and how readable each is.
//   npx tsx scripts/bench/layout-extend.ts --before OUT5K/graph.json --after OUT6K/graph.json
// (two `kg build` outputs, the second's corpus beginning with the first's). Prints the figures, then a JSON line of them.
import { parseArgs } from 'node:util';
import { applyLayout, measureSpread } from '../../src/graph/layout.js';
import { extendLayout, type PlacedNode } from '../../src/graph/layout-extend.js';
import { isEventNetworkEdge, type KgGraph } from '../../src/graph/model.js';
import { readGraphFile } from '../../src/graph/serialize.js';

const { values } = parseArgs({ options: { before: { type: 'string' }, after: { type: 'string' } } });
if (!values.before || !values.after) throw new Error('bench layout-extend: --before GRAPH.json and --after GRAPH.json are required');
const before = await readGraphFile(values.before);
const after = await readGraphFile(values.after);
const previous = new Map<string, PlacedNode>(before.mapNodes((key, { x, y, community }) => [key, { x, y, community }]));

const timed = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const result = fn();
  return [result, Math.round(performance.now() - t0)];
};
const extended = after.copy();
const [report, extendMs] = timed(() => extendLayout(extended, previous));
const full = after.copy();
const [, fullMs] = timed(() => applyLayout(full));

const fresh = extended.filterNodes((key) => !previous.has(key));
const moved = extended.filterNodes((key, { x, y, community }) => {
  const p = previous.get(key);
  return p !== undefined && (p.x !== x || p.y !== y || p.community !== community);
}).length;
/** Median distance from each new node with a drawn link to its nearest linked node, and of random node pairs, in a drawing. */
function distances(graph: KgGraph): { nearest: number; pairs: number } {
  const at = (key: string) => graph.getNodeAttributes(key);
  const gap = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
  const nearest: number[] = [];
  for (const key of fresh) {
    let best = Infinity;
    graph.forEachEdge(key, (_edge, { relation }, source, target) => {
      if (source !== target && isEventNetworkEdge(relation)) best = Math.min(best, gap(source, target));
    });
    if (best < Infinity) nearest.push(best);
  }
  const nodes = graph.nodes();
  const pairs = nodes.map((key, i) => gap(key, nodes[(i * 7919 + 1) % nodes.length]));
  return { nearest: median(nearest), pairs: median(pairs) };
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
}
const communities = (graph: KgGraph) => new Set(graph.mapNodes((_key, { community }) => community)).size;
const figures = {
  nodesBefore: before.order, nodes: after.order, kept: report.kept, placed: fresh.length, moved, extendMs, fullMs,
  extended: { ...distances(extended), ...measureSpread(extended), communities: communities(extended) },
  full: { ...distances(full), ...measureSpread(full), communities: communities(full) },
};
const r = (n: number) => n.toFixed(3);
process.stdout.write(`layout of ${figures.nodes} nodes on the drawing of ${figures.nodesBefore}: ${figures.kept} kept (${moved} moved), ${figures.placed} placed in ${extendMs} ms; full layout ${fullMs} ms (${(extendMs / fullMs).toFixed(2)}x)\n`);
for (const name of ['extended', 'full'] as const) {
  const f = figures[name];
  process.stdout.write(`  ${name}: new node to its nearest link, median ${f.nearest.toFixed(0)} (random pairs ${f.pairs.toFixed(0)}); edge ratio ${r(f.edgeRatio)}, community ratio ${r(f.communityRatio)}, overlap ${r(f.overlap)}, ${f.communities} communities\n`);
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
