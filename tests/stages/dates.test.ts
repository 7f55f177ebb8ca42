// Tables of real sentences with pinned document dates: each row names the phrase, the rule and the date it must resolve to.
import {
  addDays, addMonths, intersectRanges, monthRange, rangeDate, rangesOverlap, resolveTimeExpressions, sentenceTense, weekday,
  weekStart, dayDate, monthDate, UNKNOWN_DATE,
} from '../../src/stages/dates/index.js';
import { nlp, safely } from '../../src/nlp/compromise.js';
import type { TimeExpression } from '../../src/types.js';

// [sentence, anchor, phrase, rule, expected date ("2025-10-16", "2024-07", "2022") or [first, last] of a range]
type Row = [string, string | null, string, string, string | [string, string] | null];

function findPhrase(sentence: string, anchor: string | null, phrase: string): TimeExpression {
  const { expressions } = resolveTimeExpressions(sentence, { anchor });
  const found = expressions.find((expression) => expression.text === phrase);
  if (!found) throw new Error(`"${phrase}" not found; got ${JSON.stringify(expressions.map((e) => [e.text, e.rule]))}`);
  expect(sentence.slice(found.start, found.end)).toBe(found.text);
  expect(found.anchor).toBe(anchor);
  return found;
}

function expectDate(found: TimeExpression, expected: Row[4]): void {
  if (expected === null) {
    expect(found).toMatchObject({ precision: 'unknown', date: null, dateStart: null, dateEnd: null });
  } else if (Array.isArray(expected)) {
    expect(found).toMatchObject({ precision: 'range', date: null, dateStart: expected[0], dateEnd: expected[1] });
  } else if (expected.length === 10) {
    expect(found).toMatchObject({ precision: 'day', date: expected, dateStart: expected, dateEnd: expected });
  } else if (expected.length === 7) {
    const range = monthRange(Number(expected.slice(0, 4)), Number(expected.slice(5, 7)));
    expect(found).toMatchObject({ precision: 'month', date: expected, ...range });
  } else {
    expect(found).toMatchObject({ precision: 'year', date: expected, dateStart: `${expected}-01-01`, dateEnd: `${expected}-12-31` });
  }
}

const check = (sentence: string, anchor: string | null, phrase: string, rule: string, expected: Row[4]): void => {
  const found = findPhrase(sentence, anchor, phrase);
  expect(found.rule).toBe(rule);
  expectDate(found, expected);
};

describe('explicit dates', () => {
  it.each<Row>([
    ['On 17 December, Russia released proposals on security guarantees to NATO.', '2021-12-31', '17 December', 'explicit-day-month', '2021-12-17'],
    ['On 17 December, Russia released proposals on security guarantees to NATO.', null, '17 December', 'explicit-day-month', null],
    ['The negotiations on security guarantees between Moscow and Washington are scheduled for 10 January.', '2021-12-31', '10 January', 'explicit-day-month', '2022-01-10'],
    ['The negotiations are scheduled for 10 January, followed by a Russia-NATO Council meeting on 12 January.', '2021-12-31', '12 January', 'explicit-day-month', '2022-01-12'],
    ['On the evening of 16 October, the presidents of Russia and the United States had a telephone conversation.', '2025-10-17', 'the evening of 16 October', 'explicit-day-month', '2025-10-16'],
    ['The ceasefire talks resumed on 16 October in Doha.', '2025-10-17', '16 October', 'explicit-day-month', '2025-10-16'],
    ['The ministers met in Brussels on Oct. 16 to review the plan.', '2025-10-17', 'Oct. 16', 'explicit-day-month', '2025-10-16'],
    ['The leaders will meet again on December 3rd in Geneva.', '2025-10-17', 'December 3rd', 'explicit-day-month', '2025-12-03'],
    ['Jens Stoltenberg posted the message on January 31, 2022 from Brussels.', null, 'January 31, 2022', 'explicit-date', '2022-01-31'],
    ['The call took place on 31 January 2022, a NATO official said.', null, '31 January 2022', 'explicit-date', '2022-01-31'],
    ['Tuesday, Jun 24, 2025', '2021-12-31', 'Tuesday, Jun 24, 2025', 'explicit-date', '2025-06-24'],
    [' date 2022-02-01 Hungary\'s Prime Minister Viktor Orban arrived in Moscow on Tuesday.', null, '2022-02-01', 'iso-date', '2022-02-01'],
    ['Although Hungary announced its withdrawal from the ICC, it remains a member until June 2026.', '2025-10-17', 'June 2026', 'month-year', '2026-06'],
    ['In his latest shift regarding Russia\'s invasion in 2022, Trump indicated that he expected to meet Putin.', '2025-10-17', '2022', 'year', '2022'],
    ['Good call with PM Viktor Orbán of our staunch Ally #Hungary. — Jens Stoltenberg (@jensstoltenberg) January 31, 2022', '2022-02-01', 'January 31, 2022', 'tweet-signature', '2022-01-31'],
  ])('%s (anchor %s): "%s"', check);
});

