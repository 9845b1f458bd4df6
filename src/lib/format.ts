/** Formatting helpers for what the panels show. Pure. */
import type { AtlasDocument } from './atlas/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 November 2024", "May 2022" or "2016", following the date's own precision. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y;
}

export function formatKm(km: number): string {
  return `${Math.round(km).toLocaleString('en-US')} km`;
}

export function documentCitationLine(doc: AtlasDocument): string {
  return `${doc.publisher}, ${formatDate(doc.date)}`;
}
