// Schema validation of a built graph (zod), plus the checks a schema cannot express: edge endpoints and quotes.
import { z } from 'zod';
import { PARTICIPANT_EVIDENCE } from '../types.js';
import { EDGE_RELATIONS, NODE_KINDS, SCHEMA_VERSION, type KgGraph } from './model.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoAny = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const precision = z.enum(['day', 'month', 'year', 'range', 'unknown']);
const source = z.object({ article: z.string().min(1), quote: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const role = z.object({ title: z.string(), of: z.string().nullable(), from: isoAny.nullable(), to: isoAny.nullable(), origin: z.enum(['kb', 'text']) });

const base = {
  label: z.string().min(1),
  aliases: z.array(z.string()),
  articles: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
  firstSeen: isoDay.nullable(),
  lastSeen: isoDay.nullable(),
  x: z.number().finite(),
  y: z.number().finite(),
  size: z.number().positive(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  community: z.number().int(),
};

export const nodeSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('person'), kbId: z.string().nullable(), country: z.string().length(2).nullable(), roles: z.array(role) }),
  z.object({ ...base, kind: z.literal('country'), iso2: z.string().length(2), iso3: z.string().length(3).nullable() }),
  z.object({ ...base, kind: z.literal('organization'), kbId: z.string().nullable(), acronym: z.string().nullable() }),
  z.object({ ...base, kind: z.literal('place'), country: z.string().length(2).nullable(), placeType: z.enum(['city', 'region', 'venue', 'other']) }),
  z.object({
    ...base,
    kind: z.literal('event'),
    eventType: z.string().min(1),
    status: z.enum(['occurred', 'planned', 'cancelled']),
    hedged: z.boolean(),
    date: isoAny.nullable(),
    datePrecision: precision,
    dateStart: isoDay.nullable(),
    dateEnd: isoDay.nullable(),
    dateEvidence: z.array(z.object({ article: z.string(), text: z.string(), rule: z.string(), anchor: isoDay.nullable() })),
    dateInferred: z.boolean().optional(),
    cancellationReported: isoDay.nullable().optional(),
    location: z.string().nullable(),
    sources: z.array(source).min(1),
  }),
  z.object({
    ...base,
    kind: z.literal('article'),
    title: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    published: isoDay.nullable(),
    publishedSource: z.string(),
    textFile: z.string(),
  }),
]);

export const edgeSchema = z.object({
  relation: z.enum(EDGE_RELATIONS),
  date: isoAny.nullable(),
  datePrecision: precision,
  dateEnd: isoAny.nullable(),
  sources: z.array(source),
  confidence: z.number().min(0).max(1).nullable(),
  role: z.string().nullable(),
  foundBy: z.enum(PARTICIPANT_EVIDENCE).nullable().optional(),
  quote: z.string().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  weight: z.number().nonnegative().optional(),
  count: z.number().int().positive().optional(),
  byType: z.record(z.string(), z.number().int().positive()).optional(),
  firstDate: isoDay.nullable().optional(),
  lastDate: isoDay.nullable().optional(),
  occurred: z.number().int().nonnegative().optional(),
  planned: z.number().int().nonnegative().optional(),
  events: z.array(z.string()).optional(),
});

const ENDPOINTS: Record<(typeof EDGE_RELATIONS)[number], [readonly string[], readonly string[]]> = {
  participant: [['person', 'country', 'organization'], ['event']],
  location: [['event'], ['place', 'country']],
  leader_of: [['person'], ['country', 'organization']],
  official_of: [['person'], ['country', 'organization']],
  member_of: [['country'], ['organization']],
  located_in: [['place'], ['country']],
  reported_in: [['event'], ['article']],
  interacted_with: [['person', 'country', 'organization'], ['person', 'country', 'organization']],
};

export interface GraphProblem {
  where: string;
  message: string;
}

/** Checks every node and edge against the model; with article texts, also that every quote equals the text at its offsets. */
export function validateGraph(graph: KgGraph, texts?: Map<string, string>): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const attrs = graph.getAttributes();
  if (attrs.schemaVersion !== SCHEMA_VERSION) problems.push({ where: 'graph', message: `schemaVersion ${String(attrs.schemaVersion)}, expected ${SCHEMA_VERSION}` });
  const checkSources = (where: string, sources: { article: string; quote: string; start: number; end: number }[]) => {
    if (!texts) return;
    for (const s of sources) {
      const text = texts.get(s.article);
      if (text === undefined) problems.push({ where, message: `source cites unknown article ${s.article}` });
      else if (text.slice(s.start, s.end) !== s.quote) problems.push({ where, message: `quote does not match ${s.article} at [${s.start}, ${s.end})` });
    }
  };
  graph.forEachNode((key, node) => {
    const parsed = nodeSchema.safeParse(node);
    if (!parsed.success) problems.push({ where: `node ${key}`, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    if (!NODE_KINDS.includes(node.kind)) return;
    if (node.kind === 'event') checkSources(`node ${key}`, node.sources);
  });
  graph.forEachEdge((key, edge, source, target, sourceAttrs, targetAttrs) => {
    const parsed = edgeSchema.safeParse(edge);
    if (!parsed.success) {
      problems.push({ where: `edge ${key}`, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const [from, to] = ENDPOINTS[edge.relation];
    if (!from.includes(sourceAttrs.kind) || !to.includes(targetAttrs.kind)) {
      problems.push({ where: `edge ${key}`, message: `${edge.relation} cannot link ${sourceAttrs.kind} ${source} -> ${targetAttrs.kind} ${target}` });
    }
    checkSources(`edge ${key}`, edge.sources);
  });
  return problems;
}
