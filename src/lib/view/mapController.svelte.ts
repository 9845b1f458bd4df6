/**
 * The one map, whichever renderer draws it. MapStage owns this controller; the
 * SVG map (first paint, no WebGL) and MapLibre only draw, report what is under
 * a click and move when told. The controller holds what both must agree on:
 * the first view, framing requests (one-shot), keeping the selection in the
 * part of the map a panel does not cover, what a click means, the chooser
 * that follows the spot it was opened for, the editor's draft and its
 * placing clicks, and moves asked for by tools (editor, search). Components
 * reach it through a typed context: nothing outside src/lib/map/ and
 * MapView.svelte touches MapLibre's own `Map`.
 */
import type { Geometry } from 'geojson';
import { getContext, setContext, tick, untrack } from 'svelte';
import type { AppState } from '../appState.svelte.ts';
import type { MapView } from '../atlas/urlState.ts';
import { featureBounds, unionBounds } from '../map/renderData.ts';
import { DEFAULT_HIT_RULE, TOUCH_HIT_RULE, type HitRule } from '../map/hitTest.ts';
import { afterNextPaint } from './afterPaint.ts';
import type { Box as ScreenBox } from './collision.ts';
import { clampView, firstView, fitView, frameView, revealView, type Box, type Padding } from './viewRules.ts';
import { projector, unprojector, type FrameView } from './webMercator.ts';

/** What a renderer offers the controller: where it is, and how to move it. */
export interface MapRenderer {
  /** The view as drawn now and the map's size in CSS pixels (a panel may just have opened: measured now). */
  measure(): { view: MapView; width: number; height: number };
  /** Show `view`, easing over `durationMs` (0: at once). */
  moveTo(view: MapView, durationMs: number): void;
}

/** The editor's draft drawn over the atlas (dev server only). */
export interface MapDraft {
  geometry: Geometry | null;
  /** Mark each vertex of a line (while drawing it by hand; not for a derived route's hundreds). */
  vertices: boolean;
}

const FRAME_MS = 600;
const REVEAL_MS = 400;
/** Room for a symbol and its selection halo around what is revealed, beyond the panel's own margin. */
const REVEAL_MARGIN = 20;
const NO_PANEL: Padding = { top: 10, bottom: 10, left: 10, right: 10 };
/** Framed features keep room beside them for their labels (set beside a symbol, or along a line's ends). */
const FRAME_PADDING = 50;
const LABEL_ROOM = 80;

