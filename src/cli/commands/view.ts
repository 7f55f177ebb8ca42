// `kg view [graph]`: builds the viewer if needed and serves it with a graph on http://127.0.0.1:PORT/.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_VIEW_PORT, serveViewer } from '../../serve/index.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError('bad-port', `--port ${value}: expected a whole number from 0 to 65535 (0 picks a free port).`);
  return port;
}

/** Adds `kg view [graph] [--port <n>]` to the program. */
export function registerView(program: Command): void {
  program
    .command('view')
    .description('Open the graph in the browser viewer, served on 127.0.0.1 only')
    .argument('[graph]', 'graph.json written by kg build (article texts are read from articles/ beside it)', 'out/graph.json')
    .option('-p, --port <n>', `port to listen on (0 picks a free one)`, parsePort, DEFAULT_VIEW_PORT)
    .action(async (graphPath: string, options: { port: number }) => {
      const server = await serveViewer({ graphPath, port: options.port });
      process.stdout.write(`kg view: ${graphPath} at ${server.url}\nPress Ctrl+C to stop.\n`);
      const stop = () => void server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
