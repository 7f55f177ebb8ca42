// The viewer end to end in headless Chromium, on the seed articles built by the pipeline (drawing, search, time range, article view,
// URL state) and on the hand-made fixture (an article with <script> in it, a graph that fails validation).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import { buildGraph } from '../../src/pipeline.js';
import { serveViewer } from '../../src/serve/index.js';
import { collectErrors, launchChromium } from './browser.js';

const FIXTURE = 'tests/fixtures/viewer/graph.json';
const ARTIFACTS = 'tests/artifacts';
const ORBAN = 'person:viktor-orban';
const MOSCOW_QUOTE = "Hungary's Prime Minister Viktor Orban arrived in Moscow on Tuesday to meet Russian President Vladimir Putin";

const findEvent = (graph: KgGraph, type: string, date: string, location: string | null = null) =>
  graph.findNode((_key, node) => node.kind === 'event' && node.eventType === type && node.date === date && (location === null || node.location === location))!;

// Decodes the screenshot in the page and counts pixels that differ from the white background.
async function countInkPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink += 1;
    return ink;
  }, png.toString('base64'));
}

const visibleNodes = (page: Page) => page.evaluate(() => window.kgViewer!.visibleNodes());

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = collectErrors(page);
});
afterEach(async () => {
  await page?.close();
  expect(errors).toEqual([]);
});

async function open(url: string, hash = ''): Promise<void> {
  await page.goto(`${url}${hash}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
}

describe('viewer on the seed articles', () => {
  let dir: string;
  let graph: KgGraph;
  let server: { url: string; close(): Promise<void> };
  let moscowMeeting: string;
  let bidenCall: string;
  let trumpCall: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-viewer-seeds-'));
    ({ graph } = await buildGraph({ inputs: ['data/articles'], outDir: dir, formats: [] }));
    moscowMeeting = findEvent(graph, 'meeting', '2022-02-01', 'Moscow');
    bidenCall = findEvent(graph, 'call', '2021-12-30');
    trumpCall = findEvent(graph, 'call', '2025-10-16');
    server = await serveViewer({ graphPath: join(dir, 'graph.json'), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the graph on the canvas', async () => {
    await open(server.url);
    const shot = await page.locator('#sigma-container').screenshot({ path: `${ARTIFACTS}/viewer-overview.png` });
    // The seeds' ~50 nodes and ~70 edges cover thousands of pixels; a blank WebGL canvas covers none.
    expect(await countInkPixels(page, shot)).toBeGreaterThan(3000);
    expect(await page.locator('#legend').innerText()).toContain('event');
  });

  it('finds Viktor Orbán by typing "Orban" and lists the 2022-02-01 meeting in Moscow with its quote', async () => {
    await open(server.url);
    await page.fill('#search-input', 'Orban');
    await page.waitForSelector(`#search-results li[data-key="${ORBAN}"]`);
    expect(await page.locator('#search-results li').first().getAttribute('data-key')).toBe(ORBAN);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#panel[data-node="${ORBAN}"]`);
    expect(await page.locator('#panel h2').innerText()).toBe('Viktor Orbán');
    expect(page.url()).toContain(`node=${encodeURIComponent(ORBAN)}`);
    const row = page.locator(`#panel .event-row[data-key="${moscowMeeting}"]`);
    const text = await row.innerText();
    expect(text).toContain('2022-02-01');
    expect(text).toContain('meeting');
    expect(text).toContain('Moscow');
    expect(text).toContain('Vladimir Putin');
    expect(await row.locator('.event-quote').innerText()).toContain(MOSCOW_QUOTE);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}/viewer-orban.png` });
  });

  it('hides the 2021-12-30 Putin–Biden call when the time range is set to 2025', async () => {
    await open(server.url);
    expect(await visibleNodes(page)).toContain(bidenCall);
    await page.locator('#range-from').fill(String(await monthIndex(page, '2025-01')));
    const visible = await visibleNodes(page);
    expect(visible).not.toContain(bidenCall);
    // Biden's only event is outside the range; Putin has events in 2025 and stays.
    expect(visible).not.toContain('person:joe-biden');
    expect(visible).toContain(trumpCall);
    expect(visible).toContain('person:vladimir-putin');
    expect(await page.locator('#range-label').innerText()).toMatch(/^2025-01 – /);
    expect(page.url()).toContain('from=2025-01');
    await page.screenshot({ path: `${ARTIFACTS}/viewer-2025.png` });
  });

  it('shows the article with the quote highlighted when a source is opened', async () => {
    await open(server.url, `#node=${encodeURIComponent(moscowMeeting)}`);
    const first = (graph.getNodeAttributes(moscowMeeting) as EventNode).sources[0];
    const source = page.locator('#panel .source').first();
    expect(await source.locator('.quote').innerText()).toBe(first.quote);
    await source.locator('.show-article').click();
    const mark = source.locator('.article-view mark');
    await mark.waitFor();
    const article = readFileSync(join(dir, graph.getAttribute('articles').find((a) => a.id === first.article)!.textFile), 'utf8');
    expect(await mark.evaluate((element) => element.textContent)).toBe(article.slice(first.start, first.end));
    expect(await source.locator('.article-text').evaluate((element) => element.textContent)).toBe(article);
    await page.screenshot({ path: `${ARTIFACTS}/viewer-article.png` });
  });

  it('restores the same view from the URL after a reload', async () => {
    await open(server.url);
    await page.fill('#search-input', 'Putin');
    await page.keyboard.press('Enter');
    await page.uncheck('#filter-kind-place');
    await page.uncheck('#filter-status-planned');
    await page.locator('#range-from').fill(String(await monthIndex(page, '2022-01')));
    await page.uncheck('#undated-toggle');
    const before = { url: page.url(), visible: (await visibleNodes(page)).sort(), panel: await page.locator('#panel h2').innerText(), label: await page.locator('#range-label').innerText() };
    expect(before.url).toMatch(/node=person%3Avladimir-putin/);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    expect(page.url()).toBe(before.url);
    expect((await visibleNodes(page)).sort()).toEqual(before.visible);
    expect(await page.locator('#panel h2').innerText()).toBe(before.panel);
    expect(await page.locator('#range-label').innerText()).toBe(before.label);
    expect(await page.isChecked('#filter-kind-place')).toBe(false);
    expect(await page.isChecked('#filter-status-planned')).toBe(false);
    expect(await page.isChecked('#undated-toggle')).toBe(false);
  });
});

