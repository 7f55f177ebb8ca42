// kg kb import wikidata: SPARQL JSON results -> KB people that validate as a --kb file and link in a build.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadKnowledgeBase, loadKnowledgeBaseFrom } from '../../src/kb/index.js';
import { importWikidata, parseSparqlResults } from '../../src/kb/wikidata.js';
import { buildGraph } from '../../src/pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(ROOT, 'tests/fixtures/kb/wikidata-results.json');
const kb = loadKnowledgeBase();
const tmp = mkdtempSync(path.join(tmpdir(), 'kg-wikidata-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

const rows = parseSparqlResults(JSON.parse(readFileSync(RESULTS, 'utf8')));

it('imports the fixture: one entry per person, aliases from repeated and comma-separated rows, known and unknown offices', () => {
  const { people, skipped } = importWikidata(rows, kb);
  expect(people).toEqual([
    {
      id: 'tomas-ekwueme-larsen',
      name: 'Tomas Ekwueme-Larsen',
      aliases: ['Tomas K. Ekwueme-Larsen', 'T. Ekwueme-Larsen'],
      country: 'KE',
      offices: [
        { type: 'official', title: 'Minister of Fisheries', of: 'KE', from: '1990-02-12', to: '1994-03-01' },
        { type: 'head_of_government', title: 'Prime Minister', of: 'KE', from: '1994-03-01', to: '1997-06-30' },
      ],
      source: 'Wikidata Q990000001',
    },
    {
      id: 'ingrid-salvesen-mbatha',
      name: 'Ingrid Salvesen-Mbatha',
      // "Salvesen-Mbatha" alone is one word: left out.
      aliases: ['Ingrid Mbatha', 'Ingrid S. Mbatha'],
      country: 'KE',
      offices: [{ type: 'foreign_minister', title: 'Minister of Foreign Affairs', of: 'KE', from: '1995-01-09', to: null }],
      source: 'Wikidata Q990000002',
    },
  ]);
  expect(skipped.map((s) => s.reason)).toEqual(['start not known to the day', 'no English label']);
});

/** One row of the query's results, with the literals typed as the service types them. */
function row(positionLabel: string, country: { code?: string; label?: string }, positionClass?: string): Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }> {
  const lang = (value: string) => ({ type: 'literal', value, 'xml:lang': 'en' });
  return {
    person: { type: 'uri', value: 'http://www.wikidata.org/entity/Q990000009' },
    personLabel: lang('Amara Tell-Quist'),
    position: { type: 'uri', value: 'http://www.wikidata.org/entity/Q990000109' },
    positionLabel: lang(positionLabel),
    ...(positionClass ? { positionClass: { type: 'uri', value: `http://www.wikidata.org/entity/${positionClass}` } } : {}),
    country: { type: 'uri', value: 'http://www.wikidata.org/entity/Q990000309' },
    ...(country.label ? { countryLabel: lang(country.label) } : {}),
    ...(country.code ? { countryCode: { type: 'literal', value: country.code } } : {}),
    start: { type: 'literal', value: '2001-05-01T00:00:00Z', datatype: 'http://www.w3.org/2001/XMLSchema#dateTime' },
  };
}

it.each<[string, { code?: string; label?: string }, string | undefined, string, string, string]>([
  ['President of Kenya', { label: 'Kenya' }, undefined, 'KE', 'head_of_state', 'President'],
  ['Vice President of Kenya', { label: 'Kenya' }, undefined, 'KE', 'official', 'Vice President'],
  ['President of the Senate of Kenya', { label: 'Kenya' }, undefined, 'KE', 'official', 'President of the Senate'],
  ['Federal Chancellor of Germany', { code: 'DE', label: 'Germany' }, undefined, 'DE', 'head_of_government', 'Federal Chancellor'],
  ['President of the Government of Spain', { label: 'Spain' }, undefined, 'ES', 'head_of_government', 'President of the Government'],
  ['United States Secretary of State', { code: 'US', label: 'United States' }, undefined, 'US', 'foreign_minister', 'United States Secretary of State'],
  ['Premier of the People\'s Republic of China', { label: 'People\'s Republic of China' }, undefined, 'CN', 'head_of_government', 'Premier'],
  ['Cabinet Secretary for Foreign Affairs of Kenya', { label: 'Kenya' }, undefined, 'KE', 'foreign_minister', 'Cabinet Secretary for Foreign Affairs'],
  ['Secretary of State for Foreign and Commonwealth Affairs', { code: 'GB' }, undefined, 'GB', 'foreign_minister', 'Secretary of State for Foreign and Commonwealth Affairs'],
  ['Minister of State for Foreign Affairs of Kenya', { label: 'Kenya' }, undefined, 'KE', 'official', 'Minister of State for Foreign Affairs'],
  ['Minister of Foreign Trade of Kenya', { label: 'Kenya' }, undefined, 'KE', 'official', 'Minister of Foreign Trade'],
  ['Taoiseach', { label: 'Ireland' }, 'Q2285706', 'IE', 'head_of_government', 'Taoiseach'],
  ['Supreme Leader of Iran', { code: 'IR' }, 'Q48352', 'IR', 'head_of_state', 'Supreme Leader'],
])('%s', (positionLabel, country, positionClass, of, type, title) => {
  const { people } = importWikidata([row(positionLabel, country, positionClass)], kb);
  expect(people[0].offices[0]).toEqual({ type, title, of, from: '2001-05-01', to: null });
});

it('leaves out a row whose country it cannot map to an ISO2 code', () => {
  const { people, skipped } = importWikidata([row('President of Atlantis', { label: 'Atlantis' })], kb);
  expect(people).toEqual([]);
  expect(skipped[0].reason).toMatch(/country Q990000309 has no ISO2 code/);
});

it('an imported person with a built-in id extends the built-in entry when loaded', () => {
  const r = { ...row('Cabinet Secretary for Foreign Affairs of Kenya', { code: 'KE', label: 'Kenya' }), personLabel: { type: 'literal', value: 'Uhuru Kenyatta', 'xml:lang': 'en' }, altLabel: { type: 'literal', value: 'Uhuru Muigai Kenyatta, Uhuru M. Kenyatta', 'xml:lang': 'en' } };
  const { people } = importWikidata([r], kb);
  const merged = loadKnowledgeBaseFrom({ dir: kb.sources!.dir, user: [{ file: path.join(tmp, 'kenyatta.json'), text: JSON.stringify(people) }] });
  expect(merged.userFiles[0].changed).toEqual([{ key: 'person:uhuru-kenyatta', changes: ['aliases added: Uhuru M. Kenyatta', 'office added: foreign_minister of KE from 2001-05-01 to now', 'source added: Wikidata Q990000009'] }]);
  expect(merged.person('uhuru-kenyatta')!.offices).toHaveLength(kb.person('uhuru-kenyatta')!.offices.length + 1);
});

it('refuses results that are not SPARQL JSON or lack the query\'s variables', () => {
  expect(() => parseSparqlResults({ results: [] })).toThrow(/not SPARQL JSON results/);
  expect(() => parseSparqlResults({ head: { vars: ['person'] }, results: { bindings: [] } })).toThrow(/does not select \?personLabel/);
});

it('the import validates as a --kb file and links in a build at a date in the term, not after it', async () => {
  const file = path.join(tmp, 'wikidata-people.json');
  writeFileSync(file, `${JSON.stringify(importWikidata(rows, kb).people, null, 2)}\n`);
  expect(loadKnowledgeBaseFrom({ dir: kb.sources!.dir, user: [{ file, text: readFileSync(file, 'utf8') }] }).userFiles[0].added).toEqual([
    'person:tomas-ekwueme-larsen',
    'person:ingrid-salvesen-mbatha',
  ]);
  const feed = path.join(tmp, 'feed.jsonl');
  writeFileSync(feed, [
    JSON.stringify({ id: 'in-term', published: '1996-02-14', text: 'The Kenyan prime minister flew to Addis Ababa on Tuesday for talks with Ethiopian officials.' }),
    JSON.stringify({ id: 'after-term', published: '1998-02-10', text: 'The Kenyan prime minister flew to Kampala on Tuesday for talks with Ugandan officials.' }),
  ].join('\n'));
  const out = path.join(tmp, 'out');
  const { graph } = await buildGraph({ inputs: [feed], outDir: out, formats: [], workers: 1, cacheDir: null, kbPaths: [file] });
  expect(graph.hasNode('person:tomas-ekwueme-larsen')).toBe(true);
  const linked = readFileSync(path.join(out, 'facts.jsonl'), 'utf8').trim().split('\n').map((line) => [(JSON.parse(line) as { meta: { id: string } }).meta.id, line.includes('person:tomas-ekwueme-larsen')]);
  expect(Object.fromEntries(linked)).toEqual({ 'in-term': true, 'after-term': false });
}, 60_000);

it('runs the README example from the command line', async () => {
  const run = promisify(execFile);
  const kg = (args: string[]) => run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT });
  const out = path.join(tmp, 'cli-people.json');
  const imported = await kg(['kb', 'import', 'wikidata', 'tests/fixtures/kb/wikidata-results.json', '--out', out]);
  expect(imported.stderr).toMatch(/6 rows -> 2 people with 3 offices/);
  const check = await kg(['kb', 'check', '--kb', out, '--kb', 'tests/fixtures/kb/user']);
  expect(check.stdout).toMatch(/\+ person:tomas-ekwueme-larsen/);
  expect(check.stdout).toMatch(/~ person:uhuru-kenyatta: .*ends 2018-12-31 \(was 2022-09-13\)/);
  const who = await kg(['kb', 'who', 'the Kenyan prime minister', '--at', '1996-02-14', '--kb', out]);
  expect(who.stdout).toMatch(/-> Tomas Ekwueme-Larsen \(person:tomas-ekwueme-larsen, via role\)/);
}, 180_000);
