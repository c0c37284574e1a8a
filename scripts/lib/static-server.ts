// A tiny static file server on 127.0.0.1 for the demo page and the e2e fixtures.
// Routes: /fixtures/* -> test/fixtures, /corpus/* -> ../shared/corpus/pages (read-only test data).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const MOUNTS: Record<string, string> = {
  fixtures: join(ROOT, 'test/fixtures'),
  corpus: resolve(ROOT, '../shared/corpus/pages'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Extra response headers per path, e.g. a strict CSP for one fixture. */
export type HeaderRule = (path: string) => Record<string, string> | undefined;

export async function startStaticServer(
  port = 0,
  headers: HeaderRule = () => undefined,
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const [, mount = '', ...rest] = path.split('/');
    const base = MOUNTS[mount];
    const file = base ? normalize(join(base, ...rest)) : '';
    if (!base || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...headers(path),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    server,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
