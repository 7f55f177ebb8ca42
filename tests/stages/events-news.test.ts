// Events on real news sentences (the dev set, CoNLL-2003 and TempEval-3 training text): triggers, false triggers,
// status words, parties and how they were found, planned dates of cancelled events, the lead-event range and summits.
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { eventsOf } from '../helpers/events.js';
import { findTriggers } from '../../src/stages/events/triggers.js';
import type { EventFact } from '../../src/types.js';

const kb = loadKnowledgeBase();

const events = (text: string, published: string | null): EventFact[] => eventsOf(kb, text, published);

interface Expected {
  type: string;
  participants: string[];
  status?: string;
  date?: string | null;
  range?: [string, string];
  location?: string;
}

// d12 as printed: the full name comes before the bare "Jaishankar", which alone would be an unknown surname.
const D12_CALL = 'External Affairs Minister S Jaishankar spoke to his counterpart in the EU, Vice President and High Representative Josep Borrell. “Assured him of our fullest support in the return of EU citizens from India,” Jaishankar tweeted.\n\nJaishankar also had a phone conversation with Chinese State Councillor and Foreign Minister Wang Yi.';
const withWang = (found: EventFact[]) => found.filter((e) => e.participants.includes('person:wang-yi'));

const D24_TALKS = 'The presidents of Serbia and Kosovo abruptly called off a face-to-face meeting in Brussels on Friday, deflating hopes of a deal involving a land swap.\n\nKosovo’s president Hashim Thaci was due to discuss the swap plan with his Serbian counterpart Aleksandar Vucic for the first time in talks brokered by the EU’s top diplomat Federica Mogherini.\n\nBut both men refused to speak to each other moments before their meeting was due to start at the EU’s headquarters in Brussels, diplomats said, leaving Ms Mogherini to meet them separately several times during the day to keep talks alive.';

// d03's lead dates the meeting but names only Ruto ("a US Senator" is no party); the next sentence names the senator.
const D03_LEAD = 'President William Ruto Friday August 18 morning held talks with a US Senator who was behind former President Uhuru Kenyatta and opposition leader Raila Odinga’s handshake in 2018.\n\nThe President hosted Delaware Senator Chris Andrew Coons at the State House.\n\nThe meeting comes days after the senator held separate talks with Mr Odinga last Sunday.';

// d39: the visit "scheduled for Tuesday has been canceled", then the same trip reported undated with the meeting it was for.
const D39_TRIP = 'An official visit of Iranian Foreign Minister Mohamad Javad Zarif to Turkey that was scheduled for Tuesday has been canceled, the press service of Iran\'s embassy in Ankara told Sputnik.\n\nOn Monday, media reported that Zarif would pay an official visit to Turkey to hold a meeting with Qatari and Turkish high-level diplomats - Mohammed bin Abdulrahman bin Jassim Al Thani and Mevlut Cavusoglu.';

// d05: the venue of the arrival is where the article put it before; the caption's "past visit" is another trip.
const D05_ARRIVAL = 'President Uhuru Kenyatta with South African counterpart Jacob Zuma during a past visit to Pretoria, South Africa. PHOTO | FILE\n\nPresident Uhuru Kenyatta this morning received South African President Jacob Zuma at State House, Nairobi.\n\nThe South African leader, who is on a three-day State visit, arrived at State House shortly after 10 a.m.';

