/**
 * A small static file server for the production build, used by the sub-path and offline tests and
 * the browser benchmark: it serves `root` under `prefix` only, so a broken relative URL shows up as
 * a 404. `root` may be a function, read at each request: the offline test swaps one build for another.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` followed by the prefix. */
  url: string;
  close(): void;
}

export async function serveStatic(root: string | (() => string), prefix = '/'): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = join(typeof root === 'string' ? root : root(), decodeURIComponent(path.slice(prefix.length)).replace(/\.\.+/g, ''));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => server.close() };
}
