// Sentence splitting: real news sentences split where a reader would, and runs of punctuation cost linear time.
import { splitSentences } from '../../src/nlp/sentences.js';

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    // dev d01: a quote ending in a comma does not end the sentence; "Mr" without a dot
    [
      '"Meeting with a very special friend, FM @ABZayed of UAE. Such a strong relationship, so much to talk about," Mr Jaishankar tweeted after holding discussions with his counterpart in UAE in New York.',
      ['"Meeting with a very special friend, FM @ABZayed of UAE.', 'Such a strong relationship, so much to talk about," Mr Jaishankar tweeted after holding discussions with his counterpart in UAE in New York.'],
    ],
    // dev d02: an initial ("S. Jaishankar") is not a boundary
    [
      'The External Affairs Minister S. Jaishankar has held 11 bilateral meetings with his foreign counterparts. The MEA has said so.',
      ['The External Affairs Minister S. Jaishankar has held 11 bilateral meetings with his foreign counterparts.', 'The MEA has said so.'],
    ],
    // dev d15: a question mark ends a sentence
    ["What strained ties? It's all smiles as Obama meets China' Xi", ['What strained ties?', "It's all smiles as Obama meets China' Xi"]],
    // dev d32: a curly apostrophe inside, a full stop before the next capital
    [
      'It is not Rabuka’s first visit to the country as PM. Previously holding the office of prime minister between 1992 to 1999, Rabuka visited New Zealand in 1998.',
      ['It is not Rabuka’s first visit to the country as PM.', 'Previously holding the office of prime minister between 1992 to 1999, Rabuka visited New Zealand in 1998.'],
    ],
    // dev d09: "Mr." is an abbreviation
    ['The ministry said that Mr. Modi will no longer visit. India gave no reason.', ['The ministry said that Mr. Modi will no longer visit.', 'India gave no reason.']],
    // a run of punctuation ends one sentence, a closing quote stays with it
    ['He paused... Then he left?! "No," she said. "Never." It was over.', ['He paused...', 'Then he left?!', '"No," she said.', '"Never."', 'It was over.']],
  ])('%s', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each(['.', '!', '?', '.!?'])('splits 2 MB of "%s" in linear time', (unit) => {
    const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const started = performance.now();
    expect(splitSentences(`${text} Then.`).map((s) => s.text)).toEqual([text, 'Then.']);
    // Quadratic matching took minutes on this input; linear takes tens of milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