describe('month names take the year from the anchor and the tense', () => {
  it.each<Row>([
    ['The server added that Putin and Orbán last negotiated in July, when the Hungarian prime minister traveled to Moscow.', '2024-12-11', 'July', 'month-name', '2024-07'],
    ['Zelensky’s standing with Trump has improved following a rocky first encounter in February, during which he was reprimanded.', '2025-10-17', 'February', 'month-name', '2025-02'],
    ['Orban assured Israeli Prime Minister Benjamin Netanyahu during his visit to Hungary in April that he would not execute the warrant.', '2025-10-17', 'April', 'month-name', '2025-04'],
    ['Orban met with re-elected US President Donald Trump in Florida earlier this week, who has pledged to reach a peace deal within hours of taking office in January.', '2024-12-11', 'January', 'month-name', '2025-01'],
    ['Trump’s relationship with Putin has had its ups and downs since he returned to the presidency in January.', '2025-10-17', 'January', 'month-name', '2025-01'],
    ['The two foreign ministers met in November in Vienna.', '2025-10-17', 'November', 'month-name', '2024-11'],
    ['The summit will be held in March in Geneva.', '2025-10-17', 'March', 'month-name', '2026-03'],
    ['Fighting intensified in mid-March, officials said.', '2025-10-17', 'mid-March', 'month-name', ['2025-03-11', '2025-03-20']],
    ['The two leaders met last July in Moscow.', '2024-12-11', 'last July', 'month-name-last', '2024-07'],
    ['The last round of talks was held in July.', null, 'July', 'month-name', null],
  ])('%s (anchor %s): "%s"', check);
});

describe('weekdays by tense', () => {
  it.each<Row>([
    ['U.S. President Donald Trump announced plans to meet with Russian President Vladimir Putin in Hungary following a “very productive” conversation on Thursday.', '2025-10-17', 'Thursday', 'weekday-past', '2025-10-16'],
    ['Zelensky expressed in Washington on Thursday that he hopes the recent momentum will aid in bringing an end to the war.', '2025-10-17', 'Thursday', 'weekday-past', '2025-10-16'],
    ['On Thursday, the two presidents held a telephone call to discuss escalating tensions over Ukraine and the upcoming talks on the issue.', '2021-12-31', 'Thursday', 'weekday-past', '2021-12-30'],
    ['He also reported that he would meet with Vladimir Zelensky in the Oval Office on Friday.', '2025-10-17', 'Friday', 'weekday-anchor', '2025-10-17'],
    ['Hungary\'s Prime Minister Viktor Orban arrived in Moscow on Tuesday to meet Russian President Vladimir Putin.', '2022-02-01', 'Tuesday', 'weekday-anchor', '2022-02-01'],
    ['NATO Secretary-General Jens Stoltenberg has posted a tweet on the matter on Monday.', '2022-02-01', 'Monday', 'weekday-past', '2022-01-31'],
    ['Russian President Vladimir Putin said this in a telephone conversation with Hungarian Prime Minister Viktor Orbán on Wednesday.', '2024-12-11', 'Wednesday', 'weekday-anchor', '2024-12-11'],
    ['The foreign ministers will meet in Geneva on Monday to prepare the summit.', '2025-10-17', 'Monday', 'weekday-future', '2025-10-20'],
    ['The two leaders spoke by phone last Friday.', '2025-10-17', 'last Friday', 'weekday-last', '2025-10-10'],
    ['Orban said he spoke with Trump on Thursday.', null, 'Thursday', 'weekday', null],
  ])('%s (anchor %s): "%s"', check);
});

