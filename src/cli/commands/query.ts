// `kg query ...`: events, timeline, between, neighbors, path, top, find and run over a built graph, as a table, JSON or CSV.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EDGE_RELATIONS, NODE_KINDS, type EdgeRelation, type NodeKind } from '../../graph/model.js';
import { loadGraph, parseDateOption, runScript, type Entity, type EventResult, type GraphQueries, type Neighbor, type PathResult, type PathStep, type RankMetric, type Ranked, type Tie } from '../../query/index.js';
import type { EventStatus, Source } from '../../types.js';
import { addFormatOptions, chooseFormat, formatJson, formatOutput, type Tabular } from '../format.js';

export const DEFAULT_GRAPH = 'out/graph.json';
const LABEL_WIDTH = 40;
const QUOTE_WIDTH = 60;

interface CommonOptions {
  graph: string;
  db?: string;
  json?: boolean;
  csv?: boolean;
}

interface WindowOptions {
  from?: string;
  to?: string;
}

/** Adds `kg query` and its subcommands to the program. */
export function registerQuery(program: Command): void {
  const query = program
    .command('query')
    .description('ask a built graph who met, called or visited whom, when, and on whose word')
    .addHelpText('after', '\nEntities are given by key, label or alias ("orban", "Putin", "country:HU"); dates as YYYY, YYYY-MM or YYYY-MM-DD.');

  common(query.command('events'))
    .description('events matching every filter given, in date order (undated last)')
    .option('--with <entity>', 'takes part (repeat: all of them take part)', collect, [])
    .option('--any <entity>', 'at least one of these takes part (repeatable)', collect, [])
    .option('--type <type>', 'event type: call, meeting, summit, visit... (repeatable)', collect, [])
    .option('--country <country>', 'the country takes part, is the location, or one of its people takes part')
    .addOption(new Option('--status <status>', 'occurred, planned or cancelled').choices(['occurred', 'planned', 'cancelled']))
    .option('--article <id>', 'reported by this article')
    .action(async (options: CommonOptions & WindowOptions & { with: string[]; any: string[]; type: string[]; country?: string; status?: EventStatus; article?: string }) => {
      await withGraph(options, async (kg) => {
        const events = await kg.events({
          participants: options.with,
          anyOf: options.any,
          type: options.type.length > 0 ? options.type : undefined,
          country: options.country,
          status: options.status,
          article: options.article,
          from: options.from,
          to: options.to,
        });
        print(options, events, (compact) => eventTable(events, 'no events match', compact));
      });
    });

  common(query.command('timeline'))
    .description('the events an entity is involved in, in date order')
    .argument('<entity>', 'person, country, organisation or place')
    .action(async (entity: string, options: CommonOptions & WindowOptions) => {
      await withGraph(options, async (kg) => {
        const events = await kg.timeline(entity, { from: options.from, to: options.to });
        const label = (await kg.find(entity)).label;
        print(options, events, (compact) => eventTable(events, `no events for ${label}`, compact));
      });
    });

  common(query.command('between'))
    .description('every event linking two entities, dated and sourced, then their tie (shared events, weight, first and last day)')
    .argument('<a>', 'first entity')
    .argument('<b>', 'second entity')
    .action(async (a: string, b: string, options: CommonOptions & WindowOptions) => {
      await withGraph(options, async (kg) => {
        const window = { from: options.from, to: options.to };
        const events = await kg.interactions(a, b, window);
        const labels = [(await kg.find(a)).label, (await kg.find(b)).label];
        print(options, events, (compact) => eventTable(events, `no events link ${labels[0]} and ${labels[1]}`, compact));
        // JSON and CSV stay one list of events; the tie is there through the API (kg.tie) and neighbors --projection.
        const tie = await kg.tie(a, b, window);
        if (chooseFormat(options) === 'table' && tie !== null) process.stdout.write(`\n${showTie(tie)}\n`);
      });
    });

  common(query.command('neighbors'))
    .description('the edges at an entity: events it takes part in, offices, locations, memberships')
    .argument('<entity>', 'any node')
    .addOption(new Option('--relation <relation>', 'only this relation (repeatable)').choices(EDGE_RELATIONS).argParser(collectChoice<EdgeRelation>(EDGE_RELATIONS)))
    .addOption(new Option('--projection', 'only whom it took part in events with (interacted_with ties), strongest first').conflicts('relation'))
    .action(async (entity: string, options: CommonOptions & WindowOptions & { relation?: EdgeRelation[]; projection?: boolean }) => {
      await withGraph(options, async (kg) => {
        const neighbors = await kg.neighbors(entity, { relation: options.relation, projection: options.projection, from: options.from, to: options.to });
        const label = (await kg.find(entity)).label;
        print(options, neighbors, (compact) => (options.projection ? tieTable(neighbors, `${label} shares no events with anyone`) : neighborTable(neighbors, `no edges at ${label}`, compact)));
      });
    });

  output(dbOption(graphOption(query.command('path'))))
    .description('the shortest path between two entities through people, countries and events')
    .argument('<a>', 'first entity')
    .argument('<b>', 'second entity')
    .addOption(new Option('--through <kind>', 'node kinds the path may pass through (repeatable; default person, country, event)').choices(NODE_KINDS).argParser(collectChoice<NodeKind>(NODE_KINDS)))
    .action(async (a: string, b: string, options: CommonOptions & { through?: NodeKind[] }) => {
      await withGraph(options, async (kg) => {
        const path = await kg.path(a, b, { through: options.through });
        const labels = [(await kg.find(a)).label, (await kg.find(b)).label];
        print(options, path, (compact) => pathTable(path, `no path between ${labels[0]} and ${labels[1]}`, compact));
      });
    });

  output(dbOption(graphOption(query.command('top'))))
    .description('the most connected or central entities')
    .addOption(new Option('--by <metric>', 'degree (distinct neighbours), pagerank or events (taken part in)').choices(['degree', 'pagerank', 'events']).default('degree'))
    .addOption(new Option('--kind <kind>', 'only this kind of node').choices(NODE_KINDS))
    .option('--limit <n>', 'how many', parseLimit, 10)
    .action(async (options: CommonOptions & { by: RankMetric; kind?: NodeKind; limit: number }) => {
      await withGraph(options, async (kg) => {
        const ranked = await kg.top({ by: options.by, kind: options.kind, limit: options.limit });
        print(options, ranked, () => rankTable(ranked, options.by));
      });
    });

  output(dbOption(graphOption(query.command('find'))))
    .description('look an entity up by key, label or alias (case, accents and punctuation ignored; a unique surname will do)')
    .argument('<name>', 'a name, e.g. orban')
    .action(async (name: string, options: CommonOptions) => {
      await withGraph(options, async (kg) => {
        const entity = await kg.find(name);
        print(options, entity, () => entityTable(entity));
      });
    });

  dbOption(graphOption(query.command('run')))
    .description('run a TypeScript or JavaScript script whose default export receives the graph; what it returns is printed as JSON')
    .argument('<script>', 'path to a .ts, .mts, .js or .mjs file')
    .addHelpText(
      'after',
      "\nExample script:\n  import type { KnowledgeGraph } from 'kg';\n  export default (kg: KnowledgeGraph) => kg.interactions('Putin', 'Trump').map((e) => e.date);\n" +
        "With --db the script gets the query methods (lookup, find, events, timeline, interactions, tie, neighbors, path, top), each a promise:\n" +
        "  import type { GraphQueries } from 'kg';\n  export default async (kg: GraphQueries) => (await kg.interactions('Putin', 'Trump')).map((e) => e.date);",
    )
    .action(async (script: string, options: { graph: string; db?: string }) => {
      const result = options.db === undefined ? await runScript(script, await loadGraph(options.graph)) : await runOnDb(script, options.db);
      if (result !== undefined) process.stdout.write(formatJson(result));
    });
}

