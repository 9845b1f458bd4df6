/**
 * Effects that tie the app state to the browser: the URL hash and the page
 * language follow the state, and focus goes back where it was when a panel
 * closes. Call from a component's initialisation (they use $effect).
 */
import { onMount, tick } from 'svelte';
import type { AppState } from './appState.svelte.ts';

/**
 * State → URL (replaceState keeps panning out of the history); hashchange handles hand edits and back/forward.
 * Takes a getter, as components pass their (reactive) props.
 */
export function syncUrl(getApp: () => AppState): void {
  const app = $derived(getApp());
  $effect(() => {
    const hash = app.toHash();
    if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
  });
  $effect(() => {
    document.documentElement.lang = app.lang === 'zh' ? 'zh-Hans' : 'en';
  });
  onMount(() => {
    // Read the hash the reader navigated to from the event: by the time the event is handled,
    // a pending state → URL write (the map settling after a resize) may already have replaced location.hash.
    const onHash = (e: HashChangeEvent) => app.applyHash(new URL(e.newURL).hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  });
}

const inPanel = (el: Element | null) => !!el?.closest('aside[aria-label], section[aria-label="Document"], [role="dialog"]');

/** When the last panel closes, focus returns to what had it before (or the map). */
export function returnFocusOnClose(getApp: () => AppState): void {
  const app = $derived(getApp());
  let returnTo: HTMLElement | null = null;
  onMount(() => {
    const onFocusIn = (e: FocusEvent) => {
      if (!inPanel(e.target as Element)) returnTo = e.target as HTMLElement;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  });
  let hadPanel = false;
  $effect(() => {
    const open = !!app.selectedId || !!app.docId;
    if (hadPanel && !open && !inPanel(document.activeElement)) {
      tick().then(() => (returnTo?.isConnected ? returnTo : document.querySelector<HTMLElement>('.maplibregl-canvas'))?.focus());
    }
    hadPanel = open;
  });
}

/** True while the viewport matches `query`. */
export function mediaQuery(query: string): { readonly matches: boolean } {
  let matches = $state(false);
  onMount(() => {
    const media = window.matchMedia(query);
    const update = () => (matches = media.matches);
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  });
  return {
    get matches() {
      return matches;
    },
  };
}
