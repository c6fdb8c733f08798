// `parley annotations import` with annotations as other tools write them: targets that name no source, taken into
// the document given with --document and refused without it, and quotes that are not in the document refused with
// the closest passage, so the user can correct them.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { parley, sampleNotebook, useTempDir, writeJson } from './support';

const dir = useTempDir('parley-cli-annotations-');

/** An annotation whose target is only a quote, with no source, as other tools export them. */
const sourceless = (exact: string) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  body: { type: 'TextualBody', value: 'A note written for the tests.' },
  target: { selector: { type: 'TextQuoteSelector', exact } },
});

describe('parley annotations import of targets that name no source', () => {
  test('with --document they go to that document; without it they are refused with --document named', async () => {
    const { notebook, id } = await sampleNotebook(dir(), 'sourceless.json');
    const file = await writeJson(dir(), 'sourceless.jsonld', [
      sourceless('his extradition to UK is absolutely out of the question'),
      {
        ...sourceless('revealed Lavrov'),
        target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'revealed Lavrov' }] }],
      },
    ]);
    const before = await readFile(notebook);
    const refused = await parley('annotations', 'import', file, '--notebook', notebook);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Annotation 1: its target names no source document; .*--document ID/);
    assert.deepEqual(await readFile(notebook), before, 'nothing written');

    const imported = await parley('annotations', 'import', file, '--document', id, '--notebook', notebook);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, 'Imported 2 annotation(s)\n');
    assert.match((await parley('list', '--notebook', notebook)).stdout, /\t2\n$/);
  });

  test('a quote that is not in the document is refused with the closest passage and how alike it is', async () => {
    const { notebook, id } = await sampleNotebook(dir(), 'lookalike.json');
    const file = await writeJson(dir(), 'lookalike.jsonld', {
      type: 'AnnotationCollection',
      items: [sourceless('in the international arena')],
    });
    const result = await parley('annotations', 'import', file, '--document', id, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /Annotation 1: its quote “in the international arena” is not in “Miliband: .*”; the closest passage, in ¶\d+, is “on the international stage” \(76% alike\)\. Correct the quote/,
    );
  });
});
