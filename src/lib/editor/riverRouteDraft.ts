/**
 * The editor's "Follow the river between two ports": the route recipe and its
 * geometry, derived in the browser by the same function as
 * scripts/derive-routes.ts (deriveRoutes.ts's DeriveContext and
 * tryDeriveGeometry, on the same Natural Earth centrelines), for a preview.
 * The dev server derives it again on save, on the files as they are then.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { DeriveContext, DeriveError, pointsById, tryDeriveGeometry, type DerivedGeometry, type Recipe } from '../geo/deriveRoutes.ts';
import { riverRouteEnds, riverRouteRecipe } from '../geo/riverRoute.ts';
import { draftRecipe, type EditorFile, type FeatureDraft } from './featureDraft.ts';

/** A derivation context over the editor's files (their point features are the ports) and the river centrelines. */
export function riverDeriveContext(rivers: FeatureCollection<Geometry, Record<string, unknown>>, files: EditorFile[]): DeriveContext {
  const points = pointsById(files.map((f) => ({ type: 'FeatureCollection', features: f.features }) as unknown as FeatureCollection));
  return new DeriveContext({ places: new Map(), recipes: new Map() }, points, {
    rivers: () => rivers,
    land: () => {
      throw new DeriveError('the editor derives river steps only');
    },
  });
}

export type RiverRoute = { recipe: Recipe; derived: DerivedGeometry } | { error: string };

/** The river route of feature `id` from port `from` to port `to` (feature ids), or why there is none. */
export function deriveRiverRoute(ctx: DeriveContext, id: string, from: string, to: string): RiverRoute {
  if (from === to) return { error: 'Choose two different ports.' };
  const recipe = riverRouteRecipe(from, to);
  const r = tryDeriveGeometry(ctx, id || 'the new route', recipe);
  return 'error' in r ? r : { recipe, derived: r };
}

/** Point features of the files that a river route may join: ports, by name. */
export function portChoices(files: EditorFile[]): { id: string; name: string; name_zh?: string }[] {
  const out: { id: string; name: string; name_zh?: string }[] = [];
  for (const f of files)
    for (const x of f.features) {
      const p = (x.properties ?? {}) as { kind?: string; name?: string; name_zh?: string };
      if (typeof x.id === 'string' && p.kind === 'port' && (x.geometry as Geometry | null)?.type === 'Point') out.push({ id: x.id, name: p.name ?? x.id, ...(p.name_zh ? { name_zh: p.name_zh } : {}) });
    }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export type RiverPick = { ok: true } | { ok: false; error: string; cleared: boolean };

/**
 * Put the outcome of a pick of two ports into the draft. A route sets the
 * geometry and its recipe. A pick with no route leaves no line behind that
 * would pass for its route: a line an earlier pick derived is cleared with
 * its recipe (`cleared`), and the error says so; a line drawn by hand stays.
 */
export function applyRiverPick(draft: FeatureDraft, route: RiverRoute): RiverPick {
  if (!('error' in route)) {
    draft.feature.geometry = route.derived.geometry;
    delete (draft.feature.properties as Record<string, unknown>).legs;
    draft.recipe = route.recipe;
    return { ok: true };
  }
  const derived = riverRouteEnds(draftRecipe(draft)) !== null;
  if (derived) {
    draft.feature.geometry = null;
    draft.recipe = null;
  }
  return { ok: false, error: derived ? `${route.error} The line of the earlier pick was cleared.` : route.error, cleared: derived };
}
