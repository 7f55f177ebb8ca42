// Worker-thread entry for the extraction pool: registers tsx so the TypeScript sources load without a build step.
import { register } from 'tsx/esm/api';

register();
const { extractTask } = await import('./extract-task.ts');

export default extractTask;
