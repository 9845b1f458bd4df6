/**
 * Figure export in the browser: gather what the figure shows from the app
 * state and the reader's view, lay it out at the chosen aspect, draw it as SVG
 * (the map redrawn as vectors), and from that SVG a PNG (rasterised at a pixel
 * ratio) or a PDF (vector; `pdf.ts`, loaded only when asked for).
 */
import type { AppState } from '../appState.svelte.ts';
import { drawnPart } from '../atlas/filters.ts';
import type { AtlasFeature } from '../atlas/types.ts';
import { basemapGeoJSON, type BasemapLayer } from '../map/basemapData.ts';
import type { FeatureCollection } from 'geojson';
import { figureContent, formatCentre, summarizeMap, type FigureContent } from './figure.ts';
import { featuresInFrame, figureFrameView, FIGURE_SIZES, type FigureAspect } from './figureFormat.ts';
import { layoutFigure, type FigureLayout, type Measure, type Overflow } from './layout.ts';
import type { LegendItem } from './legend.ts';
import type { PlacedLabels } from '../view/atlasLabels.ts';
import type { BasemapNameLayers } from '../view/basemapNames.ts';
import { regionOf } from '../view/regionName.ts';
import type { FrameView } from '../view/webMercator.ts';
import { canvasMeasure } from './canvasText.ts';
import { addPngText } from './pngText.ts';
import { figureScaleBar } from './scaleBar.ts';
import { figureSvg, mapLabels } from './svg.ts';

export interface FigureOptions {
  aspect: FigureAspect;
  title: string;
  caption: string;
}

export interface Figure {
  aspect: FigureAspect;
  content: FigureContent;
  layout: FigureLayout;
  /** The view drawn in the figure's map frame. */
  view: FrameView;
  /** Features drawn in the frame (and the selection). */
  drawn: AtlasFeature[];
  selectedId: string | null;
  /** The features the screen lays lanes out among, so shared corridors sit side by side as on screen. */
  laneFeatures: readonly AtlasFeature[];
  /** Language of the basemap's place, river and country names. */
  lang: 'en' | 'zh';
  /** Alt text for the figure. */
  alt: string;
  /** The atlas's labels and key letters on the map, placed once for the layout and the drawing. */
  placed: PlacedLabels;
}

/** The default title and caption of a figure of this view at this aspect. */
export function defaultFigureText(app: AppState, screen: FrameView, aspect: FigureAspect, names: BasemapNameLayers = {}, measure?: Measure): { title: string; caption: string } {
  const t = app.t;
  const selected = app.selected;
  const title = selected ? `${t.appTitle} — ${app.nameOf(selected)}` : `${t.appTitle} — ${t.figureTitle}`;
  const { view, drawn } = prepareFigure(app, screen, { aspect, title, caption: ' ' }, '', measure);
  return { title, caption: `${t.figureView(regionOf(view, names, app.lang), drawn.length)} · ${new Date().toISOString().slice(0, 10)}` };
}

/**
 * Alt text for the reader's view as it is (`screen`): the figure and the
 * embed snippet both describe this one state, so their alt texts agree
 * (the figure's margins, the embed's size, do not change what is described).
 */
export function viewAltText(app: AppState, screen: FrameView): string {
  const shown = featuresInFrame(app.visible, screen);
  const selected = app.selected && shown.some((f) => f.id === app.selectedId) ? app.selected : null;
  return app.t.mapAlt(summarizeMap(shown, selected, app.documentsById, (f) => app.nameOf(f), formatCentre(screen.lat, screen.lng)), app.kindNames);
}

/**
 * Lay out the figure: the reader's view (`screen`) fitted into the map frame
 * of the chosen aspect, with the selection and filters of the app. The frame
 * depends on the legend, which depends on what the frame shows: a few passes
 * settle it.
 */
