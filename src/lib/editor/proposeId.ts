/** A kebab-case id proposed from a title: ASCII words, short, not already taken. */

const MAX_WORDS = 8;
const MAX_LENGTH = 60;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'at', 'by']);

/** Kebab-case words of a title (accents dropped; CJK and other scripts left out). */
export function slugWords(title: string): string[] {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøßđæœ]/g, (c) => ({ ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe' })[c]!)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Propose an id for a new document: the title's meaningful words, then the
 * year when given, made unique against `taken` with -2, -3 …
 */
export function proposeId(title: string, taken: Iterable<string> = [], year?: string): string {
  const all = slugWords(title);
  let words = all.filter((w) => !SMALL_WORDS.has(w));
  if (!words.length) words = all;
  words = words.slice(0, MAX_WORDS);
  let base = words.join('-');
  while (base.length > MAX_LENGTH && words.length > 1) base = (words = words.slice(0, -1)).join('-');
  base = base.slice(0, MAX_LENGTH).replace(/-+$/, '');
  if (year && /^\d{4}$/.test(year) && !words.includes(year)) base = base ? `${base}-${year}` : year;
  if (!base) base = 'document';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
