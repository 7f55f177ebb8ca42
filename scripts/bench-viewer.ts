// Viewer scale benchmark (not a test): a deterministic 10,000-node / 50,000-edge graph of the model, served and drawn in headless Chromium.
// `--save FILE` keeps a copy of the generated graph.json (to profile the viewer on it); `--baseline DIR` also serves another
// build of the viewer (say, an older commit's viz/dist) on the same graph and measures both in turn, to compare them on a
// busy machine; `--loads N` (default 5) loads each build N times for the first-render figures.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraph, KIND_COLORS, SCHEMA_VERSION, type EdgeAttributes, type EdgeRelation, type KgGraph, type NodeKind } from '../src/graph/model.js';
import { serveViewer, startStaticServer } from '../src/serve/index.js';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/viz/browser.js';
import { createRandom } from '../src/graph/random.js';
import { writeViewerFile } from '../src/export/viewer-file.js';
import { SETTLE_MS } from '../viz/src/camera-motion.js';

const NODES = 10_000;
const EDGES = 50_000;
const ARTICLES = 200;
const FRAMES = 60;
const SHARE: [Exclude<NodeKind, 'article'>, number][] = [['event', 0.45], ['person', 0.35], ['place', 0.12], ['organization', 0.06], ['country', 0.02]];
const EVENT_TYPES = ['call', 'meeting', 'summit', 'visit'];
const STATUSES = ['occurred', 'occurred', 'occurred', 'planned', 'cancelled'] as const;