/** --graph, --json/--csv and --from/--to: what the event-listing commands share. */
function common(command: Command): Command {
  return output(dbOption(graphOption(command)))
    .option('--from <date>', 'from this date (YYYY, YYYY-MM or YYYY-MM-DD)', dateParser('--from'))
    .option('--to <date>', 'up to this date, inclusive', dateParser('--to'));
}

function graphOption(command: Command): Command {
  return command.option('--graph <path>', 'graph file built by kg build', DEFAULT_GRAPH);
}

function dbOption(command: Command): Command {
  return command.option('--db <url>', 'ask the graph stored in PostgreSQL (postgres://...) instead of a graph file; answered in SQL');
}

/** Runs `use` on the graph file, or with --db on the stored graph (loading pg only then), and closes the connection after. */
async function withGraph(options: CommonOptions, use: (kg: GraphQueries) => Promise<void>): Promise<void> {
  if (options.db === undefined) return use(await loadGraph(options.graph));
  const [{ openDb }, { DbKnowledgeGraph }] = await Promise.all([import('../../db/connect.js'), import('../../db/graph-queries.js')]);
  const db = await openDb(options.db);
  try {
    await use(await DbKnowledgeGraph.open(db));
  } finally {
    await db.end();
  }
}

/** A script run on the stored graph (scriptQueries), the connection closed once what it returns is settled. */
async function runOnDb(script: string, url: string): Promise<unknown> {
  const [{ openDb }, { DbKnowledgeGraph, scriptQueries }] = await Promise.all([import('../../db/connect.js'), import('../../db/graph-queries.js')]);
  const db = await openDb(url);
  try {
    return await runScript(script, scriptQueries(await DbKnowledgeGraph.open(db)));
  } finally {
    await db.end();
  }
}

