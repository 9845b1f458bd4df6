/**
 * The error screen's words in the reader's language: what stopped the atlas
 * (src/lib/atlas/loadAtlas.ts), the details, and what to do. Text between
 * backticks is a command or file name, shown as code. Details that come from
 * the browser or the runtime check (technical, in English) are marked so and,
 * in Chinese, introduced as such. Pure.
 */
import type { StartProblem } from '../atlas/loadAtlas.ts';
import type { Lang } from './messages.ts';

export interface ErrorScreenText {
  title: string;
  summary: string;
  detailsHeading: string;
  /** A note before details that stay in English (Chinese interface only). */
  detailsNote?: string;
  /** `code`: a piece of the file, shown as code after the text. */
  details: Detail[];
  dataFile: string;
  whatToDo: string;
  /** What a reader, then a site owner, can do; `code` between backticks. */
  steps: string[];
}

export interface Detail {
  text: string;
  /** Technical text from the browser or the data check, kept in English. */
  english: boolean;
  code?: string;
}

const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

interface Wording {
  titleLoad: string;
  titleCrash: string;
  summary: Record<StartProblem['kind'], string>;
  detailsHeading: string;
  technical: string | undefined;
  http: (status: number, statusText: string) => string;
  tooLarge: (length: string, limit: string) => string;
  /** Followed by the file's last characters, as code. */
  fileEnds: (length: string) => string;
  empty: string;
  dataFile: string;
  whatToDo: string;
  reload: string;
  rebuild: string;
}

const WORDING: Record<Lang, Wording> = {
  en: {
    titleLoad: 'Corridor Atlas could not start',
    titleCrash: 'Corridor Atlas stopped',
    summary: {
      http: 'The atlas data file could not be downloaded.',
      network: 'The atlas data file could not be downloaded.',
      tooLarge: 'The atlas data file is too large for this app.',
      notJson: 'The atlas data file is not valid JSON — it may be truncated or edited by hand.',
      shape: 'The atlas data file does not have the shape this app expects — it may have been edited by hand.',
      crash: 'Corridor Atlas stopped because of an unexpected error.',
    },
    detailsHeading: 'What went wrong',
    technical: undefined,
    http: (status, statusText) => `${`The server answered ${status} ${statusText}`.trim()}.`,
    tooLarge: (length, limit) => `It is ${length} characters long; the limit is ${limit}.`,
    fileEnds: (length) => `The file is ${length} characters long and ends with`,
    empty: 'The file is empty.',
    dataFile: 'Data file:',
    whatToDo: 'What you can do',
    reload: 'Reload the page: a download cut short can leave a partial file.',
    rebuild: 'If you run this site: rebuild it from the data with `npm run check` and `npm run build`, and deploy the whole `dist/` folder (never edit `atlas.json` by hand).',
  },
  zh: {
    titleLoad: '通道地图集无法启动',
    titleCrash: '通道地图集已停止运行',
    summary: {
      http: '无法下载地图集数据文件。',
      network: '无法下载地图集数据文件。',
      tooLarge: '地图集数据文件过大，本应用无法载入。',
      notJson: '地图集数据文件不是有效的 JSON——可能下载不完整或被手工改动过。',
      shape: '地图集数据文件的结构与本应用所需不符——可能被手工改动过。',
      crash: '通道地图集因意外错误而停止运行。',
    },
    detailsHeading: '出错详情',
    technical: '以下技术细节由浏览器或数据检查给出，保留英文原文，供网站维护者排查。',
    http: (status, statusText) => `服务器返回 ${`${status} ${statusText}`.trim()}。`,
    tooLarge: (length, limit) => `文件长 ${length} 个字符，上限为 ${limit} 个字符。`,
    fileEnds: (length) => `文件长 ${length} 个字符，结尾为`,
    empty: '文件为空。',
    dataFile: '数据文件：',
    whatToDo: '您可以这样做',
    reload: '重新载入页面：下载中断可能只留下不完整的文件。',
    rebuild: '如果您是本网站的维护者：用 `npm run check` 和 `npm run build` 从数据重新构建，并部署整个 `dist/` 文件夹（切勿手工编辑 `atlas.json`）。',
  },
};

function details(p: StartProblem, w: Wording, lang: Lang): Detail[] {
  switch (p.kind) {
    case 'http':
      return [{ text: w.http(p.status, p.statusText), english: false }];
    case 'tooLarge':
      return [{ text: w.tooLarge(count(p.length, lang), count(p.limit, lang)), english: false }];
    case 'notJson':
      // The browser's JSON message is English; how long the file is and how it ends are ours.
      return [{ text: p.message, english: true }, p.length ? { text: w.fileEnds(count(p.length, lang)), english: false, code: p.tail } : { text: w.empty, english: false }];
    case 'network':
    case 'crash':
      return [{ text: p.message, english: true }];
    case 'shape':
      return p.problems.map((text) => ({ text, english: true }));
  }
}

export function errorScreenText(problem: StartProblem, lang: Lang): ErrorScreenText {
  const w = WORDING[lang];
  const shown = details(problem, w, lang);
  return {
    title: problem.kind === 'crash' ? w.titleCrash : w.titleLoad,
    summary: w.summary[problem.kind],
    detailsHeading: w.detailsHeading,
    ...(w.technical && shown.some((d) => d.english) ? { detailsNote: w.technical } : {}),
    details: shown,
    dataFile: w.dataFile,
    whatToDo: w.whatToDo,
    steps: [w.reload, w.rebuild],
  };
}

/** "a `b` c" → [{text: 'a '}, {text: 'b', code: true}, {text: ' c'}]: commands shown as code, with no markup in the words. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text.split('`').map((t, i) => ({ text: t, code: i % 2 === 1 })).filter((s) => s.text !== '');
}
