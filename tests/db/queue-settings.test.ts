// The job expiry follows from the per-article budget and the batch: a healthy worker whose every article runs to the
// budget still ends its batch before its jobs expire, and a worker cuts its batch to the expiry it finds.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { batchHoldSeconds, batchWithinExpiry, DEFAULT_QUEUE_SETTINGS, defaultJobExpiry } from '../../src/db/queue-settings.js';
import { kgCommand, ROOT } from '../helpers/kg-bin.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/postgres.js';

const run = promisify(execFile);
const kg = async (args: string[]): Promise<string> => (await run(...kgCommand(args), { cwd: ROOT })).stderr;

describe('the settings', () => {
  it.each([
    // budget (s), batch, threads -> the longest a healthy worker holds a job (two lanes share the threads)
    [30, 8, 1, 2 * 8 * 30 + 60],
    [30, 16, 2, 2 * 8 * 30 + 60],
    [30, 9, 2, 9 * 30 + 60],
    [5, 1, 4, 5 + 60],
  ])('a budget of %d s, a batch of %d on %d thread(s): held at most %d s', (budget, batch, threads, seconds) => {
    expect(batchHoldSeconds(batch, threads, budget)).toBe(seconds);
  });

  it('the default expiry is that of the default batch at the budget given', () => {
    expect(DEFAULT_QUEUE_SETTINGS.expirySeconds).toBe(540);
    expect(defaultJobExpiry(60)).toBe(2 * 8 * 60 + 60);
  });

  it.each([
    // expiry, wanted batch, threads, budget -> batch, fits
    [540, 8, 1, 30, 8, true],
    [540, 32, 2, 30, 16, true],
    [300, 8, 1, 30, 4, true],
    [300, 8, 3, 30, 8, true],
    [100, 8, 1, 30, 8, false],
  ])('expiry %d s, batch %d wanted on %d thread(s), budget %d s: a batch of %d (fits: %s)', (expiry, wanted, threads, budget, batch, fits) => {
    const chosen = batchWithinExpiry(expiry, wanted, threads, budget);
    expect(chosen).toEqual({ batch, fits });
    if (fits) expect(batchHoldSeconds(chosen.batch, threads, budget)).toBeLessThanOrEqual(expiry);
  });
});

describe('kg build --queue and kg worker', () => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await migratedDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  const expiry = async (): Promise<number> => (await database.db.query("SELECT expire_seconds AS s FROM pgboss.queue WHERE name = 'kg-extract'")).rows[0].s;

  it('kg build --queue sets the expiry from --article-timeout, or --job-expiry when given', async () => {
    await kg(['build', 'data/articles', '--db', database.url, '--queue', '--article-timeout', '10']);
    expect(await expiry()).toBe(defaultJobExpiry(10));
    await kg(['build', 'data/articles', '--db', database.url, '--queue', '--job-expiry', '1000']);
    expect(await expiry()).toBe(1000);
  }, 120_000);

  it('a worker cuts its batch to what it finishes within the expiry, and says so', async () => {
    await kg(['build', 'data/articles', '--db', database.url, '--queue', '--job-expiry', '300']);
    const stderr = await kg(['worker', '--db', database.url, '--until-empty', '--poll', '0.2', '--batch', '20']);
    expect(stderr).toMatch(/worker: batch of 4 instead of 20, so that a batch with every article at --article-timeout 30 s ends within the jobs' expiry \(300 s\)/);
    expect(stderr).toMatch(/5 article\(s\) extracted/);
  }, 120_000);
});