const samePadding = (a: Padding, b: Padding) => a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export class MapController {
  readonly app: AppState;
  /** The map's size in CSS pixels, reported by whichever renderer draws it. */
  size = $state.raw<{ width: number; height: number } | null>(null);
  /** The part of the map a panel or sheet covers, plus a margin: the selection is shown outside it. */
  focusPadding = $state.raw<Padding | undefined>(undefined);
  /** How many pixels of the map's right edge a panel lies over: labels are placed clear of it. */
  coveredRight = $state(0);
  /** The renderer the reader sees, which framing and reveals move. */
  renderer = $state.raw<MapRenderer | null>(null);
  /**
   * The same renderer, outside Svelte's state: a detach runs in a component's
   * teardown, where reading `renderer` gives the value from before this update.
   */
  private attached: MapRenderer | null = null;
  /** The editor's draft, drawn by either renderer. */
  draft = $state.raw<MapDraft | null>(null);
  /** While the editor places a geometry, a click on the map reports [lon, lat] here instead of selecting. */
  private placer = $state.raw<((lonLat: [number, number]) => void) | null>(null);
  /** Where the last click on a feature was, until the selection it makes is revealed. */
  private clickSpot: [number, number] | null = null;
  /** Features the last framing request showed: revealing them need not move the map. */
  private framed: Set<string> | null = null;
  /** The feature the pointer is over on the map (hover set by the map, not by lists or marks). */
  private mapHover: string | null = null;
  /** The map's size and the panel over it at the last keepSelectionInView: what "in view before" is measured in. */
  private room: { width: number; height: number; pad: Padding } | null = null;

  constructor(app: AppState) {
    this.app = app;
  }

  get placing(): boolean {
    return this.placer !== null;
  }

  /** `renderer` is now the one the reader sees. Returns its detach, which does nothing once another took over. */
  attach(renderer: MapRenderer): () => void {
    this.renderer = this.attached = renderer;
    return () => {
      if (this.attached !== renderer) return;
      this.renderer = this.attached = null;
    };
  }

  /** A renderer reports the map's size; only a change is news (measuring may report the same size again). */
  resized(width: number, height: number): void {
    if (this.size?.width !== width || this.size?.height !== height) this.size = { width, height };
  }

  /** The boxes (map pixels) a panel covers on a map of `width` × `height`: the label pass leaves them empty. */
  coveredBoxes(width: number, height: number): ScreenBox[] {
    const w = Math.min(this.coveredRight, width);
    return w > 0 ? [{ x0: width - w, y0: 0, x1: width, y1: height }] : [];
  }

  /** The reader's view in pixels, from the app's view and the map's size: the same for either renderer. */
  frame(view: MapView | null): FrameView | null {
    return view && this.size && this.size.width > 0 && this.size.height > 0 ? { ...view, ...this.size } : null;
  }

  /** The view to start in: the URL's, or all of the atlas's data fitted into a map of this size. */
  firstView(width: number, height: number): MapView {
    return this.app.view ?? firstView(unionBounds(this.app.atlas.features.map(featureBounds)), width, height);
  }

  /** The click rule for a pointer: a finger gets more slack than a mouse, and near symbols make it choose. */
  hitRule(pointerType: string | undefined): HitRule {
    return pointerType === 'touch' || pointerType === 'pen' ? TOUCH_HIT_RULE : DEFAULT_HIT_RULE;
  }

  /**
   * A click on the map at (x, y) (pixels) / `lngLat`, over the features `ids`
   * (resolveHit's answer). Placing: the spot is the editor's. One feature:
   * select it. Several: the reader chooses. None: close the chooser.
   */
  click(ids: string[], x: number, y: number, lngLat: [number, number]): void {
    if (this.placer) return this.placer([+lngLat[0].toFixed(5), +lngLat[1].toFixed(5)]);
    const app = this.app;
    this.clickSpot = ids.length ? lngLat : null;
    if (ids.length === 1) app.select(ids[0]);
    else if (ids.length > 1) app.pick = { ids, x, y, lngLat };
    else {
      app.pick = null;
      app.select(null);
    }
  }

  /**
   * The pointer is over `id` on the map (null: over nothing). Leaving the map
   * clears only the hover the map set: leaving a zone for a mark in the document
   * must not undo the mark's own hover (the browser reports the leave after the enter).
   */
  hover(id: string | null): void {
    const app = this.app;
    if (id) app.hoveredIds = [id];
    else if (app.hoveredIds.length === 1 && app.hoveredIds[0] === this.mapHover) app.hoveredIds = [];
    this.mapHover = id;
  }

  /** The map moved: a chooser opened by a click stays beside its spot, and closes when the spot leaves the map. */
  moved(view: MapView, width: number, height: number): void {
    const pick = this.app.pick;
    if (!pick?.lngLat) return;
    const [x, y] = projector({ ...view, width, height })(pick.lngLat[0], pick.lngLat[1]);
    this.app.pick = x < 0 || y < 0 || x > width || y > height ? null : { ...pick, x, y };
  }

  /** Take the pending framing request (permalink, list, search, filters) and move the map to show it. */
  applyFraming(): void {
    const renderer = this.renderer;
    if (!renderer || !this.app.framing) return;
    const features = this.app.takeFraming();
    if (!features.length) return;
    const { view, width, height } = renderer.measure();
    const p = this.focusPadding ?? { top: FRAME_PADDING, bottom: FRAME_PADDING, left: FRAME_PADDING, right: FRAME_PADDING };
    const pad = { ...p, left: p.left + LABEL_ROOM, right: p.right + LABEL_ROOM };
    const target = frameView(unionBounds(features.map(featureBounds)), view, width, height, pad);
    renderer.moveTo(target, reducedMotion() ? 0 : FRAME_MS);
    this.framed = new Set(features.map((f) => f.id));
  }

  /**
   * Whatever made the selection (a click, the URL, the iframe API, a panel
   * opening over it), it ends up in the visible part of the map: the map moves
   * only when it is not there already (revealView). A click shows the spot
   * clicked (on a long line, the part the reader was looking at).
   */
  reveal(id: string): void {
    const renderer = this.renderer;
    const f = this.app.featuresById.get(id);
    const spot = this.clickSpot;
    this.clickSpot = null;
    if (!renderer || !f || this.app.selectedId !== id) return;
    if (this.framed?.has(id)) return void (this.framed = null);
    const box = featureBounds(f);
    const onFeature = spot && spot[0] >= box[0] - 1 && spot[0] <= box[2] + 1 && spot[1] >= box[1] - 1 && spot[1] <= box[3] + 1;
    const target: Box = onFeature ? [spot[0], spot[1], spot[0], spot[1]] : box;
    const { view, width, height } = renderer.measure();
    const next = revealView(target, view, width, height, this.revealPadding(this.focusPadding));
    if (next) renderer.moveTo(next, reducedMotion() ? 0 : REVEAL_MS);
  }

  /** The room a reveal keeps free: the panel's, plus space for a symbol and its halo. */
  private revealPadding(p: Padding = NO_PANEL): Padding {
    return { top: p.top + REVEAL_MARGIN, bottom: p.bottom + REVEAL_MARGIN, left: p.left + REVEAL_MARGIN, right: p.right + REVEAL_MARGIN };
  }

  /**
   * The map changed size, or a panel opened or closed over it (a document
   * beside the map, the phone's sheet): a selection that was in the free room
   * before stays in it, by the least pan. One the reader had panned away, or
   * one too large to fit, is left where it is: a resize never zooms.
   */
  keepSelectionInView(): void {
    const renderer = this.renderer;
    const f = this.app.selectedId ? this.app.featuresById.get(this.app.selectedId) : null;
    const before = this.room;
    if (!renderer) return;
    const { view, width, height } = renderer.measure();
    const pad = this.revealPadding(this.focusPadding);
    this.room = { width, height, pad };
    if (!f || !before || (before.width === width && before.height === height && samePadding(before.pad, pad))) return;
    const box = featureBounds(f);
    if (revealView(box, view, before.width, before.height, before.pad)) return; // not in view before
    const next = revealView(box, view, width, height, pad);
    if (next && next.zoom === view.zoom) renderer.moveTo(next, reducedMotion() ? 0 : REVEAL_MS);
  }

  /** Show `box` with `pad` pixels free around it (a tool: the editor showing a derived route beside its panel). */
  show(box: Box, pad: number | Padding = 40): void {
    const renderer = this.renderer;
    if (!renderer) return;
    const { width, height } = renderer.measure();
    renderer.moveTo(fitView(box, width, height, pad), 0);
  }

  /** Centre `lngLat` at `zoom` in the part of the map `coveredRight` pixels of panel leave free. */
  centreOn(lngLat: [number, number], zoom: number, coveredRight = 0): void {
    const renderer = this.renderer;
    if (!renderer) return;
    const { width, height } = renderer.measure();
    const at = { zoom, lng: lngLat[0], lat: lngLat[1], width, height };
    // The spot goes to the middle of the free room: the map's centre is half the panel to its right.
    const [lng, lat] = unprojector(at)(width / 2 + coveredRight / 2, height / 2);
    renderer.moveTo(clampView({ zoom, lng, lat }), 0);
  }

  /** The editor places a geometry: until the returned stop is called, map clicks go to `place`. */
  startPlacing(place: (lonLat: [number, number]) => void): () => void {
    this.placer = place;
    return () => {
      if (this.placer === place) this.placer = null;
    };
  }

  /**
   * The controller's rules, run for as long as the calling component lives
   * (MapStage): framing requests and reveals move the renderer the reader sees.
   */
  connect(): void {
    $effect(() => {
      if (this.app.framing && this.renderer) untrack(() => this.applyFraming());
    });
    $effect(() => {
      const id = this.app.selectedId;
      if (!id || !this.renderer) return;
      // After the panel's frame: a pan redraws the whole map (afterPaint.ts).
      untrack(() => afterNextPaint(() => this.reveal(id)));
    });
    // A panel opening over the map, or the map changing size, keeps the selection in view.
    $effect(() => {
      void [this.renderer, this.size, this.focusPadding];
      untrack(() => tick().then(() => this.keepSelectionInView()));
    });
  }
}

const KEY = Symbol('corridor-atlas-map-controller');

/** Make the map controller for `app` available to every component below the caller (App, EmbedApp). */
export function prepareMapController(app: AppState): MapController {
  return setContext(KEY, new MapController(app));
}

export function getMapController(): MapController {
  const controller = getContext<MapController | undefined>(KEY);
  if (!controller) throw new Error('getMapController() needs prepareMapController() in an ancestor component (App).');
  return controller;
}
