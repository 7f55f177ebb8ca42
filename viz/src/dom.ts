// Tiny DOM builder: every string becomes a text node, so article text can never be parsed as HTML.
type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (class, title, type, data-*...) and children appended as text nodes or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    // href and src go through setAttribute only after the caller vetted them (see safeHref).
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Returns the URL when it is http(s), else null: article metadata is untrusted and must not yield javascript: links. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const SVG = 'http://www.w3.org/2000/svg';
/** Play and pause as drawn shapes: the Unicode pause sign has no glyph in Debian's default fonts and shows as an empty box. */
const ICONS = { play: 'M4 2 L13 8 L4 14 Z', pause: 'M3 2 H7 V14 H3 Z M9 2 H13 V14 H9 Z' } as const;

/** A 16 px SVG icon (play or pause) in the current text colour. */
export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.icon = name;
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
