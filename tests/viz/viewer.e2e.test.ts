// The viewer end to end in headless Chromium: drawing, search, panel, time range, article view, URL state and XSS safety.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveViewer } from '../../src/serve/index.js';
import { collectErrors, launchChromium } from './browser.js';

const FIXTURE = 'tests/fixtures/viewer/graph.json';
const ARTIFACTS = 'tests/artifacts';
const ORBAN = 'person:viktor-orban';
const MOSCOW_QUOTE = "Hungary's Prime Minister Viktor Orban arrived in Moscow on Tuesday to meet Russian President Vladimir Putin.";

interface FixtureNode {
  key: string;
  attributes: { kind: string; label: string; date?: string | null; sources?: { article: string; quote: string }[] };
}
const nodes: FixtureNode[] = JSON.parse(readFileSync(FIXTURE, 'utf8')).nodes;
const eventKey = (label: string, date: string | null) => nodes.find((n) => n.attributes.label === label && n.attributes.date === date)!.key;
const MOSCOW_MEETING = eventKey('Meeting: Orbán – Putin', '2022-02-01');
const BIDEN_CALL = eventKey('Call: Putin – Biden', '2021-12-30');
const TRUMP_CALL = eventKey('Call: Putin – Trump', '2025-10-16');
const XSS_EVENT = nodes.find((n) => n.attributes.sources?.some((s) => s.article === '900_xss_test'))!.key;

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

describe('viewer in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveViewer({ graphPath: FIXTURE, port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  const open = async (hash = '') => {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
  };

  it('draws the graph on the canvas', async () => {
    await open();
    const shot = await page.locator('#sigma-container').screenshot({ path: `${ARTIFACTS}/viewer-overview.png` });
    // The fixture's 37 nodes and 53 edges cover thousands of pixels; a blank WebGL canvas covers none.
    expect(await countInkPixels(page, shot)).toBeGreaterThan(3000);
    expect(await page.locator('#legend').innerText()).toContain('event');
  });

  it('finds Viktor Orbán by typing "Orban" and lists the Moscow meeting with its quote', async () => {
    await open();
    await page.fill('#search-input', 'Orban');
    await page.waitForSelector(`#search-results li[data-key="${ORBAN}"]`);
    expect(await page.locator('#search-results li').first().getAttribute('data-key')).toBe(ORBAN);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#panel[data-node="${ORBAN}"]`);
    expect(await page.locator('#panel h2').innerText()).toBe('Viktor Orbán');
    expect(page.url()).toContain(`node=${encodeURIComponent(ORBAN)}`);
    const row = page.locator(`#panel .event-row[data-key="${MOSCOW_MEETING}"]`);
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
    await open();
    expect(await visibleNodes(page)).toContain(BIDEN_CALL);
    await page.locator('#range-from').fill(String(await monthIndex(page, '2025-01')));
    const visible = await visibleNodes(page);
    expect(visible).not.toContain(BIDEN_CALL);
    // Biden's only event is outside the range; Putin has events in 2025 and stays.
    expect(visible).not.toContain('person:joe-biden');
    expect(visible).toContain(TRUMP_CALL);
    expect(visible).toContain('person:vladimir-putin');
    expect(await page.locator('#range-label').innerText()).toMatch(/^2025-01 – /);
    expect(page.url()).toContain('from=2025-01');
    await page.screenshot({ path: `${ARTIFACTS}/viewer-2025.png` });
  });

  it('shows the article with the quote highlighted when a source is opened', async () => {
    await open(`#node=${encodeURIComponent(MOSCOW_MEETING)}`);
    const source = page.locator('#panel .source').first();
    expect(await source.locator('.quote').innerText()).toBe(MOSCOW_QUOTE);
    await source.locator('.show-article').click();
    const mark = source.locator('.article-view mark');
    await mark.waitFor();
    expect(await mark.innerText()).toBe(MOSCOW_QUOTE);
    const full = await source.locator('.article-text').evaluate((element) => element.textContent);
    expect(full).toBe(readFileSync('tests/fixtures/viewer/articles/002_120213c231b1ab6f.txt', 'utf8'));
    await page.screenshot({ path: `${ARTIFACTS}/viewer-article.png` });
  });

  it('restores the same view from the URL after a reload', async () => {
    await open();
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

  it('shows an article containing <script> as text without running it', async () => {
    await open(`#node=${encodeURIComponent(XSS_EVENT)}`);
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
