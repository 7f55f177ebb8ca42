// Entity linking on real sentences: titles, aliases, role coreference at a date, and the same-surname rule.
import { findEntities } from '../../src/analyze.js';

const people = (text: string, published: string | null) => findEntities(text, { published }).filter((m) => m.kind === 'person');

describe('titles and appositions give people their roles', () => {
  it.each([
    ['Hungarian Foreign Minister Peter Szijjarto told RT in an interview.', '2021-12-31', 'Peter Szijjarto', 'person:peter-szijjarto', 'foreign_minister', 'country:HU'],
    ['Hungarian Minister of Foreign Affairs and Trade Peter Szijjarto told RT in an interview.', '2021-12-31', 'Peter Szijjarto', 'person:peter-szijjarto', 'foreign_minister', 'country:HU'],
    ['Further, earlier today, Kremlin spokesman Dmitry Peskov does not rule out a response.', '2022-02-01', 'Dmitry Peskov', 'person:dmitry-peskov', 'spokesperson', 'country:RU'],
    ['The call, according to Putin’s chief aide Yuri Ushakov, was initiated by Russia.', '2025-10-17', 'Yuri Ushakov', 'person:yuri-ushakov', 'aide', 'country:RU'],
    ['Additionally, U.S. Secretary of State Marco Rubio is set to meet with his counterpart.', '2025-10-17', 'Marco Rubio', 'person:marco-rubio', 'foreign_minister', 'country:US'],
    ['NATO Secretary-General Jens Stoltenberg has posted a tweet on the matter on Monday.', '2022-02-01', 'Jens Stoltenberg', 'person:jens-stoltenberg', 'secretary_general', 'org:nato'],
    ['Hungary welcomes the dialogue between Russian President Vladimir Putin and US leader Joe Biden.', '2021-12-31', 'Joe Biden', 'person:joe-biden', 'head_of_state', 'country:US'],
  ])('%s', (text, published, surface, key, office, of) => {
    const m = people(text, published).find((x) => x.text === surface);
    expect(m?.key).toBe(key);
    expect(m?.office).toMatchObject({ type: office, of });
  });

  it('strips honorifics and punctuation from names ("President Donald Trump," -> Donald Trump)', () => {
    const m = people('On Friday, President Donald Trump, speaking to reporters, said the talks went well.', '2025-10-17');
    expect(m.map((x) => [x.text, x.key])).toEqual([['Donald Trump', 'person:donald-trump']]);
  });

  it('links a person the knowledge base lacks by the title before the name, and later by surname', () => {
    const m = people('Kazakh Foreign Minister Murat Nurtleu met his counterpart. Nurtleu said the talks were useful.', '2024-03-01');
    expect(m.map((x) => [x.text, x.key, x.via])).toEqual([
      ['Murat Nurtleu', 'person:murat-nurtleu', expect.any(String)],
      ['Nurtleu', 'person:murat-nurtleu', 'surname'],
    ]);
    expect(m[0].office).toMatchObject({ type: 'foreign_minister', of: 'country:KZ' });
  });
});

describe('compromise finds the people neither the KB nor a title names', () => {
  it.each([
    ['Speaking in Kyiv, Olena Kovalenko said the grid would hold through the winter.', 'Olena Kovalenko', 'person:olena-kovalenko'],
    ['Mr. John Smith, a retired diplomat, said the talks were overdue.', 'John Smith', 'person:john-smith'],
  ])('%s', (text, surface, key) => {
    const m = people(text, '2024-01-01').find((x) => x.text === surface);
    expect(m).toMatchObject({ key, via: 'ner' });
  });

  it('takes no name from a headline in title case (the role there still links to the minister)', () => {
    const m = people('Dialogue Between US, Russia Serves Security, Hungarian Foreign Minister Says\n\nThe minister spoke.', '2021-12-31');
    expect(m.map((x) => [x.text, x.key])).toEqual([['Hungarian Foreign Minister', 'person:peter-szijjarto']]);
  });
});

