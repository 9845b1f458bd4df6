import { describe, expect, test } from 'vitest';
import { resolveHit } from '../../../src/lib/map/hitTest.ts';
import { circlePath, queryScreen, screenPiecesOf, type ScreenPiece } from '../../../src/lib/view/screenHits.ts';

const zone: ScreenPiece = { id: 'zone', layer: 'zone', rings: [[[0, 0], [200, 0], [200, 200], [0, 200], [0, 0]], [[150, 150], [190, 150], [190, 190], [150, 190], [150, 150]]] };
const line: ScreenPiece = { id: 'line', layer: 'line', lines: [[[10, 100], [190, 100]]], halfWidth: 1.5 };
const near: ScreenPiece = { id: 'near', layer: 'line', lines: [[[10, 103], [190, 103]]], halfWidth: 1.5 };
const port: ScreenPiece = { id: 'port', layer: 'point', at: [100, 100], radius: 8 };
const pieces = [zone, line, port];
const click = (ps: ScreenPiece[], x: number, y: number) => resolveHit((r) => queryScreen(ps, x, y, r));

describe('a click on the map drawn as batched paths means what it means on the WebGL map', () => {
  test('a symbol wins over the line passing beneath it', () => {
    expect(click(pieces, 104, 99)).toEqual(['port']);
  });

  test('a line within the tolerance is chosen; two lines drawn too close together are both offered', () => {
    expect(click(pieces, 40, 104)).toEqual(['line']);
    expect(click([zone, line, near], 40, 101)).toEqual(['near', 'line']);
  });

  test('inside a zone, away from lines and symbols, the zone; in its hole or outside, nothing', () => {
    expect(click(pieces, 30, 30)).toEqual(['zone']);
    expect(click(pieces, 170, 170)).toEqual([]);
    expect(click(pieces, 300, 30)).toEqual([]);
  });

  test('the topmost of two stacked symbols comes first', () => {
    const under: ScreenPiece = { id: 'under', layer: 'point', at: [101, 100], radius: 8 };
    expect(queryScreen([under, port], 100, 100, 1).map((h) => h.id)).toEqual(['port', 'under']);
  });
});

describe('screenPiecesOf', () => {
  test('projects every kind, zones under lines under points, so topmost-first queries match the drawing', () => {
    const project = (lng: number, lat: number): [number, number] => [lng * 10, -lat * 10];
    const out = screenPiecesOf(
      [
        { geometry: { type: 'Point', coordinates: [1, 2] }, properties: { fid: 'p' } },
        { geometry: { type: 'LineString', coordinates: [[0, 0], [3, 0]] }, properties: { fid: 'l' } },
        { geometry: { type: 'Polygon', coordinates: [[[0, 0], [5, 0], [5, 5], [0, 0]]] }, properties: { fid: 'z' } },
      ],
      project,
      { pointRadius: 8, lineHalfWidth: 1.5 },
    );
    expect(out.map((p) => `${p.layer}:${p.id}`)).toEqual(['zone:z', 'line:l', 'point:p']);
    expect(out[2]).toMatchObject({ at: [10, -20], radius: 8 });
    expect(resolveHit((r) => queryScreen(out, 10, -19, r))).toEqual(['p']);
    expect(resolveHit((r) => queryScreen(out, 25, 1, r))).toEqual(['l']);
  });

  test('circlePath draws a closed circle through its leftmost point', () => {
    expect(circlePath(10, 20, 5)).toBe('M5.0,20.0a5,5 0 1,0 10,0a5,5 0 1,0 -10,0');
  });
});