describe('days, weeks, months and years relative to the anchor', () => {
  it.each<Row>([
    ['Further, earlier today, Kremlin spokesman Dmitry Peskov does not rule out a response.', '2022-02-01', 'earlier today', 'today', '2022-02-01'],
    ['"Journalists will ask questions today," Peskov said.', '2022-02-01', 'today', 'today', '2022-02-01'],
    ['The president will address the nation tonight.', '2025-10-17', 'tonight', 'today', '2025-10-17'],
    ['The Kremlin confirmed yesterday that the call had taken place.', '2025-10-17', 'yesterday', 'yesterday', '2025-10-16'],
    ['The delegations will arrive in Budapest tomorrow.', '2025-10-17', 'tomorrow', 'tomorrow', '2025-10-18'],
    ['Orban met with re-elected US President Donald Trump in Florida earlier this week.', '2024-12-11', 'earlier this week', 'this-week', ['2024-12-09', '2024-12-10']],
    ['The two sides exchanged proposals last week.', '2025-10-17', 'last week', 'last-week', ['2025-10-06', '2025-10-12']],
    ['It will be preceded by a meeting of high-level advisors from the two presidents, which will take place next week.', '2025-10-17', 'next week', 'next-week', ['2025-10-20', '2025-10-26']],
    ['Over the weekend, political opponents issued a unified statement saying the visit was contrary to the national interests.', '2022-02-01', 'Over the weekend', 'weekend', ['2022-01-29', '2022-01-30']],
    ['Exports fell sharply last month, the ministry said.', '2025-10-17', 'last month', 'last-month', '2025-09'],
    ['The agreement is expected to be signed next month.', '2024-12-11', 'next month', 'next-month', '2025-01'],
    ['Hungary will hold the rotating presidency this year.', '2024-12-11', 'this year', 'this-year', '2024'],
    ['The two leaders last met in person last year.', '2025-10-17', 'last year', 'last-year', '2024'],
    ['Journalists have calculated that this is the eighth telephone conversation between the two leaders since the beginning of the year.', '2025-10-17', 'since the beginning of the year', 'since-year-start', ['2025-01-01', '2025-10-17']],
    ['The leaders last spoke almost two months ago.', '2025-10-17', 'almost two months ago', 'ago', ['2025-08-17', '2025-09-01']],
    ['The talks collapsed three days ago.', '2025-10-17', 'three days ago', 'ago', '2025-10-14'],
    ['The leaders last spoke almost two months ago.', null, 'almost two months ago', 'ago', null],
  ])('%s (anchor %s): "%s"', check);
});

