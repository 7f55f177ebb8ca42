// Benchmark helper (not a test): grows a database's stored articles and facts K-fold without extracting again, so that
// assembly, the graph tables and `kg query --db` can be measured at a size whose extraction would take hours here.
// The copies are made by copyFacts (scripts/bench/copy-facts.ts).
//   npx tsx scripts/bench/replicate-facts.ts --db URL --copies 4
import { parseArgs } from 'node:util';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { copyFacts } from './copy-facts.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, copies: { type: 'string', default: '4' } } });
const copies = Number(values.copies);
if (!values.db || !Number.isInteger(copies) || copies < 1) throw new Error('replicate-facts: --db URL and --copies N (a whole number of 1 or more) are required');

const BATCH = 500;

const reader = new pg.Client({ connectionString: values.db });
const writer = new pg.Client({ connectionString: values.db });
await Promise.all([reader.connect(), writer.connect()]);
const started = performance.now();
let copied = 0;
try {
  await writer.query('BEGIN');
  for (let k = 1; k <= copies; k++) {
    await writer.query(
      `INSERT INTO kg.articles (id, hash, format, meta, text)
       SELECT a.id || '~' || $1::int, a.hash, a.format, replace(a.meta::text, to_json(a.id)::text, to_json(a.id || '~' || $1::int)::text)::json, a.text
       FROM kg.articles a WHERE a.id NOT LIKE '%~%'`,
      [k],
    );
  }
  const stream = reader.query(new QueryStream("SELECT article_id, pipeline, hash, facts::text AS facts FROM kg.facts WHERE article_id NOT LIKE '%~%' ORDER BY article_id", [], { batchSize: BATCH }));
  let rows: { article_id: string; pipeline: string; hash: string; facts: string }[] = [];
  const flush = async () => {
    const ids: string[] = [], pipelines: string[] = [], hashes: string[] = [], facts: string[] = [];
    for (const row of rows) {
      for (let k = 1; k <= copies; k++) {
        ids.push(`${row.article_id}~${k}`);
        pipelines.push(row.pipeline);
        hashes.push(row.hash);
        facts.push(copyFacts(row.facts, row.article_id, k));
      }
    }
    await writer.query('INSERT INTO kg.facts (article_id, pipeline, hash, facts) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[])', [ids, pipelines, hashes, facts]);
    copied += ids.length;
    rows = [];
  };
  for await (const row of stream as AsyncIterable<(typeof rows)[number]>) {
    rows.push(row);
    if (rows.length >= BATCH) await flush();
  }
  if (rows.length > 0) await flush();
  await writer.query('COMMIT');
  const { rows: count } = await writer.query<{ articles: string }>('SELECT count(*) AS articles FROM kg.articles');
  process.stdout.write(`replicate-facts: ${copied} facts copied (${copies} per article) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${count[0].articles} articles stored\n`);
} catch (error) {
  await writer.query('ROLLBACK');
  throw error;
} finally {
  await Promise.all([reader.end(), writer.end()]);
}
