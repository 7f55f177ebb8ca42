// DbKnowledgeGraph: the query API answered in SQL on the stored graph (migration 002), never loading the whole of
// it. It gathers the nodes and edges each answer needs, in the order graphology would visit them, and shapes and
// orders them with the in-memory back end's own code (src/query/describe.ts, checks.ts), so both give the same results.
import { KgError, UsageError } from '../errors.js';
import { summarize } from '../graph/interaction.js';
import { DERIVED_RELATIONS, type EdgeAttributes, type EdgeRelation, type EventNode, type Interaction, type NodeAttributes, type NodeKind } from '../graph/model.js';
import type { Source } from '../types.js';
import { checkArticle, checkKinds, checkLimit, checkMetric, checkRelations, checkStatuses, checkTypes, countryKeyOf, DEFAULT_PATH_KINDS, DEFAULT_TOP_LIMIT, foundEntity, OFFICE_RELATIONS } from '../query/checks.js';
import { overlapsWindow, resolveWindow } from '../query/dates.js';
import { compareEvents, compareNeighbors, compareRanked, entityOf, eventResultOf, neighborOf, pathStepOf, spanOfEdge, spanOfEvent, tieNeighborOf, tieSources } from '../query/describe.js';
import { closestScores, normalizeName, pickClosest } from '../query/names.js';
import { bidirectionalSearch } from '../query/path-search.js';
import type { DateWindow, Entity, EntityRef, EventFilter, EventParticipant, EventResult, GraphQueries, Lookup, Neighbor, NeighborOptions, PathOptions, PathResult, Ranked, Tie, TopOptions } from '../query/types.js';
import type { QueryResult, QueryResultRow } from 'pg';
import type { Db } from './connect.js';
import { graphQuery, stream } from './graph-read.js';

type Days = { start: string | null; end: string | null };

/** The SQL condition "event n's days overlap the window" (overlapsWindow on spanOfEvent), the window's bounds in parameters $start and $end. */
export function overlapsSql(start: string, end: string): string {
  return `(${start}::text IS NULL AND ${end}::text IS NULL OR n.span_start IS NOT NULL AND (${start}::text IS NULL OR n.span_end >= ${start}) AND (${end}::text IS NULL OR n.span_start <= ${end}))`;
}

/**
 * The events an entity ($x) is involved in, as KnowledgeGraph.involves says: it takes part; it is an out-neighbour
 * of the event (its location) or has an edge from one (the country of the place); or, for a country or an
 * organisation, one of the participants is a person of that country or holds an office of it.
 */
function involvedSql(x: string, affiliations: boolean): string {
  const parts = [
    `SELECT target AS key FROM kg.graph_edges WHERE source = ${x} AND relation = 'participant'`,
    `SELECT source FROM kg.graph_edges WHERE target = ${x} AND relation = 'location'`,
    `SELECT o.source FROM kg.graph_edges c JOIN kg.graph_edges o ON o.target = c.source WHERE c.target = ${x} AND c.relation = 'located_in' AND o.relation = 'location'`,
  ];
  if (affiliations) {
    parts.push(
      `SELECT p.target FROM kg.graph_edges p WHERE p.relation = 'participant' AND p.source IN (
         SELECT key FROM kg.graph_nodes WHERE kind = 'person' AND 'country:' || country = ${x}
         UNION SELECT source FROM kg.graph_edges WHERE target = ${x} AND relation = ANY('{${OFFICE_RELATIONS.join(',')}}'))`,
    );
  }
  return parts.join('\n UNION ');
}

/** The query API over the graph stored in PostgreSQL; every method is one or a few SQL queries. */
export class DbKnowledgeGraph implements GraphQueries {
  constructor(readonly db: Db) {}

  /** A query whose json values come back with sorted keys, as graph.json holds them, its strings encoded and decoded as stored. */
  private sql<T extends QueryResultRow>(text: string, values: unknown[] = []): Promise<QueryResult<T>> {
    return graphQuery<T>(this.db, text, values);
  }

  /** Fails with KgError 'graph-not-found' when the database holds no graph. */
  static async open(db: Db): Promise<DbKnowledgeGraph> {
    const stored = await db.query("SELECT to_regclass('kg.graph') IS NOT NULL AND EXISTS (SELECT 1 FROM kg.graph) AS present").catch(() => ({ rows: [{ present: false }] }));
    if (!stored.rows[0].present) throw new KgError('graph-not-found', 'the database holds no graph yet: build one (kg build --db URL, then kg assemble --db URL)');
    return new DbKnowledgeGraph(db);
  }

