/**
 * The coverage table (data/coverage.yaml): for each document, every mappable thing its text names — the phrase,
 * word for word — and the features that show it, or why it is deliberately not on the map. Pure: `checkCoverage`
 * returns one message per problem, so a test (or a script) can print them all.
 *
 * The rules make a forgotten entry fail: every document has a section, every feature that cites a document is
 * listed in that document's section, every phrase is in its document, and every listed feature cites it.
 */

export interface CoverageEntry {
  /** Words of the document, verbatim (whitespace folded), that name the thing. */
  phrase: string;
  /** Features that show it on the map. */
  features?: string[];
  /** Why it is not on the map (instead of `features`). */
  not_mapped?: string;
}

export interface CoverageDocument {
  id: string;
  body: string;
}

export interface CoverageFeature {
  id: string;
  /** Ids of the documents the feature cites. */
  cites: string[];
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function checkCoverage(raw: unknown, documents: CoverageDocument[], features: CoverageFeature[]): string[] {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['the coverage table must map each document id to a list of entries'];
  const table = raw as Record<string, unknown>;
  const docs = new Map(documents.map((d) => [d.id, fold(d.body)]));
  const byId = new Map(features.map((f) => [f.id, f]));

  for (const id of Object.keys(table)) if (!docs.has(id)) problems.push(`${id}: no such document (the key is a document id, its file name without .md)`);
  for (const { id } of documents) if (!(id in table)) problems.push(`${id}: the document has no section in the coverage table; list each place, route or body its text names`);

  for (const [docId, entries] of Object.entries(table)) {
    const body = docs.get(docId);
    if (body === undefined) continue;
    if (!Array.isArray(entries)) {
      problems.push(`${docId}: the section must be a list of {phrase, features} or {phrase, not_mapped}`);
      continue;
    }
    const listed = new Set<string>();
    const phrases = new Set<string>();
    entries.forEach((entry: unknown, i: number) => {
      const at = `${docId}[${i}]`;
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      if (!isText(e.phrase)) {
        problems.push(`${at}: no "phrase" (the document's own words for the thing)`);
        return;
      }
      const phrase = fold(e.phrase);
      const where = `${at} "${phrase}"`;
      if (phrases.has(phrase)) problems.push(`${where}: listed twice`);
      phrases.add(phrase);
      if (!body.includes(phrase)) problems.push(`${where}: the phrase is not in the document (copy it word for word)`);
      const hasFeatures = e.features !== undefined;
      const hasReason = e.not_mapped !== undefined;
      if (hasFeatures === hasReason) {
        problems.push(`${where}: give either "features" (the ids that show it) or "not_mapped" (why not), not ${hasFeatures ? 'both' : 'neither'}`);
        return;
      }
      if (hasReason) {
        if (!isText(e.not_mapped)) problems.push(`${where}: "not_mapped" must say why the thing is not on the map`);
        return;
      }
      if (!Array.isArray(e.features) || e.features.length === 0 || !e.features.every(isText)) {
        problems.push(`${where}: "features" must be a non-empty list of feature ids`);
        return;
      }
      for (const fid of e.features as string[]) {
        listed.add(fid);
        const f = byId.get(fid);
        if (!f) problems.push(`${where}: no feature "${fid}"`);
        else if (!f.cites.includes(docId)) problems.push(`${where}: feature "${fid}" does not cite "${docId}"; cite the passage or map the phrase to another feature`);
      }
    });
    for (const f of features)
      if (f.cites.includes(docId) && !listed.has(f.id))
        problems.push(`${docId}: feature "${f.id}" cites the document but no coverage entry lists it; add the phrase it shows`);
  }
  return problems;
}
