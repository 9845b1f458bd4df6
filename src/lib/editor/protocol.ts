/**
 * What the editor page and the dev server say to each other, in one place:
 * the endpoints, the save request and every reply. The server half is
 * scripts/editor-plugin.ts (an adapter over save.ts); the client half is
 * src/components/editor/editorStore.svelte.ts.
 */
import type { EditorFile, RecipesOnDisk } from './featureDraft.ts';
import type { Edit } from './saveRequest.ts';
import type { PublishedPlace } from './placeGazetteer.ts';
import type { CoverageEntry } from '../atlas/coverage.ts';

/** The editor's endpoints, under one prefix no page or asset uses. */
export const EDITOR_API = '/__atlas-editor';

export const EDITOR_ROUTES = {
  /** GET: the feature files, documents and recipes with their version tokens (EditorData). */
  data: '/data',
  /** GET: the basemap's named places (Place[]). */
  places: '/places',
  /** GET: the river centrelines the route derivation follows (GeoJSON). */
  rivers: '/rivers',
  /** POST a SaveRequest: the reply is a SaveReply. */
  save: '/save',
} as const;

export type EditorRoute = keyof typeof EDITOR_ROUTES;

export const editorUrl = (route: EditorRoute) => EDITOR_API + EDITOR_ROUTES[route];

export interface EditorData {
  files: EditorFile[];
  documents: { path: string; token: string }[];
  derive: RecipesOnDisk;
  /** The places of data/derive/geometry.yaml with the position a source publishes. */
  published: PublishedPlace[];
  /** The coverage table (data/coverage.yaml) by document id, and the file's version token. */
  coverage: { token: string; sections: Record<string, CoverageEntry[]> };
}

export interface SaveRequest {
  edits: Edit[];
}

/** A problem with the save, placed beside the form field it concerns (null: the whole save). */
export interface FieldProblem {
  field: string | null;
  file: string;
  message: string;
  hint?: string;
  id?: string;
  line?: number;
  column?: number;
  severity?: 'error' | 'warning';
}

export type SaveReply =
  | {
      ok: true;
      /** The new version token of every file written. */
      tokens: Record<string, string>;
      warnings: FieldProblem[];
      /** Features whose route geometry the save re-derived beyond the edit itself. */
      rederived: string[];
    }
  | {
      ok: false;
      message: string;
      /** Files that changed on disk since they were loaded (status 409). */
      conflicts?: string[];
      problems?: FieldProblem[];
    };
