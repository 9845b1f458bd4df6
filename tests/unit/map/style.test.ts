import { describe, expect, test } from 'vitest';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { atlasLayers, MANY_POINTS_LABEL_ZOOM, pointLabelPlacement, pointLabelText, VARIABLE_ANCHOR_LIMIT } from '../../../src/lib/map/style.ts';
import { labelText } from '../../../src/lib/map/expressions.ts';
import { POINT_LABEL, POINT_LABEL_GAP } from '../../../src/lib/cartography/labels.ts';

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
    // The same gap between symbol and label as the SVG map and the figure leave (cartography/labels.ts).
    expect((layout['text-offset'] as number[])[0] * POINT_LABEL.size).toBeCloseTo(POINT_LABEL_GAP, 0);
  });

  test('either way the label stays optional and beside the symbol', () => {
    for (const n of [1, 10_000]) {
      expect(pointLayout(n)['text-optional']).toBe(true);
      expect(Object.keys(pointLabelPlacement(n)).length).toBe(3);
    }
  });
});

describe('point labels in a large atlas start a zoom later', () => {
  test('a small atlas labels its points at every zoom', () => {
    expect(pointLayout(VARIABLE_ANCHOR_LIMIT)['text-field']).toEqual(labelText('en'));
  });

  test('a large atlas has no point labels below MANY_POINTS_LABEL_ZOOM, and the name in either language from there', () => {
    for (const lang of ['en', 'zh'] as const) {
      const field = pointLabelText(lang, VARIABLE_ANCHOR_LIMIT + 1);
      expect(field).toEqual(['step', ['zoom'], '', MANY_POINTS_LABEL_ZOOM, labelText(lang)]);
    }
    expect((atlasLayers('zh', 10_000).find((l) => l.id === 'atlas-points') as SymbolLayerSpecification).layout!['text-field']).toEqual(pointLabelText('zh', 10_000));
  });
});
