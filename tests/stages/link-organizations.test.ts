// Organisations as actors, on real sentences from the dev pages and CoNLL-2003 (eng.train, eng.testa): KB names, head
// words, acronyms and their long forms, unnamed national bodies, outlets, listed companies, and agencies as sources.
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { linkMentions } from '../../src/stages/link/index.js';
import type { RawArticle } from '../../src/types.js';

function link(text: string, published: string | null = null) {
  const raw: RawArticle = { meta: { id: 'test', title: null, url: null, published, source: null, language: null, file: 'test.txt' }, text, format: 'txt' };
  return linkMentions(cleanArticle(raw).article, published, loadKnowledgeBase());
}

const orgs = (text: string) => link(text).mentions.filter((m) => m.kind === 'organization').map((m) => [m.text, m.key]);

describe('organisations named in a sentence', () => {
  it.each([
    [
      'an acronym the text defines, and its later bare use (dev d11)',
      'In a related development, Republic of Kiribati took over the helm as chair of the Smaller Island States (SIS) grouping in the Pacific. "If we are bold and united, the SIS will not only endure as a grouping," Maamau said.',
      [['Smaller Island States', 'org:smaller-island-states'], ['SIS', 'org:smaller-island-states'], ['SIS', 'org:smaller-island-states']],
    ],
    [
      'an acronym defined with spaces inside the brackets (CoNLL eng.train)',
      "A Mujahideen Khalq statement said its leader Massoud Rajavi met in Baghdad the Secretary-General of the Kurdistan Democratic Party of Iran ( KDPI ) Hassan Rastegar on Wednesday .",
      [['Kurdistan Democratic Party of Iran', 'org:kurdistan-democratic-party-of-iran'], ['KDPI', 'org:kurdistan-democratic-party-of-iran']],
    ],
    [
      'a KB group by its long form and its acronym (CoNLL eng.train)',
      "Two security officials and two state-paid village guards were killed in the fighting with Kurdistan Workers Party ( PKK ) guerrillas , the agency quoted the emergency rule governor 's office as saying .",
      [['Kurdistan Workers Party', 'org:pkk'], ['PKK', 'org:pkk']],
    ],
    [
      'a long form, then its initials without brackets (CoNLL eng.train, the same body twice)',
      "Finland 's trade surplus rose to 3.83 billion markka in April , the National Customs Board said in a statement on Thursday . The NCB said imports fell .",
      [['National Customs Board', 'org:national-customs-board'], ['NCB', 'org:national-customs-board']],
    ],
    [
      'a spelled-out treaty is no body (CoNLL eng.train)',
      "Gujral said he did not expect India 's veto of the Comprehensive Test Ban Treaty ( CTBT ) to damage bilateral ties with other nations .",
      [],
    ],
    [
      'an exchange and its acronym, later bare (CoNLL eng.train)',
      'The Karachi Stock Exchange ( KSE ) said on Monday it would introduce a new recomposed KSE-100 index on September 10 . The KSE said trading would resume .',
      [['Karachi Stock Exchange', 'org:karachi-stock-exchange'], ['KSE', 'org:karachi-stock-exchange'], ['KSE', 'org:karachi-stock-exchange']],
    ],
    [
      '"... Party" around a KB party is the longer party (dev d34)',
      'For his part, Antonis Samaras, leader of the conservative New Democratic Party, said Greece had to offer a "message of stability".',
      [['New Democratic Party', 'org:new-democratic-party']],
    ],
    [
      '"... Alliance" and "... Coalition" with a country inside their names (dev d03)',
      'Mr Coons’ current engagements in Kenya are linked to the ongoing political negotiations between the ruling Kenya Kwanza Alliance and opposition Azimio La Umoja One Kenya Coalition to settle the 2022 post-election standoff.',
      [['Kenya Kwanza Alliance', 'org:kenya-kwanza-alliance'], ['Azimio La Umoja One Kenya Coalition', 'org:azimio-la-umoja-one-kenya-coalition']],
    ],
    [
      'armed groups from the KB (dev d06)',
      'Meanwhile, an Islamic Jihad delegation headed by its top leader Ziyad Al-Nakhalah also arrived in Cairo yesterday. It will be meeting Hamas officials.',
      [['Islamic Jihad', 'org:islamic-jihad'], ['Hamas', 'org:hamas']],
    ],
    [
      '"Ministry of ..." with a distinctive name (dev d09)',
      'In March, the Ministry of the Presidency announced that Modi would be visiting later this year.',
      [['Ministry of the Presidency', 'org:ministry-of-the-presidency']],
    ],
    [
      'a generic ministry with no country named is no node (dev d13)',
      'However, Home Ministry officials said Shinde is busy in Parliament and, hence, he will not be in a position to meet the American delegation.',
      [],
    ],
    [
      'a country\'s body by its demonym, capitalised or not (dev d38, d06)',
      'Chinese Foreign Ministry spokesman Wan Wenbin said on July 11 that Qin Gang was not traveling to Jakarta. Haniyeh arrived in Cairo yesterday to meet Egyptian intelligence officials.',
      [['Chinese Foreign Ministry', 'org:chinese-foreign-ministry'], ['Egyptian intelligence', 'org:egyptian-intelligence']],
    ],
    [
      'no leading "the" in KB or pattern spans (dev d08)',
      'The Ministry said that the delegation is also scheduled to hold talks with representatives of the European Union, the Union of Religious Scholars, and diplomatic missions operating from Qatar.',
      [['European Union', 'org:european-union'], ['Union of Religious Scholars', 'org:union-of-religious-scholars']],
    ],
    [
      'outlets named as such keep a title\'s "The" (dev d11, d10)',
      '"Now is the time for decisions and actions," The National newspaper quoted him as saying. Senior Downing Street sources last night admitted to Holyrood\'s sister site Politics Home that the plan was ditched.',
      [['The National', 'org:the-national'], ['Politics Home', 'org:politics-home']],
    ],
    [
      'a format between two parties the KB knows is not a new body (seed 004)',
      'The United States and Russia are to hold talks on security guarantees in Geneva, followed by a Russia-NATO Council meeting on 12 January.',
      [['NATO', 'org:nato']],
    ],
    [
      'a name the KB knows as a place is no body, whatever its last word (CoNLL eng.testa)',
      'Israel said on Thursday it would build more homes in the West Bank .',
      [],
    ],
  ])('%s', (_, text, expected) => {
    expect(orgs(text)).toEqual(expected);
  });

  it('reads a list of companies after a business noun (dev d25)', () => {
    const text = 'Bosses from AstraZeneca, NatWest, BAE Systems, SSE, Google DeepMind, J Sainsbury, Vodafone, GSK, Aviva, Shell, Sage, Taylor Wimpey, Diageo and Barclays were invited.';
    expect(orgs(text).map(([name]) => name)).toEqual([
      'AstraZeneca', 'NatWest', 'BAE Systems', 'SSE', 'Google DeepMind', 'J Sainsbury', 'Vodafone', 'GSK', 'Aviva', 'Shell', 'Sage', 'Taylor Wimpey', 'Diageo', 'Barclays',
    ]);
  });

  it('takes a legislator\'s party from the affiliation in brackets (dev d13)', () => {
    const text = 'The delegation comprised Congressmen George Holding (Republican -- North Carolina), Pete Olson (Republican --Texas) and Madeleine Bordallo (Democrat -- Guam).';
    expect(orgs(text)).toEqual([
      ['Republican', 'org:republican-party-us'],
      ['Republican', 'org:republican-party-us'],
      ['Democrat', 'org:democratic-party-us'],
    ]);
  });

  it('reads no body into a title-case headline by its head word (dev d38 headline)', () => {
    const text = 'Anti-Muslim Group Desecrates Quran, Iraqi Flag in Denmark\n\nThe group burned a copy of the Quran outside a mosque in Copenhagen on Saturday, police said.';
    expect(orgs(text)).toEqual([]);
  });

  it('does not read a person into an organisation\'s name (dev d03: no person "Azimio La Umoja")', () => {
    const people = link('Talks between the ruling Kenya Kwanza Alliance and opposition Azimio La Umoja One Kenya Coalition resumed on Monday.').mentions.filter((m) => m.kind === 'person');
    expect(people).toEqual([]);
  });
});

