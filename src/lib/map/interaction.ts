/**
 * Hover and click on the atlas layers: feature-state keyed by the atlas
 * feature id (promoteId `fid`), and hit-testing by what is drawn under the
 * pointer in screen pixels (src/lib/map/hitTest.ts): a symbol wins over the
 * lines beneath it, lines get a few pixels of slack, and only things drawn
 * too close together to tell apart make the reader choose. Returns a cleanup function.
 */
import type { Map as MlMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { DEFAULT_HIT_RULE, resolveHit, type Hit, type HitLayerKind, type HitRule } from './hitTest.ts';
import { ATLAS_SOURCE, INTERACTIVE_LAYERS, POINT_LAYER, ZONE_FILL_LAYER } from './style.ts';

export const HIT_TOLERANCE_PX = DEFAULT_HIT_RULE.tolerancePx;

const layerKind = (id: string): HitLayerKind => (id === POINT_LAYER ? 'point' : id === ZONE_FILL_LAYER ? 'zone' : 'line');

/** The features a click at a screen point means, the first to select first (several: the reader chooses). */
export function featureIdsAt(map: MlMap, x: number, y: number, rule: HitRule = DEFAULT_HIT_RULE): string[] {
  const layers = INTERACTIVE_LAYERS.filter((l) => map.getLayer(l));
  const query = (r: number): Hit[] => {
    const box: PointLike | [PointLike, PointLike] = r === 0 ? [x, y] : [[x - r, y - r], [x + r, y + r]];
    const hits: Hit[] = [];
    for (const h of map.queryRenderedFeatures(box, { layers: [...layers] })) {
      const id = h.properties?.fid;
      if (typeof id !== 'string') continue;
      const layer = layerKind(h.layer.id);
      const at = layer === 'point' && h.geometry.type === 'Point' ? map.project(h.geometry.coordinates as [number, number]) : undefined;
      const area = layer === 'zone' && typeof h.properties?.area === 'number' ? h.properties.area : undefined;
      hits.push({ id, layer, at, area });
    }
    return hits;
  };
  return resolveHit(query, rule);
}

export function setFeatureFlag(map: MlMap, id: string | null, flag: 'hover' | 'selected', value: boolean): void {
  if (!id || !map.getSource(ATLAS_SOURCE)) return;
  map.setFeatureState({ source: ATLAS_SOURCE, id }, { [flag]: value });
}

export interface InteractionHandlers {
  onHover(id: string | null): void;
  /** `lngLat`: where the click was on the map, so a chooser can follow it when the map moves. */
  onClick(ids: string[], x: number, y: number, lngLat: [number, number]): void;
  /** The click rule for the pointer that clicked ('mouse', 'touch', 'pen'; undefined when the browser does not say). */
  hitRule(pointerType: string | undefined): HitRule;
  /** While true, the map is a place to put something: a crosshair, not a pointer over features. */
  placing(): boolean;
}

export function bindInteraction(map: MlMap, handlers: InteractionHandlers): () => void {
  let hovered: string | null = null;
  const move = (e: MapMouseEvent) => {
    const id = featureIdsAt(map, e.point.x, e.point.y)[0] ?? null;
    map.getCanvas().style.cursor = handlers.placing() ? 'crosshair' : id ? 'pointer' : '';
    if (id === hovered) return;
    hovered = id;
    handlers.onHover(id);
  };
  const leave = () => {
    map.getCanvas().style.cursor = '';
    if (hovered !== null) handlers.onHover((hovered = null));
  };
  const click = (e: MapMouseEvent) => {
    const rule = handlers.hitRule((e.originalEvent as PointerEvent).pointerType);
    handlers.onClick(featureIdsAt(map, e.point.x, e.point.y, rule), e.point.x, e.point.y, [e.lngLat.lng, e.lngLat.lat]);
  };
  map.on('mousemove', move);
  map.on('mouseout', leave);
  map.on('click', click);
  return () => {
    map.off('mousemove', move);
    map.off('mouseout', leave);
    map.off('click', click);
  };
}
