// Ingest against hostile input: each kind of bad file costs that file (or line) with a diagnostic, every good article is read.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IngestItem } from '../../src/stages/ingest/index.js';
import { readArticles } from '../../src/stages/ingest/index.js';

const GOOD = 'Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Moscow on Monday.\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-ingest-robust-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(inputs: string[]): Promise<{ ids: string[]; codes: [string, boolean][]; items: IngestItem[] }> {
  const items: IngestItem[] = [];
  for await (const item of readArticles(inputs, { cwd: dir })) items.push(item);
  return {
    items,
    ids: items.flatMap((item) => (item.kind === 'article' ? [item.article.meta.id] : [])),
    codes: items.flatMap((item) => (item.kind === 'diagnostic' ? [[item.diagnostic.code, item.skipped] as [string, boolean]] : [])),
  };
}

const jsonl = (records: object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('ingest: good articles are never lost quietly', () => {
  it('builds an article holding a U+FFFD and warns', async () => {
    await writeFile(path.join(dir, 'feed.jsonl'), jsonl([{ id: 'a', text: `Putin met Orban \uFFFD in Moscow.` }, { id: 'b', text: GOOD }]));
    await writeFile(path.join(dir, 'page.txt'), `Xi called Putin \uFFFD on Monday.`);
    const { ids, codes } = await collect(['.']);
    expect(ids).toEqual(['a', 'b', 'page']);
    expect(codes).toEqual([['replacement-character', false], ['replacement-character', false]]);
  });

  it('skips only the line that holds a NUL byte', async () => {
    const lines = Array.from({ length: 9 }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `${GOOD} Story ${i + 1}.` }));
    lines[1] = lines[1].replace('Story', 'Sto\u0000ry');
    await writeFile(path.join(dir, 'feed.jsonl'), lines.join('\n'));
    const { ids, items } = await collect(['feed.jsonl']);
    expect(ids).toEqual(['r1', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
    expect(items.filter((i) => i.kind === 'diagnostic').map((i) => i.kind === 'diagnostic' && [i.diagnostic.code, i.diagnostic.line, i.skipped])).toEqual([['binary-file', 2, true]]);
  });

  it('counts JSONL lines at LF only: a lone CR neither splits a record nor shifts the numbers', async () => {
    await writeFile(path.join(dir, 'feed.jsonl'), `{"id": "one", "text": "${GOOD.trim()}"}\n{"id": "two",\r"text": "${GOOD.trim()}"}\r\n{"id": "three"}\n{"id": "four", "text": "${GOOD.trim()}"}\n`);
    const { ids, items } = await collect(['feed.jsonl']);
    expect(ids).toEqual(['one', 'two', 'four']);
    expect(items.flatMap((i) => (i.kind === 'diagnostic' ? [[i.diagnostic.code, i.diagnostic.line]] : []))).toEqual([['bad-record', 3]]);
    expect(items.flatMap((i) => (i.kind === 'article' ? [i.article.meta.line] : []))).toEqual([1, 2, 4]);
  });

  it('follows linked files and folders, reads each file once, and reports a loop and a dangling link', async () => {
    await mkdir(path.join(dir, 'real'));
    await writeFile(path.join(dir, 'real', 'inside.txt'), GOOD);
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'elsewhere.txt'), `${GOOD} Elsewhere.`);
    await symlink(path.join(dir, 'real'), path.join(dir, 'in', 'linked-folder'));
    await symlink(path.join(dir, 'elsewhere.txt'), path.join(dir, 'in', 'linked-file.txt'));
    await symlink(path.join(dir, 'in'), path.join(dir, 'in', 'loop'));
    await symlink(path.join(dir, 'gone.txt'), path.join(dir, 'in', 'dangling.txt'));
    const { ids, codes } = await collect(['in']);
    expect(ids).toEqual(['linked-file', 'inside']);
    expect(codes).toEqual([['broken-link', true], ['link-loop', false]]);
  });

  it('applies manifest entries to files in subfolders and refuses entries outside the folder', async () => {
    await mkdir(path.join(dir, 'in', 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'in', 'sub', 'deep.txt'), GOOD);
    await writeFile(path.join(dir, 'outside.txt'), `${GOOD} Outside.`);
    await writeFile(
      path.join(dir, 'in', 'manifest.json'),
      JSON.stringify({ articles: [{ id: 'deep-id', file: 'sub/deep.txt', published: '2025-06-24' }, { id: 'out-id', file: '../outside.txt' }] }),
    );
    const { ids, items, codes } = await collect(['in']);
    expect(ids).toEqual(['deep-id']);
    expect(items.find((i) => i.kind === 'article')).toMatchObject({ article: { meta: { published: '2025-06-24' } } });
    expect(codes).toEqual([['manifest-outside-folder', false]]);
  });

  it('reads front matter of a file with CR-only line ends, keeping offsets, and says so', async () => {
    await writeFile(path.join(dir, 'mac.txt'), `---\rid: mac-id\rpublished: 2025-06-24\r---\r${GOOD.trim()}\rSecond line.\r`);
    const { items, codes } = await collect(['mac.txt']);
    const article = items.find((i) => i.kind === 'article');
    expect(article).toMatchObject({ article: { meta: { id: 'mac-id', published: '2025-06-24' }, text: `${GOOD.trim()}\nSecond line.\n` } });
    expect(codes).toEqual([['cr-line-ends', false]]);
  });

  it('reads front matter with Windows line ends as before, with no diagnostic', async () => {
    await writeFile(path.join(dir, 'win.txt'), `---\r\nid: win-id\r\n---\r\n${GOOD}`);
    const { ids, codes } = await collect(['win.txt']);
    expect([ids, codes]).toEqual([['win-id'], []]);
  });
});

