// GEXF export checked against the GEXF 1.3 schema and read back by networkx and graphology-gexf: viz, typed attributes,
// lists, parallel edges, the timeline spans and spells.
import { readFile, writeFile } from 'node:fs/promises';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { edgeInterval, nodeInterval, writeGexf } from '../../src/export/gexf.js';
import { KIND_COLORS, type KgGraph } from '../../src/graph/model.js';
import { buildFixtureGraph, HOSTILE_QUOTE } from '../fixtures/graphs/fixture-graph.js';
import { lintXml, runPython } from '../helpers/python.js';
import { buildLaidOutFixture, exportToTemp, validateXml } from './setup.js';

const GOLDEN = new URL('../fixtures/graphs/fixture.gexf', import.meta.url);

interface Viz {
  color: { r: number; g: number; b: number };
  size: number;
  position: { x: number; y: number };
}

interface NxGexf {
  type: string;
  mode: string;
  nodes: Record<string, Record<string, unknown> & { viz?: Viz }>;
  edges: [string, string, string, Record<string, unknown>][];
}

// networkx (2.8) knows GEXF 1.1 and 1.2 only: 1.3 is registered as the README shows, with the viz elements in the GEXF namespace as the 1.3 schema has them.
const NETWORKX = `
import json, sys, networkx as nx
from networkx.readwrite.gexf import GEXF
GEXF.versions["1.3"] = {**GEXF.versions["1.2draft"], "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3", "VERSION": "1.3"}
g = nx.read_gexf(sys.argv[1], version="1.3")
print(json.dumps({"type": type(g).__name__, "mode": g.graph.get("mode"), "nodes": {n: d for n, d in g.nodes(data=True)},
                  "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]}))
`;

// graphology-gexf reads viz:color as a CSS rgb() string.
const rgbOf = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
const hexOf = ({ r, g, b }: { r: number; g: number; b: number }) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

let graph: KgGraph;
let path: string;
let text: string;
let nx: NxGexf;

beforeAll(async () => {
  graph = buildLaidOutFixture();
  path = await exportToTemp(graph, 'gexf', 'graph.gexf');
  text = await readFile(path, 'utf8');
  nx = runPython<NxGexf>(NETWORKX, [path]);
});

