/**
 * `npm run format:data` puts a feature file written in another layout (json.dump(indent=2), one line, CRLF)
 * back into the atlas layout: same JSON, only whitespace changed; other files untouched; a broken file is
 * reported and left alone. Run on a copy of data/.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { formatData } from '../../../scripts/format-data.ts';
import { formatFeatureFile } from '../../../src/lib/editor/jsonFormat.ts';

const root = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.');
const dir = mkdtempSync(join(tmpdir(), 'atlas-format-'));
cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const featureDir = join(dir, 'data/features');
const files = readdirSync(featureDir).filter((f) => f.endsWith('.geojson')).sort();
const read = (f: string) => readFileSync(join(featureDir, f), 'utf8');

test('a file in another layout is rewritten in the atlas layout, with the same JSON; the others are not touched', () => {
  const [target, ...others] = files;
  const original = read(target);
  const atlasStyle = formatFeatureFile(original);
  const before = new Map(others.map((f) => [f, read(f)]));
  const handWritten = JSON.stringify(JSON.parse(original), null, 2).replace(/\n/g, '\r\n');
  expect(handWritten).not.toBe(atlasStyle);
  writeFileSync(join(featureDir, target), handWritten);
  const r = formatData(dir);
  expect(r).toEqual({ written: [`data/features/${target}`], unreadable: [] });
  expect(read(target)).toBe(atlasStyle);
  expect(JSON.parse(read(target))).toEqual(JSON.parse(original));
  for (const [f, text] of before) expect(read(f), f).toBe(text);
  // A second run has nothing to do.
  expect(formatData(dir).written).toEqual([]);
});

test('a file that is not JSON is reported and left as it is', () => {
  const broken = '{"type": "FeatureCollection", "features": [';
  writeFileSync(join(featureDir, 'broken.geojson'), broken);
  const r = formatData(dir);
  expect(r.written).toEqual([]);
  expect(r.unreadable).toEqual([expect.stringMatching(/^data\/features\/broken\.geojson: /)]);
  expect(read('broken.geojson')).toBe(broken);
  rmSync(join(featureDir, 'broken.geojson'));
});
