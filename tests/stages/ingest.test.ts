// Ingest: every input format read into RawArticles with its metadata, and every kind of bad input reported, never fatal.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IngestItem } from '../../src/stages/ingest/index.js';
import { createHash } from 'node:crypto';
import { createDeduplicator, hashText, parseMetadataDate, readArticles } from '../../src/stages/ingest/index.js';
import { textBytes } from '../../src/stages/ingest/text-bytes.js';
import { articleTextFile } from '../../src/stages/assemble/index.js';
import type { ArticleMeta, Diagnostic, RawArticle } from '../../src/types.js';

const FIXTURES = 'tests/fixtures/ingest';

async function collect(inputs: string[]): Promise<{ items: IngestItem[]; articles: RawArticle[]; diagnostics: Diagnostic[] }> {
  const items: IngestItem[] = [];
  for await (const item of readArticles(inputs)) items.push(item);
  return {
    items,
    articles: items.flatMap((item) => (item.kind === 'article' ? [item.article] : [])),
    diagnostics: items.flatMap((item) => (item.kind === 'diagnostic' ? [item.diagnostic] : [])),
  };
}

describe('readArticles: formats', () => {
  it.each<[string, RawArticle['format'], Partial<ArticleMeta>[]]>([
    ['formats/plain.txt', 'txt', [{ id: 'plain', title: null, published: null, file: `${FIXTURES}/formats/plain.txt` }]],
    [
      'formats/front-matter.md',
      'md',
      [{ id: 'md-article', title: 'Orban visits Beijing', url: 'https://example.com/orban-beijing', published: '2025-06-24', source: 'Example News' }],
    ],
    [
      'formats/page.html',
      'html',
      [{ id: 'page', title: 'Orban Meets Erdogan in Ankara', published: '2025-03-04', source: 'Example Daily', url: 'https://example.org/world/orban-erdogan', language: 'en' }],
    ],
    ['formats/record.json', 'json', [{ id: 'json-one', title: 'Xi Calls Putin', published: '2025-05-08', source: 'Wire', language: 'en' }]],
    ['formats/records.json', 'json', [{ id: 'array-first', published: '2025-05-06' }, { id: 'records#2', title: 'Untitled wire', published: null }]],
    [
      'formats/records.jsonl',
      'jsonl',
      [{ id: 'line-one', line: 1, published: '2025-01-20' }, { id: 'records#3', line: 3, url: 'https://example.com/modi' }],
    ],
  ])('reads %s', async (fixture, format, metas) => {
    const { articles, diagnostics } = await collect([`${FIXTURES}/${fixture}`]);
    expect(diagnostics).toEqual([]);
    expect(articles.map((article) => article.format)).toEqual(metas.map(() => format));
    expect(articles.map((article) => article.meta)).toEqual(metas.map((meta) => expect.objectContaining({ file: `${FIXTURES}/${fixture}`, ...meta })));
  });

  it('keeps a text file as written: front matter off, body unchanged', async () => {
    const { articles } = await collect([`${FIXTURES}/formats/front-matter.md`, `${FIXTURES}/formats/plain.txt`]);
    expect(articles[0].text).toBe('Hungarian Prime Minister Viktor Orban arrived in Beijing on Monday for talks with President Xi Jinping.\n');
    expect(articles[1].text).toBe(await readFile(`${FIXTURES}/formats/plain.txt`, 'utf8'));
  });

  it('strips a BOM but keeps CRLF line ends, so offsets match the file', async () => {
    const { articles } = await collect([`${FIXTURES}/formats/bom-crlf.txt`]);
    expect(articles[0].text).toBe('Putin met Orban in Moscow.\r\n\r\nThe talks lasted three hours.\r\n');
  });

  it('extracts the main text of a page in paragraphs, without its menu', async () => {
    const { articles } = await collect([`${FIXTURES}/formats/page.html`]);
    const paragraphs = articles[0].text.split('\n\n');
    expect(paragraphs).toContain('Hungarian Prime Minister Viktor Orban met Turkish President Recep Tayyip Erdogan in Ankara on Tuesday, the Turkish presidency said in a statement.');
    expect(paragraphs).toContain('Orban said the talks were friendly and that Hungary and Turkey would sign new agreements on gas deliveries later this year.');
    expect(articles[0].text).not.toMatch(/\bBusiness\b/);
  });

  it('reads a folder recursively in code-unit order, with its manifest as metadata and not as an article', async () => {
    const { articles, diagnostics } = await collect([`${FIXTURES}/manifest-folder`]);
    expect(diagnostics).toEqual([]);
    expect(articles.map((article) => article.meta.id)).toEqual(['from-manifest', 'md-from-manifest', 'gamma']);
    expect(articles[0].meta).toEqual({
      id: 'from-manifest', title: null, url: null, published: '2024-12-11', source: 'TASR', language: 'en', file: `${FIXTURES}/manifest-folder/alpha.txt`,
    });
    // The manifest wins over the file's own front matter; front matter fills what the manifest leaves out.
    expect(articles[1].meta).toMatchObject({ id: 'md-from-manifest', published: '2025-02-02', source: 'Curated', title: 'Own Title' });
  });

  it('reads the seed folder with its manifest', async () => {
    const { articles, diagnostics } = await collect(['data/articles']);
    expect(diagnostics).toEqual([]);
    expect(articles.map((article) => [article.meta.id, article.meta.published])).toEqual([
      ['000_286876c6e586020e', '2024-12-11'],
      ['001_9f0322c5207143d7', '2025-10-17'],
      ['002_120213c231b1ab6f', '2022-02-01'],
      ['003_b3ba324170558599', '2025-10-17'],
      ['004_526fbc0e294a48ad', '2021-12-31'],
    ]);
  });

  it('streams a 100,000-line JSONL file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kg-ingest-'));
    try {
      const file = path.join(dir, 'big.jsonl');
      const lines = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ text: `Leader ${i} met leader ${i + 1}.` }));
      await writeFile(file, `${lines.join('\n')}\n`);
      let articles = 0;
      let last: RawArticle | null = null;
      for await (const item of readArticles([file])) {
        if (item.kind === 'article') {
          articles += 1;
          last = item.article;
        }
      }
      expect(articles).toBe(100_000);
      expect(last?.meta).toMatchObject({ id: 'big#100000', line: 100_000 });
      expect(last?.text).toBe('Leader 99999 met leader 100000.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('readArticles: bad input is reported and the run goes on', () => {
  const good = `${FIXTURES}/formats/plain.txt`;

  it.each<[string, string]>([
    ['bad/empty.txt', 'empty-file'],
    ['bad/binary.txt', 'binary-file'],
    ['bad/latin1.txt', 'undecodable-text'],
    ['bad/broken.json', 'bad-json'],
    ['bad/table.csv', 'unsupported-format'],
    ['bad/bad-date.md', 'bad-date'],
    ['does-not-exist.txt', 'missing-input'],
    ['bad-manifest', 'bad-manifest'],
  ])('%s gives %s, and the next input is still read', async (fixture, code) => {
    const { articles, diagnostics } = await collect([`${FIXTURES}/${fixture}`, good]);
    const file = fixture === 'bad-manifest' ? `${FIXTURES}/bad-manifest/manifest.json` : `${FIXTURES}/${fixture}`;
    expect(diagnostics).toEqual([expect.objectContaining({ stage: 'ingest', code, file })]);
    expect(diagnostics[0].message.startsWith(`${file}: `)).toBe(true);
    expect(articles.map((article) => article.meta.id)).toContain('plain');
  });

  it('keeps an article whose date does not parse, with no date', async () => {
    const { articles } = await collect([`${FIXTURES}/bad/bad-date.md`]);
    expect(articles.map((article) => [article.meta.id, article.meta.published])).toEqual([['bad-date', null]]);
  });

  it('reads a folder whose manifest is broken without the manifest', async () => {
    const { articles } = await collect([`${FIXTURES}/bad-manifest`]);
    expect(articles.map((article) => article.meta.id)).toEqual(['delta']);
  });

  it('reports each bad JSONL line by number and keeps the good lines', async () => {
    const { articles, diagnostics } = await collect([`${FIXTURES}/bad/lines.jsonl`]);
    expect(diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['bad-json-line', 3, 'error'],
      ['bad-record', 4, 'error'],
      ['bad-record', 5, 'warning'],
      ['bad-record', 6, 'error'],
    ]);
    expect(diagnostics[0].message).toMatch(/^tests\/fixtures\/ingest\/bad\/lines\.jsonl line 3: not JSON \(.+\); fix the line or remove it; skipped$/);
    expect(diagnostics[2].message).toContain('title (a number)');
    expect(articles.map((article) => [article.meta.id, article.meta.line, article.meta.title])).toEqual([
      ['ok-1', 1, null],
      ['ok-2', 2, null],
      ['ok-5', 5, null],
    ]);
  });

  it('reports a manifest entry whose file is missing and reads the rest', async () => {
    const { articles, diagnostics } = await collect([`${FIXTURES}/missing-file-manifest`]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'manifest-missing-file', file: `${FIXTURES}/missing-file-manifest/manifest.json`, message: expect.stringContaining('gone.txt') }),
    ]);
    expect(articles.map((article) => article.meta.id)).toEqual(['present']);
  });

  it('reads the whole bad folder: one diagnostic per problem, every good article kept', async () => {
    const { articles, diagnostics } = await collect([`${FIXTURES}/bad`]);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(
      ['bad-date', 'bad-json', 'bad-json-line', 'bad-record', 'bad-record', 'bad-record', 'binary-file', 'empty-file', 'undecodable-text', 'unsupported-format'].sort(),
    );
    expect(articles.map((article) => article.meta.id)).toEqual(['bad-date', 'ok-1', 'ok-2', 'ok-5']);
  });
});

