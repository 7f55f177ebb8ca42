// The filter sidebar (kind, event type, status, article) and the legend of node kinds.
import { KIND_COLORS, NODE_KINDS, type KgGraph, type NodeKind } from '../../src/graph/model.js';
import type { EventStatus } from '../../src/types.js';
import { h } from './dom.js';
import { EVENT_STATUSES, type ViewState } from './state.js';

export type FilterState = Pick<ViewState, 'kinds' | 'eventTypes' | 'statuses' | 'article'>;

/** Fills the legend: a swatch per kind, events drawn as bordered diamonds. */
export function renderLegend(legend: HTMLElement): void {
  legend.replaceChildren(...NODE_KINDS.map((kind) => h('span', { class: 'legend-item' }, h('span', { class: `swatch swatch-${kind === 'event' ? 'diamond' : 'disc'}`, style: `--swatch:${KIND_COLORS[kind]}` }), kind)));
}

/** Builds the filter checkboxes and article menu; `onChange` gets the new filters, `update` syncs the controls with a state. */
export function mountFilters(container: HTMLElement, graph: KgGraph, onChange: (filters: FilterState) => void): { update(filters: FilterState): void } {
  const eventTypes = [...new Set(graph.mapNodes((_k, n) => (n.kind === 'event' ? n.eventType : null)).filter((t): t is string => t !== null))].sort();
  const articles = graph.getAttribute('articles');
  let current: FilterState = { kinds: null, eventTypes: null, statuses: null, article: null };

  const group = <T extends string>(title: string, name: string, values: readonly T[], get: (f: FilterState) => T[] | null, set: (f: FilterState, v: T[] | null) => FilterState) => {
    const boxes = values.map((value) => {
      const box = h('input', { type: 'checkbox', name, value, id: `filter-${name}-${value}` });
      box.addEventListener('change', () => {
        const chosen = boxes.filter((b) => b.checked).map((b) => b.value as T);
        current = set(current, chosen.length === values.length ? null : chosen);
        onChange(current);
      });
      return box;
    });
    const fieldset = h('fieldset', {}, h('legend', {}, title), ...boxes.map((box) => h('label', { class: 'check' }, box, ` ${box.value}`)));
    return { fieldset, sync: () => boxes.forEach((box) => (box.checked = (get(current) ?? values).includes(box.value as T))) };
  };
  const kinds = group<NodeKind>('Kinds', 'kind', NODE_KINDS, (f) => f.kinds, (f, v) => ({ ...f, kinds: v }));
  const types = group<string>('Event types', 'type', eventTypes, (f) => f.eventTypes, (f, v) => ({ ...f, eventTypes: v }));
  const statuses = group<EventStatus>('Status', 'status', EVENT_STATUSES, (f) => f.statuses, (f, v) => ({ ...f, statuses: v }));
  const select = h('select', { id: 'filter-article' }, h('option', { value: '' }, 'All articles'), ...articles.map((a) => h('option', { value: a.id }, a.title ? `${a.title} (${a.id})` : a.id)));
  select.addEventListener('change', () => {
    current = { ...current, article: select.value === '' ? null : select.value };
    onChange(current);
  });
  container.replaceChildren(kinds.fieldset, types.fieldset, statuses.fieldset, h('fieldset', {}, h('legend', {}, 'Article'), select));
  return {
    update(filters) {
      current = { ...filters };
      kinds.sync();
      types.sync();
      statuses.sync();
      select.value = filters.article ?? '';
    },
  };
}