const FOUND: [string, string, string | null, Expected][] = [
  ['"called up" (d12)', 'Earlier, Modi had called up Saudi Crown Prince Mohammed bin Salman and discussed the possibility of a G-20 leaders’ summit through a video-conference.', '2020-03-25', { type: 'call', participants: ['person:narendra-modi', 'person:mohammed-bin-salman'], status: 'occurred' }],
  ['"had a phone conversation" (d12)', D12_CALL, '2020-03-25', { type: 'call', participants: ['person:subrahmanyam-jaishankar', 'person:wang-yi'], status: 'occurred' }],
  ['"held talks" (d15)', 'Chinese President Xi Jinping on Wednesday held formal talks with his US counterpart Barack Obama', '2014-11-12', { type: 'meeting', participants: ['person:xi-jinping', 'person:barack-obama'], status: 'occurred', date: '2014-11-12' }],
  ['"received" (d05)', 'President Uhuru Kenyatta this morning received South African President Jacob Zuma at State House, Nairobi.', '2016-10-11', { type: 'meeting', participants: ['person:uhuru-kenyatta', 'person:jacob-zuma'], status: 'occurred', date: '2016-10-11' }],
  ['"received ... in <venue>, <town>": the town is the place, the handle the host (d21)', 'President Muhammadu Buhari sends his best wishes to all Nigerians.\n\n“President @MBuhari this afternoon received a delegation of APC Governors and leaders in Abuja House, London.', '2017-07-23', { type: 'meeting', participants: ['person:muhammadu-buhari', 'org:apc-nigeria'], status: 'occurred', date: '2017-07-23', location: 'place:london' }],
  ['"travel to the island nation": the country named before (d30)', 'Days after Defence Minister Peeni Henare travelled to Fiji to meet his counterpart, Foreign Minister Nanaia Mahuta has announced she will also travel to the island nation next week.', '2022-03-26', { type: 'visit', participants: ['person:nanaia-mahuta', 'country:FJ'], status: 'planned', range: ['2022-03-28', '2022-04-03'] }],
  ['"visit our shores": the country of the headline, not the one of her title (d29)', 'NZ Foreign Affairs Minister to visit Fiji\n\nNew Zealand Foreign Affairs Minister, Nanaia Mahuta will visit our shores next week to engage on key issues facing the region.', '2022-03-25', { type: 'visit', participants: ['person:nanaia-mahuta', 'country:FJ'], status: 'planned', location: 'country:FJ' }],
  ['"the NZ Foreign Minister will meet": a bare title with its country (d30)', 'Foreign Minister Nanaia Mahuta has announced she will also travel to Fiji next week.\n\nWhile in Fiji, the NZ Foreign Minister will meet with Prime Minister Josaia Voreqe Bainimarama, who is also Fiji\'s Minister of Foreign Affairs.', '2022-03-26', { type: 'meeting', participants: ['person:nanaia-mahuta', 'person:frank-bainimarama'], status: 'planned' }],
  ['a dated lead with one named party dates the next report of the same kind and party (d03)', D03_LEAD, '2023-08-18', { type: 'meeting', participants: ['person:william-ruto', 'person:chris-andrew-coons'], status: 'occurred', date: '2023-08-18' }],
  ['but not a report with its own time (d03)', D03_LEAD, '2023-08-18', { type: 'meeting', participants: ['person:chris-andrew-coons', 'person:raila-odinga'], status: 'occurred', date: '2023-08-13' }],
  ['"a visit ... that was scheduled for Tuesday has been canceled": the noun\'s own predicate (d39)', D39_TRIP, '2020-09-22', { type: 'visit', participants: ['person:mohammad-javad-zarif', 'country:TR'], status: 'cancelled', date: '2020-09-22' }],
  ['the same trip told again undated takes its day; the meeting it is for too (d39)', D39_TRIP, '2020-09-22', { type: 'meeting', participants: ['person:mohammad-javad-zarif', 'person:mevlut-cavusoglu'], status: 'planned', date: '2020-09-22' }],
  ['"arrived at State House" after "at State House, Nairobi": a visit to Kenya, over the three days around the reception (d05)', D05_ARRIVAL, '2016-10-11', { type: 'visit', participants: ['person:jacob-zuma', 'country:KE'], status: 'occurred', range: ['2016-10-09', '2016-10-13'], location: 'place:nairobi' }],
  ['"In his first visit to the country ..., Lula will participate in ... a restricted meeting": the day of the trip (d19)', 'Next Tuesday (9), Lula will land in Santa Cruz de La Sierra, Bolivia, which was accused of a “self-coup” about 10 days ago. In his first visit to the country since assuming the presidency last year, Lula will participate in an official visit and a restricted meeting with President Luis Arce, followed by a meeting with Brazilian and Bolivian authorities.', '2024-07-07', { type: 'meeting', participants: ['person:luiz-inacio-lula-da-silva', 'person:luis-arce'], status: 'planned', date: '2024-07-09' }],
  ['"left the country May 7 for ... check-ups in the UK": a trip to where it sends him (d21)', 'Buhari left the country May 7 for further medical check-ups in the UK.', '2017-07-23', { type: 'visit', participants: ['person:muhammadu-buhari', 'country:GB'], status: 'occurred', date: '2017-05-07' }],
  ['"has been in London since May 7": a stay abroad (d22)', 'President Buhari has been in London since May 7 for follow-up consultations with his doctors.', null, { type: 'visit', participants: ['person:muhammadu-buhari', 'country:GB'], location: 'place:london' }],
  ['"for the West Bank town of Ramallah to hold talks": "for" names a place, the subject stays (CoNLL-2003)', 'Jordanian Prime Minister Abdul-Karim al-Kabariti left Amman on Thursday for the West Bank town of Ramallah to hold talks with Palestinian President Yasser Arafat on the stalled peace process .', '1996-08-29', { type: 'meeting', participants: ['person:abdul-karim-al-kabariti', 'person:yasser-arafat'], status: 'occurred', date: '1996-08-29' }],
  ['"has hosted" (d04)', 'Nairobi - President William Ruto has hosted United States senator Chris Coons at State House Nairobi.', '2023-08-18', { type: 'meeting', participants: ['person:william-ruto', 'person:chris-coons'], status: 'occurred' }],
  ['"had in-depth exchanges" with a joint subject (d17)', 'Xi invited Nguyen Phu Trong, general secretary of the Communist Party of Vietnam Central Committee, to visit China in January this year. Xi and Trong had in-depth exchanges on major issues of common concern.', null, { type: 'meeting', participants: ['person:xi-jinping', 'person:nguyen-phu-trong'], status: 'occurred' }],
  ['"A and B discussed" (d14)', 'Dmitry Medvedev and Asif Ali Zardari discussed current issues in regional security and prospects for developing bilateral cooperation.', '2010-06-10', { type: 'meeting', participants: ['person:dmitry-medvedev', 'person:asif-ali-zardari'] }],
  ['"went to the Indonesian capital" (d38)', 'Wang Yi replaced his colleague and went to the Indonesian capital for the meetings.', '2023-07-23', { type: 'visit', participants: ['person:wang-yi', 'country:ID'], status: 'occurred', location: 'country:ID' }],
  ['"departs for ... next week" (d28)', 'Foreign Affairs Minister Nanaia Mahuta departs for Fiji next week, her first trip to the Pacific since announcing New Zealand’s Pacific Resilience approach.', '2022-03-25', { type: 'visit', participants: ['person:nanaia-mahuta', 'country:FJ'], status: 'planned', range: ['2022-03-28', '2022-04-03'] }],
  ['"had also visited Pakistan and Turkey": a visit to each (d08)', 'Late last year, the Foreign Minister Amir Khan Muttaqi had also visited Pakistan and Turkey.', '2022-02-15', { type: 'visit', participants: ['person:amir-khan-muttaqi', 'country:TR'], status: 'occurred', range: ['2021-09-01', '2021-12-31'], location: 'country:TR' }],
  ['"made two foreign trips to Norway and Iran" (d08)', 'A Taliban delegation headed by acting Foreign Minister Amir Khan Muttaqi met envoys of the Gulf states in Doha.\n\nLast month, the delegation made two foreign trips to Norway and Iran.', '2022-02-15', { type: 'visit', participants: ['person:amir-khan-muttaqi', 'country:IR'], status: 'occurred', date: '2022-01' }],
  ['"will land in <city>, <country>" (d19)', 'Next Tuesday (9), Lula will land in Santa Cruz de La Sierra, Bolivia, where he will participate in an official visit.', '2024-07-07', { type: 'visit', participants: ['person:luiz-inacio-lula-da-silva', 'country:BO'], status: 'planned', date: '2024-07-09' }],
  ['a bare title at the clause start (d01)', 'The External Affairs Minister S Jaishankar held 11 bilateral meetings with his foreign counterparts, the Ministry of External Affairs (MEA) said.\n\nExternal Affairs Minister held long discussions on fundamentalism and terrorism with Uzbek Foreign Minister Abdulaziz Kamilov on the sidelines of the UNG', '2019-09-24', { type: 'meeting', participants: ['person:subrahmanyam-jaishankar', 'person:abdulaziz-kamilov'], status: 'occurred' }],
  ['"The president had earlier received ..." (d23)', 'President Muhammadu Buhari has received another important dignitary at the Abuja House in London, where he is presently recuperating from an undisclosed ailment.\n\nThe president had earlier received the likes of Asiwaju Bola Ahmed Tinubu, Senate President Bukola Saraki, among others.', '2017-03-09', { type: 'meeting', participants: ['person:muhammadu-buhari', 'person:bola-ahmed-tinubu', 'person:bukola-saraki'], status: 'occurred' }],
  ['"In a follow-up phone call on ..., the Prime Minister told him" (d10)', 'Theresa May invited the US President Donald Trump when she visited the White House in January.\n\nIn a follow-up phone call on Valentine\'s Day, the Prime Minister told him she looked forward to him coming to Britain "later this year".', '2017-07-11', { type: 'call', participants: ['person:theresa-may', 'person:donald-trump'], status: 'occurred' }],
  ['"when she visited": the subject pronoun is the sentence subject (d10)', 'Theresa May invited the US President Donald Trump when she visited the White House in January.', '2017-07-11', { type: 'visit', participants: ['person:theresa-may', 'country:US'], status: 'occurred', date: '2017-01' }],
  ['"speaks to reporters ... after speaking by phone with": the audience is no call, the date is the call\'s (d26)', 'Japanese Prime Minister Yoshihide Suga speaks to reporters in Tokyo on Sept. 25, 2020, after speaking by phone with Chinese President Xi Jinping, their first conversation since Suga took office.', null, { type: 'call', participants: ['person:yoshihide-suga', 'person:xi-jinping'], date: '2020-09-25' }],
  ['"agreed with Xi in their first talks" (d26)', 'Prime Minister Yoshihide Suga on Friday agreed with Chinese President Xi Jinping in their first talks to closely cooperate for the further development of bilateral ties.', '2020-09-25', { type: 'meeting', participants: ['person:yoshihide-suga', 'person:xi-jinping'], date: '2020-09-25' }],
  ['the author of a first-person quote hosts (d23)', 'President Muhammadu Buhari has received another important dignitary at the Abuja House in London.\n\nIn a post on his Facebook wall on Thursday evening, Buhari wrote: “Very pleased to welcome my friend the Most Revd and Rt Hon Justin Welby, Archbishop of Canterbury, to Abuja House this afternoon.”', '2017-03-09', { type: 'meeting', participants: ['person:muhammadu-buhari'], status: 'occurred' }],
  ['"their productive meeting": the pair of the call before (d36)', 'Today, the Prime Minister, Mark Carney, spoke with the President of Mexico, Claudia Sheinbaum. The leaders discussed trade, building on their productive meeting at the G7 Summit in Kananaskis.', '2025-07-15', { type: 'meeting', participants: ['person:mark-carney', 'person:claudia-sheinbaum'] }],
];

