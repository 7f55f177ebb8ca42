// Places beyond the KB's: cities of the GeoNames gazetteer, chosen by context ("Paris, Texas"; "in Auckland" in a story
// about New Zealand), and states that share a country's name ("Robert Woodall (Republican -- Georgia)").
import { placeKey, slugify } from '../../graph/keys.js';
import { gazetteerOf, type City, type Gazetteer } from '../../kb/gazetteer.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { KbPlace } from '../../kb/types.js';
import type { CleanArticle, Span } from '../../types.js';
import type { LinkedMention, PlaceMention } from './index.js';
import { capitalisedRuns } from './organizations.js';
import { spansOverlap } from './spans.js';

// A town this small, or that is no capital, needs a word that makes it a place ("in", "visited") and its country in the story.
const MAJOR_POPULATION = 1_000_000;
const MAJOR_CAPITAL_POPULATION = 100_000;
// A town this large needs the locative word but not its country in the story ("in Zurich", "from Bonn").
const KNOWN_POPULATION = 250_000;
const LOCATIVE_BEFORE = /(?:^|[\s(])(?:in|at|from|to|near|outside|into|via|visit|visited|visiting|visits|toward|towards|capital|city|town|port|arrived\s+in|based\s+in)[ \t\u00a0]+$/iu;
// "Houston said": a name that speaks is a person's, whatever city shares it.
const SPEAKS_AFTER = /^['’]?\s+(?:said|says|told|added|asked|wrote|tweeted|noted|stressed|argued|announced)\b/u;
// Lower-case words inside a town's name: "Santa Cruz de la Sierra", "Isle of Man", "Newcastle upon Tyne" (not "and").
const NAME_CONNECTORS = new Set(['de', 'la', 'del', 'du', 'des', 'da', 'do', 'dos', 'das', 'al', 'el', 'of', 'upon', 'on', 'am', 'an', 'der', 'sur']);
// "in March" is a date, whatever town is called March.
const CALENDAR_WORDS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);
// ", Texas", ", Bolivia": the region or country right after a town name.
const QUALIFIER_AFTER = /^,[ \t\u00a0]+(\p{Lu}[\p{L}.'’-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.'’-]*){0,2})/u;

interface Target {
  country: string;
  /** ISO 3166-2 of a US state ("US-TX"), when the qualifier is one. */
  admin: string | null;
}

/** Finds the gazetteer's places in an article and settles names shared by a country and a state or by several towns. */
export class PlaceLinker {
  private readonly gazetteer: Gazetteer | null;
  /** Countries the article names in any form (name, demonym, capital, metonym), a shared name ("Georgia") aside. */
  private readonly countries = new Set<string>();
  /** Countries named outright or by demonym (not by a capital, which may be a namesake town's name). */
  private readonly countrySigns = new Set<string>();
  /** States and provinces the article names unambiguously, by ISO 3166-2 code. */
  private readonly regions = new Set<string>();

  constructor(
    clean: CleanArticle,
    private readonly kb: KnowledgeBase,
  ) {
    this.gazetteer = gazetteerOf(kb);
    for (const block of clean.blocks) {
      for (const m of kb.matchNames(block.text)) {
        const countries = m.entries.filter((e) => e.kind === 'country');
        const regions = m.entries.filter((e): e is { kind: 'place'; place: KbPlace } => e.kind === 'place' && e.place.admin !== undefined);
        // "Georgia" is a country and a state: it tells neither.
        if (countries.length > 0 && regions.length > 0) continue;
        for (const e of countries) {
          if (e.kind !== 'country') continue;
          this.countries.add(e.country.iso2);
          if (e.as === 'name' || e.as === 'demonym') this.countrySigns.add(e.country.iso2);
        }
        for (const e of regions) {
          this.regions.add(e.place.admin!);
          if (e.place.country) this.countries.add(e.place.country);
        }
      }
    }
  }

