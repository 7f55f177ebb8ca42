// The viewer's static server: 127.0.0.1 only, serving the built viewer, one graph.json and its article texts, nothing else.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { KgError } from '../errors.js';

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

function sendFile(request: IncomingMessage, response: ServerResponse, path: string, cache: string): void {
  let size: number;
  try {
    const stat = statSync(path);
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

function handle(options: StaticServerOptions, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendError(response, 405, 'Method not allowed');
  }
  const rawPath = (request.url ?? '/').split('?')[0];
  if (rawPath === '/graph.json') return sendFile(request, response, options.graphPath, 'no-store');
  const article = ARTICLE_ROUTE.exec(rawPath);
  if (article) return sendFile(request, response, join(dirname(options.graphPath), 'articles', `${article[1]}.txt`), 'no-store');
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
  const server: Server = createServer((request, response) => handle(options, request, response));
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new KgError('port-in-use', `Port ${options.port} on ${HOST} is already in use; choose another with --port <n>.`));
      else if (error.code === 'EACCES') reject(new KgError('port-denied', `Port ${options.port} on ${HOST} needs privileges; choose one above 1023 with --port <n>.`));
      else reject(error);
    });
    server.listen(options.port, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
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
