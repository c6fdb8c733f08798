/**
 * Schema 5: a block may be a `caption` (the words under a figure of an imported web page), which stands outside
 * the paragraph numbering. Nothing already in a notebook changes; the step exists so that a Parley that reads up
 * to schema 4, and would refuse a caption block with a schema error, says instead that the notebook was written by
 * a newer version and should be opened with it.
 */
import type { Migration } from './types';

export const captionBlocks: Migration = {
  version: 5,
  name: 'caption-blocks',
  up: (notebook) => ({ ...notebook }),
};
