// A database of its own for each test file, on the real server the jest global setup started (or KG_TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/connect.js';
import { migrate } from '../../src/db/migrate.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function serverUrl(): string {
  const url = process.env.KG_TEST_DATABASE_URL;
  if (!url) throw new Error('no PostgreSQL server for the database tests: install Debian\'s postgresql (npm test does as root), or set KG_TEST_DATABASE_URL=postgres://user@host:port/db');
  return url;
}

/** Creates an empty database; drop() removes it, closing what is still connected. */
export async function freshDatabase(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  const name = `kg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface MigratedDatabase extends TestDatabase {
  db: Db;
}

/** A fresh database with kg's migrations applied and a pool on it; drop() closes the pool, then removes the database. */
export async function migratedDatabase(): Promise<MigratedDatabase> {
  const database = await freshDatabase();
  const db = await openDb(database.url);
  await migrate(db);
  return {
    url: database.url,
    db,
    async drop() {
      await db.end();
      await database.drop();
    },
  };
}
