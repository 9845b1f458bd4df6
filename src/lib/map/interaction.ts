/**
 * Hover and click on the atlas layers: feature-state keyed by the atlas
 * feature id (promoteId `fid`), and hit-testing with a few pixels of slack so
 * thin lines are easy to click. Returns a cleanup function.
 */
import type { Map as MlMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { ATLAS_SOURCE, INTERACTIVE_LAYERS, ZONE_FILL_LAYER } from './style.ts';

export const HIT_TOLERANCE_PX = 6;

/** Distinct atlas feature ids under a screen point, topmost first. */
export function featureIdsAt(map: MlMap, x: number, y: number, tolerance = HIT_TOLERANCE_PX): string[] {
  const box: [PointLike, PointLike] = [
    [x - tolerance, y - tolerance],
    [x + tolerance, y + tolerance],
  ];
  const layers = INTERACTIVE_LAYERS.filter((l) => map.getLayer(l));
  const all = map.queryRenderedFeatures(box, { layers: [...layers] });
  // A zone is a backdrop: a click on a port or line inside it means that port or line.
  const onTop = all.filter((h) => h.layer.id !== ZONE_FILL_LAYER);
  const hits = onTop.length ? onTop : all;
  const ids: string[] = [];
  for (const h of hits) {
    const id = h.properties?.fid;
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function setFeatureFlag(map: MlMap, id: string | null, flag: 'hover' | 'selected', value: boolean): void {
  if (!id || !map.getSource(ATLAS_SOURCE)) return;
  map.setFeatureState({ source: ATLAS_SOURCE, id }, { [flag]: value });
}

export interface InteractionHandlers {
  onHover(id: string | null): void;
  onClick(ids: string[], x: number, y: number): void;
}

export function bindInteraction(map: MlMap, handlers: InteractionHandlers): () => void {
  let hovered: string | null = null;
  const move = (e: MapMouseEvent) => {
    const id = featureIdsAt(map, e.point.x, e.point.y)[0] ?? null;
    map.getCanvas().style.cursor = id ? 'pointer' : '';
    if (id === hovered) return;
    hovered = id;
    handlers.onHover(id);
  };
  const leave = () => {
    map.getCanvas().style.cursor = '';
    if (hovered !== null) handlers.onHover((hovered = null));
  };
  const click = (e: MapMouseEvent) => handlers.onClick(featureIdsAt(map, e.point.x, e.point.y), e.point.x, e.point.y);
  map.on('mousemove', move);
  map.on('mouseout', leave);
  map.on('click', click);
  return () => {
    map.off('mousemove', move);
    map.off('mouseout', leave);
    map.off('click', click);
  };
}
