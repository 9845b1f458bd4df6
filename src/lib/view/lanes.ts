import type { Position } from 'geojson';
/**
 * Routes that share a corridor are drawn side by side: each has a lane
 * (0, ±1, ±2 … from renderData.ts) and is offset sideways by a number of
 * pixels that grows with zoom. The MapLibre style (`laneOffset` expression)
 * and the SVG renderers use these same stops, and the SVG renderers offset
 * their projected lines with `offsetLine` as MapLibre's `line-offset` does
 * (positive = to the right of the line's direction). Pure.
 */

/** [zoom, pixels per lane] stops, interpolated linearly and held beyond the ends. */
export const LANE_STOPS: readonly [number, number][] = [
  [3, 2],
  [7, 3.5],
  [10, 5],
];

export function laneOffsetPx(lane: number, zoom: number): number {
  const s = LANE_STOPS;
  if (zoom <= s[0][0]) return lane * s[0][1];
  for (let i = 1; i < s.length; i++) {
    if (zoom <= s[i][0]) {
      const t = (zoom - s[i - 1][0]) / (s[i][0] - s[i - 1][0]);
      return lane * (s[i - 1][1] + t * (s[i][1] - s[i - 1][1]));
    }
  }
  return lane * s[s.length - 1][1];
}

/** A pixel polyline moved `d` pixels to the right of its direction (screen y down), joining segments at the averaged normal. */
export function offsetLine(points: readonly [number, number][], d: number): [number, number][] {
  if (!d || points.length < 2) return points.map((p) => [p[0], p[1]]);
  const normals: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const dx = points[i][0] - points[i - 1][0];
    const dy = points[i][1] - points[i - 1][1];
    const len = Math.hypot(dx, dy) || 1;
    // Right of the direction on a y-down screen.
    normals.push([-dy / len, dx / len]);
  }
  return points.map((p, i) => {
    const a = normals[Math.max(0, i - 1)];
    const b = normals[Math.min(normals.length - 1, i)];
    let nx = a[0] + b[0];
    let ny = a[1] + b[1];
    const len = Math.hypot(nx, ny);
    if (len < 1e-6) [nx, ny] = a;
    else {
      // Keep the offset distance at sharp joins (miter), capped at 2× to avoid spikes.
      const cos = (nx * a[0] + ny * a[1]) / len;
      const scale = 1 / Math.max(cos, 0.5);
      nx = (nx / len) * scale;
      ny = (ny / len) * scale;
    }
    return [p[0] + nx * d, p[1] + ny * d];
  });
}

/** SVG path data of a projected polyline moved sideways by `offset` pixels (lanes of a shared corridor). */
export function laneSvgPath(lines: Position[][], project: (lng: number, lat: number) => [number, number], offset: number, view: { width: number; height: number }): string {
  const clip = 200;
  return lines
    .map((line) => {
      const pts = offsetLine(line.map(([lng, lat]) => project(lng, lat)), offset);
      // Skip lines entirely outside the frame (with room for a long segment crossing it).
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      if (Math.max(...xs) < -clip || Math.min(...xs) > view.width + clip || Math.max(...ys) < -clip || Math.min(...ys) > view.height + clip) return '';
      return 'M' + pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L');
    })
    .join('');
}

