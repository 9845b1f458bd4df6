import { describe, expect, test } from 'vitest';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { atlasLayers, pointLabelPlacement, VARIABLE_ANCHOR_LIMIT } from '../../../src/lib/map/style.ts';

const pointLayout = (pointCount: number) =>
  (atlasLayers('en', pointCount).find((l) => l.id === 'atlas-points') as SymbolLayerSpecification).layout!;

describe('point label placement follows the size of the atlas', () => {
  test('a small atlas gets variable anchors, so crowded clusters keep more labels', () => {
    expect(pointLayout(41)['text-variable-anchor']).toEqual(['left', 'right', 'top', 'bottom']);
    expect(pointLayout(VARIABLE_ANCHOR_LIMIT)['text-variable-anchor']).toBeDefined();
  });

  test('a large atlas gets one anchor, which MapLibre does not re-place on the CPU every frame', () => {
    const layout = pointLayout(VARIABLE_ANCHOR_LIMIT + 1);
    expect(layout['text-variable-anchor']).toBeUndefined();
    expect(layout['text-radial-offset']).toBeUndefined();
    expect(layout['text-anchor']).toBe('left');
    expect(layout['text-offset']).toEqual([0.9, 0]);
  });

  test('either way the label stays optional and beside the symbol', () => {
    for (const n of [1, 10_000]) {
      expect(pointLayout(n)['text-optional']).toBe(true);
      expect(Object.keys(pointLabelPlacement(n)).length).toBe(3);
    }
  });
});
