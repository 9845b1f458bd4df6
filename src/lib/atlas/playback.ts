/**
 * Timeline playback: the agreements one by one in date order. Step i shows
 * the features of every agreement up to and including the i-th, so the map
 * builds up as the reader watches. Pure.
 */
import { dateSpan, type DateRange } from './filters.ts';
import type { AtlasDocument } from './types.ts';

export interface PlaybackStep {
  /** The agreement this step adds. */
  doc: AtlasDocument;
  /** The date range the map shows at this step. */
  range: DateRange;
}

export function playbackSteps(docs: readonly AtlasDocument[]): PlaybackStep[] {
  const sorted = [...docs].sort((a, b) => dateSpan(a.date).to.localeCompare(dateSpan(b.date).to) || a.id.localeCompare(b.id));
  if (!sorted.length) return [];
  const from = sorted.map((d) => dateSpan(d.date).from).reduce((a, b) => (a < b ? a : b));
  return sorted.map((doc) => ({ doc, range: { from, to: dateSpan(doc.date).to } }));
}

/** Time each step stays on screen, in milliseconds. */
export const STEP_MS = 1800;