describe('aliases and transliterations are one person', () => {
  it.each([
    ['Orban met with re-elected US President Donald Trump in Florida.', 'Orban', 'person:viktor-orban'],
    ['Hungarian Prime Minister Viktor Orbán said so.', 'Viktor Orbán', 'person:viktor-orban'],
    ['He would meet with Vladimir Zelensky in the Oval Office.', 'Vladimir Zelensky', 'person:volodymyr-zelensky'],
    ['President Zelenskyy thanked the allies.', 'Zelenskyy', 'person:volodymyr-zelensky'],
    ['Zelenskiy spoke to reporters in Kyiv.', 'Zelenskiy', 'person:volodymyr-zelensky'],
    ['“Notably,” Yury Ushakov said.', 'Yury Ushakov', 'person:yuri-ushakov'],
    ['Foreign Minister Péter Szijjártó arrived in Minsk.', 'Péter Szijjártó', 'person:peter-szijjarto'],
    ['Sergey Lavrov answered questions.', 'Sergey Lavrov', 'person:sergei-lavrov'],
  ])('%s', (text, surface, key) => {
    expect(people(text, '2025-10-17').find((m) => m.text === surface)?.key).toBe(key);
  });
});

describe('a role links to the person holding the office on the article date', () => {
  it.each([
    ['the US president said he would call back.', '2021-12-31', 'person:joe-biden'],
    ['the US president said he would call back.', '2025-10-17', 'person:donald-trump'],
    ['The Russian President also spoke with the Prime Minister of Hungary.', '2024-12-11', 'person:vladimir-putin'],
    ['The Russian head of state outlined his assessment.', '2024-12-11', 'person:vladimir-putin'],
    ['the Hungarian prime minister began his peace mission.', '2024-12-11', 'person:viktor-orban'],
    ['Trump was scheduled to host Ukraine’s leader at the White House.', '2025-10-17', 'person:volodymyr-zelensky'],
    ['Clarity was expected when the U.S. leader was scheduled to meet him.', '2025-10-17', 'person:donald-trump'],
    ['The Russian President also spoke with the Prime Minister of Hungary.', '2010-06-01', 'person:dmitry-medvedev'],
  ])('%s (%s)', (text, published, key) => {
    expect(people(text, published).map((m) => m.key)).toContain(key);
  });

  it('without a date, a role links only to a person the text introduced with that office', () => {
    expect(people('The Russian President also spoke with him.', null)).toEqual([]);
    const m = people('Russian President Vladimir Putin spoke first. The Russian President then left.', null);
    expect(m.map((x) => x.key)).toEqual(['person:vladimir-putin', 'person:vladimir-putin']);
  });
});

describe('people who share a surname are never merged without evidence', () => {
  it('keeps Bill and Hillary Clinton apart, and leaves a bare "Clinton" unlinked when both were named', () => {
    const m = people('Bill Clinton and Hillary Clinton arrived together. Clinton said little.', '2020-01-01');
    expect(m.map((x) => [x.text, x.key])).toEqual([
      ['Bill Clinton', 'person:bill-clinton'],
      ['Hillary Clinton', 'person:hillary-clinton'],
    ]);
  });

  it('links a bare surname to the one introduced earlier in the article', () => {
    const m = people('Former Secretary of State Hillary Clinton spoke in Berlin. Clinton warned of risks.', '2020-01-01');
    expect(m.map((x) => x.key)).toEqual(['person:hillary-clinton', 'person:hillary-clinton']);
  });

  it('keeps two people the KB lacks apart when only their surname is shared', () => {
    const m = people('Ukrainian Energy Minister Olena Kovalenko met Defence Minister Dmytro Kovalenko.', '2024-01-01');
    expect(new Set(m.map((x) => x.key))).toEqual(new Set(['person:olena-kovalenko', 'person:dmytro-kovalenko']));
  });
});
