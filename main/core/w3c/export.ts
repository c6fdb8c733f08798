/**
 * The lossless, re-importable export: one document's highlights, or every document's, as an AnnotationCollection
 * with the annotations inline. Offsets are written in code points, as the W3C model counts them.
 */
import { toCodePointOffset } from '../anchoring';
import {
  ParleyError,
  type Annotation,
  type Notebook,
  type ParleyDocument,
  type Party,
} from '../../../shared/model';
import {
  ANNOTATION_URN_PREFIX,
  EXPORT_CONTEXT,
  PARTY_URN_PREFIX,
  documentUrn,
  type W3CAnnotation,
  type W3CDocument,
  type W3CLink,
  type W3CParty,
  type W3CTextualBody,
} from './types';

function toW3CAnnotation(nb: Notebook, doc: ParleyDocument, annotation: Annotation): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  for (const topicId of annotation.topicIds) {
    const topic = nb.topics.find((t) => t.id === topicId);
    if (topic) body.push({ type: 'TextualBody', purpose: 'tagging', value: topic.path });
  }
  if (annotation.note !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/markdown',
      value: annotation.note,
    });
  }
  const { start, end, exact, prefix, suffix } = annotation.target;
  // A highlight left beyond the end of its text (needs review) still exports; its quote says what it was.
  const limit = doc.text.length;
  const url = doc.url.trim();
  const party = annotation.partyId === null ? undefined : nb.parties.find((p) => p.id === annotation.partyId);
  return {
    '@context': EXPORT_CONTEXT,
    id: ANNOTATION_URN_PREFIX + annotation.id,
    type: 'Annotation',
    motivation: annotation.note !== '' ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    body,
    target: {
      source: documentUrn(doc.id),
      ...(url ? { scope: url } : {}),
      'parley:document': documentNode(doc),
      // A highlight on an earlier version counts its offsets into that version's text: its quote alone is given,
      // with the version it is on, so no position is read against the document's latest text.
      ...(annotation.version !== undefined
        ? {
            'parley:version': annotation.version,
            selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }] as [
              { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
            ],
          }
        : {
            selector: [
              {
                type: 'TextPositionSelector',
                start: toCodePointOffset(doc.text, Math.min(start, limit)),
                end: toCodePointOffset(doc.text, Math.min(end, limit)),
              },
              { type: 'TextQuoteSelector', exact, prefix, suffix },
            ] as [
              { type: 'TextPositionSelector'; start: number; end: number },
              { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
            ],
          }),
    },
    ...(party ? { 'parley:party': toW3CParty(party) } : {}),
    ...(annotation.stance !== null ? { 'parley:stance': annotation.stance } : {}),
    ...(annotation.links.length > 0
      ? {
          'parley:links': annotation.links.map((link): W3CLink => ({
            'parley:linkType': link.type,
            'parley:annotation': ANNOTATION_URN_PREFIX + link.annotationId,
          })),
        }
      : {}),
  };
}

/** The document's citation as the target carries it (see W3CDocument): only the fields it has. */
export function documentNode(doc: ParleyDocument): W3CDocument {
  const node: W3CDocument = { id: documentUrn(doc.id) };
  const title = doc.title.trim();
  if (title) node['dc:title'] = title;
  const authors = doc.authors.filter((a) => a.trim() !== '');
  if (authors.length > 0) node['dc:creator'] = [...authors];
  if (doc.published) node['dc:issued'] = doc.published;
  if (doc.source.trim()) node['dc:isPartOf'] = doc.source.trim();
  if (doc.citationKey) node['dc:identifier'] = doc.citationKey;
  if (doc.url.trim()) node['dc:source'] = doc.url.trim();
  if (doc.pages.trim()) node['parley:pages'] = doc.pages.trim();
  return node;
}

function toW3CParty(party: Party): W3CParty {
  return {
    id: PARTY_URN_PREFIX + party.id,
    type: 'parley:Party',
    'parley:name': party.name,
    'parley:short': party.short,
    'parley:colour': party.colour,
    'parley:aliases': [...party.aliases],
  };
}

/**
 * An AnnotationCollection of one document's highlights, or of every document's when no `documentId` is given; the
 * annotations are in its first page, inline (`first.items`).
 */
export function exportW3C(nb: Notebook, options: { documentId?: string; now: Date }): object {
  let docs = nb.documents;
  if (options.documentId !== undefined) {
    const doc = nb.documents.find((d) => d.id === options.documentId);
    if (!doc)
      throw new ParleyError(`There is no document ${options.documentId} in this notebook.`, 'not-found');
    docs = [doc];
  }
  const items: W3CAnnotation[] = [];
  for (const doc of docs) {
    const annotations = nb.annotations
      .filter((a) => a.documentId === doc.id)
      .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
    for (const annotation of annotations) items.push(toW3CAnnotation(nb, doc, annotation));
  }
  const single = options.documentId !== undefined ? docs[0] : undefined;
  const id = single ? `urn:parley:export:document:${single.id}` : 'urn:parley:export:notebook';
  return {
    '@context': EXPORT_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: single ? `Parley highlights: ${single.title}` : 'Parley highlights',
    total: items.length,
    generator: { id: 'urn:parley:app', type: 'Software', name: 'Parley' },
    generated: options.now.toISOString(),
    first: { id: `${id}:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
