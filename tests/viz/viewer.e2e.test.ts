// The viewer end to end in headless Chromium, on the seed articles built by the pipeline (drawing, search, time range, article view,
// URL state, filters, colour by community, ego view, cumulative play, dark theme, shortcuts, 390 px, PNG, Host check), on
// the seeds with interacted_with ties added as the projection writes them (people mode), and on the hand-made fixture (an
// article with <script> in it, a graph that fails validation).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createGraph, edgeKey, KIND_COLORS, SCHEMA_VERSION, type EventNode, type KgGraph } from '../../src/graph/model.js';
import { buildGraph } from '../../src/pipeline.js';
import { serveViewer } from '../../src/serve/index.js';
import { PALETTE } from '../../viz/src/appearance.js';
import { rawRequest } from '../helpers/http.js';
import { collectErrors, launchChromium } from './browser.js';

const FIXTURE = 'tests/fixtures/viewer/graph.json';
const ARTIFACTS = 'tests/artifacts';
const SHOTS = process.env.KG_VIEWER_SHOTS ?? ARTIFACTS;
const ORBAN = 'person:viktor-orban';
const MOSCOW_QUOTE = "Hungary's Prime Minister Viktor Orban arrived in Moscow on Tuesday to meet Russian President Vladimir Putin";

const findEvent = (graph: KgGraph, type: string, date: string, location: string | null = null) =>
  graph.findNode((_key, node) => node.kind === 'event' && node.eventType === type && node.date === date && (location === null || node.location === location))!;

