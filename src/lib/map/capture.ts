/**
 * Read the map for a figure: which atlas features are drawn in the view, and
 * the canvas re-rendered at a pixel ratio with labels keyed to footnotes.
 * The map is created with preserveDrawingBuffer, so its canvas can be copied
 * once it is idle; everything changed here is restored afterwards.
 */
import type { ExpressionSpecification, Map as MlMap } from 'maplibre-gl';
import { labelText } from './expressions.ts';
import { INTERACTIVE_LAYERS, LABEL_LAYERS } from './style.ts';

const LINE_LABELS = 'atlas-line-labels';

/** Ids of atlas features drawn anywhere in the current view, in no particular order. */
export function renderedFeatureIds(map: MlMap): Set<string> {
  const layers = INTERACTIVE_LAYERS.filter((l) => map.getLayer(l));
  const ids = new Set<string>();
  for (const h of map.queryRenderedFeatures({ layers: [...layers] })) {
    const id = h.properties?.fid;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

const idle = (map: MlMap) => new Promise<void>((resolve) => map.once('idle', () => resolve()));

function keyedText(labels: ReadonlyMap<string, string>, lang: 'en' | 'zh'): ExpressionSpecification {
  if (!labels.size) return labelText(lang);
  return ['match', ['get', 'fid'], ...[...labels].flat(), labelText(lang)] as unknown as ExpressionSpecification;
}

/**
 * A copy of the map canvas drawn at `ratio` device pixels per CSS pixel, with
 * `labels` (feature id → text) in place of the usual labels and line labels at
 * every zoom. MapLibre may clamp very large canvases; the copy's size says
 * what was achieved.
 */
export async function captureMap(map: MlMap, ratio: number, labels: ReadonlyMap<string, string>, lang: 'en' | 'zh'): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  const zoomRange = [map.getLayer(LINE_LABELS)?.minzoom ?? 0, map.getLayer(LINE_LABELS)?.maxzoom ?? 24] as const;
  try {
    let done = idle(map);
    for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', keyedText(labels, lang));
    if (map.getLayer(LINE_LABELS)) map.setLayerZoomRange(LINE_LABELS, 0, 24);
    map.setPixelRatio(ratio);
    map.triggerRepaint();
    await done;
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')!.drawImage(source, 0, 0);
    return copy;
  } finally {
    const done = idle(map);
    for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', labelText(lang));
    if (map.getLayer(LINE_LABELS)) map.setLayerZoomRange(LINE_LABELS, zoomRange[0], zoomRange[1]);
    map.setPixelRatio(before);
    map.triggerRepaint();
    await done;
  }
}
