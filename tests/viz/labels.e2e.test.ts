// Which labels the viewer draws, in headless Chromium on the seed articles: the same set whatever order the graph file
// lists its nodes and edges in, and every person of the events mode labelled.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildGraph } from '../../src/pipeline.js';
import { createRandom } from '../../src/graph/random.js';
import { serveViewer } from '../../src/serve/index.js';
import { collectErrors, launchChromium } from './browser.js';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'kg-labels-'));
  await buildGraph({ inputs: ['data/articles'], outDir: dir, formats: [] });
}, 120000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A seeded Fisher-Yates shuffle. */
function shuffled<T>(items: T[], seed: number): T[] {
  const random = createRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The keys of the labelled nodes and of the shown persons, in a mode, for the graph file at `path`. */
async function labelled(path: string, hash: string): Promise<{ labelled: string[]; persons: string[] }> {
  const server = await serveViewer({ graphPath: path, port: 0 });
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  try {
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
    await page.waitForFunction(() => window.kgViewer!.labelBoxes().length > 0);
    const seen = await page.evaluate(() => {
      const v = window.kgViewer!;
      return {
        labelled: v.labelBoxes().map((box) => box.key ?? '').sort(),
        persons: v.visibleNodes().filter((key) => v.graph.getNodeAttribute(key, 'kind') === 'person').sort(),
      };
    });
    expect(errors).toEqual([]);
    return seen;
  } finally {
    await page.close();
    await server.close();
  }
}

describe('viewer labels on the seeds', () => {
  it('labels the same nodes whatever order the graph file lists its nodes and edges in', async () => {
    const file = join(dir, 'graph.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[]; edges: unknown[] };
    for (const hash of ['', '#mode=people']) {
      const original = await labelled(file, hash);
      expect(original.labelled.length).toBeGreaterThan(10);
      for (const seed of [1, 2]) {
        const copy = join(dir, `graph-${seed}.json`);
        writeFileSync(copy, JSON.stringify({ ...data, nodes: shuffled(data.nodes, seed), edges: shuffled(data.edges, seed + 10) }));
        expect((await labelled(copy, hash)).labelled).toEqual(original.labelled);
      }
    }
  }, 300000);

  it('labels every person of the events mode, Joe Biden included', async () => {
    const { labelled: keys, persons } = await labelled(join(dir, 'graph.json'), '');
    expect(persons).toContain('person:joe-biden');
    expect(persons.filter((key) => !keys.includes(key))).toEqual([]);
  }, 60000);
});
