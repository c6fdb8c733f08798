/**
 * What an import does to the notebook: the part of a partly refused import that can stand on its own, and applying
 * a successful one (the stances, topics and parties it lacks, then its annotations) as one checked step.
 */
import { ParleyError, type Annotation, type Notebook, type Party } from '../../../shared/model';
import { addStance, listStances } from '../stances';
import { topicPathKey } from '../topics';
import { nameKey, topicsByKey } from './import';
import {
  ANNOTATION_URN_PREFIX,
  PARTY_PLACEHOLDER_PREFIX,
  TOPIC_PLACEHOLDER_PREFIX,
  type W3CImportResult,
} from './types';

/**
 * The part of an import that can be applied on its own when some annotations were refused: the annotations that
 * link only to the notebook's or to others kept (one linking to a refused one is refused too, and said so), and
 * only the topics, parties and stances those use, ready for applyW3CImport (`usable.annotations` may be empty);
 * and every refusal.
 */
export function usablePart(
  nb: Notebook,
  result: W3CImportResult,
): { usable: W3CImportResult; refused: string[] } {
  const existing = new Set(nb.annotations.map((a) => a.id));
  let kept = result.annotations;
  const errors = [...result.errors];
  // Refusing one may strand another that links to it: repeat until nothing more is refused.
  for (;;) {
    const ids = new Set(kept.map((a) => a.id));
    const next = kept.filter((annotation) => {
      const broken = annotation.links.find((l) => !existing.has(l.annotationId) && !ids.has(l.annotationId));
      if (broken) {
        errors.push(
          `Annotation ${ANNOTATION_URN_PREFIX}${annotation.id}: it links to ${ANNOTATION_URN_PREFIX}${broken.annotationId}, which was refused.`,
        );
      }
      return !broken;
    });
    if (next.length === kept.length) break;
    kept = next;
  }
  const topics = new Set(kept.flatMap((a) => a.topicIds));
  const parties = new Set(kept.map((a) => a.partyId));
  const stances = new Set(kept.map((a) => a.stance?.toLowerCase()));
  return {
    usable: {
      annotations: kept,
      topicsToCreate: result.topicsToCreate.filter((path) => topics.has(TOPIC_PLACEHOLDER_PREFIX + path)),
      partiesToCreate: result.partiesToCreate.filter((p) => parties.has(PARTY_PLACEHOLDER_PREFIX + p.name)),
      stancesToCreate: result.stancesToCreate.filter((stance) => stances.has(stance.toLowerCase())),
      errors: [],
      ...(result.documentDetails ? { documentDetails: result.documentDetails } : {}),
    },
    refused: errors,
  };
}

/** How applyW3CImport makes what the notebook lacks; the caller supplies them, with its own rules and ids. */
export interface W3CImportMakers {
  createTopic: (path: string) => { id: string };
  /** `colour` is empty when the file gave none: the maker picks one. */
  createParty: (party: Omit<Party, 'id'>) => { id: string };
}

/**
 * Applies a successful import: adds the missing stances, creates the missing topics and parties (through the
 * caller's makers, so the core does not depend on the codebook's or the party list's own rules) and appends the
 * annotations with their topics, party and stance resolved and their links kept. A topic, party or stance the
 * notebook gained since the file was read is used rather than made again. Checks everything before it changes
 * anything, and if a maker refuses, takes back what was made; returns the annotations added.
 */
