/**
 * The notebook's highlights as W3C Web Annotations (JSON-LD), and back: the lossless, re-importable export, and the
 * import that reads our own files and other tools' annotations of the same text. The W3C model counts offsets in
 * code points, the notebook in UTF-16 code units; this folder is the only place that converts between them.
 *
 * types.ts: the vocabulary (contexts, URNs, Parley's extension properties) and the shapes; export.ts: the export;
 * import.ts: reading a file into annotations and refusals; apply.ts: what an import does to the notebook.
 */
export {
  DOCUMENT_URN_PREFIX,
  EXPORT_CONTEXT,
  PARLEY_CONTEXT,
  PARLEY_NAMESPACE,
  PARTY_PLACEHOLDER_PREFIX,
  TOPIC_PLACEHOLDER_PREFIX,
  W3C_CONTEXT,
  documentUrn,
  type W3CAnnotation,
  type W3CImportResult,
  type W3CLink,
  type W3CParty,
} from './types';
export { exportW3C } from './export';
export { importW3C, type W3CImportOptions } from './import';
export { applyW3CImport, usablePart, type W3CImportMakers } from './apply';
