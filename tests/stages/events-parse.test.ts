// The events stage parses every trigger clause of an article in one compromise call: each clause must read exactly as
// it does parsed alone (the same verb phrases, offsets and grammar), whatever stands before or after it.
import { parseVerbsOfEach, type VerbPhrase } from '../../src/stages/events/modality.js';

// Real sentences: the dev set (Egypt, Guyana, Afghanistan pages) and CoNLL-2003 eng.train.
const SENTENCES = [
  'The two leaders will lead their respective delegations in bilateral talks where they will discuss issues of trade, security and immigration.',
  'It has been reported that Egypt did not allow him to leave out of fear that he may meet with its political opponents.',
  'New Delhi has formally informed Georgetown that Prime Minister of India Narendra Modi will no longer be visiting Guyana as planned in early December.',
  'In March, the Ministry of the Presidency announced that Modi would be visiting later this year.',
  'This will be the second time that the Muttaqi-led delegation will meet European representatives',
  'Chinese Vice Premier Zhu Rongji met visiting Hungarian Prime Minister Gyula Horn on Tuesday.',
];

const shape = (v: VerbPhrase) => ({ start: v.start, end: v.end, text: v.text, infinitive: v.infinitive, form: v.form, tense: v.tense, auxiliary: v.auxiliary, negative: v.negative });

describe('one parse for many clauses', () => {
  const text = SENTENCES.join(' ');
  const windows = SENTENCES.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }));
  const together = parseVerbsOfEach(text, windows);

  it.each(SENTENCES.map((s, i) => [i, s]))('clause %i reads as it does alone: %s', (i) => {
    const alone = parseVerbsOfEach(text, [windows[i]])[0];
    expect(alone.length).toBeGreaterThan(0);
    expect(together[i].map(shape)).toEqual(alone.map(shape));
  });

  it('gives offsets in the article, each phrase inside its own clause', () => {
    together.forEach((phrases, i) => {
      for (const v of phrases) {
        expect(v.start).toBeGreaterThanOrEqual(windows[i].start);
        expect(v.end).toBeLessThanOrEqual(windows[i].end);
        expect(text.slice(v.start, v.end)).toBe(v.text);
      }
    });
  });

  it('reads tense, negation and modals', () => {
    const byText = new Map(together.flat().map((v) => [v.text, v]));
    expect(byText.get('will lead')).toMatchObject({ infinitive: 'lead', auxiliary: 'will' });
    expect(byText.get('did not allow')).toMatchObject({ infinitive: 'allow', negative: true });
    expect(byText.get('may meet')).toMatchObject({ infinitive: 'meet', form: 'modal-infinitive', auxiliary: 'may' });
    expect([...byText.keys()].some((k) => /would be visiting/.test(k))).toBe(true);
  });

  it('gives no phrases for no clauses, and an empty list for a clause of no words', () => {
    expect(parseVerbsOfEach(text, [])).toEqual([]);
    expect(parseVerbsOfEach('   ', [{ start: 0, end: 3 }])).toEqual([[]]);
  });
});
