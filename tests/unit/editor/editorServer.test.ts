/**
 * The editor's endpoints on a real dev server (Vite createServer, the real
 * vite.config.ts) over a COPY of data/ (ATLAS_DATA_ROOT): a good save writes
 * a file the data check accepts; each refusal writes nothing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { checkData } from '../../../scripts/check-data.ts';
import { ABSENT, contentToken } from '../../../src/lib/editor/conflictToken.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { newDocumentEdit, newPointFeature } from './saveFixtures.ts';


const root = resolve(import.meta.dirname, '../../..');
const sourceData = resolve(root, process.env.ATLAS_DATA_ROOT ?? '.', 'data');
let dir: string;
let server: ViteDevServer;
let port: number;

interface Reply {
  status: number;
  json: any;
}

function call(path: string, opts: { method?: string; host?: string; address?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((done, failed) => {
    const req = request(
      {
        host: opts.address ?? '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `localhost:${port}`, ...opts.headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          done({ status: res.statusCode!, json });
        });
      },
    );
    req.on('error', failed);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const save = (edits: unknown[], headers: Record<string, string> = {}, host?: string) =>
  call('/__atlas-editor/save', {
    method: 'POST',
    host,
    headers: { 'content-type': 'application/json', origin: `http://localhost:${port}`, ...headers },
    body: JSON.stringify({ edits }),
  });

/** Every file under data/, with its bytes: "nothing written" is checked against this. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ['documents', 'features']) for (const f of readdirSync(join(dir, 'data', sub))) out.set(`${sub}/${f}`, readFileSync(join(dir, 'data', sub, f), 'utf8'));
  return out;
}

const newDoc = newDocumentEdit;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-editor-'));
  cpSync(sourceData, join(dir, 'data'), { recursive: true });
  process.env.ATLAS_DATA_ROOT = dir;
  // 0.0.0.0 so that the non-loopback refusal can be tried from this machine's own LAN address.
  server = await createServer({ root, logLevel: 'silent', server: { port: 0, host: '0.0.0.0', hmr: false, watch: null } });
  await server.listen();
  port = (server.httpServer!.address() as { port: number }).port;
}, 60_000);

afterAll(async () => {
  await server?.close();
  process.env.ATLAS_DATA_ROOT = undefined;
  delete process.env.ATLAS_DATA_ROOT;
  rmSync(dir, { recursive: true, force: true });
});

describe('the editor endpoints on the dev server', () => {
  test('GET data: every feature file with its features and version token', async () => {
    const r = await call('/__atlas-editor/data');
    expect(r.status).toBe(200);
    const ports = r.json.files.find((f: { path: string }) => f.path === 'data/features/ports.geojson');
    const text = readFileSync(join(dir, 'data/features/ports.geojson'), 'utf8');
    expect(ports.token).toBe(contentToken(text));
    expect(ports.features).toEqual(readFeatures(text));
  });

  test("GET places: the basemap's named places, to search and to measure from", async () => {
    const r = await call('/__atlas-editor/places');
    expect(r.status).toBe(200);
    expect(r.json.find((p: { name: string }) => p.name === 'Wuhan')).toMatchObject({ name_zh: '武汉', region: 'Hubei, China' });
  });

  test('a good save writes the document and the feature; the data check passes; untouched files keep their bytes', async () => {
    const before = snapshot();
    const portsText = before.get('features/ports.geojson')!;
    const feature = newPointFeature('test-fast-lane', 'test-fast-lane-2024');
    const r = await save([newDoc('test-fast-lane-2024'), { kind: 'put-feature', file: 'ports.geojson', token: contentToken(portsText), feature }]);
    expect(r.json, JSON.stringify(r.json)).toMatchObject({ ok: true });
    expect(r.status).toBe(200);
    const after = snapshot();
    expect(after.get('documents/test-fast-lane-2024.md')).toMatch(/^---\nid: test-fast-lane-2024\ntitle: "Two customs open a fast lane"\n/);
    const portsAfter = after.get('features/ports.geojson')!;
    expect(portsAfter.startsWith(portsText.slice(0, portsText.lastIndexOf('}', portsText.lastIndexOf(']')) + 1))).toBe(true);
    expect(readFeatures(portsAfter).at(-1)).toEqual(feature);
    for (const [path, text] of before) if (path !== 'features/ports.geojson') expect(after.get(path), path).toBe(text);
    expect(r.json.tokens['data/features/ports.geojson']).toBe(contentToken(portsAfter));
    const check = checkData(dir);
    expect(check.output).not.toMatch(/error/);
    expect(check.exitCode).toBe(0);
    // No temporary files left behind.
    expect(readdirSync(join(dir, 'data/features')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('a save over a file that changed on disk since it was loaded is refused (409) and nothing is written', async () => {
    const loaded = readFileSync(join(dir, 'data/features/zones.geojson'), 'utf8');
    const token = contentToken(loaded);
    // Someone else edits the file meanwhile.
    const theirs = loaded.replace('"description": "', '"description": "Edited elsewhere. ');
    writeFileSync(join(dir, 'data/features/zones.geojson'), theirs);
    const before = snapshot();
    const [first] = readFeatures(loaded);
    const r = await save([{ kind: 'put-feature', file: 'zones.geojson', token, feature: { ...first, properties: { ...(first.properties as object), name: 'Mine' } } }]);
    expect(r.status).toBe(409);
    expect(r.json.message).toMatch(/zones\.geojson changed on disk since you loaded it/);
    expect(snapshot()).toEqual(before);
    writeFileSync(join(dir, 'data/features/zones.geojson'), loaded);
  });

  test('creating a document that exists is refused (409)', async () => {
    const before = snapshot();
    const r = await save([newDoc('test-fast-lane-2024')]);
    expect(r.status).toBe(409);
    expect(snapshot()).toEqual(before);
  });

  test('a save the validator rejects is refused (422) with the problem beside its field, and nothing is written', async () => {
    const before = snapshot();
    const text = before.get('features/ports.geojson')!;
    const f = readFeatures(text).at(-1)!;
    const bad = { ...f, properties: { ...(f.properties as object), citations: [{ document: 'test-fast-lane-2024', quote: 'words that are not there' }] } };
    const r = await save([{ kind: 'put-feature', file: 'ports.geojson', token: contentToken(text), feature: bad, replaces: f.id }]);
    expect(r.status).toBe(422);
    expect(r.json.problems).toContainEqual(expect.objectContaining({ field: 'properties.citations.0.quote', message: expect.stringMatching(/quote not found/) }));
    const badDate = { ...newDoc('another-doc'), front: { ...newDoc('another-doc').front, date: '2024-02-30' } };
    const r2 = await save([badDate]);
    expect(r2.status).toBe(422);
    expect(r2.json.problems).toContainEqual(expect.objectContaining({ field: 'date' }));
    expect(snapshot()).toEqual(before);
  });

  test.each<[string, () => Promise<Reply>, number]>([
    ['a write from another origin', () => save([newDoc('from-evil')], { origin: 'https://evil.example' }), 403],
    ['a write with no Origin', () => call('/__atlas-editor/save', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ edits: [newDoc('no-origin')] }) }), 403],
    ['a DNS-rebinding Host', () => save([newDoc('rebound')], { origin: `http://evil.example:${port}` }, `evil.example:${port}`), 403],
    ['a text/plain body (a "simple" cross-site form post)', () => save([newDoc('plain')], { 'content-type': 'text/plain' }), 415],
    ['a path outside data/features', () => save([{ kind: 'put-feature', file: '../../package.json', token: ABSENT, feature: { type: 'Feature', id: 'x' } }]), 400],
    ['a document id that climbs out', () => save([{ ...newDoc('x'), front: { ...newDoc('x').front, id: '../../evil' } }]), 400],
    ['a body that is not JSON', () => call('/__atlas-editor/save', { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` }, body: '{edits' }), 400],
    ['a body over the size limit', () => save([{ ...newDoc('huge'), body: 'x'.repeat(2_100_000) }]), 413],
    [
      'a feature nested 5,000 deep (a reason, not a stack overflow)',
      () =>
        call('/__atlas-editor/save', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
          body: `{"edits": [{"kind": "put-feature", "file": "deep.geojson", "token": "${ABSENT}", "feature": {"type": "Feature", "id": "deep", "properties": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}]}`,
        }),
      400,
    ],
  ])('refuses %s and writes nothing', async (_, act, status) => {
    const before = snapshot();
    const r = await act();
    expect(r.status).toBe(status);
    // Vite's own host check may answer first, in plain text: either way, not a save.
    expect(r.json?.ok).not.toBe(true);
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, 'evil.md'))).toBe(false);
  });

  test('a save through a link out of data/ is refused (403) with the checker\'s message, and nothing is written on either side of it', async () => {
    const coverage = join(dir, 'data/coverage.yaml');
    const outside = mkdtempSync(join(tmpdir(), 'atlas-editor-outside-'));
    const text = readFileSync(coverage, 'utf8');
    writeFileSync(join(outside, 'coverage.yaml'), text);
    rmSync(coverage);
    symlinkSync(join(outside, 'coverage.yaml'), coverage);
    try {
      const before = snapshot();
      const r = await save([newDoc('through-a-link')]);
      expect(r.status).toBe(403);
      expect(r.json.message).toMatch(/data\/coverage\.yaml is a symbolic link to ".*coverage\.yaml", outside data\/ \(its contents would be published in atlas\.json\)/);
      expect(snapshot()).toEqual(before);
      expect(readFileSync(join(outside, 'coverage.yaml'), 'utf8')).toBe(text);
    } finally {
      rmSync(coverage);
      writeFileSync(coverage, text);
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test("a feature file linked out of data/ is refused by the editor's reads and saves (403, the one message), not left out of them", async () => {
    const features = join(dir, 'data/features');
    const name = readdirSync(features).find((f) => f.endsWith('.geojson'))!;
    const file = join(features, name);
    const outside = mkdtempSync(join(tmpdir(), 'atlas-editor-outside-'));
    const text = readFileSync(file, 'utf8');
    writeFileSync(join(outside, name), text);
    rmSync(file);
    symlinkSync(join(outside, name), file);
    const refusal = new RegExp(`data/features/${name.replace('.', '\\.')} is a symbolic link to ".*", outside data/`);
    try {
      const data = await call('/__atlas-editor/data');
      expect(data.status).toBe(403);
      expect(data.json.message).toMatch(refusal);
      const before = snapshot();
      const r = await save([newDoc('beside-a-link')]);
      expect(r.status).toBe(403);
      expect(r.json.message).toMatch(refusal);
      expect(snapshot()).toEqual(before);
    } finally {
      rmSync(file);
      writeFileSync(file, text);
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('refuses a peer that is not the loopback address', async (ctx) => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!lan) return ctx.skip();
    const before = snapshot();
    const r = await call('/__atlas-editor/save', {
      method: 'POST',
      address: lan.address,
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: JSON.stringify({ edits: [newDoc('from-lan')] }),
    });
    expect(r.status).toBe(403);
    expect(r.json.message).toMatch(/loopback/);
    expect((await call('/__atlas-editor/data', { address: lan.address })).status).toBe(403);
    expect(snapshot()).toEqual(before);
  });
});
