// `kg export <graph> --format <f> --out <path>`: writes a built graph.json as GraphML, GEXF, JSON, CSV or Neo4j import files.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportFormat } from '../../export/index.js';
import { projectPeople, PROJECTIONS } from '../../export/people.js';
import { writeViewerFile } from '../../export/viewer-file.js';
import { readGraphFile } from '../../graph/serialize.js';

const HELP_AFTER = `
Formats:
  graphml  one .graphml file: Gephi, yEd, Cytoscape, networkx, igraph, Neo4j (apoc.import.graphml)
  gexf     one .gexf file (GEXF 1.3, dynamic): Gephi with its timeline over event dates
  json     graph.json (graphology serialisation), as kg build writes it
  csv      a folder with nodes.csv, edges.csv (structured values as JSON cells), articles.csv and sources.csv
  neo4j    a folder with nodes.csv, one <Label>.csv per label and relationships.csv for neo4j-admin import,
           and import.cypher for LOAD CSV

--projection people writes only the people and their interacted_with ties (weight = shared events).

Examples:
  kg export out/graph.json --format graphml --out out/graph.graphml
  kg export out/graph.json --format gexf --projection people --out out/people.gexf
  kg export out/graph.json --format neo4j --out out/neo4j
  kg export --db postgres://kg@127.0.0.1/kg --format graphml --out out/graph.graphml
`;

/** Adds `kg export` to the program. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Write a built graph in another format for Gephi, networkx, igraph, spreadsheets or Neo4j.')
    .argument('[graph]', 'graph.json written by kg build (or --db)')
    .option('--db <url>', 'export the graph stored in PostgreSQL (postgres://...), streamed from the tables')
    .requiredOption('-f, --format <format>', `output format: ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('-o, --out <path>', 'output file (graphml, gexf, json) or folder, created if missing (csv, neo4j)')
    .option('--projection <projection>', `write a projection only: ${PROJECTIONS.join(', ')} (person-to-person ties, weighted)`)
    .addHelpText('after', HELP_AFTER)
    .action(async (graphPath: string | undefined, options: { format: string; out: string; projection?: string; db?: string }) => {
      const format = options.format.toLowerCase();
      if (!isExportFormat(format)) {
        throw new UsageError('bad-format', `export: unknown format "${options.format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
      }
      if (options.projection !== undefined && !(PROJECTIONS as readonly string[]).includes(options.projection)) {
        throw new UsageError('bad-option', `export: unknown projection "${options.projection}"; use ${PROJECTIONS.join(', ')}`);
      }
      if ((graphPath === undefined) === (options.db === undefined)) throw new UsageError('bad-option', 'export: give a graph file or --db URL, not both');
      const { nodes, edges, written } = options.db === undefined ? await exportFile(graphPath!, format, options.out, options.projection) : await exportDb(options.db, format, options.out, options.projection);
      process.stderr.write(`export: ${nodes} nodes, ${edges} edges as ${format} -> ${written.join(', ')}\n`);
    });
}

type Written = { nodes: number; edges: number; written: string[] };

async function exportFile(graphPath: string, format: ExportFormat, out: string, projection: string | undefined): Promise<Written> {
  const full = await readGraphFile(graphPath);
  const graph = projection === 'people' ? projectPeople(full) : full;
  const written = await exportGraph(graph, format, out);
  // A graph.json for the viewer comes with its drawing file (src/export/viewer-file.ts).
  if (format === 'json') written.push(await writeViewerFile(graph, out));
  return { nodes: graph.order, edges: graph.size, written };
}

/** From the database: streamed; a projection is read alone (the people and their ties), then written. */
async function exportDb(url: string, format: ExportFormat, out: string, projection: string | undefined): Promise<Written> {
  const [{ openDb }, { exportStoredGraph, readPeopleProjection }] = await Promise.all([import('../../db/connect.js'), import('../../db/graph-export.js')]);
  const db = await openDb(url);
  try {
    if (projection === undefined) return await exportStoredGraph(db, format, out);
    const graph = await readPeopleProjection(db);
    return { nodes: graph.order, edges: graph.size, written: await exportGraph(graph, format, out) };
  } finally {
    await db.end();
  }
}
