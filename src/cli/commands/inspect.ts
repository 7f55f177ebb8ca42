// `kg entities FILE` and `kg dates FILE`: what the pipeline sees in one article, for debugging and scripting.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { RawArticle } from '../../types.js';
import { collectPaths } from './build.js';

interface InspectFlags {
  published?: string;
  json?: boolean;
  kb?: string[];
}

/** Reads the articles of one input file; its own published date unless --published overrides it. */
async function readInput(file: string, flags: InspectFlags): Promise<{ article: RawArticle; published: string | null }[]> {
  // Loaded here, not at start-up: every other kg command would pay for the NLP stack.
  const { parseMetadataDate, readArticles } = await import('../../stages/ingest/index.js');
  const override = flags.published ? parseMetadataDate(flags.published) : null;
  if (flags.published && !override) throw new UsageError('bad-date', `--published ${flags.published}: expected a date such as 2025-10-17`);
  const out: { article: RawArticle; published: string | null }[] = [];
  for await (const item of readArticles([file])) {
    if (item.kind === 'diagnostic') {
      if (item.diagnostic.severity === 'error') process.stderr.write(`${item.diagnostic.message}\n`);
      continue;
    }
    out.push({ article: item.article, published: override ?? item.article.meta.published });
  }
  if (out.length === 0) throw new UsageError('no-article', `${file}: no article could be read`);
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => rows.reduce((width, r) => Math.max(width, r[i].length), 0));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/** Prints one article's findings: JSON under `key`, or a heading and a table. */
function printFindings(id: string, published: string | null, json: boolean, key: string, items: unknown[], rows: string[][]): void {
  process.stdout.write(json ? `${JSON.stringify({ article: id, published, [key]: items }, null, 2)}\n` : `${id} (published ${published ?? 'unknown'})\n${table(rows)}\n`);
}

/** Adds `kg entities` and `kg dates` to the program. */
export function registerInspect(program: Command): void {
  program
    .command('entities')
    .description('Print the people, countries and organisations mentioned in one article, with spans, forms and links.')
    .argument('<file>', 'an article file (.txt, .md, .html, .json, .jsonl)')
    .option('--published <date>', 'document date (YYYY-MM-DD) used to resolve roles such as "the Russian President"')
    .option('--json', 'print the mentions as JSON')
    .option('--kb <path>', 'a KB file or folder merged over the built-in KB (repeatable)', collectPaths, [])
    .addHelpText('after', '\nExample:\n  kg entities data/articles/004_526fbc0e294a48ad.txt --published 2021-12-31\n')
    .action(async (file: string, flags: InspectFlags) => {
      const { findEntities } = await import('../../analyze.js');
      for (const { article, published } of await readInput(file, flags)) {
        const mentions = findEntities(article.text, { published, id: article.meta.id, kbPaths: flags.kb });
        const rows = [['start', 'end', 'text', 'kind', 'key', 'form', 'via'], ...mentions.map((m) => [String(m.start), String(m.end), m.text, m.kind, m.key, m.qualifier ? `${m.form} (qualifier)` : m.form, m.via])];
        printFindings(article.meta.id, published, flags.json === true, 'mentions', mentions, rows);
      }
    });

  program
    .command('dates')
    .description('Print every time expression of one article with its span, resolved value, precision, range and rule.')
    .argument('<file>', 'an article file (.txt, .md, .html, .json, .jsonl)')
    .option('--published <date>', 'document date (YYYY-MM-DD) relative dates resolve against')
    .option('--json', 'print the expressions as JSON')
    .addHelpText('after', '\nExample:\n  kg dates data/articles/004_526fbc0e294a48ad.txt --published 2021-12-31\n')
    .action(async (file: string, flags: InspectFlags) => {
      const { findTimeExpressions } = await import('../../analyze.js');
      for (const { article, published } of await readInput(file, flags)) {
        const { expressions, diagnostics } = findTimeExpressions(article.text, { published, id: article.meta.id });
        for (const d of diagnostics) process.stderr.write(`kg dates: ${d.message}\n`);
        const rows = [['start', 'end', 'text', 'value', 'precision', 'range', 'rule'], ...expressions.map((e) => [String(e.start), String(e.end), e.text, e.date ?? '-', e.precision, e.dateStart ? `${e.dateStart}..${e.dateEnd}` : '-', e.rule])];
        printFindings(article.meta.id, published, flags.json === true, 'expressions', expressions, rows);
      }
    });
}
