/** UI text in English and Simplified Chinese. Data (names, quotes) is never translated here. */
import type { FeatureKind, Mode } from '../atlas/types.ts';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

const en = {
  appTitle: 'Corridor Atlas',
  tagline: 'Logistics corridors named in Chinese customs cooperation agreements — click a line or symbol to read the passage behind it.',
  mapLabel: 'Map of corridors',
  legend: 'Legend',
  legendHint: 'Click to show or hide',
  schematic: 'Schematic (endpoints only)',
  source: 'Source',
  sources: 'Sources',
  close: 'Close',
  closeSource: 'Close source panel',
  closeDocument: 'Close document',
  length: 'Length',
  lengthNote: '(geodesic, as drawn)',
  geometry: 'Geometry',
  surveyed: 'Surveyed — follows the real line or place',
  schematicLong: 'Schematic — only the endpoints are known; drawn dashed',
  readDocument: 'Read the whole document →',
  alsoSupports: 'The same passage also supports:',
  chooseFeature: 'Choose a feature',
  featuresHere: (n: number) => `${n} features here`,
  parties: 'Parties',
  dateBasis: 'Date',
  supports: (n: number) => `Supports ${n} feature${n === 1 ? '' : 's'} on the map. Marked passages are clickable.`,
  documents: 'Documents',
  features: 'Features',
  supportsCount: (n: number) => `${n} feature${n === 1 ? '' : 's'}`,
  search: 'Search',
  searchPlaceholder: 'Search places, routes, texts…',
  noResults: 'No results',
  inDocument: 'in document',
  timeline: 'Timeline of the agreements',
  timelineHint: 'Drag across the timeline to show only features from agreements in that period.',
  clearRange: 'Show all dates',
  filterByDocument: 'Only this document',
  showingCount: (shown: number, total: number) => (shown === total ? `${total} features` : `${shown} of ${total} features`),
  resetFilters: 'Reset filters',
  language: '中文',
  languageLabel: 'Switch language to Chinese',
  list: 'List',
  map: 'Map',
  dismiss: 'Dismiss',
  original: 'original',
  errorTitle: 'The atlas could not be loaded',
  noWebgl: 'This browser cannot draw the WebGL map, so a simpler map is shown. Every feature and source still works.',
  openInAtlas: 'Open in Corridor Atlas',
  readInAtlas: 'Read the passage in its document',
};

type Messages = typeof en;

const zh: Messages = {
  appTitle: '通道地图集',
  tagline: '中国海关合作协议中提到的物流通道——点击线路或符号即可阅读其依据的原文段落。',
  mapLabel: '通道地图',
  legend: '图例',
  legendHint: '点击以显示或隐藏',
  schematic: '示意线（仅知起讫点）',
  source: '出处',
  sources: '出处',
  close: '关闭',
  closeSource: '关闭出处面板',
  closeDocument: '关闭文件',
  length: '长度',
  lengthNote: '（按所绘线路的大地线长度）',
  geometry: '几何',
  surveyed: '实测——沿真实线路或地点',
  schematicLong: '示意——仅知起讫点，以虚线表示',
  readDocument: '阅读全文 →',
  alsoSupports: '同一段落还支持：',
  chooseFeature: '选择要素',
  featuresHere: (n: number) => `此处有 ${n} 个要素`,
  parties: '签署方',
  dateBasis: '日期',
  supports: (n: number) => `支持地图上的 ${n} 个要素。标记的段落可点击。`,
  documents: '文件',
  features: '要素',
  supportsCount: (n: number) => `${n} 个要素`,
  search: '搜索',
  searchPlaceholder: '搜索地点、线路、原文…',
  noResults: '无结果',
  inDocument: '见文件',
  timeline: '协议时间轴',
  timelineHint: '在时间轴上拖动，只显示该时期协议所支持的要素。',
  clearRange: '显示全部日期',
  filterByDocument: '只看此文件',
  showingCount: (shown: number, total: number) => (shown === total ? `共 ${total} 个要素` : `显示 ${shown} / ${total} 个要素`),
  resetFilters: '重置筛选',
  language: 'English',
  languageLabel: 'Switch language to English',
  list: '列表',
  map: '地图',
  dismiss: '关闭',
  original: '原文链接',
  errorTitle: '无法载入地图集',
  noWebgl: '此浏览器无法绘制 WebGL 地图，因此显示简化地图。所有要素和出处仍可使用。',
  openInAtlas: '在通道地图集中打开',
  readInAtlas: '在原文中阅读该段落',
};

export const MESSAGES: Record<Lang, Messages> = { en, zh };

export const MODE_NAMES: Record<Lang, Record<Mode, string>> = {
  en: { rail: 'Rail', river: 'River', sea: 'Sea', air: 'Air', road: 'Road', multimodal: 'Land–sea (multimodal)', administrative: 'Customs cooperation' },
  zh: { rail: '铁路', river: '内河', sea: '海运', air: '航空', road: '公路', multimodal: '陆海联运', administrative: '海关合作' },
};

export const KIND_NAMES: Record<Lang, Record<FeatureKind, string>> = {
  en: {
    port: 'Port', airport: 'Airport', 'land-port': 'Land port', 'rail-hub': 'Rail hub', customs: 'Customs office', venue: 'Venue', zone: 'Zone',
    'rail-corridor': 'Rail corridor', 'river-route': 'River route', 'river-sea-route': 'River–sea route', 'sea-route': 'Sea route',
    'land-sea-corridor': 'Land–sea corridor', 'cooperation-link': 'Customs partnership',
  },
  zh: {
    port: '港口', airport: '机场', 'land-port': '陆港', 'rail-hub': '铁路枢纽', customs: '海关', venue: '会址', zone: '区域',
    'rail-corridor': '铁路通道', 'river-route': '内河航线', 'river-sea-route': '江海航线', 'sea-route': '海运航线',
    'land-sea-corridor': '陆海通道', 'cooperation-link': '海关合作',
  },
};

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'zh';
}