// One row per form of issue 14, each a real sentence: the dev set (dNN), TempEval-3 training (TBAQ-cleaned, document
// id and its creation date) or CoNLL-2003 training (dateline date), with that date pinned as the anchor.
describe('forms of real news (issue 14)', () => {
  it.each<Row>([
    // d08, 2022-02-15
    ['Late last year, the Foreign Minister had also visited Pakistan and Turkey.', '2022-02-15', 'Late last year', 'part-of-relative-year', ['2021-09-01', '2021-12-31']],
    // TimeBank APW19980219.0476
    ['But in June last year, the remaining leadership had a falling out, and Pol Pot was arrested.', '1998-02-19', 'June last year', 'month-relative-year', '1997-06'],
    // TimeBank WSJ900813-0157
    ['Pentagon officials say the goal is to put 40,000 troops in the region by the end of the month.', '1990-08-13', 'the end of the month', 'end-of-unit', ['1990-08-21', '1990-08-31']],
    // d38, 2023-07-23: the last third of the month, as "late July"
    ["According to the news agency’s information, Cleverly's visit was originally planned for the end of July.", '2023-07-23', 'the end of July', 'end-of-month-name', ['2023-07-21', '2023-07-31']],
    // CoNLL ISTANBUL 1996-08-22 (a Thursday: the days of the week before it)
    ['Turkish shares ended lower on Thursday , shedding gains of earlier in the week amid profit-taking sales , brokers said .', '1996-08-22', 'earlier in the week', 'earlier-in-the-week', ['1996-08-19', '1996-08-21']],
    // d29, 2022-03-25 (a Friday): Monday to Thursday
    ['following the recent visit of NZ Minister for Defense, Peeni Henare, who departed earlier this week after a three-day visit.', '2022-03-25', 'earlier this week', 'this-week', ['2022-03-21', '2022-03-24']],
    // AQUAINT APW20000115.0031: a year, not a window
    ['The protest marked a return to the larger demonstrations of early December, when hundreds of thousands of people rallied in some of Cuba\'s biggest gatherings since the triumph of the revolution that brought President Castro to power 41 years ago.', '2000-01-15', '41 years ago', 'ago', '1959'],
    // AQUAINT APW20000128.0316
    ['Tens of thousands of children flooded Havana\'s Plaza of the Revolution to deliver a dual homage to Marti and Elian, the 6-year-old Cuban whose rescue off Florida\'s coast two months ago set off a tug-of-war.', '2000-01-28', 'two months ago', 'ago', '1999-11'],
    // d03, 2023-08-18
    ['Mr Coons’ current engagements in Kenya are linked to the ongoing political negotiations to settle the 2022 post-election standoff.', '2023-08-18', '2022', 'year-bare', '2022'],
    // AQUAINT APW19990507.0207
    ['He also is charged in three Atlanta attacks, including the 1996 Olympic bombing that killed one person.', '1999-05-07', '1996', 'year-bare', '1996'],
    // d10, 2017-07-11
    ['Senior Downing Street sources last night admitted that the original plan for it to happen this summer has officially been ditched.', '2017-07-11', 'this summer', 'season-this', ['2017-06-01', '2017-08-31']],
    // AQUAINT APW19990507.0207
    ['Dr. Barnett Slepian, just back from synagogue, was heating soup in his kitchen last fall when a shot was fired.', '1999-05-07', 'last fall', 'season-last', ['1998-09-01', '1998-11-30']],
    // d10, 2017-07-11 ("last evening" reads the same way)
    ['A senior Government source last night finally conceded that President Trump\'s visit will definitely not take place until next year.', '2017-07-11', 'last night', 'yesterday', '2017-07-10'],
    // TimeBank APW19980322.0749: in March, this summer is still ahead
    ['Protesters pledge to participate in each others\' road-blocking protests this summer.', '1998-03-22', 'this summer', 'season-this', ['1998-06-01', '1998-08-31']],
    // AQUAINT APW19990507.0207: in apposition to the date it follows, the phrase is that date
    ['He was last seen Nov. 3, the day before authorities issued a material witness warrant in the Slepian shooting.', '1999-05-07', 'the day before', 'anaphora-apposition', '1998-11-03'],
    // d15, 2014-11-12
    ['Chinese President Xi Jinping on Wednesday held formal talks with his US counterpart Barack Obama, a day after the two leaders pledged to push forward a new type of major power relations.', '2014-11-12', 'a day after', 'anaphora-apposition', '2014-11-12'],
    // seed 003, 2025-10-17: the last date is the remark's; the phrase dates the hosting it introduces, a day later
    ['U.S. President Donald Trump announced plans to meet with Russian President Vladimir Putin in Hungary following a “very productive” conversation on Thursday. This remark came just a day before Trump was scheduled to host Ukraine’s leader at the White House.', '2025-10-17', 'a day before', 'anaphora-complement', '2025-10-17'],
    // CoNLL BEIJING 1996-08-27
    ['China held on July 29 what it said would be its last nuclear test before a self-imposed moratorium that took effect the following day .', '1996-08-27', 'the following day', 'anaphora-next-day', '1996-07-30'],
    // the called-off visit: the planned days, whatever the cancellation's tense
    ['The president called off his planned Oct. 4-5 visit to Budapest.', '2025-09-30', 'Oct. 4-5', 'explicit-day-range', ['2025-10-04', '2025-10-05']],
    // d19, 2024-07-07: a weekday with its day of the month
    ['President Luiz Inácio Lula da Silva (PT) will begin his agenda of commitments on Monday (8) Mercosur Summit.', '2024-07-07', 'Monday (8)', 'weekday-day-of-month', '2024-07-08'],
    ['Next Tuesday (9), Lula will land in Santa Cruz de La Sierra, Bolivia.', '2024-07-07', 'Next Tuesday (9)', 'weekday-day-of-month', '2024-07-09'],
    // d20 (no published date): the weekday's date in brackets
    ['the presidents of Brazil (Luiz Inácio Lula da Silva), Argentina (Alberto Fernández), Paraguay (Santiago Peña), Uruguay (Luis Alberto Lacalle Pou) and Bolivia (Luis Arce) gathered for the official photo of the event this Thursday (Dec 7, 2023).', null, 'this Thursday (Dec 7, 2023)', 'weekday-bracketed-date', '2023-12-07'],
    // d10, 2017-07-11: a holiday on a fixed day, in the past
    ['In a follow-up phone call on Valentine\'s Day, the Prime Minister told him she looked forward to him coming to Britain "later this year".', '2017-07-11', "Valentine's Day", 'holiday', '2017-02-14'],
    // d24, 2018-09-07: the day of the narrative
    ['The presidents of Serbia and Kosovo abruptly called off a face-to-face meeting in Brussels on Friday. Both men refused to speak to each other, diplomats said, leaving Ms Mogherini to meet them separately several times during the day to keep talks alive.', '2018-09-07', 'during the day', 'anaphora-same-day', '2018-09-07'],
    // d19, 2024-07-07: the first day of the programme that begins on the date just given
    ['President Luiz Inácio Lula da Silva (PT) will begin his agenda of commitments on Monday (8) Mercosur Summit. On the first day, Lula will participate in the meeting between the Mercosur countries in Asunción, Paraguay.', '2024-07-07', 'On the first day', 'anaphora-nth-day', '2024-07-08'],
    // d27, 2021-10-14
    ['"Telephone conversation will be possible either today or tomorrow if the two nations agree," the official was quoted as saying by Yonhap.', '2021-10-14', 'either today or tomorrow', 'today-or-tomorrow', ['2021-10-14', '2021-10-15']],
    // d24, 2018-09-07 (a Friday)
    ['Mr Vucic had planned to visit Kosovo this weekend and hold a rally, but a Serbian government official said he had now cancelled the visit.', '2018-09-07', 'this weekend', 'weekend', ['2018-09-08', '2018-09-09']],
    ['Ms Mogherini said she would seek another meeting with the two presidents later this month.', '2018-09-07', 'later this month', 'this-month', ['2018-09-07', '2018-09-30']],
    // d09, 2018-10-20
    ['Modi will no longer be visiting Guyana as planned in early December due to commitments in his home country.', '2018-10-20', 'early December', 'month-name', ['2018-12-01', '2018-12-10']],
    // TimeBank CNN19980126.1600.1104: the latest fourth quarter begun by the anchor
    ['Earlier AT and T also announced an eighteen percent drop in profits for the fourth quarter.', '1998-01-26', 'the fourth quarter', 'quarter', ['1997-10-01', '1997-12-31']],
    // TimeBank wsj_0144 (a year stated before the quarter) and wsj_0670 ("year-ago": a year before the latest third quarter)
    ['The year-ago results included a $415 million charge in the 1988 second quarter for underperforming real estate and mortgage loans.', '1989-11-02', 'the 1988 second quarter', 'quarter', ['1988-04-01', '1988-06-30']],
    ['National Intergroup in the year-ago third quarter earned $22.5 million, or 97 cents a share.', '1989-10-30', 'the year-ago third quarter', 'quarter', ['1988-07-01', '1988-09-30']],
    // TimeBank APW19980322.0749, a Sunday: "set to" points forward
    ['The discovery appeared to be the latest attempt by extremists opposed to the IRA\'s 8-month-old truce to undermine the peace process, set to resume Monday in Belfast.', '1998-03-22', 'Monday', 'weekday-future', '1998-03-23'],
    // TimeBank wsj_0159: the offer was extended in the past, to a day ahead
    ['Kingsbridge Capital Group and Cara Operations Ltd., extended to Nov. 20 its $45-a-share offer for all Dunkin\' Donuts Inc. shares outstanding.', '1989-11-02', 'Nov. 20', 'explicit-day-month', '1989-11-20'],
    // TimeBank wsj_0068: "the reduced dividend" is no past tense
    ['The reduced dividend is payable Jan. 2 to stock of record Dec. 15.', '1989-11-02', 'Jan. 2', 'explicit-day-month', '1990-01-02'],
    // NYT19981025.0188: the weekday picks the year
    ['The New York Times said in an editorial on Monday, Oct. 26:', '1998-10-25', 'Monday, Oct. 26', 'explicit-day-month', '1998-10-26'],
    // AQUAINT APW20000107.0318: the past tense is the ruling's; the deadline is ahead
    ['The Immigration and Naturalization Service ruled Wednesday that he must be returned to his father in Cuba by Jan. 14.', '2000-01-07', 'Jan. 14', 'explicit-day-month', '2000-01-14'],
  ])('%s (anchor %s): "%s"', check);

  it('a date counted from an earlier one records it as its antecedent', () => {
    const sentence = 'China held on July 29 what it said would be its last nuclear test before a self-imposed moratorium that took effect the following day .';
    const found = findPhrase(sentence, '1996-08-27', 'the following day');
    expect(found.antecedent).toEqual({ text: 'July 29', start: sentence.indexOf('July 29'), end: sentence.indexOf('July 29') + 7, date: '1996-07-29' });
    expect(findPhrase(sentence, '1996-08-27', 'July 29').antecedent).toBeUndefined();
  });
});

