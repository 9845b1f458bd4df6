/** A save the tests of the editor share: a new document, and a new point feature citing it. */
import { GEOMETRY_BASES } from '../../../src/lib/atlas/types.ts';
import { ABSENT } from '../../../src/lib/editor/conflictToken.ts';

/** A point placed by the author by hand: "approximate" in the data model of issue 11 (schematic before it). */
export const HAND_PLACED = (GEOMETRY_BASES as readonly string[]).includes('approximate') ? 'approximate' : 'schematic';

export const newDocumentEdit = (id: string) => ({
  kind: 'put-document',
  token: ABSENT,
  front: { id, title: 'Two customs open a fast lane', date: '2024-03-15', publisher: 'Example News', parties: ['Wuhan Customs', 'Shanghai Customs'], language: 'en', summary: 'A fast lane.' },
  body: 'On March 15, Wuhan Customs and Shanghai Customs signed an agreement to open a fast lane for river-sea containers at Yangluo Port.',
});

/** A point at the Yangluo container terminals citing the document `documentId` made by newDocumentEdit. */
export const newPointFeature = (id: string, documentId: string) => ({
  type: 'Feature',
  id,
  properties: {
    name: 'Fast lane',
    kind: 'customs',
    mode: 'multimodal',
    description: 'A test.',
    geometry_basis: HAND_PLACED,
    citations: [{ document: documentId, quote: 'open a fast lane for river-sea containers' }],
    references: [{ title: 'Yangluo container terminals', note: 'Placed at the terminals by the author, not from a published coordinate.' }],
  },
  geometry: { type: 'Point', coordinates: [114.538, 30.636] },
});
