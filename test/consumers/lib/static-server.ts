import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `routes` (URL prefix → folder) on `host` and a free port, as an app's web server or a
 * CDN would: `index.html` for `/`, 404 for anything else, `headers` on every answer.
 */
export async function serveStatic(
  routes: Record<string, string>,
  { host = '127.0.0.1', headers = {} }: { host?: string; headers?: Record<string, string> } = {},
): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(routes)
      .filter((candidate) => path.startsWith(candidate))
      .sort((a, b) => b.length - a.length)[0];
    const relative = prefix === undefined ? undefined : normalize(path.slice(prefix.length) || 'index.html');
    if (prefix === undefined || !relative || relative.startsWith('..')) {
      response.writeHead(404, headers).end();
      return;
    }
    try {
      const body = await readFile(join(routes[prefix]!, relative.endsWith('/') ? `${relative}index.html` : relative));
      response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
