/**
 * Which description a reader sees: in Chinese, our translation where the
 * feature has one (marked as ours), else the English original with a note
 * that no translation exists yet — users' own features may not have one. Pure.
 */
import type { FeatureProperties } from '../atlas/types.ts';
import type { Lang } from './messages.ts';

export interface ShownDescription {
  text: string;
  /** The language the text is in (for the element's `lang`). */
  lang: Lang;
  /** Our translation of the English description. */
  translated: boolean;
  /** The reader asked for Chinese but there is no translation: English is shown instead. */
  fallback: boolean;
}

export function shownDescription(p: Pick<FeatureProperties, 'description' | 'description_zh'>, lang: Lang): ShownDescription {
  if (lang === 'zh' && p.description_zh) return { text: p.description_zh, lang: 'zh', translated: true, fallback: false };
  return { text: p.description, lang: 'en', translated: false, fallback: lang === 'zh' };
}
