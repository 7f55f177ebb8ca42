// Event dates on real news sentences (dev set): which time expression an event takes, through the whole per-article
// pipeline (src/stages/events/dates.ts picks it; the rules of src/stages/dates resolve it).
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { extractArticleFacts } from '../../src/pipeline/extract.js';

describe('event dates: the time expression that governs the trigger', () => {
  const kb = loadKnowledgeBase();
  const eventsOf = (text: string, published: string) =>
    extractArticleFacts({ meta: { id: 't', title: null, url: null, published, source: null, language: 'en', file: 't.txt' }, text, format: 'txt' }, kb).events;

  const datedBy = (text: string, published: string, party: string, without: string | null = null) => {
    const events = eventsOf(text, published).filter((e) => e.participants.includes(party) && !(without && e.participants.includes(without)));
    expect(events.length).toBeGreaterThan(0);
    return events.map((e) => e.dateEvidence?.text ?? null);
  };

  it.each<[string, string, string, string, string, string | null]>([
    // d39: "On Monday" dates the media's report; the visit it tells of was set for later
    ['the report, not the visit it tells of', 'An official visit of Iranian Foreign Minister Mohamad Javad Zarif to Turkey that was scheduled for Tuesday has been canceled. On Monday, media reported that Zarif would pay an official visit to Turkey to hold a meeting with Qatari and Turkish high-level diplomats.', '2020-09-22', 'person:mohammad-javad-zarif', 'Monday', null],
    // d19: "since assuming the presidency last year" is when a span began
    ['a since-phrase', 'Next Tuesday (9), Lula will land in Santa Cruz de La Sierra, Bolivia. In his first visit to the country since assuming the presidency last year, Lula will participate in an official visit and a restricted meeting with President Luis Arce.', '2024-07-07', 'person:luis-arce', 'last year', null],
    // d29: the relative clause tells of Henare, not of her visit
    ['a relative clause about another party', 'NZ Foreign Affairs Minister to visit Fiji\n\nNew Zealand Foreign Affairs Minister, Nanaia Mahuta will visit our shores next week. Her visit is the second in as many weeks for a high-level delegation from New Zealand to arrive in Fiji, following the recent visit of NZ Minister for Defense, Peeni Henare, who departed earlier this week after a three-day visit.', '2022-03-25', 'person:nanaia-mahuta', 'earlier this week', 'person:peeni-henare'],
  ])('does not take %s', (_name, text, published, party, phrase, without) => {
    expect(datedBy(text, published, party, without)).not.toContain(phrase);
  });

  it.each<[string, string, string, string, string]>([
    // d10: the holiday in the leading phrase
    // d10: "it" is the visit just told of; its plan was for this summer
    ['the time "it" was to happen', 'Donald Trump\'s state visit to the UK has been postponed until next year, it has been confirmed.\n\nSenior Downing Street sources last night admitted to Holyrood\'s sister site Politics Home that the original plan for it to happen this summer has officially been ditched.', '2017-07-11', 'person:donald-trump', 'this summer'],
    ['a holiday', 'Theresa May passed on the invitation from the Queen to the US president when she visited the White House in January. In a follow-up phone call on Valentine\'s Day, the Prime Minister told him she looked forward to him coming to Britain "later this year".', '2017-07-11', 'person:donald-trump', "Valentine's Day"],
  ])('takes %s', (_name, text, published, party, phrase) => {
    expect(datedBy(text, published, party)).toContain(phrase);
  });

  it('a title-case wire dateline (d08) is the report\'s date, not the meeting\'s day', () => {
    const text = 'Kabul/Doha, Feb 15 (IANS) A Taliban delegation headed by acting Foreign Minister Amir Khan Muttaqi met envoys of the Gulf states in Doha during which the two sides held discussions on a number of issues.';
    const meeting = eventsOf(text, '2022-02-15').find((e) => e.participants.includes('person:amir-khan-muttaqi'));
    expect(meeting?.date.precision).not.toBe('day');
  });

  const D28 = 'Foreign Affairs Minister Nanaia Mahuta departs for Fiji next week, her first trip to the Pacific since announcing New Zealand’s Pacific Resilience approach last year.\n\nWhile in Fiji, Minister Mahuta will meet with Prime Minister and Minister of Foreign Affairs Josaia Voreqe Bainimarama.\n\nThe Foreign Minister departs on Monday subject to the Fijian Government’s COVID-19 protocols, and will return on 31 March.';
  const D16 = 'BEIJING, Aug. 31 (Xinhua) -- Chinese President Hu Jintao and his Philippine counterpart Benigno Aquino III held talks in Beijing Wednesday afternoon.\n\nHu hosted a red-carpet welcome ceremony for Aquino, who is on his first state visit to China, at the Great Hall of the People before their formal talks.\n\nChinese ambassador Liu Jianchao said earlier that Aquino\'s delegation would group many business magnates and he would attend three business forums during the five-day visit.';
  const D08 = 'Kabul/Doha, Feb 15 (IANS) A Taliban delegation headed by acting Foreign Minister Amir Khan Muttaqi met envoys of the Gulf states in Doha during which the two sides held discussions on a number of issues.\n\nIn a statement after the meeting on Monday, the Ministry said the two sides "focused on discussions about political and economic situation".';
  const D38 = 'British Foreign Secretary James Cleverly Postpones Visit to China\n\nAccording to the news agency’s information, Cleverly\'s visit was originally planned for the end of July.';

  // Dates that other sentences of the article give a trip and its events (refineEventDates).
  it.each<[string, string, string, string, string, [string, string]]>([
    ['the days of its itinerary (d28)', D28, '2022-03-25', 'visit', 'itinerary', ['2022-03-28', '2022-03-31']],
    ['the trip\'s days for what happens "while in" its destination (d28)', D28, '2022-03-25', 'meeting', 'during-trip', ['2022-03-28', '2022-03-31']],
    ['its length around a day it was under way (d16: a five-day visit under way on 31 August)', D16, '2011-09-01', 'visit', 'trip-length', ['2011-08-27', '2011-09-04']],
    ['a later mention with its own time (d08: "after the meeting on Monday")', D08, '2022-02-15', 'meeting', 'later-mention:weekday-past', ['2022-02-14', '2022-02-14']],
    ['a later mention by its traveller (d38: "Cleverly\'s visit was originally planned for the end of July")', D38, '2023-07-23', 'visit', 'later-mention:end-of-month-name', ['2023-07-21', '2023-07-31']],
  ])('a trip or event takes %s', (_name, text, published, type, rule, [start, end]) => {
    const dated = eventsOf(text, published).filter((e) => e.type === type && e.dateEvidence?.rule === rule);
    expect(dated.length).toBeGreaterThan(0);
    for (const e of dated) expect([e.date.dateStart, e.date.dateEnd, e.dateInferred]).toEqual([start, end, false]);
  });

  it('"the Oslo talks last month" names another event: the planned talks keep no date (d08)', () => {
    const text = 'Besides the meeting with the Gulf envoys, the Ministry said that the delegation is also scheduled to hold talks with representatives of the European Union, the Union of Religious Scholars, and diplomatic missions operating from Qatar on behalf of Kabul, TOLO News reported.\n\nThis will be the second time that the Muttaqi-led delegation will meet European representatives following the Oslo talks last month.';
    const planned = eventsOf(text, '2022-02-15').filter((e) => e.status === 'planned');
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.map((e) => e.dateEvidence?.text ?? null)).not.toContain('last month');
  });
});
