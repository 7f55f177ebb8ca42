// The query API over a built graph: what scripts, the CLI and the REPL use.
export { KnowledgeGraph, type NodePredicate } from './knowledge-graph.js';
export { loadGraph } from './load.js';
export { runScript } from './run-script.js';
export { normalizeName } from './names.js';
export { parseDateOption, spanOfDate, type DaySpan } from './dates.js';
export type * from './types.js';
