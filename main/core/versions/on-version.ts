/**
 * The text a highlight points into. Most point into their document's latest text; one kept on an earlier version,
 * or waiting in the review of a newer one (Annotation.version), points into that version's text, and is read,
 * placed and cited there, never against the latest text.
 */
import {
  placeLabel,
  type Annotation,
  type Block,
  type Notebook,
  type ParleyDocument,
} from '../../../shared/model';

/** A version's text and layout: the document's own record for its latest, a Notebook.versions entry otherwise. */
export interface VersionBody {
  documentId: string;
  n: number;
  latest: boolean;
  title: string;
  importedAt: string;
  text: string;
  blocks: Block[];
  pageStarts?: number[];
}

/** Whether the highlight points into its document's latest text. */
export function onLatest(annotation: Pick<Annotation, 'version'>): boolean {
  return annotation.version === undefined;
}

/** Version `n` of the document, or undefined when it has none by that number. */
export function versionBody(nb: Notebook, doc: ParleyDocument, n: number): VersionBody | undefined {
  if (n === doc.version) {
    return {
      documentId: doc.id,
      n,
      latest: true,
      title: doc.title,
      importedAt: doc.importedAt,
      text: doc.text,
      blocks: doc.blocks,
      ...(doc.pageStarts ? { pageStarts: doc.pageStarts } : {}),
    };
  }
  const version = nb.versions.find((v) => v.documentId === doc.id && v.n === n);
  if (!version) return undefined;
  return {
    documentId: doc.id,
    n,
    latest: false,
    title: version.title,
    importedAt: version.importedAt,
    text: version.text,
    blocks: version.blocks,
    ...(version.pageStarts ? { pageStarts: version.pageStarts } : {}),
  };
}

/**
 * The text and layout the highlight's target points into: its document's latest, or the earlier version it is on.
 * Undefined when its document (or that version) is not in the notebook.
 */
export function textOf(nb: Notebook, annotation: Annotation, doc?: ParleyDocument): VersionBody | undefined {
  const document = doc ?? nb.documents.find((d) => d.id === annotation.documentId);
  if (!document) return undefined;
  return versionBody(nb, document, annotation.version ?? document.version);
}

/** ", version 1" for a highlight on an earlier version, to follow its place (`¶4, version 1`); empty otherwise. */
export function versionSuffix(annotation: Pick<Annotation, 'version'>): string {
  return annotation.version === undefined ? '' : `, version ${annotation.version}`;
}

/**
 * The layout (blocks and pages) a highlight's offsets are read against: its document's own for one on the latest
 * text, else that of the version it is on.
 */
export function layoutOf(
  nb: Pick<Notebook, 'versions'>,
  annotation: Pick<Annotation, 'version'>,
  doc: ParleyDocument,
): Pick<ParleyDocument, 'blocks' | 'pageStarts'> {
  if (annotation.version === undefined || annotation.version === doc.version) return doc;
  return nb.versions.find((v) => v.documentId === doc.id && v.n === annotation.version) ?? doc;
}

/** Where a highlight is, as exports cite it: `¶4` or `p. 4`, and `¶4, version 1` on an earlier version. */
export function placeOf(
  nb: Pick<Notebook, 'versions'>,
  annotation: Pick<Annotation, 'version' | 'target'>,
  doc: ParleyDocument,
): string {
  const { start, end } = annotation.target;
  return `${placeLabel(layoutOf(nb, annotation, doc), start, end)}${versionSuffix(annotation)}`;
}
