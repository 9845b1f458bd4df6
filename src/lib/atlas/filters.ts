/**
 * What the reader has chosen to see: modes, kinds, documents and a date range.
 * Pure: decides which features are visible and (de)serialises the choice for
 * the URL (`modes=`, `kinds=`, `certainty=`, `docs=`, `from=`, `to=`).
 */
import { checkDate } from './dates.ts';
import type { LinkNotice } from './linkNotice.ts';
import { FEATURE_KINDS, GEOMETRY_BASES, MODES, type Atlas, type AtlasDocument, type AtlasFeature, type FeatureKind, type GeometryBasis, type Mode } from './types.ts';

export interface DateRange {
  /** Inclusive ISO day, e.g. "2019-01-01". */
  from: string;
  /** Inclusive ISO day. */
  to: string;
}

export interface Filters {
  /** Modes of the lines shown (each leg of a multi-leg route by its own mode); null = all. Points and zones are chosen by kind. */
  modes: ReadonlySet<Mode> | null;
  /** Kinds shown; null = all. */
  kinds: ReadonlySet<FeatureKind> | null;
  /** How sure a feature's geometry must be to be shown (the legend's "How sure" entries); null or absent = any. */
  certainty?: ReadonlySet<GeometryBasis> | null;
  /** Only features citing one of these documents; null = any. */
  documents: ReadonlySet<string> | null;
  /** Only features cited by a document dated in this range; null = any date. */
  range: DateRange | null;
}

export const NO_FILTERS: Filters = { modes: null, kinds: null, documents: null, range: null };

export function isFiltering(f: Filters): boolean {
  return f.modes !== null || f.kinds !== null || (f.certainty ?? null) !== null || f.documents !== null || f.range !== null;
}

