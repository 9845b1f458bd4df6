/**
 * The basemap's names for the SVG renderers (fallback map and SVG figure):
 * country, place and river names in the reader's language, with the same
 * density rule and priorities as the MapLibre style, placed through a
 * collision index the caller has already filled with the atlas's symbols and
 * labels, so the atlas always wins. Pure.
 */
import type { FeatureCollection, MultiLineString, Point, Position } from 'geojson';
import { placeShownAt, type PlaceProperties } from '../map/basemapPlaces.ts';
import { type CollisionIndex, textBox } from './collision.ts';
import { COUNTRY_LABEL_SIZE, COUNTRY_LETTER_SPACING, countryLabelMinArea, placeTextSize, RIVER_LABEL_MIN_ZOOM, RIVER_LABEL_SIZE, RIVER_LETTER_SPACING, sizeAt } from '../cartography/labels.ts';
import { projector, type FrameView } from './webMercator.ts';

/** Width of a text in CSS pixels; the browser passes canvas measurement, tests an estimate. */
export type LabelMeasure = (text: string, size: number, weight: number) => number;

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;
/** A rough width: CJK characters are square, Latin ones a bit over half the size. */
export const estimateWidth: LabelMeasure = (text, size) => [...text].reduce((w, c) => w + (CJK.test(c) ? size : size * 0.58), 0);

export interface NameLabel {
  kind: 'country' | 'place' | 'river';
  text: string;
  /** Anchor point of the text's baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  /** Places: 0 national capital, 1 provincial capital, 2 other. */
  tier?: 0 | 1 | 2;
  /** Places: where the dot goes (none when the atlas's symbols cover the place: the name alone is drawn). */
  dot?: [number, number];
  /** Rivers: rotation in degrees about (x, y). */
  angle?: number;
  /** The place or country named: its names in both languages, and a place's first zoom. */
  source?: { name: string; name_zh: string; z?: number };
}

export interface BasemapNameLayers {
  places?: FeatureCollection;
  rivers?: FeatureCollection;
  'country-labels'?: FeatureCollection;
}


/** Places named from this zoom or lower are major cities (Chongqing, Wuhan…), found even under the atlas's symbols. */
export const MAJOR_CITY_ZOOM = 5;

const pick = (lang: 'en' | 'zh', en: string, zh: string | undefined) => (lang === 'zh' && zh ? zh : en);

/** The longest run of a projected line that stays inside the frame (with a margin). */
function longestRun(lines: Position[][], project: (lng: number, lat: number) => [number, number], view: FrameView, margin: number): [number, number][] {
  let best: [number, number][] = [];
  let bestLength = -1;
  for (const line of lines) {
    let run: [number, number][] = [];
    const flush = () => {
      const length = run.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - run[i][0], p[1] - run[i][1]), 0);
      if (run.length > 1 && length > bestLength) [best, bestLength] = [run, length];
      run = [];
    };
    for (const [lng, lat] of line) {
      const p = project(lng, lat);
      if (p[0] >= margin && p[1] >= margin && p[0] <= view.width - margin && p[1] <= view.height - margin) run.push(p);
      else flush();
    }
    flush();
  }
  return best;
}

/** Point `at` pixels along a polyline, and the direction there (degrees, kept upright). */
function along(run: [number, number][], at: number, span: number): { x: number; y: number; angle: number } | null {
  const pointAt = (d: number): [number, number] => {
    let left = Math.max(0, d);
    for (let i = 1; i < run.length; i++) {
      const step = Math.hypot(run[i][0] - run[i - 1][0], run[i][1] - run[i - 1][1]);
      if (step >= left && step > 0) return [run[i - 1][0] + ((run[i][0] - run[i - 1][0]) * left) / step, run[i - 1][1] + ((run[i][1] - run[i - 1][1]) * left) / step];
      left -= step;
    }
    return run[run.length - 1];
  };
  const a = pointAt(at - span / 2);
  const b = pointAt(at + span / 2);
  const m = pointAt(at);
  let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle < -90) angle += 180;
  return { x: m[0], y: m[1], angle };
}

/** Country, place and river names that fit, in that priority, after whatever `index` already holds. */
/**
 * Which names: all of them; only the major cities (placed on screen before
 * the atlas's line labels, which can move along their lines); or the rest.
 */
export type NamePhase = 'all' | 'major-places' | 'rest';

