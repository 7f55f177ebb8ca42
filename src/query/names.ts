// Name lookup over labels and aliases: case-, diacritic- and punctuation-insensitive, surnames, and closest names for typos.
import { distance } from 'fastest-levenshtein';
import { foldDiacritics } from '../graph/keys.js';
import type { KgGraph, NodeAttributes } from '../graph/model.js';

/** How many closest names a failed lookup offers, and how far (in edits per letter of the query) they may be. */
const SUGGESTIONS = 5;
const SUGGESTION_DISTANCE = 0.5;

/** "Viktor Orbán" and "viktor  ORBAN." both become "viktor orban". */
export function normalizeName(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface NameMatch {
  /** Keys matched, best tier only. */
  keys: string[];
  /** Keys with names within a few edits, best first, when nothing matched. */
  closest: string[];
}

/** An index of every name of every non-event node, built once per graph. */
export class NameIndex {
  private readonly full = new Map<string, Set<string>>();
  private readonly surnames = new Map<string, Set<string>>();
  private readonly names: { key: string; name: string }[] = [];

  constructor(private readonly graph: KgGraph) {
    graph.forEachNode((key, node) => {
      for (const { name, tier } of indexedNames(node)) {
        addTo(tier === 'full' ? this.full : this.surnames, name, key);
        if (tier === 'full') this.names.push({ key, name });
      }
    });
  }

  /** Nodes answering to `query`: its key, then a full name or alias, then a surname; with the closest names when none does. */
  match(query: string): NameMatch {
    if (this.graph.hasNode(query)) return { keys: [query], closest: [] };
    const normal = normalizeName(query);
    for (const tier of [this.full, this.surnames]) {
      const keys = tier.get(normal);
      if (keys) return { keys: [...keys].sort(), closest: [] };
    }
    return { keys: [], closest: this.closest(normal) };
  }

  private closest(normal: string): string[] {
    return pickClosest(closestScores(normal, this.names), (key) => this.graph.getNodeAttribute(key, 'label'));
  }
}

/** Each key with a name within a few edits of `normal` (see SUGGESTION_DISTANCE), and its best score: against the whole name and each word, so "Orbn" is one edit from "Orban", not seven from "Viktor Orban". */
export function closestScores(normal: string, names: Iterable<{ key: string; name: string }>): Map<string, number> {
  const limit = Math.max(2, Math.ceil(normal.length * SUGGESTION_DISTANCE));
  const best = new Map<string, number>();
  for (const { key, name } of names) {
    const score = Math.min(distance(normal, name), ...name.split(' ').map((word) => distance(normal, word) + 0.5));
    if (score <= limit && score < (best.get(key) ?? Infinity)) best.set(key, score);
  }
  return best;
}

/** The closest keys, best first (then by label), as many as a failed lookup offers. */
export function pickClosest(scores: Map<string, number>, labelOf: (key: string) => string): string[] {
  return [...scores.entries()]
    .sort(([a, da], [b, db]) => da - db || labelOf(a).localeCompare(labelOf(b)))
    .slice(0, SUGGESTIONS)
    .map(([key]) => key);
}

/** The normalised names a node answers to: each full name or alias, and (people) the last word of each, as a surname. The PostgreSQL store keeps the same list (src/db/graph-write.ts). */
export function* indexedNames(node: NodeAttributes): Generator<{ name: string; tier: 'full' | 'surname' }> {
  // Event labels are generated ("Call: Donald Trump – Vladimir Putin, 2025-10-16") and article titles are not names: both are found by key (events also through events()).
  if (node.kind === 'event' || node.kind === 'article') return;
  for (const name of namesOf(node)) {
    const normal = normalizeName(name);
    if (normal === '') continue;
    yield { name: normal, tier: 'full' };
    const words = normal.split(' ');
    // "Putin" finds Vladimir Putin: the last word of a person's name.
    if (node.kind === 'person' && words.length > 1) yield { name: words[words.length - 1], tier: 'surname' };
  }
}

function namesOf(node: NodeAttributes): string[] {
  const names = [node.label, ...node.aliases];
  if (node.kind === 'country') names.push(node.iso2, ...(node.iso3 ? [node.iso3] : []));
  if (node.kind === 'organization' && node.acronym) names.push(node.acronym);
  return names;
}

function addTo(map: Map<string, Set<string>>, name: string, key: string): void {
  const keys = map.get(name) ?? new Set<string>();
  keys.add(key);
  map.set(name, keys);
}
