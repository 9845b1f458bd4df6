/** Permalinks and iframe snippets for the current state. Pure. */
import { escapeXml } from './svg.ts';

export interface EmbedSize {
  id: string;
  label: string;
  /** CSS width: pixels, or a percentage. */
  width: number | '100%';
  height: number;
}

export const EMBED_SIZES: readonly EmbedSize[] = [
  { id: 'small', label: '480 × 320', width: 480, height: 320 },
  { id: 'medium', label: '640 × 420', width: 640, height: 420 },
  { id: 'large', label: '800 × 520', width: 800, height: 520 },
  { id: 'full', label: '100% × 480', width: '100%', height: 480 },
];

/** The app's address for a state: the page without query, plus the hash. */
export function permalink(pageHref: string, hash: string): string {
  const url = new URL(pageHref);
  url.search = '';
  url.hash = hash;
  return url.href;
}

/** The embed address: `?embed=1`, and `origin=` when a host origin should be allowed to use the iframe API. */
export function embedUrl(pageHref: string, hash: string, hostOrigin = ''): string {
  const url = new URL(pageHref);
  url.search = '';
  url.searchParams.set('embed', '1');
  if (hostOrigin.trim()) url.searchParams.set('origin', hostOrigin.trim());
  url.hash = hash;
  return url.href;
}

export function iframeSnippet(src: string, size: EmbedSize, title: string): string {
  const width = size.width === '100%' ? '100%' : String(size.width);
  return `<iframe src="${escapeXml(src)}" width="${width}" height="${size.height}" title="${escapeXml(title)}" style="border:0" loading="lazy"></iframe>`;
}
