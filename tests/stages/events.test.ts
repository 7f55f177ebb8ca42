// Events on real sentences with pinned document dates: each trigger form, participants, status, location and date.
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { eventsOf } from '../helpers/events.js';
import type { EventFact } from '../../src/types.js';

const kb = loadKnowledgeBase();

const events = (text: string, published: string | null): EventFact[] => eventsOf(kb, text, published);

interface Expected {
  type: string;
  participants: string[];
  status: string;
  date?: string | null;
  range?: [string, string];
  location?: string;
  hedged?: boolean;
}

const P = {
  putin: 'person:vladimir-putin', orban: 'person:viktor-orban', trump: 'person:donald-trump', biden: 'person:joe-biden', zelensky: 'person:volodymyr-zelensky',
  rubio: 'person:marco-rubio', lavrov: 'person:sergei-lavrov', stoltenberg: 'person:jens-stoltenberg', scholz: 'person:olaf-scholz', macron: 'person:emmanuel-macron', erdogan: 'person:recep-tayyip-erdogan',
};

const CASES: [string, string, string | null, Expected][] = [
  ['"said ... in a telephone conversation with"', 'Russian President Vladimir Putin said this in a telephone conversation with Hungarian Prime Minister Viktor Orbán on Wednesday.', '2024-12-11', { type: 'call', participants: [P.putin, P.orban], status: 'occurred', date: '2024-12-11' }],
  ['"held a telephone call" with "the two presidents"', 'Hungary welcomes the dialogue between Russian President Vladimir Putin and US leader Joe Biden. On Thursday, the two presidents held a telephone call to discuss escalating tensions over Ukraine.', '2021-12-31', { type: 'call', participants: [P.putin, P.biden], status: 'occurred', date: '2021-12-30' }],
  ['"spoke by phone with"', 'German Chancellor Olaf Scholz spoke by phone with Russian President Vladimir Putin on Friday, their first call in nearly two years.', '2024-11-15', { type: 'call', participants: [P.scholz, P.putin], status: 'occurred', date: '2024-11-15' }],
  ['"had a telephone conversation" with named presidents', 'On the evening of 16 October, the presidents of Russia and the United States, Vladimir Putin and Donald Trump, had a telephone conversation.', '2025-10-17', { type: 'call', participants: [P.putin, P.trump], status: 'occurred', date: '2025-10-16' }],
  ['"Good call with" in a signed post', 'Good call with PM Viktor Orbán of our staunch Ally #Hungary. — Jens Stoltenberg (@jensstoltenberg) January 31, 2022', '2022-02-01', { type: 'call', participants: [P.orban, P.stoltenberg], status: 'occurred', date: '2022-01-31' }],
  ['"met with" and a vague week', 'Orban met with re-elected US President Donald Trump in Florida earlier this week.', '2024-12-11', { type: 'meeting', participants: [P.orban, P.trump], status: 'occurred', range: ['2024-12-09', '2024-12-10'], location: 'place:florida' }],
  ['"arrived in Moscow ... to meet"', "Hungary's Prime Minister Viktor Orban arrived in Moscow on Tuesday to meet Russian President Vladimir Putin.", '2022-02-01', { type: 'meeting', participants: [P.orban, P.putin], status: 'occurred', date: '2022-02-01', location: 'place:moscow' }],
  ['"arrived in" is also a visit, the host a participant', "Hungary's Prime Minister Viktor Orban arrived in Moscow on Tuesday to meet Russian President Vladimir Putin.", '2022-02-01', { type: 'visit', participants: [P.orban, 'country:RU'], status: 'occurred', date: '2022-02-01' }],
  ['"is set to meet"', 'Additionally, U.S. Secretary of State Marco Rubio is set to meet with Russian Foreign Minister Sergei Lavrov to finalize details regarding the summit.', '2025-10-17', { type: 'meeting', participants: [P.rubio, P.lavrov], status: 'planned', date: null }],
  ['"plans to meet ... in Hungary"', 'U.S. President Donald Trump announced plans to meet with Russian President Vladimir Putin in Hungary.', '2025-10-17', { type: 'meeting', participants: [P.trump, P.putin], status: 'planned' }],
  ['"expected to meet ... within two weeks"', 'Trump indicated that he expected to meet Putin in Budapest within two weeks.', '2025-10-17', { type: 'meeting', participants: [P.trump, P.putin], status: 'planned', range: ['2025-10-17', '2025-10-31'], location: 'place:budapest' }],
  ['"would convene"', 'Trump stated that he and Putin would convene to discuss ways to end the conflict between Russia and Ukraine.', '2025-10-17', { type: 'meeting', participants: [P.trump, P.putin], status: 'planned' }],
  ['"hosted"', 'Turkish President Recep Tayyip Erdogan hosted Ukrainian President Volodymyr Zelensky in Ankara on Tuesday.', '2025-11-19', { type: 'meeting', participants: [P.erdogan, P.zelensky], status: 'occurred', date: '2025-11-18', location: 'place:ankara' }],
  ['"scheduled to host ... at the White House"', 'This remark came just a day before Trump was scheduled to host Ukraine’s leader at the White House.', '2025-10-17', { type: 'meeting', participants: [P.trump, P.zelensky], status: 'planned' }],
  ['"negotiations between Moscow and Washington are scheduled for 10 January"', 'The negotiations on security guarantees between Moscow and Washington are scheduled for 10 January.', '2021-12-31', { type: 'meeting', participants: ['country:RU', 'country:US'], status: 'planned', date: '2022-01-10' }],
  ['"a Russia-NATO Council meeting" after a comma', 'The negotiations between Moscow and Washington are scheduled for 10 January, followed by a Russia-NATO Council meeting on 12 January.', '2021-12-31', { type: 'meeting', participants: ['country:RU', 'org:nato'], status: 'planned', date: '2022-01-12' }],
  ['"the summit of ... the following day"', 'Talks are scheduled for 12 January, and the summit of Russia and the Organization for Security and Cooperation in Europe (OSCE) the following day.', '2021-12-31', { type: 'summit', participants: ['country:RU', 'org:osce'], status: 'planned', date: '2022-01-13' }],
  ['"a summit in Budapest" between two leaders', 'Budapest has been chosen as the venue for the Putin-Trump summit.', '2025-10-17', { type: 'summit', participants: [P.putin, P.trump], status: 'planned' }],
  ['"negotiated in July" (the year from the document date)', 'The server added that Putin and Orbán last negotiated in July.', '2024-12-11', { type: 'meeting', participants: [P.putin, P.orban], status: 'occurred', date: '2024-07' }],
  ['"a rocky first encounter in February"', 'Zelensky’s standing with Trump has improved following a rocky first encounter in February.', '2025-10-17', { type: 'meeting', participants: [P.zelensky, P.trump], status: 'occurred', date: '2025-02' }],
  ['"his visit to Hungary in April"', 'Orban assured Israeli Prime Minister Benjamin Netanyahu during his visit to Hungary in April that he would not execute the warrant.', '2025-10-17', { type: 'visit', participants: ['person:benjamin-netanyahu', 'country:HU'], status: 'occurred', date: '2025-04' }],
  ['"will visit ... next week"', 'French President Emmanuel Macron will visit China next week.', '2023-03-31', { type: 'visit', participants: [P.macron, 'country:CN'], status: 'planned', range: ['2023-04-03', '2023-04-09'] }],
  ['"could take place" is planned and hedged', 'A meeting between Vladimir Putin and Donald Trump could take place in Budapest.', '2025-10-17', { type: 'meeting', participants: [P.putin, P.trump], status: 'planned', hedged: true }],
  ['"called off" is cancelled', 'Donald Trump called off the planned summit with Vladimir Putin in Budapest.', '2025-10-22', { type: 'summit', participants: [P.trump, P.putin], status: 'cancelled' }],
];