describe('triggers in real news sentences', () => {
  it.each(FOUND)('%s', (_, text, published, want) => {
    const found = events(text, published).filter((e) => e.type === want.type);
    const match = found.find((e) => want.participants.every((p) => e.participants.includes(p)));
    expect(match).toBeDefined();
    if (want.status) expect(match!.status).toBe(want.status);
    if (want.date !== undefined) expect(match!.date.date).toBe(want.date);
    if (want.range) expect([match!.date.dateStart, match!.date.dateEnd]).toEqual(want.range);
    if (want.location) expect(match!.location).toBe(want.location);
  });
});

// The trigger words the issue quotes from real reports, each on its own.
describe('trigger words', () => {
  it.each([
    ['telephoned', 'call'], ['called up', 'call'], ['reached out to', 'call'], ['had a phone conversation', 'call'],
    ['held talks', 'meeting'], ['renewed negotiations', 'meeting'], ['received', 'meeting'], ['hosted', 'meeting'], ['welcomed', 'meeting'],
    ['called on', 'meeting'], ['held long discussions', 'meeting'], ['touched down in', 'visit'], ['paid a visit to', 'visit'],
    ['the SCO summit in Tianjin', 'summit'], ['the ECOWAS extraordinary summit', 'summit'], ["the PIF leaders' meeting", 'summit'],
  ])('"%s" is a %s trigger', (phrase, type) => {
    expect(findTriggers(phrase).map((t) => t.type)).toContain(type);
  });

  it.each([
    ['Sirius XM host', 'a talk-show host'],
    ['a negotiated deal', 'an adjective'],
    ['a call to modernize', 'an appeal'],
    ['to keep talks alive', 'the process, not one meeting'],
    ["this year's host, Solomon Islands Prime Minister Jeremiah Manele", 'the host of a forum, named as a noun'],
  ])('"%s" is no trigger (%s)', (phrase) => {
    expect(findTriggers(phrase).filter((t) => t.text !== 'summit')).toEqual([]);
  });

  it.each([
    "England manager Glenn Hoddle called up uncapped Everton defender Andy Hinchcliffe on Sunday to the national squad for the opening World Cup qualifier against Moldova next weekend .",
    "Todd Woodbridge , who defeated Canadian Daniel Nestor 7-6 ( 7-2 ) 7-6 ( 7-4 ) , and Mark Philippoussis , a 6-3 6-4 winner over Bohdan Ulihrach of the Czech Republic , also advanced and will meet in Friday 's quarter-finals .",
    "There will be no repeat of last year 's men 's final with eighth-ranked Andre Agassi landing in Sampras 's half of the draw .",
    "Also omitted from the 20-man squad which will travel to Vaduz for Saturday 's group eight match are central defenders Alan Kernaghan and Liam Daish .",
  ])('a sports report holds no call, meeting or visit (CoNLL eng.train): %s', (sentence) => {
    expect(findTriggers(sentence)).toEqual([]);
  });
});

