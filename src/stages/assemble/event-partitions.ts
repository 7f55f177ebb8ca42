// Splits event reports into the groups that can merge only among themselves, so each group merges on its own.
import type { EventCluster } from './merge-events.js';

/** The core parties of an event: the people when two or more take part, else everyone. */
export function coreParties(keys: string[]): string[] {
  const people = keys.filter((k) => k.startsWith('person:'));
  return [...new Set(people.length >= 2 ? people : keys)].sort();
}

/**
 * The reports, by partition, each partition in the order given and the partitions by their first report. A report can
 * join only a cluster with the same core or, for a core of people, one that shares two of its people (see sameCore and
 * CandidateIndex): so a core of people belongs with every core that shares a pair of people with it, through any chain
 * of such cores (a summit of three joins the pairs it holds), and any other core only with the same core. A cluster's
 * core is always one of its reports' cores, so no cluster ever reaches across partitions.
 */
export function partitionReports(reports: EventCluster['reports']): EventCluster['reports'][] {
  const ids = new Map<string, number>();
  const parent: number[] = [];
  const idOf = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) {
      id = parent.length;
      ids.set(token, id);
      parent.push(id);
    }
    return id;
  };
  const root = (id: number): number => {
    while (parent[id] !== id) {
      parent[id] = parent[parent[id]];
      id = parent[id];
    }
    return id;
  };
  const tokens = reports.map((report) => {
    const core = coreParties(report.fact.participants);
    if (!ofPeople(core)) return idOf(`core\0${core.join('\0')}`);
    const [first, ...rest] = pairs(core).map(idOf);
    for (const pair of rest) {
      const a = root(first);
      const b = root(pair);
      if (a !== b) parent[b] = a;
    }
    return first;
  });
  const byRoot = new Map<number, EventCluster['reports']>();
  reports.forEach((report, i) => {
    const r = root(tokens[i]);
    const group = byRoot.get(r);
    if (group) group.push(report);
    else byRoot.set(r, [report]);
  });
  return [...byRoot.values()];
}

/** A core of two or more people: only such cores can hold one another. */
export function ofPeople(core: string[]): boolean {
  return core.length >= 2 && core.every((k) => k.startsWith('person:'));
}

/** Each pair of a core's keys, joined by NUL (keys hold none, so pairs and cores do not collide). */
export function pairs(core: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < core.length; i++) for (let j = i + 1; j < core.length; j++) out.push(`${core[i]}\0${core[j]}`);
  return out;
}
