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
