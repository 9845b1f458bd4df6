/**
 * Search over feature names (English and Chinese), descriptions (English and
 * our Chinese translation) and document text, with MiniSearch. Chinese has no
 * spaces between words, so CJK runs are indexed as overlapping character
 * pairs: "怀化" finds "怀化国际陆港" and so does "陆港". The Chinese names of
 * places that a feature or passage names in English (from the gazetteer) are
 * indexed with it: "老挝" finds the China–Laos railway. Accents and
 * diacritics are ignored on both sides: "Lodz" finds Łódź.
 */
import MiniSearch from 'minisearch';
import { foldAccents, indexOfFolded } from './foldAccents.ts';
import { chinesePlaceNames } from './gazetteer.ts';
import { paragraphAt } from './paragraphs.ts';
import type { Atlas } from './types.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Composed first: a decomposed accent would otherwise split its word in two.
  text = text.normalize('NFC');
  for (const run of text.match(CJK) ?? []) {
    if (run.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  for (const word of text.replace(CJK, ' ').split(/[^\p{L}\p{N}]+/u)) if (word) tokens.push(word);
  return tokens;
}

export type SearchHit =
  | { type: 'feature'; id: string; label: string; detail: string; score: number }
  | { type: 'passage'; id: string; documentId: string; start: number; label: string; detail: string; score: number };

interface Entry {
  id: string;
  type: 'feature' | 'passage';
  name: string;
  name_zh: string;
  /** Chinese names of the places the English name mentions. */
  places_zh: string;
  text: string;
  /** Our Chinese description, and the Chinese names of places the text mentions. */
  text_zh: string;
  ref: string;
  start: number;
}

export interface AtlasSearch {
  search(query: string, limit?: number): SearchHit[];
}

export function buildSearch(atlas: Atlas): AtlasSearch {
  const entries: Entry[] = [];
  for (const f of atlas.features)
    entries.push({
      id: `f:${f.id}`,
      type: 'feature',
      name: f.properties.name,
      name_zh: f.properties.name_zh ?? '',
      places_zh: chinesePlaceNames(f.properties.name).join(' '),
      text: f.properties.description,
      text_zh: [f.properties.description_zh ?? '', ...chinesePlaceNames(f.properties.description)].join(' '),
      ref: f.id,
      start: 0,
    });
  for (const d of atlas.documents)
    for (const p of d.paragraphs) {
      const text = d.body.slice(p.start, p.end);
      entries.push({ id: `p:${d.id}:${p.start}`, type: 'passage', name: d.title, name_zh: '', places_zh: '', text, text_zh: chinesePlaceNames(text).join(' '), ref: d.id, start: p.start });
    }
  const index = new MiniSearch<Entry>({
    fields: ['name', 'name_zh', 'places_zh', 'text', 'text_zh'],
    storeFields: ['type', 'name', 'name_zh', 'text', 'ref', 'start'],
    tokenize,
    processTerm: foldAccents,
    searchOptions: { boost: { name: 4, name_zh: 4, places_zh: 3 }, prefix: true, fuzzy: (term) => (term.length > 4 ? 0.15 : 0), combineWith: 'AND' },
  });
  index.addAll(entries);
  const docsById = new Map(atlas.documents.map((d) => [d.id, d]));

  return {
    search(query, limit = 12) {
      if (!query.trim()) return [];
      return index.search(query).slice(0, limit).map((r): SearchHit => {
        if (r.type === 'feature') {
          return { type: 'feature', id: r.ref as string, label: r.name as string, detail: (r.name_zh as string) || '', score: r.score };
        }
        const doc = docsById.get(r.ref as string)!;
        const para = paragraphAt(doc.paragraphs, r.start as number)!;
        const text = doc.body.slice(para.start, para.end);
        const first = r.terms.map((t) => indexOfFolded(text, t)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
        const from = Math.max(0, first - 40);
        const snippet = (from > 0 ? '…' : '') + text.slice(from, from + 140).replace(/\s+/g, ' ') + (from + 140 < text.length ? '…' : '');
        return { type: 'passage', id: r.id as string, documentId: doc.id, start: para.start, label: doc.title, detail: snippet, score: r.score };
      });
    },
  };
}
