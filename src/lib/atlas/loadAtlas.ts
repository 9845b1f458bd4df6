/**
 * Fetch the compiled atlas (a same-origin JSON file written by the build),
 * parse it and check it. Every way this can fail — the file is missing, the
 * server sends an error page, the file is truncated or hand-edited — comes
 * back as a `LoadFailure` for the error screen, never as an exception. The
 * failure is data; the error screen words it in the reader's language
 * (src/lib/i18n/errorScreen.ts). `fetch` is passed in so the function can be
 * unit-tested.
 */
import { LIMITS } from './limits.ts';
import { asAtlas } from './runtimeCheck.ts';
import type { Atlas } from './types.ts';

/** What stopped the atlas: a load failure, or an uncaught error while it ran. */
export type StartProblem =
  | { kind: 'http'; status: number; statusText: string }
  /** The request itself failed (offline, blocked); `message` is the browser's. */
  | { kind: 'network'; message: string }
  | { kind: 'tooLarge'; length: number; limit: number }
  /** `message` is the browser's JSON error; `tail` the file's last characters. */
  | { kind: 'notJson'; message: string; length: number; tail: string }
  /** The runtime check's problems, naming documents and features (technical, in English). */
  | { kind: 'shape'; problems: string[] }
  /** An uncaught error or unhandled rejection while the app ran. */
  | { kind: 'crash'; message: string };

export interface LoadFailure {
  problem: StartProblem;
  /** The URL that was loaded. */
  url: string;
}

export type LoadResult = { ok: true; atlas: Atlas } | ({ ok: false } & LoadFailure);

export async function loadAtlas(url: string, fetchFn: typeof fetch): Promise<LoadResult> {
  const fail = (problem: StartProblem): LoadResult => ({ ok: false, problem, url });
  let text: string;
  try {
    const res = await fetchFn(url, { cache: 'no-cache' });
    if (!res.ok) return fail({ kind: 'http', status: res.status, statusText: res.statusText });
    text = await res.text();
  } catch (e) {
    return fail({ kind: 'network', message: String((e as Error)?.message ?? e) });
  }
  if (text.length > LIMITS.atlasBytes) return fail({ kind: 'tooLarge', length: text.length, limit: LIMITS.atlasBytes });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail({ kind: 'notJson', message: (e as Error).message, length: text.length, tail: text.slice(-40) });
  }
  const checked = asAtlas(value);
  if (!checked.ok) return fail({ kind: 'shape', problems: checked.problems });
  return { ok: true, atlas: checked.atlas };
}
