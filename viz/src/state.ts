// The view state (selection, filters, time range) and its round trip through the URL hash, so a reload restores the view.
import { NODE_KINDS, type NodeKind } from '../../src/graph/model.js';
import type { EventStatus } from '../../src/types.js';

export const EVENT_STATUSES: readonly EventStatus[] = ['occurred', 'planned', 'cancelled'];

export interface ViewState {
  /** Key of the selected node, or null. */
  selected: string | null;
  /** Kinds shown; null shows all. */
  kinds: NodeKind[] | null;
  /** Event types shown; null shows all. */
  eventTypes: string[] | null;
  /** Event statuses shown; null shows all. */
  statuses: EventStatus[] | null;
  /** Only nodes mentioned in this article, or null for all. */
  article: string | null;
  /** First and last month (YYYY-MM, inclusive) of the time range; null leaves that end open. */
  from: string | null;
  to: string | null;
  /** Whether events with no known date are shown. */
  undated: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  selected: null,
  kinds: null,
  eventTypes: null,
  statuses: null,
  article: null,
  from: null,
  to: null,
  undated: true,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const list = (value: string | null): string[] | null => (value === null ? null : value.split(',').filter((v) => v !== ''));

/** Reads the state from a location hash ("#node=person:x&from=2025-01..."); unknown or malformed values fall back to defaults. */
export function parseViewState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const month = (name: string) => {
    const value = params.get(name);
    return value !== null && MONTH.test(value) ? value : null;
  };
  const kinds = list(params.get('kinds'));
  const statuses = list(params.get('status'));
  let from = month('from');
  let to = month('to');
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    selected: params.get('node') || null,
    kinds: kinds === null ? null : NODE_KINDS.filter((k) => kinds.includes(k)),
    eventTypes: list(params.get('types')),
    statuses: statuses === null ? null : EVENT_STATUSES.filter((s) => statuses.includes(s)),
    article: params.get('article') || null,
    from,
    to,
    undated: params.get('undated') !== '0',
  };
}

/** Writes the state as a location hash, leaving defaults out so that URLs stay short. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selected !== null) params.set('node', state.selected);
  if (state.kinds !== null) params.set('kinds', state.kinds.join(','));
  if (state.eventTypes !== null) params.set('types', state.eventTypes.join(','));
  if (state.statuses !== null) params.set('status', state.statuses.join(','));
  if (state.article !== null) params.set('article', state.article);
  if (state.from !== null) params.set('from', state.from);
  if (state.to !== null) params.set('to', state.to);
  if (!state.undated) params.set('undated', '0');
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}
