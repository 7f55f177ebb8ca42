// Document date: ISO datelines of wire copy (CoNLL-2003 training stories), and a dateline that contradicts the metadata.
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { matchDateline } from '../../src/stages/clean/datelines.js';
import { resolveTimeExpressions } from '../../src/stages/dates/index.js';
import { dateAndLinkArticle } from '../../src/stages/document-date.js';
import type { RawArticle } from '../../src/types.js';

const kb = loadKnowledgeBase();

// CoNLL-2003 stories as paragraphs: headline, dateline, body (eng.train, tokenised as the corpus gives them)
const TAIWAN = [
  'China says Taiwan spoils atmosphere for talks .',
  'BEIJING 1996-08-22',
  'China on Thursday accused Taipei of spoiling the atmosphere for a resumption of talks across the Taiwan Strait with a visit to Ukraine by Taiwanese Vice President Lien Chan this week that infuriated Beijing .',
].join('\n\n');
const ARAFAT = [
  "Israel approves Arafat 's flight to West Bank .",
  'JERUSALEM 1996-08-22',
  'Israel gave Palestinian President Yasser Arafat permission on Thursday to fly over its territory to the West Bank , ending a brief Israeli-PLO crisis , an Arafat adviser said .',
].join('\n\n');
const BOND = ['BayerVB sets C$ 100 million six-year bond .', 'LONDON 1996-08-22', 'The following bond was announced by lead manager Toronto Dominion .'].join('\n\n');

function raw(text: string, published: string | null): RawArticle {
  return { meta: { id: 't', title: null, url: null, published, source: null, language: 'en', file: 't.txt' }, text, format: 'txt' };
}

function dated(text: string, published: string | null) {
  return dateAndLinkArticle(cleanArticle(raw(text, published)).article, kb);
}

describe('ISO datelines', () => {
  it.each<[string, string]>([
    ['BRUSSELS 1996-08-22', '1996-08-22'],
    ['RIO DE JANEIRO 1996-08-22', '1996-08-22'],
    ['WELLINGTON, New Zealand 1996-08-23', '1996-08-23'],
    ['ST HELENS , England 1996-08-26', '1996-08-26'],
    ['NEW YORK 2022-02-01 - The talks began on Tuesday.', '2022-02-01'],
  ])('%s -> %s', (line, date) => {
    expect(matchDateline(line, null)?.date).toBe(date);
  });

  // wire copy with the place in title case (dev set d08, IANS): the agency in brackets and the date make it a dateline
  it.each<[string, string, string]>([
    ['Kabul/Doha, Feb 15 (IANS) A Taliban delegation headed by acting Foreign Minister Amir Khan Muttaqi met envoys', 'Kabul/Doha, Feb 15 (IANS)', '2022-02-15'],
    ['Beijing, June 7 (Xinhua) -- Chinese President Hu Jintao held talks', 'Beijing, June 7 (Xinhua) --', '2022-06-07'],
  ])('a title-case wire dateline: %s', (line, dateline, date) => {
    expect(matchDateline(line, '2022-06-08')).toEqual({ length: dateline.length, date });
  });

  it.each([
    ['a title-case place and date need an agency', 'Washington, March 3 (the day of the vote) was chosen'],
    ['a headline in capitals is not a dateline', 'GREEK SOCIALISTS GIVE GREEN LIGHT TO PM FOR ELECTIONS .'],
    ['a place alone is not a dated dateline', 'BANGKOK'],
  ])('%s: %s', (_name, line) => {
    expect(matchDateline(line, null)?.date ?? null).toBeNull();
  });

  it.each<[string, string, string]>([
    ['China on Thursday accused Taipei', TAIWAN, '1996-08-22'],
    ['permission on Thursday to fly', ARAFAT, '1996-08-22'],
  ])('a story without metadata takes its dateline, and its weekdays resolve against it: %s', (_name, text, date) => {
    const result = dated(text, null);
    expect(result.documentDate).toMatchObject({ date, source: 'dateline' });
    const thursday = resolveTimeExpressions(text, { anchor: result.documentDate.date }).expressions.find((e) => e.text === 'Thursday');
    expect(thursday).toMatchObject({ date: '1996-08-22', rule: 'weekday-anchor' });
  });
});

describe('a dateline that contradicts the metadata', () => {
  it.each<[string, string, string, string, 'dateline' | 'metadata']>([
    // "on Thursday" fits a Thursday dateline, not metadata that says Tuesday 27 August
    ['the weekdays fit the dateline', '1996-08-27', TAIWAN, '1996-08-22', 'dateline'],
    ['the weekdays fit the dateline', '1996-08-26', ARAFAT, '1996-08-22', 'dateline'],
    // no weekday to go by: the metadata stays, and the report still says so
    ['nothing to go by', '1996-08-30', BOND, '1996-08-30', 'metadata'],
  ])('%s (published %s): a diagnostic, and the better-fitting date', (_name, published, text, date, source) => {
    const result = dated(text, published);
    expect(result.documentDate).toMatchObject({ date, source });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ stage: 'dates', code: 'dateline-conflict', severity: 'warning' });
    expect(result.diagnostics[0].message).toContain(`contradicts the published date ${published}`);
  });

  it.each<[string, string, string]>([
    ['a dateline that agrees within a day (time zones)', TAIWAN, '1996-08-23'],
    // a dated related headline under the story (dev set d10, Holyrood) is not the story's dateline
    [
      'a date under a related headline',
      [
        'Donald Trump state visit postponed to 2018',
        "Donald Trump's state visit to the UK has been postponed until next year, it has been confirmed.",
        "Senior Downing Street sources last night admitted to Holyrood's sister site Politics Home that the original plan for it to happen this summer has officially been ditched.",
        'Related Articles',
        'EU backs Theresa May on Russia and prepares to expel diplomats\n23 March 2018',
      ].join('\n\n'),
      '2017-07-11',
    ],
  ])('no conflict: %s', (_name, text, published) => {
    const result = dated(text, published);
    expect(result.documentDate).toMatchObject({ date: published, source: 'metadata' });
    expect(result.diagnostics).toEqual([]);
  });
});