function output(command: Command): Command {
  return addFormatOptions(command);
}

/** Prints `value` as JSON, or the rows `tabulate` makes: compact for a table (one quote per article), every source for CSV. */
function print(options: CommonOptions, value: unknown, tabulate: (compact: boolean) => Tabular): void {
  const format = chooseFormat(options);
  process.stdout.write(formatOutput(format, value, tabulate(format === 'table')));
}

function eventTable(events: EventResult[], empty: string, compact: boolean): Tabular {
  return {
    columns: [{ header: 'DATE' }, { header: 'TYPE' }, { header: 'STATUS' }, { header: 'PARTICIPANTS', max: LABEL_WIDTH }, { header: 'LOCATION' }, { header: 'ARTICLE' }, { header: 'QUOTE', max: QUOTE_WIDTH }],
    records: events.map((event) =>
      withSources(event.sources, compact, [
        showEventDate(event),
        event.type,
        event.hedged ? `${event.status} (hedged)` : event.status,
        event.participants.map((p) => p.label).join(', '),
        event.location?.label ?? '',
      ]),
    ),
    empty,
  };
}

function neighborTable(neighbors: Neighbor[], empty: string, compact: boolean): Tabular {
  return {
    columns: [{ header: 'RELATION' }, { header: 'DIRECTION' }, { header: 'NODE', max: LABEL_WIDTH }, { header: 'KIND' }, { header: 'DATE' }, { header: 'ROLE' }, { header: 'ARTICLE' }, { header: 'QUOTE', max: QUOTE_WIDTH }],
    records: neighbors.map((n) =>
      withSources(n.sources, compact, [n.relation, n.direction, n.node.label, n.node.kind, n.dateEnd && n.dateEnd !== n.date ? `${n.date ?? '?'}..${n.dateEnd}` : (n.date ?? ''), n.role ?? '']),
    ),
    empty,
  };
}

/** The entity's ties, one line each: whom, how strong, how many events of which types, first and last day. */
function tieTable(neighbors: Neighbor[], empty: string): Tabular {
  return {
    columns: [{ header: 'NODE', max: LABEL_WIDTH }, { header: 'KIND' }, { header: 'WEIGHT' }, { header: 'EVENTS' }, { header: 'TYPES' }, { header: 'OCCURRED' }, { header: 'PLANNED' }, { header: 'FIRST' }, { header: 'LAST' }],
    records: neighbors.map((n) => {
      const i = n.interaction!;
      return [[n.node.label, n.node.kind, String(i.weight), String(i.count), showTypes(i.byType), String(i.occurred), String(i.planned), i.firstDate ?? '', i.lastDate ?? '']];
    }),
    empty,
  };
}

