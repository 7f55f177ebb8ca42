// The build's on-disk facts store: what goes in comes back in id order, byte for byte, and nothing is left behind.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFactsStore } from '../../src/pipeline/facts-store.js';
import type { ArticleFacts } from '../../src/types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kg-facts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function facts(id: string, hash: string, title = `Article ${id}`): ArticleFacts {
  return {
    meta: { id, title, url: null, published: '2024-03-01', source: null, language: null, file: `${id}.txt` },
    hash,
    documentDate: { date: '2024-03-01', source: 'metadata' },
    entities: [],
    events: [],
    offices: [],
    diagnostics: [],
    stats: { blocks: 1, removed: 0, mentions: 0, timeExpressions: 0 },
  };
}

it('gives the facts back in increasing id order, the latest of an id winning, and keeps no file', async () => {
  const store = openFactsStore(dir);
  try {
    store.put(facts('b', 'h1'));
    store.put(facts('a', 'h2', 'Orbán és Зеленський'));
    store.put(facts('c', 'h3'));
    store.put(facts('b', 'h4', 'replaced'));
    expect(store.size).toBe(3);
    expect(store.hashOf('b')).toBe('h4');
    expect(store.hashOf('z')).toBeUndefined();
    expect([...store.facts()]).toEqual([facts('a', 'h2', 'Orbán és Зеленський'), facts('b', 'h4', 'replaced'), facts('c', 'h3')]);
    expect([...store.lines()]).toEqual([facts('a', 'h2', 'Orbán és Зеленський'), facts('b', 'h4', 'replaced'), facts('c', 'h3')].map((f) => JSON.stringify(f)));
    expect(store.index().map((e) => e.id)).toEqual(['a', 'b', 'c']);
  } finally {
    store.close();
  }
  expect(await readdir(dir)).toEqual([]);
});

it('holds facts larger than its write buffer next to many small ones', () => {
  const store = openFactsStore(dir);
  try {
    const big = facts('m-big', 'big', 'x'.repeat(3 << 20));
    for (let i = 0; i < 2000; i++) store.put(facts(`m-${String(i).padStart(4, '0')}`, `h${i}`, 'é'.repeat(300)));
    store.put(big);
    store.put(facts('n', 'last'));
    const back = [...store.facts()];
    expect(back).toHaveLength(2002);
    expect(back.find((f) => f.meta.id === 'm-big')).toEqual(big);
    expect(back[1999].meta).toEqual(facts('m-1999', 'h1999', 'é'.repeat(300)).meta);
    expect(back.at(-1)?.hash).toBe('last');
  } finally {
    store.close();
  }
});
