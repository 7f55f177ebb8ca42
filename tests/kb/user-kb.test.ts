// The user's KB files (--kb): merged over the built-in KB, validated with errors that name file, entry and field,
// linked by role at a date in the term and not outside it, through a build's worker threads and its cache.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findEntities } from '../../src/analyze.js';
import { KgError } from '../../src/errors.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { buildGraph } from '../../src/pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INVENTED = path.join(ROOT, 'tests/fixtures/kb/user/invented.json');
const CORRECTION = path.join(ROOT, 'tests/fixtures/kb/user/kenyatta-term-end.json');
const tmp = mkdtempSync(path.join(tmpdir(), 'kg-user-kb-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The person keys the link stage gives a text at a date. */
function peopleIn(text: string, date: string, kbPaths: string[]): string[] {
  return findEntities(text, { published: date, kbPaths }).filter((m) => m.kind === 'person').map((m) => m.key);
}

describe('merging', () => {
  it('adds the new entries of a file and reports them', () => {
    const kb = loadKnowledgeBase(undefined, [INVENTED]);
    expect(kb.person('orla-vantreese')?.offices).toHaveLength(1);
    expect(kb.organization('tasman-fisheries-council')?.acronym).toBe('TFC');
    expect(kb.userFiles).toEqual([{ file: 'tests/fixtures/kb/user/invented.json', added: ['org:tasman-fisheries-council', 'person:orla-vantreese'], changed: [] }]);
    // The built-in KB is untouched by another load's user files.
    expect(loadKnowledgeBase().person('orla-vantreese')).toBeUndefined();
  });

  it('corrects a built-in term end and adds an alias, keeping the rest of the entry', () => {
    const kb = loadKnowledgeBase(undefined, [CORRECTION]);
    const kenyatta = kb.person('uhuru-kenyatta')!;
    expect(kenyatta.name).toBe('Uhuru Kenyatta');
    expect(kenyatta.aliases).toEqual(expect.arrayContaining(['Uhuru Muigai Kenyatta', 'President Uhuru']));
    expect(kb.holders('head_of_state', 'KE', '2019-05-01')).toEqual([]);
    expect(loadKnowledgeBase().holders('head_of_state', 'KE', '2019-05-01').map((p) => p.id)).toEqual(['uhuru-kenyatta']);
    expect(kb.userFiles[0].changed).toEqual([
      {
        key: 'person:uhuru-kenyatta',
        changes: [
          'aliases added: President Uhuru',
          'office head_of_state of KE from 2013-04-09: ends 2018-12-31 (was 2022-09-13)',
          'source added: a deliberately wrong correction, for the tests of kg build --kb',
        ],
      },
    ]);
  });

  it('corrects a name, keeping the old one as an alias so text that used it still links', () => {
    const file = path.join(tmp, 'name.json');
    writeFileSync(file, JSON.stringify([{ id: 'uhuru-kenyatta', name: 'Uhuru Muigai Kenyatta' }]));
    const kb = loadKnowledgeBase(undefined, [file]);
    expect(kb.person('uhuru-kenyatta')?.name).toBe('Uhuru Muigai Kenyatta');
    expect(kb.lookup('Uhuru Kenyatta').map((e) => (e.kind === 'person' ? e.person.name : e.kind))).toEqual(['Uhuru Muigai Kenyatta']);
    expect(kb.userFiles[0].changed).toEqual([{ key: 'person:uhuru-kenyatta', changes: ['name: "Uhuru Muigai Kenyatta" (was "Uhuru Kenyatta")'] }]);
  });

  it('reads a folder recursively, its files in sorted order', () => {
    const kb = loadKnowledgeBase(undefined, [path.dirname(INVENTED)]);
    expect(kb.userFiles.map((f) => path.basename(f.file))).toEqual(['invented.json', 'kenyatta-term-end.json']);
  });
});

describe('linking', () => {
  it.each([
    ['The Secretary-General of the Tasman Fisheries Council met fishing ministers in Suva.', '2018-05-02', ['person:orla-vantreese']],
    ['The Tasman Fisheries Council secretary-general said quotas would fall.', '2016-03-01', ['person:orla-vantreese']],
    ['The Secretary-General of the Tasman Fisheries Council met fishing ministers in Suva.', '2020-06-30', []],
    ['The Secretary-General of the Tasman Fisheries Council met fishing ministers in Suva.', '2015-12-31', []],
  ])('%s (%s)', (text, date, expected) => {
    expect(peopleIn(text, date, [INVENTED])).toEqual(expected);
  });

  it('a corrected term end changes the link at that date', () => {
    const text = 'The Kenyan president said on Tuesday that talks would resume.';
    expect(peopleIn(text, '2019-05-01', [])).toEqual(['person:uhuru-kenyatta']);
    expect(peopleIn(text, '2019-05-01', [CORRECTION])).toEqual([]);
    expect(peopleIn(text, '2018-05-01', [CORRECTION])).toEqual(['person:uhuru-kenyatta']);
  });
});

describe('validation', () => {
  const [org, person] = JSON.parse(readFileSync(INVENTED, 'utf8')) as Record<string, unknown>[];
  const office = (person.offices as Record<string, unknown>[])[0];

  it.each<[string, Record<string, string>, RegExp]>([
    ['broken JSON', { 'a.json': '[{"id": "x",]' }, /a\.json: not JSON \(.*\); fix the syntax/],
    ['not an array', { 'a.json': '{"id": "x"}' }, /a\.json: expected an array of people, organisations or places/],
    ['duplicate id in a file', { 'a.json': JSON.stringify([person, person]) }, /a\.json: entry "orla-vantreese": duplicate id; give each entry its own id/],
    ['duplicate id across files', { 'a.json': JSON.stringify([person]), 'b.json': JSON.stringify([person]) }, /b\.json: entry "orla-vantreese": duplicate id \(also in .*a\.json\)/],
    ['end before start', { 'a.json': JSON.stringify([org, { ...person, offices: [{ ...office, to: '2015-01-01' }] }]) }, /a\.json: entry "orla-vantreese", office 1, field to: ends \(2015-01-01\) before it begins \(2016-03-01\); correct the date/],
    ['unknown country code', { 'a.json': JSON.stringify([{ ...person, country: 'XZ' }]) }, /a\.json: entry "orla-vantreese", field country: "XZ" is not an ISO2 code; use the two-letter ISO 3166-1 code/],
    ['unknown office holder', { 'a.json': JSON.stringify([person]) }, /a\.json: entry "orla-vantreese", office 1, field of: "tasman-fisheries-council" is neither an ISO2 code nor an organisation id/],
    ['a correction with an end before its start', { 'a.json': JSON.stringify([{ id: 'uhuru-kenyatta', offices: [{ type: 'head_of_state', title: 'President', of: 'KE', from: '2013-04-09', to: '2013-01-01' }] }]) }, /a\.json: entry "uhuru-kenyatta", office 1, field to: ends \(2013-01-01\) before/],
    ['a new entry missing fields', { 'a.json': JSON.stringify([{ id: 'amara-tell', offices: [] }]) }, /a\.json: entry "amara-tell", field name: .*; a new person needs id, name, aliases, country, offices, source/],
    ['an entry of no kind', { 'a.json': JSON.stringify([{ id: 'amara-tell', aliases: ['A. Tell'] }]) }, /a\.json: entry "amara-tell": cannot tell a person from an organisation or a place/],
    ['a misspelt field', { 'a.json': JSON.stringify([{ id: 'uhuru-kenyatta', alias: ['Uhuru'] }]) }, /a\.json: entry "uhuru-kenyatta": Unrecognized key: "alias"/],
  ])('%s', (_name, files, message) => {
    const dir = mkdtempSync(path.join(tmp, 'bad-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    let error: unknown;
    try {
      loadKnowledgeBase(undefined, [dir]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).code).toBe('kb-invalid');
    expect((error as KgError).message).toMatch(message);
  });

  it('names a --kb path that does not exist', () => {
    expect(() => loadKnowledgeBase(undefined, [path.join(tmp, 'nowhere.json')])).toThrow(/--kb .*nowhere\.json: no such file or folder/);
  });
});

describe('a build with --kb', () => {
  const feed = path.join(tmp, 'feed.jsonl');
  writeFileSync(feed, [
    JSON.stringify({ id: 'in-term', published: '2018-05-02', text: 'The Secretary-General of the Tasman Fisheries Council met New Zealand Prime Minister Jacinda Ardern in Wellington on Monday.' }),
    JSON.stringify({ id: 'after-term', published: '2021-05-04', text: 'The Secretary-General of the Tasman Fisheries Council met New Zealand Prime Minister Jacinda Ardern in Auckland on Monday.' }),
  ].join('\n'));
  const linkedIn = (dir: string): Record<string, boolean> =>
    Object.fromEntries(readFileSync(path.join(dir, 'facts.jsonl'), 'utf8').trim().split('\n').map((line) => {
      const facts = JSON.parse(line) as { meta: { id: string } };
      return [facts.meta.id, line.includes('person:orla-vantreese')];
    }));

  it('links the user KB in worker threads, reports the file, and redoes the cached articles when the KB changes', async () => {
    const out = path.join(tmp, 'out');
    const cacheDir = path.join(tmp, 'cache');
    // inlineArticles 0: every article goes to the pool, whose workers must load the same merged KB.
    const first = await buildGraph({ inputs: [feed], outDir: out, formats: [], workers: 2, inlineArticles: 0, cacheDir, kbPaths: [INVENTED] });
    expect(first.report.cache).toEqual({ hits: 0, misses: 2 });
    expect(first.report.kb).toEqual([expect.objectContaining({ added: ['org:tasman-fisheries-council', 'person:orla-vantreese'] })]);
    expect(first.graph.hasNode('person:orla-vantreese')).toBe(true);
    expect(linkedIn(out)).toEqual({ 'in-term': true, 'after-term': false });

    const again = await buildGraph({ inputs: [feed], outDir: out, formats: [], workers: 1, cacheDir, kbPaths: [INVENTED] });
    expect(again.report.cache).toEqual({ hits: 2, misses: 0 });
    const without = await buildGraph({ inputs: [feed], outDir: out, formats: [], workers: 1, cacheDir });
    expect(without.report.cache).toEqual({ hits: 0, misses: 2 });
    expect(without.graph.hasNode('person:orla-vantreese')).toBe(false);
  }, 120_000);
});
