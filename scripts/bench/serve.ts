/** A static file server for the benchmark: gzip like a real host, and count the bytes it sends by kind. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cspString, policyOfPage } from '../csp-plugin.ts';

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

const gzCache = new Map<string, { etag: string; body: Buffer }>();
function gzipped(file: string, etag: string): Buffer {
  const hit = gzCache.get(file);
  if (hit?.etag === etag) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzCache.set(file, { etag, body });
  return body;
}

/** Every compressible file under `dir`, gzipped ahead of the first request. */
function precompress(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = join(e.parentPath, e.name);
    if (!e.isFile() || !/text|json|javascript|svg/.test(TYPES[extname(file)] ?? '')) continue;
    const { mtimeMs, size } = statSync(file);
    gzipped(file, etagOf(size, mtimeMs));
  }
}
const etagOf = (size: number, mtimeMs: number) => `"${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;

export async function serve(dir: string, opts: { csp?: boolean } = {}) {
  precompress(dir);
  const bytes: ByteCounts = { js: 0, data: 0, other: 0 };
  // The page's own policy (its <meta>, inline-script hashes included), sent as a header as a host would.
  const page = join(dir, 'index.html');
  const policy = (existsSync(page) && policyOfPage(readFileSync(page, 'utf8'))) || cspString();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split(/[?#]/)[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Like a static host: a validator, and every use revalidated (each run is a fresh browser context, so loads stay cold).
    const { mtimeMs, size } = statSync(file);
    const etag = etagOf(size, mtimeMs);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end();
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', ETag: etag };
    if (opts.csp) headers['Content-Security-Policy'] = policy;
    const gzip = /text|json|javascript|svg/.test(type) && /gzip/.test(String(req.headers['accept-encoding']));
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    // Compressed once and kept, as a CDN or a host with precompressed files would: the server's CPU stays out of the page's timings.
    const body = gzip ? gzipped(file, etag) : readFileSync(file);
    bytes[kindOf(file)] += body.length;
    res.end(body);
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
