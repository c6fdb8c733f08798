/** Schema 2: the notebook keeps the stances its user added and the suggestions they dismissed. */
import type { Migration } from './types';

export const stancesAndSuggestions: Migration = {
  version: 2,
  name: 'stances-and-suggestions',
  up: (notebook) => ({ ...notebook, stances: [], dismissedSuggestions: [] }),
};
