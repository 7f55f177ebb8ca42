// Versioned migrations: plain SQL files in src/db/migrations, NNN_name.sql, applied once each and in order, each in
// its own transaction, under an advisory lock so that workers starting together do not apply one twice.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Db } from './connect.js';
import { KgError } from '../errors.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
// Any fixed number: the lock only has to be the same for every kg process.
const LOCK_ID = 7_204_113;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

/** The migration files, in version order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!match) throw new KgError('bad-migration', `${path.join(dir, file)}: a migration is named NNN_name.sql`);
    const sql = readFileSync(path.join(dir, file), 'utf8');
    migrations.push({ version: Number(match[1]), name: match[2], file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) throw new KgError('bad-migration', `${dir}: two migrations have version ${migrations[i].version}`);
  }
  return migrations;
}

/** Applies the migrations the database lacks; returns the versions applied. A changed file that was applied already is an error. */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<number[]> {
  const migrations = readMigrations(dir);
  const client = await db.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query('CREATE SCHEMA IF NOT EXISTS kg');
    await client.query('CREATE TABLE IF NOT EXISTS kg.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Map<number, string>();
    for (const row of (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM kg.schema_migrations')).rows) applied.set(row.version, row.checksum);
    const done: number[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new KgError('migration-changed', `migration ${m.file} was changed after it was applied to this database; put the change in a new migration file`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO kg.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new KgError('migration-failed', `migration ${m.file} failed: ${(error as Error).message}`);
      }
      done.push(m.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
    client.release();
  }
}