  async lookup(name: string): Promise<Lookup> {
    const match = await this.match(name);
    const nodes = await this.nodes([...match.keys, ...match.closest]);
    const describe = (key: string): Entity => entityOf(key, nodes.get(key)!);
    if (match.keys.length === 1) return { query: name, entity: describe(match.keys[0]), ambiguous: [], suggestions: [] };
    return { query: name, entity: null, ambiguous: match.keys.map(describe), suggestions: match.closest.map(describe) };
  }

  async find(name: string): Promise<Entity> {
    return foundEntity(await this.lookup(name), name);
  }

  async events(filter: EventFilter = {}): Promise<EventResult[]> {
    const presentTypes = filter.type === undefined ? [] : (await this.sql<{ t: string }>("SELECT DISTINCT event_type AS t FROM kg.graph_nodes WHERE kind = 'event'")).rows.map((r) => r.t);
    const types = checkTypes(filter.type, presentTypes);
    const statuses = checkStatuses(filter.status);
    const all = await this.keysOf(filter.participants ?? []);
    const any = await this.keysOf(filter.anyOf ?? []);
    const country = filter.country === undefined ? null : countryKeyOf(await this.find(filter.country), filter.country);
    const days = resolveWindow(filter);
    if (filter.article !== undefined) {
      const present = await this.sql('SELECT 1 FROM kg.graph_articles WHERE id = $1', [filter.article]);
      checkArticle(filter.article, present.rows.length > 0);
    }
    const params: unknown[] = [days.start, days.end, types, statuses, all, any, country, filter.article ?? null];
    return this.selectEvents(
      `SELECT n.key FROM kg.graph_nodes n WHERE n.kind = 'event' AND ${overlapsSql('$1', '$2')}
         AND ($3::text[] IS NULL OR n.event_type = ANY($3)) AND ($4::text[] IS NULL OR n.status = ANY($4))
         AND NOT EXISTS (SELECT 1 FROM unnest($5::text[]) AS p(key) WHERE NOT EXISTS (SELECT 1 FROM kg.graph_edges e WHERE e.source = p.key AND e.target = n.key AND e.relation = 'participant'))
         AND (cardinality($6::text[]) = 0 OR EXISTS (SELECT 1 FROM kg.graph_edges e WHERE e.source = ANY($6) AND e.target = n.key AND e.relation = 'participant'))
         AND ($7::text IS NULL OR n.key IN (${involvedSql('$7', true)}))
         AND ($8::text IS NULL OR n.attributes->'sources' @> jsonb_build_array(jsonb_build_object('article', $8::text)))`,
      params,
    );
  }

  async timeline(entity: string, window: DateWindow = {}): Promise<EventResult[]> {
    const found = await this.find(entity);
    const days = resolveWindow(window);
    return this.selectEvents(`SELECT n.key FROM kg.graph_nodes n WHERE n.kind = 'event' AND ${overlapsSql('$1', '$2')} AND n.key IN (${involvedSql('$3', affiliates(found.kind))})`, [days.start, days.end, found.key]);
  }

  async interactions(a: string, b: string, window: DateWindow = {}): Promise<EventResult[]> {
    const first = await this.find(a);
    const second = await this.find(b);
    const days = resolveWindow(window);
    return this.selectEvents(
      `SELECT n.key FROM kg.graph_nodes n WHERE n.kind = 'event' AND ${overlapsSql('$1', '$2')}
         AND n.key IN (${involvedSql('$3', affiliates(first.kind))}) AND n.key IN (${involvedSql('$4', affiliates(second.kind))})`,
      [days.start, days.end, first.key, second.key],
    );
  }

  async tie(a: string, b: string, window: DateWindow = {}): Promise<Tie | null> {
    const first = (await this.find(a)).key;
    const second = (await this.find(b)).key;
    const days = resolveWindow(window);
    // As graph.edges(first, second) then graph.edges(second, first) list them: the latest edge of a pair first.
    const { rows } = await this.sql<{ source: string; target: string; attributes: EdgeAttributes }>(
      `SELECT source, target, attributes FROM kg.graph_edges WHERE relation = 'interacted_with' AND (source = $1 AND target = $2 OR source = $2 AND target = $1)
        ORDER BY source = $1 DESC, ord DESC LIMIT 1`,
      [first, second],
    );
    if (rows.length === 0) return null;
    const within = await this.withinWindow(rows[0].attributes, days);
    if (within === null) return null;
    const refs = await this.refs([rows[0].source, rows[0].target]);
    return { a: refs.get(rows[0].source)!, b: refs.get(rows[0].target)!, ...within.interaction, sources: within.sources };
  }

