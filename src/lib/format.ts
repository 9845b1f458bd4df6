/** Formatting helpers for what the panels show, in the reader's language. Pure. */
import type { AtlasDocument } from './atlas/types.ts';
import type { Lang } from './i18n/messages.ts';

const LOCALES: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };
const PRECISION_OPTIONS = {
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  year: { year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date to the precision it has (the
 * document's date precision): "25 November 2024", "May 2022", "2016" in
 * English; "2024年11月25日", "2022年5月", "2016年" in Chinese. Intl with UTC,
 * so the day never shifts with the reader's time zone.
 */
export function formatDate(date: string, lang: Lang = 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  const precision = d ? 'day' : m ? 'month' : 'year';
  return new Intl.DateTimeFormat(LOCALES[lang], { ...PRECISION_OPTIONS[precision], timeZone: 'UTC' }).format(Date.UTC(y, (m || 1) - 1, d || 1));
}

export function formatKm(km: number): string {
  return `${Math.round(km).toLocaleString('en-US')} km`;
}

/** An area: whole km², grouped ("2,051,767 km²"); under 10 km² with one decimal. */
export function formatKm2(km2: number): string {
  const rounded = km2 < 10 ? Math.round(km2 * 10) / 10 : Math.round(km2);
  return `${rounded.toLocaleString('en-US')} km²`;
}

export function documentCitationLine(doc: AtlasDocument, lang: Lang = 'en'): string {
  return `${doc.publisher}${lang === 'zh' ? '，' : ', '}${formatDate(doc.date, lang)}`;
}