  /** Settles the sentence's shared names, then adds its gazetteer towns to `places`; `current` are its mentions so far. */
  link(sentence: { text: string; start: number }, current: LinkedMention[], places: PlaceMention[]): void {
    for (const p of places) {
      const the = p.start >= sentence.start ? /^the\s+/i.exec(p.text) : null;
      if (the) Object.assign(p, { start: p.start + the[0].length, text: p.text.slice(the[0].length) });
    }
    this.settleSharedNames(sentence, current, places);
    if (!this.gazetteer) return;
    const text = sentence.text;
    const base = sentence.start;
    for (const run of capitalisedRuns(text, NAME_CONNECTORS)) {
      const relStart = run[0].start;
      let relEnd = run.at(-1)!.end;
      const name = text.slice(relStart, relEnd).replace(/['’]s$/u, '');
      relEnd = relStart + name.length;
      const span = { start: base + relStart, end: base + relEnd };
      if (CALENDAR_WORDS.has(name)) continue;
      const cities = this.gazetteer.lookup(name);
      if (cities.length === 0 || this.kb.lookup(name).length > 0) continue;
      // "Kansas City", "Jersey City": a town whose name holds a state's or a country's replaces them; nothing else does.
      const inside = (s: Span) => s.start >= span.start && s.end <= span.end && (s.start > span.start || s.end < span.end);
      const clash = [...current, ...places].filter((m) => spansOverlap(m, span));
      if (clash.some((m) => !inside(m) || ('kind' in m && m.kind !== 'country'))) continue;
      const target = this.targetAfter(text.slice(relEnd));
      const cued = cuedBefore(text.slice(0, relStart));
      const city = this.choose(cities, target);
      if (!city) continue;
      const major = city.population >= MAJOR_POPULATION || (city.capital && city.population >= MAJOR_CAPITAL_POPULATION);
      const known = target !== null || this.countries.has(city.country) || city.population >= KNOWN_POPULATION;
      // A town's name around a state's or a country's ("Kansas City") is the town, cue or not.
      const accepted = clash.length > 0 || (major && (cued || !SPEAKS_AFTER.test(text.slice(relEnd)))) || (cued && known);
      if (!accepted) continue;
      for (const m of clash) {
        const list: Span[] = 'kind' in m ? current : places;
        list.splice(list.indexOf(m), 1);
      }
      places.push({ ...span, text: name, via: 'gazetteer', key: this.keyOf(city, cities), label: city.name, country: city.country, placeType: 'city', countryKey: null });
    }
  }

  /**
   * A country mention that is also a state ("Georgia") is the state when the story names other states of that country
   * and nothing of the namesake country; a capital standing for its country ("Paris") is a namesake town when a
   * region or country right after it, or a state the story names, says so ("Paris, Texas").
   */
  private settleSharedNames(sentence: { text: string; start: number }, current: LinkedMention[], places: PlaceMention[]): void {
    for (let i = current.length - 1; i >= 0; i -= 1) {
      const m = current[i];
      if (m.kind !== 'country' || m.start < sentence.start) continue;
      const iso2 = m.key.slice('country:'.length);
      const after = sentence.text.slice(m.end - sentence.start);
      if (m.form === 'name') {
        const state = this.kb.lookup(m.text).find((e): e is { kind: 'place'; place: KbPlace } => e.kind === 'place' && e.place.admin !== undefined);
        if (!state || !state.place.country) continue;
        const sameCountryRegions = [...this.regions].filter((r) => r.startsWith(`${state.place.country}-`) && r !== state.place.admin);
        if (sameCountryRegions.length === 0 || this.countries.has(iso2)) continue;
        current.splice(i, 1);
        const p = state.place;
        places.push({ start: m.start, end: m.end, text: m.text, via: 'kb-region', key: placeKey(p.id), label: p.name, country: p.country, placeType: p.placeType, countryKey: null });
      } else if ((m.form === 'capital' || m.form === 'metonym') && this.gazetteer) {
        const target = this.targetAfter(after) ?? this.stateInStory(this.gazetteer.lookup(m.text), iso2);
        if (!target || target.country === iso2) continue;
        const cities = this.gazetteer.lookup(m.text);
        const city = this.choose(cities, target);
        if (!city || city.country === iso2) continue;
        current.splice(i, 1);
        for (let j = places.length - 1; j >= 0; j -= 1) if (places[j].start === m.start && places[j].end === m.end) places.splice(j, 1);
        places.push({ start: m.start, end: m.end, text: m.text, via: 'gazetteer', key: this.keyOf(city, cities), label: city.name, country: city.country, placeType: 'city', countryKey: null });
      }
    }
  }

  /** A state the story names that holds one of these towns, when the capital's own country is not named. */
  private stateInStory(cities: City[], capitalCountry: string): Target | null {
    if (this.countrySigns.has(capitalCountry)) return null;
    for (const c of cities) {
      const admin = `${c.country}-${c.admin}`;
      if (this.regions.has(admin)) return { country: c.country, admin };
    }
    return null;
  }

  /** The country or state named right after a town: ", Texas" -> US-TX, ", Bolivia" -> BO. */
  private targetAfter(after: string): Target | null {
    const m = QUALIFIER_AFTER.exec(after);
    if (!m) return null;
    for (const e of this.kb.lookup(m[1])) {
      if (e.kind === 'country' && e.as === 'name') return { country: e.country.iso2, admin: null };
      if (e.kind === 'place' && e.place.admin && e.place.country) return { country: e.place.country, admin: e.place.admin };
    }
    return null;
  }

  /** The town meant: the one in the named state or country, else the most populous one in a country the story names, else the largest. */
  private choose(cities: City[], target: Target | null): City | null {
    if (target) {
      const inTarget = cities.filter((c) => c.country === target.country && (!target.admin || `${c.country}-${c.admin}` === target.admin));
      return inTarget[0] ?? null;
    }
    return cities.find((c) => this.countries.has(c.country)) ?? cities[0] ?? null;
  }

  /** The largest town of a name keeps the plain key (place:paris); a namesake adds its country and state (place:paris-us-tx). */
  private keyOf(city: City, namesakes: City[]): string {
    const largest = namesakes[0];
    if (largest.country === city.country && largest.admin === city.admin && largest.population === city.population) return placeKey(slugify(city.name));
    return placeKey(slugify(`${city.name} ${city.country}${city.country === 'US' ? ` ${city.admin}` : ''}`));
  }
}

// "in Auckland, Christchurch and Dunedin": the locative word before a list cues every town in it.
const LIST_ITEM_BEFORE = /\p{Lu}[\p{L}'’.-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+)$/u;

function cuedBefore(prefix: string): boolean {
  let rest = prefix;
  for (let i = 0; i < 8; i += 1) {
    if (LOCATIVE_BEFORE.test(rest)) return true;
    const item = LIST_ITEM_BEFORE.exec(rest);
    if (!item) return false;
    rest = rest.slice(0, item.index);
  }
  return false;
}