describe('what did not happen, or not yet', () => {
  it.each([
    ['"refused to meet" is cancelled (d13)', 'Gujarat Chief Minister Narendra Modi also refused to meet a senior United States Congressional delegation as a mark of protest.', null, 'meeting', 'cancelled'],
    ['"has been postponed" is cancelled (d10)', "Donald Trump's state visit to the UK has been postponed until next year, it has been confirmed.", '2017-07-11', 'visit', 'cancelled'],
    ['"will no longer be visiting" is cancelled (d09)', 'Prime Minister of India Narendra Modi will no longer be visiting Guyana as planned in early December.', '2018-10-20', 'visit', 'cancelled'],
    ['"would seek another meeting" is planned (d24)', 'Kosovo’s president Hashim Thaci was due to discuss the swap plan with his Serbian counterpart Aleksandar Vucic.\n\n“Difficulties remain,” Ms Mogherini said in a statement, although she said she would seek another meeting with the two presidents later this month.', '2018-09-07', 'meeting', 'planned'],
    ['"invited ... to visit" is planned (d17)', 'Xi Jinping invited Nguyen Phu Trong, general secretary of the Communist Party of Vietnam Central Committee, to visit China in January this year.', null, 'visit', 'planned'],
  ])('%s', (_, text, published, type, status) => {
    const found = events(text, published).filter((e) => e.type === type);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((e) => e.status)).toEqual(found.map(() => status));
  });

  it.each([
    ['an appeal to a state (TempEval-3)', 'Gore called on Israel to continue taking risks for peace.', null],
    ['an appeal to a community (d08)', 'The participants called on the international community to extend development assistance to Afghanistan.', '2022-02-15'],
    ['"called on Saturday for elections" (d34)', 'Samaras called on Saturday for "immediate" elections, a scenario that Papandreou had sought to avoid.', '2011-11-06'],
    ['"welcomed the job figures" (TempEval-3)', 'President Clinton welcomed the job figures at a news conference Friday.', '1998-02-06'],
    ['"telephoned a radio station" (CoNLL-2003)', 'Fagan had earlier telephoned an Auckland radio station in a distraught state, saying he feared for his life.', '1996-08-22'],
    ['an appeal for a meeting (CoNLL-2003)', "British farmers ' leader called on Wednesday for an urgent meeting with ministers to discuss the report.", '1996-08-22'],
    ['"the visiting delegation" names visitors, not a visit (d13)', 'Refused to meet the visiting delegation in solidarity with our nation, protesting ill treatment meted to our lady diplomat in USA.', null],
    ['a delegation with nobody to meet (d13)', '"Refused to meet the visiting delegation in solidarity with our nation," Modi tweeted.\nThe delegation comprised Congressmen George Holding (Republican -- North Carolina) and Madeleine Bordallo (Democrat -- Guam).', null],
    ['"blocked from attending" (d11)', "Over two dozen dialogue partners, including China, France, the US, UK, Japan, and Taiwan are blocked from attending the meeting by this year's host, Solomon Islands Prime Minister Jeremiah Manele.", '2025-09-08'],
    ['"has been in power since" is no stay (CoNLL-2003)', 'It was a rare challenge to President Robert Mugabe , who has been in power since independence from Britain in 1980 .', '1996-08-22'],
    ['"left home two weeks ago" goes nowhere named (CoNLL-2003)', 'In Venezuela , her mother told Reuters that Machado had a swollen face when she left home two weeks ago because she had her wisdom teeth extracted .', '1996-08-22'],
  ])('no event: %s', (_, text, published) => {
    expect(events(text, published)).toEqual([]);
  });
});

