// Copies of an article's facts for benchmarks at a size whose extraction would take hours here.
// Copy k of article A is article "A~k"; every ISO date in its facts moves 28k years on (28 keeps weekdays and leap
// days), so the copies' events are new events, not more reports of the originals.

const ISO_DATE = /"(\d{4})-(\d\d-\d\d)/g;

/** The facts JSON of copy k: the article's id renamed wherever it stands as a JSON string, its dates moved 28k years. */
export function copyFacts(facts: string, id: string, k: number): string {
  const quoted = JSON.stringify(id);
  return facts
    .split(quoted)
    .join(JSON.stringify(`${id}~${k}`))
    .replace(ISO_DATE, (_, year: string, rest: string) => `"${Number(year) + 28 * k}-${rest}`);
}
