/**
 * The W3C Web Annotation vocabulary as Parley writes and reads it: the JSON-LD contexts, the URNs that name
 * documents, annotations and parties, the shape of an exported annotation, and what an import returns.
 *
 * Parley's own fields that the W3C vocabulary lacks travel as extension properties under a Parley JSON-LD context
 * given next to W3C_CONTEXT (EXPORT_CONTEXT):
 *   "parley:party":  { "id": "urn:parley:party:<id>", "type": "parley:Party", "parley:name": "Russia",
 *                      "parley:short": "RU", "parley:colour": "#cc3311", "parley:aliases": ["Lavrov", …] }
 *   "parley:stance": "refusal"
 *   "parley:links":  [{ "parley:linkType": "rebuts", "parley:annotation": "urn:uuid:<id of the linked one>" }]
 *   target "parley:document": the annotated document's citation, in Dublin Core terms (see W3CDocument)
 * The namespace is `urn:parley:ns:`: a name rather than an address, so it needs no domain, never resolves to a
 * page that could change or vanish, and sits beside the `urn:parley:` names the export already uses. Other tools
 * keep or ignore these properties; the import reads them whether the file declares our context or only the W3C
 * one, and whether the keys are compact (`parley:stance`) or full IRIs (`urn:parley:ns:stance`).
 */
import type { Annotation, Party } from '../../../shared/model';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Dublin Core's terms, which a target's `parley:document` describes the document in: `dc:title`. */
export const DC_NAMESPACE = 'http://purl.org/dc/terms/';

/** Where Parley's extension terms live: `parley:stance` is `urn:parley:ns:stance`. */
export const PARLEY_NAMESPACE = 'urn:parley:ns:';

/** The JSON-LD context that declares Parley's extension terms; lists keep their order. */
export const PARLEY_CONTEXT = {
  parley: PARLEY_NAMESPACE,
  dc: DC_NAMESPACE,
  'dc:creator': { '@container': '@list' },
  'parley:aliases': { '@container': '@list' },
  'parley:links': { '@container': '@list' },
  'parley:annotation': { '@type': '@id' },
} as const;

/** The `@context` of every exported collection and annotation: the W3C model, then Parley's terms. */
export const EXPORT_CONTEXT = [W3C_CONTEXT, PARLEY_CONTEXT] as const;

/** What `target.source` is for a notebook document: not a web address, the document's identity in Parley. */
export const DOCUMENT_URN_PREFIX = 'urn:parley:document:';
export const ANNOTATION_URN_PREFIX = 'urn:uuid:';
export const PARTY_URN_PREFIX = 'urn:parley:party:';
/** Topic ids in an import result that name a topic still to be created, by path: `path:iran/nuclear`. */
export const TOPIC_PLACEHOLDER_PREFIX = 'path:';
/** Party ids in an import result that name a party still to be created, by name: `party:Russia`. */
export const PARTY_PLACEHOLDER_PREFIX = 'party:';

export function documentUrn(documentId: string): string {
  return DOCUMENT_URN_PREFIX + documentId;
}

export interface W3CTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: 'text/markdown';
}

export interface W3CParty {
  id: string;
  type: 'parley:Party';
  'parley:name': string;
  'parley:short': string;
  'parley:colour': string;
  'parley:aliases': string[];
}

export interface W3CLink {
  'parley:linkType': string;
  'parley:annotation': string;
}

/**
 * The annotated document's citation, beside the target's `source` (which stays the document's IRI, as other tools
 * expect a string there): a node with the same `id` as the source, so JSON-LD reads its terms as said of the source
 * itself. Dublin Core terms: `dc:title`, `dc:creator` (the authors in order, "Family, Given" or a name cited whole),
 * `dc:issued` (the date published, as stored: YYYY-MM-DD, maybe with a time), `dc:isPartOf` (the container: paper,
 * site or journal), `dc:identifier` (the citation key, as Pandoc and CSL-JSON name the document) and `dc:source`
 * (the web address it was read from); the pages in the container as `parley:pages`. Empty fields are left out.
 */
export interface W3CDocument {
  id: string;
  'dc:title'?: string;
  'dc:creator'?: string[];
  'dc:issued'?: string;
  'dc:isPartOf'?: string;
  'dc:identifier'?: string;
  'dc:source'?: string;
  'parley:pages'?: string;
}

export interface W3CAnnotation {
  '@context': typeof EXPORT_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: W3CTextualBody[];
  target: {
    source: string;
    /** The document's web address, where it has one: lets other tools see which page was annotated. */
    scope?: string;
    /** The document's citation (W3CDocument). */
    'parley:document': W3CDocument;
    /**
     * Set for a highlight on an earlier version of its document (kept there, or waiting in a review): the number of
     * that version. Its position counts into that version's text, not the document's latest, so it is left out and
     * only the quote (with its context) is given.
     */
    'parley:version'?: number;
    selector:
      | [
          { type: 'TextPositionSelector'; start: number; end: number },
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
        ]
      | [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }];
  };
  /** The party whose position the passage expresses. */
  'parley:party'?: W3CParty;
  'parley:stance'?: string;
  /** Links from this passage to others, each read from this one ("rebuts" the linked passage). */
  'parley:links'?: W3CLink[];
}

export interface W3CImportResult {
  annotations: Annotation[];
  /** Paths of topics the notebook lacks; annotations refer to them as `path:<path>` until applyW3CImport. */
  topicsToCreate: string[];
  /**
   * Parties the notebook lacks (none has the file's party id, or answers to its name by name, short name or
   * alias); annotations refer to them as `party:<name>` until applyW3CImport. `colour` is empty when the file
   * gave none.
   */
  partiesToCreate: Array<Omit<Party, 'id'>>;
  /** Stances the notebook does not offer yet (in any case); applyW3CImport adds them to its list. */
  stancesToCreate: string[];
  errors: string[];
  /**
   * The citation details the file's targets carried (`parley:document`), by the id of the document each annotation
   * went to: applyW3CImport fills in those the document has empty, and never changes one it has.
   */
  documentDetails?: Record<string, ImportedDocumentDetails>;
}

/** A document's citation as a W3C file carried it, for the fields an import may fill in. */
export interface ImportedDocumentDetails {
  authors?: string[];
  published?: string;
  source?: string;
  url?: string;
  pages?: string;
}
