/**
 * App state: selection, open document, view. Serialised in the URL hash (see
 * atlas/urlState.ts); the views read it and user events write it.
 */
import type { Atlas } from './atlas/types.ts';
import { formatHash, parseHash, type MapView, type UrlState } from './atlas/urlState.ts';

export interface PickCandidates {
  ids: string[];
  /** Screen position of the click, in CSS pixels relative to the map. */
  x: number;
  y: number;
}

export class AppState {
  readonly atlas: Atlas;
  readonly featureIds: Set<string>;
  readonly documentIds: Set<string>;

  selectedId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  docId = $state<string | null>(null);
  view = $state<MapView | null>(null);
  /** Several features under one click: the user chooses. */
  pick = $state<PickCandidates | null>(null);
  /** Short messages for the user (bad URL parameters and the like). */
  notices = $state<string[]>([]);
  /** Bumped when the map should move to the selection (not when the user clicked it on the map). */
  focusRequest = $state(0);
  private extra: [string, string][] = [];

  constructor(atlas: Atlas) {
    this.atlas = atlas;
    this.featureIds = new Set(atlas.features.map((f) => f.id));
    this.documentIds = new Set(atlas.documents.map((d) => d.id));
  }

  get selected() {
    return this.selectedId ? this.atlas.features.find((f) => f.id === this.selectedId) ?? null : null;
  }

  get document() {
    return this.docId ? this.atlas.documents.find((d) => d.id === this.docId) ?? null : null;
  }

  select(id: string | null, opts: { focus?: boolean } = {}): void {
    this.pick = null;
    if (id !== null && !this.featureIds.has(id)) return;
    this.selectedId = id;
    if (id && opts.focus) this.focusRequest++;
  }

  openDocument(id: string | null): void {
    if (id !== null && !this.documentIds.has(id)) return;
    this.docId = id;
  }

  /** Escape: close the innermost thing that is open. */
  closeTop(): void {
    if (this.pick) this.pick = null;
    else if (this.docId) this.docId = null;
    else this.selectedId = null;
  }

  applyHash(hash: string): void {
    const { state, notices } = parseHash(hash);
    const messages = notices.map((n) => n.message);
    if (state.feature && !this.featureIds.has(state.feature)) messages.push(`No feature "${state.feature}" in this atlas.`);
    if (state.doc && !this.documentIds.has(state.doc)) messages.push(`No document "${state.doc}" in this atlas.`);
    const feature = state.feature && this.featureIds.has(state.feature) ? state.feature : null;
    const focus = feature !== null && feature !== this.selectedId && !state.view;
    this.selectedId = feature;
    this.docId = state.doc && this.documentIds.has(state.doc) ? state.doc : null;
    if (state.view) this.view = state.view;
    this.extra = state.extra;
    this.notices = messages;
    if (focus) this.focusRequest++;
  }

  toHash(): string {
    const s: UrlState = {
      view: this.view ?? undefined,
      feature: this.selectedId ?? undefined,
      doc: this.docId ?? undefined,
      extra: this.extra,
    };
    return formatHash(s);
  }
}
