// The viewer's entry point: loads the graph, mounts renderer, search, filters, time range, panel and exports, and keeps the URL in step.
import { downloadAsPNG } from '@sigma/export-image';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { KgGraph } from '../../src/graph/model.js';
import { mountFilters, renderLegend } from './controls.js';
import { h } from './dom.js';
import { computeVisibleNodes, indexEntityEvents } from './filters.js';
import { writeGexf, writeGraphml } from './graph-files.js';
import { GraphLoadError, loadGraph } from './load-graph.js';
import { renderPanel } from './panel.js';
import { createRenderer, type KgSigma } from './renderer.js';
import { mountSearch } from './search.js';
import { formatViewState, parseViewState, type ViewState } from './state.js';
import { countEventsByMonth, mountTimeline } from './timeline.js';

/** What the page exposes for tests and the benchmark: read-only views of the running viewer. */
export interface ViewerHandle {
  sigma: KgSigma;
  graph: KgGraph;
  visibleNodes(): string[];
  state(): ViewState;
  /** performance.now() of the first frame drawn. */
  firstRenderAt: number | null;
}

declare global {
  interface Window {
    kgViewer?: ViewerHandle;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function showMessage(text: string): void {
  const message = byId('message');
  message.replaceChildren(h('strong', {}, 'The graph cannot be shown. '), h('pre', {}, text));
  message.hidden = false;
  document.body.dataset.state = 'error';
}

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function sameFilters(a: ViewState, b: ViewState): boolean {
  const { selected: _a, ...restA } = a;
  const { selected: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

async function startViewer(): Promise<void> {
  const graph = await loadGraph('./graph.json');
  const events = indexEntityEvents(graph);
  const panel = byId('panel');
  let state = parseViewState(window.location.hash);
  let visible = new Set<string>();
  let rendered = false;

  const select = (key: string | null) => apply({ ...state, selected: key });
  const renderer = createRenderer(graph, byId('sigma-container'), { onClickNode: (key) => select(key), onClickStage: () => select(null) });
  const handle: ViewerHandle = { sigma: renderer.sigma, graph, visibleNodes: () => [...visible], state: () => state, firstRenderAt: null };
  window.kgViewer = handle;
  renderer.sigma.once('afterRender', () => {
    handle.firstRenderAt = performance.now();
    document.body.dataset.state = 'ready';
  });

  const filters = mountFilters(byId('filters'), graph, (next) => apply({ ...state, ...next }));
  const timeline = mountTimeline(byId('timeline'), countEventsByMonth(graph), (range) => apply({ ...state, ...range }));
  renderLegend(byId('legend'));
  mountSearch(graph, byId('search-input'), byId('search-results'), (key) => {
    apply({ ...state, selected: key });
    renderer.focusNode(key);
  });

  function apply(next: ViewState): void {
    if (next.selected !== null && !graph.hasNode(next.selected)) next = { ...next, selected: null };
    if (!rendered || !sameFilters(state, next)) {
      visible = computeVisibleNodes(graph, events, next);
      renderer.setVisible(visible);
    }
    rendered = true;
    state = next;
    renderer.setSelected(state.selected);
    if (state.selected !== null && panel.dataset.node !== state.selected) {
      renderPanel(panel, state.selected, { graph, events, isVisible: (key) => visible.has(key), onSelect: (key) => select(key), onClose: () => select(null) });
    } else if (state.selected === null) {
      panel.hidden = true;
      delete panel.dataset.node;
    }
    panel.querySelectorAll<HTMLElement>('.event-row').forEach((row) => row.classList.toggle('filtered-out', !visible.has(row.dataset.key ?? '')));
    filters.update(state);
    timeline.update(state);
    byId('status').textContent = `${visible.size} of ${graph.order} nodes shown`;
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
  byId('camera-reset').addEventListener('click', () => void renderer.sigma.getCamera().animatedReset({ duration: 300 }));
  byId('export-png').addEventListener('click', () => void downloadAsPNG(renderer.sigma as unknown as Sigma, { fileName: 'kg-view', backgroundColor: '#ffffff' }));
  byId('export-graphml').addEventListener('click', () => download('kg-filtered.graphml', writeGraphml(graph, visible), 'application/xml'));
  byId('export-gexf').addEventListener('click', () => download('kg-filtered.gexf', writeGexf(graph, visible), 'application/xml'));
  window.addEventListener('hashchange', () => apply(parseViewState(window.location.hash)));

  apply(state);
  if (state.selected !== null) renderer.focusNode(state.selected);
}

startViewer().catch((error: unknown) => {
  showMessage(error instanceof GraphLoadError ? error.message : `Cannot start the viewer: ${error instanceof Error ? error.message : String(error)}`);
});
