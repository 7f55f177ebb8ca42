// Deterministic, readable node keys: person:vladimir-putin, country:RU, org:nato, place:budapest, event:<hash>.
import { createHash } from 'node:crypto';

export { foldDiacritics, slugify } from './text.js';

export const personKey = (slug: string): string => `person:${slug}`;
export const countryKey = (iso2: string): string => `country:${iso2.toUpperCase()}`;
export const orgKey = (slug: string): string => `org:${slug}`;
export const placeKey = (slug: string): string => `place:${slug}`;

/** Stable event key from its defining parts. */
export function eventKey(parts: { type: string; participants: string[]; date: string | null; location: string | null }): string {
  const canonical = [parts.type, [...parts.participants].sort().join(','), parts.date ?? '', parts.location ?? ''].join('|');
  return `event:${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}
