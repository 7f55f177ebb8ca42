// Bidirectional breadth-first search, step for step as graphology-shortest-path's `bidirectional` (the in-memory
// back end's), so a store that lists each node's neighbours in the same order finds the same path among equals.
// Neighbours are asked for a whole fringe at a time: one round trip per level for the PostgreSQL back end.

/** The neighbours of each node of a fringe, in the event network's order. */
export type NeighborsOf = (fringe: string[]) => Promise<Map<string, string[]>>;

/** The node keys of a shortest path from `source` to `target`, both included; null when none. */
export async function bidirectionalSearch(source: string, target: string, neighborsOf: NeighborsOf): Promise<string[] | null> {
  if (source === target) return [source];
  const predecessor = new Map<string, string | null>([[source, null]]);
  const successor = new Map<string, string | null>([[target, null]]);
  let forward = [source];
  let reverse = [target];
  let meeting: string | null = null;
  while (meeting === null && forward.length > 0 && reverse.length > 0) {
    // The smaller fringe grows; the forward one on a tie.
    const growForward = forward.length <= reverse.length;
    const fringe = growForward ? forward : reverse;
    const [seen, other] = growForward ? [predecessor, successor] : [successor, predecessor];
    const neighbors = await neighborsOf(fringe);
    const next: string[] = [];
    outer: for (const node of fringe) {
      for (const neighbor of neighbors.get(node) ?? []) {
        if (!seen.has(neighbor)) {
          next.push(neighbor);
          seen.set(neighbor, node);
        }
        if (other.has(neighbor)) {
          meeting = neighbor;
          break outer;
        }
      }
    }
    if (growForward) forward = next;
    else reverse = next;
  }
  if (meeting === null) return null;
  const path: string[] = [];
  for (let node: string | null | undefined = meeting; node; node = predecessor.get(node)) path.unshift(node);
  for (let node = successor.get(path[path.length - 1]); node; node = successor.get(node)) path.push(node);
  return path;
}
