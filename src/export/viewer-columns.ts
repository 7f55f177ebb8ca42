// The viewer's drawing file (graph.viewer.json beside graph.json): what the viewer's first frame draws, in columns, so
// that it can draw before the full graph.json (quotes, sources, roles, edges) is fetched and parsed. It is derived from
// the model, never edited; a viewer that finds none, or one older than its graph.json, draws from graph.json alone.
// No Node imports: the viewer reads the format from here.
import { isEventNetworkEdge, NODE_KINDS, type NodeKind } from '../graph/kinds.js';
import type { KgGraph, NodeAttributes } from '../graph/model.js';

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

/** What the drawing file reads of a node. */
export type DrawnNode = Pick<NodeAttributes, 'kind' | 'x' | 'y' | 'size' | 'color'> & { dateInferred?: boolean };

/** Builds the drawing file a node at a time, in the graph's node order (from a graph in memory, or rows streamed from the database). */
export class ViewerColumns {
  private readonly file: ViewerFile;
  private readonly kindIndex = new Map<NodeKind, number>(NODE_KINDS.map((kind, i) => [kind, i]));
  private readonly paletteIndex = new Map<string, number>();

  constructor(schemaVersion: number, order: number, size: number) {
    this.file = { format: VIEWER_FILE_FORMAT, schemaVersion, order, size, keys: [], kinds: [], x: [], y: [], sizes: [], palette: [], colors: [], inferred: [], isolated: [] };
  }

  /** Adds the next node; `isolated`: it has no edge of the event network. */
  add(key: string, node: DrawnNode, isolated: boolean): void {
    const file = this.file;
    const at = file.keys.length;
    file.keys.push(key);
    file.kinds.push(this.kindIndex.get(node.kind)!);
    file.x.push(round(node.x));
    file.y.push(round(node.y));
    file.sizes.push(round(node.size));
    let color = this.paletteIndex.get(node.color);
    if (color === undefined) this.paletteIndex.set(node.color, (color = file.palette.push(node.color) - 1));
    file.colors.push(color);
    if (node.kind === 'event' && node.dateInferred === true) file.inferred.push(at);
    if (isolated) file.isolated.push(at);
  }

  done(): ViewerFile {
    return this.file;
  }
}

/** The drawing columns of the graph. */
export function viewerFile(graph: KgGraph): ViewerFile {
  const columns = new ViewerColumns(graph.getAttribute('schemaVersion'), graph.order, graph.size);
  graph.forEachNode((key, node) => columns.add(key, node as DrawnNode, !graph.someEdge(key, (_edge, attributes) => isEventNetworkEdge(attributes.relation))));
  return columns.done();
}
