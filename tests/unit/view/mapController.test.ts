/**
 * The map controller's rules, with a renderer that records where it is told
 * to go: what a click means, one-shot framing, the selection kept out from
 * under a panel, the chooser following its spot, placing, and tools' moves.
 */
import { describe, expect, test } from 'vitest';
import { AppState } from '../../../src/lib/appState.svelte.ts';
import type { Atlas, AtlasFeature } from '../../../src/lib/atlas/types.ts';
import type { MapView } from '../../../src/lib/atlas/urlState.ts';
import { MapController, type MapRenderer } from '../../../src/lib/view/mapController.svelte.ts';
import { projector } from '../../../src/lib/view/webMercator.ts';

const feature = (id: string, geometry: AtlasFeature['geometry']): AtlasFeature =>
  ({ type: 'Feature', id, geometry, properties: { name: id, kind: 'port', mode: 'river', citations: [] } }) as unknown as AtlasFeature;
const atlas: Atlas = {
  documents: [],
  features: [
    feature('east-port', { type: 'Point', coordinates: [121.5, 31.2] }),
    feature('west-port', { type: 'Point', coordinates: [104.1, 30.6] }),
    feature('long-line', { type: 'LineString', coordinates: [[104.1, 30.6], [112, 30.5], [121.5, 31.2]] }),
  ],
};

const SIZE = { width: 1000, height: 600 };
function setup(view: MapView = { zoom: 6, lat: 30.6, lng: 104.1 }, size = { ...SIZE }) {
  const app = new AppState(atlas);
  app.view = view;
  const controller = new MapController(app);
  const moves: MapView[] = [];
  const renderer: MapRenderer = {
    measure: () => ({ view: app.view!, ...size }),
    moveTo: (v) => {
      moves.push(v);
      app.view = v;
    },
  };
  controller.attach(renderer);
  return { app, controller, moves };
}
const screenOf = (view: MapView, lng: number, lat: number) => projector({ ...view, ...SIZE })(lng, lat);

describe('the click rule', () => {
  test('one feature selects it, several open the chooser at the spot, none closes both', () => {
    const { app, controller } = setup();
    controller.click(['west-port'], 10, 20, [104.1, 30.6]);
    expect(app.selectedId).toBe('west-port');
    controller.click(['west-port', 'long-line'], 10, 20, [104.1, 30.6]);
    expect(app.pick).toMatchObject({ ids: ['west-port', 'long-line'], x: 10, y: 20 });
    controller.click([], 500, 300, [110, 30]);
    expect(app.pick).toBeNull();
    expect(app.selectedId).toBeNull();
  });

  test('while the editor places, a click is a position (5 decimals) and selects nothing; stopping ends it', () => {
    const { app, controller } = setup();
    const placed: [number, number][] = [];
    const stop = controller.startPlacing((p) => placed.push(p));
    controller.click(['west-port'], 10, 20, [104.123456789, 30.987654321]);
    expect(placed).toEqual([[104.12346, 30.98765]]);
    expect(app.selectedId).toBeNull();
    stop();
    expect(controller.placing).toBe(false);
    controller.click(['west-port'], 10, 20, [104.1, 30.6]);
    expect(app.selectedId).toBe('west-port');
  });

  test('a finger gets the touch rule, a mouse the precise one', () => {
    const { controller } = setup();
    expect(controller.hitRule('touch').pointSlackPx).toBeGreaterThan(controller.hitRule('mouse').pointSlackPx);
    expect(controller.hitRule('touch').pointAmbiguityPx).toBeGreaterThan(controller.hitRule(undefined).pointAmbiguityPx);
  });
});

