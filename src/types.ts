// Domain types shared by the pipeline stages; the data changes name as it moves:
// RawArticle -> CleanArticle -> ArticleFacts -> graph (src/graph/model.ts).

/** Where a date came from, strongest first. */
export type DocumentDateSource = 'metadata' | 'dateline' | 'page-date' | 'none';

/** A problem with the input: never fatal to the run, always listed in the build report. */
export interface Diagnostic {
  stage: 'ingest' | 'clean' | 'annotate' | 'link' | 'events' | 'dates' | 'assemble' | 'kb' | 'export' | 'extract';
  /** Machine-readable code, e.g. `empty-file`, `bad-json-line`, `page-date-conflict`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** The input file (relative to the working directory) when known. */
  file?: string;
  /** 1-based line in `file` when known. */
  line?: number;
  /** Article id when known. */
  article?: string;
  /** Names the thing and the way out. */
  message: string;
}

/** Metadata of one article, as given explicitly (manifest, front matter, record fields, HTML meta). */
export interface ArticleMeta {
  id: string;
  title: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) given explicitly by metadata, or null. */
  published: string | null;
  source: string | null;
  language: string | null;
  /** Input file the article came from, relative to the working directory. */
  file: string;
  /** 1-based line for records read from JSONL. */
  line?: number;
}

/** One article as read from disk, before cleaning. `text` is the original text every offset refers to. */
export interface RawArticle {
  meta: ArticleMeta;
  text: string;
  /** How the text was obtained. */
  format: 'txt' | 'md' | 'html' | 'json' | 'jsonl';
}

/** A span of the original text: [start, end) in UTF-16 code units of RawArticle.text. */
export interface Span {
  start: number;
  end: number;
}

/** What a kept block of the original text is. */
export type BlockKind = 'title' | 'dateline' | 'body' | 'quote';

/** A kept block (paragraph, title, dateline) of the original text. `text === original.slice(start, end)`. */
export interface Block extends Span {
  kind: BlockKind;
  text: string;
}

/** A block removed as page furniture, kept for the report and for debugging. */
export interface RemovedBlock extends Span {
  reason:
    | 'navigation'
    | 'related-links'
    | 'cookie-notice'
    | 'newsletter'
    | 'share-prompt'
    | 'advertisement'
    | 'email'
    | 'photo-credit'
    | 'duplicate-paragraph'
    | 'duplicate-title'
    | 'byline'
    | 'page-date'
    | 'site-name'
    | 'boilerplate';
  text: string;
}

/** A date printed in the text, recorded with its kind and not treated as certain. */
export interface TextDate extends Span {
  kind: 'dateline' | 'page-date';
  /** ISO date YYYY-MM-DD. */
  date: string;
  text: string;
}

/** An article after furniture removal. Offsets in blocks refer to `original`. */
export interface CleanArticle {
  meta: ArticleMeta;
  original: string;
  blocks: Block[];
  removed: RemovedBlock[];
  textDates: TextDate[];
  /** Byline names found (e.g. "Vita Khanatayeva"), never entities of the graph. */
  bylines: string[];
}

