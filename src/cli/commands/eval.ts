// `kg eval --gold FILE GRAPH.json`: scores a built graph against a hand annotation.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { evaluateGraph, formatEvalReport, goldSchema } from '../../eval/index.js';
import { readGraphFile } from '../../graph/serialize.js';

/** Adds `kg eval` to the program. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Score a built graph against an annotation (people, countries, organisations, events, dates, merges, sources, leaks).')
    .argument('[graph]', 'graph.json written by kg build', 'out/graph.json')
    .option('-g, --gold <file>', 'annotation in the format of data/gold/seeds.gold.json', 'data/gold/seeds.gold.json')
    .option('--json', 'print the scores as JSON')
    .addHelpText('after', '\nExample:\n  kg eval --gold data/gold/seeds.gold.json out/graph.json\n')
    .action(async (graphPath: string, flags: { gold: string; json?: boolean }) => {
      const graph = await readGraphFile(graphPath);
      const raw = await readFile(flags.gold, 'utf8').catch(() => {
        throw new UsageError('gold-not-found', `eval: cannot read the annotation ${flags.gold}; give --gold FILE`);
      });
      const parsed = goldSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new UsageError('bad-gold', `eval: ${flags.gold} is not an annotation: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const texts = new Map<string, string>();
      for (const a of graph.getAttribute('articles')) {
        const text = await readFile(path.join(path.dirname(graphPath), a.textFile), 'utf8').catch(() => null);
        if (text !== null) texts.set(a.id, text);
      }
      const report = evaluateGraph(graph, parsed.data, texts);
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatEvalReport(report)}\n`);
    });
}
