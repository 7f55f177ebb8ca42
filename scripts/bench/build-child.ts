// One benchmark build in its own process (what `kg build FILE --workers N --no-cache` does), so its peak RSS is its own: prints a JSON line.
import { buildGraph } from '../../src/pipeline.js';

const [input, outDir, workers] = process.argv.slice(2);
const { report } = await buildGraph({ inputs: [input], outDir, workers: Number(workers), cacheDir: null });
// maxRSS covers every thread of the process, workers included (kilobytes).
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, report: { articles: report.articles, timings: report.timings, workers: report.workers, layout: report.layout, counts: report.counts } })}\n`);
