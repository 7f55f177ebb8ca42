// kg build is never silent for long: in a log a line every 10 s while articles are extracted and a line per later
// stage; on a terminal a bar, then the same stage lines once the build has run a while.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createProgress, LOG_EVERY_MS, TTY_QUIET_MS } from '../../src/cli/build-progress.js';
import { kgCommand, ROOT } from '../helpers/kg-bin.js';

const STAGES = ['facts', 'assemble', 'layout', 'write graph.json', 'write graphml', 'report', 'switch'];

function fakeStream(isTTY: boolean): { write: (text: string) => boolean; isTTY: boolean; text: () => string } {
  let written = '';
  return { isTTY, write: (text: string) => ((written += text), true), text: () => written };
}

it('in a log: a line about articles every 10 s, and one line per stage with the time since the start', () => {
  let clock = 0;
  const log = fakeStream(false);
  const progress = createProgress(1000, log, () => clock);
  for (let done = 1; done <= 300; done++) {
    clock += 100;
    progress.update(done);
  }
  for (const stage of STAGES) {
    clock += 1500;
    progress.stage(stage);
  }
  progress.stop();
  const lines = log.text().split('\n').filter(Boolean);
  expect(lines.slice(0, 3)).toEqual(['build: 100/1000 articles (10 articles/s, 10.0 s)', 'build: 200/1000 articles (10 articles/s, 20.0 s)', 'build: 300/1000 articles (10 articles/s, 30.0 s)']);
  expect(lines.slice(3)).toEqual(STAGES.map((stage, i) => `build: ${stage}... (${(30 + 1.5 * (i + 1)).toFixed(1)} s)`));
  expect(LOG_EVERY_MS).toBe(10_000);
});

it('on a terminal: a bar while extracting, then the stage lines once the build has run a while; a short build shows none', () => {
  let clock = 0;
  const tty = fakeStream(true);
  const progress = createProgress(100, tty, () => clock);
  for (let done = 1; done <= 100; done++) progress.update(done);
  clock = TTY_QUIET_MS + 1;
  for (const stage of STAGES) progress.stage(stage);
  progress.stop();
  expect(tty.text()).toContain('100/100 articles');
  for (const stage of STAGES) expect(tty.text()).toContain(`build: ${stage}... (`);

  const quick = fakeStream(true);
  const short = createProgress(5, quick, () => 0);
  for (let done = 1; done <= 5; done++) short.update(done);
  for (const stage of STAGES) short.stage(stage);
  expect(quick.text()).toBe('');
});

it('kg build into a log (stderr a pipe) prints a line as each stage starts', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'kg-progress-'));
  try {
    const { stderr } = await promisify(execFile)(...kgCommand(['build', '--out', out, '--workers', '1', '--no-cache', '--formats', 'graphml']), { cwd: ROOT });
    const stages = [...stderr.matchAll(/^build: (.+)\.\.\. \(\d+\.\d s\)$/gm)].map((m) => m[1]);
    expect(stages).toEqual(STAGES);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 120_000);
