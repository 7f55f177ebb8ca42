// The naive baseline the pipeline is measured against: compromise with compromise-dates on every article, nothing else.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import type { DatesMethods } from 'compromise-dates';

nlp.plugin(datesPlugin);

/** Runs nlp(text), people, places, organizations and dates({today: published}) on each JSONL record; returns articles, text bytes, ms and how often compromise-dates threw. */
export async function runBaseline(file: string): Promise<{ articles: number; textBytes: number; ms: number; dateErrors: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let articles = 0;
  let textBytes = 0;
  let dateErrors = 0;
  let ms = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { text: string; published: string };
    // Timed per article, so reading and JSON parsing are not charged to the baseline.
    const t0 = performance.now();
    const doc = nlp(record.text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    try {
      (doc as unknown as DatesMethods).dates({ today: record.published }).json();
    } catch {
      // compromise-dates 3.9 throws on some ordinary sentences (see STACK.md).
      dateErrors++;
    }
    ms += performance.now() - t0;
    articles++;
    textBytes += Buffer.byteLength(record.text, 'utf8');
  }
  return { articles, textBytes, ms, dateErrors };
}