describe('parties', () => {
  it('a quoted speaker is not a participant (d02)', () => {
    const text = 'Mr Jaishankar met Zalmay Khalilzad in New York. He also had a meeting with US Special Envoy on Afghanistan," the spokesperson for the Ministry of External Affairs, Raveesh Kumar, said at a press briefing in New York.';
    expect(events(text, '2019-09-24').flatMap((e) => e.participants)).not.toContain('person:raveesh-kumar');
  });

  it('a speaker reporting a visit is not its visitor (d16)', () => {
    const text = "Chinese President Hu Jintao and his Philippine counterpart Benigno Aquino III held talks in Beijing Wednesday afternoon. Hu said he believes that Aquino's visit to China, the first of his visit to a country outside the Association of Southeast Asian Nations(ASEAN), will further promote bilateral traditional friendship.";
    expect(events(text, '2011-09-01').filter((e) => e.type === 'visit' && e.participants.includes('person:hu-jintao'))).toEqual([]);
  });

  it('the pronoun of a relative clause stands for what the clause is about, not the subject before it (d16)', () => {
    const text = 'Chinese President Hu Jintao held talks with his Philippine counterpart.\n\nHu hosted a red-carpet welcome ceremony for Aquino, who is on his first state visit to China, at the Great Hall of the People.';
    expect(events(text, '2011-09-01').filter((e) => e.type === 'visit' && e.participants.includes('person:hu-jintao'))).toEqual([]);
  });

  it('"the presidents of Serbia and Kosovo" are their office holders, found as a group (d24)', () => {
    const text = 'The presidents of Serbia and Kosovo abruptly called off a face-to-face meeting in Brussels on Friday, deflating hopes of a deal involving a land swap.\n\nKosovo’s president Hashim Thaci was due to discuss the swap plan with his Serbian counterpart Aleksandar Vucic.';
    const meeting = events(text, '2018-09-07').find((e) => e.type === 'meeting' && e.status === 'cancelled');
    expect(meeting?.participants.sort()).toEqual(['person:aleksandar-vucic', 'person:hashim-thaci']);
    expect(meeting?.participantEvidence['person:hashim-thaci']).toBe('group');
    expect(meeting?.date.date).toBe('2018-09-07');
  });

  it('"leaving Ms Mogherini to meet them separately": "them" are the pair before, and she meets each (d24)', () => {
    const met = events(D24_TALKS, '2018-09-07').filter((e) => e.type === 'meeting' && e.participants.includes('person:federica-mogherini'));
    // "their meeting was due to start": only due, then called off, not a second meeting that took place.
    const due = events(D24_TALKS, '2018-09-07').find((e) => e.trigger === 'meeting' && e.evidence[0].quote.includes('due to start'));
    expect(due?.status).toBe('planned');
    expect(met.map((e) => [e.participants.slice().sort(), e.status, e.date.date])).toEqual([
      [['person:aleksandar-vucic', 'person:federica-mogherini'], 'occurred', '2018-09-07'],
      [['person:federica-mogherini', 'person:hashim-thaci'], 'occurred', '2018-09-07'],
    ]);
  });

  it('"He and Arafat meet separately Monday with Albright": one meeting of each with her (TempEval-3 VOA19980501)', () => {
    const text = 'Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain between Israeli and Palestinian positions before next week\'s talks in London. He and Palestinian leader Yasser Arafat meet separately Monday with US Secretary of State Madeleine Albright.';
    const met = events(text, '1998-05-01').filter((e) => e.type === 'meeting' && e.participants.includes('person:madeleine-albright'));
    expect(met.map((e) => e.participants.slice().sort())).toEqual([
      ['person:benjamin-netanyahu', 'person:madeleine-albright'],
      ['person:madeleine-albright', 'person:yasser-arafat'],
    ]);
  });

  it('"for a delegation to arrive in Fiji": the infinitive\'s subject is no person; "the recent visit of Henare" went there too (d29)', () => {
    const text = 'New Zealand Foreign Affairs Minister, Nanaia Mahuta will visit our shores next week.\n\nHer visit is the second in as many weeks for a high-level delegation from New Zealand to arrive in Fiji, following the recent visit of NZ Minister for Defense, Peeni Henare, who departed earlier this week after a three-day visit.';
    const second = events(text, '2022-03-25').filter((e) => e.evidence[0].quote.startsWith('Her visit'));
    expect(second.map((e) => [e.participants.slice().sort(), e.status, e.date.dateStart, e.date.dateEnd])).toEqual([[['country:FJ', 'person:peeni-henare'], 'occurred', '2022-03-21', '2022-03-24']]);
  });

  it('"during a past visit to Pretoria" is not the three-day visit under way (d05)', () => {
    const past = events(D05_ARRIVAL, '2016-10-11').find((e) => e.type === 'visit' && e.participants.includes('country:ZA'));
    expect(past).toBeDefined();
    expect(past!.dateEvidence?.rule).not.toBe('trip-length');
  });

  it('how each participant was found: stated, pronoun, visit host (d10)', () => {
    const [visit] = events('Theresa May invited the US President Donald Trump when she visited the White House in January.', '2017-07-11').filter((e) => e.type === 'visit');
    expect(visit.participantEvidence).toEqual({ 'person:theresa-may': 'pronoun', 'country:US': 'visit' });
    const [call] = withWang(events(D12_CALL, '2020-03-25'));
    expect(call.participantEvidence).toEqual({ 'person:subrahmanyam-jaishankar': 'stated', 'person:wang-yi': 'stated' });
  });

  it.each<[string, string, string, string]>([
    ['"Reppas told reporters" (CoNLL eng.train)', 'ATHENS 1996-08-28\nFrench Premier Alain Juppe will pay an official visit to Greece on September 15 , government spokesman Dimitris Reppas said on Wednesday .\nJuppe will meet Greek Prime Minister Costas Simitis and Foreign Minister Theodoros Pangalos , Reppas told reporters .', '1996-08-28', 'person:dimitris-reppas'],
    ['"Ikimi told Reuters by telephone" (CoNLL eng.train)', 'LAGOS 1996-08-29\nNigeria would not object to a visit by Commonwealth officials , Foreign Minister Tom Ikimi said on Thursday .\n" We cannot object to people wanting to visit Nigeria , " Ikimi told Reuters by telephone from the capital Abuja .', '1996-08-29', 'person:tom-ikimi'],
    ['"Suga told reporters outside of his official residence" (d26)', 'Japanese Prime Minister Yoshihide Suga held phone talks with Chinese President Xi Jinping on Friday.\n\nXi expressed his desire to advance bilateral relations, Suga told reporters outside of his official residence, adding that they did not discuss plans for the Chinese president to visit Japan as a state guest.', '2020-09-25', 'person:yoshihide-suga'],
  ])('one who tells the press of an event is no party to it: %s', (_name, text, published, speaker) => {
    // The events of the sentence that tells of it.
    const told = events(text, published).filter((e) => e.evidence.some((x) => x.quote.includes(' told ')));
    expect(told.flatMap((e) => e.participants)).not.toContain(speaker);
  });

  it('the speaker after the speech it ends is no party ("..., said Skandalidis", CoNLL eng.train)', () => {
    const text = 'ATHENS 1996-08-22\nThe Greek socialist party \'s executive bureau gave the green light to Prime Minister Costas Simitis to call snap elections , its general secretary Costas Skandalidis told reporters .\nPrime Minister Costas Simitis is going to make an official announcement after a cabinet meeting later on Thursday , said Skandalidis .';
    expect(events(text, '1996-08-22').flatMap((e) => e.participants)).not.toContain('person:costas-skandalidis');
  });

  it.each([
    ['"received assurances from the Russian government" (CoNLL eng.train)', 'BONN 1996-08-22\nGermany said on Thursday it had received assurances from the Russian government that its forces would observe the latest ceasefire in Chechnya .', '1996-08-22'],
    ['"receiving money from Tripoli" (CoNLL eng.train)', 'TUNIS 1996-08-24\nMDS president Mohamed Moada was sentenced last February to 11 years in jail on charges of having secret contacts with Libyan agents and receiving money from Tripoli .', '1996-08-24'],
  ])('what is received is no visitor: %s', (_name, text, published) => {
    expect(events(text, published)).toEqual([]);
  });

  it('the possessor of a title is no party ("Yeltsin\'s security chief Alexander Lebed", CoNLL eng.train with its possessives joined)', () => {
    const text = "The officials had been positive about Kinkel's request on Wednesday that President Boris Yeltsin's security chief Alexander Lebed should, on his return to Moscow, meet Tim Goldiman, the OSCE representative responsible for Chechnya, he said.";
    const [meeting] = events(text, '1996-08-22').filter((e) => e.type === 'meeting');
    expect(meeting.participants).toContain('person:alexander-lebed');
    expect(meeting.participants).not.toContain('person:boris-yeltsin');
  });

  it('"said on July 11 that Qin Gang was not traveling": the speaker is no visitor (d38)', () => {
    const text = 'Chinese Foreign Ministry spokesman Wan Wenbin said on July 11 that Qin Gang was not traveling to Jakarta for ASEAN events "due to health issues."';
    const visits = events(text, '2023-07-25').filter((e) => e.type === 'visit');
    expect(visits.map((e) => e.participants.filter((k) => k.startsWith('person:')))).toEqual([['person:qin-gang']]);
  });

  it('the one who invites a guest to visit is the host, not a visitor (TempEval-3 XIE19990227.0171)', () => {
    const text = 'U.S. Secretary of State Madeleine Albright has invited Polish Foreign Minister Bronisaw Geremek to visit the United States.';
    const visits = events(text, '1999-02-27').filter((e) => e.type === 'visit');
    expect(visits.map((e) => [e.participants.filter((k) => k.startsWith('person:')), e.location])).toEqual([[['person:bronisaw-geremek'], 'country:US']]);
  });

  it('the press told of an event is no party to it ("Shen Guofang told Reuters", CoNLL eng.train)', () => {
    const text = 'BEIJING 1996-08-22\nSpeaking only hours after Chinese state media said the time was right to engage in political talks with Taiwan , Foreign Ministry spokesman Shen Guofang told Reuters : " The necessary atmosphere for the opening of the talks has been disrupted by the Taiwan authorities . "';
    expect(events(text, '1996-08-22').flatMap((e) => e.participants).filter((k) => k.startsWith('org:'))).toEqual([]);
  });

  it('a country past a comma after "visit" is not its destination ("on four-day visit , said Britain wanted", CoNLL eng.train)', () => {
    const text = 'DHAKA 1996-08-20\n" I have told Bangladesh leaders that British goverment has attached serious importance to the resolution of the tragic death of Siraj Mia , " Under-Secretary of State for Foreign and Commonwealth Affairs Liam Fox Fox , told reporters .\nFox , who arrived in Bangladesh on Tuesday on four-day visit , said Britain wanted Dhaka to act seriously on the case .';
    const visits = events(text, '1996-08-20').filter((e) => e.type === 'visit');
    expect(visits.map((e) => e.location)).toEqual(['country:BD']);
  });

  it('a body named by its demonym stands for its state ("the American delegation", d13)', () => {
    const found = events('Gujarat Chief Minister Narendra Modi also refused to meet the American delegation.', null);
    expect(found[0]?.participantEvidence['country:US']).toBe('demonym');
  });
});