describe('GEXF export', () => {
  it('is valid against the GEXF 1.3 schema, viz included (xmllint --schema), dynamic, directed, with dates as its time format', () => {
    expect(lintXml(path)).toBe('');
    expect(validateXml(path, 'gexf-1.3/gexf.xsd')).toBe('');
    expect(text).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">');
    expect(text).toContain('<color r=');
    expect(text).not.toContain('\u0001');
    expect(text).not.toContain('[object Object]');
  });

  it('reads back in networkx with every node, edge, label and the viz position, size and colour', () => {
    expect(nx.type).toBe('MultiDiGraph');
    expect(nx.mode).toBe('dynamic');
    expect(Object.keys(nx.nodes)).toEqual(graph.nodes());
    graph.forEachNode((key, node) => {
      const back = nx.nodes[key];
      expect(back.label).toBe(node.label);
      expect(back.kind).toBe(node.kind);
      expect(back.viz?.position.x).toBe(node.x);
      expect(back.viz?.position.y).toBe(node.y);
      expect(back.viz?.size).toBe(node.size);
      expect(hexOf(back.viz?.color ?? { r: 0, g: 0, b: 0 })).toBe(KIND_COLORS[node.kind]);
    });
    expect(nx.edges.map(([, , key]) => key).sort()).toEqual(graph.edges().sort());
    for (const [source, target, key, data] of nx.edges) {
      expect([source, target]).toEqual([graph.source(key), graph.target(key)]);
      expect(data).toMatchObject({ label: graph.getEdgeAttribute(key, 'relation'), relation: graph.getEdgeAttribute(key, 'relation') });
    }
  });

  it('keeps typed attributes and both parallel edges', () => {
    expect(nx.nodes['event:summit-budapest']).toMatchObject({ hedged: true, sourceCount: 2, eventType: 'summit', status: 'planned' });
    expect(nx.nodes['person:viktor-orban']).toMatchObject({ mentions: 7, aliasesText: 'Orbán; Orban' });
    const parallel = nx.edges.filter(([source, target]) => source === 'person:viktor-orban' && target === 'event:call-1016');
    expect(parallel.map(([, , , data]) => [data.role, data.confidence])).toEqual([['host', undefined], ['party', 0.75]]);
  });

  it('puts start/end on dated events and edges, and none on undated nodes', () => {
    expect(nx.nodes['event:call-1016']).toMatchObject({ start: '2025-10-16', end: '2025-10-16' });
    expect(nx.nodes['event:summit-budapest']).toMatchObject({ start: '2025-11-01', end: '2025-11-30' });
    expect(nx.nodes['event:meeting-nato']).toMatchObject({ start: '2025-09-01', end: '2025-09-03' });
    for (const key of ['event:visit-moscow', 'person:viktor-orban', 'country:HU', 'place:budapest', 'person:peter-szijjarto']) {
      expect([nx.nodes[key].start, nx.nodes[key].end]).toEqual([undefined, undefined]);
    }
    const span = (key: string) => {
      const data = nx.edges.find(([, , k]) => k === key)?.[3];
      return [data?.start, data?.end];
    };
    expect(span('participant:orban:call-1016:a2')).toEqual(['2025-10-16', '2025-10-16']);
    expect(span('participant:trump:summit')).toEqual(['2025-11-01', '2025-11-30']);
    // Undated participant edge of a range-dated event: the event's span.
    expect(span('participant:nato:meeting')).toEqual(['2025-09-01', '2025-09-03']);
    // Office terms: closed, then open-ended.
    expect(span('leader_of:putin:RU:2000')).toEqual(['2000-05-07', '2008-05-07']);
    expect(span('leader_of:putin:RU:2012')).toEqual(['2012-05-01', undefined]);
    expect(span('member_of:US:nato')).toEqual(['1949-01-01', undefined]);
    expect(span('participant:szijjarto:visit')).toEqual([undefined, undefined]);
  });

  it('gives entities one spell from their first to their last dated event, articles their day, ties a spell per dated event', () => {
    expect(nx.nodes['person:viktor-orban'].spells).toEqual([['2025-10-16', '2025-10-20']]);
    expect(nx.nodes['person:vladimir-putin'].spells).toEqual([['2025-10-16', '2025-11-30']]);
    // Szijjártó's visit is undated, his NATO meeting ran 1 to 3 September.
    expect(nx.nodes['person:peter-szijjarto'].spells).toEqual([['2025-09-01', '2025-09-03']]);
    expect(nx.nodes['place:budapest'].spells).toEqual([['2025-11-01', '2025-11-30']]);
    expect(nx.nodes['event:call-1016'].spells).toBeUndefined();
    expect(nx.nodes['article:a1']).toMatchObject({ kind: 'article', start: '2025-10-17', end: '2025-10-17', url: 'https://example.org/a1' });
    const tie = nx.edges.find(([source, target, , data]) => source === 'person:viktor-orban' && target === 'person:vladimir-putin' && data.relation === 'interacted_with')?.[3];
    expect(tie).toMatchObject({ weight: 2, count: 2, spells: [['2025-10-16', '2025-10-16'], ['2025-10-20', '2025-10-20']] });
  });

  it('declares lists of strings as liststring, written as JSON arrays', () => {
    for (const [domain, name] of [['node', 'aliases'], ['node', 'articles'], ['edge', 'events']]) {
      expect(text).toMatch(new RegExp(`<attributes class="${domain}"[^]*?<attribute id="\\d+" title="${name}" type="liststring"/>`));
    }
    expect(JSON.parse(nx.nodes['person:viktor-orban'].aliases as string)).toEqual(['Orbán', 'Orban']);
  });

  it('drops the control character and returns <script> and & as text', () => {
    expect(nx.nodes['event:call-1016'].firstQuote).toBe(HOSTILE_QUOTE.replace('\u0001', ''));
  });

  it('reads back in graphology-gexf with positions, colours and sizes as node attributes', () => {
    const back = parseGexf(MultiDirectedGraph, text);
    expect(back.order).toBe(graph.order);
    expect(back.edges()).toEqual(graph.edges());
    graph.forEachNode((key, node) => {
      expect(back.getNodeAttributes(key)).toMatchObject({ label: node.label, x: node.x, y: node.y, size: node.size, color: rgbOf(KIND_COLORS[node.kind]) });
    });
    expect(back.getEdgeAttributes('participant:orban:call-1016:a2')).toMatchObject({ label: 'participant', confidence: 0.75, sourceCount: 1 });
  });

  it('is deterministic and matches the golden file (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const output = [...writeGexf(buildFixtureGraph())].join('');
    expect([...writeGexf(buildFixtureGraph())].join('')).toBe(output);
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(GOLDEN, output);
    expect(output).toBe(await readFile(GOLDEN, 'utf8'));
  });
});

describe('timeline spans', () => {
  const fixture = buildFixtureGraph();
  it.each([
    ['a day', '2025-10-16', ['2025-10-16', '2025-10-16']],
    ['a month', '2024-02', ['2024-02-01', '2024-02-29']],
    ['a year', '2024', ['2024-01-01', '2024-12-31']],
  ])('covers %s', (_name, date, expected) => {
    const edge = { ...fixture.getEdgeAttributes('participant:trump:summit'), date };
    const { start, end } = edgeInterval(edge, fixture.getNodeAttributes('person:donald-trump'), fixture.getNodeAttributes('event:summit-budapest'));
    expect([start, end]).toEqual(expected);
  });

  it('leaves non-event nodes static', () => {
    expect(nodeInterval(fixture.getNodeAttributes('person:donald-trump'))).toEqual({ start: null, end: null });
  });
});
