// The sigma renderer: programs by kind, curved parallel edges, and reducers for filters, hover and selection (sigma's use-reducers story).
import EdgeCurveProgram from '@sigma/edge-curve';
import Sigma from 'sigma';
import { EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, EdgeRelation, GraphAttributes, KgGraph, NodeAttributes } from '../../src/graph/model.js';
import { NodeDiamondProgram } from './node-diamond-program.js';
import { computeParallelCurvatures } from './parallel-edges.js';

export type KgSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

const EDGE_COLORS: Record<EdgeRelation, string> = {
  participant: '#b9b9b9',
  location: '#d6bfd0',
  leader_of: '#e9a5a6',
  official_of: '#f0c8c8',
  member_of: '#a9c2dc',
  located_in: '#d9d9d9',
  reported_in: '#e0e0e0',
  interacted_with: '#e15759',
};
const DIMMED_NODE = '#e4e4e4';
// Above these sizes, drawing every edge while the camera moves costs more frames than it is worth.
const LARGE_GRAPH_EDGES = 5000;
const LARGE_GRAPH_NODES = 5000;

export interface ViewerRenderer {
  sigma: KgSigma;
  /** Shows only these nodes (edges follow their ends). */
  setVisible(visible: Set<string>): void;
  /** Highlights the node and its neighbourhood; null clears. */
  setSelected(key: string | null): void;
  /** Moves the camera to the node. */
  focusNode(key: string): void;
}

/** Creates the sigma renderer over the graph in the container; clicks are reported through the callbacks. */
export function createRenderer(graph: KgGraph, container: HTMLElement, handlers: { onClickNode(key: string): void; onClickStage(): void }): ViewerRenderer {
  const curvatures = computeParallelCurvatures(graph);
  let visible = new Set(graph.nodes());
  let selected: string | null = null;
  let hovered: string | null = null;
  let focusNeighbours = new Set<string>();

  const focus = () => hovered ?? selected;
  const updateFocus = () => {
    const key = focus();
    focusNeighbours = new Set(key !== null && graph.hasNode(key) ? graph.neighbors(key) : []);
  };

  const nodeReducer = (node: string, data: NodeAttributes): Partial<NodeDisplayData> => {
    const display: Partial<NodeDisplayData> = { ...data, type: data.kind === 'event' ? 'diamond' : 'circle', zIndex: 1 };
    if (!visible.has(node)) display.hidden = true;
    const key = focus();
    if (key !== null && node !== key && !focusNeighbours.has(node)) {
      display.color = DIMMED_NODE;
      display.label = '';
      display.zIndex = 0;
    } else if (key !== null) {
      display.forceLabel = true;
      display.zIndex = 2;
    }
    if (node === selected) display.highlighted = true;
    return display;
  };

  const edgeReducer = (edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    const curvature = curvatures.get(edge);
    const display: Partial<EdgeDisplayData> & { curvature?: number } = { color: EDGE_COLORS[data.relation], size: 1, type: curvature === undefined ? 'line' : 'curved' };
    if (curvature !== undefined) display.curvature = curvature;
    const key = focus();
    if (key !== null && !graph.hasExtremity(edge, key)) display.hidden = true;
    return display;
  };

  const sigma: KgSigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
    nodeProgramClasses: { circle: NodeCircleProgram, diamond: NodeDiamondProgram },
    edgeProgramClasses: { line: EdgeRectangleProgram, curved: EdgeCurveProgram },
    defaultEdgeType: 'line',
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.35,
    labelGridCellSize: 120,
    hideEdgesOnMove: graph.size > LARGE_GRAPH_EDGES,
    hideLabelsOnMove: graph.order > LARGE_GRAPH_NODES,
    zIndex: true,
    nodeReducer,
    edgeReducer,
  });

  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    updateFocus();
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    updateFocus();
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('clickNode', ({ node }) => handlers.onClickNode(node));
  sigma.on('clickStage', () => handlers.onClickStage());

  return {
    sigma,
    setVisible(next) {
      visible = next;
      sigma.refresh();
    },
    setSelected(key) {
      selected = key !== null && graph.hasNode(key) ? key : null;
      updateFocus();
      sigma.refresh({ skipIndexation: true });
    },
    focusNode(key) {
      const data = sigma.getNodeDisplayData(key);
      if (!data) return;
      const camera = sigma.getCamera();
      camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
    },
  };
}
