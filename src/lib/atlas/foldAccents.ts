/**
 * Search text without accents or diacritics, lower-cased: "Łódź" and "Lodz"
 * both become "lodz". Unicode decomposition strips most marks; letters that do
 * not decompose (ł, ø, đ, ß …) are mapped by hand. Chinese is unchanged.
 */
const LETTERS: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ŀ: 'l',
};

/** One character (a code point) folded; may be longer than one character ("ß" → "ss"). */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  return LETTERS[lower] ?? lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

export function foldAccents(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += foldChar(ch);
  return out;
}

/** Where `folded` (a folded term) first occurs in `text`, as an index into `text`; -1 when it does not. */
export function indexOfFolded(text: string, folded: string): number {
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    out += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  const at = out.indexOf(folded);
  return at < 0 ? -1 : origin[at];
}
