/** UI text in English and Simplified Chinese. Data (names, quotes) is never translated here. */
import type { FeatureKind, Mode, ZoneType } from '../atlas/types.ts';
import type { CertaintyKey } from '../atlas/certainty.ts';
import type { MapSummary } from '../export/figure.ts';
import type { Region } from '../view/regionName.ts';
import type { FigureAspect } from '../export/figureFormat.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "a, b and c". */
const listEn = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const MAX_ALT_DOCUMENTS = 5;

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

const en = {
  appTitle: 'Corridor Atlas',
  tagline: 'Logistics corridors named in Chinese customs cooperation agreements — click a line or symbol to read the passage behind it.',
  mapLabel: 'Map of corridors',
  legend: 'Legend',
  legendHint: 'Click to show or hide',
  schematic: 'Schematic (not the real path)',
  source: 'Source',
  sources: 'Sources',
  close: 'Close',
  closeSource: 'Close source panel',
  closeDocument: 'Close document',
  length: 'Length',
  lengthNote: '(geodesic, along the line as drawn)',
  area: 'Area',
  areaNote: '(geodesic, inside the outline as drawn)',
  drawn: 'drawn',
  published: 'published',
  derivedFromPublished: 'derived from published figures',
  drawnPart: 'the drawn part it describes:',
  details: 'About this feature',
  certaintyHeading: 'How sure',
  certainty: {
    surveyedPoint: 'Surveyed position: checked against a published coordinate (named below), within about 2 km.',
    surveyedPath: 'Surveyed path: follows a published source (named below).',
    approximatePoint: 'Approximate position: placed at city level or from general knowledge, within about 10 km; not checked against a published coordinate.',
    approximatePath: 'Approximate path: placed from general knowledge, within about 10 km.',
    surveyedArea: 'Surveyed outline: follows a published boundary (named below).',
    approximateArea: 'Approximate outline: placed from general knowledge, within about 10 km; not the official boundary.',
    schematicLine: 'Schematic: a line joining the places named, not the real path between them; drawn dashed.',
    schematicArea: 'Schematic outline: a simplified shape, not the real boundary.',
  } satisfies Record<CertaintyKey, string>,
  geometrySources: 'Where the geometry comes from',
  inference: 'Our inference',
  legendCertainty: 'How sure',
  legendSurveyed: 'Surveyed: checked against a published source',
  legendApproximate: 'Approximate position (within about 10 km)',
  readDocument: 'Read the whole document →',
  alsoSupports: 'The same passage also supports:',
  chooseFeature: 'Choose a feature',
  featuresHere: (n: number) => `${n} features here`,
  parties: 'Parties',
  dateBasis: 'How the date was found',
  aboutDocument: 'About this document: summary, parties, date',
  playAgreements: 'Play: show the agreements one by one in date order',
  nextAgreement: 'Show the next agreement',
  stopPlaying: 'Stop playing',
  supports: (n: number) => `Supports ${n} feature${n === 1 ? '' : 's'} on the map. Marked passages are clickable.`,
  documents: 'Documents',
  features: 'Features',
  supportsCount: (n: number) => `${n} feature${n === 1 ? '' : 's'}`,
  showAll: (n: number) => `Show all ${n}`,
  search: 'Search',
  searchPlaceholder: 'Search places, routes, texts…',
  noResults: 'No results',
  searchLoading: 'Preparing the search…',
  searchFailed: (reason: string) => `The search could not load (${reason}). Reload the page to try again.`,
  inDocument: 'in document',
  timeline: 'Timeline of the agreements',
  timelineHint: 'Drag across the timeline to show only features from agreements in that period.',
  clearRange: 'Show all dates',
  from: 'From',
  to: 'To',
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
  share: 'Share',
  shareTitle: 'Share this map',
  shareLoadFailed: (reason: string) => `The sharing tools could not load (${reason}). Close this and try again.`,
  permalink: 'Link to this view',
  noWebAddress: 'This copy of the atlas was opened from a file, so it has no web address to link to. Share the file itself, or a figure; whoever publishes the atlas can build the file with its web address (ATLAS_SITE_URL).',
  printNote: (link: string) => `Printed from Corridor Atlas${link ? ` — ${link}` : ''}. For a figure with its legend and numbered sources: Share → Download a figure.`,
  embedNeedsAddress: 'An embed needs the atlas on the web: this copy, opened from a file, has no web address.',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Select the text and copy it',
  embedCode: 'Embed in a web page',
  embedSize: 'Size',
  embedPreview: 'Preview',
  dataHeading: 'Download the data shown',
  dataHint: 'The features on the map now (every filter applied) with the passages that support them.',
  dataCount: (features: number, citations: number) => `${plural(features, 'feature')}, ${plural(citations, 'citation')}`,
  dataGeojson: 'GeoJSON (features)',
  dataCsv: 'CSV (one row per citation)',
  dataAnnotations: 'Web Annotations (citations)',
  dataAnnotationsLabel: 'Corridor Atlas: passages that support the features shown',
  figure: 'Download a figure',
  figureHint: 'The current view with its legend, scale, attribution and numbered sources for what it shows (or for the selected feature).',
  hostOrigin: 'Host origin for the iframe API (optional)',
  datePlaceholder: 'YYYY-MM-DD',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  toggleAttribution: 'Show or hide the attribution',
  mapCanvas: 'Map',
  documentLabel: 'Document',
  mapAttribution: 'Basemap: Natural Earth (public domain) · Texts: see each source',
  ourTranslation: 'our translation',
  noTranslation: 'No Chinese translation yet: the description is shown in English.',
  originalEnglish: 'English original',
  figurePng: (r: number, width: number, height: number) => `PNG ${width} × ${height}${r > 1 ? ` (${r}×)` : ''}`,
  figureSvg: 'SVG (vector)',
  figurePdf: 'PDF (vector, for print)',
  figureShape: 'Shape',
  figureAspects: { '16:9': '16:9 (slide)', '4:3': '4:3', square: 'Square', 'a4-portrait': 'A4 portrait' } satisfies Record<FigureAspect, string>,
  figureTitleLabel: 'Title',
  figureCaptionLabel: 'Caption',
  figurePreview: 'Preview of the figure',
  altText: 'Alt text',
  altTextHint: 'Describe the figure to readers who cannot see it: paste this where the report asks for alt text.',
  embedAltHint: 'The embed’s title (read out by screen readers) and a description to put beside it.',
  figureNotesLeftOut: (first: number, last: number, where: 'below' | 'next-page') => `Sources [${first}]${last > first ? `–[${last}]` : ''} continue ${where === 'below' ? 'below the figure' : 'on the next page'}.`,
  mapAlt: (s: MapSummary, kinds: Record<FeatureKind, string>) => {
    const parts: string[] = [];
    if (s.lines) parts.push(plural(s.lines, 'corridor or route', 'corridors and routes'));
    if (s.places.length) {
      const total = s.places.reduce((n, p) => n + p.count, 0);
      parts.push(`${plural(total, 'place')} (${s.places.map((p) => plural(p.count, lower(kinds[p.kind]), `${lower(kinds[p.kind])}s`)).join(', ')})`);
    }
    if (s.zones) parts.push(plural(s.zones, 'zone'));
    const what = parts.length ? listEn(parts) : 'no atlas features';
    const docs = s.documents.slice(0, MAX_ALT_DOCUMENTS).map((d) => `“${d}”`);
    if (s.documents.length > MAX_ALT_DOCUMENTS) docs.push(`${s.documents.length - MAX_ALT_DOCUMENTS} more`);
    const from = s.documents.length ? `, from ${plural(s.documents.length, 'document')}: ${listEn(docs)}` : '';
    const selected = s.selected ? `, highlighting ${s.selected}` : '';
    return `Map of ${what} around ${s.centre}${selected}${from}. Lines are coloured by transport mode; dashed lines are schematic.`;
  },
  figureWorking: 'Preparing the figure…',
  figureTitle: 'logistics corridors in Chinese customs cooperation agreements',
  figureSources: 'Sources (passages behind the features shown)',
  figureSourcesSelected: 'Sources (passages behind the selected feature)',
  figureAttribution: 'Basemap: Natural Earth (public domain), via world-atlas. Features drawn by Corridor Atlas from the documents cited above; quotations © their publishers. Web Mercator.',
  figureView: (region: Region, n: number) => {
    const where = !region
      ? ''
      : region.kind === 'around'
        ? `Around ${region.place} · `
        : `${region.more ? `${region.names.join(', ')} and ${region.more} more countr${region.more === 1 ? 'y' : 'ies'}` : region.names.length > 1 ? `${region.names.slice(0, -1).join(', ')} and ${region.names.at(-1)}` : region.names[0]} · `;
    return `${where}${n} feature${n === 1 ? '' : 's'} shown`;
  },
};

