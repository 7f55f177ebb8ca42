// Builds KbCountry records from the world-countries package plus the curated additions of countries.json.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { KbCountry } from './types.js';
import type { CuratedCountry } from './schema.js';

// The package's ESM entry imports JSON without an import attribute, which Node refuses; its CJS entry loads everywhere.
const WORLD_COUNTRIES = createRequire(import.meta.url)('world-countries') as Country[];

// altSpellings that are ordinary English words, given names, or ambiguous between countries.
const UNSAFE_ALT_SPELLINGS = new Set([
  'the abode of peace', 'island', 'mann', 'dominique', 'guiana', 'thai', 'viti', 'lao', 'timor', 'congo', 'macedonia',
  'vatican', 'emirates',
]);
// A dependency's capital is often a common name ("Douglas", "Hamilton", "Stanley", "Kingston"): only states that news
// treats as states keep theirs as a metonym (Kosovo's Pristina, Palestine's Ramallah, Taiwan's Taipei).
const DEPENDENCIES_WITH_CAPITALS = new Set(['XK', 'PS', 'TW']);
const LATIN_NAME = /^[\p{Script=Latin}\p{M}\p{N}\s.,'’()-]+$/u;

/** The ISO2 codes world-countries knows. */
export function listIso2Codes(): Set<string> {
  return new Set(WORLD_COUNTRIES.map((c) => c.cca2));
}

/** Every ISO 3166-1 country, with the curated aliases, demonyms, metonyms and executive merged in. */
export function buildCountries(curated: Record<string, CuratedCountry>): KbCountry[] {
  // "American" is also the demonym of American Samoa and "Dutch" of the Caribbean Netherlands: the sovereign state keeps it.
  const sovereignDemonyms = new Set(
    WORLD_COUNTRIES.filter((c) => c.independent).flatMap((c) => [c.demonyms?.eng?.m, ...(curated[c.cca2]?.demonyms ?? [])]),
  );
  return WORLD_COUNTRIES.map((c) => {
    const extra = curated[c.cca2] ?? {};
    const name = c.name.common;
    const official = c.name.official !== name ? c.name.official : null;
    const alt = c.altSpellings.filter(
      (a) => a.length > 2 && a !== c.cca2 && LATIN_NAME.test(a) && !a.includes(', ') && !UNSAFE_ALT_SPELLINGS.has(a.toLowerCase()),
    );
    const demonym = c.demonyms?.eng;
    return {
      iso2: c.cca2,
      iso3: c.cca3,
      name,
      official,
      aliases: unique([...alt, ...(extra.aliases ?? [])], [name, official]),
      demonyms: unique(
        [...(demonym ? [demonym.m, demonym.f] : []), ...(extra.demonyms ?? [])].filter((d) => c.independent || !sovereignDemonyms.has(d)),
        [],
      ),
      capital: c.independent || DEPENDENCIES_WITH_CAPITALS.has(c.cca2) ? (c.capital[0] ?? null) : null,
      metonyms: unique(extra.metonyms ?? [], []),
      executive: extra.executive ?? 'head_of_state',
    };
  });
}

function unique(values: string[], excluded: (string | null)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.includes(v) && !excluded.includes(v)) out.push(v);
  return out;
}
