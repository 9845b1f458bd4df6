/**
 * The shown citations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * one annotation per citation, its target the document's passage (a
 * TextQuoteSelector: the quote with the text just before and after it), its
 * body the feature the passage supports. Annotation tools can read them. Pure.
 */
import type { ShownFeature } from './shownData.ts';
import { documentLink, featureLink } from './exportLinks.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  body: { id: string; type: 'Dataset'; format: 'text/html'; label: string }[];
  target: { source: string; selector: TextQuoteSelector };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** Stable identifiers: the same citation gets the same IRI in every download. */
const urn = (...parts: (string | number)[]) => `urn:corridor-atlas:${parts.map(encodeURIComponent).join(':')}`;

export function shownAnnotations(shown: readonly ShownFeature[], pageHref: string, collectionId: string, label: string): AnnotationCollection {
  const items = shown.flatMap(({ feature, citations }) =>
    citations.map(({ citation, document }): WebAnnotation => {
      const { exact, prefix, suffix } = citation.selector;
      return {
        id: urn('annotation', feature.id, document.id, citation.selector.start),
        type: 'Annotation',
        motivation: 'linking',
        body: [{ id: featureLink(pageHref, feature.id), type: 'Dataset', format: 'text/html', label: feature.properties.name }],
        target: {
          // The published text when it has an address; else the document as this atlas shows it.
          source: document.url ?? documentLink(pageHref, document.id),
          selector: { type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        },
      };
    }),
  );
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: urn('annotation-page', collectionId), type: 'AnnotationPage', startIndex: 0, items },
  };
}