type Messages = typeof en;

const zh: Messages = {
  appTitle: '通道地图集',
  tagline: '中国海关合作协议中提到的物流通道——点击线路或符号即可阅读其依据的原文段落。',
  mapLabel: '通道地图',
  legend: '图例',
  legendHint: '点击以显示或隐藏',
  schematic: '示意线（非实际走向）',
  source: '出处',
  sources: '出处',
  close: '关闭',
  closeSource: '关闭出处面板',
  closeDocument: '关闭文件',
  length: '长度',
  lengthNote: '（按所绘线路计算的大地线长度）',
  area: '面积',
  areaNote: '（按所绘轮廓计算的椭球面面积）',
  drawn: '所绘',
  published: '公开数据',
  derivedFromPublished: '据公开数据推算',
  drawnPart: '所绘对应路段',
  details: '要素详情',
  certaintyHeading: '可信度',
  certainty: {
    surveyedPoint: '实测位置：已与公开发布的坐标（来源见下）核对，误差约 2 公里以内。',
    surveyedPath: '实测路径：依据公开资料（来源见下）绘制。',
    approximatePoint: '大致位置：按城市或一般资料标注，误差约 10 公里以内，未与公开发布的坐标核对。',
    approximatePath: '大致路径：按一般资料绘制，误差约 10 公里以内。',
    surveyedArea: '实测范围：依据公开发布的边界（来源见下）绘制。',
    approximateArea: '大致范围：按一般资料绘制，误差约 10 公里以内，并非官方边界。',
    schematicLine: '示意线：连接文中所述地点的线，并非其间的实际线路，以虚线表示。',
    schematicArea: '示意范围：简化的轮廓，并非实际边界。',
  },
  geometrySources: '几何数据来源',
  inference: '我们的推断（说明为英文）',
  legendCertainty: '可信度',
  legendSurveyed: '实测：已与公开资料核对',
  legendApproximate: '大致位置（误差约 10 公里）',
  readDocument: '阅读全文 →',
  alsoSupports: '同一段落还支持：',
  chooseFeature: '选择要素',
  featuresHere: (n: number) => `此处有 ${n} 个要素`,
  parties: '签署方',
  dateBasis: '日期依据',
  aboutDocument: '关于此文件：摘要、签署方、日期',
  playAgreements: '播放：按日期逐一显示各项协议',
  nextAgreement: '显示下一项协议',
  stopPlaying: '停止播放',
  supports: (n: number) => `支持地图上的 ${n} 个要素。标记的段落可点击。`,
  documents: '文件',
  features: '要素',
  supportsCount: (n: number) => `${n} 个要素`,
  showAll: (n: number) => `显示全部 ${n} 个`,
  search: '搜索',
  searchPlaceholder: '搜索地点、线路、原文…',
  noResults: '无结果',
  searchLoading: '正在准备搜索…',
  searchFailed: (reason: string) => `无法载入搜索（${reason}）。请重新载入页面后再试。`,
  inDocument: '见文件',
  timeline: '协议时间轴',
  timelineHint: '在时间轴上拖动，只显示该时期协议所支持的要素。',
  clearRange: '显示全部日期',
  from: '从',
  to: '至',
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
  share: '分享',
  shareTitle: '分享此地图',
  shareLoadFailed: (reason: string) => `无法载入分享工具（${reason}）。请关闭后重试。`,
  permalink: '此视图的链接',
  noWebAddress: '本地图集是从文件打开的，没有可供链接的网址。请分享文件本身或导出的图；发布者可在构建时提供网址（ATLAS_SITE_URL）。',
  printNote: (link: string) => `打印自通道地图集${link ? `：${link}` : ''}。如需带图例和编号出处的图片：分享 → 下载图片。`,
  embedNeedsAddress: '嵌入需要网上的地图集：此副本从文件打开，没有网址。',
  copy: '复制',
  copied: '已复制',
  copyFailed: '请选中文字后复制',
  embedCode: '嵌入网页',
  embedSize: '尺寸',
  embedPreview: '预览',
  dataHeading: '下载所示数据',
  dataHint: '地图上当前显示的要素（已应用全部筛选）及支持它们的段落。',
  dataCount: (features: number, citations: number) => `${features} 个要素，${citations} 条出处`,
  dataGeojson: 'GeoJSON（要素）',
  dataCsv: 'CSV（每条出处一行）',
  dataAnnotations: 'Web Annotations（出处）',
  dataAnnotationsLabel: '通道地图集：支持所示要素的段落',
  figure: '下载图片',
  figureHint: '当前视图，附图例、比例尺、署名，以及所示要素（或所选要素）的编号出处。',
  hostOrigin: 'iframe API 的宿主页面来源（可选）',
  datePlaceholder: '年-月-日',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleAttribution: '显示或隐藏署名',
  mapCanvas: '地图',
  documentLabel: '文件',
  mapAttribution: '底图：Natural Earth（公有领域）· 文本：见各出处',
  ourTranslation: '本站译文',
  noTranslation: '暂无中文译文，以下为英文原文。',
  originalEnglish: '英文原文',
  figurePng: (r: number, width: number, height: number) => `PNG ${width} × ${height}${r > 1 ? `（${r}×）` : ''}`,
  figureSvg: 'SVG（矢量）',
  figurePdf: 'PDF（矢量，适合印刷）',
  figureShape: '形状',
  figureAspects: { '16:9': '16:9（幻灯片）', '4:3': '4:3', square: '正方形', 'a4-portrait': 'A4 纵向' },
  figureTitleLabel: '标题',
  figureCaptionLabel: '说明',
  figurePreview: '图片预览',
  altText: '替代文字',
  altTextHint: '为看不到图片的读者描述图片：在报告要求填写替代文字处粘贴此段。',
  embedAltHint: '嵌入框的标题（屏幕阅读器会朗读）以及可放在其旁的描述。',
  figureNotesLeftOut: (first: number, last: number, where: 'below' | 'next-page') => `出处 [${first}]${last > first ? `–[${last}]` : ''} ${where === 'below' ? '续列于图下方' : '续列于下一页'}。`,
  mapAlt: (s: MapSummary, kinds: Record<FeatureKind, string>) => {
    const parts: string[] = [];
    if (s.lines) parts.push(`${s.lines} 条通道和航线`);
    if (s.places.length) {
      const total = s.places.reduce((n, p) => n + p.count, 0);
      parts.push(`${total} 个地点（${s.places.map((p) => `${kinds[p.kind]} ${p.count} 个`).join('、')}）`);
    }
    if (s.zones) parts.push(`${s.zones} 个区域`);
    const what = parts.length ? parts.join('、') : '没有地图集要素';
    const docs = s.documents.slice(0, MAX_ALT_DOCUMENTS).map((d) => `“${d}”`);
    if (s.documents.length > MAX_ALT_DOCUMENTS) docs.push(`另 ${s.documents.length - MAX_ALT_DOCUMENTS} 份`);
    const from = s.documents.length ? `，依据 ${s.documents.length} 份文件：${docs.join('、')}` : '';
    const selected = s.selected ? `，突出显示${s.selected}` : '';
    return `地图：${s.centre} 一带的${what}${selected}${from}。线路按运输方式着色；虚线为示意线。`;
  },
  figureWorking: '正在生成图片…',
  figureTitle: '中国海关合作协议中的物流通道',
  figureSources: '出处（所示要素依据的段落）',
  figureSourcesSelected: '出处（所选要素依据的段落）',
  figureAttribution: '底图：Natural Earth（公有领域），经 world-atlas。要素由通道地图集依据上列文件绘制；引文版权归原发布者。Web 墨卡托投影。',
  figureView: (region: Region, n: number) => {
    const where = !region ? '' : region.kind === 'around' ? `${region.place}周边 · ` : `${region.names.join('、')}${region.more ? `等 ${region.names.length + region.more} 个国家` : ''} · `;
    return `${where}显示 ${n} 个要素`;
  },
};

export const MESSAGES: Record<Lang, Messages> = { en, zh };

export const MODE_NAMES: Record<Lang, Record<Mode, string>> = {
  en: { rail: 'Rail', river: 'River', sea: 'Sea', air: 'Air', road: 'Road', multimodal: 'Land–sea (multimodal)', administrative: 'Customs cooperation' },
  zh: { rail: '铁路', river: '内河', sea: '海运', air: '航空', road: '公路', multimodal: '陆海联运', administrative: '海关合作' },
};

export const ZONE_TYPE_NAMES: Record<Lang, Record<ZoneType, string>> = {
  en: { 'development-strategy': 'Development strategy', 'pilot-free-trade-zone': 'Pilot free trade zone', 'economic-circle': 'Economic circle', 'cooperation-zone': 'Cooperation zone' },
  zh: { 'development-strategy': '发展战略', 'pilot-free-trade-zone': '自由贸易试验区', 'economic-circle': '经济圈', 'cooperation-zone': '合作区' },
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
