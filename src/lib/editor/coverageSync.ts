/**
 * Keep the coverage table (data/coverage.yaml) in step with an editor save, so
 * that `npm test` still passes after a user adds a document or a feature in the
 * browser: a new document gets its section; a saved feature is listed, under
 * the words it cites, in the section of each document it cites (and no longer
 * under documents it stopped citing); a deleted or renamed feature leaves the
 * lists, and an entry left with no feature says so in `not_mapped`. Only the
 * ids the save touches are changed; every other byte of the file stays (the
 * file is edited through the yaml Document, which writes it back unchanged).
 * Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

export const COVERAGE_PATH = 'data/coverage.yaml';

export interface CoverageChange {
  /** Documents the save writes. */
  documents: string[];
  /** Features the save writes, with the citations they will have. */
  features: { id: string; citations: { document: string; quote: string }[] }[];
  /** Feature ids that no longer exist after the save (deleted, or renamed from). */
  removed: string[];
}

export type CoverageSync = { ok: true; text: string | null } | { ok: false; message: string };

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

function quoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** The feature ids an entry lists (its `features` node when it is a list). */
function featureList(entry: YAMLMap): YAMLSeq | null {
  const f = entry.get('features', true);
  return isSeq(f) ? f : null;
}
const listed = (seq: YAMLSeq) => seq.items.map((i) => (isScalar(i) ? String(i.value) : ''));

/** Take `id` out of an entry's features; an entry left with none says why it is not on the map. */
function unlist(entry: YAMLMap, id: string): void {
  const seq = featureList(entry);
  if (!seq) return;
  seq.items = seq.items.filter((i) => !(isScalar(i) && String(i.value) === id));
  if (seq.items.length) return;
  entry.delete('features');
  entry.set('not_mapped', quoted(`Its feature "${id}" was deleted or no longer cites this document (editor).`));
}

function newEntry(doc: Document, phrase: string, id: string): YAMLMap {
  const entry = doc.createNode({}) as YAMLMap;
  entry.set('phrase', quoted(phrase));
  const seq = doc.createNode([id]) as YAMLSeq;
  seq.flow = true;
  entry.set('features', seq);
  return entry;
}

/** The coverage file's text after the change (null: there is none and none is needed). */
export function syncCoverage(text: string | null, change: CoverageChange): CoverageSync {
  const needed = change.documents.length > 0 || change.features.some((f) => f.citations.length > 0);
  if (text === null && !needed) return { ok: true, text: null };
  const doc = parseDocument(text ?? '');
  if (doc.errors.length) return { ok: false, message: `${COVERAGE_PATH} is not readable YAML (${doc.errors[0].message.split('\n')[0]}): fix it by hand, then save again` };
  if (text !== null && doc.toString(TO_STRING) !== text && doc.contents !== null)
    return { ok: false, message: `${COVERAGE_PATH} is written in a layout the editor cannot keep byte for byte: add the entries by hand (see docs/authoring.md)` };
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) return { ok: false, message: `${COVERAGE_PATH} must map each document id to a list of entries` };
  const table = doc.contents as unknown as YAMLMap<unknown, unknown>;

  const section = (id: string): YAMLSeq | null => {
    const s = table.get(id, true);
    if (isSeq(s)) return s;
    if (s !== undefined && !(isScalar(s) && s.value === null)) return null; // not a list: leave it for the check to report
    const seq = doc.createNode([]) as YAMLSeq;
    table.set(id, seq);
    return seq;
  };
  const entries = (seq: YAMLSeq) => seq.items.filter(isMap) as YAMLMap[];

  for (const id of change.documents) section(id);
  const gone = new Set(change.removed);
  for (const f of change.features) gone.delete(f.id);
  for (const pair of table.items) {
    const seq = pair.value;
    if (!isSeq(seq)) continue;
    const docId = isScalar(pair.key) ? String(pair.key.value) : '';
    for (const entry of entries(seq)) {
      const ids = featureList(entry) ? listed(featureList(entry)!) : [];
      for (const id of ids) {
        if (gone.has(id)) unlist(entry, id);
        const saved = change.features.find((f) => f.id === id);
        if (saved && !saved.citations.some((c) => c.document === docId)) unlist(entry, id);
      }
    }
  }
  for (const f of change.features) {
    for (const docId of new Set(f.citations.map((c) => c.document))) {
      const seq = section(docId);
      if (!seq) continue;
      if (entries(seq).some((e) => featureList(e) && listed(featureList(e)!).includes(f.id))) continue;
      const phrase = fold(f.citations.find((c) => c.document === docId)!.quote);
      const same = entries(seq).find((e) => isScalar(e.get('phrase', true)) && fold(String(e.get('phrase'))) === phrase);
      if (!same) {
        seq.flow = false; // a section started as "[]" becomes a block list with its first entry
        seq.items.push(newEntry(doc, phrase, f.id));
      }
      else if (featureList(same)) featureList(same)!.items.push(doc.createNode(f.id));
      else {
        same.delete('not_mapped');
        const list = doc.createNode([f.id]) as YAMLSeq;
        list.flow = true;
        same.set('features', list);
      }
    }
  }
  const out = doc.toString(TO_STRING);
  return { ok: true, text: text === null || out !== text ? out : text };
}

/**
 * The coverage file's text with `phrase` listed as not mapped, and why, in
 * `document`'s section (the section is made when missing). An entry of the
 * same phrase that lists no feature gets the new reason; one that lists
 * features is refused: the phrase is on the map.
 */
export function putNotMapped(text: string | null, document: string, phrase: string, why: string): string {
  const doc = parseDocument(text ?? '');
  if (doc.errors.length) throw new Error(`${COVERAGE_PATH} is not readable YAML (${doc.errors[0].message.split('\n')[0]}): fix it by hand, then save again`);
  if (text !== null && doc.contents !== null && doc.toString(TO_STRING) !== text)
    throw new Error(`${COVERAGE_PATH} is written in a layout the editor cannot keep byte for byte: add the entry by hand (see docs/authoring.md)`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) throw new Error(`${COVERAGE_PATH} must map each document id to a list of entries`);
  const table = doc.contents as unknown as YAMLMap<unknown, unknown>;
  const found: unknown = table.get(document, true);
  let section: YAMLSeq;
  if (isSeq(found)) section = found;
  else if (found === undefined || (isScalar(found) && found.value === null)) {
    section = doc.createNode([]) as YAMLSeq;
    table.set(document, section);
  } else throw new Error(`${COVERAGE_PATH}: the section of "${document}" is not a list`);
  const wanted = fold(phrase);
  const same = (section.items.filter(isMap) as YAMLMap[]).find((e) => isScalar(e.get('phrase', true)) && fold(String(e.get('phrase'))) === wanted);
  if (same && featureList(same)?.items.length) throw new Error(`"${wanted}" is already listed in ${COVERAGE_PATH} with the features that show it`);
  if (same) same.set('not_mapped', quoted(why.trim()));
  else {
    const entry = doc.createNode({}) as YAMLMap;
    entry.set('phrase', quoted(wanted));
    entry.set('not_mapped', quoted(why.trim()));
    section.flow = false;
    section.items.push(entry);
  }
  return doc.toString(TO_STRING);
}