describe('spans from the anchor', () => {
  it.each<Row>([
    ['In his latest shift, Trump indicated that he expected to meet Putin in Budapest within two weeks, marking their second meeting.', '2025-10-17', 'within two weeks', 'within-span', ['2025-10-17', '2025-10-31']],
    ['The Kremlin said a decision would come within days.', '2025-10-17', 'within days', 'within-span', ['2025-10-17', '2025-10-24']],
    ['Officials expect a ceasefire announcement within hours.', '2025-10-17', 'within hours', 'within-span', ['2025-10-17', '2025-10-18']],
    ['According to Hungarian Prime Minister Viktor Orbán, the presidents\' meeting could take place in two weeks.', '2025-10-17', 'in two weeks', 'in-span', ['2025-10-28', '2025-11-03']],
    ['The delegations will meet again in three days.', '2025-10-17', 'in three days', 'in-span', '2025-10-20'],
    ['Both sides will present proposals in the coming days.', '2025-10-17', 'in the coming days', 'coming-span', ['2025-10-17', '2025-10-24']],
  ])('%s (anchor %s): "%s"', check);
});

describe('anaphora: the day after the date just mentioned', () => {
  const text =
    'The negotiations on security guarantees between Moscow and Washington are scheduled for 10 January, followed by a Russia-NATO Council meeting on 12 January, and the summit of Russia and the Organization for Security and Cooperation in Europe (OSCE) the following day.';
  it.each<[string, string, string, string | null]>([
    [text, '2021-12-31', 'the following day', '2022-01-13'],
    ['The talks opened in Geneva on 3 March. A day later the delegations left.', '2025-10-17', 'A day later', '2025-03-04'],
    ['The envoys met on Friday. They met again the next day.', '2025-10-17', 'the next day', '2025-10-18'],
    ['They met again the next day.', '2025-10-17', 'the next day', null],
  ])('%s (anchor %s): "%s"', (sentence, anchor, phrase, expected) => {
    const found = findPhrase(sentence, anchor, phrase);
    expect(found.rule).toBe('anaphora-next-day');
    expectDate(found, expected);
  });
});

