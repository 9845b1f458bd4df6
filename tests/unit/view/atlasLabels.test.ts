/**
 * The one label placement (issue 19): whatever the crowding, no label is
 * drawn over another, leaders are short and cross no label or leader, the
 * selected feature is named first, and every point is named, keyed or
 * reported as left off. Random clusters, seeded, so a failure repeats.
 */
import { describe, expect, test } from 'vitest';
import { keyLetter, LEADER_REACH, overprints, placeAtlasLabels, segmentHitsBox, takenIndex, type LabelSubject } from '../../../src/lib/view/atlasLabels.ts';
import { unprojector } from '../../../src/lib/view/webMercator.ts';

const view = { zoom: 6, lat: 30, lng: 112, width: 600, height: 400 };
const measure = (text: string, size: number) => text.length * size * 0.55;

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** `n` points in a cluster of `spread` pixels round the middle, and a few lines across. */
function cluster(n: number, spread: number, seed: number): LabelSubject[] {
  const r = random(seed);
  const un = unprojector(view);
  const points: LabelSubject[] = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    text: `Place with a name ${i} [${i + 1}]`,
    geometry: { type: 'Point', coordinates: un(300 + (r() - 0.5) * spread, 200 + (r() - 0.5) * spread) },
    color: '#000000',
    priority: i,
  }));
  const lines: LabelSubject[] = Array.from({ length: 4 }, (_, i) => ({
    id: `l${i}`,
    text: `A corridor ${i} [${i + 1}]`,
    geometry: { type: 'LineString', coordinates: [un(20, 40 + i * 90), un(580, 360 - i * 90)] },
    color: '#000000',
    priority: i,
  }));
  return [...points, ...lines];
}

describe('placeAtlasLabels', () => {
  for (const [n, spread] of [
    [6, 400],
    [20, 200],
    [40, 120],
  ]) {
    test(`${n} points in ${spread} px: nothing overprints, every point is named, keyed or reported`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const subjects = cluster(n, spread, seed);
        const placed = placeAtlasLabels({ view, subjects, selectedId: null, measure, pointColor: '#000000', leaders: true, keys: true });
        expect(overprints(placed)).toEqual([]);
        for (const s of subjects.filter((x) => x.geometry.type === 'Point')) {
          const named = placed.labels.some((l) => l.featureId === s.id) || placed.keys.some((k) => k.featureId === s.id) || placed.unlabelled.includes(s.id);
          expect(named, s.id).toBe(true);
        }
        // Keys are distinct letters.
        expect(new Set(placed.keys.map((k) => k.key)).size).toBe(placed.keys.length);
        // Leaders are short and cross no label and no other leader.
        const withLeaders = placed.labels.filter((l) => l.leader);
        for (const l of withLeaders) {
          const { x1, y1, x2, y2 } = l.leader!;
          expect(Math.hypot(x2 - x1, y2 - y1)).toBeLessThanOrEqual(Math.max(...LEADER_REACH) + 40);
          for (const other of [...placed.labels, ...placed.keys]) if (other !== l) expect(segmentHitsBox(l.leader!, other.box), `${l.text} leader over ${'text' in other ? other.text : ''}`).toBe(false);
        }
      }
    });
  }

  test('the selected feature is named first, in bold, even in a crowd', () => {
    const subjects = cluster(40, 80, 7);
    const selected = subjects[25].id;
    const placed = placeAtlasLabels({ view, subjects, selectedId: selected, measure, pointColor: '#000000', leaders: true, keys: true });
    const label = placed.labels.find((l) => l.featureId === selected);
    expect(label).toBeDefined();
    expect(label!.weight).toBeGreaterThan(placed.labels.find((l) => l.featureId !== selected)!.weight);
  });

  test('without leaders or keys (the screen), a label is beside its symbol or left off', () => {
    const placed = placeAtlasLabels({ view, subjects: cluster(40, 120, 3), selectedId: null, measure, pointColor: '#000000' });
    expect(placed.keys).toEqual([]);
    expect(placed.labels.every((l) => !l.leader)).toBe(true);
    expect(overprints(placed)).toEqual([]);
  });

  test('point labels can be switched off by the zoom rule; line labels by theirs', () => {
    const subjects = cluster(5, 300, 2);
    const none = placeAtlasLabels({ view, subjects, selectedId: null, measure, pointColor: '#000000', pointLabels: false, lineLabels: false });
    expect(none.labels).toEqual([]);
  });

  test('what comes after (the basemap’s names) keeps off the leaders too', () => {
    let leadersSeen = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const placed = placeAtlasLabels({ view, subjects: cluster(30, 140, seed), selectedId: null, measure, pointColor: '#000000', leaders: true, keys: true });
      const index = takenIndex(placed, view);
      for (const l of placed.labels.filter((x) => x.leader)) {
        leadersSeen++;
        const mx = (l.leader!.x1 + l.leader!.x2) / 2;
        const my = (l.leader!.y1 + l.leader!.y2) / 2;
        expect(index.fits({ x0: mx - 3, y0: my - 3, x1: mx + 3, y1: my + 3 }), `the middle of ${l.text}’s leader is taken`).toBe(false);
      }
    }
    expect(leadersSeen).toBeGreaterThan(0);
  });

  test('key letters run A…Z, then AA, AB…', () => {
    expect([0, 1, 25, 26, 27].map(keyLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
