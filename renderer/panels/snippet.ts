// A search hit's snippet cut into the text before the match, the match and the text after, so the view can
// mark the match with an element and never parse user text as HTML.
export interface SnippetParts {
  before: string;
  match: string;
  after: string;
}

export function splitSnippet(snippet: string, matchStart: number, matchEnd: number): SnippetParts {
  const start = Math.min(Math.max(0, Math.trunc(matchStart) || 0), snippet.length);
  const end = Math.min(Math.max(start, Math.trunc(matchEnd) || 0), snippet.length);
  return { before: snippet.slice(0, start), match: snippet.slice(start, end), after: snippet.slice(end) };
}

export const HIT_KIND_LABELS = {
  title: 'Title',
  text: 'Text',
  passage: 'Passage',
  note: 'Note',
  'document-note': 'Document note',
} as const;

/** "1 result", "12 results", "200 of 1,024 results". */
export function resultsSummary(shown: number, total: number): string {
  const noun = total === 1 ? 'result' : 'results';
  if (total === 0) return 'No results';
  if (shown < total) return `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}`;
  return `${total.toLocaleString('en')} ${noun}`;
}
