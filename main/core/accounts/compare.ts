/**
 * The comparison with one column per account of an event instead of one per party: for each topic, in codebook
 * order, each account's highlights with that topic, in text order; then a "No topic" row for highlights without
 * one (left out when a topic is chosen). Entries are built as the party comparison builds them (core/compare.ts).
 */
import type { AccountComparison } from '../../../shared/contract';
import {
  ParleyError,
  isInCaption,
  pageAt,
  paragraphNumber,
  placeLabel,
  type Annotation,
  type ComparisonEntry,
  type Notebook,
  type ParleyDocument,
} from '../../../shared/model';
import { NO_TOPIC } from '../compare';
import { getEvent } from '../events';
import { compareTopicPaths } from '../topics';
import { accountColumns, eventDocuments } from './align';

function entryOf(doc: ParleyDocument, annotation: Annotation): ComparisonEntry {
  const { start, end } = annotation.target;
  return {
    annotationId: annotation.id,
    documentId: doc.id,
    documentTitle: doc.title,
    paragraph: paragraphNumber(doc, start),
    ...(isInCaption(doc, start) || pageAt(doc, start) !== null ? { place: placeLabel(doc, start, end) } : {}),
    quote: annotation.target.exact,
    stance: annotation.stance,
    note: annotation.note,
  };
}

export function compareAccounts(nb: Notebook, eventId: string, topicId?: string): AccountComparison {
  const event = getEvent(nb, eventId);
  const topic = topicId === undefined ? undefined : nb.topics.find((t) => t.id === topicId);
  if (topicId !== undefined && !topic) {
    throw new ParleyError(
      `There is no topic ${String(topicId).slice(0, 100)} in this notebook.`,
      'not-found',
    );
  }
  const docs = eventDocuments(nb, event);
  const accounts = accountColumns(docs);
  const byDocument = docs.map((doc) =>
    nb.annotations
      .filter((a) => a.documentId === doc.id)
      .sort(
        (a, b) =>
          a.target.start - b.target.start ||
          a.target.end - b.target.end ||
          a.createdAt.localeCompare(b.createdAt),
      ),
  );
  const rows: AccountComparison['rows'] = [];
  const topics = topic ? [topic] : [...nb.topics].sort((a, b) => compareTopicPaths(a.path, b.path));
  for (const t of topics) {
    const cells = docs.map((doc, i) => ({
      documentId: doc.id,
      entries: byDocument[i]!.filter((a) => a.topicIds.includes(t.id)).map((a) => entryOf(doc, a)),
    }));
    if (cells.some((c) => c.entries.length > 0)) rows.push({ topicId: t.id, path: t.path, cells });
  }
  if (!topic) {
    const known = new Set(nb.topics.map((t) => t.id));
    const cells = docs.map((doc, i) => ({
      documentId: doc.id,
      entries: byDocument[i]!.filter((a) => !a.topicIds.some((id) => known.has(id))).map((a) =>
        entryOf(doc, a),
      ),
    }));
    if (cells.some((c) => c.entries.length > 0)) rows.push({ topicId: null, path: NO_TOPIC, cells });
  }
  let empty: string | null = null;
  if (rows.length === 0) {
    const highlights = byDocument.reduce((n, list) => n + list.length, 0);
    const name = event.name;
    empty =
      highlights === 0
        ? `Nothing to compare: none of the accounts of “${name}” has a highlight yet. Highlight what each account reports, or accept its suggestions (in the app: Suggestions; on the command line: parley suggest --document ID --accept).`
        : `No highlight in the accounts of “${name}” has the topic ${topic!.path} yet: give highlights this topic, or compare all topics.`;
  }
  return { event, accounts, rows, empty };
}