  async neighbors(entity: string, options: NeighborOptions = {}): Promise<Neighbor[]> {
    const key = (await this.find(entity)).key;
    const relations = options.projection ? (['interacted_with'] as EdgeRelation[]) : checkRelations(options.relation);
    const days = resolveWindow(options);
    // In graphology's order for forEachEdge(node): in-edges, then out-edges, each grouped by the other node (in the
    // order of the pair's first edge), the latest edge of a pair first; compareNeighbors sorts stably from there.
    const { rows } = await this.sql<{ key: string; attributes: EdgeAttributes; out: boolean; other: string; kind: NodeKind; label: string; date: string | null; date_start: string | null; date_end: string | null }>(
      `SELECT e.key, e.attributes, e.out, o.key AS other, o.kind, o.label, o.date, o.date_start, o.date_end FROM (
         SELECT key, attributes, ord, relation, false AS out, source AS other FROM kg.graph_edges WHERE target = $1
         UNION ALL SELECT key, attributes, ord, relation, true, target FROM kg.graph_edges WHERE source = $1) e
       JOIN kg.graph_nodes o ON o.key = e.other
       WHERE CASE WHEN $2::text[] IS NULL THEN e.relation <> 'interacted_with' ELSE e.relation = ANY($2) END
       ORDER BY e.out, min(e.ord) OVER (PARTITION BY e.out, e.other), e.ord DESC`,
      [key, relations],
    );
    // The events of every tie at once, rather than a query per tie.
    const tieEvents = await this.nodes(rows.flatMap((row) => (row.attributes.relation === 'interacted_with' ? (row.attributes.events ?? []) : [])));
    const result: Neighbor[] = [];
    for (const row of rows) {
      const node = { key: row.other, label: row.label, kind: row.kind };
      const direction = row.out ? 'out' : 'in';
      if (row.attributes.relation === 'interacted_with') {
        const within = await this.withinWindow(row.attributes, days, tieEvents);
        if (within !== null) result.push(tieNeighborOf(row.key, direction, node, within.interaction, within.sources));
        continue;
      }
      const other = { kind: row.kind, date: row.date, dateStart: row.date_start, dateEnd: row.date_end } as NodeAttributes;
      if (overlapsWindow(spanOfEdge(row.attributes, other), days)) result.push(neighborOf(row.key, row.attributes, direction, node));
    }
    return result.sort(compareNeighbors);
  }

  async path(a: string, b: string, options: PathOptions = {}): Promise<PathResult | null> {
    const from = (await this.find(a)).key;
    const to = (await this.find(b)).key;
    const through = checkKinds(options.through ?? DEFAULT_PATH_KINDS, 'through');
    // The undirected event network over the kinds allowed: each node's neighbours in the order of the pair's first edge.
    const keys = await bidirectionalSearch(from, to, async (fringe) => {
      const { rows } = await this.sql<{ v: string; w: string }>(
        `SELECT x.v, x.w FROM (
           SELECT source AS v, target AS w, ord FROM kg.graph_edges WHERE source = ANY($1) AND relation <> ALL($2)
           UNION ALL SELECT target, source, ord FROM kg.graph_edges WHERE target = ANY($1) AND relation <> ALL($2)) x
         JOIN kg.graph_nodes n ON n.key = x.w
         WHERE n.kind = ANY($3) OR n.key = $4 OR n.key = $5
         GROUP BY x.v, x.w ORDER BY x.v, min(x.ord)`,
        [fringe, DERIVED_RELATIONS, through, from, to],
      );
      const neighbors = new Map<string, string[]>();
      for (const row of rows) neighbors.set(row.v, [...(neighbors.get(row.v) ?? []), row.w]);
      return neighbors;
    });
    if (!keys) return null;
    const refs = await this.refs(keys);
    const { rows } = await this.sql<{ source: string; target: string; attributes: EdgeAttributes }>(
      `SELECT e.source, e.target, e.attributes FROM kg.graph_edges e JOIN unnest($1::text[], $2::text[]) AS s(a, b) ON e.source = s.a AND e.target = s.b OR e.source = s.b AND e.target = s.a
        ORDER BY e.ord DESC`,
      [keys.slice(0, -1), keys.slice(1)],
    );
    const between = (x: string, y: string): EdgeAttributes[] => rows.filter((row) => row.source === x && row.target === y).map((row) => row.attributes);
    const steps = keys.slice(1).map((key, i) => pathStepOf(refs.get(keys[i])!, refs.get(key)!, between(keys[i], key), between(key, keys[i])));
    const events = await this.describeEvents(keys.filter((key) => refs.get(key)!.kind === 'event'));
    const order = new Map(events.map((event) => [event.key, event]));
    return { nodes: keys.map((key) => refs.get(key)!), steps, events: keys.filter((key) => order.has(key)).map((key) => order.get(key)!) };
  }

