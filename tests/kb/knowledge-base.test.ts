// Tests of the knowledge base: lookup, office holders by date, name matching on seed sentences, validation, seed coverage.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KgError } from '../../src/errors.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import type { KbEntry, OfficeType } from '../../src/kb/index.js';

const kb = loadKnowledgeBase();

/** A readable id for an entry: person id, ISO2, org id or place:id. */
function idOf(e: KbEntry): string {
  if (e.kind === 'person') return e.person.id;
  if (e.kind === 'country') return e.country.iso2;
  if (e.kind === 'organization') return e.organization.id;
  return `place:${e.place.id}`;
}

describe('lookup', () => {
  it.each([
    ['Zelenskyy', 'volodymyr-zelensky'],
    ['Vladimir Zelensky', 'volodymyr-zelensky'],
    ['Volodymyr Zelenskiy', 'volodymyr-zelensky'],
    ['Viktor Orban', 'viktor-orban'],
    ['Orbán', 'viktor-orban'],
    ['Peter Szijjarto', 'peter-szijjarto'],
    ['Yury Ushakov', 'yuri-ushakov'],
    ['Yuriy Ushakov', 'yuri-ushakov'],
    ['Sergey Lavrov', 'sergei-lavrov'],
    ['Dmitri Peskov', 'dmitry-peskov'],
    ['Joseph R. Biden', 'joe-biden'],
    ['Donald J. Trump', 'donald-trump'],
    ['U.S.', 'US'],
    ['USA', 'US'],
    ['the Kremlin', 'RU'],
    ['Kremlin', 'RU'],
    ['Britain', 'GB'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Czechia', 'CZ'],
    ['Belarusian', 'BY'],
    ['Organization for Security and Cooperation in Europe', 'osce'],
    ['ICC', 'icc'],
    ['Mar-a-Lago', 'place:mar-a-lago'],
  ])('%s -> %s', (name, id) => {
    expect(kb.lookup(name).map(idOf)).toContain(id);
  });

  it('finds nothing for a given name alone', () => {
    expect(kb.lookup('Donald').filter((e) => e.kind === 'person')).toEqual([]);
  });
});

describe('holders', () => {
  it.each<[OfficeType, string, string, string[]]>([
    ['head_of_state', 'US', '2021-12-31', ['joe-biden']],
    ['head_of_state', 'US', '2025-10-17', ['donald-trump']],
    ['head_of_state', 'US', '2021-01-20', ['joe-biden']],
    ['head_of_state', 'RU', '2010-01-01', ['dmitry-medvedev']],
    ['head_of_state', 'RU', '2024-12-11', ['vladimir-putin']],
    ['head_of_government', 'RU', '2010-01-01', ['vladimir-putin']],
    ['head_of_government', 'HU', '2024-12-11', ['viktor-orban']],
    ['head_of_government', 'HU', '2005-01-01', ['ferenc-gyurcsany']],
    ['foreign_minister', 'HU', '2021-12-31', ['peter-szijjarto']],
    ['foreign_minister', 'RU', '2025-10-17', ['sergei-lavrov']],
    ['foreign_minister', 'RU', '2003-01-01', ['igor-ivanov']],
    ['foreign_minister', 'US', '2025-10-17', ['marco-rubio']],
    ['head_of_state', 'UA', '2025-10-17', ['volodymyr-zelensky']],
    ['head_of_government', 'IL', '2025-10-17', ['benjamin-netanyahu']],
    ['secretary_general', 'nato', '2022-01-31', ['jens-stoltenberg']],
    ['secretary_general', 'nato', '2025-01-01', ['mark-rutte']],
    ['secretary_general', 'united-nations', '2022-01-31', ['antonio-guterres']],
    ['org_president', 'european-commission', '2022-01-31', ['ursula-von-der-leyen']],
  ])('%s of %s on %s', (type, of, date, ids) => {
    expect(kb.holders(type, of, date).map((p) => p.id)).toEqual(ids);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => kb.holders('head_of_state', 'US', '2024-07')).toThrow(expect.objectContaining({ code: 'bad-date' }));
  });
});

