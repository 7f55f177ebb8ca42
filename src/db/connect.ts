// Connections to the PostgreSQL store (`--db postgres://...`): one pool per command, errors that say what to do.
import pg from 'pg';
import { KgError } from '../errors.js';

export type Db = pg.Pool;

/** The URL without its password, for messages and reports. */
export function describeDbUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** A pool on the database at `url`; fails at once, with the reason and the fix, when the server cannot be reached. */
export async function openDb(url: string, options: { max?: number } = {}): Promise<Db> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new KgError('bad-db-url', `--db: "${describeDbUrl(url)}" is not a PostgreSQL URL; give one such as postgres://user@127.0.0.1:5432/kg`, 2);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, application_name: 'kg' });
  // An idle client losing its server must not crash the process: the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const why = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    throw new KgError('db-unreachable', `--db: cannot connect to PostgreSQL at ${describeDbUrl(url)} (${why}): start the server, or check the host, port, user and database in the URL`);
  }
  return pool;
}

/** Runs `fn` on one connection inside a transaction (`begin` opens it): committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(db: Db, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await db.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
