// The whole-notebook Markdown export (and a document's and a topic's, which share its pieces) of a few generated
// notebooks, kept as golden files (test/fixtures/export-golden/): a faster export must write the very same bytes.
// Written for the project's tests: generated articles and notes, with and without links between passages, and the
// sample article with notes that need escaping. After a change meant to alter the exports, rewrite them with
//   PARLEY_WRITE_GOLDEN=1 node --import tsx --test test/unit/core/export-golden.test.ts
// and read the diff.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  exportDocumentMarkdown,
  exportNotebookMarkdown,
  exportTopicMarkdown,
} from '../../../main/core/export';
import { linkAnnotations } from '../../../main/core/links';
import { addSampleDocument, createAnnotation, createTopic } from '../../../main/core/notebook';
import { emptyNotebook, type LinkType, type Notebook } from '../../../shared/model';
import { generateNotebook } from '../../../scripts/bench/data';

const GOLDEN = fileURLToPath(new URL('../../fixtures/export-golden/', import.meta.url));
const WRITE = process.env['PARLEY_WRITE_GOLDEN'] === '1';
const NOW = new Date('2026-11-30T12:00:00.000Z');
const LINK_TYPES: LinkType[] = ['rebuts', 'concedes-to', 'answers', 'agrees-with', 'contradicts'];

/** Generated notebook, every third passage linked to one earlier in the notebook (often in another document). */
function linked(): Notebook {
  const nb = generateNotebook(12, 6, 2500, 90);
  for (let i = 1; i < nb.annotations.length; i += 3) {
    const to = nb.annotations[(i * 7) % i]!;
    linkAnnotations(nb, { fromId: nb.annotations[i]!.id, toId: to.id, type: LINK_TYPES[i % 5]! }, NOW);
  }
  return nb;
}

/** The sample article with notes that need escaping or rewriting, a repeated passage and a caption-free layout. */
function sample(): Notebook {
  const nb = emptyNotebook();
  const text = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
  const doc = addSampleDocument(nb, text, NOW);
  doc.note = 'Read on *Tuesday*.\n\n\n\tThen again  \nlater.';
  const topics = ['extradition', 'iran/nuclear', 'talks', 'talks'].map(
    (path) => createTopic(nb, { path }).id,
  );
  const notes = [
    '',
    '> A note that opens with a quote',
    '<b>bold</b> and https://example.org and [here](https://example.org)',
    '- one\n- two\n\nText after.',
    '```js\nunclosed fence',
    '# Heading in a note\n\nsnake_case and 1. not a list',
  ];
  notes.forEach((note, i) => {
    const block = doc.blocks[1 + ((i * 3) % (doc.blocks.length - 1))]!;
    const a = createAnnotation(
      nb,
      {
        documentId: doc.id,
        start: block.start,
        end: Math.min(block.end, block.start + 30 + i * 7),
        topicIds: [[topics[0]!], [topics[1]!, topics[2]!], [], [topics[3]!, topics[0]!]][i % 4]!,
        note,
        partyId: i % 3 === 2 ? null : nb.parties[i % 2]!.id,
        stance: i % 2 ? 'refusal' : null,
      },
      new Date(NOW.getTime() + i * 1000),
    );
    if (i > 1)
      linkAnnotations(nb, { fromId: a.id, toId: nb.annotations[i - 2]!.id, type: LINK_TYPES[i % 5]! }, NOW);
  });
  return nb;
}

/** Every export of the notebook this test keeps: the whole notebook, its first two documents and first topic. */
function exports(nb: Notebook): string {
  const parts = [exportNotebookMarkdown(nb, { now: NOW })];
  for (const doc of nb.documents.slice(0, 2)) parts.push(exportDocumentMarkdown(nb, doc.id, { now: NOW }));
  if (nb.topics[0]) parts.push(exportTopicMarkdown(nb, nb.topics[0].id, { now: NOW }));
  return parts.join('\n<!-- next export -->\n');
}

const NOTEBOOKS: Array<[string, () => Notebook]> = [
  ['generated', () => generateNotebook(11, 12, 3000, 240)],
  ['generated-linked', linked],
  ['sample', sample],
];

describe('the Markdown exports stay byte for byte as they were', () => {
  for (const [name, make] of NOTEBOOKS) {
    test(name, () => {
      const actual = exports(make());
      const file = join(GOLDEN, `${name}.md`);
      if (WRITE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
});
