// `parley import FILE --replaces ID`, `parley versions`, `parley review` and `parley diff` on the sample article and an
// edited copy of it made here (a sentence added, a paragraph moved, one removed, words changed in a quote): the
// edited copy is written for these tests and is not real reporting. Also: a page imported again from the address
// of a document already in the notebook is still imported, and stderr says how to import it as a version instead.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parley, samplePath, sampleNotebook, useTempDir } from './support';

const dir = useTempDir('parley-cli-versions-');

/** The sample's text with one edit of each kind. */
async function editedSample(): Promise<string> {
  const paragraphs = (await readFile(samplePath, 'utf8')).split('\n\n');
  const iran = paragraphs.findIndex((p) => p.startsWith('As for Iran'));
  const [moved] = paragraphs.splice(iran, 1);
  paragraphs.splice(paragraphs.length - 1, 0, moved!);
  paragraphs.splice(
    paragraphs.findIndex((p) => p.startsWith('He also said Russia')),
    1,
  );
  return paragraphs
    .join('\n\n')
    .replace('absolutely out of the question', 'out of the question entirely')
    .replace(
      'Russian Foreign Minister Sergey Lavrov has called',
      'Updated on 3 November. Russian Foreign Minister Sergey Lavrov has called',
    );
}

/** The sample with its 14 suggested statements accepted as highlights, and the edited copy as a file. */
async function sampleWithVersion(name: string) {
  const sample = await sampleNotebook(dir(), name);
  const accepted = await parley(
    'suggest',
    '--document',
    sample.id,
    '--accept',
    '--notebook',
    sample.notebook,
  );
  assert.equal(accepted.code, 0, accepted.stderr);
  const file = join(dir(), `${name}-edited.txt`);
  await writeFile(file, await editedSample());
  return { ...sample, file };
}

describe('parley import --replaces', () => {
  test('imports the file as the newest version, prints id and title, and says on stderr what the highlights came to', async () => {
    const { notebook, id, title, file } = await sampleWithVersion('replace.json');
    const imported = await parley('import', file, '--replaces', id, '--notebook', notebook);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, `${id}\t${title}\n`);
    assert.match(
      imported.stderr,
      new RegExp(`^version 2: 11 kept, 1 moved, 1 changed, 1 lost; see parley review ${id}\\n$`),
    );
    const list = await parley('list', '--notebook', notebook);
    assert.equal(list.stdout.trim().split('\n').length, 1, 'no second document');
  });

  test('an unknown document, two files and a file the same as the latest are refused, changing nothing', async () => {
    const { notebook, id, file } = await sampleWithVersion('refuse.json');
    const before = await readFile(notebook);
    const unknown = await parley('import', file, '--replaces', 'no-such-id', '--notebook', notebook);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no document with id "no-such-id"/);
    const two = await parley('import', file, file, '--replaces', id, '--notebook', notebook);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /--replaces ID takes one FILE/);
    const same = await parley('import', samplePath, '--replaces', id, '--notebook', notebook);
    assert.equal(same.code, 1);
    assert.match(same.stderr, /reads exactly as the latest version/);
    assert.ok((await readFile(notebook)).equals(before), 'the notebook is as it was');
  });
});

test('a text file without a title of its own leaves the document its title, not the file name', async () => {
  const { notebook, id, title } = await sampleWithVersion('untitled.json');
  const file = join(dir(), 'sample-v2.txt');
  // The edited copy without its first line, the title: the importer names such a draft by its file.
  await writeFile(file, (await editedSample()).split('\n\n').slice(1).join('\n\n'));
  const imported = await parley('import', file, '--replaces', id, '--notebook', notebook);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal(imported.stdout, `${id}\t${title}\n`);
  const versions = await parley('versions', id, '--notebook', notebook);
  assert.deepEqual(
    versions.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[3]),
    [title, title],
  );
});