/** The first and last day a date of any precision can mean ("2016" → 2016-01-01 … 2016-12-31). */
export function dateSpan(date: string): DateRange {
  const [y, m, d] = date.split('-');
  if (d) return { from: date, to: date };
  if (m) {
    const last = new Date(Date.UTC(+y, +m, 0)).getUTCDate();
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export function documentInRange(doc: AtlasDocument, range: DateRange | null): boolean {
  if (!range) return true;
  const s = dateSpan(doc.date);
  return s.to >= range.from && s.from <= range.to;
}

export function isLineFeature(f: AtlasFeature): boolean {
  return f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString';
}

/** The legs of a multi-leg route, one mode per part of its MultiLineString; null when it is drawn in one mode. */
export function featureLegs(f: AtlasFeature): Mode[] | null {
  const legs = f.properties.legs;
  return f.geometry.type === 'MultiLineString' && legs && legs.length === f.geometry.coordinates.length ? legs : null;
}

/** Modes a feature is drawn in: each of its legs when it has them, else its own mode. */
export function featureModes(f: AtlasFeature): Mode[] {
  return [...new Set(featureLegs(f) ?? [f.properties.mode])];
}

/**
 * Whether a line (or one leg of it) in this mode is drawn. The mode filter
 * chooses lines only, as the legend's line entries do: a rail hub stays on
 * while its own legend entry is on, whatever happens to the rail lines.
 */
export function modeShown(mode: Mode, filters: Filters): boolean {
  return !filters.modes || filters.modes.has(mode);
}

/**
 * The feature as drawn under these filters: a multi-leg route keeps only the
 * legs whose mode is shown (for figures, which draw from atlas features).
 * Returns the feature itself when nothing is left out; never mutates it.
 */
export function drawnPart(f: AtlasFeature, filters: Filters): AtlasFeature {
  const legs = featureLegs(f);
  if (!legs || f.geometry.type !== 'MultiLineString' || legs.every((m) => modeShown(m, filters))) return f;
  const keep = legs.map((m) => modeShown(m, filters));
  const coordinates = f.geometry.coordinates.filter((_, i) => keep[i]);
  return { ...f, geometry: { ...f.geometry, coordinates }, properties: { ...f.properties, legs: legs.filter((_, i) => keep[i]) } };
}

export function featureVisible(f: AtlasFeature, filters: Filters, documentsById: ReadonlyMap<string, AtlasDocument>): boolean {
  const { kinds, certainty, documents, range } = filters;
  if (isLineFeature(f) && !featureModes(f).some((m) => modeShown(m, filters))) return false;
  if (kinds && !kinds.has(f.properties.kind)) return false;
  if (certainty && !certainty.has(f.properties.geometry_basis)) return false;
  if (documents || range) {
    return f.properties.citations.some((c) => {
      if (documents && !documents.has(c.document)) return false;
      const doc = documentsById.get(c.document);
      return !!doc && documentInRange(doc, range);
    });
  }
  return true;
}

export function visibleFeatures(atlas: Atlas, filters: Filters): AtlasFeature[] {
  if (!isFiltering(filters)) return atlas.features;
  const docs = new Map(atlas.documents.map((d) => [d.id, d]));
  return atlas.features.filter((f) => featureVisible(f, filters, docs));
}

/** Toggle one member of a "null = all" set, given everything it could contain. */
export function toggleMember<T>(set: ReadonlySet<T> | null, value: T, all: readonly T[]): ReadonlySet<T> | null {
  const next = new Set(set ?? all);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return all.every((v) => next.has(v)) ? null : next;
}

const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Read filters from URL parameters. Known values match regardless of case
 * ("Rail" is rail); unknown ones are ignored with a message. A list with no
 * known value left filters nothing (it does not empty the map); only an
 * explicitly empty list (`modes=`, every entry switched off) shows none.
 */
export function filtersFromParams(params: ReadonlyMap<string, string>, documentIds: Iterable<string>): { filters: Filters; notices: LinkNotice[] } {
  const notices: LinkNotice[] = [];
  const list = <T extends string>(key: string, allowed: Iterable<T>): Set<T> | null => {
    const raw = params.get(key);
    if (raw === undefined) return null;
    const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
    if (!values.length) return new Set();
    const byLowerCase = new Map<string, T>();
    for (const a of allowed) byLowerCase.set(a.toLowerCase(), a);
    const ok = new Set<T>();
    const bad: string[] = [];
    for (const v of values) {
      const known = byLowerCase.get(v.toLowerCase());
      if (known) ok.add(known);
      else bad.push(v);
    }
    if (bad.length) notices.push({ kind: 'unknownValues', key, values: bad });
    return ok.size ? ok : null;
  };
  const certainty = list<GeometryBasis>('certainty', GEOMETRY_BASES);
  const from = params.get('from');
  const to = params.get('to');
  let range: DateRange | null = null;
  if (from !== undefined || to !== undefined) {
    const wrong = [from, to].find((d) => d && (!DAY.test(d) || 'error' in checkDate(d)));
    if (wrong !== undefined)
      notices.push(DAY.test(wrong) ? { kind: 'impossibleDate', value: wrong } : { kind: 'badDateRange' });
    else {
      range = { from: from ? dateSpan(from).from : '0000-01-01', to: to ? dateSpan(to).to : '9999-12-31' };
      // Backwards (from after to) it would show nothing, silently: read it the right way round, and say so.
      if (range.from > range.to) {
        notices.push({ kind: 'invertedDateRange', from: from!, to: to! });
        range = { from: dateSpan(to!).from, to: dateSpan(from!).to };
      }
    }
  }
  return {
    filters: {
      modes: list<Mode>('modes', MODES),
      kinds: list<FeatureKind>('kinds', FEATURE_KINDS),
      ...(certainty ? { certainty } : {}),
      documents: list('docs', documentIds),
      range,
    },
    notices,
  };
}

/** Filters as URL parameters, in a stable order; empty when nothing is filtered. */
export function filtersToParams(f: Filters): [string, string][] {
  const out: [string, string][] = [];
  const sorted = (s: ReadonlySet<string>) => [...s].sort().join(',');
  if (f.modes) out.push(['modes', sorted(f.modes)]);
  if (f.kinds) out.push(['kinds', sorted(f.kinds)]);
  if (f.certainty) out.push(['certainty', sorted(f.certainty)]);
  if (f.documents) out.push(['docs', sorted(f.documents)]);
  if (f.range) {
    if (f.range.from !== '0000-01-01') out.push(['from', f.range.from]);
    if (f.range.to !== '9999-12-31') out.push(['to', f.range.to]);
  }
  return out;
}