export function prepareFigure(app: AppState, screen: FrameView, options: FigureOptions, permalink: string, measure: Measure = canvasMeasure(), overflow: Overflow = 'below'): Figure {
  const size = FIGURE_SIZES[options.aspect];
  const selected = app.selected;
  const t = app.t;
  let frame = { width: size.width, height: size.height };
  let keys: LegendItem[] = [];
  let figure: Figure | null = null;
  const labelMeasure = (text: string, size: number, weight: number) => measure(text, { size, weight: weight as 400 | 600 | 700 });
  // The frame depends on the legend and notes, the legend on the frame's features and on which labels found room: a few passes settle it.
  for (let pass = 0; pass < 4; pass++) {
    const view = figureFrameView(screen, frame, featuresInFrame(app.visible, screen));
    // A multi-leg route shows only the legs whose mode is on, as on the map.
    const drawn = featuresInFrame(app.visible, view).map((f) => drawnPart(f, app.filters));
    if (selected && !drawn.some((f) => f.id === selected.id)) drawn.push(drawnPart(selected, app.filters));
    const content = figureContent({
      drawn,
      cited: selected ? [selected] : drawn,
      documentsById: app.documentsById,
      names: { modes: app.modeNames, kinds: app.kindNames, schematic: t.schematic, surveyed: t.legendSurveyed, approximate: t.legendApproximate },
      nameOf: (f) => app.nameOf(f),
      words: { legend: t.legend, sources: selected ? t.figureSourcesSelected : t.figureSources, inference: t.inference, attribution: t.figureAttribution, notesLeftOut: t.figureNotesLeftOut },
      title: options.title,
      caption: options.caption,
      permalink,
      lang: app.lang,
    });
    const layout = layoutFigure({ ...content.input, legend: [...content.input.legend, ...keys], width: size.width, height: size.height }, measure, overflow);
    const mapView = { ...view, width: layout.map.width, height: layout.map.height };
    const placed = mapLabels({ view: mapView, features: drawn, selectedId: selected?.id ?? null, labels: content.labels, scale: figureScaleBar(mapView), measure: labelMeasure });
    const placedKeys: LegendItem[] = placed.keys.map((k) => ({ kind: 'key', key: k.key, label: k.text }));
    figure = { aspect: options.aspect, content: { ...content, input: { ...content.input, legend: [...content.input.legend, ...keys] } }, layout, view: mapView, drawn, selectedId: selected?.id ?? null, laneFeatures: app.visible, lang: app.lang, alt: viewAltText(app, screen), placed };
    const settled = layout.map.width === frame.width && layout.map.height === frame.height && JSON.stringify(placedKeys) === JSON.stringify(keys);
    if (settled) break;
    frame = { width: layout.map.width, height: layout.map.height };
    keys = placedKeys;
  }
  // Never a key letter on the map that the legend does not list (should the passes not have settled).
  const listed = new Set(keys.map((k) => (k.kind === 'key' ? `${k.key}\u0000${k.label}` : '')));
  const f = figure!;
  return { ...f, placed: { ...f.placed, keys: f.placed.keys.filter((k) => listed.has(`${k.key}\u0000${k.text}`)) } };
}

let basemap: Promise<Record<BasemapLayer, FeatureCollection>> | null = null;

/** The figure as SVG markup, `scale` × its layout size (for rasterising). */
export async function figureSvgText(figure: Figure, measure: Measure = canvasMeasure(), scale = 1): Promise<string> {
  basemap ??= basemapGeoJSON();
  const { content, layout, view } = figure;
  return figureSvg(
    layout,
    {
      view,
      basemap: (await basemap) as never,
      features: figure.drawn,
      laneFeatures: figure.laneFeatures,
      lang: figure.lang,
      selectedId: figure.selectedId,
      labels: content.labels,
      placed: figure.placed,
      scale: figureScaleBar(view),
      measure: (text, size, weight) => measure(text, { size, weight: weight as 400 | 600 | 700 }),
    },
    { title: content.input.title, description: figureDescription(figure) },
    scale,
  );
}

/** Alt text, then every note: what the SVG's desc, the PNG's text chunks and the PDF's subject carry. */
export function figureDescription(figure: Figure): string {
  return [figure.alt, ...figure.content.input.notes.map((n) => `[${n.n}] ${n.group ? `${n.group}: ` : ''}${n.text}`)].join('\n');
}

/** The figure rasterised at `ratio` device pixels per layout pixel, with its title, alt text and sources as PNG text. */
export async function figurePng(figure: Figure, ratio: number): Promise<Blob> {
  const { width, height } = figure.layout;
  const svg = await figureSvgText(figure, canvasMeasure(), ratio);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  let png: Blob;
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The figure could not be encoded as PNG.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
  const { input } = figure.content;
  const text = addPngText(new Uint8Array(await png.arrayBuffer()), {
    Title: input.title,
    Description: input.notes.map((n) => `[${n.n}] ${n.group ? `${n.group}: ` : ''}${n.text}`).join('\n'),
    'Alt Text': figure.alt,
    Source: input.attribution.join('\n'),
    Software: 'Corridor Atlas',
  });
  return new Blob([text as Uint8Array<ArrayBuffer>], { type: 'image/png' });
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
