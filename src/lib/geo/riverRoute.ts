/**
 * The editor's route recipe: a river route between two places (port features
 * or named places) along the Yangtze centreline, as one `river` step of
 * data/derive/geometry.yaml. Deriving it is deriveRoutes.ts's job, the same
 * for the editor and scripts/derive-routes.ts.
 */
import type { Recipe, Ref } from './deriveRoutes.ts';

/** The recipe of a river route from `from` to `to` (feature ids or places). */
export function riverRouteRecipe(from: string, to: string): Recipe {
  return { parts: [{ leg: 'river', steps: [{ river: [from, to] }] }] };
}

/** The two ends of a recipe that is exactly one river step between two named places, else null. */
export function riverRouteEnds(recipe: Recipe | null | undefined): [string, string] | null {
  const steps = recipe?.parts?.length === 1 ? recipe.parts[0].steps : null;
  if (!steps || steps.length !== 1 || !('river' in steps[0])) return null;
  const [a, b] = steps[0].river as [Ref, Ref];
  return typeof a === 'string' && typeof b === 'string' ? [a, b] : null;
}
