// Deeply nested HTML: Readability's cost grows with the cube of the nesting depth (2,000 levels: a minute) and linkedom
// overflows its stack past about 4,000. Tags nested deeper than a page needs are dropped, their text kept, in one pass.

/** Deeper than any real page nests its article text (news pages: 20 to 40 levels); Readability takes about 0.5 s here. */
export const MAX_HTML_DEPTH = 100;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

/** The page with every tag past `limit` levels left out (text kept), and its depth; null when it nests no deeper than the limit. */
export function flattenDeepHtml(html: string, limit = MAX_HTML_DEPTH): { html: string; depth: number } | null {
  // Each stack entry says whether its opening tag was kept, so the matching closing tag is kept or dropped with it.
  const stack: { name: string; kept: boolean }[] = [];
  const out: string[] = [];
  let depth = 0;
  let copied = 0;
  let dropped = false;
  const drop = (from: number, to: number): void => {
    out.push(html.slice(copied, from));
    copied = to;
    dropped = true;
  };
  for (let at = html.indexOf('<'); at !== -1 && at < html.length; at = html.indexOf('<', at)) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const end = html.indexOf('>', at + 1);
    if (end === -1) break;
    const closing = html[at + 1] === '/';
    const match = /^[A-Za-z!][^\s/>]*/.exec(html.slice(at + (closing ? 2 : 1), Math.min(end, at + 40)));
    if (!match) {
      at += 1;
      continue;
    }
    const name = match[0].toLowerCase();
    if (closing) {
      // A closing tag closes the nearest open element of its name and any left open inside it; a stray one is left alone.
      let i = stack.length - 1;
      while (i >= 0 && stack[i].name !== name && stack.length - i < 64) i--;
      if (i >= 0 && stack[i].name === name) {
        const { kept } = stack[i];
        stack.length = i;
        if (!kept) drop(at, end + 1);
      }
      at = end + 1;
      continue;
    }
    if (VOID.has(name) || html[end - 1] === '/') {
      at = end + 1;
      continue;
    }
    const kept = stack.length < limit;
    stack.push({ name, kept });
    depth = Math.max(depth, stack.length);
    if (!kept) drop(at, end + 1);
    at = end + 1;
    if (RAW_TEXT.has(name)) {
      // Searches run forward from here only, so the whole scan stays one pass over the page.
      const closer = new RegExp(`</${name}`, 'gi');
      closer.lastIndex = at;
      at = closer.exec(html)?.index ?? html.length;
    }
  }
  if (!dropped) return null;
  out.push(html.slice(copied));
  return { html: out.join(''), depth };
}
