/**
 * A page's canonical address, for telling that a page imported now is one already in the notebook: the same page
 * is often saved with its address written another way (an upper-case host, a trailing slash, a fragment, a
 * campaign's utm_ parameters, http for https, a leading www.).
 */
import type { Notebook } from '../../../shared/model';

/** Query parameters that say how a reader came to a page, not which page it is. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid)$/i;

/** The address as compared: host without `www.`, path without a trailing slash, query without tracking; null for
 *  none. An address that is not a web address is compared as written, trimmed. */
export function canonicalAddress(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return trimmed;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  const params = [...parsed.searchParams].filter(([key]) => !TRACKING.test(key));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${host}${port}${path}${query}`;
}

/**
 * Of the documents `addedIds`, those whose address is that of a document already in the notebook (not one of them),
 * each with the earliest such document.
 */
export function sameAddress(
  nb: Notebook,
  addedIds: readonly string[],
): Array<{ documentId: string; of: string; title: string }> {
  const added = new Set(addedIds);
  const earlier = new Map<string, { id: string; title: string }>();
  for (const doc of nb.documents) {
    if (added.has(doc.id)) continue;
    const address = canonicalAddress(doc.url);
    if (address !== null && !earlier.has(address)) earlier.set(address, { id: doc.id, title: doc.title });
  }
  const found: Array<{ documentId: string; of: string; title: string }> = [];
  if (earlier.size === 0) return found;
  for (const id of addedIds) {
    const doc = nb.documents.find((d) => d.id === id);
    const address = doc ? canonicalAddress(doc.url) : null;
    const of = address === null ? undefined : earlier.get(address);
    if (doc && of) found.push({ documentId: doc.id, of: of.id, title: of.title });
  }
  return found;
}