export function applyW3CImport(nb: Notebook, result: W3CImportResult, makers: W3CImportMakers): Annotation[] {
  if (result.errors.length > 0) {
    throw new ParleyError(`Nothing was imported: ${result.errors.length} annotation(s) could not be used.`);
  }
  const existingIds = new Set(nb.annotations.map((a) => a.id));
  const linkable = new Set([...existingIds, ...result.annotations.map((a) => a.id)]);
  const documentIds = new Set(nb.documents.map((d) => d.id));
  const topicIds = new Set(nb.topics.map((t) => t.id));
  const partyIds = new Set(nb.parties.map((p) => p.id));
  const pendingTopics = new Set(result.topicsToCreate.map((path) => TOPIC_PLACEHOLDER_PREFIX + path));
  const pendingParties = new Set(result.partiesToCreate.map((p) => PARTY_PLACEHOLDER_PREFIX + p.name));
  const stanceKeys = new Set(
    [...listStances(nb), ...result.stancesToCreate].map((stance) => stance.toLowerCase()),
  );
  for (const annotation of result.annotations) {
    if (existingIds.has(annotation.id)) {
      throw new ParleyError(`Annotation ${annotation.id} is already in this notebook.`, 'conflict');
    }
    existingIds.add(annotation.id);
    if (!documentIds.has(annotation.documentId)) {
      throw new ParleyError(`There is no document ${annotation.documentId} in this notebook.`, 'not-found');
    }
    for (const id of annotation.topicIds) {
      if (!topicIds.has(id) && !pendingTopics.has(id)) {
        throw new ParleyError(
          `Annotation ${annotation.id} refers to topic ${id}, which does not exist.`,
          'not-found',
        );
      }
    }
    if (
      annotation.partyId !== null &&
      !partyIds.has(annotation.partyId) &&
      !pendingParties.has(annotation.partyId)
    ) {
      throw new ParleyError(
        `Annotation ${annotation.id} refers to party ${annotation.partyId}, which does not exist.`,
        'not-found',
      );
    }
    if (annotation.stance !== null && !stanceKeys.has(annotation.stance.toLowerCase())) {
      throw new ParleyError(
        `Annotation ${annotation.id} has the stance "${annotation.stance}", which is not listed.`,
      );
    }
    for (const link of annotation.links) {
      if (!linkable.has(link.annotationId)) {
        throw new ParleyError(
          `Annotation ${annotation.id} links to ${link.annotationId}, which is neither imported nor in this notebook.`,
          'not-found',
        );
      }
    }
  }

  const before = { topics: [...nb.topics], parties: [...nb.parties], stances: [...nb.stances] };
  const resolvedTopics = new Map<string, string>();
  const resolvedParties = new Map<string, string>();
  const stanceByKey = new Map<string, string>();
  try {
    for (const stance of result.stancesToCreate) {
      // The notebook may have gained the stance, in some case, since the file was read.
      if (!listStances(nb).some((s) => s.toLowerCase() === stance.toLowerCase())) addStance(nb, stance);
    }
    for (const stance of listStances(nb)) stanceByKey.set(stance.toLowerCase(), stance);
    for (const path of result.topicsToCreate) {
      const existing = topicsByKey(nb).get(topicPathKey(path));
      resolvedTopics.set(TOPIC_PLACEHOLDER_PREFIX + path, existing ?? makers.createTopic(path).id);
    }
    for (const party of result.partiesToCreate) {
      const existing = nb.parties.find((p) => nameKey(p.name) === nameKey(party.name));
      resolvedParties.set(
        PARTY_PLACEHOLDER_PREFIX + party.name,
        existing?.id ?? makers.createParty(party).id,
      );
    }
  } catch (error) {
    nb.topics.splice(0, nb.topics.length, ...before.topics);
    nb.parties.splice(0, nb.parties.length, ...before.parties);
    nb.stances.splice(0, nb.stances.length, ...before.stances);
    throw error;
  }
  const added = result.annotations.map((annotation): Annotation => ({
    ...annotation,
    target: { ...annotation.target },
    topicIds: [
      ...new Set(annotation.topicIds.map((id) => (topicIds.has(id) ? id : (resolvedTopics.get(id) ?? id)))),
    ],
    partyId:
      annotation.partyId === null || partyIds.has(annotation.partyId)
        ? annotation.partyId
        : (resolvedParties.get(annotation.partyId) ?? annotation.partyId),
    stance:
      annotation.stance === null
        ? null
        : (stanceByKey.get(annotation.stance.toLowerCase()) ?? annotation.stance),
    links: annotation.links.map((link) => ({ ...link })),
  }));
  nb.annotations.push(...added);
  fillDocumentDetails(nb, result);
  return added;
}

/**
 * The citation details the file carried, on the documents its annotations went to: each field the document has
 * empty is filled in; a field the document has is kept as it is.
 */
function fillDocumentDetails(nb: Notebook, result: W3CImportResult): void {
  const used = new Set(result.annotations.map((annotation) => annotation.documentId));
  for (const [id, details] of Object.entries(result.documentDetails ?? {})) {
    const doc = nb.documents.find((d) => d.id === id);
    if (!doc || !used.has(id)) continue;
    if (details.authors && doc.authors.length === 0) doc.authors = [...details.authors];
    if (details.published && doc.published === '') doc.published = details.published;
    if (details.source && doc.source === '') doc.source = details.source;
    if (details.url && doc.url === '') doc.url = details.url;
    if (details.pages && doc.pages === '') doc.pages = details.pages;
  }
}
