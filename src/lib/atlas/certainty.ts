/**
 * How sure a feature is, as one of the phrases readers see (in the panel, the
 * legend and figures): the geometry basis, told apart for points, paths and
 * outlines. Pure.
 */
import type { AtlasFeature, Citation, GeometryBasis } from './types.ts';
import { isWebUrl } from './webUrl.ts';

export type CertaintyKey =
  | 'surveyedPoint'
  | 'surveyedPath'
  | 'surveyedArea'
  | 'approximatePoint'
  | 'approximatePath'
  | 'approximateArea'
  | 'schematicLine'
  | 'schematicArea';

export function certaintyKey(basis: GeometryBasis, geometryType: string): CertaintyKey {
  const area = geometryType.includes('Polygon');
  const point = geometryType.includes('Point');
  if (basis === 'surveyed') return point ? 'surveyedPoint' : area ? 'surveyedArea' : 'surveyedPath';
  if (basis === 'approximate') return point ? 'approximatePoint' : area ? 'approximateArea' : 'approximatePath';
  return area ? 'schematicArea' : 'schematicLine';
}

export function featureCertainty(f: Pick<AtlasFeature, 'geometry' | 'properties'>): CertaintyKey {
  return certaintyKey(f.properties.geometry_basis, f.geometry.type);
}

export const isInferred = (c: Pick<Citation, 'support'>) => c.support === 'inferred';

/** A link a reader may follow: only http(s), never `javascript:` or a relative path from data. */
export function readerLink(url: string | undefined): string | undefined {
  return isWebUrl(url) ? url : undefined;
}
