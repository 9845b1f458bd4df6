/**
 * Figure export in the browser: gather what the view shows from the map and
 * the app state, lay it out, and produce a PNG (map canvas re-rendered at the
 * pixel ratio) or an SVG (map redrawn as vectors).
 */
import type { AtlasMap as MlMap } from '../map/createMap.ts';
import type { AppState } from '../appState.svelte.ts';
import { basemapGeoJSON } from '../map/basemapData.ts';
import { captureMap, renderedFeatureIds } from '../map/capture.ts';
import { figureContent, formatCentre, type FigureContent } from './figure.ts';
import { layoutFigure, type FigureLayout } from './layout.ts';
import type { FrameView } from '../view/webMercator.ts';
import { canvasMeasure, drawFigure } from './png.ts';
import { addPngText } from './pngText.ts';
import { scaleBar } from './scaleBar.ts';
import { figureSvg } from './svg.ts';

export interface Figure {
  content: FigureContent;
  layout: FigureLayout;
  view: FrameView;
  drawnIds: string[];
}

/** Lay out the figure for the map's current view and the app's selection and filters. */
export function prepareFigure(map: MlMap, app: AppState, permalink: string): Figure {
  const canvas = map.getCanvas();
  const c = map.getCenter();
  const view: FrameView = { zoom: map.getZoom(), lat: c.lat, lng: c.lng, width: canvas.clientWidth, height: canvas.clientHeight };
  const rendered = renderedFeatureIds(map);
  const drawn = app.visible.filter((f) => rendered.has(f.id));
  const selected = app.selected;
  const cited = selected ? [selected] : drawn;
  const t = app.t;
  const content = figureContent({
    drawn,
    cited,
    documentsById: app.documentsById,
    names: { modes: app.modeNames, kinds: app.kindNames, schematic: t.schematic },
    nameOf: (f) => app.nameOf(f),
    words: {
      title: selected ? `${t.appTitle} — ${app.nameOf(selected)}` : `${t.appTitle} — ${t.figureTitle}`,
      legend: t.legend,
      sources: selected ? t.figureSourcesSelected : t.figureSources,
      attribution: t.figureAttribution,
    },
    subtitle: `${t.figureView(view.zoom.toFixed(1), formatCentre(view.lat, view.lng), drawn.length)} · ${new Date().toISOString().slice(0, 10)}`,
    permalink,
  });
  const layout = layoutFigure({ ...content.input, width: view.width, mapHeight: view.height }, canvasMeasure());
  return { content, layout, view, drawnIds: drawn.map((f) => f.id) };
}

export async function figurePng(map: MlMap, app: AppState, figure: Figure, ratio: number): Promise<Blob> {
  const image = await captureMap(map, ratio, figure.content.labels, app.lang);
  const canvas = drawFigure(figure.layout, image, scaleBar(figure.view.lat, figure.view.zoom), ratio);
  const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The figure could not be encoded as PNG.'))), 'image/png'));
  const { input } = figure.content;
  const text = addPngText(new Uint8Array(await png.arrayBuffer()), {
    Title: input.title,
    Description: input.notes.map((n) => `[${n.n}] ${n.group ? `${n.group}: ` : ''}${n.text}`).join('\n'),
    Source: input.attribution.join('\n'),
    Software: 'Corridor Atlas',
  });
  return new Blob([text as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

export async function figureSvgText(app: AppState, figure: Figure): Promise<string> {
  const basemap = await basemapGeoJSON();
  const measure = canvasMeasure();
  const ids = new Set(figure.drawnIds);
  return figureSvg(
    figure.layout,
    {
      view: figure.view,
      basemap,
      features: app.visible.filter((f) => ids.has(f.id) || f.id === app.selectedId),
      laneFeatures: app.visible,
      lang: app.lang,
      selectedId: app.selectedId,
      labels: figure.content.labels,
      scale: scaleBar(figure.view.lat, figure.view.zoom),
      measure: (text, size, weight) => measure(text, { size, weight: weight as 400 | 600 | 700 }),
    },
    { title: figure.content.input.title, description: figure.content.input.notes.map((n) => `[${n.n}] ${n.group ? `${n.group}: ` : ''}${n.text}`).join('\n') },
  );
}

/** Offer a Blob as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