describe('things that are not time expressions', () => {
  it.each([
    ['During the call, Trump mentioned that Putin was displeased with missiles capable of reaching 1,000 miles.'],
    ['This time, it lasted nearly 2.5 hours.'],
    ['And, of course, he mentioned in this context his successes in settling eight other regional conflicts.'],
    ['The 79-year-old Republican president later described the call as very productive.'],
    ['Ukrainian President Volodymyr Zelensky claimed that the potential of Tomahawk missiles had compelled Moscow to engage in negotiations.'],
    ['The prime minister wrote that he had an hour-long phone conversation with the Russian president in the morning.'],
    ['Trump has pledged to reach a peace deal within hours of taking office.'],
    ['He had once vowed to resolve the conflict within a day.'],
    ['Analysts warn Iran may resort to unconventional warfare.'],
    ['Analysts Warn Iran May Resort to Unconventional Warfare'],
    ['The Good Friday Agreement ended three decades of conflict.'],
    ['The ministry deployed an additional force of 2000 troops to the border.'],
  ])('%s', (sentence) => {
    expect(resolveTimeExpressions(sentence, { anchor: '2025-10-17' }).expressions).toEqual([]);
  });
});

describe('compromise-dates, guarded', () => {
  it.each([
    ['The quarter was weak: a third-quarter profit, up from a year earlier.'],
    ['The ministry expects a deficit in its fiscal 2026 first quarter.'],
  ])('a library failure on "%s" becomes a diagnostic and the other dates of the text still resolve', (failing) => {
    const text = `On Thursday, the two presidents held a telephone call. ${failing} The talks are scheduled for 10 January.`;
    const { expressions, diagnostics } = resolveTimeExpressions(text, { anchor: '2021-12-31' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ stage: 'dates', code: 'library-error', severity: 'warning' });
    expect(diagnostics[0].message).toContain(failing);
    // the rules' own dates in the failing sentence ("third-quarter") are kept too
    expect(expressions.map((e) => [e.text, e.date])).toEqual(expect.arrayContaining([
      ['Thursday', '2021-12-30'],
      ['10 January', '2022-01-10'],
    ]));
  });

  it('safely() returns the error instead of throwing', () => {
    const { value, error } = safely(() => nlp('The quarter was weak: a third-quarter profit, up from a year earlier.').json());
    expect(error).toBeUndefined();
    expect(Array.isArray(value)).toBe(true);
    expect(safely(() => JSON.parse('{')).error).toBeInstanceOf(SyntaxError);
  });

  it.each<Row>([
    ['He visited Kyiv in the first week of May.', '2025-10-17', 'the first week of May', 'compromise-dates', ['2025-04-28', '2025-05-04']],
    ['The vote will be held in the third week of November.', '2025-10-17', 'the third week of November', 'compromise-dates', ['2025-11-10', '2025-11-16']],
  ])('fallback, year corrected by tense: %s (anchor %s): "%s"', check);
});

