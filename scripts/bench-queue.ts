// Queue benchmark (not a test): a seeded synthetic corpus through kg build --db --queue, N kg worker processes and
// kg assemble, on a throwaway PostgreSQL server (or --server URL): articles/s, peak RSS of each process, database size;
// then one kg query on the assembled graph with --db.
//   npm run bench:queue -- --articles 20000 --workers 1,2,4 [--local] [--query] [--server postgres://user@host:port/db] [--keep]
// --local first builds the corpus on files (kg build, one worker) for the rate without the database.
// --keep leaves the corpus and, with --server, the databases.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { loadKnowledgeBase } from '../src/kb/index.js';
import { writeCorpus } from './bench/corpus.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const KG = path.join(ROOT, 'bin/kg.js');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '1,2,4' },
    query: { type: 'boolean', default: false },
    local: { type: 'boolean', default: false },
    server: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.articles.split(',').map(Number);
const workerCounts = values.workers.split(',').map(Number);
for (const n of [...sizes, ...workerCounts]) if (!Number.isInteger(n) || n < 1) throw new Error(`bench:queue: --articles and --workers take whole numbers of 1 or more, got "${n}"`);

interface Timed {
  seconds: number;
  maxRssMb: number;
  stderr: string;
}

/** Runs `kg args...` under GNU time for its peak RSS. */
async function kg(args: string[]): Promise<Timed> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kg-bench-time-'));
  const out = path.join(dir, 'time');
  const started = performance.now();
  try {
    const { stderr } = await run('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, KG, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { seconds: (performance.now() - started) / 1000, maxRssMb: Number((await readFile(out, 'utf8')).trim().split('\n').at(-1)) / 1024, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const log = (text: string): void => void process.stdout.write(`${text}\n`);
const dir = await mkdtemp(path.join(tmpdir(), 'kg-bench-queue-'));
// Apart from `dir`: the server runs as the postgres account when run as root, and must reach its folder.
const serverDir = path.join(tmpdir(), `kg-bench-pg-${process.pid}`);
const pgServer = (command: string): Promise<{ stdout: string }> => run(process.execPath, [path.join(ROOT, 'scripts/pg-server.mjs'), command, serverDir]);
const server = values.server ?? (await pgServer('start')).stdout.trim();
const admin = new pg.Client({ connectionString: server });
await admin.connect();
try {
  for (const count of sizes) {
    const corpus = path.join(dir, `corpus-${count}.jsonl`);
    const written = await writeCorpus(corpus, count, loadKnowledgeBase());
    log(`corpus: ${count} articles, ${(written.textBytes / 1e6).toFixed(1)} MB of text`);
    if (values.local) {
      const local = await kg(['build', corpus, '--out', path.join(dir, `out-${count}`), '--workers', '1', '--no-cache', '--formats', 'none']);
      log(`  kg build on files, 1 worker: ${(count / local.seconds).toFixed(1)} articles/s (${local.seconds.toFixed(1)} s), peak RSS ${local.maxRssMb.toFixed(0)} MB`);
    }
    for (const workers of workerCounts) {
      const name = `kg_bench_${count}_${workers}_${process.pid}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      const db = url.toString();
      const enqueue = await kg(['build', corpus, '--db', db, '--queue']);
      const started = performance.now();
      const runs = await Promise.all(Array.from({ length: workers }, () => kg(['worker', '--db', db, '--until-empty', '--poll', '0.5'])));
      const extractSeconds = (performance.now() - started) / 1000;
      const assemble = await kg(['assemble', '--db', db]);
      const client = new pg.Client({ connectionString: db });
      await client.connect();
      const { rows } = await client.query<{ total: string; articles: string; facts: string; graph: string; queue: string }>(
        `SELECT pg_database_size(current_database()) AS total,
                pg_total_relation_size('kg.articles') AS articles, pg_total_relation_size('kg.facts') AS facts,
                (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'kg' AND c.relkind = 'r' AND c.relname LIKE 'graph%') AS graph,
                (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pgboss' AND c.relkind = 'r') AS queue`,
      );
      await client.end();
      const mb = (bytes: string): string => `${(Number(bytes) / 1e6).toFixed(0)} MB`;
      const size = rows[0];
      log(`  ${workers} worker process(es): ${(count / extractSeconds).toFixed(1)} articles/s (extract ${extractSeconds.toFixed(1)} s); enqueue ${enqueue.seconds.toFixed(1)} s (${(count / enqueue.seconds).toFixed(0)} articles/s); assemble ${assemble.seconds.toFixed(1)} s`);
      log(`    peak RSS: enqueue ${enqueue.maxRssMb.toFixed(0)} MB, workers ${runs.map((r) => r.maxRssMb.toFixed(0)).join(' / ')} MB, assemble ${assemble.maxRssMb.toFixed(0)} MB`);
      log(`    database ${mb(size.total)}: articles ${mb(size.articles)}, facts ${mb(size.facts)}, graph ${mb(size.graph)}, pg-boss ${mb(size.queue)}`);
      log(`    ${assemble.stderr.trim().split('\n').filter((l) => /graph of|dead letter|waiting/.test(l)).join('\n    ')}`);
      if (values.query) {
        const query = await kg(['query', 'between', 'Putin', 'Trump', '--db', db]).catch((error: { stderr?: string; message: string }) => ({ seconds: NaN, maxRssMb: NaN, stderr: error.stderr ?? error.message }));
        log(`    kg query between Putin Trump --db: ${query.seconds.toFixed(1)} s, peak RSS ${query.maxRssMb.toFixed(0)} MB${Number.isNaN(query.seconds) ? `; failed: ${query.stderr.trim().split('\n')[0]}` : ''}`);
      }
      if (!values.keep) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  }
} finally {
  await admin.end();
  if (!values.server) await pgServer('stop');
  if (values.keep) log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
