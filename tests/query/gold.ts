// The hand annotation of the seed articles (data/gold/seeds.gold.json), and how a query result is checked against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventResult } from '../../src/query/index.js';
import { ROOT } from './helpers.js';

export interface GoldEvent {
  id: string;
  type: string;
  /** Person ids, 'country:ISO2' or 'org:NAME'. */
  participants: string[];
  date: string | null;
  dateRange?: [string, string];
  status: string;
  location: string | null;
  articles: string[];
  required: boolean;
}

export interface Gold {
  people: { id: string; name: string; aliases: string[]; country: string; articles: string[] }[];
  countries: { iso2: string; name: string }[];
  organizations: { name: string; aliases: string[] }[];
  events: GoldEvent[];
}

export const GOLD = JSON.parse(readFileSync(join(ROOT, 'data/gold/seeds.gold.json'), 'utf8')) as Gold;

/** The label a gold participant should carry in the graph. */
export function goldLabel(participant: string): string {
  if (participant.startsWith('country:')) return GOLD.countries.find((c) => `country:${c.iso2}` === participant)?.name ?? participant;
  if (participant.startsWith('org:')) return participant.slice('org:'.length);
  return GOLD.people.find((p) => p.id === participant)?.name ?? participant;
}

/** Gold events every one of `people` (gold ids) takes part in. */
export function goldEventsWith(...people: string[]): GoldEvent[] {
  return GOLD.events.filter((event) => people.every((person) => event.participants.includes(person)));
}

/** Whether a result is the gold event: type, status, participants, date (within dateRange when vague), location and reporting articles. */
export function matchesGold(result: EventResult, gold: GoldEvent): boolean {
  const labels = result.participants.map((p) => p.label);
  const articles = new Set(result.sources.map((s) => s.article));
  if (result.type !== gold.type || result.status !== gold.status) return false;
  if (!gold.participants.every((p) => labels.includes(goldLabel(p)))) return false;
  if (!gold.articles.every((a) => articles.has(a))) return false;
  if (gold.location !== null && result.location?.label !== gold.location) return false;
  if (gold.dateRange) {
    const [first, last] = gold.dateRange;
    return result.dateStart !== null && result.dateEnd !== null && result.dateStart >= first && result.dateEnd <= last;
  }
  return gold.date === null || result.date === gold.date;
}

/** Gold events (required ones) no result matches, by id, for a readable failure. */
export function missingGold(results: EventResult[], golds: GoldEvent[]): string[] {
  return golds.filter((gold) => gold.required && !results.some((result) => matchesGold(result, gold))).map((gold) => gold.id);
}

/** Results that match no gold event, required or optional: wrong answers. */
export function spurious(results: EventResult[], golds: GoldEvent[]): string[] {
  return results.filter((result) => !golds.some((gold) => matchesGold(result, gold))).map((result) => `${result.label} ${result.date ?? result.dateStart ?? 'undated'}`);
}
