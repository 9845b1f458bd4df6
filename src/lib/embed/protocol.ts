/**
 * The iframe API: messages a host page and an embedded atlas exchange with
 * `postMessage`. Pure: validates what arrives and decides whose messages to
 * trust. Documented in docs/iframe-api.md.
 *
 * Every message is a plain object whose `type` starts with "corridor-atlas:".
 * Host → atlas: select, set-view, set-filters, get-state.
 * Atlas → host: ready, state, selection, view, error.
 */
import { formatHash, parseHash, type MapView } from '../atlas/urlState.ts';
import { checkDate } from '../atlas/dates.ts';
import { echo } from '../atlas/echo.ts';

export const PREFIX = 'corridor-atlas:';
export const PROTOCOL_VERSION = 1;

/** Filters as the host sends them: lists of values, or null/absent for "all". Dates are YYYY, YYYY-MM or YYYY-MM-DD. */
export interface FilterMessage {
  modes?: string[] | null;
  kinds?: string[] | null;
  docs?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export type HostMessage =
  | { type: 'corridor-atlas:select'; feature: string | null; focus?: boolean }
  | { type: 'corridor-atlas:set-view'; view: MapView }
  | { type: 'corridor-atlas:set-filters'; filters: FilterMessage }
  | { type: 'corridor-atlas:get-state' };

export interface AtlasStateMessage {
  feature: string | null;
  view: MapView | null;
  /** The atlas's own URL hash: view, selection, filters, language. */
  hash: string;
}

export type AtlasMessage =
  | ({ type: 'corridor-atlas:ready'; version: number } & AtlasStateMessage)
  | ({ type: 'corridor-atlas:state' } & AtlasStateMessage)
  | { type: 'corridor-atlas:selection'; feature: string | null }
  | { type: 'corridor-atlas:view'; view: MapView }
  | { type: 'corridor-atlas:error'; message: string; request?: string };

export type ParseResult = { ok: true; message: HostMessage } | { ok: false; error: string } | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function parseView(v: unknown): MapView | string {
  if (!isObject(v)) return 'view must be an object {zoom, lat, lng}';
  const { zoom, lat, lng } = v;
  if (!isFiniteNumber(zoom) || !isFiniteNumber(lat) || !isFiniteNumber(lng)) return 'view needs numbers zoom, lat and lng';
  if (zoom < 0 || zoom > 22 || lat < -85.06 || lat > 85.06 || lng < -180 || lng > 180) return 'view is out of range (zoom 0–22, lat ±85, lng ±180)';
  return { zoom, lat, lng };
}

function parseFilters(v: unknown): FilterMessage | string {
  if (!isObject(v)) return 'filters must be an object';
  const out: FilterMessage = {};
  for (const key of ['modes', 'kinds', 'docs'] as const) {
    const list = v[key];
    if (list === undefined || list === null) {
      if (list === null) out[key] = null;
      continue;
    }
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && ID.test(x))) return `filters.${key} must be a list of ids`;
    out[key] = [...list] as string[];
  }
  for (const key of ['from', 'to'] as const) {
    const d = v[key];
    if (d === undefined || d === null) {
      if (d === null) out[key] = null;
      continue;
    }
    if (typeof d !== 'string' || !DATE.test(d)) return `filters.${key} must be YYYY, YYYY-MM or YYYY-MM-DD`;
    const real = checkDate(d);
    if ('error' in real) return `filters.${key} "${d}" is not a real date (${real.error})`;
    out[key] = d;
  }
  return out;
}

/**
 * Validate a message from a host. Null when it is not addressed to the atlas
 * at all (other libraries post messages too); an error for a malformed one.
 */
export function parseHostMessage(data: unknown): ParseResult {
  if (!isObject(data) || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return null;
  switch (data.type) {
    case 'corridor-atlas:select': {
      const f = data.feature;
      if (f !== null && (typeof f !== 'string' || !ID.test(f))) return { ok: false, error: 'feature must be a feature id or null' };
      if (data.focus !== undefined && typeof data.focus !== 'boolean') return { ok: false, error: 'focus must be true or false' };
      return { ok: true, message: { type: data.type, feature: f, focus: data.focus !== false } };
    }
    case 'corridor-atlas:set-view': {
      const view = parseView(data.view);
      return typeof view === 'string' ? { ok: false, error: view } : { ok: true, message: { type: data.type, view } };
    }
    case 'corridor-atlas:set-filters': {
      const filters = parseFilters(data.filters);
      return typeof filters === 'string' ? { ok: false, error: filters } : { ok: true, message: { type: data.type, filters } };
    }
    case 'corridor-atlas:get-state':
      return { ok: true, message: { type: data.type } };
    default:
      return { ok: false, error: `unknown message type "${echo(data.type)}"` };
  }
}

/** Filters from a message as URL parameters (the same codec the hash uses). */
export function filterParams(f: FilterMessage): Map<string, string> {
  const params = new Map<string, string>();
  if (f.modes) params.set('modes', f.modes.join(','));
  if (f.kinds) params.set('kinds', f.kinds.join(','));
  if (f.docs) params.set('docs', f.docs.join(','));
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return params;
}

export interface EmbedConfig {
  /** `?embed=1`: the compact embed layout. */
  embed: boolean;
  /** Origins whose messages the atlas obeys and to which it announces; "*" = any. */
  allowedOrigins: string[];
  /** Problems with the parameters, for the console. */
  notices: string[];
}

/**
 * Read `?embed=1&origin=https://a.example,https://b.example` (origin may
 * repeat). Each origin is normalised to scheme://host[:port]; paths are
 * dropped, anything unparsable is reported. "*" must be given explicitly.
 */
export function parseEmbedConfig(search: string): EmbedConfig {
  const params = new URLSearchParams(search);
  const embed = ['1', 'true', ''].includes(params.get('embed') ?? 'no');
  const notices: string[] = [];
  const allowedOrigins: string[] = [];
  for (const value of params.getAll('origin').flatMap((v) => v.split(','))) {
    const raw = value.trim();
    if (!raw) continue;
    if (raw === '*') {
      allowedOrigins.push('*');
      continue;
    }
    try {
      const url = new URL(raw);
      if (url.origin === 'null' || !/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
      if (!allowedOrigins.includes(url.origin)) allowedOrigins.push(url.origin);
    } catch {
      notices.push(`Ignored origin "${raw}": expected https://host[:port] or *.`);
    }
  }
  return { embed, allowedOrigins, notices };
}

/** Whether a message from `origin` may drive the atlas. Opaque origins ("null": file://, sandboxed frames) never may. */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  return allowed.includes('*') || allowed.includes(origin);
}

/** Where announcements go: each allowed origin (postMessage delivers only to a match), or "*" when any is allowed. */
export function announceTargets(allowed: readonly string[]): string[] {
  return allowed.includes('*') ? ['*'] : [...allowed];
}

/** The full app's URL for the same state: drop the embed parameters, keep the rest and the hash. */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('origin');
  return url.href;
}

/** The full app at the same state with one document open, scrolled to the selection's passage in it. */
export function documentInAppUrl(appHref: string, documentId: string): string {
  const url = new URL(appHref);
  url.hash = formatHash({ ...parseHash(url.hash).state, doc: documentId });
  return url.href;
}

/** The `request` field of an error reply: the type that was sent, capped (a host may send anything). */
export function requestEcho(data: unknown): string {
  return echo(String(isObject(data) ? data.type : data));
}
