// The view state (mode, selection, filters, appearance, time range) and its round trip through the URL hash, so a reload restores the view.
import { NODE_KINDS, type NodeKind } from '../../src/graph/kinds.js';
import type { EventStatus } from '../../src/types.js';

export const EVENT_STATUSES: readonly EventStatus[] = ['occurred', 'planned', 'cancelled'];
export const VIEW_MODES = ['events', 'people'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];
export const COLOR_BYS = ['kind', 'community', 'degree', 'mentions', 'country'] as const;
export type ColorBy = (typeof COLOR_BYS)[number];
export const SIZE_BYS = ['default', 'degree', 'mentions'] as const;
export type SizeBy = (typeof SIZE_BYS)[number];
export const MAX_CORE = 20;

export interface ViewState {
  /** events: entities and their events; people: entities linked by the projection's interacted_with ties. */
  mode: ViewMode;
  /** Key of the selected node, or null. */
  selected: string | null;
  /** Key of the selected tie (an interacted_with edge) in the people mode, or null. */
  tie: string | null;
  /** Nodes picked with shift-click, and whether only they are shown. */
  picked: string[];
  onlyPicked: boolean;
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
  /** Whether entities with no event left (in the window, of the chosen types) are hidden, and those with no event or office edge at all. */
  hideIdle: boolean;
  /** Whether events dated only by a rule (dateInferred) are shown. */
  inferred: boolean;
  /** Whether participants found other than by name (foundBy role, pronoun, group...) are shown. */
  weak: boolean;
  /** Only nodes of the k-core of the shown graph (0: no filter). */
  core: number;
  /** Only the largest connected component. */
  largest: boolean;
  /** Only the selected node and its neighbours to this depth (0: no ego view). */
  ego: 0 | 1 | 2;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** sigma's label density (labels per grid cell). */
  labels: number;
}

export const DEFAULT_LABEL_DENSITY = 1;

export const DEFAULT_VIEW_STATE: ViewState = {
  mode: 'events',
  selected: null,
  tie: null,
  picked: [],
  onlyPicked: false,
  kinds: null,
  eventTypes: null,
  statuses: null,
  article: null,
  from: null,
  to: null,
  undated: true,
  hideIdle: true,
  inferred: true,
  weak: true,
  core: 0,
  largest: false,
  ego: 0,
  colorBy: 'kind',
  sizeBy: 'default',
  labels: DEFAULT_LABEL_DENSITY,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const list = (value: string | null): string[] | null => (value === null ? null : value.split(',').filter((v) => v !== ''));
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

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
  const core = Math.round(Number(params.get('core')));
  const labels = Number(params.get('labels') ?? DEFAULT_LABEL_DENSITY);
  const ego = Number(params.get('ego'));
  return {
    mode: oneOf(VIEW_MODES, params.get('mode'), 'events'),
    selected: params.get('node') || null,
    tie: params.get('tie') || null,
    picked: list(params.get('pick')) ?? [],
    onlyPicked: params.get('only') === '1',
    kinds: kinds === null ? null : NODE_KINDS.filter((k) => kinds.includes(k)),
    eventTypes: list(params.get('types')),
    statuses: statuses === null ? null : EVENT_STATUSES.filter((s) => statuses.includes(s)),
    article: params.get('article') || null,
    from,
    to,
    undated: params.get('undated') !== '0',
    hideIdle: params.get('idle') !== '1',
    inferred: params.get('inferred') !== '0',
    weak: params.get('weak') !== '0',
    core: Number.isFinite(core) ? Math.max(0, Math.min(MAX_CORE, core)) : 0,
    largest: params.get('largest') === '1',
    ego: ego === 1 || ego === 2 ? ego : 0,
    colorBy: oneOf(COLOR_BYS, params.get('color'), 'kind'),
    sizeBy: oneOf(SIZE_BYS, params.get('size'), 'default'),
    labels: Number.isFinite(labels) && labels >= 0 && labels <= 5 ? labels : DEFAULT_LABEL_DENSITY,
  };
}

/** Writes the state as a location hash, leaving defaults out so that URLs stay short. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.mode !== 'events') params.set('mode', state.mode);
  if (state.selected !== null) params.set('node', state.selected);
  if (state.tie !== null) params.set('tie', state.tie);
  if (state.picked.length > 0) params.set('pick', state.picked.join(','));
  if (state.onlyPicked) params.set('only', '1');
  if (state.kinds !== null) params.set('kinds', state.kinds.join(','));
  if (state.eventTypes !== null) params.set('types', state.eventTypes.join(','));
  if (state.statuses !== null) params.set('status', state.statuses.join(','));
  if (state.article !== null) params.set('article', state.article);
  if (state.from !== null) params.set('from', state.from);
  if (state.to !== null) params.set('to', state.to);
  if (!state.undated) params.set('undated', '0');
  if (!state.hideIdle) params.set('idle', '1');
  if (!state.inferred) params.set('inferred', '0');
  if (!state.weak) params.set('weak', '0');
  if (state.core > 0) params.set('core', String(state.core));
  if (state.largest) params.set('largest', '1');
  if (state.ego > 0) params.set('ego', String(state.ego));
  if (state.colorBy !== 'kind') params.set('color', state.colorBy);
  if (state.sizeBy !== 'default') params.set('size', state.sizeBy);
  if (state.labels !== DEFAULT_LABEL_DENSITY) params.set('labels', String(state.labels));
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}
