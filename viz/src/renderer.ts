// The sigma renderer: programs by kind, curved parallel edges, and reducers for the mode, filters, appearance, hover and selection (sigma's use-reducers story).
import EdgeCurveProgram from '@sigma/edge-curve';
import type { Attributes } from 'graphology-types';
import Sigma, { Camera } from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram, drawDiscNodeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';
import type { EdgeAttributes, EventNode, GraphAttributes, KgGraph, NodeAttributes } from '../../src/graph/model.js';
import type { Appearance } from './appearance.js';
import { isWeakFoundBy, type View } from './filters.js';
import { treatCameraChangesAsMovement } from './camera-motion.js';
import { frameBox, type Extent } from './framing.js';
import { createLabelPlacer, type LabelBox, type LabelRenderer, type LabelStanding } from './label-placement.js';
import { EVENT_LABEL_RATIO, eventLabel } from './labels.js';
import { NodeDiamondProgram, NodeDiscProgram } from './node-point-programs.js';
import { computeParallelCurvatures } from './parallel-edges.js';
import { OTHER_TIE, TIE_COLORS } from './projection.js';
import { paler, THEMES, type Theme } from './theme.js';
import { isEventNetworkEdge } from '../../src/graph/model.js';
import type { ViewMode } from './state.js';

export type KgSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

const SELECTED_TIE = '#e15759';
// Above these sizes, drawing every edge while the camera moves costs more frames than it is worth.
const LARGE_GRAPH_EDGES = 5000;
const LARGE_GRAPH_NODES = 5000;
// Sigma's label grid: its cell, and the candidates it passes from each at the whole graph's zoom.
const LABEL_CELL = 40;
const LABELS_PER_CELL = 2;

/** What the reducers draw: set by the viewer after each change of state. */
export interface Scene {
  mode: ViewMode;
  view: View;
  appearance: Appearance;
  /** Whether weak participant edges are shown (drawn faint when they are). */
  weak: boolean;
  /** Label density: labels per 120 px square (0: only the selection's). */
  labels: number;
  picked: Set<string>;
  tie: string | null;
}

export interface ViewerRenderer {
  sigma: KgSigma;
  /** Redraws, at the next frame, with a new scene (visibility, ties, colours, sizes) and selection (the node whose neighbourhood is highlighted, or null). */
  update(scene: Scene, selected: string | null): void;
  setTheme(theme: Theme): void;
  /** The boxes of the labels drawn in the last frame (viewport pixels). */
  labelBoxes(): LabelBox[];
  /** Places the labels of another renderer over the same settings (the PNG export's) as this one does. */
  attachLabels(other: KgSigma): void;
  /** Frames the camera on an extent of the graph (null: the whole graph). */
  frame(extent: Extent | null): void;
  /** Moves the camera to the node, once the frame already asked for is drawn. */
  focusNode(key: string): void;
}

export interface RendererHandlers {
  onClickNode(key: string, shift: boolean): void;
  onClickTie(edge: string): void;
  onClickStage(): void;
}

/**
 * Runs `construct` (sigma's constructor, which draws the first frame before it returns) with every camera counting as
 * moving, so that with hideEdgesOnMove and hideLabelsOnMove that frame draws the nodes only: on a large graph in a
 * software renderer the edges take most of a frame's time. The caller then schedules the full frame, which needs no
 * second pass over the graph (the constructor already wrote the edges to their buffers).
 */
function withNodesOnlyFirstFrame<T>(construct: () => T): T {
  const isAnimated = Object.getOwnPropertyDescriptor(Camera.prototype, 'isAnimated')!;
  Object.defineProperty(Camera.prototype, 'isAnimated', { ...isAnimated, value: () => true });
  try {
    return construct();
  } finally {
    Object.defineProperty(Camera.prototype, 'isAnimated', isAnimated);
  }
}

const sameScene = (a: Scene, b: Scene) =>
  a.mode === b.mode && a.view === b.view && a.appearance === b.appearance && a.weak === b.weak && a.labels === b.labels && a.tie === b.tie && a.picked.size === b.picked.size && [...a.picked].every((key) => b.picked.has(key));

/**
 * Frames a sigma renderer on the shown network. When it spans nearly the whole graph, sigma's own extent does (a reframe
 * costs a second pass over every node and edge, worth it only when what is left out would take a good part of the stage).
 */
function frameSigma<N extends Attributes, E extends Attributes, G extends Attributes>(sigma: Sigma<N, E, G>, extent: Extent | null): void {
  const box = frameBox(sigma.getBBox(), extent);
  if (box === null && sigma.getCustomBBox() === null) return;
  // setCustomBBox alone redraws with the old normalisation: a refresh recomputes it.
  sigma.setCustomBBox(box);
  sigma.scheduleRefresh();
}

