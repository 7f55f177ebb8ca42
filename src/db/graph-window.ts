// `kg view --db`: a window of the stored graph written out as a graph folder the viewer's server can serve
// (graph.json and articles/), so the browser loads that part of the graph, not the whole of it.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { KgGraph } from '../graph/model.js';
import { writeViewerFile } from '../export/viewer-file.js';
import { serializeGraphChunks, writeFileAtomic } from '../graph/serialize.js';
import type { Db } from './connect.js';
import { readGraph, type GraphWindow } from './graph-read.js';
import { decodeText, encodeParam } from './text-codec.js';

/**
 * Writes the window's graph.json into `dir`, and the texts of its articles under the paths the graph gives them,
 * when the database keeps the texts (kg.articles, written by kg build --db); returns the graph and its file.
 */
export async function writeWindowFolder(db: Db, window: GraphWindow, dir: string): Promise<{ graph: KgGraph; graphPath: string; texts: number }> {
  const graph = await readGraph(db, window);
  const graphPath = join(dir, 'graph.json');
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(graphPath, serializeGraphChunks(graph));
  await writeViewerFile(graph, graphPath);
  const articles = graph.getAttribute('articles');
  const stored = await db.query<{ present: boolean }>("SELECT to_regclass('kg.articles') IS NOT NULL AS present");
  let texts = 0;
  if (stored.rows[0].present && articles.length > 0) {
    const files = new Map(articles.map((a) => [a.id, a.textFile]));
    const { rows } = await db.query<{ id: string; text: string }>('SELECT id, text FROM kg.articles WHERE id = ANY($1)', [encodeParam([...files.keys()])]);
    for (const row of rows) {
      const file = resolve(dir, files.get(decodeText(row.id))!);
      // A text file outside the folder would be a bad path in the graph: skipped, as the server would refuse it.
      if (!file.startsWith(resolve(dir) + sep)) continue;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, decodeText(row.text), 'utf8');
      texts++;
    }
  }
  return { graph, graphPath, texts };
}
