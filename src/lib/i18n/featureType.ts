/**
 * What a feature is, in a few words, for panel headings: its kind and mode
 * ("Port · River"); a zone says what it is instead of its mode ("Zone · Pilot
 * free trade zone"): a zone is not carried by rail or river. Pure.
 */
import type { FeatureProperties } from '../atlas/types.ts';
import { KIND_NAMES, MODE_NAMES, ZONE_TYPE_NAMES, type Lang } from './messages.ts';

export function featureTypeLine(p: Pick<FeatureProperties, 'kind' | 'mode' | 'zone_type'>, lang: Lang): string {
  const kind = KIND_NAMES[lang][p.kind];
  if (p.kind === 'zone') return p.zone_type ? `${kind} · ${ZONE_TYPE_NAMES[lang][p.zone_type]}` : kind;
  return `${kind} · ${MODE_NAMES[lang][p.mode]}`;
}
