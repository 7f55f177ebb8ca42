// `kg worker --db URL`: extracts queued articles into the database until stopped (Ctrl+C, SIGTERM: after the batch in hand), or with --until-empty until every job is finished.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../errors.js';
import { BATCH_PER_THREAD } from '../../db/queue-settings.js';
import { DEFAULT_BUILD_OPTIONS } from '../../pipeline/options.js';

interface WorkerFlags {
  db: string;
  concurrency: number;
  batch?: number;
  poll: number;
  maintenance: number;
  untilEmpty?: boolean;
  articleTimeout: number;
  kb: string[];
}

const HELP_AFTER = `
Start any number of workers, on any machines that reach the database: each takes jobs a batch at a time
(FOR UPDATE SKIP LOCKED), so no two workers hold the same job. A worker killed mid-batch leaves its jobs active
until they expire (kg build --queue --job-expiry); another worker's maintenance then retries them. A job that
fails or expires on every attempt becomes a dead letter, which kg assemble lists with the reason.
Run workers from the same kg version, with the same --kb files, as the build that queued the articles.

Examples:
  kg worker --db postgres://kg@127.0.0.1/kg
  kg worker --db postgres://kg@127.0.0.1/kg --concurrency 2 --until-empty
`;

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Extract the articles queued by kg build --db URL --queue, storing their facts in the database.')
    .requiredOption('--db <url>', 'the PostgreSQL database (postgres://...) holding the queue and the store')
    .option('--concurrency <n>', 'extraction threads (1: in the main thread)', (v) => parsePositive(v, '--concurrency'), 1)
    .option('--batch <n>', 'jobs fetched at a time (default: 8 per thread; cut to what the threads finish within the jobs\' expiry)', (v) => parsePositive(v, '--batch'))
    .option('--poll <seconds>', 'wait between two looks at an empty queue', (v) => parseSecondsFlag(v, '--poll'), 2)
    .option('--maintenance <seconds>', 'how often to retry the expired jobs of dead workers (pg-boss maintenance)', (v) => parseSecondsFlag(v, '--maintenance', 1), 60)
    .option('--until-empty', 'stop once every job is finished (completed, or a dead letter), instead of waiting for more')
    .option('--article-timeout <seconds>', 'time one article may take before its job fails (and is retried)', (v) => parseSecondsFlag(v, '--article-timeout'), DEFAULT_BUILD_OPTIONS.articleTimeoutMs / 1000)
    .option('--kb <path>', 'a KB file or folder merged over the built-in KB, as given to kg build (repeatable)', collectPaths, [])
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: WorkerFlags) => {
      if (flags.concurrency > availableParallelism() * 4) throw new UsageError('bad-concurrency', `worker: --concurrency ${flags.concurrency} is far above this machine's ${availableParallelism()} cores`);
      const [{ openDb }, { runWorker }] = await Promise.all([import('../../db/connect.js'), import('../../workers/queue-worker.js')]);
      const db = await openDb(flags.db, { max: 4 });
      const stop = new AbortController();
      const onSignal = (): void => {
        process.stderr.write('worker: stopping after the batch in hand\n');
        stop.abort();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let last = 0;
      try {
        const totals = await runWorker({
          db, kbPaths: flags.kb, concurrency: flags.concurrency, batch: flags.batch ?? BATCH_PER_THREAD * flags.concurrency, pollMs: flags.poll * 1000,
          maintenanceSeconds: flags.maintenance, untilEmpty: flags.untilEmpty ?? false, articleTimeoutMs: flags.articleTimeout * 1000, signal: stop.signal,
          onNotice: (message) => process.stderr.write(`worker: ${message}\n`),
          onBatch: (t) => {
            if (performance.now() - last < 10_000) return;
            last = performance.now();
            process.stderr.write(`worker: ${t.extracted} extracted, ${t.failed} failed, ${t.alreadyDone} done already\n`);
          },
        });
        process.stderr.write(`worker: pipeline ${totals.pipeline}: ${totals.jobs} job(s), ${totals.extracted} article(s) extracted, ${totals.alreadyDone} found done already, ${totals.failed} failed (retried, or dead letters)\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await db.end();
      }
    });
}

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('bad-number', `worker: ${flag} takes a whole number of 1 or more, got "${value}"`);
  return n;
}

function parseSecondsFlag(value: string, flag: string, min = 0.1): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError('bad-seconds', `worker: ${flag} takes a number of seconds of ${min} or more, got "${value}"`);
  return n;
}

function collectPaths(value: string, previous: string[]): string[] {
  return [...previous, value];
}
