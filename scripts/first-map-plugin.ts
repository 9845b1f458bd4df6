/**
 * Vite plugin (normal build only): the first map, drawn into index.html. The
 * app's own components render the page a reader with an empty link sees
 * (src/firstMapRender.ts, through Svelte's server renderer), so the map is
 * on screen when the HTML is parsed, before any script has loaded; the app
 * starts under it and replaces it (src/main.ts). The rules — which view,
 * which windows, the gate that decides before the page paints — are in
 * src/lib/view/firstMap.ts.
 *
 * The single file (`--mode single`) has no drawn first map: everything in it
 * is inline already, and it is opened from disk, where its parse is the load.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { FeatureCollection } from 'geojson';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import type { Atlas } from '../src/lib/atlas/types.ts';
import type { renderFirstMap } from '../src/firstMapRender.ts';
import { LANG_STORAGE_KEY } from '../src/lib/i18n/langChoice.ts';
import { FIRST_MAP_ID, firstMapStyle, gateScript, paintedScript, REFERENCE_WINDOW, viewAttribute, type WindowRange } from '../src/lib/view/firstMap.ts';
import type { MapView } from '../src/lib/atlas/urlState.ts';
import { ATLAS_PLUGIN_NAME, type AtlasPluginApi } from './atlas-plugin.ts';

/**
 * What a browser at the reference size with an empty link would offer the
 * components while they are created (they read the window's size, media
 * queries and the page's address); set only for the render, then removed.
 */
function withBrowserGlobals<T>(run: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, location: g.location };
  // A page with no address of its own (as if opened from disk): links to share come from ATLAS_SITE_URL or are left out.
  const location = { hash: '', search: '', href: 'file:///index.html', protocol: 'file:', origin: 'null', pathname: '/index.html' };
  g.location = location;
  g.window = {
    innerWidth: REFERENCE_WINDOW.width,
    innerHeight: REFERENCE_WINDOW.height,
    location,
    matchMedia: () => ({ matches: false, addEventListener() {}, removeEventListener() {} }),
  };
  try {
    return run();
  } finally {
    g.window = saved.window;
    g.location = saved.location;
  }
}

/** The page body for an empty link, rendered by the app's components in a Vite server of their own. */
async function renderPage(config: ResolvedConfig, atlas: Atlas, basemap: Record<string, FeatureCollection>): Promise<ReturnType<typeof renderFirstMap>> {
  const server = await createServer({
    configFile: false,
    root: config.root,
    // Compiled as for the built page, whatever process runs the build (a test runner sets NODE_ENV=test).
    mode: 'production',
    define: config.define,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [
      svelte({ compilerOptions: { dev: false } }),
      {
        name: 'corridor-atlas-first-map-virtuals',
        // No editor in a built page; the basemap comes in the seed, so its URLs are never used.
        resolveId: (id) => (id === 'virtual:atlas-editor' || id === 'virtual:basemap' ? '\0' + id : undefined),
        load: (id) => (id === '\0virtual:atlas-editor' ? 'export default null;' : id === '\0virtual:basemap' ? 'export default {};' : undefined),
      },
    ],
  });
  try {
    const mod = (await server.ssrLoadModule('/src/firstMapRender.ts')) as typeof import('../src/firstMapRender.ts');
    return withBrowserGlobals(() => mod.renderFirstMap(atlas, basemap));
  } finally {
    await server.close();
  }
}

/** The drawn page's element ids, renamed: the live app under it has the same ids, and an id names one element. */
const withoutIds = (body: string) => body.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\sid="/g, ' data-id="'));

/** `html` with the drawn first map after #app, and its gate and style in <head>. */
export function withFirstMap(html: string, rendered: string, view: MapView, range: WindowRange): string {
  if (!/<div id="app"><\/div>/.test(html)) throw new Error('index.html has no empty <div id="app"></div> to draw the first map after');
  const body = withoutIds(rendered);
  const head = `    <style>${firstMapStyle()}</style>\n    <script>${gateScript(LANG_STORAGE_KEY, range)}</script>\n  </head>`;
  const drawn = `<div id="${FIRST_MAP_ID}" inert aria-hidden="true" data-view="${viewAttribute(view)}">${body}</div>\n    <script>${paintedScript()}</script>`;
  return html.replace(/<\/head>/i, head).replace(/<div id="app"><\/div>/, () => `<div id="app"></div>\n    ${drawn}`);
}

export function firstMapPlugin(options: { single: boolean }): Plugin {
  let config: ResolvedConfig;
  let atlasApi: AtlasPluginApi | undefined;
  return {
    name: 'corridor-atlas-first-map',
    apply: 'build',
    configResolved(c) {
      config = c;
      atlasApi = c.plugins.find((p) => p.name === ATLAS_PLUGIN_NAME)?.api as AtlasPluginApi | undefined;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (options.single) return html;
        const json = atlasApi?.atlasJson();
        if (!json || !atlasApi) throw new Error('the first map needs the compiled atlas (the atlas plugin must come before this one)');
        const basemap = Object.fromEntries(Object.entries(atlasApi.basemapFiles()).map(([name, text]) => [name.replace(/\.json$/, ''), JSON.parse(text) as FeatureCollection]));
        const { html: body, view, range } = await renderPage(config, JSON.parse(json) as Atlas, basemap);
        return withFirstMap(html, body, view, range);
      },
    },
  };
}