/**
 * Creates the sigma renderer over the graph in the container, drawing the first frame at once (sigma's constructor
 * renders synchronously); clicks are reported through the callbacks.
 */
export function createRenderer(graph: KgGraph, container: HTMLElement, initial: { scene: Scene; selected: string | null; theme: Theme; extent: Extent | null }, handlers: RendererHandlers): ViewerRenderer {
  const curvatures = computeParallelCurvatures(graph);
  let scene = initial.scene;
  let theme: (typeof THEMES)[Theme] = THEMES[initial.theme];
  let selected: string | null = initial.selected !== null && graph.hasNode(initial.selected) ? initial.selected : null;
  let hovered: string | null = null;
  let focusNeighbours = new Set<string>();
  let zoomedIn = false;
  const eventLabels = new Map<string, string>();
  const labelOf = (key: string, node: EventNode) => {
    let label = eventLabels.get(key);
    if (label === undefined) eventLabels.set(key, (label = eventLabel(node)));
    return label;
  };

  const focus = () => hovered ?? selected;
  const updateFocus = () => {
    const key = focus();
    focusNeighbours = new Set();
    if (key === null || !graph.hasNode(key)) return;
    if (scene.mode === 'people') for (const edge of scene.view.ties.keys()) (graph.source(edge) === key ? focusNeighbours.add(graph.target(edge)) : graph.target(edge) === key && focusNeighbours.add(graph.source(edge)));
    else graph.forEachEdge(key, (_edge, attributes, source, target) => void (isEventNetworkEdge(attributes.relation) && focusNeighbours.add(source === key ? target : source)));
  };
  updateFocus();

  const nodeReducer = (node: string, data: NodeAttributes): Partial<NodeDisplayData> => {
    if (!scene.view.nodes.has(node)) return { x: data.x, y: data.y, hidden: true };
    const isEvent = data.kind === 'event';
    const display: Partial<NodeDisplayData> = { x: data.x, y: data.y, label: data.label, type: isEvent ? 'diamond' : 'circle', zIndex: 1 };
    display.color = scene.appearance.colors?.get(node) ?? data.color;
    display.size = scene.appearance.sizes?.get(node) ?? data.size;
    const key = focus();
    if (isEvent) {
      const event = data as EventNode;
      if (event.dateInferred === true) display.color = paler(display.color, theme);
      display.label = node === key || zoomedIn ? labelOf(node, event) : null;
    }
    if (key !== null && node !== key && !focusNeighbours.has(node)) {
      display.color = theme.dimmed;
      display.label = null;
      display.zIndex = 0;
    } else if (key !== null) {
      display.zIndex = 2;
      if (node === key) display.forceLabel = true;
    }
    if (node === selected || scene.picked.has(node)) {
      display.highlighted = true;
      display.forceLabel = true;
    }
    return display;
  };

  const edgeReducer = (edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    const key = focus();
    if (scene.mode === 'people') {
      const tie = scene.view.ties.get(edge);
      if (tie === undefined) return { hidden: true };
      const touches = key === null || graph.hasExtremity(edge, key);
      return { hidden: !touches && edge !== scene.tie, color: edge === scene.tie ? SELECTED_TIE : (TIE_COLORS[tie.mainType] ?? OTHER_TIE), size: Math.min(10, 0.8 + 1.6 * Math.sqrt(tie.weight)), type: 'line' };
    }
    if (!isEventNetworkEdge(data.relation)) return { hidden: true };
    const weak = data.relation === 'participant' && isWeakFoundBy(data.foundBy);
    if (weak && !scene.weak) return { hidden: true };
    const curvature = curvatures.get(edge);
    const display: Partial<EdgeDisplayData> & { curvature?: number } = { color: weak ? theme.weak : (theme.edges as Record<string, string>)[data.relation] ?? theme.edges.participant, size: weak ? 0.5 : 1, type: curvature === undefined ? 'line' : 'curved' };
    if (curvature !== undefined) display.curvature = curvature;
    if (key !== null && !graph.hasExtremity(edge, key)) display.hidden = true;
    return display;
  };

  // Sigma's hover box is white: draw it in the theme's colour so light labels stay readable in dark mode.
  const drawHover = (context: CanvasRenderingContext2D, data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>, settings: Settings<NodeAttributes, EdgeAttributes, GraphAttributes>) => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = theme.hoverBox;
    context.shadowBlur = 8;
    context.shadowColor = '#000';
    const radius = Math.max(data.size, size / 2) + 2;
    context.beginPath();
    if (typeof data.label === 'string') context.roundRect(data.x - radius, data.y - size / 2 - 2, context.measureText(data.label).width + 2 * radius + 5, size + 4, 4);
    context.arc(data.x, data.y, radius, 0, Math.PI * 2);
    context.fill();
    context.shadowBlur = 0;
    drawDiscNodeLabel(context, data, settings as unknown as Settings);
  };

  const standings = new Map<string, LabelStanding>();
  const standing = (key: string) => {
    let known = standings.get(key);
    if (known === undefined && graph.hasNode(key)) {
      let links = 0;
      graph.forEachEdge(key, (_edge, attributes) => void (isEventNetworkEdge(attributes.relation) && links++));
      const node = graph.getNodeAttributes(key);
      standings.set(key, (known = { event: node.kind === 'event', links, mentions: node.mentions }));
    }
    return known;
  };
  const placer = createLabelPlacer(() => theme.halo, () => scene.labels, standing);
  performance.mark('kg:sigma');
  const large = graph.size > LARGE_GRAPH_EDGES;
  const construct = () => new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
    nodeProgramClasses: { circle: NodeDiscProgram, diamond: NodeDiamondProgram },
    // Thin lines on large graphs: a rectangle per edge costs a software renderer several times more per frame.
    edgeProgramClasses: { line: large ? EdgeLineProgram : EdgeRectangleProgram, curved: EdgeCurveProgram },
    defaultEdgeType: 'line',
    // Label candidates, however small the node: the largest two of each 40 px square (more when zoomed in), as a label
    // needs more room than that; label-placement.ts draws those with room around them. Handing over every node of a
    // 10,000-node graph made the frame's label placement take a good part of a second.
    labelRenderedSizeThreshold: 0,
    labelGridCellSize: LABEL_CELL,
    labelDensity: scene.labels > 0 ? LABELS_PER_CELL : 0,
    defaultDrawNodeLabel: (context, data, settings) => placer.draw(context, data, settings as unknown as Settings),
    labelColor: { color: theme.label },
    defaultDrawNodeHover: drawHover,
    hideEdgesOnMove: large,
    hideLabelsOnMove: graph.order > LARGE_GRAPH_NODES,
    enableEdgeEvents: scene.mode === 'people',
    zIndex: true,
    nodeReducer,
    edgeReducer,
  });
  // On a large graph the first frame shows the nodes, the next one the edges too. Labels come with the next frame on
  // any graph: the label placer listens to frames from the constructor's on.
  const sigma: KgSigma = large ? withNodesOnlyFirstFrame(construct) : construct();
  sigma.scheduleRender();

  const frame = (extent: Extent | null) => frameSigma(sigma, extent);
  frame(initial.extent);

  if (large) treatCameraChangesAsMovement(sigma);

  // One refresh a frame at most: sigma's refresh re-runs the reducers over every node and edge.
  const refreshStyle = () => sigma.scheduleRefresh();
  placer.attach(sigma as unknown as LabelRenderer);
  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    updateFocus();
    refreshStyle();
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    updateFocus();
    refreshStyle();
  });
  sigma.getCamera().on('updated', (camera) => {
    const next = camera.ratio <= EVENT_LABEL_RATIO;
    if (next === zoomedIn) return;
    zoomedIn = next;
    refreshStyle();
  });
  sigma.on('clickNode', ({ node, event }) => handlers.onClickNode(node, (event.original as MouseEvent).shiftKey === true));
  sigma.on('clickEdge', ({ edge }) => {
    if (scene.view.ties.has(edge)) handlers.onClickTie(edge);
  });
  sigma.on('clickStage', () => handlers.onClickStage());

  return {
    sigma,
    update(next, key) {
      const nextSelected = key !== null && graph.hasNode(key) ? key : null;
      // A refresh re-runs the reducers over the whole graph: none when nothing drawn changes (the viewer's first apply).
      if (nextSelected === selected && sameScene(next, scene)) return;
      if (next.labels > 0 !== scene.labels > 0) sigma.setSetting('labelDensity', next.labels > 0 ? LABELS_PER_CELL : 0);
      if ((next.mode === 'people') !== sigma.getSetting('enableEdgeEvents')) sigma.setSetting('enableEdgeEvents', next.mode === 'people');
      scene = next;
      selected = nextSelected;
      updateFocus();
      refreshStyle();
    },
    frame,
    labelBoxes: () => placer.drawn(),
    attachLabels: (other) => placer.attach(other as unknown as LabelRenderer),
    setTheme(name) {
      if (THEMES[name] === theme) return;
      theme = THEMES[name];
      sigma.setSetting('labelColor', { color: theme.label });
    },
    focusNode(key) {
      // After the frame already asked for: a refresh re-runs the reducers at once but normalises the positions only when it
      // draws, so until then the display data holds graph coordinates and the camera would fly off the graph.
      requestAnimationFrame(() => {
        const data = sigma.getNodeDisplayData(key);
        if (!data) return;
        const camera = sigma.getCamera();
        camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
      });
    },
  };
}
