// A build that kills itself (SIGKILL, as `kill -9` would) when it reaches the stage named by argv[4]; argv[2]: inputs (comma-separated), argv[3]: output folder.
import { buildGraph } from '../../src/pipeline.js';

const [inputs, outDir, killAt] = process.argv.slice(2);
const kill = (stage: string): void => {
  if (stage === killAt) process.kill(process.pid, 'SIGKILL');
};
await buildGraph({
  inputs: inputs.split(','),
  outDir,
  workers: 1,
  cacheDir: null,
  formats: ['graphml', 'gexf'],
  onArticle: (done) => kill(`article ${done}`),
  onStage: kill,
});