describe('officesAt and bySurname', () => {
  it.each([
    ['vladimir-putin', '2009-06-01', ['head_of_government']],
    ['vladimir-putin', '2022-02-01', ['head_of_state']],
    ['mark-rutte', '2023-01-01', ['head_of_government']],
  ])('%s on %s', (id, date, types) => {
    expect(kb.officesAt(id, date).map((o) => o.type)).toEqual(types);
  });

  it.each([
    ['Orban', 'viktor-orban'],
    ['Putin', 'vladimir-putin'],
    ['von der Leyen', 'ursula-von-der-leyen'],
    ['Xi', 'xi-jinping'],
  ])('surname %s finds %s', (surname, id) => {
    expect(kb.bySurname(surname).map((p) => p.id)).toContain(id);
  });
});

describe('matchNames', () => {
  it.each<[string, [string, string][]]>([
    [
      'Hungarian Minister of Foreign Affairs and Trade Peter Szijjarto told RT in an interview.',
      [['Hungarian', 'HU'], ['Peter Szijjarto', 'peter-szijjarto']],
    ],
    ['The negotiations on security guarantees between Moscow and Washington are scheduled', [['Moscow', 'RU'], ['Washington', 'US']]],
    ['followed by a Russia-NATO Council meeting on 12 January', [['Russia', 'RU'], ['NATO', 'nato']]],
    ['U.S. Secretary of State Marco Rubio is set to meet', [['U.S.', 'US'], ['Marco Rubio', 'marco-rubio']]],
    ['the Putin-Trump summit', [['Putin', 'vladimir-putin'], ['Trump', 'donald-trump']]],
    ['Preparations for the USA-Russia peace summit are underway', [['USA', 'US'], ['Russia', 'RU']]],
    ['would damage U.S.-Russia relations', [['U.S.', 'US'], ['Russia', 'RU']]],
    ['according to a statement from Russia\u2019s presidency', [['Russia', 'RU']]],
    ["Putin might respond to Washington's reactions", [['Putin', 'vladimir-putin'], ['Washington', 'US']]],
    ['Both the Kremlin and the White House noted', [['the Kremlin', 'RU'], ['the White House', 'US']]],
    ['a telephone conversation with Hungarian Prime Minister Viktor Orbán on Wednesday', [['Hungarian', 'HU'], ['Viktor Orbán', 'viktor-orban']]],
    ['Orban met with re-elected US President Donald Trump in Florida', [['Orban', 'viktor-orban'], ['US', 'US'], ['Donald Trump', 'donald-trump'], ['Florida', 'place:florida']]],
    ['the summit of Russia and the Organization for Security and Cooperation in Europe (OSCE)', [['Russia', 'RU'], ['Organization for Security and Cooperation in Europe', 'osce'], ['OSCE', 'osce']]],
    ['he would meet with Vladimir Zelensky in the Oval Office', [['Vladimir Zelensky', 'volodymyr-zelensky'], ['the Oval Office', 'place:oval-office']]],
    ['We need them. I mean, we can\u2019t deplete for our country, let us see', []],
    ['turkish coffee and chinese food', []],
    ['Donald and Joe went home', []],
  ])('%s', (text, expected) => {
    const found = kb.matchNames(text).map((m) => [m.text, m.entries.map(idOf)] as const);
    expect(found.map(([t]) => t)).toEqual(expected.map(([t]) => t));
    found.forEach(([, ids], i) => expect(ids).toContain(expected[i][1]));
  });

  it('gives offsets into the text', () => {
    const text = 'Said Orbán: Russia’s view';
    expect(kb.matchNames(text).map((m) => text.slice(m.start, m.end))).toEqual(['Orbán', 'Russia']);
  });

  it('returns every person sharing a surname', () => {
    const [match] = kb.matchNames('Orbán said');
    expect(match.entries.map(idOf)).toEqual(expect.arrayContaining(['viktor-orban', 'balazs-orban']));
  });
});

