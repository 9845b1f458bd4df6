/**
 * A file's version as the editor saw it: a hash of its content (or "absent").
 * A save carries the token of the version it was made against; when the file
 * on disk no longer has that token, the save is refused and the edit kept.
 */

export const ABSENT = 'absent';

/** cyrb53 (a small, well-spread 53-bit string hash), twice with different seeds, plus the length. */
function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The token of a file's text; null (no file) is ABSENT. */
export function contentToken(text: string | null): string {
  if (text === null) return ABSENT;
  return `${text.length.toString(36)}-${cyrb53(text, 1).toString(36)}-${cyrb53(text, 2).toString(36)}`;
}

/** Null when the file on disk is the version the edit was made against; else a message for the author. */
export function conflictMessage(path: string, expected: string, current: string | null): string | null {
  const now = contentToken(current);
  if (now === expected) return null;
  if (expected === ABSENT) return `${path} already exists on disk (someone else created it since you started). Your edit is kept: reload the data, then save again.`;
  if (current === null) return `${path} was deleted on disk since you loaded it. Your edit is kept: reload the data, then save again.`;
  return `${path} changed on disk since you loaded it (another editor, a git checkout?). Nothing was written; your edit is kept: reload the data to see the change, then save again.`;
}
