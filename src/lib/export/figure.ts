/**
 * What a figure says: title, legend, numbered sources, attribution and the
 * keyed labels, from the features it shows. Pure.
 */
import type { AtlasDocument, AtlasFeature } from '../atlas/types.ts';
import { formatDate } from '../format.ts';
import { buildFootnotes, keyedLabel, type Footnotes } from './footnotes.ts';
import type { FigureInput } from './layout.ts';
import { legendItems, type LegendNames } from './legend.ts';

export interface FigureWords {
  title: string;
  legend: string;
  sources: string;
  /** Label of a reasoning under an inferred citation: "Our inference". */
  inference: string;
  /** Attribution of the basemap and texts. */
  attribution: string;
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
  /** e.g. "Zoom 4.0 · 30.50° N, 108.50° E · 12 features". */
  subtitle: string;
  permalink: string;
}

export interface FigureContent {
  input: Omit<FigureInput, 'width' | 'mapHeight'>;
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
    const date = formatDate(n.document.date);
    const inferred = n.inferences.map((i) => ` ${req.words.inference} (${req.nameOf(byId.get(i.featureId)!)}): ${i.reasoning}`).join('');
    return { n: n.n, group: `${n.document.title} — ${n.document.publisher}, ${date}`, text: `“${collapse(n.quote)}” → ${supports}.${inferred}` };
  });
  return {
    footnotes,
    labels,
    input: {
      title: req.words.title,
      subtitle: req.subtitle,
      legendTitle: req.words.legend,
      legend: legendItems(req.drawn, req.names),
      notesTitle: req.words.sources,
      notes,
      attribution: [req.words.attribution, req.permalink],
    },
  };
}

/** "30.50° N, 108.50° E". */
export function formatCentre(lat: number, lng: number): string {
  return `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lng).toFixed(2)}° ${lng >= 0 ? 'E' : 'W'}`;
}
