/**
 * Caps on what messages repeat back: a notice or an error reply quotes the
 * input it refuses, but never more than the first 200 characters of a value
 * or the first few of many values, with a count of the rest. Pure.
 */
export const ECHO_CHARS = 200;
export const ECHO_ITEMS = 5;
/** Notices shown at once; the rest are counted in one more line. */
export const MAX_NOTICES = 5;

/** `value`, or its first 200 characters and how many more there were. */
export function echo(value: string, limit = ECHO_CHARS): string {
  return value.length <= limit ? value : `${value.slice(0, limit)}… (${(value.length - limit).toLocaleString('en')} more characters)`;
}

/** `"a", "b", "c"` or `"a", "b", "c", "d", "e" and 19,995 more`, each item echoed. */
export function quoteList(items: readonly string[], shown = ECHO_ITEMS): string {
  const head = items.slice(0, shown).map((v) => `"${echo(v)}"`).join(', ');
  return items.length > shown ? `${head} and ${(items.length - shown).toLocaleString('en')} more` : head;
}

/** At most MAX_NOTICES notices; the rest summed up in one. */
export function capNotices(notices: readonly string[], max = MAX_NOTICES): string[] {
  return notices.length <= max ? [...notices] : [...notices.slice(0, max - 1), `…and ${(notices.length - max + 1).toLocaleString('en')} more problems with this link.`];
}
