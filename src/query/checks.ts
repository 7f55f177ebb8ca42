// The checks both query back ends make on what a user asked, with the same messages and codes.
import { UsageError } from '../errors.js';
import { EDGE_RELATIONS, NODE_KINDS, type EdgeRelation, type NodeKind } from '../graph/model.js';
import { EVENT_TYPES, type EventStatus } from '../types.js';
import type { Entity, Lookup, RankMetric } from './types.js';

const STATUSES: readonly EventStatus[] = ['occurred', 'planned', 'cancelled'];
export const DEFAULT_PATH_KINDS: readonly NodeKind[] = ['person', 'country', 'event'];
export const DEFAULT_TOP_LIMIT = 10;
export const OFFICE_RELATIONS: readonly EdgeRelation[] = ['leader_of', 'official_of'];

/** find(): the entity a lookup found, else UsageError 'ambiguous-entity' naming the candidates or 'unknown-entity' with the closest names. */
export function foundEntity(found: Lookup, name: string): Entity {
  if (found.entity) return found.entity;
  if (found.ambiguous.length > 0) {
    const candidates = found.ambiguous.map((entity) => `${entity.label} (${entity.key})`).join(', ');
    throw new UsageError('ambiguous-entity', `"${name}" could be: ${candidates}; give the full name or the key`);
  }
  const hint = found.suggestions.length > 0 ? `; did you mean: ${found.suggestions.map((entity) => entity.label).join(', ')}?` : '';
  throw new UsageError('unknown-entity', `no entity "${name}"${hint}`);
}

/** The country `entity` names, else UsageError 'bad-option'. */
export function countryKeyOf(entity: Entity, name: string): string {
  if (entity.kind !== 'country') throw new UsageError('bad-option', `country: "${name}" is ${entity.label}, a ${entity.kind}, not a country`);
  return entity.key;
}

/** The event types asked for, each one the graph or the model knows (`present`: the graph's), or null for any. */
export function checkTypes(type: string | string[] | undefined, present: Iterable<string>): string[] | null {
  if (type === undefined) return null;
  const known = new Set<string>([...EVENT_TYPES, ...present]);
  const types = [type].flat();
  for (const t of types) if (!known.has(t)) throw new UsageError('bad-option', `type: "${t}" is not an event type (${[...known].sort().join(', ')})`);
  return types;
}

export function checkArticle(article: string, present: boolean): string {
  if (!present) throw new UsageError('bad-option', `article: no article "${article}" went into this graph`);
  return article;
}

export function checkStatuses(status: EventStatus | EventStatus[] | undefined): EventStatus[] | null {
  if (status === undefined) return null;
  const statuses = [status].flat();
  for (const s of statuses) if (!STATUSES.includes(s)) throw new UsageError('bad-option', `status: "${s}" is not a status (${STATUSES.join(', ')})`);
  return statuses;
}

export function checkRelations(relation: EdgeRelation | EdgeRelation[] | undefined): EdgeRelation[] | null {
  if (relation === undefined) return null;
  const relations = [relation].flat();
  for (const r of relations) if (!EDGE_RELATIONS.includes(r)) throw new UsageError('bad-option', `relation: "${r}" is not a relation (${EDGE_RELATIONS.join(', ')})`);
  return relations;
}

/** Node kinds given to `option` (through, kind), each one of the model's. */
export function checkKinds(kinds: readonly NodeKind[], option: string): readonly NodeKind[] {
  for (const kind of kinds) if (!NODE_KINDS.includes(kind)) throw new UsageError('bad-option', `${option}: "${kind}" is not a node kind (${NODE_KINDS.join(', ')})`);
  return kinds;
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('bad-option', `limit: ${String(limit)} is not a positive whole number`);
  return limit;
}

const RANK_METRICS: readonly RankMetric[] = ['degree', 'pagerank', 'events'];

export function checkMetric(by: RankMetric): RankMetric {
  if (!RANK_METRICS.includes(by)) throw new UsageError('bad-option', `by: "${String(by)}" is not a ranking (degree, pagerank, events)`);
  return by;
}
