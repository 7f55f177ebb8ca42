// Runs every TypeScript recipe of README.md's "## Scripting" section verbatim against the graph, so the recipes cannot rot.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { slugify } from '../../src/graph/keys.js';
import { FIXTURE_GRAPH, ROOT, runKg, runNode, type RunResult } from './helpers.js';

interface Recipe {
  heading: string;
  code: string;
}

/** The ```ts blocks of the Scripting section, each with the ### heading above it. */
function readRecipes(): Recipe[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Scripting\n');
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next === -1 ? undefined : next);
  const recipes: Recipe[] = [];
  let heading = '';
  for (const match of section.matchAll(/^### (.+)$|^```ts\n([\s\S]*?)^```$/gm)) {
    if (match[1] !== undefined) heading = match[1];
    else recipes.push({ heading, code: match[2] });
  }
  return recipes;
}

/** What each recipe must print, by heading: a recipe without an entry here fails, so new ones get checked too. */
const EXPECTATIONS: Record<string, (result: RunResult) => void> = {
  'Every event between two people, with its sources': ({ stdout }) => {
    const events = JSON.parse(stdout) as { what: string; when: string; where: string | null; said: string[] }[];
    const call = events.find((e) => e.when === '2025-10-16');
    expect(call?.what).toBe('occurred call');
    expect(call?.said.map((s) => s.slice(0, 20))).toEqual(expect.arrayContaining(['001_9f0322c5207143d7', '003_b3ba324170558599']));
    expect(events.some((e) => e.where === 'Budapest' && e.what === 'planned meeting')).toBe(true);
  },
  'Whom a leader met in a given year': ({ stdout }) => {
    expect(JSON.parse(stdout)).toContainEqual({ date: '2022-02-01', with: ['Vladimir Putin'], where: 'Moscow' });
  },
  'The most central people, three ways': ({ stdout }) => {
    const ranks = JSON.parse(stdout) as Record<string, string[]>;
    expect(Object.keys(ranks)).toEqual(['degree', 'pagerank', 'events']);
    for (const labels of Object.values(ranks)) expect(labels).toHaveLength(3);
    expect(ranks.events).toContain('Vladimir Putin');
  },
  'How two people are connected': ({ stdout }) => {
    const steps = JSON.parse(stdout) as string[];
    expect(steps[0]).toMatch(/^Joe Biden -\[/);
    expect(steps.at(-1)).toMatch(/\]- Péter Szijjártó$/);
  },
  'Events per year and type': ({ stdout }) => {
    const counts = JSON.parse(stdout) as Record<string, Record<string, number>>;
    expect(counts['2025']?.call).toBeGreaterThanOrEqual(1);
    expect(counts['2022']?.meeting).toBeGreaterThanOrEqual(1);
    expect(counts['2021']?.call).toBeGreaterThanOrEqual(1);
  },
  'Cut out one person\'s part of the graph and save it': ({ stdout }) => {
    const saved = JSON.parse(stdout) as { file: string; nodes: number; edges: number; articles: string[] };
    expect(saved.nodes).toBeGreaterThan(2);
    expect(saved.edges).toBeGreaterThan(1);
    expect(saved.articles).toContain('004_526fbc0e294a48ad');
    expect((JSON.parse(readFileSync(saved.file, 'utf8')) as { nodes: unknown[] }).nodes).toHaveLength(saved.nodes);
  },
  'A standalone script: look a name up, forgiving typos': ({ stdout }) => {
    expect(stdout.trimEnd().split('\n')).toEqual(['orban -> Viktor Orbán', 'orbn -> did you mean Viktor Orbán?', 'putin -> Vladimir Putin']);
  },
};

const recipes = readRecipes();
const dir = mkdtempSync(join(tmpdir(), 'kg-readme-'));

describe('README Scripting recipes', () => {
  it('has at least five, each under its own heading', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(recipes.map((r) => r.heading)).size).toBe(recipes.length);
  });

  it.each(recipes.map((r) => [r.heading, r] as const))('%s', async (_heading, recipe) => {
    const check = EXPECTATIONS[recipe.heading];
    expect(check).toBeDefined();
    const file = recipeFile(recipe);
    // As the README says: `kg query run` for scripts with a default export, tsx with the scripts tsconfig for standalone ones.
    const result = /^export default/m.test(recipe.code)
      ? await runKg(['query', 'run', file, '--graph', FIXTURE_GRAPH])
      : await runNode([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'src/query/scripts.tsconfig.json', file, FIXTURE_GRAPH]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    check?.(result);
  });

  it('type-check under the project settings, with kg mapped to src/index.ts', async () => {
    recipes.forEach(recipeFile);
    // The project's own compiler settings, with 'kg' mapped as `kg query run` maps it.
    const tsconfig = {
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')], paths: { kg: [join(ROOT, 'src/index.ts')] } },
      include: ['*.mts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const { code, stdout } = await runNode([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')]);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });
});

/** Writes a recipe to its own .mts file (top-level await allowed outside an ESM package) and returns the path. */
function recipeFile(recipe: Recipe): string {
  const file = join(dir, `${slugify(recipe.heading)}.mts`);
  writeFileSync(file, recipe.code);
  return file;
}
