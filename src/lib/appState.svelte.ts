/**
 * App state: selection, open document, view, filters and language. Serialised
 * in the URL hash (see atlas/urlState.ts and atlas/filters.ts); the views read
 * it and user events write it.
 */
import { filtersFromParams, filtersToParams, isFiltering, NO_FILTERS, visibleFeatures, type Filters } from './atlas/filters.ts';
import type { Atlas, AtlasDocument, AtlasFeature } from './atlas/types.ts';
import { formatHash, parseHash, type MapView } from './atlas/urlState.ts';
import { capNotices } from './atlas/echo.ts';
import type { LinkNotice } from './atlas/linkNotice.ts';
import { isLang, KIND_NAMES, MESSAGES, MODE_NAMES, type Lang } from './i18n/messages.ts';
import { rememberLang, storedLang } from './i18n/langChoice.ts';

export interface PickCandidates {
  ids: string[];
  /** Screen position of the click, in CSS pixels relative to the map. */
  x: number;
  y: number;
  /** Move the map to the chosen feature (when the choice started outside the map). */
  focus?: boolean;
  /** Where on the map the click was [lng, lat]: the chooser follows that spot when the map moves. */
  lngLat?: [number, number];
}

const FILTER_KEYS = new Set(['modes', 'kinds', 'certainty', 'docs', 'from', 'to']);

export class AppState {
  readonly atlas: Atlas;
  readonly featuresById: ReadonlyMap<string, AtlasFeature>;
  readonly documentsById: ReadonlyMap<string, AtlasDocument>;

  selectedId = $state<string | null>(null);
  /**
   * Features selected together with `selectedId` (a passage that supports
   * several): drawn as selected and framed together. Empty for one selection.
   */
  selectedGroup = $state<string[]>([]);
  /** Features highlighted by hovering something (a map feature, a list entry, a mark in a document). */
  hoveredIds = $state<string[]>([]);
  docId = $state<string | null>(null);
  view = $state<MapView | null>(null);
  filters = $state<Filters>(NO_FILTERS);
  lang = $state<Lang>('en');
  /** Several features under one click: the user chooses. */
  pick = $state<PickCandidates | null>(null);
  /** What the link got wrong (bad URL parameters and the like), worded in the reader's language when shown. */
  notices = $state<LinkNotice[]>([]);
  /**
   * Features the map should move to show: a one-shot request, taken (and so
   * cleared) by whichever renderer draws the map at the time, never replayed
   * when MapLibre takes over from the SVG map.
   */
  framing = $state.raw<readonly string[] | null>(null);
  private extra: [string, string][] = [];

  readonly visible = $derived.by(() => visibleFeatures(this.atlas, this.filters));
  readonly visibleIds = $derived(new Set(this.visible.map((f) => f.id)));
  readonly t = $derived(MESSAGES[this.lang]);
  readonly modeNames = $derived(MODE_NAMES[this.lang]);
  readonly kindNames = $derived(KIND_NAMES[this.lang]);

  constructor(atlas: Atlas) {
    this.atlas = atlas;
    this.featuresById = new Map(atlas.features.map((f) => [f.id, f]));
    this.documentsById = new Map(atlas.documents.map((d) => [d.id, d]));
  }

  get selected(): AtlasFeature | null {
    return this.selectedId ? (this.featuresById.get(this.selectedId) ?? null) : null;
  }

  get document(): AtlasDocument | null {
    return this.docId ? (this.documentsById.get(this.docId) ?? null) : null;
  }

  /** A feature's name in the current language (Chinese falls back to English). */
  nameOf(f: AtlasFeature): string {
    return this.lang === 'zh' && f.properties.name_zh ? f.properties.name_zh : f.properties.name;
  }

  select(id: string | null, opts: { focus?: boolean } = {}): void {
    this.pick = null;
    if (id !== null && !this.featuresById.has(id)) return;
    this.selectedId = id;
    this.selectedGroup = [];
    if (id && opts.focus) this.focus([id]);
  }

  /**
   * Select every feature a passage supports: the first is the one whose source
   * the panel shows (and the URL names); all are drawn as selected, and the
   * map frames them together.
   */
  selectAll(ids: string[]): void {
    const known = [...new Set(ids)].filter((id) => this.featuresById.has(id));
    if (!known.length) return;
    this.select(known[0]);
    if (known.length > 1) this.selectedGroup = known;
    this.focus(known);
  }

  /** Whether `id` is drawn as selected: the selection, or one of the group selected with it. */
  isSelected(id: string): boolean {
    return id === this.selectedId || this.selectedGroup.includes(id);
  }

  /**
   * Change what the map shows. A selected feature that the new filters hide is
   * deselected (its panel closes): the panel never speaks for something the
   * map no longer shows. `frame` moves the map to what remains.
   */
  setFilters(filters: Filters, opts: { frame?: boolean } = {}): void {
    this.filters = filters;
    if (this.selectedId && !this.visibleIds.has(this.selectedId)) this.select(null);
    if (opts.frame && isFiltering(filters)) this.focus(this.visible.map((f) => f.id));
  }

  /** Ask the map to show these features. */
  focus(ids: string[]): void {
    const known = ids.filter((id) => this.featuresById.has(id));
    if (known.length) this.framing = known;
  }

  /** The features of the pending framing request, which is cleared: only one renderer frames them. */
  takeFraming(): AtlasFeature[] {
    const ids = this.framing ?? [];
    this.framing = null;
    return ids.flatMap((id) => this.featuresById.get(id) ?? []);
  }

  openDocument(id: string | null): void {
    if (id !== null && !this.documentsById.has(id)) return;
    this.docId = id;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    rememberLang(lang);
  }

  /** Escape: close the innermost thing that is open. */
  closeTop(): void {
    if (this.pick) this.pick = null;
    else if (this.docId) this.docId = null;
    else this.select(null);
  }

  applyHash(hash: string): void {
    const { state, notices } = parseHash(hash);
    const messages: LinkNotice[] = notices.map((n) => n.notice);
    const params = new Map(state.extra);
    const f = filtersFromParams(params, this.documentsById.keys());
    messages.push(...f.notices);
    if (state.feature && !this.featuresById.has(state.feature)) messages.push({ kind: 'unknownFeature', id: state.feature });
    if (state.doc && !this.documentsById.has(state.doc)) messages.push({ kind: 'unknownDocument', id: state.doc });
    const feature = state.feature && this.featuresById.has(state.feature) ? state.feature : null;
    const focus = feature !== null && feature !== this.selectedId && !state.view;
    if (feature !== this.selectedId) this.selectedGroup = [];
    this.selectedId = feature;
    this.docId = state.doc && this.documentsById.has(state.doc) ? state.doc : null;
    if (state.view) this.view = state.view;
    this.filters = f.filters;
    const lang = params.get('lang');
    if (isLang(lang)) this.lang = lang;
    else {
      if (lang !== undefined) messages.push({ kind: 'unknownLanguage', value: lang });
      this.lang = storedLang() ?? 'en';
    }
    this.extra = state.extra.filter(([k]) => !FILTER_KEYS.has(k) && k !== 'lang');
    this.notices = capNotices(messages);
    if (focus) this.focus([feature]);
  }

  toHash(): string {
    return formatHash({
      view: this.view ?? undefined,
      feature: this.selectedId ?? undefined,
      doc: this.docId ?? undefined,
      extra: [...filtersToParams(this.filters), ...(this.lang !== 'en' ? [['lang', this.lang] as [string, string]] : []), ...this.extra],
    });
  }
}
