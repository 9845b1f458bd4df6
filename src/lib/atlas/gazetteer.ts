/**
 * A small bilingual gazetteer of the countries, regions and places that the
 * atlas's features name in English, so that a Chinese search finds them:
 * "老挝" finds every feature whose name or description says "Laos". Names are
 * the standard Chinese exonyms (Xinhua usage). A feature's own `name_zh` is
 * searched too; this table covers the places its English text mentions.
 * Users who add features in new places can add rows here. Pure.
 */
export interface Place {
  zh: string;
  /** English spellings found in feature text (matched as whole words, case-sensitive). */
  en: readonly string[];
}

export const PLACES: readonly Place[] = [
  // Countries and regions.
  { zh: '中国', en: ['China', 'Chinese'] },
  { zh: '老挝', en: ['Laos', 'Lao'] },
  { zh: '越南', en: ['Vietnam', 'Viet Nam', 'Vietnamese'] },
  { zh: '泰国', en: ['Thailand', 'Thai'] },
  { zh: '新加坡', en: ['Singapore'] },
  { zh: '日本', en: ['Japan', 'Japanese'] },
  { zh: '韩国', en: ['South Korea', 'Republic of Korea'] },
  { zh: '哈萨克斯坦', en: ['Kazakhstan'] },
  { zh: '俄罗斯', en: ['Russia', 'Russian'] },
  { zh: '白俄罗斯', en: ['Belarus'] },
  { zh: '蒙古', en: ['Mongolia'] },
  { zh: '波兰', en: ['Poland', 'Polish'] },
  { zh: '德国', en: ['Germany', 'German'] },
  { zh: '欧洲', en: ['Europe', 'European'] },
  { zh: '东南亚', en: ['Southeast Asia', 'Southeast Asian'] },
  // Chinese provinces and regions.
  { zh: '四川', en: ['Sichuan'] },
  { zh: '湖南', en: ['Hunan'] },
  { zh: '湖北', en: ['Hubei'] },
  { zh: '江西', en: ['Jiangxi'] },
  { zh: '广西', en: ['Guangxi'] },
  { zh: '云南', en: ['Yunnan'] },
  { zh: '新疆', en: ['Xinjiang'] },
  // Cities, ports and border crossings.
  { zh: '重庆', en: ['Chongqing'] },
  { zh: '成都', en: ['Chengdu'] },
  { zh: '武汉', en: ['Wuhan'] },
  { zh: '汉口', en: ['Hankou'] },
  { zh: '阳逻', en: ['Yangluo'] },
  { zh: '长沙', en: ['Changsha'] },
  { zh: '南昌', en: ['Nanchang'] },
  { zh: '九江', en: ['Jiujiang'] },
  { zh: '岳阳', en: ['Yueyang'] },
  { zh: '城陵矶', en: ['Chenglingji'] },
  { zh: '怀化', en: ['Huaihua'] },
  { zh: '郴州', en: ['Chenzhou'] },
  { zh: '张家界', en: ['Zhangjiajie'] },
  { zh: '上海', en: ['Shanghai'] },
  { zh: '外高桥', en: ['Waigaoqiao'] },
  { zh: '吴淞口', en: ['Wusongkou'] },
  { zh: '宜宾', en: ['Yibin'] },
  { zh: '泸州', en: ['Luzhou'] },
  { zh: '宜昌', en: ['Yichang'] },
  { zh: '青白江', en: ['Qingbaijiang'] },
  { zh: '团结村', en: ['Tuanjiecun'] },
  { zh: '果园', en: ['Guoyuan'] },
  { zh: '沙坪坝', en: ['Shapingba'] },
  { zh: '西安', en: ["Xi'an", 'Xi’an', 'Xian'] },
  { zh: '兰州', en: ['Lanzhou'] },
  { zh: '乌鲁木齐', en: ['Urumqi', 'Ürümqi'] },
  { zh: '贵阳', en: ['Guiyang'] },
  { zh: '柳州', en: ['Liuzhou'] },
  { zh: '南宁', en: ['Nanning'] },
  { zh: '钦州', en: ['Qinzhou'] },
  { zh: '昆明', en: ['Kunming'] },
  { zh: '玉溪', en: ['Yuxi'] },
  { zh: '普洱', en: ["Pu'er", 'Pu’er', 'Puer'] },
  { zh: '景洪', en: ['Jinghong'] },
  { zh: '磨憨', en: ['Mohan'] },
  { zh: '磨丁', en: ['Boten'] },
  { zh: '琅勃拉邦', en: ['Luang Prabang'] },
  { zh: '万象', en: ['Vientiane'] },
  { zh: '阿拉山口', en: ['Alashankou'] },
  { zh: '霍尔果斯', en: ['Khorgos', 'Horgos'] },
  { zh: '二连浩特', en: ['Erenhot', 'Erlian'] },
  { zh: '满洲里', en: ['Manzhouli'] },
  { zh: '多斯特克', en: ['Dostyk'] },
  { zh: '后贝加尔斯克', en: ['Zabaikalsk'] },
  { zh: '布列斯特', en: ['Brest'] },
  { zh: '马拉舍维奇', en: ['Małaszewicze', 'Malaszewicze'] },
  { zh: '罗兹', en: ['Łódź', 'Lodz'] },
  { zh: '卢布林', en: ['Lublin'] },
  { zh: '杜伊斯堡', en: ['Duisburg'] },
  { zh: '汉堡', en: ['Hamburg'] },
  { zh: '莫斯科', en: ['Moscow'] },
  { zh: '釜山', en: ['Busan'] },
  { zh: '大阪', en: ['Osaka'] },
  { zh: '关西', en: ['Kansai'] },
  // Rivers, lakes and seas.
  { zh: '长江', en: ['Yangtze'] },
  { zh: '三峡', en: ['Three Gorges'] },
  { zh: '洞庭湖', en: ['Dongting Lake', 'Dongting'] },
  { zh: '北部湾', en: ['Beibu Gulf'] },
  { zh: '东海', en: ['East China Sea'] },
  { zh: '南海', en: ['South China Sea'] },
  { zh: '台湾海峡', en: ['Taiwan Strait'] },
  { zh: '济州海峡', en: ['Jeju Strait'] },
  { zh: '湄公河', en: ['Mekong'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern per place: any of its spellings as a whole word. */
const PATTERNS = PLACES.map((p) => ({ zh: p.zh, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${p.en.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u') }));

/** Chinese names of the gazetteer's places that `text` mentions in English, in table order. */
export function chinesePlaceNames(text: string): string[] {
  return PATTERNS.filter((p) => p.re.test(text)).map((p) => p.zh);
}
