// Builds the graphs the layout-extend test works on, outside jest, whose VM makes extraction and layout arithmetic
// some ten times slower. argv[2]: a folder to write into: <name>-<mode>.json, the graphs of the first 250 (before) and
// of all 300 (after) synthetic articles, each laid out in full in each of LAYOUT_MODES.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyLayout } from '../../src/graph/layout.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { buildGraph } from '../../src/pipeline.js';
import { writeCorpus } from '../../scripts/bench/corpus.js';
import { LAYOUT_MODES } from './layout-modes.js';

const dir = process.argv[2];
const kb = loadKnowledgeBase();
for (const [name, count] of [['before', 250], ['after', 300]] as const) {
  // The corpus is seeded: the first 250 of 300 articles are the 250-article corpus.
  const corpus = join(dir, `${name}.jsonl`);
  await writeCorpus(corpus, count, kb);
  const { graph } = await buildGraph({ inputs: [corpus], outDir: join(dir, name), formats: [], workers: 1, cacheDir: null });
  for (const [mode, options] of Object.entries(LAYOUT_MODES)) {
    const drawn = graph.copy();
    applyLayout(drawn, options);
    writeFileSync(join(dir, `${name}-${mode}.json`), serializeGraph(drawn));
  }
}
