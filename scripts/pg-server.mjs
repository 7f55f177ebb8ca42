// A throwaway PostgreSQL server for the tests and CI: `start DIR` makes a new cluster in DIR, starts it on 127.0.0.1
// at a free port and prints its URL; `stop DIR` stops it and deletes DIR. Importable too (startServer, stopServer).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const USER = 'kg';

/** The newest Debian PostgreSQL's bin folder, or null when none is installed. */
export function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(base, versions[0], 'bin') : null;
}

/** A port nothing listens on now. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

// PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres account Debian's package makes.
function runAsOwner(bin, args) {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg-server: ${[bin, ...args].join(' ')} failed (exit ${result.status ?? result.signal}): ${(result.stderr || result.stdout || '').trim()}`);
  return result.stdout;
}

/** Starts a new server with its data in DIR (made, must not hold a cluster yet); returns its URL. */
export async function startServer(dir) {
  const binDir = findBinDir();
  if (binDir === null) throw new Error('pg-server: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install -y postgresql, or set KG_TEST_DATABASE_URL to a server of your own');
  const root = resolve(dir);
  const data = join(root, 'data');
  mkdirSync(root, { recursive: true });
  // The postgres account must reach the folder: a mkdtemp folder is 0700 and root's.
  chmodSync(root, 0o777);
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', root]);
  runAsOwner(join(binDir, 'initdb'), ['-D', data, '-A', 'trust', '-U', USER, '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // Durability is worth nothing in a throwaway cluster; fsync off makes the tests' writes several times faster.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAsOwner(join(binDir, 'pg_ctl'), ['-D', data, '-l', join(root, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  writeFileSync(join(root, 'url'), `${url}\n`);
  return url;
}

/** Stops the server of DIR at once and deletes DIR; nothing when DIR holds no cluster. */
export function stopServer(dir) {
  const root = resolve(dir);
  const data = join(root, 'data');
  const binDir = findBinDir();
  if (binDir !== null && existsSync(join(data, 'postmaster.pid'))) runAsOwner(join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  rmSync(root, { recursive: true, force: true });
}

/** The URL a started DIR serves. */
export function serverUrl(dir) {
  return readFileSync(join(resolve(dir), 'url'), 'utf8').trim();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, dir] = process.argv.slice(2);
  if (!['start', 'stop'].includes(command) || !dir) {
    process.stderr.write('usage: node scripts/pg-server.mjs start|stop DIR\n');
    process.exit(2);
  }
  try {
    if (command === 'start') process.stdout.write(`${await startServer(dir)}\n`);
    else stopServer(dir);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
