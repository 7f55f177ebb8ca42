// `kg repl`: a Node REPL with a graph loaded as `kg` and the query functions in scope.
import { start } from 'node:repl';
import type { Command } from 'commander';
import { KnowledgeGraph, loadGraph } from '../../query/index.js';
import { DEFAULT_GRAPH } from './query.js';

/** Adds `kg repl [--graph PATH]` to the program. */
export function registerRepl(program: Command): void {
  program
    .command('repl')
    .description('explore a built graph interactively: `kg` is the KnowledgeGraph, and find, events, timeline, interactions, neighbors, path, top and subgraph are in scope')
    .option('--graph <path>', 'graph file built by kg build', DEFAULT_GRAPH)
    .action(async (options: { graph: string }) => {
      const kg = await loadGraph(options.graph);
      await startRepl(kg, options.graph);
    });
}

/** Starts the REPL over `kg`; resolves when the user leaves it (.exit, Ctrl-D). */
export function startRepl(kg: KnowledgeGraph, path: string): Promise<void> {
  const terminal = Boolean(process.stdin.isTTY);
  if (terminal) {
    process.stdout.write(
      `kg: ${path}: ${kg.graph.order} nodes, ${kg.graph.size} edges.\n` +
        `Try: events({ participants: ['Putin'], type: 'call' }), interactions('Putin', 'Trump'), path('Biden', 'Szijjarto'), top({ by: 'pagerank' })\n`,
    );
  }
  const server = start({ prompt: terminal ? 'kg> ' : '', useGlobal: false, terminal });
  Object.assign(server.context, {
    kg,
    graph: kg.graph,
    KnowledgeGraph,
    loadGraph,
    find: kg.find.bind(kg),
    lookup: kg.lookup.bind(kg),
    events: kg.events.bind(kg),
    timeline: kg.timeline.bind(kg),
    interactions: kg.interactions.bind(kg),
    neighbors: kg.neighbors.bind(kg),
    path: kg.path.bind(kg),
    top: kg.top.bind(kg),
    subgraph: kg.subgraph.bind(kg),
  });
  return new Promise((resolve) => server.on('exit', () => resolve()));
}
