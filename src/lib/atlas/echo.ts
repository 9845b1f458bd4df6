/**
 * Caps on what messages repeat back: a notice or an error reply quotes the
 * input it refuses, but never more than the first 200 characters of a value
 * or the first few of many values, with a count of the rest. Pure.
 */
import type { LinkNotice } from './linkNotice.ts';

export const ECHO_CHARS = 200;
export const ECHO_ITEMS = 5;
/** Notices shown at once; the rest are counted in one more line. */
export const MAX_NOTICES = 5;

type Lang = 'en' | 'zh';
const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

/** `value`, or its first 200 characters and how many more there were. */
export function echo(value: string, limit = ECHO_CHARS, lang: Lang = 'en'): string {
  if (value.length <= limit) return value;
  const more = count(value.length - limit, lang);
  return lang === 'zh' ? `${value.slice(0, limit)}…（另有 ${more} 个字符）` : `${value.slice(0, limit)}… (${more} more characters)`;
}

/** `"a", "b", "c"` or `"a", "b", "c", "d", "e" and 19,995 more`, each item echoed (in Chinese: “a”、“b” 等). */
export function quoteList(items: readonly string[], shown = ECHO_ITEMS, lang: Lang = 'en'): string {
  if (lang === 'zh') {
    const head = items.slice(0, shown).map((v) => `“${echo(v, ECHO_CHARS, lang)}”`).join('、');
    return items.length > shown ? `${head}等 ${count(items.length, lang)} 个` : head;
  }
  const head = items.slice(0, shown).map((v) => `"${echo(v)}"`).join(', ');
  return items.length > shown ? `${head} and ${count(items.length - shown, lang)} more` : head;
}

/** At most MAX_NOTICES notices; the rest summed up in one. */
export function capNotices(notices: readonly LinkNotice[], max = MAX_NOTICES): LinkNotice[] {
  return notices.length <= max ? [...notices] : [...notices.slice(0, max - 1), { kind: 'more', count: notices.length - max + 1 }];
}