describe('seed coverage', () => {
  const gold = JSON.parse(readFileSync(new URL('../../data/gold/seeds.gold.json', import.meta.url), 'utf8')) as {
    people: { name: string; aliases: string[]; country: string }[];
    countries: { iso2: string; name: string }[];
    organizations: { name: string; aliases: string[] }[];
  };
  it.each(gold.people.flatMap((p) => [p.name, ...p.aliases].map((n) => [n, p.name] as const)))('person %s (%s)', (surface, name) => {
    const people = kb.lookup(surface).filter((e) => e.kind === 'person');
    expect(people.map((e) => (e.kind === 'person' ? e.person.name : ''))).toContain(kb.lookup(name).map((e) => (e.kind === 'person' ? e.person.name : ''))[0]);
  });
  it.each(gold.countries.map((c) => [c.name, c.iso2] as const))('country %s', (name, iso2) => {
    expect(kb.lookup(name).map(idOf)).toContain(iso2);
  });
  it.each(gold.organizations.flatMap((o) => [o.name, ...o.aliases]))('organisation %s', (name) => {
    expect(kb.lookup(name).filter((e) => e.kind === 'organization')).not.toHaveLength(0);
  });
});

describe('validation', () => {
  const person = {
    id: 'viktor-orban',
    name: 'Viktor Orbán',
    aliases: [],
    country: 'HU',
    offices: [
      { type: 'head_of_government', title: 'Prime Minister', of: 'HU', from: '1998-07-06', to: '2002-05-27' },
      { type: 'head_of_government', title: 'Prime Minister', of: 'HU', from: '2010-05-29', to: null },
    ],
    source: 'test',
  };
  const org = { id: 'nato', name: 'North Atlantic Treaty Organization', acronym: 'NATO', aliases: [], members: ['HU'], source: 'test' };

  function writeKb(people: unknown, orgs: unknown = [org], countries: unknown = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'people', 'europe.json'), JSON.stringify(people));
    writeFileSync(join(dir, 'organizations.json'), JSON.stringify(orgs));
    writeFileSync(join(dir, 'places.json'), '[]');
    writeFileSync(join(dir, 'countries.json'), JSON.stringify(countries));
    return dir;
  }

  it.each<[string, unknown, unknown, unknown, RegExp]>([
    ['dates out of order', [{ ...person, offices: [person.offices[0], { ...person.offices[1], to: '2002-05-27' }] }], [org], {}, /europe\.json: entry "viktor-orban", office 2, field to: ends \(2002-05-27\) before it begins \(2010-05-29\)/],
    ['duplicate id', [person, person], [org], {}, /europe\.json: entry "viktor-orban": duplicate id/],
    ['unknown country', [{ ...person, country: 'XX' }], [org], {}, /entry "viktor-orban", field country: "XX" is not an ISO2 code/],
    ['unknown office holder', [{ ...person, offices: [{ ...person.offices[0], of: 'warsaw-pact' }] }], [org], {}, /office 1, field of: "warsaw-pact" is neither/],
    ['impossible date', [{ ...person, offices: [{ ...person.offices[0], from: '1998-02-30' }] }], [org], {}, /office 1, field from: 1998-02-30 is not a calendar date/],
    ['schema', [{ ...person, offices: [{ ...person.offices[0], type: 'king' }] }], [org], {}, /europe\.json: entry "viktor-orban", field offices\.0\.type/],
    ['id not a slug of the name', [{ ...person, id: 'orban' }], [org], {}, /id is not the slug of the name/],
    ['curated country code', [person], [org], { QQ: {} }, /countries\.json: entry "QQ": not an ISO 3166-1/],
    ['organisation member', [person], [{ ...org, members: ['ZZ'] }], {}, /organizations\.json: entry "nato", field members: "ZZ"/],
  ])('%s', (_name, people, orgs, countries, message) => {
    const dir = writeKb(people, orgs, countries);
    let error: unknown;
    try {
      loadKnowledgeBase(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).code).toBe('kb-invalid');
    expect((error as KgError).message).toMatch(message);
  });

  it('loads a valid KB and caches it per directory', () => {
    const dir = writeKb([person]);
    const first = loadKnowledgeBase(dir);
    expect(first.holders('head_of_government', 'HU', '2024-12-11').map((p) => p.id)).toEqual(['viktor-orban']);
    expect(loadKnowledgeBase(dir)).toBe(first);
  });
});
