/**
 * A feature being written in the editor, and the edits that save or delete
 * it. Pure: the editor component keeps the draft, this turns it into requests.
 */
import { ABSENT } from './conflictToken.ts';
import type { RawFeature } from './featureFileEdit.ts';
import type { Recipe } from '../geo/deriveRoutes.ts';
import { slugWords } from './proposeId.ts';
import type { Edit } from './saveRequest.ts';

export interface EditorFile {
  /** data-relative path, e.g. data/features/ports.geojson */
  path: string;
  token: string;
  features: RawFeature[];
}

export interface FeatureDraft {
  /** The id the feature has on disk; null for a new feature. */
  originalId: string | null;
  /** The file it is in on disk; null for a new feature. */
  originalFile: string | null;
  /** The file (name only, e.g. ports.geojson) it is to be saved in. */
  file: string;
  /** The feature as it will be written. */
  feature: RawFeature;
  /** True once the author typed an id: it is no longer proposed from the name. */
  idTouched: boolean;
  /** Version token of every feature file (by name) when the draft was started: the versions the edit is made against. */
  tokens: Record<string, string>;
  /** The feature as it was on disk when the draft began (null for a new one): to tell what others changed meanwhile. */
  original: RawFeature | null;
  /** Its route recipe in data/derive/geometry.yaml when the draft began (null: none). */
  originalRecipe?: Recipe | null;
  /** A change of route recipe: a new recipe, or null to remove it; absent leaves the file's recipe as it is. */
  recipe?: Recipe | null;
  /** Version token of data/derive/geometry.yaml when the draft began. */
  recipesToken?: string;
}

/** The route recipes on disk (data/derive/geometry.yaml), by feature id, and the file's version token. */
export interface RecipesOnDisk {
  token: string;
  recipes: Record<string, Recipe>;
}
const NO_RECIPES: RecipesOnDisk = { token: ABSENT, recipes: {} };
const recipeOf = (r: RecipesOnDisk, id: string): Recipe | null => (Object.hasOwn(r.recipes, id) ? r.recipes[id] : null);

/** The recipe the draft's feature will have after the save (null: none). */
export function draftRecipe(draft: FeatureDraft): Recipe | null {
  return draft.recipe !== undefined ? draft.recipe : (draft.originalRecipe ?? null);
}

/** The version tokens of the files as loaded, by file name. */
export function tokensOf(files: EditorFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [fileName(f.path), f.token]));
}

export interface DraftCitation {
  document: string;
  quote: string;
  prefix?: string;
  support?: 'explicit' | 'inferred';
  reasoning?: string;
}

