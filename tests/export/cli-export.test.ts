// `kg export` through commander: writes the asked format, reports on stderr, and fails with exit code 2 on a bad format.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { Command } from 'commander';
import { registerExport } from '../../src/cli/commands/export.js';
import { UsageError } from '../../src/errors.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import { buildFixtureGraph } from '../fixtures/graphs/fixture-graph.js';

const runKg = async (args: string[]): Promise<string> => {
  const program = new Command().name('kg').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerExport(program);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'kg', ...args]);
    return stderr.mock.calls.map((call) => String(call[0])).join('');
  } finally {
    stderr.mockRestore();
  }
};

let dir: string;
let graphPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-cli-export-'));
  graphPath = join(dir, 'graph.json');
  await writeFile(graphPath, serializeGraph(buildFixtureGraph()));
});

describe('kg export', () => {
  it('writes GraphML and says what it wrote on stderr', async () => {
    const out = join(dir, 'graph.graphml');
    const said = await runKg(['export', graphPath, '--format', 'graphml', '--out', out]);
    expect(said).toBe(`export: 14 nodes, 20 edges as graphml -> ${out}\n`);
    expect(await readFile(out, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
  });

  it('writes a JSON graph with the viewer\'s drawing file beside it', async () => {
    const out = join(dir, 'copy.json');
    const said = await runKg(['export', graphPath, '--format', 'json', '--out', out]);
    expect(said).toBe(`export: 14 nodes, 20 edges as json -> ${out}, ${join(dir, 'copy.viewer.json')}\n`);
    expect(JSON.parse(await readFile(join(dir, 'copy.viewer.json'), 'utf8')).keys).toHaveLength(14);
  });

  it('writes the Neo4j folder', async () => {
    const out = join(dir, 'neo4j');
    const said = await runKg(['export', graphPath, '-f', 'neo4j', '-o', out]);
    expect(said).toContain(`${join(out, 'nodes.csv')}, ${join(out, 'Person.csv')}`);
    expect(said).toContain(`${join(out, 'relationships.csv')}, ${join(out, 'import.cypher')}`);
  });

  it('rejects an unknown format with a UsageError (exit code 2) naming the formats', async () => {
    const failure = runKg(['export', graphPath, '--format', 'dot', '--out', join(dir, 'x.dot')]);
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(failure).rejects.toMatchObject({ code: 'bad-format', exitCode: 2, message: expect.stringContaining('json, graphml, gexf, csv, neo4j') });
  });

  it('fails with graph-not-found on a missing graph file', async () => {
    await expect(runKg(['export', join(dir, 'missing.json'), '--format', 'json', '--out', join(dir, 'x.json')])).rejects.toMatchObject({ code: 'graph-not-found' });
  });

  it('explains the options and every format in --help', async () => {
    let help = '';
    const program = new Command().name('kg').exitOverride().configureOutput({ writeOut: (text) => (help += text) });
    registerExport(program);
    await expect(program.parseAsync(['node', 'kg', 'export', '--help'])).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
    expect(help).toContain('--format <format>');
    expect(help).toContain('--out <path>');
    for (const format of ['graphml', 'gexf', 'json', 'csv', 'neo4j']) expect(help).toMatch(new RegExp(`^  ${format} `, 'm'));
  });
});