describe('delegations and people present', () => {
  const D13 = 'Gujarat Chief Minister Narendra Modi also refused to meet a senior United States Congressional delegation as a mark of protest.\nThe delegation comprised Congressmen George Holding (Republican -- North Carolina), Pete Olson (Republican --Texas) David Schweikert (Republican -- Arizona), Robert Woodall (Republican -- Georgia) and Madeleine Bordallo (Democrat -- Guam).';
  const D13_MEMBERS = ['person:george-holding', 'person:pete-olson', 'person:david-schweikert', 'person:robert-woodall', 'person:madeleine-bordallo'];
  const D22 = [
    'President Muhammadu Buhari, who is on a medical vacation in London, yesterday received top dignitaries from Nigeria.',
    "The delegation was led by the national chairman of the ruling All Progressives Party, John Odigie-Oyegun and some governors elected on the party's platform",
    'Those on the delegation were governors Rochas Okorocha of Imo State, Umaru Tanko Al-Makura of Nasarawa, Nasir El-Rufai of Kaduna and Yahaya Bello of Kogi as well as Transportation Minister, Rotimi Amaechi.',
    'According to Adesina, Okorocha said the president was delighted to receive the delegation and asked each governor about affairs in his state.',
  ].join('\n\n');
  const D22_MEMBERS = ['person:john-odigie-oyegun', 'person:rochas-okorocha', 'person:umaru-tanko-al-makura', 'person:nasir-el-rufai', 'person:yahaya-bello', 'person:rotimi-amaechi'];
  const D08 = 'Kabul/Doha, Feb 15 (IANS) A Taliban delegation headed by acting Foreign Minister Amir Khan Muttaqi met envoys of the Gulf states in Doha.\n\nBesides the meeting with the Gulf envoys, the Ministry said that the delegation is also scheduled to hold talks with representatives of the European Union, TOLO News reported.';
  const D03 = [
    'The President hosted Delaware Senator Chris Andrew Coons at the State House.',
    'The meeting comes days after the senator held separate talks with Mr Odinga last Sunday.',
    'United States Ambassador Meg Whitman – who is currently in the eye of a political storm between the government and the opposition for declaring the 2022 presidential outcome as fair and credible – and Foreign and Diaspora Affairs Cabinet Secretary Alfred Mutua were also present.',
  ];
  const D03_LEAD = 'President William Ruto Friday August 18 morning held talks with a US Senator who was behind former President Uhuru Kenyatta and opposition leader Raila Odinga’s handshake in 2018.';

  it.each([
    ['the members "the delegation comprised" (d13)', D13, null, 'person:narendra-modi', D13_MEMBERS],
    ['the head and "those on the delegation" (d22)', D22, null, 'person:muhammadu-buhari', D22_MEMBERS],
    ['"a delegation headed by" is its head, as a subject too (d08)', D08, '2022-02-15', 'org:european-union', ['person:amir-khan-muttaqi']],
  ])('a delegation stands for %s', (_, text, published, party, members) => {
    const found = events(text, published).filter((e) => e.participants.includes(party));
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) for (const m of members) expect(e.participants).toContain(m);
    expect(found[0].participantEvidence[members[members.length - 1]]).toBe('group');
  });

  it.each([
    ['in brackets (d08)', D08, '2022-02-15', 'org:ians', ['person:amir-khan-muttaqi']],
    // The page's furniture before it, as stored: the dateline is then part of the story's first sentence.
    ['in slashes, a press release (d35)', 'date 2025-04-01 OTTAWA, ON, April 1, 2025 /CNW/ - Today, the Prime Minister, Mark Carney, spoke with the President of Mexico, Claudia Sheinbaum.', '2025-04-01', 'org:cnw', ['person:mark-carney', 'person:claudia-sheinbaum']],
  ])('the agency of a dateline %s is not a party to the event it reports', (_, text, published, agency, parties) => {
    const found = events(text, published).filter((e) => parties.every((p) => e.participants.includes(p)));
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) expect(e.participants).not.toContain(agency);
  });

  it('"X and Y were also present" joins the meeting told before, not an aside (d03)', () => {
    const found = events([D03_LEAD, ...D03].join('\n\n'), '2023-08-18');
    const hosted = found.find((e) => e.trigger === 'hosted');
    expect(hosted?.participants.sort()).toEqual(['person:alfred-mutua', 'person:chris-andrew-coons', 'person:meg-whitman', 'person:william-ruto']);
    const aside = found.find((e) => e.participants.includes('person:raila-odinga'));
    expect(aside?.participants.sort()).toEqual(['person:chris-andrew-coons', 'person:raila-odinga']);
  });

  it.each([
    ['"former President X" is not "The President" (d03)', [D03_LEAD, D03[0]].join('\n\n'), '2023-08-18', 'person:william-ruto', 'person:uhuru-kenyatta'],
    ['"The Minister" is the minister named before (d02)', 'New York: The External Affairs Minister S. Jaishankar has held 11 bilateral meetings with his foreign counterparts.\n\nThe Minister also met US special envoy on Afghan peace reconciliation, Zalmay Khalilzad, for the first time.', '2019-09-24', 'person:subrahmanyam-jaishankar', null],
  ])('a bare title: %s', (_, text, published, holder, not) => {
    const found = events(text, published).filter((e) => e.trigger === 'hosted' || e.trigger === 'met');
    expect(found.map((e) => e.participants.includes(holder))).toEqual([true]);
    if (not) expect(found[0].participants).not.toContain(not);
  });

  it.each([
    ['a country in a title: "a US Senator who was behind ..." (d03)', D03_LEAD, '2023-08-18', ['country:US', 'person:uhuru-kenyatta', 'person:raila-odinga']],
    ['"US Special Envoy on Afghanistan" (d02)', 'He also had a meeting with US Special Envoy on Afghanistan," the spokesperson for the Ministry of External Affairs, Raveesh Kumar, said at a press briefing in New York.', '2019-09-24', ['country:US', 'country:AF']],
    ['the agency of a wire dateline (d08)', D08, '2022-02-15', ['org:ians']],
    ['"At State House, Nairobi held talks": a venue\'s town (d04)', '"At State House, Nairobi held talks with US Senator Chris Coons, who appreciated Kenya as one of the most vibrant democracies in the world."', null, ['country:KE']],
  ])('no party: %s', (_, text, published, absent) => {
    for (const e of events(text, published)) for (const a of absent) expect(e.participants).not.toContain(a);
  });
});

