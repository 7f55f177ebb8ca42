// Columns of the flat exports: inferred in one pass over records made on demand, typed from every value a column takes.
import { fieldsOf, flattenEdges, flattenNodes, inferColumns, type FlatRecord } from '../../src/export/fields.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

describe('inferColumns', () => {
  it('types a column from all its values, in model order then sorted', () => {
    const records: FlatRecord[] = [
      { kind: 'event', zeta: 1, flag: true, big: 2 ** 40, x: 3, mixed: 1, empty: null },
      { kind: 'person', zeta: 2, flag: false, big: 5, x: 4, mixed: 'one' },
    ];
    expect(inferColumns(records, 'node')).toEqual([
      { name: 'kind', type: 'string' },
      { name: 'x', type: 'double' },
      { name: 'big', type: 'long' },
      { name: 'empty', type: 'string' },
      { name: 'flag', type: 'boolean' },
      { name: 'mixed', type: 'string' },
      { name: 'zeta', type: 'int' },
    ]);
  });

  it('reads a generator once, and the cheap "types" flattening gives the same columns as the full one', () => {
    const graph = buildFixtureGraph();
    expect(inferColumns(fieldsOf(flattenNodes(graph, 'types')), 'node')).toEqual(inferColumns(fieldsOf(flattenNodes(graph)), 'node'));
    expect(inferColumns(fieldsOf(flattenEdges(graph, 'types')), 'edge')).toEqual(inferColumns(fieldsOf(flattenEdges(graph)), 'edge'));
    expect([...flattenNodes(graph)].find((node) => node.key === 'person:viktor-orban')?.fields.aliases).toMatch(/^\[/);
  });
});
