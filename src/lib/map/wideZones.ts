/**
 * Zones that cover most of the view are drawn as outlines (cartography/zones.ts):
 * after each move, each zone's share of the view is measured and set as the
 * feature-state `wide` that the zone fill reads.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { AtlasFeature } from '../atlas/types.ts';
import { isWideZoneIn } from '../cartography/zones.ts';
import { projector } from '../view/webMercator.ts';
import { mapFrameOf } from './mapFrame.ts';
import { ATLAS_SOURCE } from './style.ts';

export function markWideZones(map: MlMap, features: readonly AtlasFeature[]): void {
  const frame = mapFrameOf(map);
  const project = projector(frame);
  for (const f of features) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    map.setFeatureState({ source: ATLAS_SOURCE, id: f.id }, { wide: isWideZoneIn(f.geometry, project, frame.width, frame.height) });
  }
}
