/**
 * Vite plugin: a Content-Security-Policy for the production build. Injected as
 * a <meta http-equiv> (so any static host gets it) and sent as a header by
 * `vite preview`. No inline script but the page's own, named by hash, and no
 * eval: even if hostile text slipped past Svelte's escaping into markup, the
 * browser would not run it. Inline styles are allowed because Svelte and
 * MapLibre set element styles.
 * MapLibre 6 needs nothing more: its worker is a same-origin file (blob: is
 * allowed for browsers that wrap it) and it loads the basemap from the origin.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/**
 * The page's policy: CSP_DIRECTIVES, with the page's own inline scripts (the
 * first map's gate, scripts/first-map-plugin.ts) named by their hashes, so
 * that no other inline script runs.
 */
export function pagePolicy(html: string): string {
  const hashes = [...new Set(inlineScriptHashes(html))];
  return cspString(hashes.length ? { ...CSP_DIRECTIVES, 'script-src': `${CSP_DIRECTIVES['script-src']} ${hashes.join(' ')}` } : CSP_DIRECTIVES);
}

/** The policy a built page carries in its <meta http-equiv> (null when it has none), for servers to send as a header too. */
export function policyOfPage(html: string): string | null {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
  return m ? m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
}

export function cspPlugin(): Plugin {
  return {
    name: 'corridor-atlas-csp',
    // Production only: the dev server needs inline scripts for hot reload.
    apply: (_config, env) => env.command === 'build' || !!env.isPreview,
    transformIndexHtml: {
      order: 'post',
      handler: (html) => ({ html, tags: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: pagePolicy(html) }, injectTo: 'head-prepend' }] }),
    },
    configurePreviewServer(server) {
      // The same policy as the page's own <meta>, inline-script hashes included.
      const page = resolve(server.config.root, server.config.build.outDir, 'index.html');
      const policy = (existsSync(page) && policyOfPage(readFileSync(page, 'utf8'))) || cspString();
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}

/** Stands for the hashes of the single file's inline scripts until they exist (a hash no script has: nothing runs if it stays). */
export const INLINE_SCRIPT_HASHES = "'sha256-inline-scripts-not-hashed'";

/**
 * The single file's own policy: everything is inline, so the browser refuses
 * any request to a network (only data: and blob: URLs the page makes, and
 * file: frames for the share dialog's embed preview of the same file). Its
 * scripts run because each is named by its hash, not because any inline
 * script may: an injected one has no hash here.
 */
export const SINGLE_FILE_CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': INLINE_SCRIPT_HASHES,
  'worker-src': 'blob: data:',
  'style-src': "'unsafe-inline'",
  'img-src': 'data: blob:',
  'connect-src': 'data: blob:',
  'frame-src': 'file:',
  'base-uri': "'none'",
  'form-action': "'none'",
};

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** An attribute list that names an external script (`src=`, not `data-src=`). */
const EXTERNAL = /(?:^|\s)src\s*=/i;

/**
 * The CSP source of each inline script of `html` ("'sha256-…'"), in order:
 * the hash of its text as the browser reads it, which is after the HTML
 * parser has turned every CR LF and lone CR into LF.
 */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (EXTERNAL.test(m[1])) continue;
    out.push(`'sha256-${createHash('sha256').update(m[2].replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`);
  }
  return out;
}

/** `html` with the placeholder in its policy replaced by the hashes of its inline scripts. */
export function withScriptHashes(html: string): string {
  const hashes = [...new Set(inlineScriptHashes(html))];
  if (hashes.length === 0) throw new Error('the single file has no inline script to hash');
  if (!html.includes(INLINE_SCRIPT_HASHES)) throw new Error('the single file has no Content-Security-Policy to add the script hashes to');
  return html.replace(INLINE_SCRIPT_HASHES, hashes.join(' '));
}

/**
 * The single file's policy as a <meta http-equiv>: placed with a placeholder
 * when the page is written, and given the hash of every inline script once
 * vite-plugin-singlefile has inlined them (list this plugin after it).
 */
export function singleFileCspPlugin(): Plugin {
  return {
    name: 'corridor-atlas-single-file-csp',
    enforce: 'post',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${cspString(SINGLE_FILE_CSP_DIRECTIVES)}" />`;
        const rest = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
        return /<meta charset[^>]*>/i.test(rest) ? rest.replace(/(<meta charset[^>]*>)/i, `$1\n    ${meta}`) : rest.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          try {
            file.source = withScriptHashes(String(file.source));
          } catch (e) {
            this.error(`${file.fileName}: ${(e as Error).message}`);
          }
        }
      },
    },
  };
}
