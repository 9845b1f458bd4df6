/**
 * The URL hash is public contract: `#map=<zoom>/<lat>/<lng>` (MapLibre's hash
 * format) plus `&feature=<id>` and `&doc=<doc-id>`. Unknown parameters are kept
 * so links made by newer versions survive a round trip.
 */
export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
}

export interface UrlState {
  view?: MapView;
  feature?: string;
  doc?: string;
  /** Parameters this version does not know, in their original order. */
  extra: [string, string][];
}

export interface ParseNotice {
  param: string;
  value: string;
  /** What was refused, for the interface to word (src/lib/i18n/notices.ts). */
  notice: LinkNotice;
}

import { echo } from './echo.ts';
import type { LinkNotice } from './linkNotice.ts';

const MAX_ZOOM = 22;

function parseView(value: string): MapView | undefined {
  const parts = value.split('/');
  if (parts.length < 3) return undefined;
  const [zoom, lat, lng] = parts.slice(0, 3).map(Number);
  if (![zoom, lat, lng].every(Number.isFinite)) return undefined;
  if (zoom < 0 || zoom > MAX_ZOOM || lat < -90 || lat > 90 || lng < -180 || lng > 180) return undefined;
  return { zoom, lat, lng };
}

/** Parse a location hash ("#map=…&feature=…" or without "#"). Never throws. */
export function parseHash(hash: string): { state: UrlState; notices: ParseNotice[] } {
  const state: UrlState = { extra: [] };
  const notices: ParseNotice[] = [];
  const text = hash.replace(/^#/, '');
  if (!text) return { state, notices };
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let key = eq === -1 ? part : part.slice(0, eq);
    let value = eq === -1 ? '' : part.slice(eq + 1);
    try {
      key = decodeURIComponent(key);
      value = decodeURIComponent(value);
    } catch {
      notices.push({ param: echo(key), value: echo(value), notice: { kind: 'badParameter', part } });
      continue;
    }
    if (key === 'map') {
      const view = parseView(value);
      if (view) state.view = view;
      else notices.push({ param: key, value: echo(value), notice: { kind: 'badView', value } });
    } else if (key === 'feature') {
      if (value) state.feature = value;
    } else if (key === 'doc') {
      if (value) state.doc = value;
    } else {
      state.extra.push([key, value]);
    }
  }
  return { state, notices };
}

/** Decimal places for a coordinate at a zoom, as MapLibre's own hash does. */
export function coordinatePrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

function trimNumber(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

export function formatView(v: MapView): string {
  const p = coordinatePrecision(v.zoom);
  return `${trimNumber(v.zoom, 2)}/${trimNumber(v.lat, p)}/${trimNumber(v.lng, p)}`;
}

const encode = (s: string) => encodeURIComponent(s).replace(/%2F/g, '/');

/** Format state as a hash including the leading "#" (or "" when empty). */
export function formatHash(state: UrlState): string {
  const parts: string[] = [];
  if (state.view) parts.push(`map=${formatView(state.view)}`);
  if (state.feature) parts.push(`feature=${encode(state.feature)}`);
  if (state.doc) parts.push(`doc=${encode(state.doc)}`);
  // Unknown keys are encoded too: a key holding "=" or "&" must come back as the same key.
  for (const [k, v] of state.extra) parts.push(v === '' ? encode(k) : `${encode(k)}=${encode(v)}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
