// The viewer, loaded by the page's entry (main.ts) while it draws the first frame: loads the graph, mounts renderer,
// search, filters, time range, panel and exports, and keeps the URL in step.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { KgGraph } from '../../src/graph/model.js';
import { computeAppearance, type Appearance } from './appearance.js';
import { mountFilters, renderLegend } from './controls.js';
import { h } from './dom.js';
import { exportPng } from './export-png.js';
import type { Picture } from './first-frame.js';
import { networkExtent, type FrameChoice } from './framing.js';
import { computeView, indexEntityEvents, type View } from './filters.js';
import { writeGexf, writeGraphml } from './graph-files.js';
import { mountKeyboard } from './keyboard.js';
import type { LabelBox } from './label-placement.js';
import { GraphLoadError, loadGraph } from './load-graph.js';
import { renderPanel, renderTie } from './panel.js';
import { TIE_COLORS } from './projection.js';
import { isEventNetworkEdge } from '../../src/graph/model.js';
import { showMessage } from './message.js';
import { createRenderer, type KgSigma } from './renderer.js';
import { mountSearch } from './search.js';
import { formatViewState, parseViewState, type ViewState } from './state.js';
import { THEME_KEY, type Theme } from './theme.js';
import { countEventsByMonth, mountTimeline } from './timeline.js';

/** What the page exposes for tests and the benchmark: read-only views of the running viewer. */
export interface ViewerHandle {
  sigma: KgSigma;
  graph: KgGraph;
  visibleNodes(): string[];
  visibleTies(): string[];
  state(): ViewState;
  /** The boxes of the labels drawn in the last frame, with their nodes' keys. */
  labelBoxes(): LabelBox[];
  /** performance.now() of the first frame drawn (on a large graph, or from the drawing file, its nodes only). */
  firstRenderAt: number | null;
  /** What the first frame was drawn from: the drawing file (the default view of a graph that has one) or graph.json. */
  firstFrameFrom: 'viewer.json' | 'graph.json';
  /** performance.now() of the renderer's next frame: the first with the labels, and on a large graph the edges. */
  fullFrameAt: number | null;
}

