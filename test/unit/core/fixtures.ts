// Builders shared by the core unit tests: documents made from paragraphs, the sample article, a notebook holding
// one document, and the check that a refused call throws the right error and leaves the notebook as it was.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ParleyError,
  emptyNotebook,
  type Annotation,
  type Notebook,
  type ParleyDocument,
  type TextTarget,
} from '../../../shared/model';

export interface MakeDocumentOptions {
  /** Make the first paragraph a 'heading' block instead of a 'paragraph' one. */
  firstIsHeading?: boolean;
}

/**
 * A valid document whose text is the paragraphs joined by blank lines, one block per paragraph. The title is the
 * first paragraph unless `meta` sets one.
 */
export function makeDocument(
  id: string,
  paragraphs: string[],
  meta: Partial<ParleyDocument> = {},
  options: MakeDocumentOptions = {},
): ParleyDocument {
  let text = '';
  const blocks: ParleyDocument['blocks'] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) text += '\n\n';
    const kind = i === 0 && options.firstIsHeading ? 'heading' : 'paragraph';
    blocks.push({ kind, start: text.length, end: text.length + p.length });
    text += p;
  });
  return {
    id,
    title: paragraphs[0] ?? '',
    source: '',
    published: '',
    url: '',
    importedAt: '2026-11-01T00:00:00.000Z',
    format: 'text',
    text,
    blocks,
    contentHash: '',
    note: '',
    byline: '',
    marks: [],
    openedAt: '',
    authors: [],
    pages: '',
    citationKey: '',
    version: 1,
    ...meta,
  };
}

/** The bundled sample article as a document, one paragraph per non-empty line after its header. */
export function sampleDocument(options: MakeDocumentOptions = {}): ParleyDocument {
  const lines = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8')
    .split('\n')
    .slice(3)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return makeDocument('doc-sample', lines, { source: 'RT', published: '2009-11-02' }, options);
}

/** A notebook holding one document, its annotations and a topic for each path. */
export function notebookWith(
  doc: ParleyDocument,
  annotations: Annotation[],
  topicPaths: string[] = [],
): Notebook {
  const nb = emptyNotebook();
  nb.documents.push(doc);
  nb.topics.push(...topicPaths.map((path, i) => ({ id: `t${i}`, path, colour: '#888', description: '' })));
  nb.annotations.push(...annotations);
  return nb;
}

/** The call throws a ParleyError with this code (and message, if given) and leaves the notebook unchanged. */
export function assertRefused(nb: Notebook, call: () => unknown, code: string, message?: RegExp): void {
  const before = structuredClone(nb);
  assert.throws(call, (error: unknown) => {
    assert.ok(error instanceof ParleyError, `a ParleyError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  });
  assert.deepEqual(nb, before);
}

/**
 * A highlight 'a1' on this target with no topic, party, stance, note or links yet, made and last changed at
 * 2026-11-30T00:00Z; `extra` overrides any other field.
 */
export function annotationOn(
  documentId: string,
  target: TextTarget,
  extra: Partial<Omit<Annotation, 'documentId' | 'target'>> = {},
): Annotation {
  return {
    id: 'a1',
    documentId,
    target,
    topicIds: [],
    partyId: null,
    stance: null,
    note: '',
    links: [],
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
    ...extra,
  };
}

/**
 * A maker of highlights on the first occurrence of a quote in a document, numbered a1, a2, … by its own counter,
 * stamped with the given times; `extra` overrides any field.
 */
export function highlightMaker(times: { createdAt: string; updatedAt: string }) {
  let counter = 0;
  return (
    doc: ParleyDocument,
    exact: string,
    extra: Partial<Omit<Annotation, 'target' | 'documentId'>> = {},
  ): Annotation => {
    const start = doc.text.indexOf(exact);
    assert.ok(start >= 0, `fixture quote not in text: ${exact}`);
    counter += 1;
    return {
      id: `a${counter}`,
      documentId: doc.id,
      target: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
      topicIds: [],
      partyId: null,
      stance: null,
      note: '',
      links: [],
      ...times,
      ...extra,
    };
  };
}
