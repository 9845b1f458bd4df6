/**
 * Who may use the editor's endpoints: only the machine itself (loopback),
 * only under a loopback host name (no DNS rebinding), and only from the dev
 * server's own pages (no cross-site writes). Pure: the server hands in the facts.
 */

/** Largest request body accepted, in bytes (a long article is well under 1 MB). */
export const MAX_BODY_BYTES = 2_000_000;

export interface RequestFacts {
  method: string;
  /** The peer's address as the socket reports it. */
  remoteAddress: string | undefined;
  host: string | undefined;
  origin: string | undefined;
  contentType?: string;
  /** Declared Content-Length, when given. */
  contentLength?: number;
  /** The browser's Sec-Fetch-Site, when given. */
  secFetchSite?: string;
}

export type GuardResult = { ok: true } | { ok: false; status: number; message: string };

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

/** Hostname and port of a Host header value (IPv6 literals in brackets). */
export function splitHost(host: string): { hostname: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return m ? { hostname: m[1].toLowerCase(), port: m[2] ?? '' } : null;
}

const refuse = (status: number, message: string): GuardResult => ({ ok: false, status, message });

/**
 * Check a request to the editor's endpoints. `port` is the port the dev
 * server listens on: Host must name it, and Origin (required on writes)
 * must be this very server.
 */
export function checkRequest(req: RequestFacts, port: number | string, opts: { write: boolean }): GuardResult {
  if (!isLoopbackAddress(req.remoteAddress)) return refuse(403, 'The editor answers only on the loopback address (this machine).');
  const host = req.host ? splitHost(req.host) : null;
  if (!host || !LOOPBACK_HOSTNAMES.has(host.hostname)) return refuse(403, `Host "${req.host ?? ''}" is not a loopback name: open the editor at http://localhost:${port}/.`);
  if (host.port !== String(port)) return refuse(403, `Host "${req.host}" does not name this server's port ${port}.`);
  if (req.secFetchSite && req.secFetchSite !== 'same-origin' && req.secFetchSite !== 'none') return refuse(403, `Cross-site request (${req.secFetchSite}) refused.`);
  if (req.origin !== undefined || opts.write) {
    if (!req.origin || req.origin === 'null') return refuse(403, 'Writes must come from the editor page (no Origin header).');
    let origin: URL;
    try {
      origin = new URL(req.origin);
    } catch {
      return refuse(403, `Origin "${req.origin}" is not a URL.`);
    }
    if (origin.protocol !== 'http:' || origin.host.toLowerCase() !== req.host!.trim().toLowerCase())
      return refuse(403, `Origin "${req.origin}" is not this server (http://${req.host}): cross-site writes are refused.`);
  }
  if (opts.write) {
    if (req.method !== 'POST') return refuse(405, 'Use POST to save.');
    if (!/^application\/json\b/i.test(req.contentType ?? '')) return refuse(415, 'Send the edit as application/json.');
    if (req.contentLength !== undefined && req.contentLength > MAX_BODY_BYTES) return refuse(413, `The edit is larger than ${MAX_BODY_BYTES} bytes.`);
  } else if (req.method !== 'GET') return refuse(405, 'Use GET.');
  return { ok: true };
}
