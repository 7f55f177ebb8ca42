// The viewer's drawing file (graph.viewer.json beside graph.json): what the viewer's first frame draws, in columns, so
// that it can draw before the full graph.json (quotes, sources, roles, edges) is fetched and parsed. It is derived from
// the model, never edited; a viewer that finds none, or one older than its graph.json, draws from graph.json alone.
// No Node imports: the viewer reads the format from here.
import { isEventNetworkEdge, NODE_KINDS, type NodeKind } from '../graph/kinds.js';
import type { KgGraph } from '../graph/model.js';

export const VIEWER_FILE_FORMAT = 'kg-viewer-nodes/1';

/** The drawing file: one entry per node in each column, in the graph's node order. */
export interface ViewerFile {
  format: typeof VIEWER_FILE_FORMAT;
  schemaVersion: number;
  /** The graph's node and edge counts, to tell the file of another graph. */
  order: number;
  size: number;
  keys: string[];
  /** Index in NODE_KINDS. */
  kinds: number[];
  x: number[];
  y: number[];
  sizes: number[];
  /** The distinct node colours, and each node's index among them. */
  palette: string[];
  colors: number[];
  /** Indexes of the events whose date is inferred (drawn paler). */
  inferred: number[];
  /** Indexes of the nodes with no edge of the event network (hidden while idle nodes are). */
  isolated: number[];
}

// Two decimals of a layout coordinate or a size are far below a pixel at any zoom the viewer allows.
const round = (value: number) => Math.round(value * 100) / 100;

/** The drawing columns of the graph. */
export function viewerFile(graph: KgGraph): ViewerFile {
  const kindIndex = new Map<NodeKind, number>(NODE_KINDS.map((kind, i) => [kind, i]));
  const paletteIndex = new Map<string, number>();
  const file: ViewerFile = { format: VIEWER_FILE_FORMAT, schemaVersion: graph.getAttribute('schemaVersion'), order: graph.order, size: graph.size, keys: [], kinds: [], x: [], y: [], sizes: [], palette: [], colors: [], inferred: [], isolated: [] };
  graph.forEachNode((key, node) => {
    const at = file.keys.length;
    file.keys.push(key);
    file.kinds.push(kindIndex.get(node.kind)!);
    file.x.push(round(node.x));
    file.y.push(round(node.y));
    file.sizes.push(round(node.size));
    let color = paletteIndex.get(node.color);
    if (color === undefined) paletteIndex.set(node.color, (color = file.palette.push(node.color) - 1));
    file.colors.push(color);
    if (node.kind === 'event' && node.dateInferred === true) file.inferred.push(at);
    if (!graph.someEdge(key, (_edge, attributes) => isEventNetworkEdge(attributes.relation))) file.isolated.push(at);
  });
  return file;
}
