/** Issue 21, item 12: "How sure" filters like the modes and kinds, and travels in the URL. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { filtersFromParams, filtersToParams, isFiltering, NO_FILTERS, toggleMember, visibleFeatures } from '../../../src/lib/atlas/filters.ts';
import { GEOMETRY_BASES } from '../../../src/lib/atlas/types.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';

const atlas = compileAtlas(readDataFiles(path.resolve(process.env.ATLAS_DATA_ROOT ?? path.resolve(import.meta.dirname, '../../..')))).atlas!;

describe('certainty filter', () => {
  test.each(GEOMETRY_BASES)('switching %s off hides exactly the features drawn at that certainty', (basis) => {
    const certainty = toggleMember(null, basis, GEOMETRY_BASES);
    const filters = { ...NO_FILTERS, certainty };
    expect(isFiltering(filters)).toBe(true);
    expect(visibleFeatures(atlas, filters).map((f) => f.id)).toEqual(atlas.features.filter((f) => f.properties.geometry_basis !== basis).map((f) => f.id));
  });
  test('it round-trips through URL parameters, case-insensitively, with unknown values reported', () => {
    const filters = { ...NO_FILTERS, certainty: new Set(['surveyed', 'schematic'] as const) };
    const params = filtersToParams(filters);
    expect(params).toEqual([['certainty', 'schematic,surveyed']]);
    expect(filtersFromParams(new Map(params), []).filters.certainty).toEqual(new Set(['surveyed', 'schematic']));
    const r = filtersFromParams(new Map([['certainty', 'Surveyed,guessed']]), []);
    expect(r.filters.certainty).toEqual(new Set(['surveyed']));
    expect(r.notices).toEqual([{ kind: 'unknownValues', key: 'certainty', values: ['guessed'] }]);
  });
  test('no certainty parameter filters nothing', () => {
    expect(filtersFromParams(new Map(), []).filters.certainty ?? null).toBeNull();
    expect(filtersToParams(NO_FILTERS)).toEqual([]);
  });
});