describe('events from real sentences', () => {
  it.each(CASES)('%s', (_, text, published, want) => {
    const found = events(text, published).filter((e) => e.type === want.type);
    const match = found.find((e) => want.participants.every((p) => e.participants.includes(p)));
    expect(match).toBeDefined();
    expect(match!.status).toBe(want.status);
    if (want.date !== undefined) expect(match!.date.date).toBe(want.date);
    if (want.range) expect([match!.date.dateStart, match!.date.dateEnd]).toEqual(want.range);
    if (want.location) expect(match!.location).toBe(want.location);
    if (want.hedged !== undefined) expect(match!.hedged).toBe(want.hedged);
    // Every event cites the exact words of the article.
    for (const s of match!.evidence) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });
});

describe('what is not an event', () => {
  it.each([
    ['a definite noun with no parties of its own', 'First, the conversation was initiated by the Russian side.', '2025-10-17'],
    ['a meeting of one party with companies', 'He stated he would also meet with U.S. defense companies about air defense supplies.', '2025-10-17'],
    ['the parties of a summit are not its topic', 'Holding the summit in Budapest also avoids the International Criminal Court’s arrest warrant for Putin.', '2025-10-17'],
    ['a qualifier is not a party', 'It is the first time a member of the European Union has met Putin in person.', '2022-02-01'],
  ])('%s', (_, text, published) => {
    expect(events(text, published)).toEqual([]);
  });

  it('a relative date stays unknown without a document date: no date is better than a wrong one', () => {
    const [call] = events('On Thursday, Russian President Vladimir Putin and US President Joe Biden held a telephone call.', null);
    expect(call.participants).toEqual([P.putin, P.biden]);
    expect(call.date.precision).toBe('unknown');
  });
});
