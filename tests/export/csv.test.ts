// CSV and Neo4j exports parsed back with Python's csv module; Neo4j headers, types and import.cypher checked against the files.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteCsv } from '../../src/export/csv.js';
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import { HOSTILE_QUOTE } from '../fixtures/graphs/fixture-graph.js';
import { runPython } from '../helpers/python.js';
import { buildLaidOutFixture, exportToTemp } from './setup.js';

interface Table {
  header: string[];
  rows: Record<string, string>[];
}

const READ_CSV = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    reader = csv.reader(f, strict=True)
    header = next(reader)
    rows = [dict(zip(header, row)) for row in reader]
print(json.dumps({"header": header, "rows": rows}))
`;

const readCsv = (path: string): Table => runPython<Table>(READ_CSV, [path]);

let graph: KgGraph;

beforeAll(() => {
  graph = buildLaidOutFixture();
});

describe('CSV export', () => {
  let nodes: Table;
  let edges: Table;

  beforeAll(async () => {
    const folder = await exportToTemp(graph, 'csv', 'csv');
    expect((await readdir(folder)).sort()).toEqual(['edges.csv', 'nodes.csv']);
    nodes = readCsv(join(folder, 'nodes.csv'));
    edges = readCsv(join(folder, 'edges.csv'));
  });

  it('has a header and one row per node and per edge, in graph order', () => {
    expect(nodes.header.slice(0, 3)).toEqual(['id', 'kind', 'label']);
    expect(edges.header.slice(0, 5)).toEqual(['id', 'source', 'target', 'label', 'relation']);
    expect(nodes.rows.map((row) => row.id)).toEqual(graph.nodes());
    expect(edges.rows.map((row) => [row.id, row.source, row.target])).toEqual(graph.mapEdges((key, _edge, source, target) => [key, source, target]));
  });

  it('round-trips every cell exactly, quotes, markup and control character included (RFC 4180 quoting)', () => {
    const call = nodes.rows.find((row) => row.id === 'event:call-1016');
    expect(call?.firstQuote).toBe(HOSTILE_QUOTE);
    expect(JSON.parse(call?.sources ?? '[]')).toEqual((graph.getNodeAttributes('event:call-1016') as EventNode).sources);
    const summit = nodes.rows.find((row) => row.id === 'event:summit-budapest');
    expect(JSON.parse(summit?.sources ?? '[]')[1].quote).toBe('A summit "in Budapest" was floated.');
    expect(summit?.label).toBe('summit: Trump – Putin in Budapest');
    graph.forEachNode((key, node) => {
      const row = nodes.rows.find((r) => r.id === key);
      expect([row?.label, Number(row?.x), Number(row?.mentions), JSON.parse(row?.aliases ?? 'null')]).toEqual([node.label, node.x, node.mentions, node.aliases]);
    });
  });

  it('writes flat helper fields and leaves missing values empty', () => {
    const orban = nodes.rows.find((row) => row.id === 'person:viktor-orban');
    expect(orban).toMatchObject({ aliasesText: 'Orbán; Orban', articleCount: '2', labels: ':Person', acronym: '' });
    const edge = edges.rows.find((row) => row.id === 'participant:orban:call-1016:a2');
    expect(edge).toMatchObject({ sourceCount: '1', firstArticle: 'a2', firstQuote: 'Orbán called Putin last week.', confidence: '0.75', dateEnd: '' });
  });

  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', '""'],
  ])('quotes %j as %j', (text, expected) => {
    expect(quoteCsv(text)).toBe(expected);
  });
});

describe('Neo4j export', () => {
  let folder: string;
  let nodes: Table;
  let relationships: Table;
  let cypher: string;

  beforeAll(async () => {
    folder = await exportToTemp(graph, 'neo4j', 'neo4j');
    nodes = readCsv(join(folder, 'nodes.csv'));
    relationships = readCsv(join(folder, 'relationships.csv'));
    cypher = await readFile(join(folder, 'import.cypher'), 'utf8');
  });

  it('writes neo4j-admin headers with ID, LABEL, START_ID, END_ID, TYPE and typed columns', () => {
    expect(nodes.header.slice(0, 4)).toEqual(['id:ID', ':LABEL', 'kind', 'label']);
    expect(nodes.header).toEqual(expect.arrayContaining(['mentions:int', 'articleCount:int', 'hedged:boolean', 'x:double', 'firstSeen:date', 'dateStart:date', 'community:int', 'aliasesText']));
    expect(nodes.header).not.toContain('labels');
    expect(relationships.header.slice(0, 5)).toEqual([':START_ID', ':END_ID', ':TYPE', 'id', 'relation']);
    expect(relationships.header).toEqual(expect.arrayContaining(['sourceCount:int', 'confidence:double', 'date', 'dateEnd:date', 'firstQuote']));
    // Edge dates come at month and year precision too ("2025-11", "1949"): kept as strings, not forced to a day.
    expect(relationships.header).not.toContain('date:date');
  });

  it('labels every node Entity plus its kind, and types every relationship by its relation', () => {
    expect(nodes.rows.map((row) => row[':LABEL'])).toEqual(graph.mapNodes((_key, node) => `Entity;${{ person: 'Person', country: 'Country', organization: 'Organization', place: 'Place', event: 'Event', article: 'Article' }[node.kind]}`));
    expect(relationships.rows.map((row) => [row[':START_ID'], row[':END_ID'], row[':TYPE'], row.id])).toEqual(
      graph.mapEdges((key, edge, source, target) => [source, target, edge.relation, key]),
    );
  });

  it('import.cypher creates constraints and loads every label and relation, reading only columns the CSV files have', () => {
    expect(cypher).toMatch(/CREATE CONSTRAINT entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE;/);
    for (const label of ['Person', 'Country', 'Organization', 'Place', 'Event']) {
      expect(cypher).toContain(`FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
      expect(cypher).toContain(`MERGE (n:Entity:${label} {id: row.\`id:ID\`})`);
    }
    for (const relation of new Set(graph.mapEdges((_key, edge) => edge.relation))) expect(cypher).toContain(`MERGE (a)-[r:${relation} {id: row.id}]->(b)`);
    const columns = new Set([...nodes.header, ...relationships.header]);
    const referenced = [...cypher.matchAll(/row\.(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))/g)].map((match) => match[1] ?? match[2]);
    expect(referenced.length).toBeGreaterThan(20);
    for (const name of referenced) expect(columns).toContain(name);
    expect(cypher).toContain('n.mentions = toInteger(row.`mentions:int`)');
    expect(cypher).toContain('n.firstSeen = date(row.`firstSeen:date`)');
  });
});
