// The filter sidebar (mode, appearance, structure, evidence, kind, event type, status, article) and the legend.
import { NODE_KINDS, type KgGraph, type NodeKind } from '../../src/graph/model.js';
import type { EventStatus } from '../../src/types.js';
import type { LegendEntry } from './appearance.js';
import { h } from './dom.js';
import { PEOPLE_KINDS, TIE_COLORS } from './projection.js';
import { COLOR_BYS, EVENT_STATUSES, MAX_CORE, SIZE_BYS, type ViewMode, type ViewState } from './state.js';

/** The kinds either network draws (articles are read from the panel, never drawn). */
const DRAWN_KINDS: readonly NodeKind[] = NODE_KINDS.filter((kind) => kind !== 'article');

/** Fills the legend: the colour entries of the current choice, then what the mode draws specially. */
export function renderLegend(legend: HTMLElement, entries: LegendEntry[], mode: ViewMode): void {
  const items = entries.map((entry) => {
    if ('scale' in entry) {
      return h('span', { class: 'legend-item legend-scale' }, `${entry.low}`, h('span', { class: 'scale', style: `--low:${entry.scale[0]};--high:${entry.scale[1]}` }), `${entry.high}`);
    }
    return h('span', { class: 'legend-item' }, h('span', { class: `swatch swatch-${entry.shape ?? 'disc'}`, style: `--swatch:${entry.color}` }), entry.count === undefined ? entry.label : `${entry.label} (${entry.count})`);
  });
  const notes =
    mode === 'people'
      ? Object.entries(TIE_COLORS).map(([type, color]) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch swatch-line', style: `--swatch:${color}` }), type))
      : [h('span', { class: 'legend-item legend-note', title: 'Events whose date a rule inferred' }, h('span', { class: 'swatch swatch-diamond swatch-inferred' }), 'date inferred (≈)'), h('span', { class: 'legend-item legend-note', title: 'Participants found through a role, pronoun or group, not by name' }, h('span', { class: 'swatch swatch-line swatch-weak' }), 'weak participant')];
  legend.replaceChildren(...items, ...notes);
}

export interface FiltersControl {
  update(state: ViewState): void;
}

/** Builds the sidebar; `onChange` gets the changed fields, `update` syncs the controls with a state. */
export function mountFilters(container: HTMLElement, graph: KgGraph, hasTies: boolean, onChange: (change: Partial<ViewState>) => void): FiltersControl {
  const eventTypes = [...new Set(graph.mapNodes((_k, n) => (n.kind === 'event' ? n.eventType : null)).filter((t): t is string => t !== null))].sort();
  const articles = graph.getAttribute('articles');
  let current: ViewState | null = null;
  const syncs: (() => void)[] = [];
  const state = () => current!;

  // `applies` hides the boxes that mean nothing in the current mode (they keep their value for the other mode).
  const group = <T extends string>(title: string, name: string, values: readonly T[], get: (f: ViewState) => T[] | null, set: (v: T[] | null) => Partial<ViewState>, applies: (value: T, s: ViewState) => boolean = () => true, note?: HTMLElement) => {
    const boxes = values.map((value) => {
      const box = h('input', { type: 'checkbox', name, value, id: `filter-${name}-${value}` });
      box.addEventListener('change', () => {
        const chosen = boxes.filter((b) => b.checked).map((b) => b.value as T);
        onChange(set(chosen.length === values.length ? null : chosen));
      });
      return box;
    });
    const labels = boxes.map((box) => h('label', { class: 'check' }, box, ` ${box.value}`));
    syncs.push(() =>
      boxes.forEach((box, i) => {
        box.checked = (get(state()) ?? values).includes(box.value as T);
        labels[i].hidden = !applies(box.value as T, state());
      }),
    );
    return h('fieldset', {}, h('legend', {}, title), ...labels, ...(note ? [note] : []));
  };
  const toggle = (id: string, text: string, get: (s: ViewState) => boolean, set: (v: boolean) => Partial<ViewState>, title?: string) => {
    const box = h('input', { type: 'checkbox', id });
    box.addEventListener('change', () => onChange(set(box.checked)));
    syncs.push(() => (box.checked = get(state())));
    return h('label', { class: 'check', title }, box, ` ${text}`);
  };
  const select = <T extends string | number>(id: string, text: string, options: readonly [T, string][], get: (s: ViewState) => T, set: (v: string) => Partial<ViewState>) => {
    const menu = h('select', { id }, ...options.map(([value, name]) => h('option', { value: String(value) }, name)));
    menu.addEventListener('change', () => onChange(set(menu.value)));
    syncs.push(() => (menu.value = String(get(state()))));
    return h('label', { class: 'row' }, `${text} `, menu);
  };

  const modes = (['events', 'people'] as const).map((mode) => {
    const radio = h('input', { type: 'radio', name: 'mode', value: mode, id: `mode-${mode}` });
    radio.addEventListener('change', () => radio.checked && onChange({ mode, tie: null }));
    syncs.push(() => (radio.checked = state().mode === mode));
    return h('label', { class: 'check' }, radio, mode === 'events' ? ' events' : ' people (who met whom)');
  });
  const peopleNote = h('p', { id: 'people-note', class: 'note', hidden: true }, 'This graph has no interacted_with ties: rebuild it with a kg that writes the projection to see who met whom.');
  syncs.push(() => (peopleNote.hidden = hasTies || state().mode !== 'people'));

  const kindsNote = h('p', { id: 'kinds-note', class: 'note' }, 'Articles are not drawn as nodes: open one from a source in the side panel, or keep one article with the filter below.');
  const density = h('input', { type: 'range', id: 'label-density', min: 0, max: 3, step: 0.1, 'aria-label': 'Label density' });
  density.addEventListener('input', () => onChange({ labels: Number(density.value) }));
  syncs.push(() => (density.value = String(state().labels)));

  const core = h('input', { type: 'number', id: 'filter-core', min: 0, max: MAX_CORE, step: 1, 'aria-label': 'Minimum k-core' });
  core.addEventListener('change', () => onChange({ core: Math.max(0, Math.min(MAX_CORE, Math.round(Number(core.value) || 0))) }));
  syncs.push(() => (core.value = String(state().core)));

  const pickedCount = h('span', { id: 'picked-count' });
  const clearPicked = h('button', { type: 'button', id: 'clear-picked', title: 'Clear the shift-click selection' }, 'clear');
  clearPicked.addEventListener('click', () => onChange({ picked: [], onlyPicked: false }));
  syncs.push(() => {
    pickedCount.textContent = `${state().picked.length} picked (shift-click)`;
    clearPicked.disabled = state().picked.length === 0;
  });

  const article = h('select', { id: 'filter-article' }, h('option', { value: '' }, 'All articles'), ...articles.map((a) => h('option', { value: a.id }, a.title ? `${a.title} (${a.id})` : a.id)));
  article.addEventListener('change', () => onChange({ article: article.value === '' ? null : article.value }));
  syncs.push(() => (article.value = state().article ?? ''));

  container.replaceChildren(
    h('fieldset', {}, h('legend', {}, 'Network'), ...modes, peopleNote),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Appearance'),
      select('color-by', 'Colour', COLOR_BYS.map((c) => [c, c] as [string, string]), (s) => s.colorBy, (v) => ({ colorBy: v as ViewState['colorBy'] })),
      select('size-by', 'Size', SIZE_BYS.map((c) => [c, c] as [string, string]), (s) => s.sizeBy, (v) => ({ sizeBy: v as ViewState['sizeBy'] })),
      h('label', { class: 'row' }, 'Labels ', density),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Structure'),
      h('label', { class: 'row', title: 'Only nodes with at least k neighbours that also have k' }, 'k-core ≥ ', core),
      toggle('filter-largest', 'largest component only', (s) => s.largest, (v) => ({ largest: v })),
      select('filter-ego', 'Ego view', [[0, 'off'], [1, 'depth 1'], [2, 'depth 2']] as [number, string][], (s) => s.ego, (v) => ({ ego: Number(v) as ViewState['ego'] })),
      h('div', { class: 'row' }, pickedCount, ' ', clearPicked),
      toggle('only-picked', 'show only the selection', (s) => s.onlyPicked, (v) => ({ onlyPicked: v })),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Evidence'),
      toggle('filter-inferred', 'inferred dates (≈)', (s) => s.inferred, (v) => ({ inferred: v }), 'Events dated by a rule (a lead sentence and the publication day), not in words'),
      toggle('filter-weak', 'weak participants', (s) => s.weak, (v) => ({ weak: v }), 'Participants found through a role, pronoun, group or demonym, not by name'),
      toggle('filter-idle', 'hide entities with no event left', (s) => s.hideIdle, (v) => ({ hideIdle: v }), 'Those the time window and the chosen types leave with no event, and those named in no event or office at all'),
    ),
    group<NodeKind>('Kinds', 'kind', DRAWN_KINDS, (f) => f.kinds, (v) => ({ kinds: v }), (kind, s) => s.mode !== 'people' || PEOPLE_KINDS.includes(kind), kindsNote),
    group<string>('Event types', 'type', eventTypes, (f) => f.eventTypes, (v) => ({ eventTypes: v })),
    group<EventStatus>('Status', 'status', EVENT_STATUSES, (f) => f.statuses, (v) => ({ statuses: v })),
    h('fieldset', {}, h('legend', {}, 'Article'), article),
  );
  return {
    update(next) {
      current = next;
      for (const sync of syncs) sync();
    },
  };
}