const fileName = (path: string) => path.replace(/^.*\//, '');

/** The file most features of this kind live in; else the most common file; else "features.geojson". */
export function fileForKind(files: EditorFile[], kind: string): string {
  let best: [string, number] | null = null;
  for (const f of files) {
    const n = f.features.filter((x) => (x.properties as { kind?: string })?.kind === kind).length;
    if (n > 0 && (!best || n > best[1])) best = [fileName(f.path), n];
  }
  if (best) return best[0];
  const biggest = [...files].sort((a, b) => b.features.length - a.features.length)[0];
  return biggest ? fileName(biggest.path) : 'features.geojson';
}

/** The mode most features of this kind have (a customs office is not "river"); null when no feature has the kind. */
export function modeForKind(files: EditorFile[], kind: string): string | null {
  const counts = new Map<string, number>();
  for (const f of files.flatMap((x) => x.features)) {
    const p = f.properties as { kind?: string; mode?: string } | null;
    if (p?.kind === kind && p.mode) counts.set(p.mode, (counts.get(p.mode) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** An id proposed from a feature's name, unique among the atlas's feature ids. */
export function proposeFeatureId(name: string, taken: Set<string>): string {
  const base = slugWords(name).slice(0, 6).join('-') || 'feature';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new feature holding one citation, ready for its name, kind and place. */
export function newFeatureDraft(citation: DraftCitation | null, files: EditorFile[], basis: string, recipes: RecipesOnDisk = NO_RECIPES): FeatureDraft {
  return {
    tokens: tokensOf(files),
    recipesToken: recipes.token,
    originalRecipe: null,
    original: null,
    originalId: null,
    originalFile: null,
    file: fileForKind(files, 'port'),
    idTouched: false,
    feature: {
      type: 'Feature',
      id: '',
      properties: {
        name: '',
        name_zh: '',
        kind: 'port',
        mode: 'river',
        description: '',
        geometry_basis: basis,
        citations: citation ? [cleanCitation(citation)] : [],
        references: [],
      },
      geometry: null,
    },
  };
}

/** An existing feature, to change. */
export function existingFeatureDraft(files: EditorFile[], id: string, recipes: RecipesOnDisk = NO_RECIPES): FeatureDraft | null {
  const file = files.find((x) => x.features.some((g) => g.id === id));
  const f = file?.features.find((x) => x.id === id);
  if (!file || !f) return null;
  const copy = () => JSON.parse(JSON.stringify(f)) as RawFeature;
  return {
    tokens: tokensOf(files),
    recipesToken: recipes.token,
    originalRecipe: recipeOf(recipes, id),
    original: copy(),
    originalId: id,
    originalFile: fileName(file.path),
    file: fileName(file.path),
    feature: copy(),
    idTouched: true,
  };
}

/** A citation with its optional keys only when they say something ("explicit" is the default). */
export function cleanCitation(c: DraftCitation): DraftCitation {
  const out: DraftCitation = { document: c.document, quote: c.quote };
  if (c.prefix) out.prefix = c.prefix;
  if (c.support === 'inferred') {
    out.support = 'inferred';
    out.reasoning = c.reasoning ?? '';
  }
  return out;
}

/** Drop empty optional text fields, so the file carries only what the author wrote. */
export function cleanFeature(f: RawFeature): RawFeature {
  const p = { ...(f.properties as Record<string, unknown>) };
  for (const k of ['name_zh', 'description_zh']) if (typeof p[k] === 'string' && !(p[k] as string).trim()) delete p[k];
  if (Array.isArray(p.citations)) p.citations = (p.citations as DraftCitation[]).map(cleanCitation);
  if (Array.isArray(p.references))
    p.references = (p.references as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '' && v !== undefined && v !== null)));
  return { ...f, properties: p };
}

/** The version a file had when the draft was started (a file the draft creates: absent). */
const tokenOf = (draft: FeatureDraft, name: string) => draft.tokens[name] ?? ABSENT;

/** The edits that save a draft: put it in its file (replacing itself), and remove it from the file it left. */
export function saveEdits(draft: FeatureDraft): Edit[] {
  const feature = cleanFeature(draft.feature);
  const edits: Edit[] = [];
  const moved = draft.originalFile !== null && draft.originalFile !== draft.file;
  if (moved) edits.push({ kind: 'delete-feature', file: draft.originalFile!, token: tokenOf(draft, draft.originalFile!), id: draft.originalId! });
  edits.push({
    kind: 'put-feature',
    file: draft.file,
    token: tokenOf(draft, draft.file),
    feature,
    ...(draft.originalId !== null && !moved ? { replaces: draft.originalId } : {}),
  });
  // The route recipe goes with the feature: set, removed, or renamed with its id.
  const token = draft.recipesToken ?? ABSENT;
  const renamed = draft.originalId !== null && draft.originalId !== feature.id && !!draft.originalRecipe;
  if (renamed) edits.push({ kind: 'put-recipe', token, id: draft.originalId!, recipe: null });
  const recipe = draftRecipe(draft);
  if (recipe && (draft.recipe !== undefined || renamed)) edits.push({ kind: 'put-recipe', token, id: feature.id, recipe });
  else if (!recipe && draft.originalRecipe && !renamed) edits.push({ kind: 'put-recipe', token, id: feature.id, recipe: null });
  return edits;
}

/** The edit that deletes the feature from its file (and its route recipe with it). */
export function deleteEdits(draft: FeatureDraft): Edit[] {
  if (draft.originalId === null || draft.originalFile === null) return [];
  const edits: Edit[] = [{ kind: 'delete-feature', file: draft.originalFile, token: tokenOf(draft, draft.originalFile), id: draft.originalId }];
  if (draft.originalRecipe) edits.push({ kind: 'put-recipe', token: draft.recipesToken ?? ABSENT, id: draft.originalId, recipe: null });
  return edits;
}

/**
 * The fields of the draft's feature that someone changed on disk since the
 * draft began ("properties.name_zh", "geometry" …); empty when only other
 * features of the file changed.
 */
export function changedOnDisk(draft: FeatureDraft, files: EditorFile[]): string[] {
  if (!draft.original || !draft.originalId) return [];
  const now = files.flatMap((f) => f.features).find((f) => f.id === draft.originalId);
  if (!now) return ['(the whole feature was deleted)'];
  const out: string[] = [];
  const a = draft.original as Record<string, unknown>;
  const b = now as Record<string, unknown>;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'properties') {
      const pa = (a.properties ?? {}) as Record<string, unknown>;
      const pb = (b.properties ?? {}) as Record<string, unknown>;
      for (const pk of new Set([...Object.keys(pa), ...Object.keys(pb)])) if (JSON.stringify(pa[pk]) !== JSON.stringify(pb[pk])) out.push(`properties.${pk}`);
    } else if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(k);
  }
  return out;
}
