// Fuzzing ingest and clean: thousands of seeded mutations of real inputs (every format) thrown at readArticles and
// cleanArticle. No input may crash either, none may run past its time, and a good article beside them is always read.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { readArticles } from '../../src/stages/ingest/index.js';
import { createRandom as random } from '../../src/graph/random.js';

const FIXTURES = 'tests/fixtures/ingest/formats';
const SEEDS = ['plain.txt', 'front-matter.md', 'page.html', 'record.json', 'records.json', 'records.jsonl', 'bom-crlf.txt'].map((name) => ({
  name,
  bytes: readFileSync(path.join(FIXTURES, name)),
}));
const GOOD = 'Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Moscow on Monday.\n';

// Fragments that broke or could break a reader: encodings, line ends, front matter, JSON and HTML structure, YAML aliases.
const FRAGMENTS = [
  '\u0000', '\uFFFD', '\r', '\r\n', '\n---\n', '---\n', '...', '"', '{', '}', '[', ']', '\\', '\\u', '<div>', '</div>', '<p>', '<!--', '-->',
  '<script>', '</', '&amp;', '&#x0;', 'id: &a x\nb: *a\n', '\u2028', '\u200B', '\uD800', 'ÿ', '🙂', '.'.repeat(5000), '<b>'.repeat(3000),
  '{"text": ', ': ', '\t', ' '.repeat(2000),
].map((s) => Buffer.from(s, 'utf8'));
const RAW_BYTES = [0x00, 0xff, 0xfe, 0xc3, 0x80, 0x0d, 0x0a, 0xef, 0xbb, 0xbf];


function mutate(bytes: Buffer, next: () => number): Buffer {
  let out = bytes;
  const pick = (n: number): number => Math.floor(next() * n);
  for (let step = 0, steps = 1 + pick(4); step < steps; step++) {
    const at = pick(out.length + 1);
    switch (pick(6)) {
      case 0: // insert a fragment
        out = Buffer.concat([out.subarray(0, at), FRAGMENTS[pick(FRAGMENTS.length)], out.subarray(at)]);
        break;
      case 1: // insert a raw byte (possibly breaking UTF-8)
        out = Buffer.concat([out.subarray(0, at), Buffer.from([RAW_BYTES[pick(RAW_BYTES.length)]]), out.subarray(at)]);
        break;
      case 2: // delete a range
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + pick(64)))]);
        break;
      case 3: // duplicate a range
        out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + pick(200)), out.subarray(at)]);
        break;
      case 4: // truncate
        out = out.subarray(0, at);
        break;
      default: // flip a byte
        if (out.length > 0) {
          out = Buffer.from(out);
          out[pick(out.length)] ^= 1 << pick(8);
        }
    }
  }
  return out;
}

const INPUTS = 2100;
const BATCH = 150;
// Generous for a shared 2-core machine: the slowest mutation takes well under a second.
const PER_INPUT_MS = 5000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it(`${INPUTS} mutated inputs: no crash, no input past its time, the good article always read`, async () => {
  const next = random(20261201);
  let articles = 0;
  let slowest = 0;
  for (let batch = 0; batch * BATCH < INPUTS; batch++) {
    const folder = path.join(dir, `batch-${batch}`);
    await mkdir(folder);
    await writeFile(path.join(folder, 'zz-good.txt'), GOOD);
    for (let i = 0; i < BATCH; i++) {
      const seed = SEEDS[Math.floor(next() * SEEDS.length)];
      await writeFile(path.join(folder, `${String(i).padStart(3, '0')}-${seed.name}`), mutate(seed.bytes, next));
    }
    const ids: string[] = [];
    let last = performance.now();
    for await (const item of readArticles([folder], { articleTimeoutMs: PER_INPUT_MS })) {
      if (item.kind === 'article') {
        ids.push(item.article.meta.id);
        cleanArticle(item.article);
        articles++;
      }
      const now = performance.now();
      slowest = Math.max(slowest, now - last);
      last = now;
    }
    expect([batch, ids.includes('zz-good')]).toEqual([batch, true]);
  }
  expect(slowest).toBeLessThan(PER_INPUT_MS);
  // Most mutations leave an article to read: the fuzzing reaches clean, not only the decoders.
  expect(articles).toBeGreaterThan(INPUTS / 2);
}, 300_000);
