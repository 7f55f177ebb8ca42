// `kg assemble --db URL`: the graph from every stored article's facts into the graph tables, with a report of dead letters and skipped inputs.
import type { Command } from 'commander';
import { KgError } from '../../errors.js';

const HELP_AFTER = `
Assembly reads every stored article's facts in id order and recomputes the graph's content (entities, the event
merge, offices, the projection), so nodes, edges and their attributes equal a build of every article at once. The
drawing is kept: the nodes stored before keep their places and communities, and only new nodes are placed, next to
what they are linked to. --relayout lays the whole graph out afresh (then the graph equals a full build byte for
byte); so does an assembly that finds less than half of the graph's nodes stored before, or a graph with more than
twice the nodes of its last full layout. Articles whose jobs are still waiting are left out and counted in the
report.

Examples:
  kg assemble --db postgres://kg@127.0.0.1/kg
  kg assemble --db postgres://kg@127.0.0.1/kg --report build-report.json --strict
  kg assemble --db postgres://kg@127.0.0.1/kg --relayout
`;

export function registerAssemble(program: Command): void {
  program
    .command('assemble')
    .description('Assemble the graph in the database from the stored facts; list the dead letters and what was skipped.')
    .requiredOption('--db <url>', 'the PostgreSQL database (postgres://...)')
    .option('--report <file>', 'also write the report to this JSON file')
    .option('--strict', 'exit with code 1 when any article is a dead letter or any input was skipped')
    .option('--kb <path>', 'a KB file or folder merged over the built-in KB, as given to kg build (repeatable)', collectPaths, [])
    .option('--relayout', 'lay the whole graph out afresh instead of keeping the places of the nodes stored before')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: { db: string; report?: string; strict?: boolean; kb: string[]; relayout?: boolean }) => {
      const [{ openDb }, { assembleInDb }, { summarizeDbRun, writeReport }] = await Promise.all([import('../../db/connect.js'), import('../../pipeline/db-build.js'), import('./db-report.js')]);
      const db = await openDb(flags.db);
      try {
        const { report } = await assembleInDb({ db, url: flags.db, kbPaths: flags.kb, relayout: flags.relayout ?? false });
        process.stderr.write(summarizeDbRun(report));
        await writeReport(flags.report, report);
        if (flags.strict && report.deadLetters.length + report.skipped.length > 0) throw new KgError('inputs-skipped', `assemble: --strict: ${report.deadLetters.length} dead letter(s), ${report.skipped.length} input(s) skipped`);
      } finally {
        await db.end();
      }
    });
}

function collectPaths(value: string, previous: string[]): string[] {
  return [...previous, value];
}