describe('news agencies: the copy\'s source is an organisation, a photo credit is not', () => {
  const entityKeys = (text: string) => link(text).entities.filter((e) => e.kind === 'organization').map((e) => e.key);

  it.each([
    ['a wire dateline (dev d16)', 'BEIJING, Aug. 31 (Xinhua) -- Chinese President Hu Jintao and his Philippine counterpart Benigno Aquino III held talks in Beijing Wednesday afternoon.', ['org:xinhua']],
    ['a copyright line under the story (dev d15)', 'Xi said the two leaders should maintain regular and close communications and exchange candid views on fundamental issues.\n\n© Copyright 2024 PTI. All rights reserved.', ['org:pti']],
    ['a credit closing the last paragraph (dev d24)', 'Belgrade and Pristina have both raised the idea of redrawing their border. – Reuters', ['org:reuters']],
    ['a photographer and agency closing a caption (dev d15)', 'US President Barack Obama and China\'s President Xi Jinping wave to students at the Great Hall of the People in Beijing. Photograph: Petar Kujundzic/Reuters', []],
    ['an agency in square brackets after a caption (dev d34)', 'Samaras, the opposition leader, has called for \'immediate\' elections [Reuters]', []],
    ['an agency after a caption\'s dash (dev d10)', 'May and Trump - PA\n\nDonald Trump\'s state visit to the UK has been postponed until next year, it has been confirmed.', []],
  ])('%s', (_, text, expected) => {
    expect(entityKeys(text)).toEqual(expected);
  });
});
