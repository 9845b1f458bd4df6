/**
 * Where shared links point. A page served over http(s) shares its own
 * address. A file opened from disk (the single file) has no web address: it
 * shares the site address it was built with (`ATLAS_SITE_URL`), else none —
 * never a file:/// path that exists only on one machine. Pure.
 */

/** The address to build permalinks, embeds and citations on, or null when there is none to share. */
export function shareBase(pageHref: string, siteUrl: string): string | null {
  const page = new URL(pageHref);
  if (page.protocol === 'http:' || page.protocol === 'https:') return page.href;
  return siteUrl || null;
}

/** `ATLAS_SITE_URL` as the build takes it: unset or empty is none; anything else must be an http(s) address. */
export function parseSiteUrl(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (!text) return '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ATLAS_SITE_URL is not an address: "${text}". Give the atlas's web address, e.g. https://atlas.example/corridors/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ATLAS_SITE_URL must be an http(s) address, not "${text}"`);
  url.search = '';
  url.hash = '';
  return url.href;
}
