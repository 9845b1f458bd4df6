/**
 * Notices about a link (src/lib/atlas/linkNotice.ts) in the reader's
 * language. Every kind has a wording in every language: the types refuse a
 * missing one. What a notice repeats back is capped (echo.ts).
 */
import { echo, quoteList } from '../atlas/echo.ts';
import type { LinkNotice, LinkNoticeKind } from '../atlas/linkNotice.ts';
import type { Lang } from './messages.ts';

type Wordings = { [K in LinkNoticeKind]: (n: Extract<LinkNotice, { kind: K }>) => string };

const en: Wordings = {
  badParameter: (n) => `ignored "${echo(n.part)}": not a valid URL parameter`,
  badView: (n) => `ignored map view "${echo(n.value)}": expected zoom/lat/lng in range`,
  unknownValues: (n) => `Ignored unknown ${n.key} value${n.values.length > 1 ? 's' : ''} ${quoteList(n.values)}.`,
  impossibleDate: (n) => `Ignored the date range: "${echo(n.value)}" is not a real date.`,
  badDateRange: () => 'Ignored a date range that is not YYYY, YYYY-MM or YYYY-MM-DD.',
  invertedDateRange: (n) => `The date range ran backwards (from ${echo(n.from)} to ${echo(n.to)}): showing ${echo(n.to)} to ${echo(n.from)} instead.`,
  unknownFeature: (n) => `No feature "${echo(n.id)}" in this atlas.`,
  unknownDocument: (n) => `No document "${echo(n.id)}" in this atlas.`,
  unknownLanguage: (n) => `Unknown language "${echo(n.value)}".`,
  more: (n) => `…and ${n.count.toLocaleString('en')} more problems with this link.`,
};

/** The URL's parameter names stay as typed (they are what the reader sees in the link). */
const zh: Wordings = {
  badParameter: (n) => `已忽略“${echo(n.part, undefined, 'zh')}”：不是有效的网址参数。`,
  badView: (n) => `已忽略地图视图“${echo(n.value, undefined, 'zh')}”：应为有效范围内的 缩放/纬度/经度。`,
  unknownValues: (n) => `已忽略参数 ${n.key} 中的未知值 ${quoteList(n.values, undefined, 'zh')}。`,
  impossibleDate: (n) => `已忽略日期范围：“${echo(n.value, undefined, 'zh')}”不是真实存在的日期。`,
  badDateRange: () => '已忽略日期范围：日期应写作 YYYY、YYYY-MM 或 YYYY-MM-DD。',
  invertedDateRange: (n) => `日期范围前后颠倒（从 ${echo(n.from, undefined, 'zh')} 到 ${echo(n.to, undefined, 'zh')}）：改为显示 ${echo(n.to, undefined, 'zh')} 至 ${echo(n.from, undefined, 'zh')}。`,
  unknownFeature: (n) => `本地图集中没有要素“${echo(n.id, undefined, 'zh')}”。`,
  unknownDocument: (n) => `本地图集中没有文件“${echo(n.id, undefined, 'zh')}”。`,
  unknownLanguage: (n) => `未知语言“${echo(n.value, undefined, 'zh')}”。`,
  more: (n) => `……此链接还有 ${n.count.toLocaleString('zh-CN')} 个问题。`,
};

export const NOTICE_WORDINGS: Record<Lang, Wordings> = { en, zh };

export function noticeText(n: LinkNotice, lang: Lang): string {
  return (NOTICE_WORDINGS[lang][n.kind] as (x: LinkNotice) => string)(n);
}
