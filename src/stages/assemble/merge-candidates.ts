// The clusters a new event report may join, found without visiting every event of its parties.
import type { EventCluster } from './merge-events.js';
import { ofPeople, pairs } from './event-partitions.js';

/**
 * Indexes clusters by their core parties (sorted keys; see coreParties in event-partitions.ts). A report can join only a
 * cluster with the same core, or one whose people hold its people or are held by them (two or more in common): so
 * the candidates are the clusters under its exact core and, for a core of people, under each pair of its people.
 * Looking them up by every single party instead made the merge quadratic in the events of a popular leader.
 *
 * The candidates come in the order the merge always took them, which decides ties between equally fitting events:
 * by the report's first core party a cluster was ever filed under, then by when it was filed under that party.
 * A cluster whose core grows is filed again; its old entries stay, and the caller drops them by the current core.
 */
export class CandidateIndex {
  /** Per party, the clusters filed under it and their turn there. */
  private readonly turnByParty = new Map<string, Map<EventCluster, number>>();
  private readonly byCore = new Map<string, Set<EventCluster>>();
  private readonly byPair = new Map<string, Set<EventCluster>>();

  /** Files a cluster under its current core (after it is made or absorbs a report). */
  file(cluster: EventCluster, core: string[]): void {
    for (const party of core) {
      const turns = this.turnByParty.get(party) ?? new Map<EventCluster, number>();
      if (!turns.has(cluster)) turns.set(cluster, turns.size);
      this.turnByParty.set(party, turns);
    }
    addTo(this.byCore, coreKey(core), cluster);
    if (ofPeople(core)) for (const pair of pairs(core)) addTo(this.byPair, pair, cluster);
  }

  /** Clusters that may share the core's event, in merge order; some may no longer match (the caller checks the core). */
  candidates(core: string[]): EventCluster[] {
    const found = new Set(this.byCore.get(coreKey(core)) ?? []);
    if (ofPeople(core)) for (const pair of pairs(core)) for (const c of this.byPair.get(pair) ?? []) found.add(c);
    const placed: { cluster: EventCluster; party: number; turn: number }[] = [];
    for (const cluster of found) {
      const at = this.firstFiling(cluster, core);
      if (at) placed.push({ cluster, ...at });
    }
    return placed.sort((a, b) => a.party - b.party || a.turn - b.turn).map((p) => p.cluster);
  }

  /** The first of the core's parties the cluster is filed under, and its turn there. */
  private firstFiling(cluster: EventCluster, core: string[]): { party: number; turn: number } | null {
    for (let party = 0; party < core.length; party++) {
      const turn = this.turnByParty.get(core[party])?.get(cluster);
      if (turn !== undefined) return { party, turn };
    }
    return null;
  }
}

function addTo(index: Map<string, Set<EventCluster>>, key: string, cluster: EventCluster): void {
  const set = index.get(key);
  if (set) set.add(cluster);
  else index.set(key, new Set([cluster]));
}

// Keys hold no NUL, so joined cores and pairs do not collide.
function coreKey(core: string[]): string {
  return core.join('\0');
}
