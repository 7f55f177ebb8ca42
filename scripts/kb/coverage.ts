// Prints how much of the world the built-in KB covers: people and dated offices per UN region, and, per region and
// year (1 July), how many UN member states have a head of state or government and a foreign minister on record.
// Usage: npx tsx scripts/kb/coverage.ts [--from 2000] [--to 2025] [--gaps 2025-07-01] [--leaderless REGION]
// (--gaps lists the offices missing on a date; --leaderless lists, per member of REGION, the years without a leader)
import { createRequire } from 'node:module';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import type { KbPerson } from '../../src/kb/index.js';

const WORLD = createRequire(import.meta.url)('world-countries') as { cca2: string; region: string; subregion: string; unMember: boolean }[];
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const from = Number(arg('--from', '2000'));
const to = Number(arg('--to', '2025'));
const gapsAt = arg('--gaps', '');
const leaderless = arg('--leaderless', '');

const kb = loadKnowledgeBase();
const members = WORLD.filter((c) => c.unMember);
// Western Asia and the rest of Asia are covered so differently that they are shown apart.
const regionOf = (c: (typeof WORLD)[number]) => (c.subregion === 'Western Asia' ? 'Western Asia' : c.region);
const region = new Map(members.map((c) => [c.cca2, regionOf(c)]));
const regions = [...new Set(members.map(regionOf))].sort();

const people = new Map<string, number>();
const offices = new Map<string, number>();
for (const p of kb.people as KbPerson[]) {
  const seen = new Set<string>();
  for (const o of p.offices) {
    const r = region.get(o.of) ?? 'International';
    offices.set(r, (offices.get(r) ?? 0) + 1);
    seen.add(r);
  }
  for (const r of seen) people.set(r, (people.get(r) ?? 0) + 1);
}
console.log('region\tmembers\tpeople\toffices');
for (const r of [...regions, 'International']) {
  console.log(`${r}\t${members.filter((c) => regionOf(c) === r).length}\t${people.get(r) ?? 0}\t${offices.get(r) ?? 0}`);
}

const leader = (iso: string, d: string) => kb.holders('head_of_state', iso, d).length + kb.holders('head_of_government', iso, d).length > 0;
const fm = (iso: string, d: string) => kb.holders('foreign_minister', iso, d).length > 0;
console.log(`\nmember states with a head of state or government / with a foreign minister, on 1 July`);
console.log(['region', ...Array.from({ length: to - from + 1 }, (_, i) => String(from + i).slice(2))].join('\t'));
for (const r of regions) {
  const states = members.filter((c) => regionOf(c) === r);
  const cells = [];
  for (let y = from; y <= to; y++) {
    const d = `${y}-07-01`;
    cells.push(`${states.filter((c) => leader(c.cca2, d)).length}/${states.filter((c) => fm(c.cca2, d)).length}`);
  }
  console.log([`${r} (${states.length})`, ...cells].join('\t'));
}

if (gapsAt) {
  console.log(`\nmissing on ${gapsAt} (HoS head of state, HoG head of government, FM foreign minister)`);
  for (const c of members.sort((a, b) => a.cca2.localeCompare(b.cca2))) {
    const miss = [
      kb.holders('head_of_state', c.cca2, gapsAt).length ? '' : 'HoS',
      kb.holders('head_of_government', c.cca2, gapsAt).length ? '' : 'HoG',
      fm(c.cca2, gapsAt) ? '' : 'FM',
    ].filter(Boolean);
    if (miss.length) console.log(`${c.cca2}\t${regionOf(c)}\t${miss.join(' ')}`);
  }
}

if (leaderless) {
  console.log(`\nyears without a head of state or government, ${leaderless}`);
  for (const c of members.filter((m) => regionOf(m) === leaderless)) {
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((y) => !leader(c.cca2, `${y}-07-01`));
    if (years.length) console.log(`${c.cca2}\t${years.join(' ')}`);
  }
}
