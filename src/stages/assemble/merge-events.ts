// Merges event reports that are the same real event, within an article and across articles.
import { daysBetween, intersectRanges, rangeWidth, rangesOverlap } from '../dates/index.js';
import type { EventFact, EventStatus, ResolvedDate } from '../../types.js';
import { CandidateIndex } from './merge-candidates.js';
import { coreParties, partitionReports } from './event-partitions.js';

/** One real event: the reports of it, each with the article date it was resolved against. */
export interface EventCluster {
  reports: { fact: EventFact; article: string; anchor: string | null }[];
  type: string;
  participants: string[];
  date: ResolvedDate;
  location: string | null;
  status: EventStatus;
}

// call and visit stand apart; a summit is a meeting of leaders.
const TYPE_FAMILY: Record<string, string> = { meeting: 'meeting', summit: 'meeting', call: 'call', visit: 'visit' };

/** Locations compare by key, or by the country they lie in (Budapest ~ Hungary). */
export type LocationCountry = (key: string) => string | null;

/**
 * Groups event reports (given in a deterministic order) into clusters, one per real event: each partition of reports
 * that may merge (partitionReports) on its own, the clusters in the order of their first reports, as one pass over
 * every report gives them.
 */
export function clusterEvents(reports: EventCluster['reports'], countryOf: LocationCountry): EventCluster[] {
  const turn = new Map(reports.map((r, i) => [r, i]));
  const clusters = partitionReports(reports).flatMap((partition) => mergeReports(partition, countryOf));
  return clusters.sort((a, b) => turn.get(a.reports[0])! - turn.get(b.reports[0])!);
}

/** Merges reports in the order given, each into the event it fits best or a new one. */
export function mergeReports(reports: EventCluster['reports'], countryOf: LocationCountry): EventCluster[] {
  const clusters: EventCluster[] = [];
  const index = new CandidateIndex();
  // Each cluster's core parties, kept as it absorbs reports rather than worked out again for every report it meets.
  const cores = new Map<EventCluster, string[]>();
  for (const report of reports) {
    const core = coreParties(report.fact.participants);
    // Asked once per report: its regex would otherwise run again for every candidate.
    const another = isAnother(report.fact);
    const related = index.candidates(core).filter((c) => sameCore(cores.get(c)!, core) !== 'none' && compatible(c, report, another, countryOf));
    // A dated report: the same core parties first, a report naming more or fewer of one meeting's attendees only when
    // none has the same. An undated one: any event of its parties counts, so that two to choose from are two.
    const equal = related.filter((c) => sameCore(cores.get(c)!, core) === 'equal');
    const target = report.fact.date.precision !== 'unknown' ? pickClosest(equal.length > 0 ? equal : related, report) : pickForUndated(related, report);
    if (target) absorb(target, report);
    else {
      const cluster: EventCluster = { reports: [report], type: report.fact.type, participants: [...report.fact.participants].sort(), date: report.fact.date, location: report.fact.location, status: report.fact.status };
      clusters.push(cluster);
    }
    const cluster = target ?? clusters[clusters.length - 1];
    cores.set(cluster, coreParties(cluster.participants));
    index.file(cluster, cores.get(cluster)!);
  }
  for (const c of clusters) finalize(c);
  return clusters;
}

/**
 * How two sets of core parties relate: the same, or one holding the other with two or more people in common (a report
 * that names one meeting's attendees "also present", beside one that names only the two leaders).
 */
function sameCore(a: string[], b: string[]): 'equal' | 'contains' | 'none' {
  if (a.length === b.length && a.every((k, i) => k === b[i])) return 'equal';
  const [small, large] = a.length < b.length ? [a, b] : [b, a];
  const people = small.filter((k) => k.startsWith('person:'));
  return people.length === small.length && people.length >= 2 && small.every((k) => large.includes(k)) ? 'contains' : 'none';
}

/** Whether the report may be of the cluster's event; `another`: the report tells of a further event (isAnother). */
function compatible(cluster: EventCluster, report: EventCluster['reports'][number], another: boolean, countryOf: LocationCountry): boolean {
  const fact = report.fact;
  if (TYPE_FAMILY[cluster.type] !== TYPE_FAMILY[fact.type]) return false;
  // "a more low-key visit", "another meeting": the article tells of a second event, not again of the first.
  if (another && cluster.reports.some((r) => r.article === report.article)) return false;
  if (cluster.date.precision !== 'unknown' && fact.date.precision !== 'unknown' && !rangesOverlap(cluster.date, fact.date)) return false;
  // A bare year ("visited New Zealand in 1998") is a historical aside: an undated report of the same pair is not it.
  if ((cluster.date.precision === 'year') !== (fact.date.precision === 'year') && (cluster.date.precision === 'unknown' || fact.date.precision === 'unknown')) return false;
  // Across articles, an undated report may join a dated event only when both articles have a date to check it against.
  // A story with no date at all has nothing to check: its report joins the one event of its parties that fits (see
  // pickForUndated and pickClosest), as a reader takes an undated copy of a story for the story he knows.
  if (!cluster.reports.some((r) => r.article === report.article) && !floating(cluster, report)) {
    const dated = [cluster.date.precision !== 'unknown', fact.date.precision !== 'unknown'].filter(Boolean).length;
    if (dated === 0 && !sameNewsCycle(cluster, report)) return false;
    if (dated === 1 && (!report.anchor || cluster.reports.some((r) => !r.anchor))) return false;
  }
  const merged = combineDates(cluster.date, fact.date);
  if (![...cluster.reports, report].every((r) => fitsReport(merged, r))) return false;
  if (cluster.status === 'cancelled' && fact.status !== 'cancelled' && fact.status !== 'planned') return false;
  return locationsAgree(cluster.location, fact.location, countryOf);
}

