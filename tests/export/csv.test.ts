// CSV and Neo4j exports parsed back with Python's csv module; Neo4j headers, types and import.cypher checked against the files.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defuseFormula, quoteCsv } from '../../src/export/csv.js';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { RELATIONSHIP_TYPES } from '../../src/export/neo4j.js';
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
  let articles: Table;
  let sources: Table;

  beforeAll(async () => {
    const folder = await exportToTemp(graph, 'csv', 'csv');
    expect((await readdir(folder)).sort()).toEqual(['articles.csv', 'edges.csv', 'nodes.csv', 'sources.csv']);
    nodes = readCsv(join(folder, 'nodes.csv'));
    edges = readCsv(join(folder, 'edges.csv'));
    articles = readCsv(join(folder, 'articles.csv'));
    sources = readCsv(join(folder, 'sources.csv'));
  });

  it('writes one row per article, with its title, URL, outlet, date and how much it reports', () => {
    expect(articles.rows.map((row) => row.id)).toEqual(['a1', 'a2', 'a3']);
    expect(articles.rows[0]).toMatchObject({ key: 'article:a1', title: 'Orbán calls Putin', url: 'https://example.org/a1', source: 'Example', published: '2025-10-17', publishedSource: 'metadata', events: '2', sentences: '2' });
    expect(articles.rows[2]).toMatchObject({ title: '', published: '', events: '2', sentences: '2' });
  });

  it('writes one row per source sentence, with the event key and the article it is in', () => {
    const cited = graph.filterNodes((_key, node) => node.kind === 'event').flatMap((key) => (graph.getNodeAttributes(key) as EventNode).sources.map((s) => [key, s.article, String(s.start), String(s.end), s.quote]));
    expect(sources.rows.map((row) => [row.event, row.article, row.start, row.end, row.quote])).toEqual(cited);
    expect(sources.rows.find((row) => row.event === 'event:summit-budapest' && row.article === 'a1')).toMatchObject({ eventLabel: 'summit: Trump – Putin in Budapest', url: 'https://example.org/a1', published: '2025-10-17', date: '2025-11' });
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

// OWASP's CSV injection rule: a cell a spreadsheet would evaluate gets a leading single quote. Every file of both exports.
describe.each([
  ['=', '=HYPERLINK("http://x","y")'],
  ['+', '+1+2'],
  ['-', '-2+3'],
  ['@', '@SUM(A1:A2)'],
  ['tab', '\t=1+1'],
  ['CR', '\r=1+1'],
])('spreadsheet safety: a cell starting with %s', (_name, hostile) => {
  let files: Record<string, Table>;

  beforeAll(async () => {
    const poisoned = buildLaidOutFixture();
    poisoned.setNodeAttribute('person:viktor-orban', 'label', hostile);
    poisoned.setNodeAttribute('person:viktor-orban', 'aliases', [hostile]);
    poisoned.updateAttribute('articles', (list) => list!.map((a) => (a.id === 'a1' ? { ...a, title: hostile, source: hostile } : a)));
    poisoned.mergeNodeAttributes('article:a1', { label: hostile, title: hostile, source: hostile });
    const event = poisoned.getNodeAttributes('event:call-1016') as EventNode;
    poisoned.mergeNodeAttributes('event:call-1016', { sources: [{ ...event.sources[0], quote: hostile }] } as Partial<EventNode>);
    poisoned.setEdgeAttribute('leader_of:orban:HU', 'role', hostile);
    files = {};
    for (const format of ['csv', 'neo4j'] as const) {
      const folder = await exportToTemp(poisoned, format, format);
      for (const name of (await readdir(folder)).filter((file) => file.endsWith('.csv'))) files[`${format}/${name}`] = readCsv(join(folder, name));
    }
  });

  it('is written with a leading single quote in every CSV file, and no cell of any file starts a formula', () => {
    expect(Object.keys(files).sort()).toEqual([
      'csv/articles.csv', 'csv/edges.csv', 'csv/nodes.csv', 'csv/sources.csv',
      'neo4j/Article.csv', 'neo4j/Country.csv', 'neo4j/Event.csv', 'neo4j/Organization.csv', 'neo4j/Person.csv', 'neo4j/Place.csv', 'neo4j/nodes.csv', 'neo4j/relationships.csv',
    ]);
    for (const [name, table] of Object.entries(files)) {
      const cells = table.rows.flatMap((row) => Object.values(row));
      // A number is a number to a spreadsheet, not a formula: "-30.5" stays as written.
      expect([name, cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell))]).toEqual([name, []]);
    }
    const defused = `'${hostile}`;
    const has = (name: string) => Object.values(files[name].rows).some((row) => Object.values(row).some((cell) => cell === defused || cell.startsWith(defused)));
    for (const name of ['csv/nodes.csv', 'csv/edges.csv', 'csv/articles.csv', 'csv/sources.csv', 'neo4j/nodes.csv', 'neo4j/Person.csv', 'neo4j/Article.csv', 'neo4j/Event.csv', 'neo4j/relationships.csv']) {
      expect([name, has(name)]).toEqual([name, true]);
    }
  });

  it('keeps numbers as numbers: a negative coordinate is not text', () => {
    expect(defuseFormula(hostile)).toBe(`'${hostile}`);
    const negative = files['csv/nodes.csv'].rows.find((row) => Number(row.x) < 0 || Number(row.y) < 0);
    expect(negative).toBeDefined();
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

  it('writes one node file per label, each with only the columns its nodes fill', async () => {
    expect((await readdir(folder)).sort()).toEqual(['Article.csv', 'Country.csv', 'Event.csv', 'Organization.csv', 'Person.csv', 'Place.csv', 'import.cypher', 'nodes.csv', 'relationships.csv']);
    const people = readCsv(join(folder, 'Person.csv'));
    expect(people.rows.map((row) => row['id:ID'])).toEqual(graph.filterNodes((_key, node) => node.kind === 'person'));
    expect(people.header).toContain('roles');
    expect(people.header).not.toContain('eventType');
    const articles = readCsv(join(folder, 'Article.csv'));
    expect(articles.rows.find((row) => row['id:ID'] === 'article:a1')).toMatchObject({ ':LABEL': 'Entity;Article', title: 'Orbán calls Putin', url: 'https://example.org/a1', 'published:date': '2025-10-17' });
  });

  it('writes lists as string[] arrays split on ";" and REPORTED_IN with its quote and offsets', () => {
    expect(nodes.header).toEqual(expect.arrayContaining(['aliases:string[]', 'articles:string[]']));
    expect(relationships.header).toEqual(expect.arrayContaining(['events:string[]', 'weight:double', 'count:int', 'quote', 'start:int', 'end:int']));
    expect(nodes.rows.find((row) => row['id:ID'] === 'person:viktor-orban')?.['aliases:string[]']).toBe('Orbán;Orban');
    const reported = relationships.rows.find((row) => row[':TYPE'] === 'REPORTED_IN' && row[':START_ID'] === 'event:summit-budapest' && row[':END_ID'] === 'article:a1');
    expect(reported).toMatchObject({ quote: 'A summit "in Budapest" was floated.', 'start:int': '200', 'end:int': '235' });
    const tie = relationships.rows.find((row) => row[':TYPE'] === 'INTERACTED_WITH' && row[':START_ID'] === 'person:viktor-orban');
    expect(tie).toMatchObject({ ':END_ID': 'person:vladimir-putin', 'weight:double': '2', 'count:int': '2', 'events:string[]': 'event:call-1016;event:call-1020' });
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

  it('labels every node Entity plus its kind, and types every relationship by its relation in UPPER_SNAKE', () => {
    expect(Object.values(RELATIONSHIP_TYPES).every((type) => /^[A-Z]+(_[A-Z]+)*$/.test(type))).toBe(true);
    expect(RELATIONSHIP_TYPES).toMatchObject({ participant: 'PARTICIPANT_IN', located_in: 'LOCATED_IN', leader_of: 'LEADER_OF', reported_in: 'REPORTED_IN', interacted_with: 'INTERACTED_WITH' });
    expect(nodes.rows.map((row) => row[':LABEL'])).toEqual(graph.mapNodes((_key, node) => `Entity;${{ person: 'Person', country: 'Country', organization: 'Organization', place: 'Place', event: 'Event', article: 'Article' }[node.kind]}`));
    expect(relationships.rows.map((row) => [row[':START_ID'], row[':END_ID'], row[':TYPE'], row.id])).toEqual(
      graph.mapEdges((key, edge, source, target) => [source, target, RELATIONSHIP_TYPES[edge.relation], key]),
    );
  });

  it('import.cypher creates constraints and loads every label and relation, reading only columns the CSV files have', () => {
    expect(cypher).toMatch(/CREATE CONSTRAINT entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE;/);
    for (const label of ['Person', 'Country', 'Organization', 'Place', 'Event', 'Article']) {
      expect(cypher).toContain(`FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
      expect(cypher).toContain(`LOAD CSV WITH HEADERS FROM 'file:///${label}.csv' AS row\nCALL (row) {\n  MERGE (n:Entity:${label} {id: row.\`id:ID\`})`);
    }
    for (const relation of new Set(graph.mapEdges((_key, edge) => edge.relation))) expect(cypher).toContain(`  MERGE (a)-[r:${RELATIONSHIP_TYPES[relation]} {id: row.id}]->(b)`);
    // Every load runs in batches, as LOAD CSV of a large graph must.
    expect(cypher.match(/^LOAD CSV/gm)?.length).toBe(cypher.match(/^\} IN TRANSACTIONS OF 1000 ROWS;$/gm)?.length);
    expect(cypher).toContain("n.aliases = split(row.`aliases:string[]`, ';')");
  });

  // Neo4j's own Cypher grammar (the parser of its editors and language server), not a regular expression.
  it('import.cypher parses with Neo4j\'s Cypher grammar without an error or a deprecation, where a broken statement does not', () => {
    const problems = (query: string) => lintCypherQuery(query, {}).diagnostics.map((d) => `${d.severity} ${d.message}`);
    expect(problems(cypher)).toEqual([]);
    const statement = cypher.slice(cypher.indexOf('LOAD CSV'), cypher.indexOf('ROWS;') + 5);
    expect(problems(statement)).toEqual([]);
    expect(problems(statement.replace('IN TRANSACTIONS OF', 'IN TRANSACTION OF')).length).toBeGreaterThan(0);
    const columns = new Set([...nodes.header, ...relationships.header]);
    const referenced = [...cypher.matchAll(/row\.(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))/g)].map((match) => match[1] ?? match[2]);
    expect(referenced.length).toBeGreaterThan(20);
    for (const name of referenced) expect(columns).toContain(name);
    expect(cypher).toContain('n.mentions = toInteger(row.`mentions:int`)');
    expect(cypher).toContain('n.firstSeen = date(row.`firstSeen:date`)');
  });
});