describe('ingest: inputs that used to hang or crash the run', () => {
  it.each([2000, 4000, 20000])('reads HTML nested %i deep in bounded time, says so, and keeps its text', async (depth) => {
    await writeFile(path.join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(depth)}<p>${GOOD}</p>${'</div>'.repeat(depth)}</body></html>`);
    await writeFile(path.join(dir, 'good.txt'), `${GOOD} Good.`);
    const started = performance.now();
    const { items, codes } = await collect(['.']);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(items.flatMap((i) => (i.kind === 'article' ? [[i.article.meta.id, i.article.text]] : []))).toEqual([['deep', GOOD.trim()], ['good', `${GOOD} Good.`]]);
    expect(codes).toEqual([['html-too-deep', false]]);
  });

  it('reports a YAML alias bomb in front matter and builds the article without its metadata', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
    await writeFile(path.join(dir, 'bomb.md'), `---\n${bomb.join('\n')}\n---\n${GOOD}`);
    await writeFile(path.join(dir, 'good.txt'), `${GOOD} Good.`);
    const { ids, codes } = await collect(['.']);
    expect(ids).toEqual(['bomb', 'good']);
    expect(codes).toEqual([['bad-front-matter', false]]);
  });

  it('reports a file name that is not UTF-8 and reads the rest', async () => {
    execFileSync('python3', ['-c', `open(b'${dir}/bad-\\xff-name.txt', 'w').write('x')`]);
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    const { ids, codes } = await collect(['.']);
    expect(ids).toEqual(['good']);
    expect(codes).toEqual([['bad-file-name', true]]);
  });

  it('reports a FIFO, given alone or in a folder, instead of waiting on it', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.jsonl')]);
    await writeFile(path.join(dir, 'good.txt'), GOOD);
    const { ids, codes } = await collect(['pipe.jsonl', '.']);
    expect(ids).toEqual(['good']);
    expect(codes).toEqual([['not-a-file', true], ['not-a-file', true]]);
  });

  it('reports an unreadable file, folder and JSONL (EACCES, as a user without root) and reads the rest', async () => {
    await mkdir(path.join(dir, 'in', 'locked'), { recursive: true });
    await writeFile(path.join(dir, 'in', 'locked', 'hidden.txt'), GOOD);
    await writeFile(path.join(dir, 'in', 'secret.txt'), GOOD);
    await writeFile(path.join(dir, 'in', 'secret.jsonl'), jsonl([{ id: 's', text: GOOD }]));
    await writeFile(path.join(dir, 'in', 'good.txt'), `${GOOD} Good.`);
    await writeFile(path.join(dir, 'in', 'feed.jsonl'), jsonl([{ id: 'f', text: `${GOOD} Feed.` }]));
    await chmod(dir, 0o755);
    await chmod(path.join(dir, 'in'), 0o755);
    for (const locked of ['locked', 'secret.txt', 'secret.jsonl']) await chmod(path.join(dir, 'in', locked), 0o000);
    const script = path.join(dir, 'run.mts');
    await writeFile(
      script,
      `import { readArticles } from ${JSON.stringify(path.resolve('src/stages/ingest/index.ts'))};\n` +
        `const out = [];\nfor await (const item of readArticles(['in'], { cwd: ${JSON.stringify(dir)} })) out.push(item.kind === 'article' ? item.article.meta.id : [item.diagnostic.code, item.skipped, item.diagnostic.file]);\n` +
        'console.log(JSON.stringify(out));\n',
    );
    // Root reads any file, so the reader runs as nobody when the tests run as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve('.'), encoding: 'utf8', ...asUser, env: { ...process.env, HOME: dir } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      'f',
      'good',
      ['unreadable-folder', true, 'in/locked'],
      ['unreadable-file', true, 'in/secret.jsonl'],
      ['unreadable-file', true, 'in/secret.txt'],
    ]);
  });
});
