// People the KB lacks keep one key across articles when their names agree (dev set d03/d04, d18-d20, d21/d22, d28-d30).
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { extractArticleFacts } from '../../src/pipeline/extract.js';
import { PersonIdentities } from '../../src/stages/link/identities.js';
import type { ArticleFacts, RawArticle } from '../../src/types.js';

const kb = loadKnowledgeBase();
const facts = (id: string, text: string): ArticleFacts => {
  const raw: RawArticle = { meta: { id, title: null, url: null, published: '2023-08-18', source: null, language: null, file: id }, text, format: 'txt' };
  return extractArticleFacts(raw, kb);
};
const personKeys = (f: ArticleFacts, name: string) => f.entities.filter((e) => e.kind === 'person' && [e.label, ...e.aliases].includes(name)).map((e) => e.key);

describe('one person the KB lacks keeps one key across articles', () => {
  it.each([
    ['Delaware Senator Chris Andrew Coons met the delegation on Friday.', 'Senator Chris Coons said the talks had gone well.', 'Chris Coons'],
    ['Uruguay’s president Luis Lacalle said he would attend the summit.', 'The president of Uruguay, Luis Alberto Lacalle Pou, said he would attend.', 'Luis Alberto Lacalle Pou'],
    ['The delegation was led by APC National Chairman John Oyegun, who spoke to reporters.', 'The delegation was led by the National Chairman of the party, Chief John Odigie-Oyegun, who spoke.', 'John Odigie-Oyegun'],
    ['Fiji’s Prime Minister Josaia Voreqe Bainimarama welcomed the minister.', 'Prime Minister Voreqe Bainimarama welcomed the minister.', 'Voreqe Bainimarama'],
  ])('%s / %s', (first, second, name) => {
    const identities = new PersonIdentities();
    const a = identities.unify(facts('a1', first));
    const b = identities.unify(facts('a2', second));
    const earlier = a.entities.filter((e) => e.kind === 'person').map((e) => e.key);
    expect(personKeys(b, name)).toHaveLength(1);
    expect(earlier).toContain(personKeys(b, name)[0]);
  });

  it.each([
    // A different first name, a surname alone, a typo: each may be someone else in another story.
    ['President Uhuru Kenyatta received the envoy.', 'The late President Jomo Kenyatta founded the party.', 'Jomo Kenyatta'],
    ['Chairman Rochas Okorocha met the governors.', 'Governor Okorocha met the delegation.', 'Okorocha'],
    ['Tajik Foreign Minister Siorjiddin Muhriddin met him.', 'Tajik Foreign Minister Sirojiddin Muhriddin met him.', 'Sirojiddin Muhriddin'],
  ])('keeps apart %s / %s', (first, second, name) => {
    const identities = new PersonIdentities();
    const a = identities.unify(facts('a1', first));
    const b = identities.unify(facts('a2', second));
    const earlier = a.entities.filter((e) => e.kind === 'person').map((e) => e.key);
    expect(personKeys(b, name).filter((k) => earlier.includes(k))).toEqual([]);
  });

  it('renames the person in the events and offices of the later article too', () => {
    const identities = new PersonIdentities();
    const a = identities.unify(facts('a1', 'Delaware Senator Chris Andrew Coons met President William Ruto on Friday.'));
    const b = identities.unify(facts('a2', 'Senator Chris Coons met President William Ruto in Nairobi on Friday.'));
    const key = a.entities.find((e) => e.label === 'Chris Andrew Coons')!.key;
    const used = [...b.events.flatMap((e) => e.participants), ...b.offices.map((o) => o.person)];
    expect(used).not.toContain('person:chris-coons');
    expect(b.entities.map((e) => e.key)).toContain(key);
  });
});
