// Every `kg query` form and `kg repl` run as a process against the graph, with its answer, output formats and exit codes checked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { FIXTURE_GRAPH, runKg } from './helpers.js';

const GRAPH = ['--graph', FIXTURE_GRAPH];
const CALL_ARTICLES = ['001_9f0322c5207143d7', '003_b3ba324170558599'];

/** Parses CSV text (quoted fields, doubled quotes) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

describe('kg query between', () => {
  it('lists the 2025-10-16 call with sources from both articles, and the planned Budapest meeting', async () => {
    const { code, stdout } = await runKg(['query', 'between', 'Putin', 'Trump', ...GRAPH]);
    expect(code).toBe(0);
    const [header, rule, ...lines] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^DATE\s+TYPE\s+STATUS\s+PARTICIPANTS\s+LOCATION\s+ARTICLE\s+QUOTE$/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    expect(lines[0]).toMatch(/^2025-10-16\s+call\s+occurred\s+Donald Trump, Vladimir Putin\s+001_9f0322c5207143d7\s+On the evening of 16 October/);
    expect(lines[1]).toMatch(/^\s+003_b3ba324170558599\s+U\.S\. President Donald Trump/);
    expect(lines[2]).toMatch(/^2025-10-17\.\.2025-10-31\s+meeting\s+planned\s+.*Budapest/);
    // Long quotes are cut to the column with an ellipsis.
    expect(lines.every((line) => line.length < 220)).toBe(true);
    expect(stdout).toContain('…');
  });

  it('prints the full results as JSON', async () => {
    const { code, stdout } = await runKg(['query', 'between', 'Putin', 'Trump', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as { type: string; date: string | null; location: { label: string } | null; sources: { article: string; quote: string }[] }[];
    expect(events.map((e) => e.type)).toEqual(['call', 'meeting']);
    expect(events[0].date).toBe('2025-10-16');
    expect(events[0].sources.map((s) => s.article)).toEqual(CALL_ARTICLES);
    expect(events[1].location?.label).toBe('Budapest');
  });

  it('prints CSV with a header and one row per source, full quotes', async () => {
    const { code, stdout } = await runKg(['query', 'between', 'Putin', 'Trump', '--csv', ...GRAPH]);
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual(['DATE', 'TYPE', 'STATUS', 'PARTICIPANTS', 'LOCATION', 'ARTICLE', 'QUOTE']);
    expect(rows.filter((row) => row[0] === '2025-10-16').map((row) => row[5])).toEqual(CALL_ARTICLES);
    expect(rows[0][6]).toBe('On the evening of 16 October, the presidents of Russia and the United States, Vladimir Putin and Donald Trump, had a telephone conversation.');
  });
});

describe('kg query events', () => {
  it('finds the 2022-02-01 Moscow meeting with Orbán', async () => {
    const { code, stdout } = await runKg(['query', 'events', '--with', 'Orban', '--type', 'meeting', '--from', '2022-01-01', '--to', '2022-12-31', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as { date: string; location: { label: string }; participants: { label: string }[] }[];
    expect(events.map((e) => [e.date, e.location.label, e.participants.map((p) => p.label)])).toEqual([['2022-02-01', 'Moscow', ['Viktor Orbán', 'Vladimir Putin']]]);
  });

  it('says so, and exits 0, when nothing matches', async () => {
    const { code, stdout } = await runKg(['query', 'events', '--with', 'Biden', '--type', 'visit', ...GRAPH]);
    expect(code).toBe(0);
    expect(stdout).toBe('no events match\n');
    const json = await runKg(['query', 'events', '--with', 'Biden', '--type', 'visit', '--json', ...GRAPH]);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it.each([
    ['--from', '2024-13-01'],
    ['--to', 'yesterday'],
  ])('exits 2 on a bad date for %s, naming the option', async (option, value) => {
    const { code, stderr, stdout } = await runKg(['query', 'events', option, value, ...GRAPH]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${option}: "${value}" is not a date`);
  });
});

describe('kg query timeline, neighbors, path, top, find', () => {
  it('gives Putin’s timeline in date order', async () => {
    const { code, stdout } = await runKg(['query', 'timeline', 'Putin', '--csv', ...GRAPH]);
    expect(code).toBe(0);
    const dates = parseCsv(stdout).slice(1).map((row) => row[0]);
    expect(dates[0]).toBe('2021-12-30');
    expect(dates).toContain('2025-10-16');
  });

  it('lists the edges at Szijjártó', async () => {
    const { code, stdout } = await runKg(['query', 'neighbors', 'Szijjártó', '--relation', 'official_of', ...GRAPH]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/official_of\s+out\s+Hungary\s+country/);
  });

  it('returns a path from Biden to Szijjártó', async () => {
    const { code, stdout } = await runKg(['query', 'path', 'Biden', 'Szijjártó', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const path = JSON.parse(stdout) as { nodes: { label: string }[]; steps: { sources: unknown[] }[] };
    expect(path.nodes[0].label).toBe('Joe Biden');
    expect(path.nodes.at(-1)?.label).toBe('Péter Szijjártó');
    expect(path.steps).toHaveLength(path.nodes.length - 1);
    const table = await runKg(['query', 'path', 'Biden', 'Szijjártó', ...GRAPH]);
    expect(table.stdout).toMatch(/^STEP\s+FROM\s+VIA\s+TO\s+ARTICLE\s+QUOTE\n/);
    expect(table.stdout).toMatch(/\n1\s+Joe Biden\s/);
  });

  it('ranks people by PageRank', async () => {
    const { code, stdout } = await runKg(['query', 'top', '--by', 'pagerank', '--kind', 'person', '--limit', '3', ...GRAPH]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RANK\s+LABEL\s+KIND\s+KEY\s+PAGERANK$/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^1\s+Vladimir Putin\s+person\s+person:vladimir-putin\s+0\.\d{4}$/);
  });

  it('finds orban', async () => {
    const { code, stdout } = await runKg(['query', 'find', 'orban', '--json', ...GRAPH]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ key: 'person:viktor-orban', label: 'Viktor Orbán', kind: 'person', country: 'HU' });
  });

  it('exits 2 on an unknown entity, with the closest names', async () => {
    const { code, stderr } = await runKg(['query', 'find', 'Orbn', ...GRAPH]);
    expect(code).toBe(2);
    expect(stderr).toBe('kg: no entity "Orbn"; did you mean: Viktor Orbán?\n');
    const between = await runKg(['query', 'between', 'Putn', 'Trump', ...GRAPH]);
    expect(between.code).toBe(2);
    expect(between.stderr).toContain('did you mean: Vladimir Putin');
  });

  it.each([
    [['query', 'top', '--by', 'fame']],
    [['query', 'top', '--limit', 'ten']],
    [['query', 'top', '--json', '--csv']],
    [['query', 'events', '--status', 'rumoured']],
    [['query', 'events', '--type', 'meetng']],
    [['query', 'events', '--colour', 'red']],
  ])('exits 2 on a bad option: %j', async (args) => {
    const { code, stderr } = await runKg([...args, ...GRAPH]);
    expect(code).toBe(2);
    expect(stderr).not.toBe('');
  });

  it('has --help for each form', async () => {
    const forms = ['events', 'timeline', 'between', 'neighbors', 'path', 'top', 'find', 'run'];
    const results = await Promise.all(forms.map((form) => runKg(['query', form, '--help'])));
    results.forEach(({ code, stdout }, index) => {
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: kg query ${forms[index]}`);
      expect(stdout).toContain('--graph <path>');
    });
  });

  it('exits 1 naming the file when there is no graph', async () => {
    const { code, stderr } = await runKg(['query', 'top', '--graph', join(tmpdir(), 'no-such-graph.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-graph.json');
  });
});

describe('kg query run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-query-run-'));

  it('runs a TypeScript script and prints what it returns as JSON', async () => {
    const script = join(dir, 'calls.mts');
    writeFileSync(script, "import type { KnowledgeGraph } from 'kg';\nexport default (kg: KnowledgeGraph): string[] => kg.events({ type: 'call' }).map((e) => e.date ?? '');\n");
    const { code, stdout, stderr } = await runKg(['query', 'run', script, ...GRAPH]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(['2021-12-30', '2022-01-31', '2024-12-11', '2025-10-16']);
  });

  it('runs a JavaScript script with an async default export and a value import from kg', async () => {
    const script = join(dir, 'names.mjs');
    writeFileSync(script, "import { normalizeName } from 'kg';\nexport default async (kg) => normalizeName(kg.find('szijjarto').label);\n");
    const { code, stdout } = await runKg(['query', 'run', script, ...GRAPH]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toBe('peter szijjarto');
  });

  it('exits 2 for a missing script or one without a default function', async () => {
    const missing = await runKg(['query', 'run', join(dir, 'nope.ts'), ...GRAPH]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such script');
    const script = join(dir, 'no-default.mts');
    writeFileSync(script, 'export const x = 1;\n');
    const bad = await runKg(['query', 'run', script, ...GRAPH]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no default export function');
  });
});

describe('kg repl', () => {
  it('has the graph as kg and the query functions in scope', async () => {
    const input = ["find('orban').label", "interactions('Putin', 'Trump').length", 'kg.graph.order', '.exit', ''].join('\n');
    const { code, stdout } = await runKg(['repl', ...GRAPH], input);
    expect(code).toBe(0);
    expect(stdout).toContain("'Viktor Orbán'");
    expect(stdout).toMatch(/^2$/m);
    expect(stdout).toMatch(/^30$/m);
  });
});
