/** A link a reader may follow: an absolute http(s) address, never `javascript:` or a path relative to the page. */
export const isWebUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v);