// Decodes the screenshot in the page and counts pixels that differ from the white background.
/** Where a screenshot has ink (any pixel not near white): how many pixels, their bounding box, and whether each of `points` (CSS pixels) is inked. */
async function inkAt(page: Page, png: Buffer, points: { x: number; y: number }[] = []): Promise<{ count: number; box: { left: number; top: number; right: number; bottom: number }; inked: boolean[] }> {
  return page.evaluate(
    async ({ base64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const ink = (x: number, y: number) => {
        const i = 4 * (y * image.width + x);
        return data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235;
      };
      const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
      let count = 0;
      for (let y = 0; y < image.height; y++) {
        for (let x = 0; x < image.width; x++) {
          if (!ink(x, y)) continue;
          count += 1;
          box.left = Math.min(box.left, x);
          box.right = Math.max(box.right, x + 1);
          box.top = Math.min(box.top, y);
          box.bottom = Math.max(box.bottom, y + 1);
        }
      }
      return { count, box, inked: points.map(({ x, y }) => ink(Math.floor(x), Math.floor(y))) };
    },
    { base64: png.toString('base64'), points },
  );
}

const countInkPixels = async (page: Page, png: Buffer): Promise<number> => (await inkAt(page, png)).count;

const visibleNodes = (page: Page) => page.evaluate(() => window.kgViewer!.visibleNodes());

/** Holds graph.json back until the returned function is called, so that only the first frame (from the drawing file) is up. */
async function holdGraphJson(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graph.json', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/**
 * Waits for what is asked of the next frame (a refresh, a camera flight the viewer starts in it) to run, for the camera to
 * be still, and for two frames more: a fixed timeout is too short on a loaded machine.
 */
async function framesDrawn(page: Page): Promise<void> {
  await twoFrames(page);
  await page.waitForFunction(() => !window.kgViewer!.sigma.getCamera().isAnimated());
  await twoFrames(page);
}

type Box = { x: number; y: number; width: number; height: number };
const overlapping = (boxes: Box[]) => boxes.filter((a, i) => boxes.some((b, j) => j < i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));

/** The labels drawn in the last frame and the discs of the shown nodes they reach into (viewport pixels). */
const labelsOverDiscs = (page: Page) =>
  page.evaluate(() => {
    const v = window.kgViewer!;
    const boxes = v.labelBoxes();
    const over: string[] = [];
    for (const key of v.visibleNodes()) {
      const data = v.sigma.getNodeDisplayData(key)!;
      const { x, y } = v.sigma.framedGraphToViewport(data);
      const radius = v.sigma.scaleSize(data.size);
      for (const b of boxes) if (Math.hypot(x - Math.max(b.x, Math.min(x, b.x + b.width)), y - Math.max(b.y, Math.min(y, b.y + b.height))) < radius) over.push(`${data.label ?? key} under a label`);
    }
    return { boxes, over };
  });

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
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
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

const viewerState = (page: Page) => page.evaluate(() => window.kgViewer!.state());

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

  it('draws the first frame from graph.viewer.json before graph.json arrives; then search, panel and filters work on the full graph', async () => {
    const release = await holdGraphJson(page);
    await page.goto(server.url);
    // The picture is up while graph.json is held back: the viewer itself is not.
    await page.waitForFunction(() => performance.getEntriesByName('kg:drawing').length > 0 && document.querySelector('#sigma-container canvas') !== null);
    await twoFrames(page);
    expect(await page.evaluate(() => window.kgViewer === undefined && document.body.dataset.state !== 'ready')).toBe(true);
    // The picture is not the viewer yet, and the page says so.
    expect(await page.locator('#status').innerText()).toBe('Loading the graph…');
    // The time range's handles wait at the two ends of their track, not both in its middle.
    const handles = await page.evaluate(() =>
      ['range-from', 'range-to'].map((id) => {
        const input = document.getElementById(id) as HTMLInputElement;
        return input.value === input.min ? 'min' : input.value === input.max ? 'max' : input.value;
      }),
    );
    expect(handles).toEqual(['min', 'max']);
    const picture = await page.locator('#sigma-container').screenshot();
    expect(await countInkPixels(page, picture)).toBeGreaterThan(1000);
    release();
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
    expect(await page.evaluate(() => window.kgViewer!.firstFrameFrom)).toBe('viewer.json');
    // The picture drew each node where the renderer then put it: ink at every shown node's centre, and its ink spans
    // what the renderer's discs span, to a pixel or two of anti-aliasing.
    const nodes = await page.evaluate(() => {
      const v = window.kgViewer!;
      return v.visibleNodes().map((key) => {
        const data = v.sigma.getNodeDisplayData(key)!;
        return { ...v.sigma.framedGraphToViewport(data), r: v.sigma.scaleSize(data.size) };
      });
    });
    expect(nodes.length).toBeGreaterThan(20);
    const { box, inked } = await inkAt(page, picture, nodes);
    expect(inked.every(Boolean)).toBe(true);
    const spanned = { left: Math.min(...nodes.map((n) => n.x - n.r)), right: Math.max(...nodes.map((n) => n.x + n.r)), top: Math.min(...nodes.map((n) => n.y - n.r)), bottom: Math.max(...nodes.map((n) => n.y + n.r)) };
    for (const side of ['left', 'right', 'top', 'bottom'] as const) expect(Math.abs(box[side] - spanned[side])).toBeLessThan(2.5);
    // One renderer: the picture's canvases are gone.
    expect(await page.locator('#sigma-container canvas.sigma-nodes').count()).toBe(1);
    await page.fill('#search-input', 'Orban');
    await page.waitForSelector(`#search-results li[data-key="${ORBAN}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#panel[data-node="${ORBAN}"]`);
    expect(await page.locator(`#panel .event-row[data-key="${moscowMeeting}"] .event-quote`).innerText()).toContain(MOSCOW_QUOTE);
    await page.uncheck('#filter-type-meeting');
    expect(await visibleNodes(page)).not.toContain(moscowMeeting);
  });

  it('keeps the stage the size the first frame was drawn at once the viewer fills its controls, at 900 and 390 px wide', async () => {
    for (const width of [900, 390]) {
      await page.setViewportSize({ width, height: 800 });
      const release = await holdGraphJson(page);
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('kg:drawing').length > 0);
      const before = await page.locator('#sigma-container').boundingBox();
      release();
      await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
      expect({ width, box: await page.locator('#sigma-container').boundingBox() }).toEqual({ width, box: before });
      await page.unroute('**/graph.json');
    }
  });

  it('draws from graph.json alone when the URL asks for a view the drawing file cannot show', async () => {
    await open(server.url, '#types=call');
    expect(await page.evaluate(() => window.kgViewer!.firstFrameFrom)).toBe('graph.json');
    expect(await visibleNodes(page)).toContain(bidenCall);
    expect(await visibleNodes(page)).not.toContain(moscowMeeting);
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
    await framesDrawn(page);
    // The camera flew to him, not to his graph coordinates read as the stage's (which left the canvas empty).
    const seen = await page.evaluate((key) => {
      const v = window.kgViewer!;
      const { x, y } = v.sigma.graphToViewport(v.graph.getNodeAttributes(key));
      return { x, y, ...v.sigma.getDimensions() };
    }, ORBAN);
    expect(Math.abs(seen.x - seen.width / 2)).toBeLessThan(seen.width / 4);
    expect(Math.abs(seen.y - seen.height / 2)).toBeLessThan(seen.height / 4);
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

  it('hides the entities the event-type filter leaves with no event', async () => {
    await open(server.url);
    const all = await visibleNodes(page);
    expect(all).toContain('person:volodymyr-zelensky');
    for (const type of ['meeting', 'summit', 'visit']) await page.uncheck(`#filter-type-${type}`);
    const calls = await visibleNodes(page);
    // Zelensky's two events are meetings; Biden's one is a call.
    expect(calls).not.toContain('person:volodymyr-zelensky');
    expect(calls).toContain('person:joe-biden');
    expect(calls.filter((k) => k.startsWith('event:')).every((k) => graph.getNodeAttribute(k, 'label').startsWith('Call'))).toBe(true);
    expect(page.url()).toContain('types=call');
  });

  it('colours by Louvain community, with the legend following', async () => {
    await open(server.url);
    await page.selectOption('#color-by', 'community');
    const largest = await page.evaluate(() => {
      const v = window.kgViewer!;
      const counts = new Map<number, number>();
      v.graph.forEachNode((_k, n) => counts.set(n.community, (counts.get(n.community) ?? 0) + 1));
      const [community] = [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0];
      const member = v.graph.findNode((_k, n) => n.community === community)!;
      return { community, color: v.sigma.getNodeDisplayData(member)!.color };
    });
    expect(largest.color).toBe(PALETTE[0]);
    expect(await page.locator('#legend').innerText()).toContain(`community ${largest.community}`);
    expect(page.url()).toContain('color=community');
    await page.screenshot({ path: `${SHOTS}/viewer-community.png` });
  });

  it('shows the ego view of Joe Biden at depth 1, then 2', async () => {
    await open(server.url, `#node=${encodeURIComponent('person:joe-biden')}`);
    await page.selectOption('#filter-ego', '1');
    expect((await visibleNodes(page)).sort()).toEqual(['country:US', bidenCall, 'person:joe-biden'].sort());
    await page.selectOption('#filter-ego', '2');
    expect(await visibleNodes(page)).toContain('person:vladimir-putin');
  });

  it('plays cumulatively: the window keeps its start and grows, with a drawn pause icon', async () => {
    await open(server.url);
    await page.check('#play-cumulative');
    await page.selectOption('#play-speed', '4');
    await page.click('#time-play');
    expect(await page.locator('#time-play svg').getAttribute('data-icon')).toBe('pause');
    const box = (await page.locator('#time-play svg').boundingBox())!;
    expect(box.width).toBeGreaterThan(8);
    await page.waitForFunction(() => (window.kgViewer!.state().to ?? '') >= '2022-03', undefined, { timeout: 10000 });
    const playing = await viewerState(page);
    expect(playing.from).toBeNull();
    const shot = await page.locator('#time-play').screenshot();
    expect(await countInkPixels(page, shot)).toBeGreaterThan(20);
    await page.click('#time-play');
    expect(await page.locator('#time-play svg').getAttribute('data-icon')).toBe('play');
  });

  it('does not force event labels on when a person is hovered, and dates them when zoomed in', async () => {
    await open(server.url, `#node=${encodeURIComponent('person:vladimir-putin')}`);
    const labels = await page.evaluate(() => {
      const v = window.kgViewer!;
      return v.graph.filterNodes((_k, n) => n.kind === 'event').map((k) => v.sigma.getNodeDisplayData(k)!.label);
    });
    expect(labels.every((l) => l === null)).toBe(true);
    // The camera flies to the selected person first: zooming during that flight would be undone by it.
    await framesDrawn(page);
    await page.evaluate(() => window.kgViewer!.sigma.getCamera().setState({ ratio: 0.3 }));
    await framesDrawn(page);
    const zoomed = await page.evaluate((key) => window.kgViewer!.sigma.getNodeDisplayData(key)!.label, trumpCall);
    expect(zoomed).toMatch(/ · 2025-10-16$/);
  });

  it('draws no label over another or over a node, and more or fewer of them as the label density control is moved', async () => {
    await open(server.url);
    await framesDrawn(page);
    const labelBoxes = () => page.evaluate(() => window.kgViewer!.labelBoxes());
    const { boxes: standard, over } = await labelsOverDiscs(page);
    expect(standard.length).toBeGreaterThan(3);
    expect(overlapping(standard)).toEqual([]);
    expect(over).toEqual([]);
    const setDensity = async (value: string) => {
      await page.locator('#label-density').fill(value);
      await page.waitForFunction((v) => window.kgViewer!.state().labels === Number(v), value);
      await framesDrawn(page);
    };
    // At 1 every entity of the seeds is labelled (events are, zoomed in): 3 draws no fewer, 0.3 fewer.
    await setDensity('3');
    const dense = await labelBoxes();
    expect(dense.length).toBeGreaterThanOrEqual(standard.length);
    expect(overlapping(dense)).toEqual([]);
    await setDensity('0.3');
    const sparse = await labelBoxes();
    expect(sparse.length).toBeGreaterThan(0);
    expect(sparse.length).toBeLessThan(standard.length);
    await setDensity('0');
    expect(await labelBoxes()).toEqual([]);
    expect(page.url()).toContain('labels=0');
  });

  it('switches to the dark theme by the toggle and by the system preference', async () => {
    await open(server.url);
    await page.click('#theme-toggle');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.locator('#sigma-container').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(28, 30, 34)');
    await page.screenshot({ path: `${SHOTS}/viewer-dark.png` });
    const dark = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    try {
      await dark.goto(server.url);
      await dark.waitForSelector('body[data-state="ready"]');
      expect(await dark.getAttribute('html', 'data-theme')).toBe('dark');
    } finally {
      await dark.close();
    }
  });

  it('answers the keyboard: / searches, Esc clears the selection, ? shows the help, arrows step time', async () => {
    await open(server.url, `#node=${encodeURIComponent('person:vladimir-putin')}&to=2022-03`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect((await viewerState(page)).to).toBe('2022-04');
    await page.keyboard.press('Escape');
    expect((await viewerState(page)).selected).toBeNull();
    expect(await page.isHidden('#panel')).toBe(true);
    await page.keyboard.press('?');
    expect(await page.isVisible('#help')).toBe(true);
    expect(await page.locator('#help').innerText()).toContain('play or pause');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#help')).toBe(true);
  });

  it('fits a 390 px wide screen: no toolbar overflow, the graph full width, filters in a drawer', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await open(server.url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const stage = (await page.locator('#sigma-container').boundingBox())!;
    expect(stage.width).toBeGreaterThan(370);
    expect(stage.height).toBeGreaterThan(300);
    expect(await page.isHidden('#filters')).toBe(true);
    await page.click('#filters-toggle');
    expect(await page.isVisible('#filter-type-call')).toBe(true);
    await page.screenshot({ path: `${SHOTS}/viewer-390.png` });
  });

  it('exports the whole graph as PNG, with a footer for the legend and time range', async () => {
    await open(server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width and height from the IHDR chunk: 1600 wide, the graph's 1200 plus the footer.
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.readUInt32BE(20)).toBeGreaterThan(1200);
  });

  it('refuses a request whose Host is not its own (DNS rebinding)', async () => {
    expect((await rawRequest(new URL(server.url).port, '/graph.json', 'GET', 'attacker.example')).status).toBe(421);
    expect((await rawRequest(new URL(server.url).port, '/graph.json', 'GET', `127.0.0.1:${new URL(server.url).port}`)).body).toContain('"nodes"');
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

describe('people network on the seeds with ties', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };
  const tie = edgeKey('person:viktor-orban', 'interacted_with', 'person:vladimir-putin');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-viewer-people-'));
    await buildGraph({ inputs: ['data/articles'], outDir: dir, formats: [] });
    server = await serveViewer({ graphPath: join(dir, 'graph.json'), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows entities linked by ties; a click on a tie lists its events with dates and quotes; the time range applies', async () => {
    await open(server.url, '#mode=people');
    const shown = await page.evaluate(() => ({ nodes: window.kgViewer!.visibleNodes(), ties: window.kgViewer!.visibleTies() }));
    expect(shown.ties).toContain(tie);
    expect(shown.nodes.every((k) => !k.startsWith('event:'))).toBe(true);
    expect(await page.locator('#status').innerText()).toMatch(/entities, \d+ ties shown/);
    await framesDrawn(page);
    await page.screenshot({ path: `${SHOTS}/viewer-people.png` });
    // Click the middle of the Orbán–Putin tie on the canvas.
    const point = await page.evaluate((key) => {
      const v = window.kgViewer!;
      const [a, b] = [v.graph.source(key), v.graph.target(key)].map((n) => v.sigma.graphToViewport(v.graph.getNodeAttributes(n)));
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }, tie);
    await page.locator('#sigma-container').click({ position: point });
    await page.waitForSelector(`#panel[data-tie="${tie}"]`);
    const rows = page.locator('#panel .tie-event');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(await rows.first().locator('.event-date').innerText()).toMatch(/^\d{4}/);
    expect(await rows.first().locator('.event-quote').first().innerText()).not.toBe('');
    expect(await page.locator('#panel .tie-event.filtered-out').count()).toBe(0);
    expect(await page.locator('#panel h2').innerText()).toContain('Viktor Orbán');
    await page.screenshot({ path: `${SHOTS}/viewer-people-tie.png` });
    // From 2024-12 on, only the December 2024 call is left of this tie, and Biden's tie is gone.
    await page.evaluate(() => (window.location.hash = `${window.location.hash}&from=2024-12&undated=0`));
    await page.waitForFunction(() => window.kgViewer!.state().from === '2024-12');
    expect(await page.locator('#panel .tie-event').count()).toBeLessThan(count);
    expect(await page.evaluate(() => window.kgViewer!.visibleTies())).not.toContain('person:joe-biden->interacted_with->person:vladimir-putin');
  });

  it('labels every entity of the seeds\' people network, each with room around it, none over another node', async () => {
    await open(server.url, '#mode=people');
    await framesDrawn(page);
    const { boxes, over } = await labelsOverDiscs(page);
    expect(boxes).toHaveLength((await visibleNodes(page)).length);
    expect(overlapping(boxes)).toEqual([]);
    expect(over).toEqual([]);
  });

  it('filters the people network by kind: persons unchecked leave the countries and organisations tied to each other', async () => {
    await open(server.url, '#mode=people');
    // Places and events are not parties to a tie, and articles are drawn in neither network: no box for them here.
    expect(await page.isVisible('#filter-kind-person')).toBe(true);
    expect(await page.isHidden('#filter-kind-place')).toBe(true);
    expect(await page.isHidden('#filter-kind-event')).toBe(true);
    expect(await page.locator('#filter-kind-article').count()).toBe(0);
    expect(await page.locator('#kinds-note').innerText()).toContain('Articles are not drawn');
    await page.uncheck('#filter-kind-person');
    const shown = await page.evaluate(() => {
      const v = window.kgViewer!;
      return { kinds: v.visibleNodes().map((k) => v.graph.getNodeAttribute(k, 'kind')), ends: v.visibleTies().flatMap((e) => [v.graph.source(e), v.graph.target(e)]), nodes: v.visibleNodes() };
    });
    expect(shown.nodes.length).toBeGreaterThan(0);
    expect(new Set(shown.kinds)).toEqual(new Set(['country', 'organization']));
    // Every entity left has a tie left: none stays as a dot tied only to the persons taken away.
    expect(new Set(shown.ends)).toEqual(new Set(shown.nodes));
    expect(await page.evaluate(() => window.kgViewer!.sigma.getNodeDisplayData('person:vladimir-putin')!.hidden)).toBe(true);
    await page.click('#mode-events');
    expect(await page.isVisible('#filter-kind-place')).toBe(true);
    expect(await visibleNodes(page)).not.toContain('person:vladimir-putin');
  });

  it('says so in the people mode of a graph without ties', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'kg-viewer-noties-'));
    writeFileSync(join(plain, 'graph.json'), readFileSync(FIXTURE));
    const other = await serveViewer({ graphPath: join(plain, 'graph.json'), port: 0 });
    try {
      await open(other.url, '#mode=people');
      expect(await page.isVisible('#people-note')).toBe(true);
      expect(await page.locator('#people-note').innerText()).toContain('no interacted_with ties');
    } finally {
      await other.close();
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

/** A graph past the viewer's large-graph sizes (5,000 nodes and 5,000 edges): persons in a grid, each in two calls with its neighbours. */
function largeGraph(): KgGraph {
  const graph = createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion: 'test', articles: [{ id: 'a0', title: 'A', url: null, source: 'test', published: '2024-01-01', publishedSource: 'metadata', hash: '0'.repeat(64), textFile: 'articles/a0.txt' }] });
  const side = 52;
  const base = { aliases: [], articles: ['a0'], mentions: 1, firstSeen: null, lastSeen: null, size: 3, community: 0 };
  for (let i = 0; i < side * side; i++) {
    const [x, y] = [(i % side) * 20, Math.floor(i / side) * 20];
    graph.addNode(`person:p${i}`, { ...base, label: `Person ${i}`, x, y, color: KIND_COLORS.person, kind: 'person', kbId: null, country: null, roles: [] });
    graph.addNode(`event:e${i}`, { ...base, label: `Call ${i}`, x: x + 10, y: y + 10, color: KIND_COLORS.event, kind: 'event', eventType: 'call', status: 'occurred', hedged: false, date: '2024-01-01', datePrecision: 'day', dateStart: '2024-01-01', dateEnd: '2024-01-01', dateEvidence: [], location: null, sources: [{ article: 'a0', quote: 'q', start: 0, end: 1 }] });
  }
  const participant = { relation: 'participant' as const, date: null, datePrecision: 'unknown' as const, dateEnd: null, sources: [], confidence: null, role: null };
  for (let i = 0; i < side * side; i++) for (const other of [i, (i + 1) % (side * side)]) graph.addEdgeWithKey(edgeKey(`person:p${other}`, 'participant', `event:e${i}`), `person:p${other}`, `event:e${i}`, participant);
  return graph;
}

describe('viewer on a large graph', () => {
  let dir: string;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-viewer-large-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', 'a0.txt'), 'q');
    writeFileSync(join(dir, 'graph.json'), JSON.stringify(largeGraph().export()));
    server = await serveViewer({ graphPath: join(dir, 'graph.json'), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the nodes in the first frame and the edges in the next; a pan hides edges and labels until the camera is still', async () => {
    // Counts the draw calls on sigma's edge and node canvases, and what they were when the viewer's first frame was done.
    await page.addInitScript(() => {
      const counts = { edges: 0, nodes: 0 };
      const holder = window as unknown as { kgDraws: typeof counts; kgFirstFrameDraws?: typeof counts };
      holder.kgDraws = counts;
      const count = (context: WebGL2RenderingContext) => {
        const layer = context.canvas instanceof HTMLCanvasElement ? context.canvas.className : '';
        if (layer === 'sigma-edges') counts.edges += 1;
        if (layer === 'sigma-nodes') counts.nodes += 1;
        if (holder.kgFirstFrameDraws === undefined && (window as unknown as { kgViewer?: unknown }).kgViewer !== undefined) holder.kgFirstFrameDraws = { ...counts };
      };
      for (const method of ['drawArrays', 'drawArraysInstanced'] as const) {
        const own = WebGL2RenderingContext.prototype[method] as (...args: unknown[]) => void;
        WebGL2RenderingContext.prototype[method] = function (this: WebGL2RenderingContext, ...args: unknown[]) {
          count(this);
          return own.apply(this, args);
        } as never;
      }
    });
    await open(server.url);
    await page.waitForFunction(() => window.kgViewer!.fullFrameAt !== null);
    // No graph.viewer.json beside this graph.json (as from a build before it): the renderer draws the first frame.
    expect(await page.evaluate(() => window.kgViewer!.firstFrameFrom)).toBe('graph.json');
    const draws = () => page.evaluate(() => (window as unknown as { kgDraws: { edges: number; nodes: number } }).kgDraws);
    // The first draw after the viewer was up belongs to the frame after the first: before it, the nodes only.
    const first = await page.evaluate(() => (window as unknown as { kgFirstFrameDraws?: { edges: number; nodes: number } }).kgFirstFrameDraws);
    expect(first?.edges).toBe(0);
    expect(first?.nodes).toBeGreaterThan(0);
    expect((await draws()).edges).toBeGreaterThan(0);
    expect((await page.evaluate(() => window.kgViewer!.labelBoxes())).length).toBeGreaterThan(0);

    // A pan set from code, as a touch pan moves the camera: its frames draw neither edges nor labels.
    const before = await draws();
    const moving = await page.evaluate(async () => {
      const sigma = window.kgViewer!.sigma;
      const drawn = new Promise<void>((resolve) => sigma.once('afterRender', () => resolve()));
      sigma.getCamera().setState({ x: sigma.getCamera().x + 0.01 });
      await drawn;
      return window.kgViewer!.labelBoxes().length;
    });
    expect(moving).toBe(0);
    expect((await draws()).edges).toBe(before.edges);
    // Still again: one full frame brings both back.
    await page.waitForFunction((edges) => (window as unknown as { kgDraws: { edges: number } }).kgDraws.edges > edges, before.edges);
    await page.waitForFunction(() => window.kgViewer!.labelBoxes().length > 0);
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
      // Not still loading: the message says why.
      expect(await page.locator('#status').innerText()).toBe('');
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
