// The viewer's drawing file: columns derived from the model (kinds, positions, sizes, colours, inferred dates, isolated
// nodes), and kg export --format json writing it beside the graph.json.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { viewerFile, VIEWER_FILE_FORMAT } from '../../src/export/viewer-columns.js';
import { viewerFilePath, writeViewerFile } from '../../src/export/viewer-file.js';
import { DERIVED_RELATIONS, NODE_KINDS, type EventNode } from '../../src/graph/model.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

describe('viewer drawing file', () => {
  it('holds each node of the model in its columns, in the graph order', () => {
    const graph = buildFixtureGraph();
    const firstEvent = graph.findNode((_key, node) => node.kind === 'event')!;
    graph.mergeNodeAttributes(firstEvent, { dateInferred: true } as Partial<EventNode>);
    // Named in passing: no edge at all.
    graph.addNode('person:alone', { ...graph.getNodeAttributes('person:donald-trump'), label: 'Alone' });
    const file = viewerFile(graph);
    expect(file.format).toBe(VIEWER_FILE_FORMAT);
    expect([file.order, file.size, file.schemaVersion]).toEqual([graph.order, graph.size, graph.getAttribute('schemaVersion')]);
    expect(file.keys).toEqual(graph.nodes());
    file.keys.forEach((key, i) => {
      const node = graph.getNodeAttributes(key);
      expect(NODE_KINDS[file.kinds[i]]).toBe(node.kind);
      expect(file.x[i]).toBeCloseTo(node.x, 2);
      expect(file.y[i]).toBeCloseTo(node.y, 2);
      expect(file.sizes[i]).toBeCloseTo(node.size, 2);
      expect(file.palette[file.colors[i]]).toBe(node.color);
    });
    expect(new Set(file.palette).size).toBe(file.palette.length);
    expect(file.inferred.map((i) => file.keys[i])).toEqual(graph.filterNodes((_key, node) => node.kind === 'event' && (node as EventNode).dateInferred === true));
    const isolated = graph.filterNodes((key) => !graph.someEdge(key, (_edge, attributes) => !DERIVED_RELATIONS.includes(attributes.relation)));
    expect(isolated).toContain('person:alone');
    expect(file.isolated.map((i) => file.keys[i])).toEqual(isolated);
  });

  it('is written beside its graph.json, named after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-viewer-file-'));
    try {
      const graph = buildFixtureGraph();
      const written = await writeViewerFile(graph, join(dir, 'graph.json'));
      expect(written).toBe(join(dir, 'graph.viewer.json'));
      expect(viewerFilePath(join(dir, 'window.json'))).toBe(join(dir, 'window.viewer.json'));
      expect(JSON.parse(await readFile(written, 'utf8'))).toEqual(viewerFile(graph));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
