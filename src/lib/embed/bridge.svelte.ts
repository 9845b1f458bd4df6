/**
 * The atlas side of the iframe API: obeys messages from allowed host origins
 * and announces selection and view changes to them. Call `useEmbedBridge`
 * during a component's initialisation: its effects and listener live as long
 * as the component.
 */
import { untrack } from 'svelte';
import type { AppState } from '../appState.svelte.ts';
import { filtersFromParams } from '../atlas/filters.ts';
import type { MapView } from '../atlas/urlState.ts';
import { echo } from '../atlas/echo.ts';
import { noticeText } from '../i18n/notices.ts';
import { announceTargets, filterParams, isAllowedOrigin, parseHostMessage, PROTOCOL_VERSION, requestEcho, type AtlasMessage, type AtlasStateMessage, type EmbedConfig } from './protocol.ts';

const roundView = (v: MapView): MapView => ({ zoom: +v.zoom.toFixed(3), lat: +v.lat.toFixed(5), lng: +v.lng.toFixed(5) });

export function useEmbedBridge(app: AppState, config: EmbedConfig, host: Window | null = window.parent !== window ? window.parent : null): void {
  if (!host) return;
  const targets = announceTargets(config.allowedOrigins);
  const post = (message: AtlasMessage, only?: string) => {
    for (const origin of only ? [only] : targets) host.postMessage(message, origin);
  };
  const state = (): AtlasStateMessage => ({ feature: app.selectedId, view: app.view ? roundView(app.view) : null, hash: app.toHash() });

  $effect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== host) return;
      const parsed = parseHostMessage(e.data);
      if (!parsed) return;
      if (!isAllowedOrigin(e.origin, config.allowedOrigins)) {
        console.warn(`Corridor Atlas: ignored a message from ${e.origin}, which is not in the embed's origin allow-list.`);
        return;
      }
      const reply = (m: AtlasMessage) => post(m, e.origin);
      if (!parsed.ok) return reply({ type: 'corridor-atlas:error', message: parsed.error, request: requestEcho(e.data) });
      const m = parsed.message;
      if (m.type === 'corridor-atlas:select') {
        if (m.feature !== null && !app.featuresById.has(m.feature)) return reply({ type: 'corridor-atlas:error', message: `No feature "${echo(m.feature)}" in this atlas.`, request: m.type });
        app.select(m.feature, { focus: m.focus });
      } else if (m.type === 'corridor-atlas:set-view') {
        app.view = m.view;
      } else if (m.type === 'corridor-atlas:set-filters') {
        const f = filtersFromParams(filterParams(m.filters), app.documentsById.keys());
        app.setFilters(f.filters);
        // The iframe API speaks English to the host page's code.
        if (f.notices.length) reply({ type: 'corridor-atlas:error', message: f.notices.map((n) => noticeText(n, 'en')).join(' '), request: m.type });
      } else {
        reply({ type: 'corridor-atlas:state', ...state() });
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  });

  // Announcements. The first run of each effect records the starting value; `ready` carries it.
  let announcedReady = false;
  $effect(() => {
    if (!app.view || announcedReady) return;
    announcedReady = true;
    untrack(() => post({ type: 'corridor-atlas:ready', version: PROTOCOL_VERSION, ...state() }));
  });
  let lastSelection: string | null | undefined;
  $effect(() => {
    const id = app.selectedId;
    if (lastSelection !== undefined && id !== lastSelection) post({ type: 'corridor-atlas:selection', feature: id });
    lastSelection = id;
  });
  let lastView = '';
  $effect(() => {
    const v = app.view;
    if (!v) return;
    const key = `${v.zoom.toFixed(3)}/${v.lat.toFixed(5)}/${v.lng.toFixed(5)}`;
    if (lastView && key !== lastView) post({ type: 'corridor-atlas:view', view: roundView(v) });
    lastView = key;
  });
}
