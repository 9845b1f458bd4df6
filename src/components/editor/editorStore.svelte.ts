/**
 * The editor's state (dev server only): what is on disk (feature files and
 * their version tokens), the drafts being written, and saving. Drafts are
 * kept in localStorage until they are saved or discarded, so a reload (or a
 * refused save) loses nothing.
 */
import { ABSENT } from '../../lib/editor/conflictToken.ts';
import type { FeatureCollection, Geometry } from 'geojson';
import type { EditorFile, FeatureDraft, RecipesOnDisk } from '../../lib/editor/featureDraft.ts';
import type { Place } from '../../lib/editor/places.ts';
import type { PublishedPlace } from '../../lib/editor/placeGazetteer.ts';
import type { Edit } from '../../lib/editor/saveRequest.ts';
import { editorUrl, type EditorData, type FieldProblem, type SaveReply, type SaveRequest } from '../../lib/editor/protocol.ts';

const STORAGE_KEY = 'corridor-atlas:editor';

export interface DocumentDraft {
  title: string;
  id: string;
  idTouched: boolean;
  date: string;
  precision: 'day' | 'month' | 'year';
  published: string;
  publisher: string;
  /** One party per line. */
  parties: string;
  url: string;
  language: string;
  summary: string;
  body: string;
  /** Lines the author chose to keep although they look like page chrome. */
  keptChrome: string[];
  /** Lines the author removed as page chrome, and why (written to the front matter's removed_chrome). */
  removed: { line: string; why: string }[];
}

export type { FieldProblem };

/** How much of the map's right edge the editor panel covers, in CSS pixels (its width, margin and shadow). */
export const EDITOR_PANEL_COVERS = 370;

export type EditorView = 'home' | 'document' | 'feature';

export function emptyDocument(): DocumentDraft {
  return { title: '', id: '', idTouched: false, date: '', precision: 'day', published: '', publisher: '', parties: '', url: '', language: 'en', summary: '', body: '', keptChrome: [], removed: [] };
}

interface Stored {
  open: boolean;
  view: EditorView;
  doc: DocumentDraft | null;
  feature: FeatureDraft | null;
  imports?: FeatureDraft[];
}

export class EditorStore {
  open = $state(false);
  view = $state<EditorView>('home');
  doc = $state<DocumentDraft | null>(null);
  feature = $state<FeatureDraft | null>(null);
  /** Features imported from a GeoJSON file, waiting to be opened, cited and saved one by one. */
  imports = $state<FeatureDraft[]>([]);
  files = $state<EditorFile[]>([]);
  documentPaths = $state<Map<string, string>>(new Map());
  places = $state.raw<Place[]>([]);
  /** Stations and ports whose published position data/derive/geometry.yaml records. */
  published = $state.raw<PublishedPlace[]>([]);
  /** The route recipes on disk (data/derive/geometry.yaml) and that file's version token. */
  recipes = $state.raw<RecipesOnDisk>({ token: ABSENT, recipes: {} });
  /** The coverage table (data/coverage.yaml) by document id, and its version token. */
  coverage = $state.raw<EditorData['coverage']>({ token: ABSENT, sections: {} });
  /** The river centrelines routes follow, loaded when a route is first asked for. */
  rivers = $state.raw<FeatureCollection<Geometry, Record<string, unknown>> | null>(null);
  /** The last save's outcome, for the author. */
  message = $state<{ kind: 'error' | 'conflict' | 'info'; text: string } | null>(null);
  problems = $state<FieldProblem[]>([]);
  busy = $state(false);

  constructor() {
    try {
      const s = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
      if (s) {
        this.open = s.open;
        this.view = s.view;
        this.doc = s.doc;
        this.feature = s.feature;
        this.imports = s.imports ?? [];
      }
    } catch {
      // No storage or a broken entry: start empty.
    }
  }

  /** Keep the drafts across reloads (called from an effect whenever they change). */
  persist(): void {
    const s: Stored = { open: this.open, view: this.view, doc: this.doc, feature: this.feature, imports: this.imports };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    } catch {
      // Storage full or unavailable: the drafts live as long as the page.
    }
  }

  async load(): Promise<void> {
    const r = await fetch(editorUrl('data'), { cache: 'no-store' });
    if (!r.ok) throw new Error(`the editor could not read data/ (${r.status})`);
    const data = (await r.json()) as EditorData;
    this.files = data.files;
    this.recipes = data.derive;
    this.published = data.published ?? [];
    this.coverage = data.coverage ?? { token: ABSENT, sections: {} };
    this.documentPaths = new Map(data.documents.map((d) => [d.path, d.token]));
  }

  async loadPlaces(): Promise<void> {
    if (this.places.length) return;
    const r = await fetch(editorUrl('places'));
    if (r.ok) this.places = await r.json();
  }

  async loadRivers(): Promise<void> {
    if (this.rivers) return;
    const r = await fetch(editorUrl('rivers'));
    if (!r.ok) throw new Error(`the editor could not read the river centrelines (${r.status})`);
    this.rivers = await r.json();
  }

  tokenOfDocument(id: string): string {
    return this.documentPaths.get(`data/documents/${id}.md`) ?? ABSENT;
  }

  /**
   * Send edits. On success the drafts named in `clear` are dropped and the
   * page reloads with the new atlas (`hash` first, when given); a save that
   * changes no document or feature (`reload: false`) only reloads the editor's
   * data. On refusal the drafts stay and the reason is shown.
   */
  async save(edits: Edit[], clear: { doc?: boolean; feature?: boolean }, hash?: string, reload = true): Promise<boolean> {
    this.busy = true;
    this.message = null;
    this.problems = [];
    try {
      const request: SaveRequest = { edits };
      const r = await fetch(editorUrl('save'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
      const body = (await r.json().catch(() => ({ ok: false, message: `The server answered ${r.status}.` }))) as SaveReply;
      if (r.ok && body.ok) {
        if (clear.doc) this.doc = null;
        if (clear.feature) this.feature = null;
        this.view = 'home';
        this.message = { kind: 'info', text: 'Saved.' };
        this.persist();
        if (!reload) {
          await this.load();
          return true;
        }
        if (hash !== undefined) location.hash = hash;
        location.reload();
        return true;
      }
      const refusal = body.ok ? { message: `The server answered ${r.status}.`, problems: [] } : body;
      this.message = { kind: r.status === 409 ? 'conflict' : 'error', text: refusal.message ?? `The server answered ${r.status}.` };
      this.problems = refusal.problems ?? [];
      return false;
    } catch (e) {
      this.message = { kind: 'error', text: `Could not reach the dev server: ${(e as Error).message}. Your edit is kept.` };
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Problems about one field of the form ("properties.name", "date" …), and those under it. */
  problemsAt(field: string): FieldProblem[] {
    return this.problems.filter((p) => p.field === field || p.field?.startsWith(field + '.'));
  }
}
