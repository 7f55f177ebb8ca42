// `kg kb check|who|find|import wikidata`: validate the KB with the user's files, see how a role or a name links at a date, import from Wikidata.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { KgError, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../graph/serialize.js';
import type { KbOffice, KnowledgeBase } from '../../kb/index.js';
import { collectPaths } from './build.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

async function loadKb(paths: string[]): Promise<KnowledgeBase> {
  const { loadKnowledgeBase } = await import('../../kb/index.js');
  return loadKnowledgeBase(undefined, paths);
}

function parseDate(value: string): string {
  if (!DATE_RE.test(value)) throw new UsageError('bad-date', `--at ${value}: expected a date YYYY-MM-DD`);
  return value;
}

function term(o: KbOffice): string {
  return `${o.title} (${o.type}) of ${o.of}, ${o.from} to ${o.to ?? 'now'}`;
}

const HELP_AFTER = `
Examples:
  kg kb check --kb tests/fixtures/kb/user
  kg kb who "the Kenyan president" --at 2019-05-01
  kg kb find Fischer --at 2001-06-01
  kg kb import wikidata tests/fixtures/kb/wikidata-results.json --out /tmp/wikidata-people.json
`;

/** Adds `kg kb` and its subcommands to the program. */
export function registerKb(program: Command): void {
  const kb = program.command('kb').description('Check the knowledge base (with your --kb files), see how roles and names link, import people from Wikidata.').addHelpText('after', HELP_AFTER);

  kb.command('check')
    .description('Validate the built-in KB and the --kb files merged over it; print the counts and what each file adds or changes.')
    .option('--kb <path>', 'a KB file or folder (repeatable)', collectPaths, [])
    .action(async (flags: { kb: string[] }) => {
      const base = await loadKb(flags.kb);
      const offices = base.people.reduce((n, p) => n + p.offices.length, 0);
      const lines = [`kb: ${base.people.length} people with ${offices} offices, ${base.organizations.length} organisations, ${base.places.length} places, ${base.countries.length} countries`];
      for (const f of base.userFiles) {
        lines.push(`kb: ${f.file}: ${f.added.length} added, ${f.changed.length} changed`);
        for (const key of f.added) lines.push(`  + ${key}`);
        for (const c of f.changed) lines.push(`  ~ ${c.key}: ${c.changes.join('; ')}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  kb.command('who')
    .description('Whom a role phrase ("the Kenyan president") links to at a date, as the link stage resolves it.')
    .argument('<phrase>', 'a role as news writes it')
    .requiredOption('--at <date>', 'the date (YYYY-MM-DD) the phrase is read at', parseDate)
    .option('--kb <path>', 'a KB file or folder (repeatable)', collectPaths, [])
    .action(async (phrase: string, flags: { at: string; kb: string[] }) => {
      process.stdout.write(await resolveText(phrase, flags.at, flags.kb, 'a role links when exactly one KB person holds the office that day (see kg kb find)'));
    });

  kb.command('find')
    .description('The KB entries a name or surname denotes, their offices, and whom the link stage picks for it at a date.')
    .argument('<name>', 'a name, alias or surname')
    .option('--at <date>', 'the date (YYYY-MM-DD) to resolve the name at', parseDate)
    .option('--kb <path>', 'a KB file or folder (repeatable)', collectPaths, [])
    .action(async (name: string, flags: { at?: string; kb: string[] }) => {
      const base = await loadKb(flags.kb);
      const entries = base.lookup(name);
      for (const p of base.bySurname(name)) if (!entries.some((e) => e.kind === 'person' && e.person === p)) entries.push({ kind: 'person', person: p });
      if (entries.length === 0) throw new UsageError('unknown-entity', `kb find: no KB entry is called "${name}"`);
      const lines: string[] = [];
      for (const e of entries) {
        if (e.kind === 'person') {
          lines.push(`person:${e.person.id}  ${e.person.name} (${e.person.country ?? 'no country'}; ${e.person.source})`);
          for (const o of e.person.offices) lines.push(`  ${flags.at && o.from <= flags.at && (o.to === null || flags.at < o.to) ? '*' : ' '} ${term(o)}`);
        } else if (e.kind === 'country') lines.push(`country:${e.country.iso2}  ${e.country.name} (as ${e.as})`);
        else if (e.kind === 'organization') lines.push(`org:${e.organization.id}  ${e.organization.name}`);
        else lines.push(`place:${e.place.id}  ${e.place.name} (${e.place.country ?? '-'})`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      if (flags.at) process.stdout.write(await resolveText(name, flags.at, flags.kb, 'a name several KB people share links in an article that names one of them in full, or that names the country of the one in office that day'));
    });

  const importer = kb.command('import').description('Convert entries from another source into a KB file for --kb.');
  importer
    .command('wikidata')
    .description('SPARQL JSON results of the README\'s Wikidata query -> a people file for --kb (dated offices, aliases, the Q-id as source).')
    .argument('<results>', 'the query\'s results, downloaded as JSON from query.wikidata.org')
    .requiredOption('--out <file>', 'the people file to write')
    .action(async (results: string, flags: { out: string }) => {
      const { importWikidata, parseSparqlResults } = await import('../../kb/wikidata.js');
      let rows;
      try {
        rows = parseSparqlResults(JSON.parse(readFileSync(results, 'utf8')));
      } catch (error) {
        throw new KgError('bad-input', `kb import wikidata: ${results}: ${(error as Error).message}`);
      }
      const base = await loadKb([]);
      const { people, skipped } = importWikidata(rows, base);
      const text = `${JSON.stringify(people, null, 2)}\n`;
      // The file must load as a --kb file before it is written.
      const { loadKnowledgeBaseFrom } = await import('../../kb/index.js');
      const merged = loadKnowledgeBaseFrom({ dir: base.sources!.dir, user: [{ file: flags.out, text }] });
      await writeFileAtomic(flags.out, text);
      const report = merged.userFiles[0];
      const lines = [`kb import: ${rows.length} rows -> ${people.length} people with ${people.reduce((n, p) => n + p.offices.length, 0)} offices in ${flags.out} (${report.added.length} new, ${report.changed.length} extending built-in entries of the same id)`];
      const reasons = new Map<string, number>();
      for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
      for (const [reason, n] of reasons) lines.push(`kb import: ${n} row(s) left out: ${reason} (e.g. ${skipped.find((s) => s.reason === reason)!.person}, ${skipped.find((s) => s.reason === reason)!.position})`);
      process.stderr.write(`${lines.join('\n')}\n`);
    });
}

/** The link stage's reading of a text at a date: each person, country and organisation mention and what it links to. */
async function resolveText(text: string, date: string, kbPaths: string[], why: string): Promise<string> {
  const { findEntities } = await import('../../analyze.js');
  const base = await loadKb(kbPaths);
  const mentions = findEntities(text, { published: date, kbPaths });
  const people = mentions.filter((m) => m.kind === 'person');
  const lines = people.map((m) => {
    const id = m.key.startsWith('person:') ? m.key.slice('person:'.length) : null;
    const offices = id ? base.officesAt(id, date) : [];
    return `"${m.text}" at ${date} -> ${m.label} (${m.key}, via ${m.via})${offices.length > 0 ? `\n  in office: ${offices.map(term).join('; ')}` : ''}`;
  });
  if (people.length === 0) {
    const others = mentions.filter((m) => !m.qualifier).map((m) => `${m.text} -> ${m.key}`);
    lines.push(`"${text}" at ${date}: links to no person${others.length > 0 ? ` (found: ${others.join(', ')})` : ''}; ${why}`);
  }
  return `${lines.join('\n')}\n`;
}
