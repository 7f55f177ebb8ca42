// What `kg build` shows on stderr while it runs: on a terminal a progress bar, in a log a line every LOG_EVERY_MS; then
// in both a line as each stage after extraction starts (facts, assemble, layout, each file written), so a long
// assembly, layout or write is never silent.
import { Presets, SingleBar } from 'cli-progress';

/** In a log, the interval between two lines about articles. */
export const LOG_EVERY_MS = 10_000;
/** On a terminal, stage lines appear only once a build has run this long (a short build shows its summary alone). */
export const TTY_QUIET_MS = 2_000;

export interface BuildProgress {
  /** After each article: how many are done. */
  update(done: number): void;
  /** As a stage after extraction starts. */
  stage(name: string): void;
  stop(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Progress against the estimated number of articles, written to `stream` (a terminal or a log); `now` gives milliseconds. */
export function createProgress(estimate: number, stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): BuildProgress {
  const started = now();
  const seconds = () => ((now() - started) / 1000).toFixed(1);
  const speed = (done: number) => {
    const perSecond = done / Math.max(0.001, (now() - started) / 1000);
    return perSecond.toFixed(perSecond < 10 ? 1 : 0);
  };
  let done = 0;
  // Set once the stages after extraction begin: no more article progress.
  let extracting = true;
  if (!stream.isTTY) {
    let lastLine = started;
    return {
      update(articles) {
        done = articles;
        if (!extracting || now() - lastLine < LOG_EVERY_MS) return;
        lastLine = now();
        stream.write(`build: ${done}/${Math.max(estimate, done)} articles (${speed(done)} articles/s, ${seconds()} s)\n`);
      },
      stage(name) {
        extracting = false;
        stream.write(`build: ${name}... (${seconds()} s)\n`);
      },
      stop() {},
    };
  }
  const bar = new SingleBar({ format: 'build [{bar}] {value}/{total} articles | {speed} articles/s | ETA {eta_formatted}', hideCursor: true, stream: stream as NodeJS.WritableStream, etaBuffer: 200 }, Presets.shades_classic);
  let shown = false;
  // Once one stage line is out, the rest follow.
  let staging = false;
  return {
    update(articles) {
      if (!extracting) return;
      done = articles;
      // A few articles build before a bar would be read.
      if (!shown && done < 50) return;
      if (!shown) bar.start(Math.max(estimate, done), done, { speed: speed(done) });
      shown = true;
      // The estimate counts lines and files; duplicates or JSON arrays can make it short.
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { speed: speed(done) });
    },
    // The bar gives way to one line per stage.
    stage(name) {
      staging ||= shown || now() - started > TTY_QUIET_MS;
      if (shown) bar.stop();
      shown = false;
      extracting = false;
      if (staging) stream.write(`build: ${name}... (${seconds()} s)\n`);
    },
    stop() {
      if (shown) bar.stop();
    },
  };
}