export function basemapNames(layers: BasemapNameLayers, view: FrameView, lang: 'en' | 'zh', index: Pick<CollisionIndex, 'fits' | 'insert' | 'place'>, measure: LabelMeasure = estimateWidth, phase: NamePhase = 'all'): NameLabel[] {
  const project = projector(view);
  const out: NameLabel[] = [];
  const inFrame = (p: [number, number], m: number) => p[0] >= m && p[1] >= m && p[0] <= view.width - m && p[1] <= view.height - m;

  const minArea = countryLabelMinArea(view.zoom);
  const countries = ((phase === 'major-places' ? [] : (layers['country-labels']?.features ?? [])) as FeatureCollection<Point, { name: string; name_zh?: string; area_km2: number }>['features'])
    .filter((c) => c.properties.area_km2 >= minArea)
    .sort((a, b) => b.properties.area_km2 - a.properties.area_km2);
  for (const c of countries) {
    const p = project(c.geometry.coordinates[0], c.geometry.coordinates[1]);
    if (!inFrame(p, 10)) continue;
    const text = lang === 'zh' && c.properties.name_zh ? c.properties.name_zh : c.properties.name.toUpperCase();
    const size = sizeAt(COUNTRY_LABEL_SIZE, view.zoom);
    const width = measure(text, size, 400) + (lang === 'zh' ? 0 : text.length * COUNTRY_LETTER_SPACING * size);
    if (index.place([textBox(p[0], p[1], width, size, 'middle')]) >= 0) out.push({ kind: 'country', text, x: p[0], y: p[1], anchor: 'middle', size, source: { name: c.properties.name, name_zh: c.properties.name_zh ?? '' } });
  }

  const places = ((layers.places?.features ?? []) as FeatureCollection<Point, PlaceProperties>['features'])
    .filter((f) => placeShownAt(f.properties.z, view.zoom))
    .sort((a, b) => a.properties.rank - b.properties.rank);
  for (const f of places) {
    const p = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    if (!inFrame(p, 2)) continue;
    const { tier } = f.properties;
    // A Chinese map names places in Chinese; a town Natural Earth gives no Chinese name goes unnamed, not in Latin.
    if (lang === 'zh' && !f.properties.name_zh) continue;
    const text = pick(lang, f.properties.name, f.properties.name_zh);
    const size = placeTextSize(tier);
    const width = measure(text, size, 400);
    const dot = { x0: p[0] - 3, y0: p[1] - 3, x1: p[0] + 3, y1: p[1] + 3 };
    const placeSource = { name: f.properties.name, name_zh: f.properties.name_zh, z: f.properties.z };
    /** A capital, or a city named from MAJOR_CITY_ZOOM: what a reader looks for to know where they are. */
    const major = tier < 2 || f.properties.z <= MAJOR_CITY_ZOOM;
    if ((phase === 'major-places' && !major) || (phase === 'rest' && major)) continue;
    // Right of the dot, left of it, then (for a major city, which a reader looks for) above or below it.
    const spots = [
      { x: p[0] + 6, y: p[1] + size * 0.35, anchor: 'start' as const },
      { x: p[0] - 6, y: p[1] + size * 0.35, anchor: 'end' as const },
      ...(major
        ? [
            { x: p[0], y: p[1] - 6, anchor: 'middle' as const },
            { x: p[0], y: p[1] + 6 + size * 0.8, anchor: 'middle' as const },
          ]
        : []),
    ];
    const withDot = (b: typeof dot) => ({ x0: Math.min(b.x0, dot.x0), y0: Math.min(b.y0, dot.y0), x1: Math.max(b.x1, dot.x1), y1: Math.max(b.y1, dot.y1) });
    const choice = index.place(spots.map((q) => withDot(textBox(q.x, q.y, width, size, q.anchor))));
    if (choice >= 0) {
      const q = spots[choice];
      out.push({ kind: 'place', text, x: q.x, y: q.y, anchor: q.anchor, size, tier, dot: p, source: placeSource });
      continue;
    }
    // A major city crowded by the atlas's symbols or labels: its name a little further out, so the reader still
    // knows the city; its dot too where that spot is free (under an atlas symbol, the symbol marks the spot).
    if (!major) continue;
    const dotFree = index.fits(dot);
    // Round the covered spot, nearest first: above and below, then to the sides, further out each time.
    const clear = [16, 28, 40].flatMap((r) => [
      { x: p[0], y: p[1] - r, anchor: 'middle' as const },
      { x: p[0], y: p[1] + r + size * 0.8, anchor: 'middle' as const },
      { x: p[0] + r + 2, y: p[1] - r * 0.75, anchor: 'start' as const },
      { x: p[0] - r - 2, y: p[1] - r * 0.75, anchor: 'end' as const },
      { x: p[0] + r + 2, y: p[1] + r * 0.75 + size * 0.8, anchor: 'start' as const },
      { x: p[0] - r - 2, y: p[1] + r * 0.75 + size * 0.8, anchor: 'end' as const },
    ]);
    const alone = index.place(clear.map((q) => textBox(q.x, q.y, width, size, q.anchor)));
    if (alone < 0) continue;
    if (dotFree) index.insert(dot);
    out.push({ kind: 'place', text, x: clear[alone].x, y: clear[alone].y, anchor: clear[alone].anchor, size, tier, dot: dotFree ? p : undefined, source: placeSource });
  }

  if (view.zoom >= RIVER_LABEL_MIN_ZOOM && phase !== 'major-places') {
    const rivers = (layers.rivers?.features ?? []) as FeatureCollection<MultiLineString, { label?: string; label_zh?: string }>['features'];
    for (const r of rivers) {
      if (!r.properties.label) continue;
      const text = pick(lang, r.properties.label, r.properties.label_zh);
      const size = sizeAt(RIVER_LABEL_SIZE, view.zoom);
      const width = measure(text, size, 400) + text.length * RIVER_LETTER_SPACING * size;
      const run = longestRun(r.geometry.coordinates, project, view, 20);
      const length = run.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - run[i][0], p[1] - run[i][1]), 0);
      if (length < width * 1.5) continue;
      for (const t of [0.5, 0.3, 0.7]) {
        const spot = along(run, length * t, width);
        if (!spot) continue;
        // The box of the rotated text, axis-aligned.
        const rad = (spot.angle * Math.PI) / 180;
        const hw = (Math.abs(Math.cos(rad)) * width + Math.abs(Math.sin(rad)) * size) / 2;
        const hh = (Math.abs(Math.sin(rad)) * width + Math.abs(Math.cos(rad)) * size) / 2;
        if (index.place([{ x0: spot.x - hw, y0: spot.y - hh, x1: spot.x + hw, y1: spot.y + hh }]) < 0) continue;
        out.push({ kind: 'river', text, x: spot.x, y: spot.y, anchor: 'middle', size, angle: spot.angle });
        break;
      }
    }
  }
  return out;
}
