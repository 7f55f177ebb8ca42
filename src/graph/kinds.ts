// The model's schema version, node kinds and edge relations: plain constants, apart from model.ts so that code which
// needs only these (the viewer's entry script, the drawing file's reader) does not load graphology.

export const SCHEMA_VERSION = 1;

export const NODE_KINDS = ['person', 'country', 'organization', 'place', 'event', 'article'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * Edge relations and their direction:
 * - participant: person|country|organization -> event (a party to the event; `role` host/guest/party)
 * - location: event -> place|country (where it took place or is to take place)
 * - leader_of: person -> country|organization (head of state/government, secretary-general...)
 * - official_of: person -> country|organization (minister, spokesperson, aide...)
 * - member_of: country -> organization
 * - located_in: place -> country
 * - reported_in: event -> article (one per source sentence: `quote`, `start`, `end`; `date` the article's day)
 * - interacted_with: entity -> entity (the projection: they took part in the same events; once per pair, the
 *   smaller key as source; derived from the events at assembly, see src/stages/assemble/projection.ts)
 */
export const EDGE_RELATIONS = ['participant', 'location', 'leader_of', 'official_of', 'member_of', 'located_in', 'reported_in', 'interacted_with'] as const;
export type EdgeRelation = (typeof EDGE_RELATIONS)[number];

/** The relations derived from the events and articles, which the event network leaves out (the viewer's default view, the layout). */
export const DERIVED_RELATIONS: readonly EdgeRelation[] = ['reported_in', 'interacted_with'];

/** Whether an edge belongs to the event network (neither a projection tie nor an article link). */
export const isEventNetworkEdge = (relation: EdgeRelation): boolean => !DERIVED_RELATIONS.includes(relation);
