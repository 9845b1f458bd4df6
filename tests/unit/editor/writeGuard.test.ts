import { describe, expect, test } from 'vitest';
import { checkRequest, isLoopbackAddress, MAX_BODY_BYTES, type RequestFacts } from '../../../src/lib/editor/writeGuard.ts';
import { parseSaveRequest, planSave, editPath } from '../../../src/lib/editor/saveRequest.ts';
import { ABSENT, contentToken } from '../../../src/lib/editor/conflictToken.ts';

const ok: RequestFacts = {
  method: 'POST',
  remoteAddress: '127.0.0.1',
  host: 'localhost:5173',
  origin: 'http://localhost:5173',
  contentType: 'application/json',
  contentLength: 100,
};
const write = (over: Partial<RequestFacts>) => checkRequest({ ...ok, ...over }, 5173, { write: true });

describe('checkRequest', () => {
  test('a same-origin write from loopback passes (localhost, 127.0.0.1, [::1])', () => {
    expect(write({})).toEqual({ ok: true });
    expect(write({ host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' })).toEqual({ ok: true });
    expect(write({ remoteAddress: '::1', host: '[::1]:5173', origin: 'http://[::1]:5173' })).toEqual({ ok: true });
    expect(write({ remoteAddress: '::ffff:127.0.0.1' })).toEqual({ ok: true });
  });
  test.each<[string, Partial<RequestFacts>, number, RegExp]>([
    ['a peer that is not loopback', { remoteAddress: '192.168.1.20' }, 403, /loopback/],
    ['no peer address', { remoteAddress: undefined }, 403, /loopback/],
    ['a rebinding host name', { host: 'attacker.example:5173', origin: 'http://attacker.example:5173' }, 403, /not a loopback name/],
    ['another port in Host', { host: 'localhost:9999', origin: 'http://localhost:9999' }, 403, /port 5173/],
    ['no Host', { host: undefined }, 403, /not a loopback name/],
    ['another origin', { origin: 'https://evil.example' }, 403, /cross-site/],
    ['another port in Origin', { origin: 'http://localhost:8080' }, 403, /cross-site/],
    ['https origin for an http server', { origin: 'https://localhost:5173' }, 403, /cross-site/],
    ['no Origin on a write', { origin: undefined }, 403, /no Origin/],
    ['the null origin', { origin: 'null' }, 403, /no Origin/],
    ['a cross-site fetch', { secFetchSite: 'cross-site' }, 403, /Cross-site/],
    ['GET on the write endpoint', { method: 'GET' }, 405, /POST/],
    ['a form post', { contentType: 'application/x-www-form-urlencoded' }, 415, /application\/json/],
    ['a body over the limit', { contentLength: MAX_BODY_BYTES + 1 }, 413, /larger/],
  ])('refuses %s', (_, over, status, message) => {
    const r = write(over);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(status);
      expect(r.message).toMatch(message);
    }
  });
  test('reads: same-origin GET without Origin passes; Host is still checked', () => {
    expect(checkRequest({ method: 'GET', remoteAddress: '127.0.0.1', host: 'localhost:5173', origin: undefined }, 5173, { write: false })).toEqual({ ok: true });
    expect(checkRequest({ method: 'GET', remoteAddress: '127.0.0.1', host: 'evil.example', origin: undefined }, 5173, { write: false }).ok).toBe(false);
    expect(checkRequest({ method: 'GET', remoteAddress: '127.0.0.1', host: 'localhost:5173', origin: 'http://evil.example' }, 5173, { write: false }).ok).toBe(false);
  });
  test('loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '0.0.0.0', '', undefined, '127.0.0.1.evil'].some(isLoopbackAddress)).toBe(false);
  });
});

describe('parseSaveRequest', () => {
  const feature = { type: 'Feature', id: 'f', properties: {}, geometry: null };
  test.each<[string, unknown, RegExp]>([
    ['not an object', [], /edits/],
    ['no edits', { edits: [] }, /nothing to save/],
    ['too many edits', { edits: Array(21).fill({ kind: 'delete-feature', file: 'a.geojson', token: ABSENT, id: 'x' }) }, /at most 20/],
    ['an unknown kind', { edits: [{ kind: 'rm-rf', token: ABSENT }] }, /unknown kind/],
    ['no token', { edits: [{ kind: 'delete-feature', file: 'a.geojson', id: 'x' }] }, /token/],
    ['a path outside data/features', { edits: [{ kind: 'put-feature', file: '../../etc/passwd', token: ABSENT, feature }] }, /kebab-case name ending in \.geojson/],
    ['a file that is not .geojson', { edits: [{ kind: 'put-feature', file: 'x.js', token: ABSENT, feature }] }, /\.geojson/],
    ['a nested path', { edits: [{ kind: 'put-feature', file: 'a/b.geojson', token: ABSENT, feature }] }, /\.geojson/],
    ['a document id with a slash', { edits: [{ kind: 'put-document', token: ABSENT, front: { id: '../x', title: 't', date: '2024', publisher: 'p' }, body: 'b' }] }, /kebab-case/],
    ['an unknown front-matter field', { edits: [{ kind: 'put-document', token: ABSENT, front: { id: 'x', evil: 'y' }, body: 'b' }] }, /unknown front-matter field/],
    ['a feature without id', { edits: [{ kind: 'put-feature', file: 'a.geojson', token: ABSENT, feature: { type: 'Feature' } }] }, /string id/],
  ])('refuses %s', (_, body, message) => {
    const r = parseSaveRequest(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  test('paths are built from checked names, under data/documents and data/features only', () => {
    const r = parseSaveRequest({
      edits: [
        { kind: 'put-document', token: ABSENT, front: { id: 'new-doc', title: 't', date: '2024', publisher: 'p' }, body: 'b' },
        { kind: 'put-feature', file: 'ports.geojson', token: ABSENT, feature },
      ],
    });
    expect(r.ok && r.value.map(editPath)).toEqual(['data/documents/new-doc.md', 'data/features/ports.geojson']);
  });
});

describe('planSave', () => {
  const disk = new Map([['data/features/a.geojson', '{\n  "type": "FeatureCollection",\n  "features": []\n}\n']]);
  const read = (p: string) => disk.get(p) ?? null;
  const f = { type: 'Feature', id: 'x', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } };
  test('refuses when the file changed since it was loaded, and writes nothing', () => {
    const r = planSave(read, [{ kind: 'put-feature', file: 'a.geojson', token: contentToken('older text'), feature: f }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts[0]).toMatch(/changed on disk/);
  });
  test('refuses to create a file that now exists', () => {
    const r = planSave(read, [{ kind: 'put-feature', file: 'a.geojson', token: ABSENT, feature: f }]);
    expect(r.ok).toBe(false);
  });
  test('applies several edits of one file in order, against the version they were made on', () => {
    const token = contentToken(disk.get('data/features/a.geojson')!);
    const r = planSave(read, [
      { kind: 'put-feature', file: 'a.geojson', token, feature: f },
      { kind: 'put-feature', file: 'a.geojson', token, feature: { ...f, id: 'y' } },
      { kind: 'delete-feature', file: 'a.geojson', token, id: 'x' },
    ]);
    expect(r.ok && JSON.parse(r.writes.get('data/features/a.geojson')!).features.map((g: { id: string }) => g.id)).toEqual(['y']);
  });
  test('deleting a feature that is not there is an error, not a silent no-op', () => {
    const token = contentToken(disk.get('data/features/a.geojson')!);
    const r = planSave(read, [{ kind: 'delete-feature', file: 'a.geojson', token, id: 'nope' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/no feature "nope"/);
  });
});
