/** The About panel's text, in English and Simplified Chinese. */
import type { Lang } from './messages.ts';

const en = {
  button: 'About',
  title: 'About Corridor Atlas',
  what: 'Corridor Atlas maps the logistics corridors named in Chinese customs cooperation agreements — ports, airports, rail hubs, rail and river routes, sea legs, zones and customs partnerships — and links every feature on the map to the exact passage of the agreement text that supports it.',
  choosingHeading: 'How features are chosen',
  choosing: 'A feature is on the map only when a passage of one of the documents below names it, or supports it by inference. Its position or path is placed from published sources where we have them, and said to be less sure where we do not.',
  termsHeading: 'What the labels mean',
  terms: [
    ['Surveyed', 'checked against a published source that the feature names (a position within about 2 km).'],
    ['Approximate', 'placed at city level or from general knowledge (within about 10 km), not checked against a published coordinate.'],
    ['Schematic', 'a line joining the places named, not the real path between them; drawn dashed.'],
    ['Our inference', 'the quoted passage does not name the feature itself; it supports it by inference, which is explained under the quote in one sentence naming its own source.'],
  ] as [string, string][],
  sourcesHeading: 'Sources',
  basemap: 'Basemap: Natural Earth (public domain), via world-atlas.',
  licenceHeading: 'Licence',
  licenceCode: 'The code is free software under the MIT licence (the LICENSE file).',
  licenceData: 'Our data — the features, their positions, descriptions and translations — is under Creative Commons Attribution 4.0 (CC BY 4.0): use it, and say it comes from Corridor Atlas.',
  licenceTexts: 'The agreement texts are not ours: they are quoted with attribution for reference, and remain © their publishers. Follow the link of each document for its original.',
  versionLine: (version: string, built: string) => `Version ${version}, built ${built}.`,
  citeHeading: 'How to cite this map',
  citeHint: 'The link is to this view, as it is now (filters and selection included).',
  citeLabel: 'Citation',
};

const zh: typeof en = {
  button: '关于',
  title: '关于通道地图集',
  what: '通道地图集（Corridor Atlas）标出中国海关合作协议中提到的物流通道——港口、机场、铁路枢纽、铁路与内河线路、海运航段、区域和海关合作——并把地图上的每个要素链接到支持它的协议原文段落。',
  choosingHeading: '要素如何选定',
  choosing: '只有当下列某份文件的段落提到某个要素，或可据以推断出它时，该要素才会出现在地图上。其位置或路径尽可能依据公开来源标定；没有公开来源时，会注明可信度较低。',
  termsHeading: '标注的含义',
  terms: [
    ['已核实', '已与要素所列的公开来源核对（位置误差约 2 公里以内）。'],
    ['大致位置', '按城市级位置或常识标定（误差约 10 公里以内），未与公开坐标核对。'],
    ['示意', '连接所提地点的线，并非实际路径；以虚线绘制。'],
    ['我们的推断', '所引段落并未直接提到该要素，而是可据以推断；推断理由以一句话写在引文下方，并注明其来源。'],
  ],
  sourcesHeading: '出处',
  basemap: '底图：Natural Earth（公有领域），经 world-atlas 提供。',
  licenceHeading: '许可',
  licenceCode: '代码为自由软件，采用 MIT 许可证（见 LICENSE 文件）。',
  licenceData: '我们的数据——要素及其位置、说明和译文——采用知识共享署名 4.0 国际许可协议（CC BY 4.0）：可自由使用，请注明来自通道地图集。',
  licenceTexts: '协议文本并非我们所有：仅为参考而注明出处引用，版权归各发布机构所有。原文请见各文件的链接。',
  versionLine: (version: string, built: string) => `版本 ${version}，构建于 ${built}。`,
  citeHeading: '如何引用本地图',
  citeHint: '链接指向当前视图（包括筛选和所选要素）。',
  citeLabel: '引用',
};

export const ABOUT: Record<Lang, typeof en> = { en, zh };
