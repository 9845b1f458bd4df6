/**
 * Fetch the compiled atlas (a same-origin JSON file written by the build),
 * parse it and check it. Every way this can fail — the file is missing, the
 * server sends an error page, the file is truncated or hand-edited — comes
 * back as a readable `LoadFailure` for the error screen, never as an
 * exception. `fetch` is passed in so the function can be unit-tested.
 */
import { fmt, LIMITS } from './limits.ts';
import { asAtlas } from './runtimeCheck.ts';
import type { Atlas } from './types.ts';

export interface LoadFailure {
  /** One sentence for readers: what went wrong. */
  summary: string;
  /** The specific problems (HTTP status, JSON error, ids that fail the check). */
  details: string[];
  /** The URL that was loaded. */
  url: string;
}

export type LoadResult = { ok: true; atlas: Atlas } | ({ ok: false } & LoadFailure);

export async function loadAtlas(url: string, fetchFn: typeof fetch): Promise<LoadResult> {
  const fail = (summary: string, details: string[]): LoadResult => ({ ok: false, summary, details, url });
  let text: string;
  try {
    const res = await fetchFn(url, { cache: 'no-cache' });
    if (!res.ok) return fail('The atlas data file could not be downloaded.', [`The server answered ${res.status} ${res.statusText}`.trim() + '.']);
    text = await res.text();
  } catch (e) {
    return fail('The atlas data file could not be downloaded.', [String((e as Error)?.message ?? e)]);
  }
  if (text.length > LIMITS.atlasBytes)
    return fail('The atlas data file is too large for this app.', [`It is ${fmt(text.length)} characters long; the limit is ${fmt(LIMITS.atlasBytes)}.`]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = text.length ? ` The file is ${text.length.toLocaleString('en')} characters long and ends with “${text.slice(-40)}”.` : ' The file is empty.';
    return fail('The atlas data file is not valid JSON — it may be truncated or edited by hand.', [`${(e as Error).message}.${where}`]);
  }
  const checked = asAtlas(value);
  if (!checked.ok) return fail('The atlas data file does not have the shape this app expects — it may have been edited by hand.', checked.problems);
  return { ok: true, atlas: checked.atlas };
}
