// Run by `npm test` first: makes sure the Debian packages the tests read exports and drive the viewer with are installed.
import { spawnSync } from 'node:child_process';

// networkx and igraph read exports back; xmllint checks well-formedness; chromium runs the viewer tests; postgresql serves the database tests.
const PACKAGES = ['python3-networkx', 'python3-igraph', 'libxml2-utils', 'chromium', 'postgresql'];

/** True when dpkg knows the package as installed (not merely configured-off or removed). */
function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

/** Runs a command with its output shown; exits 1 naming the command when it fails. */
function run(command, args) {
  process.stderr.write(`ensure-system-deps: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    process.stderr.write(`ensure-system-deps: ${command} ${args[0]} failed (exit ${result.status ?? result.signal}); run it by hand to see why\n`);
    process.exit(1);
  }
}

if (spawnSync('dpkg-query', ['--version']).error) {
  process.stderr.write(`ensure-system-deps: dpkg not found (not Debian/Ubuntu); install the equivalents of ${PACKAGES.join(', ')} with your package manager\n`);
  process.exit(1);
}

const missing = PACKAGES.filter((name) => !isInstalled(name));
if (missing.length > 0) {
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  if (process.getuid?.() !== 0) {
    process.stderr.write(`ensure-system-deps: missing Debian packages: ${missing.join(', ')}\nRun: sudo apt-get update && sudo apt-get ${install.join(' ')}\n`);
    process.exit(1);
  }
  run('apt-get', ['update']);
  run('apt-get', install);
  process.stderr.write(`ensure-system-deps: installed ${missing.join(', ')}\n`);
}
