/**
 * What a figure says: title, caption, legend, numbered sources, attribution,
 * the keyed labels and the alt text, from the features it shows. Pure.
 */
import type { AtlasDocument, AtlasFeature, FeatureKind } from '../atlas/types.ts';
import { formatDate } from '../format.ts';
import type { Lang } from '../i18n/messages.ts';
import { buildFootnotes, keyedLabel, type Footnotes } from './footnotes.ts';
import type { FigureInput } from './layout.ts';
import { legendItems, type LegendNames } from './legend.ts';

export interface FigureWords {
  legend: string;
  sources: string;
  /** Label of a reasoning under an inferred citation: "Our inference". */
  inference: string;
  /** Attribution of the basemap and texts. */
  attribution: string;
  /** The closing line of the sources when notes `first`–`last` continue below the figure or on the next page. */
  notesLeftOut: FigureInput['notesLeftOut'];
}

export interface FigureRequest {
  /** Features drawn in the frame (legend, labels). */
  drawn: readonly AtlasFeature[];
  /** Features whose citations become footnotes: the selection, or everything drawn. */
  cited: readonly AtlasFeature[];
  documentsById: ReadonlyMap<string, AtlasDocument>;
  names: LegendNames;
  /** A feature's label in the reader's language. */
  nameOf: (f: AtlasFeature) => string;
  words: FigureWords;
  title: string;
  caption: string;
  permalink: string;
  /** The reader's language, for dates. */
  lang: Lang;
}

export interface FigureContent {
  input: Omit<FigureInput, 'width' | 'height'>;
  footnotes: Footnotes;
  /** Feature id → label with footnote keys. */
  labels: Map<string, string>;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function figureContent(req: FigureRequest): FigureContent {
  const footnotes = buildFootnotes(req.cited, req.documentsById);
  const byId = new Map(req.drawn.map((f) => [f.id, f]));
  for (const f of req.cited) byId.set(f.id, f);
  const labels = new Map([...byId.values()].map((f) => [f.id, keyedLabel(req.nameOf(f), footnotes.keys.get(f.id))]));
  const notes = footnotes.notes.map((n) => {
    const supports = n.featureIds.map((id) => req.nameOf(byId.get(id)!)).join(', ');
    const date = formatDate(n.document.date, req.lang);
    const inferred = n.inferences.map((i) => ` ${req.words.inference} (${req.nameOf(byId.get(i.featureId)!)}): ${i.reasoning}`).join('');
    return { n: n.n, group: `${n.document.title} — ${n.document.publisher}, ${date}`, text: `“${collapse(n.quote)}” → ${supports}.${inferred}` };
  });
  return {
    footnotes,
    labels,
    input: {
      title: req.title,
      caption: req.caption,
      legendTitle: req.words.legend,
      legend: legendItems(req.drawn, req.names),
      notesTitle: req.words.sources,
      notes,
      attribution: [req.words.attribution, req.permalink].filter(Boolean),
      notesLeftOut: req.words.notesLeftOut,
    },
  };
}

/** "30.50° N, 108.50° E". */
export function formatCentre(lat: number, lng: number): string {
  return `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lng).toFixed(2)}° ${lng >= 0 ? 'E' : 'W'}`;
}

/** What a map shows, counted, for alt text. */
export interface MapSummary {
  /** Lines: corridors and routes. */
  lines: number;
  /** Points, by kind, most frequent first. */
  places: { kind: FeatureKind; count: number }[];
  zones: number;
  /** Titles of the documents behind what is shown, in the order first cited. */
  documents: string[];
  /** The selected feature's name, when one is selected and shown. */
  selected: string | null;
  /** e.g. "30.50° N, 108.50° E". */
  centre: string;
}

export function summarizeMap(shown: readonly AtlasFeature[], selected: AtlasFeature | null, documentsById: ReadonlyMap<string, AtlasDocument>, nameOf: (f: AtlasFeature) => string, centre: string): MapSummary {
  const kinds = new Map<FeatureKind, number>();
  for (const f of shown) if (f.geometry.type === 'Point') kinds.set(f.properties.kind, (kinds.get(f.properties.kind) ?? 0) + 1);
  const documents: string[] = [];
  for (const f of selected ? [selected] : shown) {
    for (const c of f.properties.citations) {
      const title = documentsById.get(c.document)?.title;
      if (title && !documents.includes(title)) documents.push(title);
    }
  }
  return {
    lines: shown.filter((f) => f.geometry.type.includes('LineString')).length,
    places: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    zones: shown.filter((f) => f.geometry.type.includes('Polygon')).length,
    documents,
    selected: selected ? nameOf(selected) : null,
    centre,
  };
}