describe('framing', () => {
  test('a request is taken once: the renderer moves to show every feature, and a second renderer finds nothing left', () => {
    const { app, controller, moves } = setup({ zoom: 9, lat: 0, lng: 0 });
    app.focus(['east-port', 'west-port']);
    controller.applyFraming();
    expect(moves).toHaveLength(1);
    for (const f of ['east-port', 'west-port']) {
      const [x, y] = screenOf(app.view!, ...((atlas.features.find((a) => a.id === f)!.geometry as unknown as { coordinates: [number, number] }).coordinates));
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(SIZE.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(SIZE.height);
    }
    expect(app.framing).toBeNull();
    controller.applyFraming();
    expect(moves).toHaveLength(1);
  });

  test('revealing what was just framed does not move the map again', () => {
    const { app, controller, moves } = setup({ zoom: 9, lat: 0, lng: 0 });
    app.select('east-port', { focus: true });
    controller.applyFraming();
    controller.reveal('east-port');
    expect(moves).toHaveLength(1);
  });
});

describe('the selection stays in the visible part of the map', () => {
  test('a selection under the panel is moved into the free room, and one already there does not move the map', () => {
    const view = { zoom: 7, lat: 30.6, lng: 104.1 };
    const { app, controller, moves } = setup(view);
    const panel = { top: 10, bottom: 10, left: 10, right: 400 };
    controller.focusPadding = panel;
    app.select('west-port');
    controller.reveal('west-port');
    expect(moves).toHaveLength(0); // at the centre: already clear of a 400 px panel on the right
    // Pan so that the port sits under the panel.
    app.view = { ...view, lng: 104.1 - 3 };
    expect(screenOf(app.view, 104.1, 30.6)[0]).toBeGreaterThan(SIZE.width - panel.right);
    controller.reveal('west-port');
    expect(moves).toHaveLength(1);
    const [x] = screenOf(app.view, 104.1, 30.6);
    expect(x).toBeLessThanOrEqual(SIZE.width - panel.right);
    expect(x).toBeGreaterThanOrEqual(panel.left);
  });

  test('a click on a long line shows the spot clicked, not the whole line', () => {
    const view = { zoom: 7, lat: 30.6, lng: 104.1 };
    const { app, controller, moves } = setup(view);
    controller.click(['long-line'], 500, 300, [104.2, 30.6]);
    controller.reveal('long-line');
    // The spot is in view: the map stays, although most of the line is not.
    expect(moves).toHaveLength(0);
    expect(app.view).toEqual(view);
  });
});

describe('a panel opening over the map keeps the selection in view', () => {
  // A point a little right of the centre: in view on the whole map, under a 400 px document column.
  const view = { zoom: 7, lat: 30.6, lng: 104.1 - 1.2 };
  const opened = (width: number) => {
    const size = { ...SIZE };
    const t = setup(view, size);
    t.controller.keepSelectionInView(); // the room before
    size.width = width;
    return t;
  };

  test('the map narrows: the selection is panned back into the free room, at the same zoom', () => {
    const { app, controller, moves } = opened(SIZE.width);
    app.select('west-port');
    controller.focusPadding = { top: 10, bottom: 10, left: 10, right: 400 };
    const [before] = screenOf(view, 104.1, 30.6);
    expect(before).toBeGreaterThan(SIZE.width - 400); // under the panel now
    controller.keepSelectionInView();
    expect(moves).toHaveLength(1);
    expect(app.view!.zoom).toBe(view.zoom);
    const [x] = screenOf(app.view!, 104.1, 30.6);
    expect(x).toBeLessThanOrEqual(SIZE.width - 400);
  });

  test('a selection the reader had panned out of view stays out of view', () => {
    const { app, controller, moves } = opened(SIZE.width);
    app.select('east-port'); // far east of this view
    controller.focusPadding = { top: 10, bottom: 10, left: 10, right: 400 };
    controller.keepSelectionInView();
    expect(moves).toHaveLength(0);
  });

  test('a resize never zooms: a selection too large for the room is left as it is', () => {
    const { app, controller, moves } = opened(SIZE.width);
    app.view = { zoom: 5, lat: 30.8, lng: 112.8 };
    controller.keepSelectionInView();
    app.select('long-line');
    controller.focusPadding = { top: 10, bottom: 10, left: 10, right: 700 };
    controller.keepSelectionInView();
    expect(moves).toHaveLength(0);
  });
});

describe('the chooser', () => {
  test('follows its spot as the map moves, and closes when the spot leaves the map', () => {
    const view = { zoom: 7, lat: 30.6, lng: 104.1 };
    const { app, controller } = setup(view);
    controller.click(['west-port', 'long-line'], 500, 300, [104.1, 30.6]);
    const moved = { ...view, lng: 103.9 };
    controller.moved(moved, SIZE.width, SIZE.height);
    const [x, y] = screenOf(moved, 104.1, 30.6);
    expect(app.pick).toMatchObject({ x, y });
    controller.moved({ ...view, lng: 90 }, SIZE.width, SIZE.height);
    expect(app.pick).toBeNull();
  });
});

describe('tools move the map through the controller', () => {
  test('show() fits a box clear of the given padding', () => {
    const { app, controller } = setup({ zoom: 3, lat: 0, lng: 0 });
    const pad = { top: 40, bottom: 40, left: 40, right: 420 };
    controller.show([104.1, 30.5, 121.5, 31.2], pad);
    for (const [lng, lat] of [[104.1, 30.5], [121.5, 31.2]] as const) {
      const [x] = screenOf(app.view!, lng, lat);
      expect(x).toBeGreaterThanOrEqual(pad.left - 1);
      expect(x).toBeLessThanOrEqual(SIZE.width - pad.right + 1);
    }
  });

  test('centreOn() puts the place in the middle of the room a right-hand panel leaves', () => {
    const { app, controller } = setup({ zoom: 3, lat: 0, lng: 0 });
    controller.centreOn([114.3, 30.6], 9, 400);
    expect(app.view!.zoom).toBe(9);
    const [x, y] = screenOf(app.view!, 114.3, 30.6);
    expect(x).toBeCloseTo((SIZE.width - 400) / 2, 0);
    expect(y).toBeCloseTo(SIZE.height / 2, 0);
  });

  test('with no renderer attached nothing moves and nothing throws', () => {
    const app = new AppState(atlas);
    const controller = new MapController(app);
    expect(() => controller.show([0, 0, 1, 1])).not.toThrow();
    expect(() => controller.reveal('east-port')).not.toThrow();
    app.focus(['east-port']);
    controller.applyFraming();
    expect(app.framing).not.toBeNull(); // left for the renderer that attaches
  });

  test('a renderer detached after another took over leaves the new one attached', () => {
    const { controller } = setup();
    const still = (): MapRenderer => ({ measure: () => ({ view: { zoom: 1, lat: 0, lng: 0 }, ...SIZE }), moveTo: () => {} });
    const svg = still();
    const webgl = still();
    const detachSvg = controller.attach(svg);
    controller.attach(webgl);
    detachSvg();
    expect(controller.renderer).toBe(webgl);
  });
});

describe('size reports', () => {
  test('the same size reported again is not a change (measuring a map may report it again)', () => {
    const { controller } = setup();
    controller.resized(800, 600);
    const first = controller.size;
    controller.resized(800, 600);
    expect(controller.size).toBe(first);
    controller.resized(400, 600);
    expect(controller.size).toEqual({ width: 400, height: 600 });
  });
});

describe('a passage that supports several features', () => {
  test('selects them all (the first for the panel) and frames them together, with room for their labels', () => {
    const { app, controller } = setup({ zoom: 9, lat: 0, lng: 0 });
    app.selectAll(['west-port', 'east-port']);
    expect(app.selectedId).toBe('west-port');
    expect(['west-port', 'east-port'].every((id) => app.isSelected(id))).toBe(true);
    expect(app.isSelected('long-line')).toBe(false);
    controller.applyFraming();
    for (const id of ['west-port', 'east-port']) {
      const [x] = screenOf(app.view!, ...((atlas.features.find((a) => a.id === id)!.geometry as unknown as { coordinates: [number, number] }).coordinates));
      // Clear of the edges by more than the symbol: a label beside it fits.
      expect(x).toBeGreaterThan(100);
      expect(x).toBeLessThan(SIZE.width - 100);
    }
    // Selecting one feature ends the group.
    app.select('long-line');
    expect(app.isSelected('west-port')).toBe(false);
  });
});
