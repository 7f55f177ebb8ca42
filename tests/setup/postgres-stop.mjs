// Jest global teardown: stops the server postgres-start.mjs started, if it started one.
import { stopServer } from '../../scripts/pg-server.mjs';

export default async function stopPostgres() {
  const dir = process.env.KG_TEST_PG_DIR;
  if (!dir) return;
  stopServer(dir);
  delete process.env.KG_TEST_PG_DIR;
  delete process.env.KG_TEST_DATABASE_URL;
}
