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
    ['a relative clause about another party', 'New Zealand Foreign Affairs Minister, Nanaia Mahuta will visit our shores next week. Her visit is the second in as many weeks for a high-level delegation from New Zealand to arrive in Fiji, following the recent visit of NZ Minister for Defense, Peeni Henare, who departed earlier this week after a three-day visit.', '2022-03-25', 'person:nanaia-mahuta', 'earlier this week', 'person:peeni-henare'],
  ])('does not take %s', (_name, text, published, party, phrase, without) => {
    expect(datedBy(text, published, party, without)).not.toContain(phrase);
  });

  it.each<[string, string, string, string, string]>([
    // d10: the holiday in the leading phrase
    ['a holiday', 'Theresa May passed on the invitation from the Queen to the US president when she visited the White House in January. In a follow-up phone call on Valentine\'s Day, the Prime Minister told him she looked forward to him coming to Britain "later this year".', '2017-07-11', 'person:donald-trump', "Valentine's Day"],
  ])('takes %s', (_name, text, published, party, phrase) => {
    expect(datedBy(text, published, party)).toContain(phrase);
  });

  it('a title-case wire dateline (d08) is the report\'s date, not the meeting\'s day', () => {
    const text = 'Kabul/Doha, Feb 15 (IANS) A Taliban delegation headed by acting Foreign Minister Amir Khan Muttaqi met envoys of the Gulf states in Doha during which the two sides held discussions on a number of issues.';
    const meeting = eventsOf(text, '2022-02-15').find((e) => e.participants.includes('person:amir-khan-muttaqi'));
    expect(meeting?.date.precision).not.toBe('day');
  });
});

