// Ties in queries: kg.tie, neighbors --projection and the tie under `kg query between`, on the fixture graph with the
// projection and article nodes the assembler adds.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { serializeGraph } from '../../src/graph/serialize.js';
import { KnowledgeGraph, loadGraph } from '../../src/query/index.js';
import { addArticles, addProjection } from '../../src/stages/assemble/index.js';
import { FIXTURE_GRAPH, runKg } from './helpers.js';

let kg: KnowledgeGraph;
let path: string;

beforeAll(async () => {
  const { graph } = await loadGraph(FIXTURE_GRAPH);
  addArticles(graph, graph.getAttribute('articles'));
  addProjection(graph);
  path = join(await mkdtemp(join(tmpdir(), 'kg-query-projection-')), 'graph.json');
  await writeFile(path, serializeGraph(graph));
  kg = new KnowledgeGraph(graph);
});

describe('ties', () => {
  it('kg.tie sums up exactly the events both take part in, with a source for each', () => {
    const tie = kg.tie('Putin', 'Trump');
    expect(tie).not.toBeNull();
    const shared = kg.events({ participants: ['Putin', 'Trump'] }).map((e) => e.key).sort();
    expect(tie!.events).toEqual(shared);
    expect(tie!.count).toBe(shared.length);
    expect(tie!.sources.length).toBe(shared.length);
    expect([tie!.a.key, tie!.b.key].sort()).toEqual(['person:donald-trump', 'person:vladimir-putin']);
  });

  it('counts only the events inside a date window, and is null outside them all', () => {
    const all = kg.tie('Putin', 'Trump')!;
    const first = kg.events({ participants: ['Putin', 'Trump'], from: all.firstDate!, to: all.firstDate! });
    expect(kg.tie('Putin', 'Trump', { from: all.firstDate!, to: all.firstDate! })?.count).toBe(first.length);
    expect(kg.tie('Putin', 'Trump', { from: '1990', to: '1990' })).toBeNull();
  });

  it('neighbors --projection lists the ties alone, strongest first; plain neighbors leave them out', () => {
    const ties = kg.neighbors('Putin', { projection: true });
    expect(ties.length).toBeGreaterThan(0);
    expect(ties.every((n) => n.relation === 'interacted_with' && n.interaction !== undefined)).toBe(true);
    const weights = ties.map((n) => n.interaction!.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(kg.neighbors('Putin').some((n) => n.relation === 'interacted_with')).toBe(false);
  });

  it('leave paths and rankings to the event network', () => {
    const path = kg.path('Putin', 'Trump');
    expect(path?.nodes.some((node) => node.kind === 'event')).toBe(true);
  });

  it('show in the CLI: the tie under the events of `between`, a table of ties for `neighbors --projection`', async () => {
    const between = await runKg(['query', 'between', 'Putin', 'Trump', '--graph', path]);
    expect(between.code).toBe(0);
    const tie = kg.tie('Putin', 'Trump')!;
    expect(between.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${tie.a.label} – ${tie.b.label}: ${tie.count} shared events (${Object.entries(tie.byType).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([t, n]) => `${n} ${t}`).join(', ')}), ${tie.occurred} occurred, ${tie.planned} planned, weight ${tie.weight}, ${tie.firstDate}..${tie.lastDate}`,
    );
    const neighbors = await runKg(['query', 'neighbors', 'Putin', '--projection', '--graph', path]);
    expect(neighbors.code).toBe(0);
    const [header, , first] = neighbors.stdout.split('\n');
    expect(header).toMatch(/^NODE\s+KIND\s+WEIGHT\s+EVENTS\s+TYPES\s+OCCURRED\s+PLANNED\s+FIRST\s+LAST$/);
    expect(first.startsWith(kg.neighbors('Putin', { projection: true })[0].node.label)).toBe(true);
  });
});
