/**
 * The exports, one module per format: Markdown (markdown.ts, made of the pieces in markdown-blocks.ts), CSV
 * (csv.ts), and the file names exports are saved under (file-name.ts). W3C annotations are in core/w3c, the
 * comparison in core/compare.
 */
export {
  exportDocumentMarkdown,
  exportNotebookFiles,
  exportNotebookMarkdown,
  exportTopicMarkdown,
  type MarkdownExportOptions,
} from './markdown';
export { CITE_STYLES, citationKeyOf, pandocCitation, type CiteStyle } from './pandoc-cite';
export { exportCslJson, toCslItem, type CslItem } from './csl-json';
export { CSV_COLUMNS, csvCell, exportCsv } from './csv';
export { exportFileName, offeredFileName, safeFileStem } from './file-name';
