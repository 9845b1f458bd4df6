import { SITE_URL } from '../about/buildInfo.ts';
import { shareBase } from './shareAddress.ts';

/** This page's address to share, or null when it has none (a file opened from disk, built without ATLAS_SITE_URL). */
export const pageShareBase = (): string | null => shareBase(location.href, SITE_URL);
