/**
 * The halos' source holds only what is selected or hovered, every drawn piece
 * of it (each leg of a multi-leg route), marked so the selection is drawn as
 * selected even while hovered. Features come from the shipped atlas.
 */
import { describe, expect, test } from 'vitest';
import { highlightFeatures } from '../../../src/lib/map/highlightSource.ts';
import { renderFeatures } from '../../../src/lib/map/renderData.ts';
import { resolve } from 'node:path';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';

const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;
const pieces = renderFeatures(atlas.features);
const piecesOf = (id: string) => pieces.features.filter((p) => p.properties.fid === id);
const multiPiece = atlas.features.find((f) => piecesOf(f.id).length > 1);
const [a, b] = atlas.features;

describe('the highlight source', () => {
  test('nothing selected or hovered: empty', () => {
    expect(highlightFeatures(pieces, [], []).features).toEqual([]);
  });

  test('a selected feature brings every piece it is drawn as, and nothing else', () => {
    const f = multiPiece ?? a;
    const out = highlightFeatures(pieces, [f.id], []);
    expect(out.features).toHaveLength(piecesOf(f.id).length);
    expect(out.features.every((p) => p.properties.fid === f.id && p.properties.highlight === 'selected')).toBe(true);
    expect(out.features.map((p) => p.geometry)).toEqual(piecesOf(f.id).map((p) => p.geometry));
  });

  test('hovered and selected features are told apart; the selection wins when both', () => {
    const out = highlightFeatures(pieces, [a.id], [a.id, b.id]);
    expect(new Set(out.features.filter((p) => p.properties.fid === a.id).map((p) => p.properties.highlight))).toEqual(new Set(['selected']));
    expect(new Set(out.features.filter((p) => p.properties.fid === b.id).map((p) => p.properties.highlight))).toEqual(new Set(['hover']));
  });

  test('an id that is not drawn (filtered out, unknown) adds nothing', () => {
    expect(highlightFeatures(pieces, ['no-such-feature'], []).features).toEqual([]);
  });
});
