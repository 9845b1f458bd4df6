/**
 * Lines of a pasted article that look like page chrome — datelines, editor
 * credits, photo captions, share buttons, copyright, QR-code prompts — offered
 * to the author for removal. Nothing is removed without the author's choice.
 */

export interface ChromeLine {
  /** 0-based line number in the pasted text. */
  line: number;
  text: string;
  /** Why it looks like chrome, for the author. */
  reason: string;
}

const AGENCY = String.raw`(?:xinhua|新华社|新华网|chinanews|中新社|中新网|people'?s daily( online)?|人民网|人民日报|china daily|中国日报|cgtn|ecns|global times|环球时报|reuters|ap|afp|央视网|央广网)`;

const RULES: [RegExp, string][] = [
  [new RegExp(String.raw`^[(（\[【]\s*${AGENCY}\s*[)）\]】]\s*[-—–,，]?\s*\d{1,2}[:：]\d{2}`, 'i'), 'dateline (agency and time)'],
  [new RegExp(String.raw`^[(（\[【]?\s*${AGENCY}\s*[)）\]】]?\s*[-—–,，]?\s*(\d{4}[-/.年]|\d{1,2}[:：]\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)`, 'i'), 'dateline (agency and time)'],
  [/^[(（]\s*(web editor|editor|edited by|责任编辑|责编|编辑|来源|source|photo|图)\s*[:：][^()（）]*[)）]\s*$/i, 'editor or source credit'],
  [/^(责任编辑|责编|编辑|审核|一审|二审|三审|校对|来源|作者|记者|通讯员)\s*[:：]/, 'editor or source credit'],
  [/^(editor|edited by|source|author|reporter|written by|translated by|reviewed by)\s*[:：]/i, 'editor or source credit'],
  [/\b(share|分享)(\s+(on|to))?\s*[:：]?\s*(facebook|twitter|x|weibo|wechat|微信|微博|linkedin|email)\b/i, 'share buttons'],
  [/^(share|print|email|tweet|分享到|打印|关闭|收藏)(\s*[|·/,]\s*(share|print|email|tweet|facebook|twitter|linkedin|weibo|wechat|微信|微博|打印|关闭|收藏))*\s*$/i, 'share buttons'],
  [/(copyright|©|版权所有|all rights reserved|ICP备|京ICP|沪ICP)/i, 'copyright line'],
  [/(扫一扫|二维码|QR code|scan (the|this) code)/i, 'QR-code prompt'],
  [/^(photo|图|图片|摄影|\(photo|（图)[:：/ ]/i, 'photo caption'],
  [/\b(photo|file photo)\s*(by|:|\/)\s*\S+/i, 'photo caption'],
  [/photos? taken by/i, 'photo caption'],
  [/^\[?\s*(xinhua|新华社|中新网|china daily|cgtn|people'?s daily)\s*\]?\s*[-—–,]?\s*$/i, 'byline'],
  [/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s*(来源|source)[:：].*)?$/i, 'dateline (time stamp)'],
  [/^(updated|published|posted|发布时间|更新时间)\s*[:：]?\s*\d/i, 'dateline (time stamp)'],
  [/^(home|首页)\s*[>»›]/i, 'breadcrumb menu'],
  [/^\s*[>»›]+\s*\S/, 'breadcrumb menu'],
  [/^(related|related news|related articles|相关新闻|相关阅读|推荐阅读|more|read more|阅读全文)\s*[:：]?\s*$/i, 'related-links heading'],
  [/^(font size|字号|【字体：|字体[:：]|\[?\s*(大|中|小)\s*\]?\s*\[?\s*(大|中|小)\s*\]?)/i, 'page control'],
  [/^(我要问|打印本页|关闭窗口|返回顶部|back to top)/i, 'page control'],
  [/^(location|position|当前位置|您的位置)\s*[:：]/i, 'breadcrumb menu'],
  [/^(host|hosted by|undertaker|sponsor|主办|承办|website|tel|fax|address|contact us|sitemap|主办单位|网站标识码)\b\s*[:：]?/i, 'site footer'],
  [/\b(facebook|twitter|youtube|youtobe|pinterest|skype|linkedin|instagram|weibo|wechat)\b.*\b(facebook|twitter|youtube|youtobe|pinterest|skype|linkedin|instagram|weibo|wechat|sitemap|contactus)\b/i, 'share buttons'],
  [/^.{0,40}\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(:\d{2})?\s*$/, 'dateline (time stamp)'],
  [/^welcome to (visit )?(us|our (web)?site)/i, 'site greeting'],
];

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Every line that looks like page chrome, with the reason. Blank lines are never offered. With the
 * document's title, a line that repeats it (a headline pasted with the article) is offered too.
 */
export function findPageChrome(text: string, title = ''): ChromeLine[] {
  const out: ChromeLine[] = [];
  const headline = fold(title);
  text.split(/\r?\n/).forEach((raw, line) => {
    const t = raw.trim();
    if (!t) return;
    if (headline && fold(t) === headline) return void out.push({ line, text: raw, reason: 'the headline (it is the title)' });
    const hit = RULES.find(([re]) => re.test(t));
    if (hit) out.push({ line, text: raw, reason: hit[1] });
  });
  return out;
}

/** The text without the chosen lines (0-based line numbers); every other line keeps its bytes. */
export function removeLines(text: string, lines: Iterable<number>): string {
  const drop = new Set(lines);
  return text
    .split(/(?<=\n)/)
    .filter((_, i) => !drop.has(i))
    .join('');
}
