/** A static file server for the benchmark: gzip like a real host, and count the bytes it sends by kind. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { cspString } from '../csp-plugin.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface ByteCounts {
  js: number;
  data: number;
  other: number;
}

/** JS is code; the compiled atlas chunk, JSON and GeoJSON are data. */
export function kindOf(path: string): keyof ByteCounts {
  if (/atlas-data-[\w-]+\.js$/.test(path) || /\.(geo)?json$/.test(path)) return 'data';
  if (/\.m?js$/.test(path)) return 'js';
  return 'other';
}

export async function serve(dir: string, opts: { csp?: boolean } = {}) {
  const bytes: ByteCounts = { js: 0, data: 0, other: 0 };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split(/[?#]/)[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (opts.csp) headers['Content-Security-Policy'] = cspString();
    const gzip = /text|json|javascript|svg/.test(type) && /gzip/.test(String(req.headers['accept-encoding']));
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    const kind = kindOf(file);
    const stream = gzip ? createReadStream(file).pipe(createGzip({ level: 6 })) : createReadStream(file);
    stream.on('data', (chunk: Buffer) => (bytes[kind] += chunk.length));
    stream.pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    bytes,
    reset: () => Object.assign(bytes, { js: 0, data: 0, other: 0 }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