describe('dates of events', () => {
  it('a cancelled visit keeps the date it was planned for and records when the cancellation was reported (d09)', () => {
    const [visit] = events('Prime Minister of India Narendra Modi will no longer be visiting Guyana as planned in early December.', '2018-10-20');
    expect(visit.status).toBe('cancelled');
    expect([visit.date.dateStart, visit.date.dateEnd]).toEqual(['2018-12-01', '2018-12-10']);
    expect(visit.cancellationReported).toBe('2018-10-20');
  });

  it('a past report with no time expression gets a 2-day range ending on the publication date, marked inferred (d12)', () => {
    const [call] = withWang(events(D12_CALL, '2020-03-25'));
    expect(call.date).toEqual({ date: null, precision: 'range', dateStart: '2020-03-24', dateEnd: '2020-03-25' });
    expect(call.dateInferred).toBe(true);
    expect(call.dateEvidence?.rule).toBe('lead-event-publication');
  });

  it.each([
    ['a pluperfect aside (d23)', 'President Muhammadu Buhari has received another important dignitary.\n\nThe president had earlier received the likes of Asiwaju Bola Ahmed Tinubu, Senate President Bukola Saraki, among others.', '2017-03-09'],
    ['a plan (d28)', 'While in Fiji, Minister Nanaia Mahuta will meet with Prime Minister and Minister of Foreign Affairs Josaia Voreqe Bainimarama.', '2022-03-25'],
    ['no publication date (d17)', 'Xi and Nguyen Phu Trong had in-depth exchanges on major issues of common concern.', null],
  ])('no inferred date for %s', (_, text, published) => {
    for (const e of events(text, published)) expect(e.dateInferred).toBe(false);
  });

  it('"since 1979" does not date a summit (d11)', () => {
    const found = events("Solomon Islands is hosting the PIF leaders meeting for the third time since 1979. Addressing the meeting, the PIF Secretary General Baron Waqa highlighted the work of Solomon Islands Prime Minister Jeremiah Manele.", '2025-09-08');
    for (const e of found) expect(e.date.date).not.toBe('1979');
  });
});

