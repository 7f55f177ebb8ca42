// The viewer's static server: 127.0.0.1 only, answering only its own Host, serving the built viewer, one graph.json (and its drawing file) and the article texts it lists, nothing else.
import { closeSync, createReadStream, existsSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { KgError } from '../errors.js';
import { viewerFilePath } from '../export/viewer-file.js';

export interface StaticServerOptions {
  /** The built viewer (viz/dist). */
  distDir: string;
  /** The graph served at /graph.json; article texts are read from articles/ beside it. */
  graphPath: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
// The viewer's drawing file, served beside /graph.json.
const VIEWER_ROUTE = '/viewer.json';
const ARTICLE_ROUTE = /^\/articles\/([A-Za-z0-9][A-Za-z0-9._-]*)\.txt$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const NODES_START = /,\s*"nodes"\s*:\s*\[/;
const HEAD_CHUNK = 1 << 16;
// Article text is untrusted: even if a bug rendered it as HTML, scripts could only come from this server's own files.
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

function sendError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${message}\n`);
}

function sendFile(request: IncomingMessage, response: ServerResponse, path: string, cache: string, followLinks = true): void {
  let size: number;
  try {
    // lstat for article texts: a symlink planted in out/articles must not expose the file it points to.
    const stat = followLinks ? statSync(path) : lstatSync(path);
    if (!stat.isFile()) return sendError(response, 404, 'Not found');
    size = stat.size;
  } catch {
    return sendError(response, 404, 'Not found');
  }
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': size, 'Cache-Control': cache });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(path).on('error', () => response.destroy()).pipe(response);
}

/** Maps a request path to a file in `root`, or null when it is malformed or would leave `root` (.., encoded dots, absolute paths, NUL, backslashes). */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return null;
  const base = resolve(root);
  const path = resolve(base, ...(segments.length === 0 ? ['index.html'] : segments));
  return path.startsWith(base + sep) ? path : null;
}

/**
 * The article text files the graph lists (its attributes' articles[].textFile), read from the head of graph.json: the
 * serialiser writes the graph attributes before the nodes, so the whole file need not be parsed. A file left in
 * out/articles by an earlier build is not listed, so it is not served.
 */
export function readListedTextFiles(graphPath: string): Set<string> {
  const fd = openSync(graphPath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_CHUNK);
    let head = '';
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, HEAD_CHUNK, position);
      if (read === 0) return new Set();
      position += read;
      // A quote inside a JSON string is escaped, so the unescaped key can only be the real one.
      head += buffer.toString('latin1', 0, read);
      const end = head.search(NODES_START);
      if (end < 0) continue;
      const attributes = (JSON.parse(Buffer.from(`${head.slice(0, end)}}`, 'latin1').toString('utf8')) as { attributes?: { articles?: { textFile?: unknown }[] } }).attributes;
      return new Set((attributes?.articles ?? []).map((a) => a.textFile).filter((f): f is string => typeof f === 'string'));
    }
  } catch {
    return new Set();
  } finally {
    closeSync(fd);
  }
}

/**
 * The articles folder of the build graph.json belongs to: beside the file the graph path resolves to (kg build's out/
 * links graph.json and articles/ to the current generation), and a real folder there, not a symlink to elsewhere.
 */
function articleFolder(graphPath: string): string | null {
  try {
    const folder = join(dirname(realpathSync(graphPath)), 'articles');
    return lstatSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
  }
}

/** The listed text files, re-read when graph.json changes (a rebuild while kg view runs). */
function listedTextFiles(graphPath: string): () => Set<string> {
  let stamp = '';
  let files = new Set<string>();
  return () => {
    let next = '';
    try {
      const stat = statSync(graphPath);
      next = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return new Set();
    }
    if (next !== stamp) [stamp, files] = [next, readListedTextFiles(graphPath)];
    return files;
  };
}

/**
 * Whether the Host header names this server (127.0.0.1, localhost or [::1] with its port): a page on another origin
 * that rebinds its DNS name to 127.0.0.1 sends its own name, and is refused before it can read graph.json.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const match = /^(127\.0\.0\.1|localhost|\[::1\]):(\d+)$/i.exec(host.trim());
  return match !== null && Number(match[2]) === port;
}

/** The graph's drawing file (src/export/viewer-file.ts) when written with it or after, or null: one older than graph.json belongs to another graph. */
function currentViewerFile(graphPath: string): string | null {
  const path = viewerFilePath(graphPath);
  try {
    return statSync(path).mtimeMs >= statSync(graphPath).mtimeMs ? path : null;
  } catch {
    return null;
  }
}

function handle(options: StaticServerOptions, port: () => number, listed: () => Set<string>, request: IncomingMessage, response: ServerResponse): void {
  if (!isLoopbackHost(request.headers.host, port())) return sendError(response, 421, 'This server answers only requests addressed to its loopback name and port');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendError(response, 405, 'Method not allowed');
  }
  const rawPath = (request.url ?? '/').split('?')[0];
  if (rawPath === '/graph.json') return sendFile(request, response, options.graphPath, 'no-store');
  if (rawPath === VIEWER_ROUTE) {
    const drawing = currentViewerFile(options.graphPath);
    // None is no error (a graph from before the file, or another writer's): 204, which the browser does not log as a failed load.
    if (drawing === null) return void response.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }).end();
    return sendFile(request, response, drawing, 'no-store');
  }
  const article = ARTICLE_ROUTE.exec(rawPath);
  if (article) {
    const folder = articleFolder(options.graphPath);
    if (folder === null || !listed().has(`articles/${article[1]}.txt`) ) return sendError(response, 404, 'Not an article of this graph');
    return sendFile(request, response, join(folder, `${article[1]}.txt`), 'no-store', false);
  }
  if (rawPath.startsWith('/articles/')) return sendError(response, 400, 'Bad article id');
  const path = resolveStaticPath(options.distDir, rawPath);
  if (path === null) return sendError(response, 400, 'Bad path');
  sendFile(request, response, path, rawPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Starts the server on 127.0.0.1; a taken port becomes KgError 'port-in-use' naming the port and the --port option. */
export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    return Promise.reject(new KgError('viewer-not-built', `The viewer is not built: ${join(options.distDir, 'index.html')} is missing.`));
  }
  let port = options.port;
  const listed = listedTextFiles(options.graphPath);
  const server: Server = createServer((request, response) => handle(options, () => port, listed, request, response));
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new KgError('port-in-use', `Port ${options.port} on ${HOST} is already in use; choose another with --port <n>.`));
      else if (error.code === 'EACCES') reject(new KgError('port-denied', `Port ${options.port} on ${HOST} needs privileges; choose one above 1023 with --port <n>.`));
      else reject(error);
    });
    server.listen(options.port, HOST, () => {
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : options.port;
      resolvePromise({
        url: `http://${HOST}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
