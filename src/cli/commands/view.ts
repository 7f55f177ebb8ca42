// `kg view [graph]`: builds the viewer if needed and serves it with a graph on http://127.0.0.1:PORT/; with --db,
// a window of the graph stored in PostgreSQL (a time range, an ego network, event types), written to a temporary folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { parseDateOption } from '../../query/dates.js';
import { DEFAULT_VIEW_PORT, serveViewer } from '../../serve/index.js';

interface ViewOptions {
  port: number;
  db?: string;
  from?: string;
  to?: string;
  ego?: string;
  depth?: number;
  type: string[];
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError('bad-port', `--port ${value}: expected a whole number from 0 to 65535 (0 picks a free port).`);
  return port;
}

function parseDepth(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError('bad-option', `--depth ${value}: expected a whole number of steps`);
  return Number(value);
}

function dateOption(option: string): (value: string) => string {
  return (value) => {
    parseDateOption(value, option);
    return value;
  };
}

/** Adds `kg view [graph] [--port <n>] [--db URL --from --to --ego --depth --type]` to the program. */
export function registerView(program: Command): void {
  program
    .command('view')
    .description('Open the graph in the browser viewer, served on 127.0.0.1 only')
    .argument('[graph]', 'graph.json written by kg build (article texts are read from articles/ beside it)', 'out/graph.json')
    .option('-p, --port <n>', `port to listen on (0 picks a free one)`, parsePort, DEFAULT_VIEW_PORT)
    .option('--db <url>', 'view a window of the graph stored in PostgreSQL (postgres://...) instead of a graph file')
    .option('--from <date>', 'with --db: events from this date (YYYY, YYYY-MM or YYYY-MM-DD)', dateOption('--from'))
    .option('--to <date>', 'with --db: events up to this date, inclusive', dateOption('--to'))
    .option('--ego <entity>', 'with --db: what lies within --depth steps of this entity')
    .option('--depth <n>', 'with --ego: steps from it (default 2: its events, offices, and the parties of its events)', parseDepth)
    .option('--type <type>', 'with --db: only events of this type (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .action(async (graphPath: string, options: ViewOptions) => {
      if (options.db === undefined) {
        if ([options.from, options.to, options.ego, options.depth, options.type[0]].some((value) => value !== undefined)) throw new UsageError('bad-option', 'view: --from, --to, --ego, --depth and --type choose a window of a graph stored in PostgreSQL: give --db too');
        return serve(graphPath, graphPath, options.port, async () => {});
      }
      const { openDb, describeDbUrl } = await import('../../db/connect.js');
      const [{ DbKnowledgeGraph }, { writeWindowFolder }] = await Promise.all([import('../../db/graph-queries.js'), import('../../db/graph-window.js')]);
      const db = await openDb(options.db);
      const dir = await mkdtemp(join(tmpdir(), 'kg-view-'));
      try {
        const ego = options.ego === undefined ? undefined : (await (await DbKnowledgeGraph.open(db)).find(options.ego)).key;
        const window = { from: options.from, to: options.to, types: options.type.length > 0 ? options.type : undefined, ego, depth: options.depth };
        const { graph, graphPath: windowPath, texts } = await writeWindowFolder(db, window, dir);
        process.stderr.write(`kg view: a window of ${graph.order} nodes and ${graph.size} edges (${texts} article texts) from ${describeDbUrl(options.db)}\n`);
        await serve(windowPath, describeDbUrl(options.db), options.port, () => rm(dir, { recursive: true, force: true }));
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      } finally {
        await db.end();
      }
    });
}

/** Serves the graph file until SIGINT or SIGTERM, then runs `cleanUp`. */
async function serve(graphPath: string, shown: string, port: number, cleanUp: () => Promise<void>): Promise<void> {
  const server = await serveViewer({ graphPath, port });
  process.stdout.write(`kg view: ${shown} at ${server.url}\nPress Ctrl+C to stop.\n`);
  const stop = () => void server.close().then(cleanUp);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