  async top(options: TopOptions = {}): Promise<Ranked[]> {
    const column = { degree: 'rank_degree', pagerank: 'rank_pagerank', events: 'rank_events' }[checkMetric(options.by ?? 'degree')];
    const kinds = options.kind === undefined ? null : checkKinds([options.kind].flat(), 'kind');
    const limit = checkLimit(options.limit ?? DEFAULT_TOP_LIMIT);
    // Every node scoring at least the limit-th score, so ties at the cut are ordered by label as in memory.
    const { rows } = await this.sql<{ key: string; label: string; kind: NodeKind; score: number }>(
      `WITH ranked AS (SELECT key, label, kind, ord, ${column} AS score FROM kg.graph_nodes WHERE ${column} IS NOT NULL AND ($1::text[] IS NULL OR kind = ANY($1)))
       SELECT key, label, kind, score FROM ranked WHERE score >= COALESCE((SELECT score FROM ranked ORDER BY score DESC OFFSET $2::int - 1 LIMIT 1), -1) ORDER BY score DESC, ord`,
      [kinds, limit],
    );
    return rows.map((row) => ({ key: row.key, label: row.label, kind: row.kind, score: row.score })).sort(compareRanked).slice(0, limit);
  }

  /** Keys answering to a name: a node key, then the best tier of names; with the closest names when none does (see NameIndex). */
  private async match(query: string): Promise<{ keys: string[]; closest: string[] }> {
    const exact = await this.sql('SELECT 1 FROM kg.graph_nodes WHERE key = $1', [query]);
    if (exact.rows.length > 0) return { keys: [query], closest: [] };
    const normal = normalizeName(query);
    const { rows } = await this.sql<{ key: string; tier: number }>('SELECT DISTINCT key, tier FROM kg.graph_names WHERE name = $1', [normal]);
    if (rows.length > 0) {
      const best = Math.min(...rows.map((row) => row.tier));
      return { keys: rows.filter((row) => row.tier === best).map((row) => row.key).sort(), closest: [] };
    }
    // Every full name, by cursor, in node order (as NameIndex lists them): only the ones within reach are kept.
    const client = await this.db.connect();
    try {
      const scores = new Map<string, number>();
      const labels = new Map<string, string>();
      for await (const row of stream<{ key: string; name: string; label: string }>(client, 'SELECT m.key, m.name, n.label FROM kg.graph_names m JOIN kg.graph_nodes n USING (key) WHERE m.tier = 1 ORDER BY n.ord')) {
        const score = closestScores(normal, [row]).get(row.key);
        if (score === undefined || score >= (scores.get(row.key) ?? Infinity)) continue;
        scores.set(row.key, score);
        labels.set(row.key, row.label);
      }
      return { keys: [], closest: pickClosest(scores, (key) => labels.get(key)!) };
    } finally {
      client.release();
    }
  }

  private async keysOf(names: string[]): Promise<string[]> {
    const keys: string[] = [];
    for (const name of names) keys.push((await this.find(name)).key);
    return keys;
  }

  private async nodes(keys: string[]): Promise<Map<string, NodeAttributes>> {
    const { rows } = await this.sql<{ key: string; attributes: NodeAttributes }>('SELECT key, attributes FROM kg.graph_nodes WHERE key = ANY($1)', [keys]);
    return new Map(rows.map((row) => [row.key, row.attributes]));
  }

