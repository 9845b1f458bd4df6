import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { chinesePlaceNames, PLACES } from '../../../src/lib/atlas/gazetteer.ts';

describe('chinesePlaceNames', () => {
  test.each([
    ['China–Laos freight trains from Huaihua', ['中国', '老挝', '怀化']],
    ['Chengdu – Łódź via Małaszewicze', ['成都', '马拉舍维奇', '罗兹']],
    ["Belt and Road customs forum, Xi'an (2015)", ['西安']],
    ['Yangtze river–sea route to South Korea', ['韩国', '长江']],
  ])('%s', (text, zh) => {
    expect(chinesePlaceNames(text)).toEqual(zh);
  });
  test('whole words only: "Laotian" is not Laos, "Brestovac" is not Brest', () => {
    expect(chinesePlaceNames('Laotian Brestovac')).toEqual([]);
  });
  test('every Chinese name is unique and every spelling belongs to one place', () => {
    expect(new Set(PLACES.map((p) => p.zh)).size).toBe(PLACES.length);
    const spellings = PLACES.flatMap((p) => p.en);
    expect(new Set(spellings).size).toBe(spellings.length);
  });
  test('every country the atlas’s features name in English has its Chinese name (a rule on the data, not a list of ids)', () => {
    const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;
    const countries = ['Laos', 'Vietnam', 'Singapore', 'Japan', 'South Korea', 'Kazakhstan', 'Russia', 'Belarus', 'Poland', 'Germany'];
    for (const f of atlas.features) {
      const text = `${f.properties.name} ${f.properties.description}`;
      for (const c of countries.filter((c) => new RegExp(`\\b${c}\\b`).test(text))) {
        expect(chinesePlaceNames(text).length, `${f.id} names ${c}`).toBeGreaterThan(0);
      }
    }
  });
});
