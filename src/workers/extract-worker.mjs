// Worker-thread entry for the extraction pool (src/workers/pool.ts). Copied beside the compiled code (dist/workers/), it
// loads the compiled task; in src/ (tests, `tsx` in development) it registers tsx and loads the TypeScript sources.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('./extract-task.js', import.meta.url);
let task;
if (existsSync(fileURLToPath(compiled))) {
  task = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  task = await import('./extract-task.ts');
}

// Articles arrive a few at a time and run one after another; messages as in messages.ts.
parentPort.on('message', ({ id, job }) => {
  parentPort.postMessage({ type: 'started', id });
  parentPort.postMessage({ type: 'done', id, outcome: task.extractTask(job) });
});
parentPort.postMessage({ type: 'ready' });
