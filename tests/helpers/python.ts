// Runs a Python reader (Debian's /usr/bin/python3 with networkx and igraph) on an exported file and returns what it printed as JSON.
import { execFileSync } from 'node:child_process';

/** Debian's interpreter: python3-networkx and python3-igraph are installed for it, not for a pyenv python3 earlier on PATH. */
export const PYTHON = '/usr/bin/python3';

/** Runs the script with the arguments (sys.argv[1:]) and parses its stdout as JSON. */
export function runPython<T>(script: string, args: string[]): T {
  const stdout = execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(stdout) as T;
}

/** Runs xmllint --noout on the file; returns its complaints, or '' when the file is well-formed. */
export function lintXml(path: string): string {
  try {
    execFileSync('xmllint', ['--noout', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}
