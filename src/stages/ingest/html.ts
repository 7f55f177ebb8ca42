// HTML pages: the main text through @mozilla/readability over linkedom, metadata from meta tags, JSON-LD and <time>.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { flattenDeepHtml } from './html-depth.js';
import type { MetaFields } from './meta.js';

/** The article text of a page (paragraphs separated by blank lines) and its metadata. */
export interface HtmlExtract {
  text: string;
  fields: MetaFields;
}

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, td, th';
// Page chrome dropped when readability finds no article and the whole body is used.
const CHROME_SELECTOR = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, svg';
const TITLE_META = ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]', 'meta[name="dc.title" i]'];
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dc.date" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
];

/** Extracts the main text and the metadata of an HTML page; a page nested deeper than MAX_HTML_DEPTH is read flattened (`flattened`: its depth). */
export function extractHtml(source: string): HtmlExtract & { flattened: number | null } {
  const flat = flattenDeepHtml(source);
  const html = flat?.html ?? source;
  const { document } = parseHTML(html);
  const linkedData = readLinkedData(document);
  const fields: MetaFields = {
    title: firstContent(document, TITLE_META) ?? stringOf(linkedData.headline) ?? (textOf(document.querySelector('title')) || null),
    published: firstContent(document, PUBLISHED_META) ?? stringOf(linkedData.datePublished) ?? readTimeElement(document),
    url: firstContent(document, ['meta[property="og:url"]']) ?? (document.querySelector('link[rel="canonical"]')?.getAttribute('href') || null),
    source: firstContent(document, ['meta[property="og:site_name"]']) ?? stringOf(readName(linkedData.publisher)),
    language: document.documentElement?.getAttribute('lang') || null,
  };
  // Readability changes the document, so the metadata above is read first.
  const article = readMainText(document);
  let paragraphs = article?.content ? collectParagraphs(parseHTML(`<html><body>${article.content}</body></html>`).document.body) : [];
  if (paragraphs.length === 0) {
    const { document: page } = parseHTML(html);
    page.querySelectorAll(CHROME_SELECTOR).forEach((element) => element.remove());
    paragraphs = collectParagraphs(page.body);
  }
  return { text: paragraphs.join('\n\n'), fields, flattened: flat?.depth ?? null };
}

// Readability refuses some broken pages outright (a document it does not take for one); the whole body is read then.
function readMainText(document: Document): { content?: string | null } | null {
  try {
    return new Readability(document as unknown as Document).parse();
  } catch {
    return null;
  }
}

// Innermost blocks only (a <p> inside an <li> is one paragraph); a container with no blocks gives its whole text.
function collectParagraphs(root: Element | null): string[] {
  if (!root) return [];
  const blocks = [...root.querySelectorAll(BLOCK_SELECTOR)].filter((element) => !element.querySelector(BLOCK_SELECTOR));
  const texts = (blocks.length > 0 ? blocks : [root]).map(textOf);
  return texts.filter((text) => text !== '');
}

function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function firstContent(document: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const content = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

// <time datetime> marked as the publication date first, else the first one in the page.
function readTimeElement(document: Document): string | null {
  const time = document.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]') ?? document.querySelector('time[datetime]');
  return time?.getAttribute('datetime')?.trim() || null;
}

// The first JSON-LD object that looks like an article (or the first object), searching arrays and @graph.
function readLinkedData(document: Document): Record<string, unknown> {
  const objects: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collectObjects(JSON.parse(script.textContent ?? ''), objects);
    } catch {
      // Broken JSON-LD is common on real pages and only costs a fallback: the meta tags and <time> are still read.
    }
  }
  return objects.find((object) => /Article|Posting|Report/.test(String(object['@type']))) ?? objects[0] ?? {};
}

function collectObjects(value: unknown, into: Record<string, unknown>[]): void {
  if (Array.isArray(value)) value.forEach((item) => collectObjects(item, into));
  else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    into.push(object);
    if (object['@graph'] !== undefined) collectObjects(object['@graph'], into);
  }
}

function readName(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).name : value;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
