// The `kg` command as users run it: node bin/kg.js, which runs the compiled dist/ (npm test compiles it before jest).
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const KG_BIN = path.join(ROOT, 'bin/kg.js');
/** `kg args...` as a command and its arguments for spawn/execFile. */
export const kgCommand = (args: string[]): [string, string[]] => [process.execPath, [KG_BIN, ...args]];
