/** The version and build day, written in by Vite at build time (vite.config.ts `define`). */
export const APP_VERSION: string = __APP_VERSION__;
export const BUILD_DATE: string = __BUILD_DATE__;
/** The site address given at build time (ATLAS_SITE_URL), or "". */
export const SITE_URL: string = __ATLAS_SITE_URL__;