// Undated reports of one pair in articles a few days apart are one story told twice ("Mahuta will meet Bainimarama" in
// two papers of the same week); further apart, the same pair may well have met again.
const NEWS_CYCLE_DAYS = 7;

/** Whether every report of the cluster and the new one come from dated articles within one news cycle. */
function sameNewsCycle(cluster: EventCluster, report: EventCluster['reports'][number]): boolean {
  const anchors = [...cluster.reports, report].map((r) => r.anchor);
  if (anchors.some((a) => a === null)) return false;
  const sorted = (anchors as string[]).sort();
  return daysBetween(sorted[0], sorted[sorted.length - 1]) <= NEWS_CYCLE_DAYS;
}

/** A report cannot describe as done an event after its article's date, nor as planned one well before it. */
function fitsReport(date: ResolvedDate, report: EventCluster['reports'][number]): boolean {
  const { anchor, fact } = report;
  if (!anchor || !date.dateStart || !date.dateEnd) return true;
  if (fact.status === 'occurred') return date.dateStart <= anchor;
  if (fact.status === 'planned') return date.dateEnd >= anchor;
  return true;
}

function locationsAgree(a: string | null, b: string | null, countryOf: LocationCountry): boolean {
  if (!a || !b || a === b) return true;
  const ca = a.startsWith('country:') ? a : countryOf(a);
  const cb = b.startsWith('country:') ? b : countryOf(b);
  return ca !== null && ca === cb;
}

/** Whether one side comes only from articles with no date: a report of an undated story, or an event only such stories tell of. */
function floating(cluster: EventCluster, report: EventCluster['reports'][number]): boolean {
  return report.anchor === null || cluster.reports.every((r) => r.anchor === null);
}

// "a more low-key visit", "another meeting", "a second call": words that introduce a further event of the same kind
const ANOTHER = /\b(?:another|a\s+(?:second|third|new|further|separate|fresh|more\s+[\p{L}-]+))\s+(?:[\p{L}-]+\s+){0,2}$/iu;

function isAnother(fact: EventFact): boolean {
  return fact.evidence.some((e) => {
    const at = e.quote.indexOf(fact.trigger);
    return at > 0 && ANOTHER.test(e.quote.slice(Math.max(0, at - 40), at));
  });
}

/** The narrowest fitting event; a dated report joins an event only undated stories tell of only when it is the one candidate. */
function pickClosest(candidates: EventCluster[], report: EventCluster['reports'][number]): EventCluster | null {
  const fit = candidates.length > 1 ? candidates.filter((c) => c.reports.some((r) => r.article === report.article) || !floating(c, report)) : candidates;
  return [...fit].sort((x, y) => rangeWidth(x.date) - rangeWidth(y.date))[0] ?? null;
}

/** An undated report joins an event only when one fits: first among its own article's events, then by place; two meetings of a pair stay two. */
function pickForUndated(candidates: EventCluster[], report: EventCluster['reports'][number]): EventCluster | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const sameArticle = candidates.filter((c) => c.reports.some((r) => r.article === report.article));
  if (sameArticle.length === 1) return sameArticle[0];
  const samePlace = candidates.filter((c) => report.fact.location !== null && c.location === report.fact.location);
  return samePlace.length === 1 ? samePlace[0] : null;
}

function absorb(cluster: EventCluster, report: EventCluster['reports'][number]): void {
  cluster.reports.push(report);
  cluster.participants = [...new Set([...cluster.participants, ...report.fact.participants])].sort();
  cluster.date = combineDates(cluster.date, report.fact.date);
  if (!cluster.location || (cluster.location.startsWith('country:') && report.fact.location && !report.fact.location.startsWith('country:'))) cluster.location = report.fact.location ?? cluster.location;
}

/** The most precise date the reports agree on: a day beats a range, two ranges intersect. */
function combineDates(a: ResolvedDate, b: ResolvedDate): ResolvedDate {
  if (a.precision === 'unknown') return b;
  if (b.precision === 'unknown') return a;
  const common = intersectRanges(a, b);
  if (!common) return a;
  if (common === a || common === b) return common;
  return rangeWidth(a) <= rangeWidth(b) && a.precision !== 'range' ? a : rangeWidth(b) < rangeWidth(a) && b.precision !== 'range' ? b : common;
}

const TYPE_RANK: Record<string, number> = { summit: 1, meeting: 2, call: 3, visit: 4 };

function finalize(cluster: EventCluster): void {
  // Most reports name the type; a tie goes to the more specific "summit".
  const votes = new Map<string, number>();
  for (const r of cluster.reports) votes.set(r.fact.type, (votes.get(r.fact.type) ?? 0) + 1);
  cluster.type = [...votes.entries()].sort((x, y) => y[1] - x[1] || (TYPE_RANK[x[0]] ?? 9) - (TYPE_RANK[y[0]] ?? 9))[0][0];
  cluster.status = combineStatus(cluster);
}

/** The latest report decides: a plan reported as done later is done; a cancellation stands. */
function combineStatus(cluster: EventCluster): EventStatus {
  const byDate = [...cluster.reports].sort((x, y) => (x.anchor ?? '').localeCompare(y.anchor ?? ''));
  const latest = byDate[byDate.length - 1].anchor;
  const lastReports = byDate.filter((r) => r.anchor === latest).map((r) => r.fact.status);
  if (lastReports.includes('cancelled')) return 'cancelled';
  if (cluster.reports.some((r) => r.fact.status === 'occurred' && r.fact.dateEvidence)) return 'occurred';
  if (lastReports.includes('planned')) return 'planned';
  return lastReports.includes('occurred') ? 'occurred' : 'planned';
}
