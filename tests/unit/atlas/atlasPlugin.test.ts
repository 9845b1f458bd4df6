/**
 * The build and the dev server run the same validator as `npm run check`: a
 * `vite build` over bad data fails with the messages, and the dev server's
 * error (what its overlay shows) carries them too. ATLAS_DATA_ROOT points the
 * plugin at a fixture's data/ tree; everything else is the real vite.config.ts.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { build, createServer, type ViteDevServer } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => resolve(root, 'tests/fixtures/bad-data', name);

let server: ViteDevServer | undefined;
afterEach(async () => {
  delete process.env.ATLAS_DATA_ROOT;
  await server?.close();
  server = undefined;
});

describe('the atlas plugin refuses bad data', () => {
  test('vite build fails and prints every problem', async () => {
    process.env.ATLAS_DATA_ROOT = fixture('quote-not-found');
    const failed = build({ root, logLevel: 'silent', build: { write: false } });
    await expect(failed).rejects.toThrow(/data\/ has errors/);
    await expect(failed).rejects.toThrow(
      /error: data\/features\/ports\.geojson:16:22 \[sample-river-port\]: quote not found in document "sample-agreement": "open a fast lane at the sea port"\n {4}fix: copy the passage exactly/,
    );
  }, 60_000);

  test('the dev server answers the atlas module with the error its overlay shows, and pushes it to the page', async () => {
    process.env.ATLAS_DATA_ROOT = fixture('swapped-lat-lon');
    server = await createServer({ root, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
    await server.listen();
    const sent: unknown[] = [];
    const hot = server.environments.client.hot;
    const send = hot.send.bind(hot);
    hot.send = ((payload: unknown, ...rest: unknown[]) => {
      sent.push(payload);
      return (send as (...a: unknown[]) => void)(payload, ...rest);
    }) as typeof hot.send;
    const base = server.resolvedUrls!.local[0];
    // What the browser requests when main.ts imports virtual:atlas.
    const res = await fetch(new URL('/@id/__x00__virtual:atlas', base));
    expect(res.status).toBe(500);
    const overlay = sent.find((p): p is { type: 'error'; err: { message: string; id?: string } } => (p as { type?: string }).type === 'error');
    expect(overlay, 'an error payload for the overlay').toBeDefined();
    expect(overlay!.err.message).toMatch(/\[sample-river-port\]: Point: position \[30\.63, 114\.55\] is out of range — it looks like \[lat, lon\] swapped/);
    expect(overlay!.err.message).toMatch(/fix: GeoJSON is \[longitude, latitude\]: write \[114\.55, 30\.63\]/);
    expect(overlay!.err.id).toBe(resolve(fixture('swapped-lat-lon'), 'data/features/ports.geojson'));
    // And the atlas file itself is not served from bad data.
    expect((await fetch(new URL('/atlas.json', base))).status).toBe(500);
  }, 60_000);

  test('good data: the dev server serves the atlas module (a URL) and the atlas file', async () => {
    server = await createServer({ root, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
    await server.listen();
    const base = server.resolvedUrls!.local[0];
    const mod = await (await fetch(new URL('/@id/__x00__virtual:atlas', base))).text();
    expect(mod).toMatch(/export default "atlas\.json\?v=[0-9a-f]{12}"/);
    const atlas = await (await fetch(new URL('/atlas.json', base))).json();
    expect(atlas.features.length).toBeGreaterThan(30);
  }, 60_000);

  test('a fresh dev server asked for the atlas file first compiles data/ and answers it (no 500 while nothing is wrong)', async () => {
    server = await createServer({ root, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
    await server.listen();
    const res = await fetch(new URL('/atlas.json', server.resolvedUrls!.local[0]));
    expect(res.status).toBe(200);
    expect((await res.json()).features.length).toBeGreaterThan(0);
  }, 60_000);

  test('a fresh dev server asked for the atlas file first, over bad data, answers 500', async () => {
    process.env.ATLAS_DATA_ROOT = fixture('swapped-lat-lon');
    server = await createServer({ root, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
    await server.listen();
    expect((await fetch(new URL('/atlas.json', server.resolvedUrls!.local[0]))).status).toBe(500);
  }, 60_000);
});
