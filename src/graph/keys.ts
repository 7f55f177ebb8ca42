// Deterministic, readable node keys: person:vladimir-putin, country:RU, org:nato, place:budapest, event:<hash>.
import { createHash } from 'node:crypto';

/** Lower-case ASCII slug: diacritics folded, everything else to single dashes ("Viktor Orbán" -> "viktor-orban"). */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Removes combining marks after NFD decomposition, and maps letters NFD leaves alone (ø, ł, ß...). */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØłŁđĐßæÆœŒıð]/g, (c) => FOLD_EXTRA[c] ?? c);
}

const FOLD_EXTRA: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', ð: 'd',
};

export const personKey = (slug: string): string => `person:${slug}`;
export const countryKey = (iso2: string): string => `country:${iso2.toUpperCase()}`;
export const orgKey = (slug: string): string => `org:${slug}`;
export const placeKey = (slug: string): string => `place:${slug}`;

/** Stable event key from its defining parts. */
export function eventKey(parts: { type: string; participants: string[]; date: string | null; location: string | null }): string {
  const canonical = [parts.type, [...parts.participants].sort().join(','), parts.date ?? '', parts.location ?? ''].join('|');
  return `event:${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}
