/** "How to cite this map": one line with the permalink and the day it was seen. Pure. */
import type { Lang } from '../i18n/messages.ts';

export interface MapCitationInput {
  version: string;
  /** The permalink of the view being cited; null for a copy with no web address (a file opened from disk). */
  link: string | null;
  /** The day the reader saw it, an ISO day ("2026-12-07"). */
  accessed: string;
  lang: Lang;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function mapCitation({ version, link, accessed, lang }: MapCitationInput): string {
  const [y, m, d] = accessed.split('-').map(Number);
  if (lang === 'zh') return `Corridor Atlas（通道地图集），版本 ${version}：中国海关合作协议中的物流通道（地图）。${link ?? ''}（${y}年${m}月${d}日访问）。`;
  return `Corridor Atlas, version ${version}. Logistics corridors in Chinese customs cooperation agreements [map]. ${link ? `${link} ` : ''}(accessed ${d} ${MONTHS[m - 1]} ${y}).`;
}

/** Today as an ISO day, in the reader's own time zone (the day they would write down). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
