/**
 * Vite plugin: a Content-Security-Policy for the production build. Injected as
 * a <meta http-equiv> (so any static host gets it) and sent as a header by
 * `vite preview`. No inline script and no eval: even if hostile text slipped
 * past Svelte's escaping into markup, the browser would not run it. Inline
 * styles are allowed because Svelte and MapLibre set element styles.
 * MapLibre 6 needs nothing more: its worker is a same-origin file (blob: is
 * allowed for browsers that wrap it) and it loads the basemap from the origin.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self' blob:",
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  'style-src': "'self' 'unsafe-inline'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

export function cspString(directives: Record<string, string> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

export function cspPlugin(): Plugin {
  const policy = cspString();
  return {
    name: 'corridor-atlas-csp',
    // Production only: the dev server needs inline scripts for hot reload.
    apply: (_config, env) => env.command === 'build' || !!env.isPreview,
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
