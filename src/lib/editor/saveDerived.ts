/**
 * A save re-derives the route recipes on the data as it would be after the
 * save (deriveTree, the same code as scripts/derive-routes.ts): a new or
 * changed recipe gets its geometry, a route whose port moved follows it, and
 * data/derive/produced.json records what each recipe produced. So the files
 * the editor writes always pass `derive-routes --check`. A recipe that cannot
 * be derived, or a hand-drawn line a recipe would overwrite, refuses the save.
 * Pure: the dev server hands in the texts and the reference loaders.
 */
import type { ReferenceLoaders } from '../geo/deriveRoutes.ts';
import { featuresInText } from '../geo/deriveFile.ts';
import { deriveTree, GEOMETRY_SPEC_PATH, PRODUCED_PATH } from '../geo/deriveTree.ts';

export interface DerivedSaveProblem {
  file: string;
  id?: string;
  message: string;
  hint?: string;
  /** The form field it concerns ("geometry"), when it is about one feature. */
  field: string | null;
}

export type DerivedSave =
  | {
      ok: true;
      /** More files to write (data-relative path → text): re-derived feature files and produced.json. */
      writes: Map<string, string>;
      /** Recipe features whose geometry the derivation changed, beyond what the save itself wrote. */
      rederived: string[];
    }
  | { ok: false; problems: DerivedSaveProblem[] };

export interface DerivedSaveInput {
  /** Feature files as they would be after the save: data-relative path → text. */
  features: ReadonlyMap<string, string>;
  /** data/derive/geometry.yaml after the save (null: there are no recipes). */
  specText: string | null;
  /** data/derive/produced.json as it is on disk (null: none). */
  recordText: string | null;
  loaders: ReferenceLoaders;
}

const featureName = (path: string) => path.replace(/^data\/features\//, '');

export function deriveForSave(input: DerivedSaveInput): DerivedSave {
  if (input.specText === null) return { ok: true, writes: new Map(), rederived: [] };
  const featureTexts = new Map([...input.features].map(([p, t]) => [featureName(p), t]));
  const r = deriveTree({ specText: input.specText, featureTexts, recordText: input.recordText, loaders: input.loaders });
  if (r.errors.length)
    return {
      ok: false,
      problems: r.errors.map((message) => {
        const id = [...r.fileOf.keys()].find((k) => message.startsWith(`${k}: `));
        return {
          file: GEOMETRY_SPEC_PATH,
          ...(id ? { id } : {}),
          message: `A route could not be derived: ${message}`,
          hint: 'choose other ends for the route, or draw the line by hand',
          field: id ? 'geometry' : null,
        };
      }),
    };
  if (r.conflicts.length)
    return {
      ok: false,
      problems: r.conflicts.map((c) => ({
        file: `data/features/${c.file}`,
        id: c.id,
        message: `${c.message}. Its route recipe in ${GEOMETRY_SPEC_PATH} decides its geometry.`,
        hint: 'to keep the line as drawn, draw it in the editor (Draw line replaces the route recipe); else leave the geometry to the recipe',
        field: 'geometry',
      })),
    };
  const writes = new Map<string, string>();
  const rederived: string[] = [];
  for (const c of r.changed) {
    const path = `data/features/${c.file}`;
    const before = featuresInText(input.features.get(path)!);
    for (const [id, now] of featuresInText(c.text)) if (r.fileOf.has(id) && JSON.stringify(before.get(id)?.geometry) !== JSON.stringify(now.geometry)) rederived.push(id);
    writes.set(path, c.text);
  }
  if (r.record !== input.recordText) writes.set(PRODUCED_PATH, r.record);
  return { ok: true, writes, rederived };
}
