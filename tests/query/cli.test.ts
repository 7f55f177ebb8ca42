// Every `kg query` form and `kg repl` run as a process against the seed graph built by `kg build`, answers checked against the gold annotation.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EventResult, PathResult, Ranked } from '../../src/query/index.js';
import { GOLD, goldEventsWith, missingGold, spurious } from './gold.js';
import { ROOT, runKg } from './helpers.js';

const CALL_ARTICLES = ['001_9f0322c5207143d7', '003_b3ba324170558599'];
const dir = mkdtempSync(join(tmpdir(), 'kg-query-cli-'));
const GRAPH_FILE = join(dir, 'seeds', 'graph.json');
const GRAPH = ['--graph', GRAPH_FILE];

beforeAll(async () => {
  const build = await runKg(['build', 'data/articles', '--out', join(dir, 'seeds'), '--formats', 'none']);
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.code).toBe(0);
});

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

/** The gold people with the most gold events, best first. */
function busiestGoldPeople(count: number): string[] {
  const events = (id: string) => GOLD.events.filter((e) => e.participants.includes(id)).length;
  return GOLD.people
    .map((p) => [p.name, events(p.id)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name]) => name);
}

describe('kg query between', () => {
  it('lists every gold event of Putin and Trump (the 2025-10-16 call from both articles, the planned Budapest meeting) and nothing else', async () => {
    const { code, stdout } = await runKg(['query', 'between', 'Putin', 'Trump', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as EventResult[];
    const gold = goldEventsWith('putin', 'trump');
    expect(missingGold(events, gold)).toEqual([]);
    expect(spurious(events, gold)).toEqual([]);
    const call = events.find((e) => e.type === 'call' && e.date === '2025-10-16');
    expect([...new Set(call?.sources.map((s) => s.article))]).toEqual(CALL_ARTICLES);
  });

  it('prints an aligned table, one quote per article, long quotes cut', async () => {
    const { code, stdout } = await runKg(['query', 'between', 'Putin', 'Trump', ...GRAPH]);
    expect(code).toBe(0);
    const [header, rule, ...lines] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^DATE\s+TYPE\s+STATUS\s+PARTICIPANTS\s+LOCATION\s+ARTICLE\s+QUOTE$/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    const call = lines.findIndex((line) => /^2025-10-16\s+call\s+occurred\s+Donald Trump, Vladimir Putin\s/.test(line));
    expect(call).toBeGreaterThanOrEqual(0);
    expect(`${lines[call]}\n${lines[call + 1]}`).toMatch(/001_9f0322c5207143d7( \(\+\d+\))?\s.*\n\s+003_b3ba324170558599( \(\+\d+\))?\s/);
    expect(lines.some((line) => /^\S+\s+meeting\s+planned\s+Donald Trump, Vladimir Putin\s+Budapest\s/.test(line))).toBe(true);
    expect(lines.every((line) => line.length < 240)).toBe(true);
    expect(stdout).toContain('…');
  });

  it('prints CSV with a header and one row per source, full quotes', async () => {
    const { code, stdout } = await runKg(['query', 'between', 'Putin', 'Trump', '--csv', ...GRAPH]);
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual(['DATE', 'TYPE', 'STATUS', 'PARTICIPANTS', 'LOCATION', 'ARTICLE', 'QUOTE']);
    const call = rows.filter((row) => row[0] === '2025-10-16' && row[1] === 'call');
    expect([...new Set(call.map((row) => row[5]))]).toEqual(CALL_ARTICLES);
    const text = readFileSync(join(ROOT, 'data/articles', `${call[0][5]}.txt`), 'utf8');
    expect(text).toContain(call[0][6]);
  });
});

describe('kg query events', () => {
  it('lists the 2022-02-01 Moscow meeting of Orbán and Putin, and no meeting gold does not know', async () => {
    const { code, stdout } = await runKg(['query', 'events', '--with', 'Orban', '--type', 'meeting', '--from', '2022-01-01', '--to', '2022-12-31', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as EventResult[];
    const gold = goldEventsWith('orban').filter((e) => e.type === 'meeting');
    expect(missingGold(events, gold.filter((e) => (e.dateRange?.[0] ?? e.date ?? '').startsWith('2022')))).toEqual([]);
    expect(spurious(events, gold)).toEqual([]);
    expect(events.map((e) => [e.date, e.location?.label])).toContainEqual(['2022-02-01', 'Moscow']);
  });

  it('says so, and exits 0, when nothing matches', async () => {
    const { code, stdout } = await runKg(['query', 'events', '--with', 'Biden', '--from', '2030', ...GRAPH]);
    expect(code).toBe(0);
    expect(stdout).toBe('no events match\n');
    const json = await runKg(['query', 'events', '--with', 'Biden', '--from', '2030', '--json', ...GRAPH]);
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
  it('gives Putin’s timeline: every gold event of his, in date order', async () => {
    const { code, stdout } = await runKg(['query', 'timeline', 'Putin', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as EventResult[];
    expect(missingGold(events, goldEventsWith('putin'))).toEqual([]);
    const starts = events.map((e) => e.dateStart).filter((d) => d !== null);
    expect(starts).toEqual([...starts].sort());
  });

  it('lists the edges at Szijjártó, Hungary among them', async () => {
    const { code, stdout } = await runKg(['query', 'neighbors', 'Szijjártó', '--csv', ...GRAPH]);
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual(['RELATION', 'DIRECTION', 'NODE', 'KIND', 'DATE', 'ROLE', 'ARTICLE', 'QUOTE']);
    expect(rows.some((row) => row[2] === 'Hungary' && row[3] === 'country')).toBe(true);
  });

  it('returns a path from Biden to Szijjártó, every hop an edge of the graph', async () => {
    const { code, stdout } = await runKg(['query', 'path', 'Biden', 'Szijjártó', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const path = JSON.parse(stdout) as PathResult | null;
    expect(path).not.toBeNull();
    expect(path?.nodes[0].label).toBe('Joe Biden');
    expect(path?.nodes.at(-1)?.label).toBe('Péter Szijjártó');
    expect(path?.steps).toHaveLength((path?.nodes.length ?? 0) - 1);
    expect(path?.steps.every((step) => step.relations.length > 0)).toBe(true);
    const table = await runKg(['query', 'path', 'Biden', 'Szijjártó', ...GRAPH]);
    expect(table.stdout).toMatch(/^STEP\s+FROM\s+VIA\s+TO\s+ARTICLE\s+QUOTE\n/);
    expect(table.stdout).toMatch(/\n1\s+Joe Biden\s/);
  });

  it('ranks first by PageRank the three people gold has in the most events', async () => {
    const { code, stdout } = await runKg(['query', 'top', '--by', 'pagerank', '--kind', 'person', '--limit', '3', '--json', ...GRAPH]);
    expect(code).toBe(0);
    const ranked = JSON.parse(stdout) as Ranked[];
    expect(ranked.map((r) => r.label).sort()).toEqual(busiestGoldPeople(3).sort());
    const table = await runKg(['query', 'top', '--by', 'pagerank', '--kind', 'person', '--limit', '3', ...GRAPH]);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RANK\s+LABEL\s+KIND\s+KEY\s+PAGERANK$/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(new RegExp(`^1\\s+${ranked[0].label}\\s+person\\s+${ranked[0].key}\\s+0\\.\\d{4}$`));
  });

  it('finds orban', async () => {
    const { code, stdout } = await runKg(['query', 'find', 'orban', '--json', ...GRAPH]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ label: 'Viktor Orbán', kind: 'person', country: 'HU' });
  });

  it('exits 2 on an unknown entity, with the closest names', async () => {
    const { code, stderr } = await runKg(['query', 'find', 'Orbn', ...GRAPH]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kg: no entity "Orbn"; did you mean: Viktor Orbán/);
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
    const { code, stderr } = await runKg(['query', 'top', '--graph', join(dir, 'no-such-graph.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-graph.json');
  });
});

describe('kg query run', () => {
  it('runs a TypeScript script and prints what it returns as JSON: every gold name that occurs in the articles finds its person', async () => {
    const texts = GOLD.people.flatMap((p) => p.articles).map((id) => readFileSync(join(ROOT, 'data/articles', `${id}.txt`), 'utf8')).join('\n');
    const names = GOLD.people.flatMap((p) => [p.name, ...p.aliases].filter((name) => texts.includes(name)).map((name) => [name, p.name]));
    const script = join(dir, 'names.mts');
    writeFileSync(
      script,
      `import type { KnowledgeGraph } from 'kg';\nexport default (kg: KnowledgeGraph): Record<string, string | null> =>\n  Object.fromEntries(${JSON.stringify(names.map(([name]) => name))}.map((name) => [name, kg.lookup(name).entity?.label ?? null]));\n`,
    );
    const { code, stdout, stderr } = await runKg(['query', 'run', script, ...GRAPH]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(Object.fromEntries(names));
  });

  it('runs a JavaScript script with an async default export and a value import from kg', async () => {
    const script = join(dir, 'normalized.mjs');
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
    const order = (JSON.parse(readFileSync(GRAPH_FILE, 'utf8')) as { nodes: unknown[] }).nodes.length;
    const input = ["find('orban').label", "interactions('Putin', 'Trump').some((e) => e.date === '2025-10-16')", 'kg.graph.order', '.exit', ''].join('\n');
    const { code, stdout } = await runKg(['repl', ...GRAPH], input);
    expect(code).toBe(0);
    expect(stdout).toContain("'Viktor Orbán'");
    expect(stdout).toMatch(/^true$/m);
    expect(stdout).toMatch(new RegExp(`^${order}$`, 'm'));
  });
});
