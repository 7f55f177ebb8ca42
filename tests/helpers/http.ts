// Raw HTTP requests for the server tests: fetch() would normalise ".." away and cannot send a foreign Host header.
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  type: string | undefined;
  body: string;
}

/** GET (or `method`) `path` on 127.0.0.1:`port`, with `host` as the Host header when given. */
export function rawRequest(port: number | string, path: string, method = 'GET', host?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}
