// Migrations against a real PostgreSQL server: applied once, in order, and a changed applied file refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../src/db/connect.js';
import { migrate, readMigrations, MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { freshDatabase, type TestDatabase } from '../helpers/postgres.js';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await freshDatabase();
  db = await openDb(database.url);
});
afterAll(async () => {
  await db.end();
  await database.drop();
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

test('applies each migration once, in version order, and records it', async () => {
  const dir = migrationsDir({ '002_second.sql': 'ALTER TABLE kg.t ADD COLUMN b int;', '001_first.sql': 'CREATE TABLE kg.t (a int);' });
  expect(await migrate(db, dir)).toEqual([1, 2]);
  expect(await migrate(db, dir)).toEqual([]);
  const { rows } = await db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'kg' AND table_name = 't' ORDER BY ordinal_position");
  expect(rows.map((r) => r.column_name)).toEqual(['a', 'b']);
});

test('a migration changed after it was applied is refused, naming the file', async () => {
  const dir = migrationsDir({ '001_first.sql': 'CREATE TABLE kg.t (a int, c int);' });
  await expect(migrate(db, dir)).rejects.toThrow(/001_first\.sql was changed after it was applied/);
});

test('a failing migration rolls back and names its file', async () => {
  const dir = migrationsDir({ '001_first.sql': 'CREATE TABLE kg.t (a int);', '002_second.sql': 'ALTER TABLE kg.t ADD COLUMN b int;', '003_bad.sql': 'CREATE TABLE kg.u (x int); SELECT * FROM no_such_table;' });
  await expect(migrate(db, dir)).rejects.toThrow(/003_bad\.sql failed: .*no_such_table/);
  const { rows } = await db.query("SELECT to_regclass('kg.u') AS u");
  expect(rows[0].u).toBeNull();
});

test('the shipped migrations apply to an empty database', async () => {
  const fresh = await freshDatabase();
  const other = await openDb(fresh.url);
  try {
    expect(await migrate(other)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.version));
  } finally {
    await other.end();
    await fresh.drop();
  }
});

test('an unreachable server is a clear error naming the URL without its password', async () => {
  await expect(openDb('postgres://kg:secret@127.0.0.1:1/kg')).rejects.toThrow(/cannot connect to PostgreSQL at postgres:\/\/kg:\*\*\*@127\.0\.0\.1:1\/kg \(ECONNREFUSED\)/);
  await expect(openDb('mysql://x')).rejects.toThrow(/not a PostgreSQL URL/);
});
