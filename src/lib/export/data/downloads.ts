/**
 * The three downloads of what is shown, as files: the builders are loaded on
 * demand by the Share dialog (this module and what it imports are not part of
 * the first load).
 */
import type { Filters } from '../../atlas/filters.ts';
import type { Atlas } from '../../atlas/types.ts';
import { shownCsv } from './csv.ts';
import { shownGeoJSON } from './geojson.ts';
import { shownData } from './shownData.ts';
import { shownAnnotations } from './webAnnotation.ts';

export const DATA_DOWNLOADS = ['geojson', 'csv', 'web-annotation'] as const;
export type DataDownload = (typeof DATA_DOWNLOADS)[number];

export interface DataFile {
  text: string;
  type: string;
  extension: string;
}

/** `permalink` is the address of the view being downloaded; it names the annotation collection. */
export function dataFile(kind: DataDownload, atlas: Atlas, filters: Filters, pageHref: string, permalink: string, label: string): DataFile {
  const shown = shownData(atlas, filters);
  if (kind === 'geojson') return { text: JSON.stringify(shownGeoJSON(shown, pageHref), null, 1), type: 'application/geo+json', extension: 'geojson' };
  if (kind === 'csv') return { text: shownCsv(shown, pageHref), type: 'text/csv;charset=utf-8', extension: 'csv' };
  return { text: JSON.stringify(shownAnnotations(shown, pageHref, permalink, label), null, 1), type: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"', extension: 'jsonld' };
}
