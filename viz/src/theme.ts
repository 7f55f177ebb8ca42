// The viewer's two themes: the colours the renderer draws with beside the node colours, which come from the graph.
export type Theme = 'light' | 'dark';

export const THEMES = {
  light: { label: '#222222', halo: '#ffffff', dimmed: '#e4e4e4', hoverBox: '#ffffff', edges: { participant: '#b9b9b9', location: '#d6bfd0', leader_of: '#e9a5a6', official_of: '#f0c8c8', member_of: '#a9c2dc', located_in: '#d9d9d9' }, weak: '#e6e6e6', inferredMix: '#ffffff' },
  dark: { label: '#e6e6e6', halo: '#1c1e22', dimmed: '#34373d', hoverBox: '#2b2e33', edges: { participant: '#5d6168', location: '#6a5766', leader_of: '#8c5a5b', official_of: '#6e5050', member_of: '#4f6378', located_in: '#4a4d52' }, weak: '#3a3d42', inferredMix: '#1c1e22' },
} as const;

const mixColor = (a: string, b: string, t: number) => {
  const c = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(c(a, i) * (1 - t) + c(b, i) * t).toString(16).padStart(2, '0')).join('')}`;
};

/** An event's colour when its date is inferred: paler, as the legend says. */
export const paler = (color: string, colors: (typeof THEMES)[Theme]) => mixColor(color, colors.inferredMix, 0.55);
export const inferredColor = (color: string, name: Theme) => paler(color, THEMES[name]);

/** Where the theme chosen with the toggle is kept. */
export const THEME_KEY = 'kg-viewer-theme';

/** The theme chosen before, else the system's. */
export function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
