// The one typed graph model: node kinds and edge relations (listed in kinds.ts) and their attributes. Exports, the
// viewer and the query API read this.
import { MultiDirectedGraph } from 'graphology';
import type { DatePrecision, EventStatus, ParticipantEvidence, Role, Source } from '../types.js';
import type { EdgeRelation, NodeKind } from './kinds.js';

export { DERIVED_RELATIONS, EDGE_RELATIONS, isEventNetworkEdge, NODE_KINDS, SCHEMA_VERSION, type EdgeRelation, type NodeKind } from './kinds.js';

/** Display attributes computed at build time (layout, size, colour, community). */
export interface Appearance {
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
}

interface NodeBase extends Appearance {
  kind: NodeKind;
  label: string;
  /** Every name the node was seen under (and KB aliases), label excluded. */
  aliases: string[];
  /** Ids of the articles that mention it, sorted. */
  articles: string[];
  /** Number of mentions over all articles. */
  mentions: number;
  /** Earliest and latest dates (ISO day) of the articles and events it appears in; null when none is dated. */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface PersonNode extends NodeBase {
  kind: 'person';
  kbId: string | null;
  /** ISO2 code of the person's country, when known. */
  country: string | null;
  roles: Role[];
}

export interface CountryNode extends NodeBase {
  kind: 'country';
  iso2: string;
  iso3: string | null;
}

export interface OrganizationNode extends NodeBase {
  kind: 'organization';
  kbId: string | null;
  acronym: string | null;
}

export interface PlaceNode extends NodeBase {
  kind: 'place';
  /** ISO2 code of the containing country, when known. */
  country: string | null;
  placeType: 'city' | 'region' | 'venue' | 'other';
}

// dateInferred, cancellationReported and foundBy are optional so that graphs written before they existed still load;
// the assembler always writes them.
export interface EventNode extends NodeBase {
  kind: 'event';
  /** call | meeting | summit | visit (statement, agreement and others may follow without a model change). */
  eventType: string;
  status: EventStatus;
  /** True when every report only speculates. */
  hedged: boolean;
  /** ISO date at its precision (2025-10-16, 2024-07, 2024), null for a range or unknown. */
  date: string | null;
  datePrecision: DatePrecision;
  /** First and last day (inclusive) the date may denote; null when unknown. */
  dateStart: string | null;
  dateEnd: string | null;
  /** How the date was found: the phrase, the rule and the anchor, per article. */
  dateEvidence: { article: string; text: string; rule: string; anchor: string | null }[];
  /** True when no report gives the date in words and it is inferred by a rule (see dateEvidence), so it can be filtered out. */
  dateInferred?: boolean;
  /** Cancelled events: the earliest day a report of the cancellation was published, or null. The date stays the planned one. */
  cancellationReported?: string | null;
  /** Label of the location, or null. */
  location: string | null;
  /** Evidence sentences, for every article that reports it. */
  sources: Source[];
}

/** An article that went into the graph, key `article:<id>`; its own id is its only entry in `articles`. */
export interface ArticleNode extends NodeBase {
  kind: 'article';
  title: string | null;
  url: string | null;
  /** The outlet. */
  source: string | null;
  /** The document date (the anchor of relative dates) and where it came from. */
  published: string | null;
  publishedSource: string;
  textFile: string;
}

export type NodeAttributes = PersonNode | CountryNode | OrganizationNode | PlaceNode | EventNode | ArticleNode;

/** interacted_with edges: what the shared events add up to. */
export interface Interaction {
  /** occurred events count 1, planned ones 0.5, cancelled ones nothing. */
  weight: number;
  /** Shared events, of any status. */
  count: number;
  byType: Record<string, number>;
  /** First and last day of the shared dated events (dateStart of the earliest, dateEnd of the latest). */
  firstDate: string | null;
  lastDate: string | null;
  occurred: number;
  planned: number;
  /** Keys of the shared events, sorted. */
  events: string[];
}

export interface EdgeAttributes {
  relation: EdgeRelation;
  /** ISO date at its precision, or null. For office edges, the start of the term when known. */
  date: string | null;
  datePrecision: DatePrecision;
  /** End of a term (office edges), else null. */
  dateEnd: string | null;
  sources: Source[];
  /** 0..1 when inferred (e.g. a role coreference or a KB office); null when stated outright. */
  confidence: number | null;
  /** participant: host | guest | party; office edges: the title (e.g. "Prime Minister"). */
  role: string | null;
  /** participant edges: the strongest way any report found the participant (stated, role, pronoun, group, demonym, visit); else null. */
  foundBy?: ParticipantEvidence | null;
  /** reported_in edges: the sentence and its offsets in the article text. */
  quote?: string;
  start?: number;
  end?: number;
  /** interacted_with edges: the fields of Interaction. */
  weight?: number;
  count?: number;
  byType?: Record<string, number>;
  firstDate?: string | null;
  lastDate?: string | null;
  occurred?: number;
  planned?: number;
  events?: string[];
}

/** One article that went into the graph, as the viewer and exports need it. */
export interface GraphArticle {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  /** The anchor date used for relative dates, and where it came from. */
  published: string | null;
  publishedSource: string;
  /** SHA-256 of the original text. */
  hash: string;
  /** Path of the original text relative to the graph file (articles/<id>.txt). */
  textFile: string;
}

export interface GraphAttributes {
  schemaVersion: number;
  /** Version of the extraction pipeline (changes when extraction changes). */
  pipelineVersion: string;
  articles: GraphArticle[];
}

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** A new empty graph of the model. */
export function createGraph(attributes: GraphAttributes): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
  graph.replaceAttributes(attributes);
  return graph;
}

/** Colours by kind: shared by the build-time appearance and the viewer's legend. */
export const KIND_COLORS: Record<NodeKind, string> = {
  person: '#e15759',
  country: '#4e79a7',
  organization: '#59a14f',
  place: '#b07aa1',
  event: '#f28e2b',
  article: '#9c9c9c',
};

/** The key of an article's node. */
export function articleKey(id: string): string {
  return `article:${id}`;
}

/** The key of an edge: "<source>--<relation>--<target>", "--n" for the n-th parallel one; an XML NMTOKEN whenever the node keys are. */
export function edgeKey(source: string, relation: EdgeRelation, target: string, n = 1): string {
  return `${source}--${relation}--${target}${n > 1 ? `--${n}` : ''}`;
}

/**
 * The key an edge is exported under, an XML NMTOKEN (GraphML's id type): its own, unless graphology generated it
 * (geid_<random instance>_<n>, which would change from run to run); keys of graphs built before edgeKey had "->"
 * and "#n", which become "--".
 */
export function exportEdgeKey(key: string, index: number): string {
  return key.startsWith('geid_') ? `e${index}` : toNmtoken(key.replace(/->|#/g, '--'));
}

/** A node key as an NMTOKEN: characters outside ASCII letters, digits and . _ : - as _uXXXX_ (the assembler's keys have none; article ids may). */
export function toNmtoken(key: string): string {
  return key.replace(/[^A-Za-z0-9._:-]/gu, (c) => `_u${c.codePointAt(0)!.toString(16).padStart(4, '0')}_`);
}

/** How many nodes of each kind and edges of each relation the graph has, for build reports. */
export function countGraph(graph: KgGraph): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  graph.forEachNode((_, a) => (nodes[a.kind] = (nodes[a.kind] ?? 0) + 1));
  graph.forEachEdge((_, a) => (edges[a.relation] = (edges[a.relation] ?? 0) + 1));
  return { nodes, edges };
}
