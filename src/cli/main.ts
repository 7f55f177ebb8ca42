#!/usr/bin/env node
// The `kg` command: registers the subcommands; the one place that catches errors, prints them and sets the exit code.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { KgError } from '../errors.js';

// Output piped into head or a pager that quits closes the pipe: the command ends there, quietly (EPIPE is no error of ours).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command();
program
  .name('kg')
  .description('Build a dated, sourced knowledge graph of who met, called or visited whom from news articles.')
  .version(version, '-V, --version', 'print the version of kg')
  .showHelpAfterError()
  .exitOverride();

type Register = (program: Command) => void;
const build = () => import('./commands/build.js').then((m): Register => m.registerBuild);
const inspect = () => import('./commands/inspect.js').then((m): Register => m.registerInspect);
const query = () => import('./commands/query.js').then((m): Register => m.registerQuery);
/** Each command's module, by the names it registers. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  build,
  start: build,
  eval: () => import('./commands/eval.js').then((m) => m.registerEval),
  entities: inspect,
  dates: inspect,
  export: () => import('./commands/export.js').then((m) => m.registerExport),
  view: () => import('./commands/view.js').then((m) => m.registerView),
  query,
  repl: () => import('./commands/repl.js').then((m) => m.registerRepl),
  kb: () => import('./commands/kb.js').then((m) => m.registerKb),
  worker: () => import('./commands/worker.js').then((m) => m.registerWorker),
  assemble: () => import('./commands/assemble.js').then((m) => m.registerAssemble),
};
// A command loads its own module only (what the others import, such as tsx, zod or the exporters, costs 0.1-0.3 s to
// load); the program's help and an unknown command load them all, so the help lists every command.
const named = Object.hasOwn(COMMANDS, process.argv[2] ?? '') ? [COMMANDS[process.argv[2]]] : [...new Set(Object.values(COMMANDS))];
for (const register of await Promise.all(named.map((load) => load()))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof KgError) {
    process.stderr.write(`kg: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`kg: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