describe('parley versions, review and diff', () => {
  test('versions lists n, time imported, characters and title, oldest first', async () => {
    const { notebook, id, title, file } = await sampleWithVersion('versions.json');
    const one = await parley('versions', id, '--notebook', notebook);
    assert.match(one.stdout, new RegExp(`^1\\t\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t\\d+\\t${title}\\n$`));
    await parley('import', file, '--replaces', id, '--notebook', notebook);
    const lines = (await parley('versions', id, '--notebook', notebook)).stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((line) => line.split('\t')[0]),
      ['1', '2'],
    );
    const edited = (await editedSample()).length;
    const [, , characters] = lines[1]!.split('\t');
    assert.ok(Number(characters) < edited, 'the text as imported (furniture dropped), counted');
    assert.ok(Number(lines[0]!.split('\t')[2]) > Number(characters), 'version 1 is longer: a paragraph went');
  });

  test('review prints each highlight carried onto the latest version with its state and quotes', async () => {
    const { notebook, id, file } = await sampleWithVersion('review.json');
    await parley('import', file, '--replaces', id, '--notebook', notebook);
    const review = await parley('review', id, '--notebook', notebook);
    assert.equal(review.code, 0, review.stderr);
    const rows = review.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    assert.equal(rows.length, 14);
    assert.ok(rows.every((row) => row.length === 4));
    const byState = (state: string) => rows.filter((row) => row[0] === state);
    assert.equal(byState('kept').length, 11);
    assert.deepEqual(
      byState('changed').map((row) => [row[2], row[3]]),
      [
        [
          'his extradition to UK is absolutely out of the question',
          'his extradition to UK is out of the question',
        ],
      ],
    );
    assert.match(byState('moved')[0]![2]!, /^he expects Iran to accept IAEA proposal/);
    assert.equal(byState('moved')[0]![2], byState('moved')[0]![3]);
    const [lost] = byState('lost');
    assert.match(lost![2]!, /^Russia would like to see EU ratifying the Lisbon Treaty/);
    assert.equal(lost![3], '', 'a lost one has no new quote');
  });

  test('diff prints a header per paragraph changed, with words deleted [-…-] and inserted {+…+}', async () => {
    const { notebook, id, file } = await sampleWithVersion('diff.json');
    await parley('import', file, '--replaces', id, '--notebook', notebook);
    const diff = await parley('diff', id, '--notebook', notebook);
    assert.equal(diff.code, 0, diff.stderr);
    const lines = diff.stdout.split('\n');
    assert.deepEqual(
      lines.filter((line) => line.startsWith('@@')),
      ['@@ ¶1 → ¶1 @@', '@@ ¶7 → gone @@', '@@ ¶8 → gone @@', '@@ ¶9 → ¶7 @@', '@@ new → ¶12 @@'],
    );
    assert.ok(
      lines.includes(
        '{+Updated on 3 November. +}Russian Foreign Minister Sergey Lavrov has called his talks with the head of British Foreign Office successful and fruitful.',
      ),
    );
    assert.ok(
      lines.includes(
        'Speaking about the notorious Lugovoy case, Lavrov stated that his extradition to UK is [-absolutely -]out of the question{+ entirely+}.',
      ),
    );
    assert.ok(lines.some((line) => /^\[-He also said Russia would like to see EU.*-\]$/.test(line)));
    assert.ok(!diff.stdout.includes('Our position has not changed'), 'paragraphs the same are left out');
    // The same versions either way round give nothing.
    const same = await parley('diff', id, '--from', '2', '--to', '2', '--notebook', notebook);
    assert.equal(same.code, 0);
    assert.equal(same.stdout, '');
    assert.match(same.stderr, /Versions 2 and 2 read the same/);
    const back = await parley('diff', id, '--from', '2', '--to', '1', '--notebook', notebook);
    assert.ok(back.stdout.includes('@@ ¶7 → ¶9 @@'));
  });

  test('a third version: diff defaults to the last two, and --from and --to choose', async () => {
    const { notebook, id, file } = await sampleWithVersion('third.json');
    await parley('import', file, '--replaces', id, '--notebook', notebook);
    const third = join(dir(), 'third.txt');
    await writeFile(
      third,
      (await editedSample()).replace('to launch an investigation', 'to open an investigation'),
    );
    const imported = await parley('import', third, '--replaces', id, '--notebook', notebook);
    assert.match(imported.stderr, /^version 3: /);
    const last = await parley('diff', id, '--notebook', notebook);
    assert.deepEqual(
      last.stdout.split('\n').filter((line) => line.startsWith('@@')),
      ['@@ ¶11 → ¶11 @@'],
    );
    assert.match(last.stdout, /London to \[-launch-\]\{\+open\+\} an investigation/);
    const whole = await parley('diff', id, '--from', '1', '--to', '3', '--notebook', notebook);
    assert.equal(whole.stdout.split('\n').filter((line) => line.startsWith('@@')).length, 6);
    const review = await parley('review', id, '--notebook', notebook);
    assert.ok(
      review.stdout
        .split('\n')
        .some((line) => line.startsWith('changed\t') && line.endsWith('to open an investigation in Russia')),
    );
  });

  test('unknown ids, versions out of range, a document with one version and missing arguments say so', async () => {
    const { notebook, id } = await sampleNotebook(dir(), 'errors.json');
    for (const command of ['versions', 'review', 'diff']) {
      const unknown = await parley(command, 'no-such-id', '--notebook', notebook);
      assert.equal(unknown.code, 1, command);
      assert.match(unknown.stderr, /There is no document with id "no-such-id"/, command);
      const missing = await parley(command, '--notebook', notebook);
      assert.equal(missing.code, 2, command);
      assert.match(missing.stderr, new RegExp(`${command} needs one document ID`), command);
    }
    const one = await parley('diff', id, '--notebook', notebook);
    assert.equal(one.code, 1);
    assert.match(one.stderr, /has one version: there is nothing to compare/);
    const reviewOne = await parley('review', id, '--notebook', notebook);
    assert.equal(reviewOne.code, 0);
    assert.equal(reviewOne.stdout, '');
    assert.match(reviewOne.stderr, /one version/);
    const file = join(dir(), 'errors-edited.txt');
    await writeFile(file, await editedSample());
    await parley('import', file, '--replaces', id, '--notebook', notebook);
    const range = await parley('diff', id, '--from', '1', '--to', '9', '--notebook', notebook);
    assert.equal(range.code, 1);
    assert.match(range.stderr, /has no version 9: it has versions 1 to 2/);
    const toOnly = await parley('diff', id, '--to', '9', '--notebook', notebook);
    assert.equal(toOnly.code, 1);
    assert.match(toOnly.stderr, /has no version 9: it has versions 1 to 2/);
    const toFirst = await parley('diff', id, '--to', '1', '--notebook', notebook);
    assert.equal(toFirst.code, 1);
    assert.match(toFirst.stderr, /nothing before it/);
    const notNumber = await parley('diff', id, '--from', 'first', '--notebook', notebook);
    assert.equal(notNumber.code, 2);
    assert.match(notNumber.stderr, /--from takes a version number/);
  });
});

