// Loads graph.json and builds the typed graph (structure and schema version checked at once); the full model check
// (zod schemas, edge endpoints) runs apart, in a worker, so that it does not delay the first frame.
import { SCHEMA_VERSION, createGraph, type KgGraph } from '../../src/graph/model.js';
import { validateGraph } from '../../src/graph/validate.js';

/** A graph that cannot be shown, with the reason to print in the page. */
export class GraphLoadError extends Error {}

const MAX_LISTED_PROBLEMS = 5;

/** Fetches and validates the graph at `url`; throws GraphLoadError with a readable message on any failure. */
export async function loadGraph(url: string): Promise<KgGraph> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new GraphLoadError(`Cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new GraphLoadError(`Cannot load ${url}: HTTP ${response.status}. Build the graph first (kg build), then run kg view.`);
  let data: unknown;
  try {
    data = await response.json();
  } catch (error) {
    throw new GraphLoadError(`${url} is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  performance.mark('kg:parsed');
  const graph = parseGraph(data, url);
  performance.mark('kg:imported');
  return graph;
}

/** Builds the graph from the parsed JSON of a graphology export, checking its shape and schema version (not every attribute: see describeProblems). */
export function parseGraph(data: unknown, url: string): KgGraph {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { nodes?: unknown }).nodes) || !Array.isArray((data as { edges?: unknown }).edges)) {
    throw new GraphLoadError(`${url} is not a graph export (expected nodes and edges arrays).`);
  }
  const exported = data as { attributes?: { schemaVersion?: unknown }; nodes: unknown[]; edges: unknown[] };
  const version = exported.attributes?.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new GraphLoadError(`${url} has schemaVersion ${String(version)}; this viewer reads version ${SCHEMA_VERSION}. Rebuild the graph with this version of kg.`);
  }
  const graph = createGraph({ schemaVersion: SCHEMA_VERSION, pipelineVersion: '', articles: [] });
  try {
    graph.import(exported as unknown as Parameters<KgGraph['import']>[0]);
  } catch (error) {
    throw new GraphLoadError(`${url} cannot be read as a graph: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(graph.getAttribute('articles'))) throw new GraphLoadError(`${url} lists no articles.`);
  return graph;
}

/** What is wrong with the graph against the model (zod schemas, edge endpoints), as the page prints it; null when nothing. */
export function describeProblems(graph: KgGraph, url: string): string | null {
  const problems = validateGraph(graph);
  if (problems.length === 0) return null;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `${p.where}: ${p.message}`);
  const more = problems.length > MAX_LISTED_PROBLEMS ? [`…and ${problems.length - MAX_LISTED_PROBLEMS} more`] : [];
  return `${url} does not match the graph model (${problems.length} problems):\n${[...listed, ...more].join('\n')}`;
}

/** Fetches and fully validates the graph, article nodes and projection included (what the validation worker runs); resolves to the problems, or null. */
export async function validateAt(url: string): Promise<string | null> {
  try {
    const graph = await loadGraph(url);
    return describeProblems(graph, url);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
