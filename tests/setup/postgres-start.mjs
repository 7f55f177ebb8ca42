// Jest global setup: the database tests need a real PostgreSQL server. Given one in KG_TEST_DATABASE_URL (CI starts its
// own), it is used; otherwise a throwaway server is started here and stopped by postgres-stop.mjs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinDir, startServer } from '../../scripts/pg-server.mjs';

export default async function startPostgres() {
  if (process.env.KG_TEST_DATABASE_URL) return;
  // Without PostgreSQL only the database tests fail, each saying what to install (tests/helpers/postgres.ts).
  if (findBinDir() === null) return;
  const dir = mkdtempSync(join(tmpdir(), 'kg-test-pg-'));
  process.env.KG_TEST_DATABASE_URL = await startServer(dir);
  process.env.KG_TEST_PG_DIR = dir;
}