describe('a whole text', () => {
  const text =
    'Dialogue Between US, Russia Serves Security\n\nOn Thursday, the two presidents held a telephone call.\n\nRelated Articles\nWe have new information about a historic air campaign tonight';
  it('keeps to the given spans, in text order, with offsets into the text', () => {
    const body = { start: text.indexOf('On Thursday'), end: text.indexOf('Related') };
    const { expressions } = resolveTimeExpressions(text, { anchor: '2021-12-31' }, [body]);
    expect(expressions).toEqual([
      { start: body.start + 3, end: body.start + 11, text: 'Thursday', date: '2021-12-30', precision: 'day', dateStart: '2021-12-30', dateEnd: '2021-12-30', rule: 'weekday-past', anchor: '2021-12-31' },
    ]);
    expect(resolveTimeExpressions(text, { anchor: '2021-12-31' }).expressions.map((e) => e.text)).toEqual(['Thursday', 'tonight']);
  });
});

describe('sentenceTense', () => {
  it.each<[string, 'past' | 'present' | 'future']>([
    ['The negotiations are scheduled for 10 January.', 'future'],
    ['He also reported that he would meet with Vladimir Zelensky in the Oval Office on Friday.', 'future'],
    ['U.S. Secretary of State Marco Rubio is set to meet with Russian Foreign Minister Sergei Lavrov.', 'future'],
    ['Trump announced plans to meet with Putin in Hungary.', 'future'],
    ['Trump expected to meet Putin in Budapest within two weeks.', 'future'],
    ['The presidents\' meeting could take place in two weeks.', 'future'],
    ['The meeting will take place next week.', 'future'],
    ['On Thursday, the two presidents held a telephone call.', 'past'],
    ['Orban arrived in Moscow on Tuesday.', 'past'],
    ['The Kremlin views this as a threat.', 'present'],
  ])('%s -> %s', (sentence, tense) => {
    expect(sentenceTense(sentence)).toBe(tense);
  });
});

