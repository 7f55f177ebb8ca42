// Colour and size by attribute (kind, Louvain community, degree, mentions, country) and the legend that goes with the choice.
import { KIND_COLORS, NODE_KINDS, type KgGraph, type NodeAttributes } from '../../src/graph/model.js';
import type { ColorBy, SizeBy } from './state.js';

/** A legend entry: a category with its colour and count, or the two ends of a numeric scale. */
export type LegendEntry = { label: string; color: string; count?: number; shape?: 'disc' | 'diamond' } | { scale: [string, string]; low: number; high: number };

export interface Appearance {
  /** Colour per node, or null to keep each node's own (the build-time kind colour). */
  colors: Map<string, string> | null;
  /** Size per node, or null to keep each node's own. */
  sizes: Map<string, number> | null;
  legend: LegendEntry[];
}

// Tableau 10, then grey for the rest: more than ten categories cannot be told apart by colour anyway.
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf'];
export const OTHER_COLOR = '#b4b4b4';
const SCALE: [string, string] = ['#d6e4f0', '#08306b'];
const MIN_SIZE = 3;
const MAX_SIZE = 18;

/** The country a node belongs to: a person's or a place's country, a country itself; organisations and events have none. */
export function countryOf(node: NodeAttributes): string | null {
  if (node.kind === 'country') return node.iso2;
  if (node.kind === 'person' || node.kind === 'place') return node.country;
  return null;
}

function mix(low: string, high: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(channel(low, i) + (channel(high, i) - channel(low, i)) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** Colours by category: the ten largest categories get the palette, the others grey, nodes with no value stay grey too. */
function categorical(keys: string[], valueOf: (key: string) => string | null, name: (value: string) => string): { colors: Map<string, string>; legend: LegendEntry[] } {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const value = valueOf(key);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colorOf = new Map(ranked.slice(0, PALETTE.length).map(([value], i) => [value, PALETTE[i]]));
  const colors = new Map<string, string>();
  let other = 0;
  for (const key of keys) {
    const value = valueOf(key);
    const color = value === null ? undefined : colorOf.get(value);
    colors.set(key, color ?? OTHER_COLOR);
    if (color === undefined) other += 1;
  }
  const legend: LegendEntry[] = ranked.slice(0, PALETTE.length).map(([value, count]) => ({ label: name(value), color: colorOf.get(value)!, count }));
  if (other > 0) legend.push({ label: 'other', color: OTHER_COLOR, count: other });
  return { colors, legend };
}

/** A numeric value per node on a square-root scale (degrees and mentions are heavy-tailed). */
function numeric(keys: string[], valueOf: (key: string) => number): { values: Map<string, number>; low: number; high: number; t: (value: number) => number } {
  const values = new Map(keys.map((key) => [key, valueOf(key)]));
  let low = Infinity;
  let high = -Infinity;
  for (const value of values.values()) [low, high] = [Math.min(low, value), Math.max(high, value)];
  if (!Number.isFinite(low)) [low, high] = [0, 0];
  const span = Math.sqrt(high) - Math.sqrt(low);
  return { values, low, high, t: (value) => (span > 0 ? (Math.sqrt(value) - Math.sqrt(low)) / span : 0.5) };
}

/**
 * Colours and sizes for the shown nodes. `degree` counts a node's links in the shown network; `community` is the
 * build's Louvain community.
 */
export function computeAppearance(graph: KgGraph, shown: Set<string>, colorBy: ColorBy, sizeBy: SizeBy, degree: (key: string) => number): Appearance {
  const keys = [...shown];
  let colors: Map<string, string> | null = null;
  let legend: LegendEntry[];
  const attributes = (key: string) => graph.getNodeAttributes(key);
  if (colorBy === 'kind') {
    const present = new Set(keys.map((key) => attributes(key).kind));
    legend = NODE_KINDS.filter((kind) => present.has(kind) || keys.length === 0).map((kind) => ({ label: kind, color: KIND_COLORS[kind], shape: kind === 'event' ? 'diamond' : 'disc' }));
  } else if (colorBy === 'community') {
    ({ colors, legend } = categorical(keys, (key) => String(attributes(key).community), (value) => `community ${value}`));
  } else if (colorBy === 'country') {
    ({ colors, legend } = categorical(keys, (key) => countryOf(attributes(key)), (value) => value));
  } else {
    const scale = numeric(keys, colorBy === 'degree' ? degree : (key) => attributes(key).mentions);
    colors = new Map([...scale.values].map(([key, value]) => [key, mix(SCALE[0], SCALE[1], scale.t(value))]));
    legend = [{ scale: SCALE, low: scale.low, high: scale.high }];
  }
  let sizes: Map<string, number> | null = null;
  if (sizeBy !== 'default') {
    const scale = numeric(keys, sizeBy === 'degree' ? degree : (key) => attributes(key).mentions);
    sizes = new Map([...scale.values].map(([key, value]) => [key, MIN_SIZE + (MAX_SIZE - MIN_SIZE) * scale.t(value)]));
  }
  return { colors, sizes, legend };
}
