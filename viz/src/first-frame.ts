// The first frame from the drawing file (graph.viewer.json, src/export/viewer-columns.ts): the nodes the default view
// shows, with their build-time colours and sizes, drawn before the full graph.json is fetched and parsed. It is a
// picture only: the viewer replaces it with its renderer once the full graph is in.
import Graph from 'graphology';
import Sigma from 'sigma';
import { VIEWER_FILE_FORMAT, type ViewerFile } from '../../src/export/viewer-columns.js';
import { NODE_KINDS, SCHEMA_VERSION } from '../../src/graph/model.js';
import type { Extent } from './framing.js';
import { NodeDiamondProgram, NodeDiscProgram } from './node-point-programs.js';
import { frameSigma, inferredColor, type Theme } from './renderer.js';
import { DEFAULT_LABEL_DENSITY, formatViewState, type ViewState } from './state.js';

const ARTICLE = NODE_KINDS.indexOf('article');
const EVENT = NODE_KINDS.indexOf('event');

/** Whether the state draws what the drawing file holds: the default view (no filter, selection or pick; the build's colours and sizes), whatever the label density. */
export function drawableAtOnce(state: ViewState): boolean {
  return formatViewState({ ...state, labels: DEFAULT_LABEL_DENSITY }) === '';
}

/** The drawing file at `url`, or null when there is none or it is not one this viewer reads (then graph.json alone is drawn). */
export async function fetchDrawing(url: string): Promise<ViewerFile | null> {
  try {
    const response = await fetch(url);
    // 204: the server has none for this graph.
    if (response.status !== 200) return null;
    const file = (await response.json()) as Partial<ViewerFile>;
    return file.format === VIEWER_FILE_FORMAT && file.schemaVersion === SCHEMA_VERSION && Array.isArray(file.keys) ? (file as ViewerFile) : null;
  } catch {
    return null;
  }
}

/** Node i is hidden in the default view: an article, or an entity with no edge of the event network (events stay). */
const hiddenAt = (file: ViewerFile, isolated: Set<number>, i: number) => file.kinds[i] === ARTICLE || (file.kinds[i] !== EVENT && isolated.has(i));

/** The extent the viewer frames in the default view (framing.ts's networkExtent: articles and isolated nodes left out). */
function drawingExtent(file: ViewerFile, isolated: Set<number>): Extent | null {
  const extent: Extent = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  for (let i = 0; i < file.keys.length; i++) {
    if (file.kinds[i] === ARTICLE || isolated.has(i)) continue;
    extent.x = [Math.min(extent.x[0], file.x[i]), Math.max(extent.x[1], file.x[i])];
    extent.y = [Math.min(extent.y[0], file.y[i]), Math.max(extent.y[1], file.y[i])];
  }
  return extent.x[0] <= extent.x[1] ? extent : null;
}

/** Draws the default view's nodes from the drawing file in the container (synchronously); returns what removes the picture. */
export function drawFirstFrame(file: ViewerFile, container: HTMLElement, theme: Theme): { kill(): void } {
  const isolated = new Set(file.isolated);
  const inferred = new Set(file.inferred);
  const graph = new Graph();
  for (let i = 0; i < file.keys.length; i++) {
    const palette = file.palette[file.colors[i]];
    graph.addNode(file.keys[i], { x: file.x[i], y: file.y[i], size: file.sizes[i], color: inferred.has(i) ? inferredColor(palette, theme) : palette, type: file.kinds[i] === EVENT ? 'diamond' : 'circle', hidden: hiddenAt(file, isolated, i) });
  }
  const sigma = new Sigma(graph, container, { nodeProgramClasses: { circle: NodeDiscProgram, diamond: NodeDiamondProgram }, renderLabels: false, renderEdgeLabels: false });
  frameSigma(sigma, drawingExtent(file, isolated));
  // A reframe would wait for the next frame: the picture is drawn framed now.
  if (sigma.getCustomBBox() !== null) sigma.refresh();
  return { kill: () => sigma.kill() };
}
