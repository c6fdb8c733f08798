/**
 * A saved page that no reader would make but anyone can be sent: a short article, written for Parley's tests and
 * bench, followed by 200,000 empty paragraphs (about 600 KB). Readability over jsdom grows with the square of such
 * elements (8,000 take 8 s, 16,000 take 24 s, the whole page about an hour), so it is the page that checks the
 * import's budget.
 *
 *   node --import tsx scripts/make-pathological-page.ts > .tmp/empty-paragraphs.html
 */
import { pathToFileURL } from 'node:url';

export interface PathologicalPage {
  html: string;
  title: string;
  /** The article's paragraphs, as a reader sees them. */
  paragraphs: string[];
}

const TITLE = 'A page of empty paragraphs';
const PARAGRAPHS = [
  'This page was written for the tests of Parley, a research notebook: its few paragraphs stand before a very long run of empty ones.',
  'A browser shows the empty paragraphs as nothing at all, so a reader sees only this short text, and that is what an import should keep.',
  'Each empty paragraph is one more element for the article extractor to weigh against its neighbours, which is where the time goes.',
  'The last paragraph says the same thing again: the text ends here, and everything after it on the page is blank.',
];

/** The page, with `empty` empty paragraphs (200,000 unless said). */
export function makePathologicalPage(empty = 200_000): PathologicalPage {
  const article = PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');
  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>\n` +
    `<body><article><h1>${TITLE}</h1>\n${article}\n${'<p>'.repeat(empty)}\n</article></body></html>\n`;
  return { html, title: TITLE, paragraphs: PARAGRAPHS };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(makePathologicalPage().html);
}