describe('viewer on the hand-made fixture', () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await serveViewer({ graphPath: FIXTURE, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows an article containing <script> as text without running it', async () => {
    const nodes: { key: string; attributes: { sources?: { article: string }[] } }[] = JSON.parse(readFileSync(FIXTURE, 'utf8')).nodes;
    const xssEvent = nodes.find((n) => n.attributes.sources?.some((s) => s.article === '900_xss_test'))!.key;
    await open(server.url, `#node=${encodeURIComponent(xssEvent)}`);
    const source = page.locator('#panel .source').first();
    expect(await source.locator('.quote').innerText()).toContain('<script>window.__xss=1</script>');
    await source.locator('.show-article').click();
    await source.locator('.article-view mark').waitFor();
    expect(await source.locator('.article-view mark').innerText()).toContain('<script>window.__xss=1</script>');
    expect(await source.locator('.source-title').innerText()).toContain('<img src=x');
    expect(await page.locator('#panel script, #panel img, #panel b').count()).toBe(0);
    expect(await page.locator('#panel a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: `${ARTIFACTS}/viewer-xss.png` });
  });

  it('explains in the page why a graph cannot be shown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bad-graph-'));
    const bad = join(dir, 'graph.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE, 'utf8')), attributes: { schemaVersion: 99, articles: [] } }));
    const other = await serveViewer({ graphPath: bad, port: 0 });
    try {
      await page.goto(other.url);
      await page.waitForSelector('body[data-state="error"]');
      expect(await page.locator('#message').innerText()).toContain('schemaVersion 99');
      await page.screenshot({ path: `${ARTIFACTS}/viewer-error.png` });
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function monthIndex(page: Page, month: string): Promise<number> {
  // The slider's positions are the months of the histogram, first dated event first.
  return page.evaluate((target) => {
    const slider = document.getElementById('range-from') as HTMLInputElement;
    const label = document.getElementById('range-label')!.textContent ?? '';
    const first = label.slice(0, 7);
    const [y0, m0] = first.split('-').map(Number);
    const [y, m] = target.split('-').map(Number);
    return Math.min(Number(slider.max), (y - y0) * 12 + (m - m0));
  }, month);
}