declare global {
  interface Window {
    kgViewer?: ViewerHandle;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// The fields that change what is shown; the selection counts only for the ego view.
const viewKey = (s: ViewState) => JSON.stringify([s.mode, s.kinds, s.eventTypes, s.statuses, s.article, s.from, s.to, s.undated, s.hideIdle, s.inferred, s.weak, s.core, s.largest, s.ego, s.ego > 0 ? s.selected : null, s.onlyPicked ? s.picked : null]);

/** Links per shown node in the shown network: edges of the event network, or ties in the people mode. */
function shownDegrees(graph: KgGraph, view: View, state: ViewState): Map<string, number> {
  const degree = new Map<string, number>();
  const count = (a: string, b: string) => {
    if (!view.nodes.has(a) || !view.nodes.has(b)) return;
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  };
  if (state.mode === 'people') for (const edge of view.ties.keys()) count(graph.source(edge), graph.target(edge));
  else graph.forEachEdge((_e, attributes, source, target) => isEventNetworkEdge(attributes.relation) && count(source, target));
  return degree;
}

/** Starts the viewer on the state and theme the entry read, replacing the entry's picture (if it drew one) with the renderer. */
export async function startViewer(initial: ViewState, initialTheme: Theme, picture: Picture | null): Promise<void> {
  try {
    await mountViewer(initial, initialTheme, picture);
  } catch (error) {
    showMessage(error instanceof GraphLoadError ? error.message : `Cannot start the viewer: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function mountViewer(initial: ViewState, initialTheme: Theme, picture: Picture | null): Promise<void> {
  let state = initial;
  let theme = initialTheme;
  const graph = await loadGraph('./graph.json').catch((error: unknown) => {
    picture?.kill();
    throw error;
  });
  const index = indexEntityEvents(graph);
  const hasTies = index.ties.length > 0;
  const panel = byId('panel');
  const scene = (s: ViewState, view: View, appearance: Appearance) => ({ mode: s.mode, view, appearance, weak: s.weak, labels: s.labels, picked: new Set(s.picked), tie: s.tie });
  const appearanceOf = (s: ViewState, view: View) => {
    const degrees = s.colorBy === 'degree' || s.sizeBy === 'degree' ? shownDegrees(graph, view, s) : null;
    return computeAppearance(graph, view.nodes, s.colorBy, s.sizeBy, (key) => degrees?.get(key) ?? 0);
  };
  let view = computeView(graph, index, state);
  let appearance = appearanceOf(state, view);
  let shownKey = viewKey(state);
  performance.mark('kg:view');

  const select = (key: string | null) => apply({ ...state, selected: key, tie: null });
  const frameKey = (s: FrameChoice) => `${s.mode}|${s.hideIdle}`;
  let framed = frameKey(state);
  picture?.kill();
  const renderer = createRenderer(graph, byId('sigma-container'), { scene: scene(state, view, appearance), selected: state.selected, theme, extent: networkExtent(graph, index, state) }, {
    onClickNode: (key, shift) => {
      if (!shift) return select(key);
      const picked = state.picked.includes(key) ? state.picked.filter((k) => k !== key) : [...state.picked, key];
      apply({ ...state, picked });
    },
    onClickTie: (edge) => apply({ ...state, tie: edge, selected: null }),
    onClickStage: () => select(null),
  });
  // The constructor drew its first frame (the first of the page without a drawing file); the controls are mounted after it.
  const firstRenderAt = picture?.at ?? performance.now();
  const handle: ViewerHandle = { sigma: renderer.sigma, graph, visibleNodes: () => [...view.nodes], visibleTies: () => [...view.ties.keys()], state: () => state, labelBoxes: () => renderer.labelBoxes(), firstRenderAt, firstFrameFrom: picture === null ? 'graph.json' : 'viewer.json', fullFrameAt: null };
  // The full model check starts once that frame is on screen (the next animation frame): on a machine of two cores it
  // would otherwise slow the frame down.
  renderer.sigma.once('afterRender', () => {
    handle.fullFrameAt = performance.now();
    requestAnimationFrame(validate);
  });
  window.kgViewer = handle;

  const setTheme = (next: Theme) => {
    theme = next;
    document.documentElement.dataset.theme = theme;
    byId('theme-toggle').textContent = theme === 'dark' ? 'Light' : 'Dark';
    renderer.setTheme(theme);
    timeline.redraw();
  };

  const filters = mountFilters(byId('filters'), graph, hasTies, (change) => apply({ ...state, ...change }));
  const timeline = mountTimeline(byId('timeline'), countEventsByMonth(graph), (range) => apply({ ...state, ...range }));
  mountSearch(graph, byId('search-input'), byId('search-results'), (key) => {
    apply({ ...state, selected: key, tie: null });
    renderer.focusNode(key);
  });

  function apply(next: ViewState): void {
    if (next.selected !== null && !graph.hasNode(next.selected)) next = { ...next, selected: null };
    if (next.tie !== null && (next.mode !== 'people' || !graph.hasEdge(next.tie))) next = { ...next, tie: null };
    const key = viewKey(next);
    const viewChanged = key !== shownKey;
    if (viewChanged) view = computeView(graph, index, next);
    if (viewChanged || next.colorBy !== state.colorBy || next.sizeBy !== state.sizeBy) appearance = appearanceOf(next, view);
    const tieChanged = next.tie !== state.tie || viewChanged;
    shownKey = key;
    state = next;
    if (frameKey(state) !== framed) {
      framed = frameKey(state);
      renderer.frame(networkExtent(graph, index, state));
    }
    renderer.update(scene(state, view, appearance), state.selected);
    const ctx = { graph, events: index, isVisible: (k: string) => view.nodes.has(k), onSelect: (k: string) => select(k), onClose: () => select(null) };
    if (state.tie !== null) {
      if (tieChanged || panel.dataset.tie !== state.tie) renderTie(panel, state.tie, view.ties.get(state.tie), ctx);
    } else if (state.selected !== null) {
      if (panel.dataset.node !== state.selected) renderPanel(panel, state.selected, ctx);
    } else {
      panel.hidden = true;
      delete panel.dataset.node;
      delete panel.dataset.tie;
    }
    // Events are not nodes of the people network: there an event is shown when a shown tie goes through it.
    const shownEvents = state.mode === 'people' ? new Set([...view.ties.values()].flatMap((t) => t.events)) : view.nodes;
    panel.querySelectorAll<HTMLElement>('.event-row').forEach((row) => row.classList.toggle('filtered-out', !shownEvents.has(row.dataset.key ?? '')));
    filters.update(state);
    timeline.update(state);
    renderLegend(byId('legend'), appearance.legend, state.mode);
    const shown = state.mode === 'people' ? `${view.nodes.size} entities, ${view.ties.size} ties` : `${view.nodes.size} of ${graph.order} nodes`;
    const status = byId('status');
    status.textContent = `${shown} shown`;
    // Cut to one line when the toolbar is narrow: the whole of it on hover.
    status.title = status.textContent;
    const hash = formatViewState(state);
    if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }

  let layout: FA2Layout | null = null;
  const layoutButton = byId<HTMLButtonElement>('layout-toggle');
  layoutButton.addEventListener('click', () => {
    layout ??= new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 } });
    if (layout.isRunning()) layout.stop();
    else layout.start();
    layoutButton.textContent = layout.isRunning() ? 'Stop layout' : 'Run layout';
  });
  const camera = renderer.sigma.getCamera();
  byId('camera-reset').addEventListener('click', () => void camera.animatedReset({ duration: 300 }));
  byId('zoom-in').addEventListener('click', () => void camera.animatedZoom({ duration: 200 }));
  byId('zoom-out').addEventListener('click', () => void camera.animatedUnzoom({ duration: 200 }));
  byId('theme-toggle').addEventListener('click', () => {
    setTheme(theme === 'dark' ? 'light' : 'dark');
    localStorage.setItem(THEME_KEY, theme);
  });
  byId('filters-toggle').addEventListener('click', () => {
    document.body.dataset.filters = document.body.dataset.filters === 'open' ? 'closed' : 'open';
  });
  byId('export-png').addEventListener('click', () => {
    const range = byId('range-label').textContent ?? '';
    void exportPng(renderer.sigma, { background: theme === 'dark' ? '#1c1e22' : '#ffffff', ink: theme === 'dark' ? '#e6e6e6' : '#222222', legend: state.mode === 'people' ? [...appearance.legend, ...Object.entries(TIE_COLORS).map(([type, color]) => ({ label: `${type} tie`, color }))] : appearance.legend, mode: state.mode, range, shown: byId('status').textContent ?? '' }, renderer.attachLabels).then((blob) => download('kg-view.png', blob));
  });
  byId('export-graphml').addEventListener('click', () => download('kg-filtered.graphml', new Blob([writeGraphml(graph, view.nodes)], { type: 'application/xml' })));
  byId('export-gexf').addEventListener('click', () => download('kg-filtered.gexf', new Blob([writeGexf(graph, view.nodes)], { type: 'application/xml' })));
  window.addEventListener('hashchange', () => apply(parseViewState(window.location.hash)));
  mountKeyboard({
    search: byId('search-input'),
    help: byId('help'),
    clear: () => apply({ ...state, selected: null, tie: null }),
    step: (delta) => timeline.step(delta),
    play: () => timeline.togglePlay(),
  });
  byId('help-toggle').addEventListener('click', () => (byId('help').hidden = !byId('help').hidden));

  setTheme(theme);
  apply(state);
  if (state.selected !== null) renderer.focusNode(state.selected);
  document.body.dataset.state = 'ready';

  // The full model check, off the main thread once the graph is drawn: a graph that fails it is not shown.
  function validate(): void {
    const worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (message: MessageEvent<string | null>) => {
      worker.terminate();
      if (message.data !== null) showMessage(message.data);
      document.body.dataset.validated = message.data === null ? 'ok' : 'failed';
    };
    worker.postMessage(new URL('./graph.json', window.location.href).href);
  }
}
