// graph.json: the fixture is valid, serialisation is byte-stable and round-trips, parse errors carry codes, writes are atomic.
import { constants } from 'node:buffer';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KgError } from '../../src/errors.js';
import { createGraph } from '../../src/graph/model.js';
import { exportEdgeKey, parseGraph, readGraphFile, serializeGraph, writeFileAtomic } from '../../src/graph/serialize.js';
import { validateGraph } from '../../src/graph/validate.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof KgError ? error.code : `not a KgError: ${String(error)}`;
  }
  return undefined;
};

describe('fixture graph', () => {
  it('is valid against the model', () => {
    expect(validateGraph(buildFixtureGraph())).toEqual([]);
  });
});

describe('serializeGraph / parseGraph', () => {
  it('gives the same bytes for the same graph, built twice', () => {
    expect(serializeGraph(buildFixtureGraph())).toBe(serializeGraph(buildFixtureGraph()));
  });

  it('does not depend on the order attributes were set in', () => {
    const graph = buildFixtureGraph();
    const reordered = buildFixtureGraph();
    reordered.updateEachNodeAttributes((_key, attributes) => Object.fromEntries(Object.entries(attributes).reverse()) as typeof attributes);
    expect(serializeGraph(reordered)).toBe(serializeGraph(graph));
  });

  it('round-trips: parse(serialize(g)) serialises to the same bytes and keeps every node, edge and attribute', () => {
    const graph = buildFixtureGraph();
    const text = serializeGraph(graph);
    const parsed = parseGraph(text);
    expect(serializeGraph(parsed)).toBe(text);
    expect(parsed.order).toBe(graph.order);
    expect(parsed.size).toBe(graph.size);
    graph.forEachEdge((key, attributes, source, target) => {
      expect(parsed.source(key)).toBe(source);
      expect(parsed.target(key)).toBe(target);
      expect(parsed.getEdgeAttributes(key)).toEqual(attributes);
    });
    graph.forEachNode((key, attributes) => expect(parsed.getNodeAttributes(key)).toEqual(attributes));
    expect(parsed.getAttributes()).toEqual(graph.getAttributes());
  });

  it('keeps the control character and markup in graph.json (JSON can carry them)', () => {
    const parsed = parseGraph(serializeGraph(buildFixtureGraph()));
    const source = parsed.getNodeAttributes('event:call-1016');
    expect(source.kind === 'event' && source.sources[0].quote).toContain('\u0001 <script>');
  });

  it('puts schemaVersion in the graph attributes', () => {
    const data = JSON.parse(serializeGraph(buildFixtureGraph())) as { attributes: { schemaVersion: number }; options: { multi: boolean } };
    expect(data.attributes.schemaVersion).toBe(1);
    expect(data.options.multi).toBe(true);
  });

  it('replaces keys graphology generated (random per process) by positional ones', () => {
    const graph = createGraph({ schemaVersion: 1, pipelineVersion: 't', articles: [] });
    const fixture = buildFixtureGraph();
    for (const key of ['country:HU', 'org:nato']) graph.addNode(key, fixture.getNodeAttributes(key));
    const generated = graph.addEdge('country:HU', 'org:nato', fixture.getEdgeAttributes('member_of:HU:nato'));
    expect(generated.startsWith('geid_')).toBe(true);
    expect(exportEdgeKey(generated, 0)).toBe('e0');
    expect(exportEdgeKey('member_of:HU:nato', 0)).toBe('member_of:HU:nato');
    const data = JSON.parse(serializeGraph(graph)) as { edges: { key: string }[] };
    expect(data.edges.map((edge) => edge.key)).toEqual(['e0']);
  });

  it.each([
    ['not JSON', '{"nodes": ['],
    ['not a graph', '[1, 2]'],
    ['an edge to a missing node', JSON.stringify({ attributes: { schemaVersion: 1, pipelineVersion: 't', articles: [] }, nodes: [], edges: [{ key: 'e', source: 'a', target: 'b', attributes: {} }] })],
  ])('throws bad-graph on %s', (_name, text) => {
    expect(codeOf(() => parseGraph(text, 'x/graph.json'))).toBe('bad-graph');
  });

  it('throws bad-graph naming the path and the problem on a node that breaks the model', () => {
    const data = JSON.parse(serializeGraph(buildFixtureGraph())) as { nodes: { key: string; attributes: Record<string, unknown> }[] };
    data.nodes[0].attributes.color = 'red';
    expect(() => parseGraph(JSON.stringify(data), 'out/graph.json')).toThrow(/out\/graph\.json: 1 problem\(s\): node person:viktor-orban: color/);
  });

  it('readGraphFile throws graph-not-found on a missing file', async () => {
    await expect(readGraphFile('/nonexistent/graph.json')).rejects.toMatchObject({ code: 'graph-not-found' });
  });

  it('readGraphFile says what to do with a graph.json longer than a string can be, instead of a raw engine error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-huge-'));
    const path = join(dir, 'graph.json');
    // Sparse: no disk is written, but reading it as text passes V8's longest string.
    await writeFile(path, '');
    await truncate(path, constants.MAX_STRING_LENGTH + 1024);
    await expect(readGraphFile(path)).rejects.toMatchObject({ code: 'graph-too-large', message: expect.stringContaining('GraphML or GEXF') });
    await rm(dir, { recursive: true, force: true });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-atomic-'));
    const path = join(dir, 'graph.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['graph.json']);
  });

  it('writes chunks of any size and script byte for byte, across the write buffer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-atomic-'));
    const path = join(dir, 'big.txt');
    // Many small multi-byte chunks fill the 1 MB buffer several times; one chunk alone is larger than the buffer.
    const chunks = [...Array.from({ length: 60_000 }, (_, i) => `Orbán–Зеленський 😀 ${i}\n`), 'é'.repeat(700_000), 'end'];
    await writeFileAtomic(path, chunks);
    expect(await readFile(path, 'utf8')).toBe(chunks.join(''));
  });

  it('leaves the old file intact when the data fails half-way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-atomic-'));
    const path = join(dir, 'graph.json');
    await writeFile(path, 'old and good');
    function* failing(): Generator<string> {
      yield 'half of the new ';
      throw new Error('exporter failed');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('exporter failed');
    expect(await readFile(path, 'utf8')).toBe('old and good');
    expect(await readdir(dir)).toEqual(['graph.json']);
  });
});
