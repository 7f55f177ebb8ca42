// The projection and the article nodes read back by networkx and igraph, with the counts graph.json has; and
// `--projection people` alone, weighted, for Gephi or networkx.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportGraph } from '../../src/export/index.js';
import { projectPeople } from '../../src/export/people.js';
import type { KgGraph } from '../../src/graph/model.js';
import { runPython } from '../helpers/python.js';
import { buildLaidOutFixture, exportToTemp, validateXml } from './setup.js';

interface Counts {
  articles: number;
  reported: number;
  ties: number;
  people: number;
  weight: number;
}

// One script, three readers: graph.json as JSON, the GraphML through networkx and through igraph.
const COUNT = `
import json, sys, networkx as nx, igraph
j = json.load(open(sys.argv[1]))
kind = {n["key"]: n["attributes"]["kind"] for n in j["nodes"]}
rel = [e["attributes"]["relation"] for e in j["edges"]]
def tie(attrs, a, b):
    return [w for s, t, w in attrs if {s, t} == {a, b}]
out = {"json": {"articles": sum(k == "article" for k in kind.values()), "reported": rel.count("reported_in"), "ties": rel.count("interacted_with"),
                "people": sum(k == "person" for k in kind.values()),
                "weight": tie([(e["source"], e["target"], e["attributes"].get("weight")) for e in j["edges"] if e["attributes"]["relation"] == "interacted_with"], sys.argv[3], sys.argv[4])[0]}}
g = nx.read_graphml(sys.argv[2], force_multigraph=True)
nrel = [d["relation"] for _, _, d in g.edges(data=True)]
out["networkx"] = {"articles": sum(d["kind"] == "article" for _, d in g.nodes(data=True)), "reported": nrel.count("reported_in"), "ties": nrel.count("interacted_with"),
                   "people": sum(d["kind"] == "person" for _, d in g.nodes(data=True)),
                   "weight": tie([(u, v, d.get("weight")) for u, v, d in g.edges(data=True) if d["relation"] == "interacted_with"], sys.argv[3], sys.argv[4])[0]}
ig = igraph.Graph.Read_GraphML(sys.argv[2])
irel = ig.es["relation"]
out["igraph"] = {"articles": ig.vs["kind"].count("article"), "reported": irel.count("reported_in"), "ties": irel.count("interacted_with"),
                 "people": ig.vs["kind"].count("person"),
                 "weight": tie([(ig.vs[e.source]["id"], ig.vs[e.target]["id"], e["weight"]) for e in ig.es if e["relation"] == "interacted_with"], sys.argv[3], sys.argv[4])[0]}
print(json.dumps(out))
`;

async function readBack(graph: KgGraph): Promise<Record<'json' | 'networkx' | 'igraph', Counts>> {
  const folder = await exportToTemp(graph, 'json', 'graph.json');
  const graphml = join(folder, '..', 'graph.graphml');
  await exportGraph(graph, 'graphml', graphml);
  expect(validateXml(graphml, 'graphml/graphml.xsd')).toBe('');
  return runPython(COUNT, [folder, graphml, 'person:viktor-orban', 'person:vladimir-putin']);
}

describe('the projection and the article nodes in networkx and igraph', () => {
  const graph = buildLaidOutFixture();

  it('read back with the same counts as graph.json, and the Orbán–Putin weight of their two calls', async () => {
    const counts = await readBack(graph);
    const expected = { articles: 3, reported: 6, ties: graph.filterEdges((_key, edge) => edge.relation === 'interacted_with').length, people: 4, weight: 2 };
    expect(counts).toEqual({ json: expected, networkx: expected, igraph: expected });
    const tie = graph.getEdgeAttributes('person:viktor-orban--interacted_with--person:vladimir-putin');
    expect(tie).toMatchObject({ weight: 2, count: 2, occurred: 2, planned: 0, byType: { call: 2 }, firstDate: '2025-10-16', lastDate: '2025-10-20', events: ['event:call-1016', 'event:call-1020'] });
  });

  it('--projection people keeps only the people with a tie to another person, and those ties', async () => {
    const people = projectPeople(graph);
    expect(people.nodes().sort()).toEqual(['person:donald-trump', 'person:viktor-orban', 'person:vladimir-putin']);
    expect(people.mapEdges((_key, edge, source, target) => [source, target, edge.relation, edge.weight])).toEqual([
      ['person:donald-trump', 'person:vladimir-putin', 'interacted_with', 0.5],
      ['person:viktor-orban', 'person:vladimir-putin', 'interacted_with', 2],
    ]);
    const counts = await readBack(people);
    const expected = { articles: 0, reported: 0, ties: 2, people: 3, weight: 2 };
    expect(counts).toEqual({ json: expected, networkx: expected, igraph: expected });
  });

  it('--projection people as GEXF is schema-valid and keeps the timeline without the events: spells from the ties\' days', async () => {
    const file = await exportToTemp(projectPeople(graph), 'gexf', 'people.gexf');
    expect(validateXml(file, 'gexf-1.3/gexf.xsd')).toBe('');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/<node id="person:viktor-orban"[^]*?<spell start="2025-10-16" end="2025-10-20"\/>/);
    expect(text).toMatch(/<edge id="person:donald-trump--interacted_with--person:vladimir-putin"[^>]* weight="0.5"[^]*?<spell start="2025-11-01" end="2025-11-30"\/>/);
  });
});
