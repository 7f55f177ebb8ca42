// An install without dev dependencies (`npm ci --omit=dev`) builds dist/ and the viewer and runs every command: each
// package that the code run at install (scripts/build.mjs: tsc, vite and the viewer's imports, which vite bundles) or
// at run time imports is a dependency. (A test from a fresh clone takes minutes and the registry; this checks the pieces.)
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/kg-bin.js';

const RUN_AT_INSTALL_OR_RUN_TIME = ['src', 'viz/src', 'viz/vite.config.ts', 'scripts/build.mjs', 'scripts/compiled.mjs', 'bin/kg.js'];

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (/\.[cm]?[jt]s$/.test(entry)) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((file) => /\.[cm]?[jt]s$/.test(file) && !file.endsWith('.d.ts')).map((file) => path.join(full, file));
}

/** The packages a file loads once its types are erased: imports, dynamic imports, require() and require.resolve(). */
function packagesOf(file: string): string[] {
  const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const specifiers = ts.preProcessFile(js, true, true).importedFiles.map((f) => f.fileName);
  for (const match of js.matchAll(/\.resolve\(\s*['"]([^'"]+)['"]/g)) specifiers.push(match[1]);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

it('every package loaded at install or at run time is in dependencies, not devDependencies', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
  const used = new Map<string, string>();
  for (const file of RUN_AT_INSTALL_OR_RUN_TIME.flatMap(filesUnder)) for (const name of packagesOf(file)) if (!used.has(name)) used.set(name, path.relative(ROOT, file));
  expect(used.get('typescript')).toBe('scripts/build.mjs');
  expect(used.has('vite')).toBe(true);
  const missing = [...used].filter(([name]) => !(name in manifest.dependencies)).map(([name, file]) => `${name} (${file})`);
  expect(missing).toEqual([]);
  // npm ci and npm install run prepare, with or without dev dependencies.
  expect(manifest.scripts.prepare).toBe('node scripts/build.mjs');
});
