/**
 * The shown features as an RFC 7946 FeatureCollection: each with its names,
 * kind, mode, certainty, lengths and the citations that support it (quote and
 * document title, date, publisher and address). Pure.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { ShownCitation, ShownFeature } from './shownData.ts';
import { featureLink } from './exportLinks.ts';

function citationProperties({ citation, document }: ShownCitation) {
  return {
    quote: citation.quote,
    support: citation.support ?? 'explicit',
    ...(citation.reasoning ? { reasoning: citation.reasoning } : {}),
    document: {
      id: document.id,
      title: document.title,
      date: document.date,
      publisher: document.publisher,
      ...(document.url ? { url: document.url } : {}),
    },
  };
}

export function shownGeoJSON(shown: readonly ShownFeature[], pageHref: string): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: shown.map(({ feature, citations }): Feature => {
      const p = feature.properties;
      return {
        type: 'Feature',
        id: feature.id,
        geometry: feature.geometry,
        properties: {
          id: feature.id,
          name: p.name,
          ...(p.name_zh ? { name_zh: p.name_zh } : {}),
          kind: p.kind,
          mode: p.mode,
          ...(p.zone_type ? { zone_type: p.zone_type } : {}),
          ...(p.legs ? { legs: p.legs } : {}),
          certainty: p.geometry_basis,
          ...(p.length_km !== undefined ? { drawn_length_km: p.length_km } : {}),
          ...(p.legs && p.leg_lengths_km ? { drawn_leg_lengths_km: p.leg_lengths_km } : {}),
          ...(p.published_length ? { published_length: p.published_length } : {}),
          ...(p.area_km2 !== undefined ? { drawn_area_km2: p.area_km2 } : {}),
          ...(p.published_area ? { published_area: p.published_area } : {}),
          description: p.description,
          link: featureLink(pageHref, feature.id),
          citations: citations.map(citationProperties),
        },
      };
    }),
  };
}