/** The synthetic graph: kinds in news-like proportions, clustered positions, dated events with sources. */
function generateGraph(): KgGraph {
  const random = createRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const articles = Array.from({ length: ARTICLES }, (_, i) => ({ id: `a${i}`, title: `Article ${i}`, url: null, source: 'bench', published: '2024-01-01', publishedSource: 'metadata', hash: '0'.repeat(64), textFile: `articles/a${i}.txt` }));
  const graph = createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion: 'bench', articles });
  const communities = 40;
  // Nodes by kind and community: most edges stay inside a community, as they do once a force layout has placed the graph.
  const byKind = new Map<NodeKind, string[][]>(SHARE.map(([kind]) => [kind, Array.from({ length: communities }, () => [])]));
  let index = 0;
  for (const [kind, share] of SHARE) {
    for (let i = 0; i < Math.round(NODES * share); i++, index++) {
      const community = Math.floor(random() * communities);
      const angle = (2 * Math.PI * community) / communities;
      const spread = 60 + random() * 40;
      const x = Math.cos(angle) * 1000 + (random() - 0.5) * spread * 4;
      const y = Math.sin(angle) * 1000 + (random() - 0.5) * spread * 4;
      const key = `${kind}:${i}`;
      const base = { label: `${kind} ${i}`, aliases: [], articles: [`a${i % ARTICLES}`], mentions: 1 + Math.floor(random() * 20), firstSeen: null, lastSeen: null, x, y, size: 2 + random() * 6, color: KIND_COLORS[kind], community };
      if (kind === 'event') {
        const year = 2015 + Math.floor(random() * 11);
        const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
        const day = `${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const dated = random() > 0.05;
        graph.addNode(key, { ...base, kind, eventType: pick(EVENT_TYPES), status: pick(STATUSES), hedged: false, date: dated ? day : null, datePrecision: dated ? 'day' : 'unknown', dateStart: dated ? day : null, dateEnd: dated ? day : null, dateEvidence: [], location: null, sources: [{ article: base.articles[0], quote: 'q', start: 0, end: 1 }] });
      } else if (kind === 'person') graph.addNode(key, { ...base, kind, kbId: null, country: null, roles: [] });
      else if (kind === 'country') graph.addNode(key, { ...base, kind, iso2: 'XX', iso3: null });
      else if (kind === 'organization') graph.addNode(key, { ...base, kind, kbId: null, acronym: null });
      else graph.addNode(key, { ...base, kind, country: null, placeType: 'city' });
      byKind.get(kind)![community].push(key);
    }
  }
  const edge = (relation: EdgeRelation): EdgeAttributes => ({ relation, date: null, datePrecision: 'unknown', dateEnd: null, sources: [], confidence: null, role: null });
  const everywhere = new Map([...byKind].map(([kind, groups]) => [kind, groups.flat()]));
  const member = (kind: NodeKind, community: number): string => {
    const local = byKind.get(kind)![community];
    return local.length > 0 && random() < 0.85 ? pick(local) : pick(everywhere.get(kind)!);
  };
  const link = (relation: EdgeRelation, from: NodeKind[], to: NodeKind[]) => {
    const community = Math.floor(random() * communities);
    graph.addEdge(member(pick(from), community), member(pick(to), community), edge(relation));
  };
  while (graph.size < EDGES) {
    const roll = random();
    if (roll < 0.7) link('participant', ['person', 'person', 'person', 'country', 'organization'], ['event']);
    else if (roll < 0.82) link('location', ['event'], ['place', 'place', 'country']);
    else if (roll < 0.9) link(random() < 0.5 ? 'leader_of' : 'official_of', ['person'], ['country', 'organization']);
    else if (roll < 0.95) link('located_in', ['place'], ['country']);
    else link('member_of', ['country'], ['organization']);
  }
  return graph;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length - 1) * p))];
const format = (values: number[]) => `median ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms (${values.length} frames)`;

interface Load {
  /** The first frame drawn by the script, and the next animation frame, which starts once that frame is on screen (the software renderer's work is waited for when the page composites it). */
  firstRender: number;
  firstShown: number;
  /** The same for the first frame with edges and labels. */
  fullFrame: number;
  fullShown: number;
  marks: [string, number][];
}

// Stamps every animation frame from the start of the page, to tell when a frame drawn by the script is on screen.
const STAMP_FRAMES = `window.kgFrameStamps = []; (function stamp(t) { window.kgFrameStamps.push(performance.now()); requestAnimationFrame(stamp); })();`;

/** One load in a fresh browser context (nothing cached): navigation start to the first frame, and to the full one. */
async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.addInitScript(STAMP_FRAMES);
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 120_000 });
    if ((await page.getAttribute('body', 'data-state')) === 'error') throw new Error(await page.locator('#message').innerText());
    // A build from before fullFrameAt drew everything in its first frame.
    await page.waitForFunction(() => (window.kgViewer as { fullFrameAt?: number | null }).fullFrameAt !== null, null, { timeout: 60_000 });
    await page.waitForTimeout(3000);
    return await page.evaluate(() => {
      const viewer = window.kgViewer as { firstRenderAt: number; fullFrameAt?: number | null };
      const stamps = (window as unknown as { kgFrameStamps: number[] }).kgFrameStamps;
      const fullFrame = viewer.fullFrameAt ?? viewer.firstRenderAt;
      // The first animation frame after each (no named function here: the page gets the code as written).
      const [firstShown, fullShown] = [viewer.firstRenderAt, fullFrame].map((at) => stamps.find((t) => t > at) ?? NaN);
      return { firstRender: viewer.firstRenderAt, firstShown, fullFrame, fullShown, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as [string, number]) };
    });
  } finally {
    await context.close();
  }
}

/** A programmatic pan of `frames` steps (a camera set from code, as a touch pan moves it); ms from each step to its frame drawn. */
async function pan(page: Page, frames: number, sigmaOwn: boolean): Promise<{ times: number[]; settled: number | null }> {
  return page.evaluate(
    async ({ frames, sigmaOwn }) => {
      const sigma = window.kgViewer!.sigma;
      const camera = sigma.getCamera();
      const holder = window as unknown as { viewerIsAnimated?: () => boolean };
      holder.viewerIsAnimated ??= camera.isAnimated;
      camera.isAnimated = sigmaOwn ? Object.getPrototypeOf(camera).isAnimated : holder.viewerIsAnimated;
      await new Promise((resolve) => setTimeout(resolve, 400));
      const times: number[] = [];
      for (let i = 0; i < frames; i++) {
        const start = performance.now();
        const drawn = new Promise<void>((resolve) => sigma.once('afterRender', () => resolve()));
        camera.setState({ x: camera.x + 0.004 });
        await drawn;
        times.push(performance.now() - start);
      }
      // The frame that brings the edges back once the camera is still (the viewer's way only).
      const stopped = performance.now();
      const settled = sigmaOwn
        ? null
        : await new Promise<number | null>((resolve) => {
            setTimeout(() => resolve(null), 10_000);
            sigma.once('afterRender', () => resolve(performance.now() - stopped));
          });
      return { times, settled };
    },
    { frames, sigmaOwn },
  );
}

/** A mouse drag, what a user does: the intervals between the frames drawn. */
async function drag(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const stamps: number[] = [];
    (window as unknown as { frameStamps: number[] }).frameStamps = stamps;
    window.kgViewer!.sigma.on('afterRender', () => stamps.push(performance.now()));
  });
  const box = (await page.locator('#sigma-container').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= FRAMES; i++) {
    await page.mouse.move(cx + ((i % 20) - 10) * 8, cy + (i % 7) * 4);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.mouse.up();
  const stamps = await page.evaluate(() => (window as unknown as { frameStamps: number[] }).frameStamps);
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

const median = (values: number[]) => percentile(values, 0.5);
const spread = (values: number[]) => `median ${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}, ${values.length} loads)`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-viewer-'));
  const generatedAt = performance.now();
  const graph = generateGraph();
  const graphPath = join(dir, 'graph.json');
  mkdirSync(join(dir, 'articles'));
  writeFileSync(graphPath, JSON.stringify(graph.export()));
  // The drawing file kg build writes beside graph.json (a viewer from before it does not ask for it).
  await writeViewerFile(graph, graphPath);
  const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const save = option('--save');
  if (save !== undefined) copyFileSync(graphPath, save);
  const loads = Number(option('--loads') ?? 5);
  console.log(`graph: ${graph.order} nodes, ${graph.size} edges, ${(statSync(graphPath).size / 1e6).toFixed(1)} MB (generated in ${(performance.now() - generatedAt).toFixed(0)} ms)`);
  const servers = [{ name: 'this viewer', server: await serveViewer({ graphPath, port: 0 }) }];
  const baseline = option('--baseline');
  if (baseline !== undefined) servers.push({ name: `baseline ${baseline}`, server: await startStaticServer({ distDir: baseline, graphPath, port: 0 }) });
  const browser = await launchChromium();
  try {
    // Loads alternate between the builds, so that the shared machine's load weighs on each alike.
    const measured = servers.map(() => [] as Load[]);
    for (let i = 0; i < loads; i++) for (const [at, { server }] of servers.entries()) measured[at].push(await loadOnce(browser, server.url));
    for (const [at, { name }] of servers.entries()) {
      const runs = measured[at];
      console.log(`${name}: load to first render ${spread(runs.map((r) => r.firstRender))}, on screen ${spread(runs.map((r) => r.firstShown))}`);
      console.log(`  to the full frame (edges and labels) ${spread(runs.map((r) => r.fullFrame))}, on screen ${spread(runs.map((r) => r.fullShown))}`);
      // The viewer's own marks (viz/src/load-graph.ts, main.ts, renderer.ts): where the time before the first frame goes, as medians.
      // In time order with the first render: with a drawing file, graph.json's marks come after it.
      const timeline = [...runs[0].marks.map(([name]) => [name.slice(3), median(runs.map((r) => r.marks.find(([n]) => n === name)?.[1] ?? NaN))] as [string, number]), ['first-render', median(runs.map((r) => r.firstRender))] as [string, number]].sort((a, b) => a[1] - b[1]);
      console.log(`  ${timeline.map(([name, at], i) => `${name} +${(at - (i === 0 ? 0 : timeline[i - 1][1])).toFixed(0)} (${at.toFixed(0)})`).join(', ')} ms`);
    }
    if (servers.length > 1) {
      const ratio = (pick: (load: Load) => number) => (median(measured[1].map(pick)) / median(measured[0].map(pick))).toFixed(2);
      console.log(`  against the baseline: first render ${ratio((r) => r.firstRender)}x faster, on screen ${ratio((r) => r.firstShown)}x; full frame on screen ${ratio((r) => r.fullShown)}x`);
    }

    // Pans, in alternating blocks on one page of each build. Sigma's own test of movement counts only a mouse drag, the
    // wheel and its animations, so at each step of a pan set from code it redraws every edge; the viewer counts any
    // camera change as movement (viz/src/camera-motion.ts), so edges come back once the camera is still.
    const pages = await Promise.all(servers.map(async ({ server }) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 120_000 });
      return page;
    }));
    const own: number[] = [];
    const viewer = servers.map(() => [] as number[]);
    const settled = servers.map(() => [] as number[]);
    for (let round = 0; round < 3; round++) {
      own.push(...(await pan(pages[0], FRAMES / 6, true)).times);
      for (const [at, page] of pages.entries()) {
        const moved = await pan(page, FRAMES / 6, false);
        viewer[at].push(...moved.times);
        if (moved.settled !== null) settled[at].push(moved.settled);
      }
    }
    console.log(`programmatic pan, sigma's own movement test (edges drawn each step): ${format(own)}`);
    for (const [at, { name }] of servers.entries()) {
      console.log(`${name}: programmatic pan, any camera change is movement (edges hidden until still): ${format(viewer[at])}`);
      if (settled[at].length > 0) console.log(`  edges drawn again ${format(settled[at]).replace(' frames', ' stops')} after the last step (${SETTLE_MS} ms of stillness, then one full frame)`);
      console.log(`  mouse drag (edges hidden on move): ${format(await drag(pages[at]))}`);
    }
    if (servers.length > 1) console.log(`  pan frame: ${(median(viewer[1]) / median(viewer[0])).toFixed(2)}x faster than the baseline`);
  } finally {
    await browser.close();
    for (const { server } of servers) await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