describe('calendar helpers', () => {
  it.each<[string, number, string]>([
    ['2021-12-31', 1, '2022-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-10-17', -14, '2025-10-03'],
  ])('addDays(%s, %i) = %s', (iso, days, expected) => expect(addDays(iso, days)).toBe(expected));

  it.each<[string, number, string]>([
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-10-17', -2, '2025-08-17'],
    ['2025-03-15', -12, '2024-03-15'],
  ])('addMonths(%s, %i) = %s', (iso, months, expected) => expect(addMonths(iso, months)).toBe(expected));

  it('knows weekdays and Monday-start weeks', () => {
    expect(weekday('2025-10-17')).toBe(5);
    expect(weekStart('2024-12-11')).toBe('2024-12-09');
    expect(weekStart('2024-12-15')).toBe('2024-12-09');
    expect(monthRange(2024, 2)).toEqual({ dateStart: '2024-02-01', dateEnd: '2024-02-29' });
  });

  it.each<[string, ReturnType<typeof dayDate>, ReturnType<typeof dayDate>, boolean]>([
    ['a day inside a range', dayDate('2024-12-10'), rangeDate('2024-12-09', '2024-12-11'), true],
    ['a day outside a month', dayDate('2025-10-16'), monthDate(2025, 9), false],
    ['touching ends', rangeDate('2025-10-17', '2025-10-31'), rangeDate('2025-10-31', '2025-11-07'), true],
    ['unknown overlaps nothing', UNKNOWN_DATE, monthDate(2025, 10), false],
  ])('rangesOverlap: %s', (_name, a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
    expect(rangesOverlap(b, a)).toBe(expected);
  });

  it('intersects ranges', () => {
    expect(intersectRanges(rangeDate('2025-10-17', '2025-10-31'), monthDate(2025, 11))).toBeNull();
    expect(intersectRanges(rangeDate('2025-10-28', '2025-11-03'), monthDate(2025, 11))).toEqual(rangeDate('2025-11-01', '2025-11-03'));
    expect(intersectRanges(monthDate(2025, 10), dayDate('2025-10-16'))).toEqual(dayDate('2025-10-16'));
  });
});

