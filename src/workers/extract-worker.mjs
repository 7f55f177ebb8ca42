// Worker-thread entry for the extraction pool. Copied beside the compiled code (dist/workers/), it loads the compiled
// task; in src/ (tests, `tsx` in development) it registers tsx and loads the TypeScript sources.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('./extract-task.js', import.meta.url);
let task;
if (existsSync(fileURLToPath(compiled))) {
  task = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  task = await import('./extract-task.ts');
}

export default task.extractTask;