  private async refs(keys: string[]): Promise<Map<string, EntityRef>> {
    const { rows } = await this.sql<{ key: string; label: string; kind: NodeKind }>('SELECT key, label, kind FROM kg.graph_nodes WHERE key = ANY($1)', [keys]);
    return new Map(rows.map((row) => [row.key, { key: row.key, label: row.label, kind: row.kind }]));
  }

  /** The events a query selects (its only column: key), described and in date order. */
  private async selectEvents(sql: string, params: unknown[]): Promise<EventResult[]> {
    const { rows } = await this.sql<{ key: string }>(sql, params);
    return (await this.describeEvents(rows.map((row) => row.key))).sort(compareEvents);
  }

  /** Events with their participants (in graphology's in-edge order: by participant, the latest edge first) and first location. */
  private async describeEvents(keys: string[]): Promise<EventResult[]> {
    if (keys.length === 0) return [];
    const nodes = await this.nodes(keys);
    const participants = await this.sql<{ event: string; key: string; label: string; kind: NodeKind; role: string | null }>(
      `SELECT e.target AS event, n.key, n.label, n.kind, e.attributes->>'role' AS role FROM kg.graph_edges e JOIN kg.graph_nodes n ON n.key = e.source
        WHERE e.target = ANY($1) AND e.relation = 'participant' ORDER BY e.target, min(e.ord) OVER (PARTITION BY e.target, e.source), e.ord DESC`,
      [keys],
    );
    const locations = await this.sql<{ event: string; key: string; label: string }>(
      `SELECT DISTINCT ON (e.source) e.source AS event, n.key, n.label FROM kg.graph_edges e JOIN kg.graph_nodes n ON n.key = e.target
        WHERE e.source = ANY($1) AND e.relation = 'location' ORDER BY e.source, e.ord`,
      [keys],
    );
    const byEvent = new Map<string, EventParticipant[]>();
    for (const row of participants.rows) byEvent.set(row.event, [...(byEvent.get(row.event) ?? []), { key: row.key, label: row.label, kind: row.kind, role: row.role }]);
    const location = new Map(locations.rows.map((row) => [row.event, { key: row.key, label: row.label }]));
    return keys.map((key) => eventResultOf(key, nodes.get(key) as EventNode, byEvent.get(key) ?? [], location.get(key) ?? null));
  }

  /** A tie's figures over its events in the window, and their first sources; null when none is left. */
  private async withinWindow(edge: EdgeAttributes, days: Days, fetched?: Map<string, NodeAttributes>): Promise<{ interaction: Interaction; sources: Source[] } | null> {
    const nodes = fetched ?? (await this.nodes(edge.events ?? []));
    const keys = (edge.events ?? []).filter((key) => nodes.has(key) && overlapsWindow(spanOfEvent(nodes.get(key) as EventNode), days));
    if (keys.length === 0) return null;
    const events = keys.map((key) => nodes.get(key) as EventNode);
    return { interaction: summarize(keys, events), sources: tieSources(events) };
  }
}

function affiliates(kind: NodeKind): boolean {
  return kind === 'country' || kind === 'organization';
}

/** The methods of the query API, the whole of what the stored graph answers. */
const QUERY_METHODS: ReadonlySet<string> = new Set<keyof GraphQueries>(['lookup', 'find', 'events', 'timeline', 'interactions', 'tie', 'neighbors', 'path', 'top']);

/**
 * The stored graph as a script (kg query run --db) sees it: the GraphQueries methods, each returning a promise; any
 * other member (the in-memory graph's `graph`, `subgraph`...) throws a UsageError 'not-in-db' that says so, rather
 * than a TypeError on undefined.
 */
export function scriptQueries(kg: DbKnowledgeGraph): GraphQueries {
  return new Proxy(kg, {
    get(target, name) {
      // Bound to the object itself, whose own helpers the proxy would refuse.
      if (typeof name === 'string' && QUERY_METHODS.has(name)) return (target[name as keyof GraphQueries] as (...args: unknown[]) => unknown).bind(target);
      // `then` is how await tells a promise; toJSON how JSON.stringify asks for one: neither is a member here.
      if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return Reflect.get(target, name);
      throw new UsageError('not-in-db', `kg.${name}: the graph stored in PostgreSQL answers ${[...QUERY_METHODS].join(', ')} (each a promise: await it); kg.${name} needs the graph in memory: run the script with --graph, or kg export --db URL --format json first`);
    },
  });
}
