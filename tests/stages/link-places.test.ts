// Places: the GeoNames gazetteer with context, and states that must never become countries. Real sentences from the dev
// pages and CoNLL-2003 (eng.train); the Paris/Texas and Georgia-the-country rows are written for the rule, as neither set
// has such a sentence.
import { gazetteerOf, loadGazetteer, MIN_POPULATION } from '../../src/kb/gazetteer.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { linkMentions } from '../../src/stages/link/index.js';
import type { RawArticle } from '../../src/types.js';

function link(text: string) {
  const raw: RawArticle = { meta: { id: 'test', title: null, url: null, published: null, source: null, language: null, file: 'test.txt' }, text, format: 'txt' };
  return linkMentions(cleanArticle(raw).article, null, loadKnowledgeBase());
}

const places = (text: string) => link(text).places.map((p) => [p.text, p.key, p.country]);
const countries = (text: string) => link(text).mentions.filter((m) => m.kind === 'country').map((m) => m.key);

describe('states and provinces are never countries', () => {
  it.each([
    [
      'New Jersey is the state, not Jersey (CoNLL eng.train)',
      'A foot-long piece of debris bearing markings from a commercial aircraft was found on the New Jersey shore and forwarded to TWA crash investigators in Long Island , officials said on Wednesday .',
      [['New Jersey', 'place:new-jersey', 'US']],
      [],
    ],
    [
      'Georgia is the US state beside other states (dev d13)',
      'The delegation comprised Congressmen George Holding (Republican -- North Carolina), Pete Olson (Republican --Texas) and Robert Woodall (Republican -- Georgia).',
      [['North Carolina', 'place:north-carolina', 'US'], ['Texas', 'place:texas', 'US'], ['Georgia', 'place:georgia-us', 'US']],
      [],
    ],
    [
      'Georgia is the country beside its capital and demonym',
      'Georgia and Armenia signed the agreement in Tbilisi, the Georgian foreign ministry said.',
      [['Tbilisi', 'place:tbilisi', 'GE']],
      ['country:GE', 'country:AM', 'country:GE', 'country:GE'],
    ],
  ])('%s', (_, text, expectedPlaces, expectedCountries) => {
    expect(places(text)).toEqual(expectedPlaces);
    expect(countries(text)).toEqual(expectedCountries);
  });
});

describe('towns of the gazetteer, chosen by context', () => {
  it.each([
    ['Paris is the town in Texas when Texas follows it (written for the rule)', 'The governor met the families in Paris, Texas, on Monday.', [['Texas', 'place:texas', 'US'], ['Paris', 'place:paris-us-tx', 'US']]],
    ['Paris is the French capital otherwise', 'The leaders met in Paris on Monday.', [['Paris', 'place:paris', 'FR']]],
    ['a town and the country after it (dev d19)', 'Next Tuesday (9), Lula will land in Santa Cruz de La Sierra, Bolivia.', [['Santa Cruz de La Sierra', 'place:santa-cruz-de-la-sierra', 'BO']]],
    [
      'a list after "in" cues every town, and the story\'s country picks the namesake (CoNLL eng.train: Hamilton, New Zealand)',
      'New Zealand Cricket said the Sri Lankans would play tests in Hamilton and Wellington and one-dayers in Auckland , Christchurch and Dunedin .',
      [['Wellington', 'place:wellington', 'NZ'], ['Hamilton', 'place:hamilton-nz', 'NZ'], ['Auckland', 'place:auckland', 'NZ'], ['Christchurch', 'place:christchurch', 'NZ'], ['Dunedin', 'place:dunedin', 'NZ']],
    ],
    ['a small namesake town of another country is left out (dev d09: Palmyra, Guyana)', 'Work was being done to ensure that the reconstruction of the collapsed Indian immigration monument base at Palmyra, Corentyne was completed before his arrival in Guyana.', []],
    ['a person is never read as a town (dev d29: Charlotte Darlow)', 'New Zealand High Commissioner to Fiji, Charlotte Darlow says Mahuta will also meet with women leaders.', []],
    ['a dependency\'s capital is no metonym (CoNLL eng.train: Douglas & Lomason)', 'Douglas & Lomason has 4.45 million common shares outstanding .', []],
    ['a town named after a state replaces it, with or without "in" (CoNLL eng.train)', 'The closely-watched Kansas City rail market was steady at $ 115 per ton bid and $ 118 offered .', [['Kansas City', 'place:kansas-city', 'US']]],
    ['a month is no town, whatever town shares its name (dev d09)', 'In March, the Ministry of the Presidency announced that Modi would be visiting later this year.', []],
  ])('%s', (_, text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});

describe('the gazetteer', () => {
  it('keeps capitals and towns of 15,000 or more, most populous first', () => {
    const gazetteer = loadGazetteer();
    expect(gazetteerOf(loadKnowledgeBase())).toBe(gazetteer);
    expect(gazetteer.size).toBeGreaterThan(20_000);
    expect(gazetteer.lookup('Paris').map((c) => `${c.country}-${c.admin}`)).toEqual(['FR-11', 'US-TX']);
    expect(gazetteer.lookup('honiara')).toEqual([expect.objectContaining({ country: 'SB', capital: true })]);
    expect(gazetteer.lookup('Honiara')[0].population).toBeGreaterThan(MIN_POPULATION);
  });
});
