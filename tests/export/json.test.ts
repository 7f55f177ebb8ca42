// JSON export: graph.json as serializeGraph writes it, readable back by readGraphFile.
import { readFile } from 'node:fs/promises';
import { readGraphFile, serializeGraph } from '../../src/graph/serialize.js';
import { buildLaidOutFixture, exportToTemp } from './setup.js';

describe('JSON export', () => {
  it('writes the canonical serialisation, which reads back into the same graph', async () => {
    const graph = buildLaidOutFixture();
    const path = await exportToTemp(graph, 'json', 'graph.json');
    const text = await readFile(path, 'utf8');
    expect(text).toBe(serializeGraph(graph));
    const back = await readGraphFile(path);
    expect(back.export()).toEqual(graph.export());
  });
});
