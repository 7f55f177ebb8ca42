// kg entities and kg dates: one article's mentions and time expressions, as a table or JSON, and their usage errors.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { kgCommand } from '../helpers/kg-bin.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_004 = 'data/articles/004_526fbc0e294a48ad.txt';

async function kg(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(...kgCommand(args), { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

it('kg dates --json lists the body\'s time expressions resolved against the manifest date, not the page chrome', async () => {
  const { code, stdout } = await kg(['dates', SEED_004, '--json']);
  expect(code).toBe(0);
  const result = JSON.parse(stdout) as { published: string; expressions: { text: string; date: string | null; rule: string }[] };
  expect(result.published).toBe('2021-12-31');
  expect(result.expressions.map((e) => [e.text, e.date])).toEqual(expect.arrayContaining([['Thursday', '2021-12-30'], ['the following day', '2022-01-13']]));
  expect(result.expressions.some((e) => e.text.includes('Jun 24, 2025'))).toBe(false);
});

it('kg dates --published overrides the metadata, and a bad date is a usage error', async () => {
  const table = await kg(['dates', SEED_004, '--published', '2022-01-07']);
  expect(table.stdout).toMatch(/Thursday\s+2022-01-06\s+day/);
  const bad = await kg(['dates', SEED_004, '--published', 'someday']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--published someday');
});

it('kg entities prints each mention with its span, key and form', async () => {
  const { code, stdout } = await kg(['entities', SEED_004]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/Joe Biden\s+person\s+person:joe-biden/);
  expect(stdout).toMatch(/Peter Szijjarto\s+person\s+person:peter-szijjarto\s+name/);
  expect(stdout).not.toContain('Fred Smith');
});