/** The document date chosen as anchor for relative dates. */
export interface DocumentDate {
  /** ISO YYYY-MM-DD, or null when nothing supports one. */
  date: string | null;
  source: DocumentDateSource;
  /** Why this anchor was chosen or another rejected. */
  note?: string;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'unknown';

/** A resolved date. `date` is ISO at its precision (2025-10-16, 2024-07, 2024) or null for range/unknown. */
export interface ResolvedDate {
  date: string | null;
  precision: DatePrecision;
  /** First and last day the date may denote (inclusive), ISO YYYY-MM-DD; null when unknown. */
  dateStart: string | null;
  dateEnd: string | null;
}

/** A time expression found in a text and resolved against the document date. */
export interface TimeExpression extends Span, ResolvedDate {
  text: string;
  /** Name of the rule that resolved it, e.g. `weekday-past`, `month-name`, `explicit-day-month`. */
  rule: string;
  /** The anchor date it was resolved against, or null. */
  anchor: string | null;
  /** For a date counted from an earlier date of the text ("the day before", "two days later"): that date and its words. */
  antecedent?: { text: string; start: number; end: number; date: string };
}

export type EntityKind = 'person' | 'country' | 'organization' | 'place';

/** A role held by a person, from the knowledge base or the text. */
export interface Role {
  title: string;
  /** Graph key of the country or organisation the role is of, e.g. `country:RU`, `org:nato`. */
  of: string | null;
  from: string | null;
  to: string | null;
  origin: 'kb' | 'text';
}

/** One mention of an entity in an article. */
export interface Mention extends Span {
  text: string;
  /** How it was linked: `kb-name`, `kb-alias`, `surname`, `role`, `title-apposition`, `demonym`, `metonym`, `ner`... */
  via: string;
}

/** An entity as seen in one article, linked to a graph key. */
export interface EntityFact {
  key: string;
  kind: EntityKind;
  label: string;
  aliases: string[];
  mentions: Mention[];
  /** People: ISO2 country code. Places: ISO2 of the containing country when known. */
  country: string | null;
  roles: Role[];
  /** Knowledge-base id when linked to one. */
  kbId: string | null;
}

export type EventStatus = 'occurred' | 'planned' | 'cancelled';
/** The event types the extractor emits; the model takes any string so new types need no model change. */
export const EVENT_TYPES = ['call', 'meeting', 'summit', 'visit', 'statement', 'agreement'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A quote that supports a fact: `quote === original.slice(start, end)` of article `article`. */
export interface Source extends Span {
  article: string;
  quote: string;
}

/**
 * How a participant was found: named outright (`stated`), through a role phrase (`role`), a pronoun, a group phrase
 * ("the two presidents"), a demonym or body standing for its country ("Moroccan diplomats"), or inferred as a visit's
 * host country (`visit`). Everything but `stated` is an inference a user may want to filter out.
 */
export type ParticipantEvidence = 'stated' | 'role' | 'pronoun' | 'group' | 'demonym' | 'visit';
export const PARTICIPANT_EVIDENCE = ['stated', 'role', 'pronoun', 'group', 'demonym', 'visit'] as const satisfies readonly ParticipantEvidence[];

/** An event reported in one article. */
export interface EventFact {
  type: EventType;
  status: EventStatus;
  /** True when the text only speculates ("could", "might", "may"). */
  hedged: boolean;
  /** Graph keys of participants (people, countries, organisations). */
  participants: string[];
  /** How each participant was found, by key. */
  participantEvidence: Record<string, ParticipantEvidence>;
  /** Graph key of the location (place or country), or null. */
  location: string | null;
  date: ResolvedDate;
  /** The phrase and rule the date came from, if any. */
  dateEvidence: { text: string; rule: string; anchor: string | null } | null;
  /** True when no phrase dates the event and a rule inferred its range (a lead event dated by its article's publication). */
  dateInferred: boolean;
  /** Cancelled or postponed events: the day the cancellation was reported (the article's date), else null. */
  cancellationReported: string | null;
  /** The sentence(s) reporting it. */
  evidence: Source[];
  /** The trigger phrase matched. */
  trigger: string;
  confidence: number;
}

/** An office held, as stated by the KB or the text: person -> country/organisation. */
export interface OfficeFact {
  person: string;
  of: string;
  relation: 'leader_of' | 'official_of' | 'member_of';
  title: string;
  from: string | null;
  to: string | null;
  sources: Source[];
  /** 0..1 when inferred (a role phrase standing for the person); null when stated outright. */
  confidence: number | null;
}

/** Everything one article contributes to the graph: the output of the per-article stages. */
export interface ArticleFacts {
  meta: ArticleMeta;
  /** SHA-256 of the original text, for de-duplication and caching. */
  hash: string;
  documentDate: DocumentDate;
  entities: EntityFact[];
  events: EventFact[];
  offices: OfficeFact[];
  diagnostics: Diagnostic[];
  /** Counts for the report. */
  stats: { blocks: number; removed: number; mentions: number; timeExpressions: number };
}