describe('a page from the address of a document already imported', () => {
  const page = (paragraphs: string[]) =>
    '<!doctype html><html><head><title>Ferry decision delayed</title>' +
    '<link rel="canonical" href="https://news.example.org/ferry/"></head><body><article>' +
    `<h1>Ferry decision delayed</h1><p>${paragraphs.join('</p><p>')}</p></article></body></html>`;
  const paragraphs = [
    'The harbour council put off its decision on the new ferry line on Tuesday, after a long meeting.',
    'Mayor Ilse Brandt said the council needed more time to weigh the costs of the line against its benefits.',
    'A final vote is expected in March, when the council hears from the shipping companies that bid.',
  ];

  test('is imported as before, and stderr names the document and the command that imports it as a version', async () => {
    const notebook = join(dir(), 'address.json');
    const first = join(dir(), 'ferry.html');
    await writeFile(first, page(paragraphs));
    const one = await parley('import', first, '--notebook', notebook);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stderr, '');
    const oldId = one.stdout.split('\t')[0]!;
    const again = join(dir(), 'ferry again.html');
    await writeFile(again, page(paragraphs.slice(0, 2)));
    const two = await parley('import', again, '--notebook', notebook);
    assert.equal(two.code, 0, two.stderr);
    assert.match(
      two.stderr,
      new RegExp(
        `^ferry again\\.html has the same address as “Ferry decision delayed” \\(${oldId}\\); to import it as a new ` +
          `version of that document instead: parley import '${again.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' --replaces ${oldId}\\n$`,
      ),
    );
    assert.equal((await parley('list', '--notebook', notebook)).stdout.trim().split('\n').length, 2);
  });
});
