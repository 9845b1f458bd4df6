import { describe, expect, it } from 'vitest';
import { partLengthKm, PART_END_KM } from '../../../src/lib/atlas/publishedPart.ts';
import { haversineKm } from '../../../src/lib/geo/coords.ts';

const line = { type: 'LineString' as const, coordinates: [[100, 20], [101, 20], [102, 20], [103, 20]] };

describe('partLengthKm', () => {
  it('measures the drawn line between two of its vertices', () => {
    expect(partLengthKm(line, [101, 20], [103, 20])).toEqual({ ok: true, km: haversineKm([101, 20], [102, 20]) + haversineKm([102, 20], [103, 20]) });
  });

  it('joins the parts of a MultiLineString in order (a river leg then a sea leg)', () => {
    const multi = { type: 'MultiLineString' as const, coordinates: [[[100, 20], [101, 20]], [[101, 20], [102, 20]]] };
    const r = partLengthKm(multi, [100, 20], [102, 20]);
    expect(r.ok && r.km).toBeCloseTo(haversineKm([100, 20], [101, 20]) + haversineKm([101, 20], [102, 20]), 6);
  });

  it(`refuses an end that is not a vertex (more than ${PART_END_KM} km from every one), a part drawn backwards, and a point`, () => {
    expect(partLengthKm(line, [101.5, 20], [103, 20])).toMatchObject({ ok: false, message: expect.stringMatching(/"from" is 52\.\d km from the nearest vertex/) });
    expect(partLengthKm(line, [103, 20], [101, 20])).toMatchObject({ ok: false, message: expect.stringMatching(/must come before/) });
    expect(partLengthKm({ type: 'Point', coordinates: [100, 20] }, [100, 20], [101, 20])).toMatchObject({ ok: false });
  });
});
