// The viewer's static server: what it serves, with which content types, what it refuses (path traversal, a foreign Host,
// symlinked or stale article files), the drawing file beside graph.json, and a taken port.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KgError } from '../../src/errors.js';
import { rawRequest } from '../helpers/http.js';
import { isLoopbackHost, readListedTextFiles, resolveStaticPath, startStaticServer, type RunningServer } from '../../src/serve/server.js';

const get = rawRequest;

describe('viewer static server', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kg-serve-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    mkdirSync(join(dir, 'out', 'articles'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(dir, 'dist', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'dist', 'assets', 'app.css'), 'body{}');
    const articles = [{ id: '001', textFile: 'articles/001_abc.txt' }, { id: '002', textFile: 'articles/002_link.txt' }];
    writeFileSync(join(dir, 'out', 'graph.json'), JSON.stringify({ options: {}, attributes: { schemaVersion: 1, articles }, nodes: [], edges: [] }));
    writeFileSync(join(dir, 'out', 'articles', '001_abc.txt'), 'Orbán met Putin.');
    // Left by an earlier build (not in this graph's list), and a listed name that is a symlink to a file outside.
    writeFileSync(join(dir, 'out', 'articles', '000_old.txt'), 'SECRET stale article');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'out', 'articles', '002_link.txt'));
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    writeFileSync(join(dir, 'out', 'secret.txt'), 'SECRET');
    server = await startStaticServer({ distDir: join(dir, 'dist'), graphPath: join(dir, 'out', 'graph.json'), port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ['/', 200, 'text/html; charset=utf-8', '<title>viewer</title>'],
    ['/index.html', 200, 'text/html; charset=utf-8', '<title>viewer</title>'],
    ['/assets/app.js', 200, 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['/assets/app.css', 200, 'text/css; charset=utf-8', 'body{}'],
    ['/graph.json', 200, 'application/json; charset=utf-8', '"nodes"'],
    ['/graph.json?v=2', 200, 'application/json; charset=utf-8', '"nodes"'],
    ['/articles/001_abc.txt', 200, 'text/plain; charset=utf-8', 'Orbán met Putin.'],
  ])('serves %s', async (path, status, type, body) => {
    const response = await get(server.port, path);
    expect([response.status, response.type]).toEqual([status, type]);
    expect(response.body).toContain(body);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    '/C:%5cWindows',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/articles/../secret.txt',
    '/articles/%2e%2e%2fsecret.txt',
    '/articles/..%2fgraph.txt',
    '/articles/.hidden.txt',
    '/articles/000_old.txt',
    '/articles/002_link.txt',
  ])('refuses %s', async (path) => {
    const response = await get(server.port, path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body).not.toContain('SECRET');
    expect(response.body).not.toContain('root:');
  });

  it.each([
    ['127.0.0.1', 200],
    ['localhost', 200],
    ['LOCALHOST', 200],
    ['[::1]', 200],
    ['evil.example', 421],
    ['127.0.0.1.nip.io', 421],
    ['localhost.evil.example', 421],
  ])('answers Host %s:<its port> with %d (DNS rebinding)', async (name, status) => {
    const response = await get(server.port, '/graph.json', 'GET', `${name}:${server.port}`);
    expect(response.status).toBe(status);
    if (status !== 200) expect(response.body).not.toContain('nodes');
  });

  it('refuses a loopback Host with another port, or none', () => {
    expect(isLoopbackHost('127.0.0.1:80', 7373)).toBe(false);
    expect(isLoopbackHost('127.0.0.1', 7373)).toBe(false);
    expect(isLoopbackHost(undefined, 7373)).toBe(false);
    expect(isLoopbackHost('127.0.0.1:7373', 7373)).toBe(true);
  });

  it('lists the text files from the head of graph.json', () => {
    expect([...readListedTextFiles(join(dir, 'out', 'graph.json'))]).toEqual(['articles/001_abc.txt', 'articles/002_link.txt']);
    expect(readListedTextFiles(join(dir, 'secret.txt')).size).toBe(0);
    writeFileSync(join(dir, 'pretty.json'), JSON.stringify({ options: {}, attributes: { articles: [{ textFile: 'articles/1.txt' }] }, nodes: [], edges: [] }, null, 1));
    expect([...readListedTextFiles(join(dir, 'pretty.json'))]).toEqual(['articles/1.txt']);
  });

  it('serves the texts of a graph.json that links to a build generation, as kg build writes out/', async () => {
    const out = join(dir, 'linked');
    mkdirSync(join(out, '.generations', 'g1', 'articles'), { recursive: true });
    writeFileSync(join(out, '.generations', 'g1', 'graph.json'), JSON.stringify({ options: {}, attributes: { articles: [{ textFile: 'articles/003_x.txt' }] }, nodes: [], edges: [] }));
    writeFileSync(join(out, '.generations', 'g1', 'articles', '003_x.txt'), 'Linked text.');
    symlinkSync('.generations/g1', join(out, 'current'));
    symlinkSync('current/graph.json', join(out, 'graph.json'));
    const linked = await startStaticServer({ distDir: join(dir, 'dist'), graphPath: join(out, 'graph.json'), port: 0 });
    try {
      expect((await get(linked.port, '/articles/003_x.txt')).body).toBe('Linked text.');
    } finally {
      await linked.close();
    }
  });

  it('serves the graph\'s drawing file at /viewer.json, and none (204) when there is none or it is older than graph.json', async () => {
    const graphPath = join(dir, 'out', 'graph.json');
    const drawing = join(dir, 'out', 'graph.viewer.json');
    expect((await get(server.port, '/viewer.json')).status).toBe(204);
    writeFileSync(drawing, '{"format":"kg-viewer-nodes/1"}');
    const fresh = await get(server.port, '/viewer.json');
    expect([fresh.status, fresh.body]).toEqual([200, '{"format":"kg-viewer-nodes/1"}']);
    // graph.json rewritten after it (another writer's graph): that file belongs to an older graph.
    const later = new Date(Date.now() + 5000);
    utimesSync(graphPath, later, later);
    expect((await get(server.port, '/viewer.json')).status).toBe(204);
    rmSync(drawing);
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await get(server.port, '/nope.js')).status).toBe(404);
    expect((await get(server.port, '/articles/999.txt')).status).toBe(404);
    expect((await get(server.port, '/graph.json', 'POST')).status).toBe(405);
  });

  it('resolves only paths inside the root', () => {
    expect(resolveStaticPath('/srv/dist', '/assets/a.js')).toBe('/srv/dist/assets/a.js');
    expect(resolveStaticPath('/srv/dist', '/')).toBe('/srv/dist/index.html');
    expect(resolveStaticPath('/srv/dist', '/../dist2/a.js')).toBeNull();
    expect(resolveStaticPath('/srv/dist', '/%2e%2e/x')).toBeNull();
    expect(resolveStaticPath('/srv/dist', '/etc/passwd')).toBe('/srv/dist/etc/passwd');
  });

  it('says which port is taken and how to choose another', async () => {
    const attempt = startStaticServer({ distDir: join(dir, 'dist'), graphPath: join(dir, 'out', 'graph.json'), port: server.port });
    await expect(attempt).rejects.toBeInstanceOf(KgError);
    await expect(attempt).rejects.toMatchObject({ code: 'port-in-use', message: expect.stringContaining(`Port ${server.port}`) });
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('--port') });
  });
});