describe('a summit is one event with its attendees', () => {
  it('the 54th PIF Leaders Meeting (d11): present, not barred', () => {
    const text = [
      "Pacific Islands Forum's leaders' summit kicks off in Solomon Islands",
      'Solomon Islands is hosting the PIF leaders meeting for the third time since 1979.',
      "The 54th Pacific Islands Forum (PIF) Leaders Meeting and Associated Meetings officially opened in Solomon Islands 's capital Honiara on Monday, with delegates from 18 member states including Australia and New Zealand participating in the five-day event.",
      "Over two dozen dialogue partners, including China, France, the US, UK, Japan, and Taiwan are blocked from attending the meeting by this year's host, Solomon Islands Prime Minister Jeremiah Manele.",
      '"If we are bold and united, the SIS will not only endure as a grouping, but will lead in showing how vulnerability can be transformed into political strength," Kiribati\'s President Taneti Maamau said at the SIS Leaders Meeting, which is part of the ongoing PIF meeting.',
      'Addressing the meeting, the PIF Secretary General Baron Waqa highlighted the S',
    ].join('\n\n');
    const found = events(text, '2025-09-08');
    const summits = found.filter((e) => e.type === 'summit');
    expect(summits).toHaveLength(1);
    // "Solomon Islands is hosting the PIF leaders meeting": the host attends the summit, in no meeting of its own.
    expect(found.filter((e) => e.type === 'meeting')).toEqual([]);
    const [summit] = summits;
    for (const p of ['person:jeremiah-manele', 'person:taneti-maamau', 'person:baron-waqa', 'country:AU', 'country:NZ']) expect(summit.participants).toContain(p);
    for (const p of ['country:CN', 'country:FR', 'country:US', 'country:JP', 'country:TW']) expect(summit.participants).not.toContain(p);
    expect(summit.date.date).toBe('2025-09-08');
  });

  it('an absent president is out, her stand-in in (d18)', () => {
    const text = [
      'The meeting brings together the leaders of Argentina, Brazil, Bolivia, CHile, Colombia, Ecuador, Guyana, Paraguay, Suriname, Uruguay, and Venezuela.',
      'On Tuesday, the presidents of the South American countries will take part in a regional summit convened by Brazilian President Lula da Silva.',
      'The Brasilia summit will also have the participation of presidents Alberto Fernandez (Argentina), Luis Arce (Bolivia), Gabriel Boric (Chile).',
      'President Dina Boluarte will not take part at the summit due to the ongoing political crisis in Peru. She will be represented by the Ministers Council President Alberto Otarola.',
    ].join('\n\n');
    const summits = events(text, '2023-05-30').filter((e) => e.type === 'summit');
    expect(summits).toHaveLength(1);
    // "the leaders of ..., and Venezuela": each state's leader on the day, Maduro too; Otarola stands in for Peru.
    for (const p of ['person:luiz-inacio-lula-da-silva', 'person:alberto-fernandez', 'person:luis-arce', 'person:gabriel-boric', 'person:nicolas-maduro', 'person:alberto-otarola']) expect(summits[0].participants).toContain(p);
    expect(summits[0].participants).not.toContain('person:dina-boluarte');
    // Argentina, Bolivia and Chile are there through their presidents.
    expect(summits[0].participants.filter((p) => p.startsWith('country:'))).toEqual([]);
  });
});
