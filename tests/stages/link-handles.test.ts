// Handles and houses (dev d21): "@MBuhari" is the Buhari the article names; "Abuja House, London" is a building in London,
// not Abuja. Neither CoNLL eng.train nor the other dev pages have such a sentence, so the rows are d21's.
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { linkMentions } from '../../src/stages/link/index.js';
import type { RawArticle } from '../../src/types.js';

function link(text: string) {
  const raw: RawArticle = { meta: { id: 'test', title: null, url: null, published: null, source: null, language: null, file: 'test.txt' }, text, format: 'txt' };
  return linkMentions(cleanArticle(raw).article, '2017-07-23', loadKnowledgeBase());
}

const D21 = 'The Presidency has confirmed the visit of a delegation to see ailing President Muhammadu Buhari in Abuja House, London on Sunday.';

describe('a handle spelling a person the article names is that person', () => {
  it.each([
    ['initial and surname', `${D21}\n\n“President @MBuhari this afternoon received a delegation of APC Governors and leaders in Abuja House, London.`, ['@MBuhari', 'person:muhammadu-buhari']],
    ['the whole name run together', `${D21}\n\n“President @MuhammaduBuhari this afternoon received a delegation of APC Governors and leaders.`, ['@MuhammaduBuhari', 'person:muhammadu-buhari']],
  ])('%s', (_, text, want) => {
    expect(link(text).mentions.filter((m) => m.text.startsWith('@')).map((m) => [m.text, m.key])).toEqual([want]);
  });

  it('a handle the article ties to no name stays unlinked ("Min @ChibuikeAmaechi", no Amaechi named)', () => {
    const text = `${D21}\n\n“The delegation hosted to lunch by the President incl Party Chairman John Oyegun; Govs of Imo, Kaduna, Kogi, Nasarawa, & Min @ChibuikeAmaechi`;
    expect(link(text).mentions.filter((m) => m.text.startsWith('@'))).toEqual([]);
  });
});

describe('a house named after a place is not the place', () => {
  it.each([
    ['"in Abuja House, London": London, not Abuja nor Nigeria', D21, ['place:london'], ['country:GB']],
    ['"at State House Nairobi": the town after the house is the town (d04)', 'Nairobi - President William Ruto has hosted United States senator Chris Coons at State House Nairobi.', ['place:nairobi', 'place:nairobi'], ['country:KE', 'country:US', 'country:KE']],
  ])('%s', (_, text, places, countries) => {
    const linked = link(text);
    expect(linked.places.map((p) => p.key)).toEqual(places);
    expect(linked.mentions.filter((m) => m.kind === 'country').map((m) => m.key)).toEqual(countries);
  });
});