describe('createDeduplicator', () => {
  const article = (id: string, text: string, file = 'a.txt'): RawArticle => ({
    meta: { id, title: null, url: null, published: null, source: null, language: null, file },
    text,
    format: 'txt',
  });

  it('reports a repeated id and a repeated text, and passes new articles', () => {
    const check = createDeduplicator();
    expect(check(article('one', 'Putin met Orban.'))).toBeNull();
    expect(check(article('two', 'Xi met Lula.'))).toBeNull();
    expect(check(article('one', 'Another text.', 'b.txt'))).toMatchObject({ code: 'duplicate-id', file: 'b.txt', article: 'one' });
    expect(check(article('three', 'Putin met Orban.\r\n', 'c.txt'))).toMatchObject({ code: 'duplicate-text', file: 'c.txt', article: 'three' });
    expect(check(article('three', 'A text of its own.', 'd.txt'))).toBeNull();
  });
});

describe('hashText', () => {
  it('is the SHA-256 hex digest', () => {
    expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each(['Foreign Minister S Jaishankar 😀 meets US special envoy Zalmay Khalilzad in New York.', 'Viktor Orbán \u0000 \uffff', ''])('of well-formed text is that of its UTF-8 bytes, as before: %j', (text) => {
    expect(hashText(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });

  it('tells apart texts that differ only in a lone surrogate, or in one against U+FFFD', () => {
    const texts = ['Haniyeh \ud800arrived', 'Haniyeh \ud801arrived', 'Haniyeh \udc00arrived', 'Haniyeh \ufffdarrived', 'Haniyeh \ud800\udc00arrived', 'Haniyeh \udc00\ud800arrived'];
    expect(new Set(texts.map(hashText)).size).toBe(texts.length);
  });

  it('hashes a lone surrogate as its WTF-8 bytes', () => {
    expect([...textBytes('a\ud800b\udfff')]).toEqual([0x61, 0xed, 0xa0, 0x80, 0x62, 0xed, 0xbf, 0xbf]);
  });

  it('gives ids that differ only in a lone surrogate their own article text files', () => {
    expect(articleTextFile('aw-id\ud800')).not.toBe(articleTextFile('aw-id\ud801'));
    expect(articleTextFile('aw-id')).toBe(`articles/${createHash('sha256').update('aw-id', 'utf8').digest('hex').slice(0, 24)}.txt`);
  });
});

describe('parseMetadataDate', () => {
  it.each<[string, string | null]>([
    ['2025-06-24', '2025-06-24'],
    ['2025-06-24T23:30:00-05:00', '2025-06-24'],
    ['2025-06-24T10:00:00.000Z', '2025-06-24'],
    ['2025/06/24', '2025-06-24'],
    ['Tue, 24 Jun 2025 10:00:00 +0000', '2025-06-24'],
    ['June 24, 2025', '2025-06-24'],
    ['Tuesday, Jun 24, 2025', '2025-06-24'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['24th June 2025', '2025-06-24'],
    ['24.06.2025', '2025-06-24'],
    ['June 24, 2025 10:30 AM EST', '2025-06-24'],
    ['2025-02-30', null],
    ['June 2025', null],
    ['06/24/2025', null],
    ['last Tuesday', null],
    ['June 24, 2025 and more', null],
    ['', null],
  ])('%j -> %j', (value, expected) => {
    expect(parseMetadataDate(value)).toBe(expected);
  });
});
