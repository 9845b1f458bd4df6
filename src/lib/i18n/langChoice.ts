/**
 * Which language the reader chose: `&lang=` in the link wins, then the
 * choice remembered in this browser, then English. Used by the app and by
 * the error screen, which must speak the reader's language even when the
 * atlas never loaded.
 */
import { isLang, type Lang } from './messages.ts';

export const LANG_STORAGE_KEY = 'corridor-atlas:lang';

/** The language remembered in this browser, if any (storage may be unavailable: private mode, sandboxed iframe). */
export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable: the URL still carries the choice.
  }
}

/** `lang` from a location hash ("#map=…&lang=zh"), if it names a language; never throws. */
export function hashLang(hash: string): Lang | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq) !== 'lang') continue;
    try {
      const v = decodeURIComponent(part.slice(eq + 1));
      if (isLang(v)) return v;
    } catch {
      // Broken percent-encoding: not a language.
    }
  }
  return null;
}

/** The reader's language before the app (and its URL state) exists. */
export function readerLang(hash: string): Lang {
  return hashLang(hash) ?? storedLang() ?? 'en';
}
