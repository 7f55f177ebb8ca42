// The public API of kg: build a graph, analyse one article, load and query a built graph, export it.
export * from './query/index.js';
export { buildGraph, extractArticleFacts, PIPELINE_VERSION, type BuildOptions, type BuildReport, type BuildResult } from './pipeline.js';
export { findEntities, findTimeExpressions, type AnalyzeOptions } from './analyze.js';
export { exportGraph, EXPORT_FORMATS, type ExportFormat } from './export/index.js';
export { readGraphFile, parseGraph, serializeGraph } from './graph/serialize.js';
export { validateGraph } from './graph/validate.js';
export { evaluateGraph, formatEvalReport, type EvalReport } from './eval/index.js';
export { loadKnowledgeBase, KnowledgeBase } from './kb/index.js';
export type * from './graph/model.js';
export type { LinkedMention } from './stages/link/index.js';
export type * from './types.js';