/** "Donald Trump – Vladimir Putin: 3 shared events (2 meeting, 1 call), 2 occurred, 1 planned, weight 2.5, 2025-02-12..2025-10-16". */
function showTie(tie: Tie): string {
  const span = tie.firstDate === null ? 'undated' : tie.lastDate !== null && tie.lastDate !== tie.firstDate ? `${tie.firstDate}..${tie.lastDate}` : tie.firstDate;
  return `${tie.a.label} – ${tie.b.label}: ${tie.count} shared event${tie.count === 1 ? '' : 's'} (${showTypes(tie.byType)}), ${tie.occurred} occurred, ${tie.planned} planned, weight ${tie.weight}, ${span}`;
}

/** "2 meeting, 1 call": most frequent first. */
function showTypes(byType: Record<string, number>): string {
  return Object.entries(byType)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

function pathTable(path: PathResult | null, empty: string, compact: boolean): Tabular {
  return {
    columns: [{ header: 'STEP' }, { header: 'FROM', max: LABEL_WIDTH }, { header: 'VIA' }, { header: 'TO', max: LABEL_WIDTH }, { header: 'ARTICLE' }, { header: 'QUOTE', max: QUOTE_WIDTH }],
    records: (path?.steps ?? []).map((step, index) => withSources(step.sources, compact, [String(index + 1), step.from.label, showVia(step), step.to.label])),
    empty,
  };
}

function rankTable(ranked: Ranked[], by: RankMetric): Tabular {
  return {
    columns: [{ header: 'RANK' }, { header: 'LABEL', max: LABEL_WIDTH }, { header: 'KIND' }, { header: 'KEY' }, { header: by.toUpperCase() }],
    records: ranked.map((r, index) => [[String(index + 1), r.label, r.kind, r.key, by === 'pagerank' ? r.score.toFixed(4) : String(r.score)]]),
    empty: 'the graph has no such nodes',
  };
}

function entityTable(entity: Entity): Tabular {
  const roles = entity.roles.map((role) => (role.of ? `${role.title} (${role.of})` : role.title)).join('; ');
  return {
    columns: [{ header: 'KEY' }, { header: 'KIND' }, { header: 'LABEL' }, { header: 'ALIASES', max: LABEL_WIDTH }, { header: 'COUNTRY' }, { header: 'ROLES', max: LABEL_WIDTH }, { header: 'ARTICLES' }],
    records: [[[entity.key, entity.kind, entity.label, entity.aliases.join(', '), entity.country ?? '', roles, String(entity.articles.length)]]],
    empty: '',
  };
}

/**
 * One line per source, or one line with empty source cells. Compact (tables): the first quote of each article,
 * its article cell counting the quotes left out ("001_9f0322c5207143d7 (+3)"); JSON and CSV carry them all.
 */
function withSources(sources: Source[], compact: boolean, cells: string[]): string[][] {
  if (sources.length === 0) return [[...cells, '', '']];
  if (!compact) return sources.map((source) => [...cells, source.article, source.quote]);
  const byArticle = new Map<string, Source[]>();
  for (const source of sources) byArticle.set(source.article, [...(byArticle.get(source.article) ?? []), source]);
  return [...byArticle.entries()].map(([article, quotes]) => [...cells, quotes.length > 1 ? `${article} (+${quotes.length - 1})` : article, quotes[0].quote]);
}

/** "participant", or "← leader_of" when the edge points back (Trump leader_of United States, walked from the country). */
function showVia(step: PathStep): string {
  const relations = step.relations.join(', ');
  return step.direction === 'backward' ? `← ${relations}` : step.direction === 'both' ? `↔ ${relations}` : relations;
}

/** "2025-10-16", "2024-07", a range "2025-10-17..2025-10-31", or "undated". */
function showEventDate(event: EventResult): string {
  if (event.date !== null) return event.date;
  if (event.dateStart !== null) return event.dateEnd !== null && event.dateEnd !== event.dateStart ? `${event.dateStart}..${event.dateEnd}` : event.dateStart;
  return 'undated';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Accumulates a repeatable option, checking each value (a parser replaces the check `.choices()` installs; the choices still show in --help). */
function collectChoice<T extends string>(choices: readonly string[]): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return [...(previous ?? []), value as T];
  };
}

function dateParser(option: string): (value: string) => string {
  return (value) => {
    parseDateOption(value, option);
    return value;
  };
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1) throw new UsageError('bad-option', `--limit: "${value}" is not a positive whole number`);
  return limit;
}
