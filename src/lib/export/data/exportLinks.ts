/** Addresses in downloaded data: a feature or a document in this atlas, from the page's own address. Pure. */
import { permalink } from '../embedSnippet.ts';
import { formatHash } from '../../atlas/urlState.ts';

export function featureLink(pageHref: string, featureId: string): string {
  return permalink(pageHref, formatHash({ feature: featureId, extra: [] }));
}

export function documentLink(pageHref: string, documentId: string): string {
  return permalink(pageHref, formatHash({ doc: documentId, extra: [] }));
}
