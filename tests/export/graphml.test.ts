// GraphML export read back by xmllint, networkx, igraph and graphology-graphml, and compared with the source graph.
import { readFile, writeFile } from 'node:fs/promises';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { writeGraphml } from '../../src/export/graphml.js';
import type { KgGraph } from '../../src/graph/model.js';
import { buildFixtureGraph, HOSTILE_QUOTE } from '../fixtures/graphs/fixture-graph.js';
import { lintXml, runPython } from '../helpers/python.js';
import { buildLaidOutFixture, exportToTemp, validateXml } from './setup.js';

const GOLDEN = new URL('../fixtures/graphs/fixture.graphml', import.meta.url);
const CLEAN_QUOTE = HOSTILE_QUOTE.replace('\u0001', '');

let graph: KgGraph;
let path: string;
let text: string;
let nx: NxGraph;

interface NxGraph {
  type: string;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, string, Record<string, unknown>][];
}

const NETWORKX = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
print(json.dumps({"type": type(g).__name__, "nodes": {n: d for n, d in g.nodes(data=True)},
                  "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]}))
`;

const IGRAPH = `
import json, sys, igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
print(json.dumps({"directed": g.is_directed(), "vertices": g.vcount(), "edges": g.ecount(),
                  "labels": g.vs["label"], "ids": g.es["id"], "relations": g.es["label"],
                  "pairs": [[g.vs[e.source]["id"], g.vs[e.target]["id"]] for e in g.es]}))
`;

beforeAll(async () => {
  graph = buildLaidOutFixture();
  path = await exportToTemp(graph, 'graphml', 'graph.graphml');
  text = await readFile(path, 'utf8');
  nx = runPython<NxGraph>(NETWORKX, [path]);
});

describe('GraphML export', () => {
  it('is valid against the GraphML schema (xmllint --schema) even with a control character in a quote', () => {
    expect(text).not.toContain('\u0001');
    expect(lintXml(path)).toBe('');
    expect(validateXml(path, 'graphml/graphml.xsd')).toBe('');
  });

  it('writes ids that are NMTOKENs, readable and deterministic, for keys that are not', async () => {
    const odd = buildFixtureGraph();
    odd.addNode('article:wire #2/a b', { ...odd.getNodeAttributes('place:budapest') });
    odd.addDirectedEdgeWithKey('place:budapest->located_in->country:HU#2', 'article:wire #2/a b', 'country:HU', { ...odd.getEdgeAttributes('located_in:budapest') });
    const file = await exportToTemp(odd, 'graphml', 'odd.graphml');
    expect(validateXml(file, 'graphml/graphml.xsd')).toBe('');
    const written = await readFile(file, 'utf8');
    expect(written).toContain('<node id="article:wire_u0020__u0023_2_u002f_a_u0020_b">');
    expect(written).toContain('<edge id="place:budapest--located_in--country:HU--2" source="article:wire_u0020__u0023_2_u002f_a_u0020_b" target="country:HU">');
  });

  it('declares every key once with id, for, attr.name and a type APOC accepts, and uses only declared keys', () => {
    const keys = [...text.matchAll(/<key id="([^"]+)" for="(graph|node|edge)" attr\.name="([^"]+)" attr\.type="([^"]+)"\/>/g)];
    expect(keys.length).toBe((text.match(/<key /g) ?? []).length);
    const ids = keys.map((key) => key[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const key of keys) expect(['boolean', 'int', 'long', 'float', 'double', 'string']).toContain(key[4]);
    const names = new Set(keys.map((key) => `${key[2]}:${key[3]}`));
    expect(names.size).toBe(keys.length);
    const used = new Set([...text.matchAll(/<data key="([^"]+)"/g)].map((match) => match[1]));
    for (const id of used) expect(ids).toContain(id);
    const typeOf = (domain: string, name: string) => keys.find((key) => key[2] === domain && key[3] === name)?.[4];
    expect([typeOf('node', 'mentions'), typeOf('node', 'x'), typeOf('node', 'hedged'), typeOf('edge', 'confidence')]).toEqual(['int', 'double', 'boolean', 'double']);
  });

  it('reads back in networkx as a MultiDiGraph with every node, edge, label, relation, date and position', () => {
    expect(nx.type).toBe('MultiDiGraph');
    expect(Object.keys(nx.nodes)).toEqual(graph.nodes());
    expect(nx.edges.map(([, , key]) => key).sort()).toEqual(graph.edges().sort());
    graph.forEachNode((key, node) => {
      expect(nx.nodes[key]).toMatchObject({ label: node.label, kind: node.kind, x: node.x, y: node.y, mentions: node.mentions, articleCount: node.articles.length });
    });
    expect(nx.nodes['person:viktor-orban']).toMatchObject({ labels: ':Person', aliasesText: 'Orbán; Orban', aliases: '["Orbán","Orban"]' });
    expect(nx.nodes['org:nato'].labels).toBe(':Organization');
    expect(nx.nodes['event:summit-budapest']).toMatchObject({ hedged: true, date: '2025-11', dateStart: '2025-11-01', participantsText: 'Donald Trump; Vladimir Putin' });
    expect(nx.nodes['event:visit-moscow'].date).toBeUndefined();
    for (const [source, target, key, data] of nx.edges) {
      const edge = graph.getEdgeAttributes(key);
      expect([source, target]).toEqual([graph.source(key), graph.target(key)]);
      expect(data).toMatchObject({ label: edge.relation, relation: edge.relation, sourceCount: edge.sources.length });
      expect(data.date).toBe(edge.date ?? undefined);
    }
  });

  it('keeps both parallel edges between the same two nodes', () => {
    const parallel = nx.edges.filter(([source, target]) => source === 'person:viktor-orban' && target === 'event:call-1016');
    expect(parallel.map(([, , key, data]) => [key, data.role])).toEqual([
      ['participant:orban:call-1016:a1', 'host'],
      ['participant:orban:call-1016:a2', 'party'],
    ]);
    expect(nx.edges.filter(([source, target]) => source === 'person:vladimir-putin' && target === 'country:RU')).toHaveLength(2);
  });

  it('drops the control character and returns <script> and & as text', () => {
    const call = nx.nodes['event:call-1016'];
    expect(call.firstQuote).toBe(CLEAN_QUOTE);
    // JSON cells escape the control character, so it survives there as \\u0001.
    expect(JSON.parse(call.sources as string)[0].quote).toBe(HOSTILE_QUOTE);
    const edge = nx.edges.find(([, , key]) => key === 'participant:orban:call-1016:a1');
    expect(edge?.[3]).toMatchObject({ firstQuote: CLEAN_QUOTE, firstArticle: 'a1' });
  });

  it('reads back in igraph with the same counts, labels, edge ids and endpoints', () => {
    const ig = runPython<{ directed: boolean; vertices: number; edges: number; labels: string[]; ids: string[]; relations: string[]; pairs: [string, string][] }>(IGRAPH, [path]);
    expect(ig).toMatchObject({ directed: true, vertices: graph.order, edges: graph.size });
    expect(ig.labels).toEqual(graph.mapNodes((_key, node) => node.label));
    expect(ig.ids).toEqual(graph.edges());
    expect(ig.relations).toEqual(graph.mapEdges((_key, edge) => edge.relation));
    expect(ig.pairs).toEqual(graph.mapEdges((_key, _edge, source, target) => [source, target]));
  });

  it('reads back in graphology-graphml with the same keys and typed attributes', () => {
    const back = parseGraphml(MultiDirectedGraph, text);
    expect(back.nodes()).toEqual(graph.nodes());
    expect(back.edges()).toEqual(graph.edges());
    expect(back.getNodeAttributes('person:peter-szijjarto')).toMatchObject({ label: 'Péter Szijjártó', x: graph.getNodeAttribute('person:peter-szijjarto', 'x'), community: graph.getNodeAttribute('person:peter-szijjarto', 'community') });
    expect(back.getEdgeAttributes('leader_of:putin:RU:2000')).toMatchObject({ label: 'leader_of', date: '2000-05-07', dateEnd: '2008-05-07', confidence: 1 });
    expect(back.getAttribute('schemaVersion')).toBe(1);
  });

  it('is deterministic and matches the golden file (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const output = [...writeGraphml(buildFixtureGraph())].join('');
    expect([...writeGraphml(buildFixtureGraph())].join('')).toBe(output);
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(GOLDEN, output);
    expect(output).toBe(await readFile(GOLDEN, 'utf8'));
  });
});
