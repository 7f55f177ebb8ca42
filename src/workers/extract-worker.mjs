// Worker-thread entry for the extraction pool: registers tsx so the TypeScript sources load without a build step.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractTask } = await import('./extract-task.ts');
// Until this arrives the main thread extracts articles itself (see pool.ts; the string is its WORKER_READY).
parentPort?.postMessage('kg-extract-worker-ready');

export default extractTask;
