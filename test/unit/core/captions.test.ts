// Figure captions stand outside the article's paragraph numbering: every ¶N an export or the comparison shows
// counts paragraphs, headings, quotes, list items and code but not captions, and a passage in a caption is placed
// as "caption after ¶N". The exported Markdown, imported again, is still well formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare } from '../../../main/core/compare';
import { exportCsv, exportDocumentMarkdown } from '../../../main/core/export';
import { linkAnnotations } from '../../../main/core/links';
import { importMarkdown } from '../../../main/core/import-text';
import { addDocument, createAnnotation } from '../../../main/core/notebook';
import { createParty } from '../../../main/core/parties';
import { emptyNotebook, paragraphNumber, type Block } from '../../../shared/model';
import { lintFindings } from './markdown-check';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const PARTS: Array<[Block['kind'], string]> = [
  ['paragraph', 'The ministers met in Moscow.'],
  ['caption', 'The ministers at their press conference. Photograph: Agency'],
  ['paragraph', 'Extradition is out of the question, said Lavrov.'],
  ['list-item', 'Visas for the staff.'],
  ['caption', 'Lavrov after the talks.'],
  ['paragraph', 'The case has not changed, said Miliband.'],
];

function notebook() {
  const nb = emptyNotebook();
  let text = '';
  const blocks: Block[] = [];
  for (const [kind, words] of PARTS) {
    if (text) text += '\n\n';
    blocks.push({ kind, start: text.length, end: text.length + words.length });
    text += words;
  }
  const doc = addDocument(
    nb,
    { title: 'Talks', source: 'Test', published: '', url: '', format: 'html', text, blocks },
    NOW,
  );
  const russia = createParty(nb, { name: 'Russia' });
  const uk = createParty(nb, { name: 'United Kingdom', short: 'UK' });
  const at = (words: string) => text.indexOf(words);
  const mark = (words: string, partyId: string) =>
    createAnnotation(
      nb,
      {
        documentId: doc.id,
        start: at(words),
        end: at(words) + words.length,
        topicIds: [],
        note: '',
        partyId,
      },
      NOW,
    );
  const inCaption = mark('Lavrov after the talks', russia.id);
  const refusal = mark('Extradition is out of the question', russia.id);
  const reply = mark('The case has not changed', uk.id);
  linkAnnotations(nb, { fromId: reply.id, toId: inCaption.id, type: 'rebuts' }, NOW);
  return { nb, doc, inCaption, refusal, reply };
}

test('paragraph numbers skip captions', () => {
  const { doc, refusal, reply, inCaption } = notebook();
  assert.equal(paragraphNumber(doc, refusal.target.start), 2);
  assert.equal(paragraphNumber(doc, reply.target.start), 4);
  assert.equal(paragraphNumber(doc, inCaption.target.start), 3);
});

test('the Markdown export places a caption passage as a caption, numbers the rest without captions, and imports back', () => {
  const { nb, doc } = notebook();
  const markdown = exportDocumentMarkdown(nb, doc.id, { now: NOW });
  assert.match(markdown, /> — Russia · ¶2\b/);
  assert.match(markdown, /> — United Kingdom · ¶4\b/);
  assert.match(markdown, /> — Russia · caption after ¶3\b/);
  assert.match(markdown, /→ rebuts caption after ¶3/);
  assert.deepEqual(lintFindings(markdown), []);
  const again = importMarkdown(markdown, { fileName: 'talks.md' });
  assert.equal(again.title, 'Talks');
  assert.ok(again.text.includes('Lavrov after the talks'));
  assert.ok(again.blocks.some((block) => block.kind === 'quote'));
});

test('the comparison and the CSV name a caption passage as such', () => {
  const { nb, inCaption } = notebook();
  const entries = compare(nb, {}).rows.flatMap((row) => row.cells.flatMap((cell) => cell.entries));
  const entry = entries.find((e) => e.annotationId === inCaption.id)!;
  assert.equal(entry.place, 'caption after ¶3');
  assert.equal(entries.find((e) => e.annotationId !== inCaption.id && e.paragraph === 4)?.place, undefined);
  const csv = exportCsv(nb);
  assert.match(csv, /rebuts caption after ¶3/);
  // The paragraph column: the caption passage says where it sits; the others keep their bare number.
  const rows = csv.trim().split(/\r?\n/).slice(1);
  const column = (words: string) => rows.find((row) => row.includes(words))!.split(',')[2];
  assert.equal(column('Lavrov after the talks'), 'caption after 3');
  assert.equal(column('Extradition is out of the question'), '2');
});
