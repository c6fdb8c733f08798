// The importers: the sample article comes out with its headline, date and fourteen paragraphs and none of its
// scraped furniture; other pages' furniture goes by the same general rule; real paragraphs, short or quoted, stay.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  importByFileName,
  importMarkdown,
  importPlainText,
  isPageFurniture,
  parseDateLine,
  type DocumentDraft,
} from '../../../main/core/import-text';
import { ParleyError } from '../../../shared/model';
import { runs } from '../properties/seed';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');

function paragraphs(draft: DocumentDraft): string[] {
  return draft.blocks.map((block) => draft.text.slice(block.start, block.end));
}

/** Blocks cover the text exactly: in order, joined by one blank line, nothing else in between. */
function assertBlocksTileText(draft: DocumentDraft): void {
  assert.equal(paragraphs(draft).join('\n\n'), draft.text);
  let previousEnd = -2;
  for (const block of draft.blocks) {
    assert.equal(block.start, previousEnd + 2);
    assert.ok(block.end > block.start);
    previousEnd = block.end;
  }
}

describe('importPlainText on the sample article', () => {
  const draft = importPlainText(SAMPLE, { fileName: 'sample-miliband-lavrov.txt', source: 'RT' });
  const sourceLines = SAMPLE.split('\n').filter((line) => line.trim() !== '');

  test('takes the headline as title and the date line as published', () => {
    assert.equal(draft.title, 'Miliband: bilateral differences will not obscure our relationship');
    assert.equal(draft.published, '2009-11-02T10:22');
    assert.equal(draft.source, 'RT');
    assert.equal(draft.url, '');
    assert.equal(draft.format, 'text');
  });

  test('keeps the fourteen body paragraphs, in order and unchanged', () => {
    const body = paragraphs(draft);
    assert.equal(body.length, 14);
    assert.ok(body[0]!.startsWith('Russian Foreign Minister Sergey Lavrov'));
    assert.ok(body[13]!.endsWith('Lugovoy said.'));
    // The file's non-empty lines after furniture, date and headline are exactly the body.
    assert.deepEqual(body, sourceLines.slice(3));
    assert.ok(draft.blocks.every((block) => block.kind === 'paragraph'));
    assertBlocksTileText(draft);
  });

  test('drops the furniture line and keeps headline and date out of the body', () => {
    assert.ok(!draft.text.includes('bookmarkicon'));
    assert.ok(!draft.text.includes('icon'));
    assert.ok(!draft.text.includes('2 Nov, 2009'));
    assert.ok(!draft.text.includes('Miliband: bilateral differences will not obscure'));
  });
});

describe('isPageFurniture', () => {
  const furniture = [
    'icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon',
    'Home News Sport Weather iPlayer Sounds',
    'News Opinion Sport Culture Lifestyle',
    'World Europe US Americas Asia Australia Middle East Africa Inequality Global development',
    'Share this article Facebook Twitter Email',
    'Skip to content',
    'Skip to main content',
    'Sign in Subscribe',
    'Advertisement',
    'ADVERTISEMENT',
    'Accept all cookies',
    'Cookie settings',
    'Follow us on Twitter',
    'Comments (12)',
    'Read more',
    'Most read',
    'Log in | Register',
    'Home › World › Europe',
    'The Daily Example - Back to home',
    'Tags: Russia, UK, Iran',
    'Loading...',
    'Download the app',
    '© 2009 Autonomous Nonprofit Organization “TV-Novosti”. All rights reserved.',
    'menu-toggle btn-close fa-share searchbutton navarrow dropdownmenu user account',
  ];
  const prose = [
    'He refused.',
    'No.',
    'Why Russia said no',
    'Miliband: bilateral differences will not obscure our relationship',
    'Russia rejects UK extradition request',
    'Russia Rejects Britain’s Extradition Request for Andrey Lugovoy Again',
    'Lavrov Miliband Moscow talks nuclear proliferation Afghanistan Middle East',
    '“Our position has not changed,” Sergey Lavrov said at a news conference.',
    'Share your thoughts with us.',
    'Sign the treaty now, he said.',
    'Photo: Reuters',
    'By John Smith',
    'Iran',
    'Lexicon of diplomacy',
    'Miliband in Moscow | RT News',
    'Lavrov - Miliband talks',
    'Breaking news: Lavrov and Miliband meet in Moscow',
    'The menu at the embassy dinner included caviar and blini.',
    'Follow the money: who pays for the pipeline?',
    '',
  ];
  for (const line of furniture) {
    test(`furniture: ${line.slice(0, 50)}`, () => assert.equal(isPageFurniture(line), true));
  }
  for (const line of prose) {
    test(`not furniture: ${JSON.stringify(line.slice(0, 50))}`, () =>
      assert.equal(isPageFurniture(line), false));
  }

  test('a line of prose is never furniture, whatever words it uses', (t) => {
    const words = ['share', 'menu', 'icon', 'search', 'the', 'sign', 'in', 'Russia', 'cookie', 'news', 'we'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 12 }), (picked) => {
        const sentence = `${picked.join(' ')}.`;
        return !isPageFurniture(sentence[0]!.toUpperCase() + sentence.slice(1));
      }),
      runs(t, 100),
    );
  });
});

describe('parseDateLine', () => {
  const cases: Array<[string, string | null]> = [
    ['2 Nov, 2009 10:22', '2009-11-02T10:22'],
    ['November 2, 2009', '2009-11-02'],
    ['2009-11-02', '2009-11-02'],
    ['Mon 2 Nov 2009', '2009-11-02'],
    ['Monday, November 2, 2009 10:22 PM', '2009-11-02T22:22'],
    ['Published: 2 November 2009, 10:22 GMT', '2009-11-02T10:22'],
    ['Updated 3:05 pm, Nov 2nd 2009', '2009-11-02T15:05'],
    ['12:05 am 2 Nov 2009', '2009-11-02T00:05'],
    ['2 Nov 2009, 10 p.m.', '2009-11-02T22:00'],
    ['the 2nd of November 2009', '2009-11-02'],
    ['2009-11-02T10:22:00Z', '2009-11-02T10:22'],
    ['2009-11-02 10:22:00 +0300', '2009-11-02T10:22'],
    ['2009/11/02', '2009-11-02'],
    ['2.11.2009', '2009-11-02'],
    ['Mon 2 Nov 2009 12.03 GMT', '2009-11-02T12:03'],
    ['25/11/2009', '2009-11-25'],
    ['11/25/2009', '2009-11-25'],
    ['29 Feb 2008', '2008-02-29'],
    // Day and month could be swapped: not guessed.
    ['02/11/2009', null],
    ['29 Feb 2009', null],
    ['31 April 2009', null],
    ['2 Nov, 2009 25:22', null],
    ['13:05 pm 2 Nov 2009', null],
    ['In 2009 on 2 Nov we met', null],
    ['Lavrov met Miliband on 2 November 2009 in Moscow.', null],
    ['2009', null],
    ['', null],
  ];
  for (const [line, expected] of cases) {
    test(`${JSON.stringify(line)} → ${expected}`, () => assert.equal(parseDateLine(line), expected));
  }
});

describe('importPlainText, general rules', () => {
  const page = [
    'Skip to content',
    'Home News Sport Weather iPlayer Sounds',
    'Sign in Subscribe',
    '',
    'Lavrov and Miliband agree to differ',
    '',
    'By Jane Reporter',
    'Published 2 November 2009',
    'Share this article Facebook Twitter Email',
    '',
    'Russian Foreign Minister Sergey Lavrov called his talks with the head of the British Foreign Office fruitful.',
    '',
    'No.',
    '',
    '“Never,” he said.',
    '',
    'Advertisement',
    '',
    'The two ministers signed three joint statements on non-proliferation, Afghanistan and the Middle East.',
    '',
    'Related articles',
    'Accept all cookies',
    '© 2009 Example News Ltd. All rights reserved.',
    '',
  ].join('\n');

  test('drops another site’s furniture at both edges and keeps every real paragraph', () => {
    const draft = importPlainText(page, { fileName: 'page.txt' });
    assert.equal(draft.title, 'Lavrov and Miliband agree to differ');
    assert.equal(draft.published, '2009-11-02');
    assert.deepEqual(paragraphs(draft), [
      'By Jane Reporter',
      'Russian Foreign Minister Sergey Lavrov called his talks with the head of the British Foreign Office fruitful.',
      'No.',
      '“Never,” he said.',
      // Inside the body nothing is dropped, even a line that looks like furniture.
      'Advertisement',
      'The two ministers signed three joint statements on non-proliferation, Afghanistan and the Middle East.',
    ]);
    assertBlocksTileText(draft);
  });

  test('a newspaper page: section menus, share buttons, a byline and a topic list around the article', () => {
    const newspaper = [
      'Menu',
      'Search',
      'The Daily Example - Back to home',
      'News Opinion Sport Culture Lifestyle',
      'World Europe US Americas Asia Australia Middle East Africa Inequality Global development',
      '',
      'Can Britain and Russia ever trust each other?',
      'A visit to Moscow shows how far apart the two countries remain',
      '',
      'Luke Reporter in Moscow',
      'Mon 2 Nov 2009 12.03 GMT',
      '',
      'Share on Facebook',
      'Share on Twitter',
      '',
      'The British foreign secretary arrived in Moscow today.',
      '',
      '"We have real differences," he said.',
      '',
      'Yes.',
      '',
      'Sam Reporter',
      '',
      'Topics',
      'Russia',
      'Foreign policy',
      'Reuse this content',
    ].join('\n');
    const draft = importPlainText(newspaper);
    assert.equal(draft.title, 'Can Britain and Russia ever trust each other?');
    assert.equal(draft.published, '2009-11-02T12:03');
    assert.deepEqual(paragraphs(draft), [
      'A visit to Moscow shows how far apart the two countries remain',
      'Luke Reporter in Moscow',
      'The British foreign secretary arrived in Moscow today.',
      '"We have real differences," he said.',
      'Yes.',
      // A signature before the trailer stays; the trailer from "Topics" on goes.
      'Sam Reporter',
    ]);
  });

  test('single line breaks between short sentences separate paragraphs; between other short lines they stay', () => {
    const draft = importPlainText(
      [
        'Russia Today',
        'Miliband visit: talks "successful"',
        'November 2, 2009',
        'Lavrov said the talks were successful. He praised Miliband.',
        'Miliband said he hoped for progress.',
        'Cookie policy | Privacy | Terms of use',
        '',
        'Roses are red,',
        'violets are blue,',
        'the talks were long',
        'and so are you.',
      ].join('\n'),
    );
    assert.equal(draft.title, 'Miliband visit: talks "successful"');
    assert.equal(draft.published, '2009-11-02');
    assert.deepEqual(paragraphs(draft), [
      'Russia Today',
      'Lavrov said the talks were successful. He praised Miliband.',
      'Miliband said he hoped for progress.',
      'Cookie policy | Privacy | Terms of use',
      'Roses are red,\nviolets are blue,\nthe talks were long\nand so are you.',
    ]);
  });

  test('line endings, BOM, NFC and trailing spaces are normalized', () => {
    const lf = 'Title of the piece\n\nCaf\u0065\u0301 society met.   \n\nSecond paragraph here.\t\n';
    const expected = importPlainText(lf);
    assert.equal(expected.text, 'Café society met.\n\nSecond paragraph here.');
    assert.equal(expected.text.normalize('NFC'), expected.text);
    assert.deepEqual(importPlainText(`\ufeff${lf.replace(/\n/g, '\r\n')}`), expected);
    assert.deepEqual(importPlainText(lf.replace(/\n/g, '\r')), expected);
  });

  test('long lines separated by single newlines are one paragraph each', () => {
    const long = (n: number) =>
      `Paragraph ${n} ${'has many words in it and goes on '.repeat(4)}until it ends.`;
    const draft = importPlainText(
      `Short headline here\n${long(1)}\n${long(2)}\nA short closing line.\n${long(3)}`,
    );
    assert.equal(draft.title, 'Short headline here');
    assert.deepEqual(paragraphs(draft), [long(1), long(2), 'A short closing line.', long(3)]);
  });

  test('hard-wrapped paragraphs are joined back into one line, hyphenated breaks without a space', () => {
    const text = [
      'A wrapped article',
      '',
      'Russian Foreign Minister Sergey Lavrov has called his talks with the',
      'head of the British Foreign Office successful and fruitful, and he',
      'said so twice at the news conference held in Moscow on Monday.',
      '',
      'He said he is grateful to David Miliband for the productive talks and',
      'expressed hope they could help each work more closely on the well-',
      'known issues the two countries have not reached a consensus on yet.',
    ].join('\n');
    const draft = importPlainText(text);
    assert.deepEqual(paragraphs(draft), [
      'Russian Foreign Minister Sergey Lavrov has called his talks with the head of the British Foreign Office successful and fruitful, and he said so twice at the news conference held in Moscow on Monday.',
      'He said he is grateful to David Miliband for the productive talks and expressed hope they could help each work more closely on the well-known issues the two countries have not reached a consensus on yet.',
    ]);
  });

  test('short lines kept together stay one paragraph with their line breaks', () => {
    const draft = importPlainText(
      'Shopping list for the summit\n\nThe delegation asked for these.\n\nApples\nPears\nPlums\n\nThat was all.',
    );
    assert.deepEqual(paragraphs(draft), [
      'The delegation asked for these.',
      'Apples\nPears\nPlums',
      'That was all.',
    ]);
  });

  test('the title falls back to the file name, then to "Untitled"', () => {
    const body = 'The talks were long. Nobody expected an agreement.';
    assert.equal(importPlainText(body, { fileName: '/home/ann/notes/talks-2009.txt' }).title, 'talks-2009');
    assert.equal(importPlainText(body, { fileName: 'C:\\notes\\moscow.text' }).title, 'moscow');
    assert.equal(importPlainText(body).title, 'Untitled');
    assert.equal(importPlainText(body).text, body);
  });

  test('the headline is the first short line of some words, not a section label above or a standfirst below', () => {
    const draft = importPlainText(
      'Europe Desk\n\nLavrov and Miliband agree to differ\n\n' +
        'The foreign ministers met in Moscow and signed three joint statements but not on extradition\n\n' +
        'The talks ended without agreement.',
    );
    assert.equal(draft.title, 'Lavrov and Miliband agree to differ');
    assert.deepEqual(paragraphs(draft), [
      'Europe Desk',
      'The foreign ministers met in Moscow and signed three joint statements but not on extradition',
      'The talks ended without agreement.',
    ]);
  });

  test('a text that is only a headline keeps it as its body', () => {
    const draft = importPlainText('Hello world');
    assert.equal(draft.title, 'Hello world');
    assert.equal(draft.text, 'Hello world');
  });

  test('a bare link at the edges becomes the url', () => {
    const draft = importPlainText(
      'Lavrov in Moscow\n\nThe minister spoke at length.\n\nhttps://www.rt.com/news/lavrov-miliband-talks/\n',
    );
    assert.equal(draft.url, 'https://www.rt.com/news/lavrov-miliband-talks/');
    assert.equal(draft.text, 'The minister spoke at length.');
  });

  test('any input yields paragraphs that tile the text, trimmed and without blank lines inside', (t) => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\n', '\n\n', ' ', '\r\n')),
          {
            maxLength: 30,
          },
        ),
        (pieces) => {
          const draft = importPlainText(pieces.join(''));
          assertBlocksTileText(draft);
          for (const paragraph of paragraphs(draft)) {
            assert.equal(paragraph, paragraph.trim());
            assert.ok(!paragraph.includes('\n\n'));
            assert.ok(!paragraph.includes('\r'));
          }
          assert.equal(draft.text, draft.text.normalize('NFC'));
        },
      ),
      runs(t, 100),
    );
  });

  test('furniture around an article goes and every sentence of the article stays', (t) => {
    const furnitureLine = fc.constantFrom(
      'Skip to content',
      'Home News Sport Weather iPlayer Sounds',
      'Sign in Subscribe',
      'Share this article Facebook Twitter Email',
      'Advertisement',
      'Accept all cookies',
      'Most read',
      'Home › World › Europe',
      '© 2009 Example News Ltd. All rights reserved.',
    );
    const sentence = fc
      .array(
        fc.constantFrom(
          'share',
          'menu',
          'the',
          'talks',
          'Lavrov',
          'said',
          'sign',
          'in',
          'news',
          'home',
          'icon',
        ),
        {
          minLength: 2,
          maxLength: 20,
        },
      )
      .map((words) => `${words.join(' ')}.`)
      .map((text) => text[0]!.toUpperCase() + text.slice(1));
    fc.assert(
      fc.property(
        fc.array(furnitureLine, { maxLength: 4 }),
        fc.array(sentence, { minLength: 1, maxLength: 6 }),
        fc.array(furnitureLine, { maxLength: 4 }),
        fc.boolean(),
        (header, body, footer, blankLines) => {
          const lines = [...header, 'The headline of the piece', ...body, ...footer];
          const draft = importPlainText(lines.join(blankLines ? '\n\n' : '\n'));
          assert.equal(draft.title, 'The headline of the piece');
          assert.deepEqual(paragraphs(draft), body);
        },
      ),
      runs(t, 100),
    );
  });

  test('paragraphs of prose separated by blank lines come back unchanged', (t) => {
    const sentence = fc
      .array(
        fc.constantFrom('the', 'talks', 'Lavrov', 'said', 'Britain', 'would', 'not', 'agree', 'on', 'Iran'),
        {
          minLength: 3,
          maxLength: 25,
        },
      )
      .map((words) => `${words.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (body) => {
        const draft = importPlainText(`A headline for the test\n\n${body.join('\n\n')}\n`);
        assert.equal(draft.title, 'A headline for the test');
        assert.deepEqual(paragraphs(draft), body);
      }),
      runs(t, 100),
    );
  });
});

describe('importMarkdown', () => {
  const markdown = [
    '---',
    'title: "Miliband: bilateral differences"',
    'source: RT',
    'date: 2009-11-02 10:22',
    'url: https://www.rt.com/news/x',
    'tags: [ignored]',
    '---',
    '',
    '# Miliband: bilateral differences',
    '',
    'Some **bold** and _em_ text with a [link](http://example.com) and `co<de>` &amp; \\* escaped,',
    'continued on a second line  ',
    'after a hard break. ![a chart](chart.png)',
    '',
    '## Section *two*',
    '',
    '- item one',
    '- item *two*',
    '  - nested item',
    '',
    '1. first step',
    '',
    '> quoted passage',
    '',
    '```js',
    'const x = 1;',
    '',
    'const y = 2;',
    '```',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '<!-- a comment -->',
    '',
    '---',
    '',
    'Last paragraph.',
  ].join('\n');

  test('takes front matter and strips the syntax from the reading text', () => {
    const draft = importMarkdown(markdown, { fileName: 'talks.md' });
    assert.equal(draft.title, 'Miliband: bilateral differences');
    assert.equal(draft.source, 'RT');
    assert.equal(draft.published, '2009-11-02T10:22');
    assert.equal(draft.url, 'https://www.rt.com/news/x');
    assert.equal(draft.format, 'markdown');
    assert.deepEqual(paragraphs(draft), [
      'Some bold and em text with a link and co<de> & * escaped, continued on a second line\nafter a hard break.',
      'Section two',
      'item one',
      'item two',
      'nested item',
      'first step',
      'quoted passage',
      'const x = 1;\n\nconst y = 2;',
      'a | b',
      '1 | 2',
      'Last paragraph.',
    ]);
    assert.deepEqual(
      draft.blocks.map((block) => block.kind),
      [
        'paragraph',
        'heading',
        ...new Array<string>(4).fill('list-item'),
        'quote',
        'code',
        ...new Array<string>(3).fill('paragraph'),
      ],
    );
    assertBlocksTileText(draft);
  });

  test('without front matter the first # heading is the title and leaves the body', () => {
    const draft = importMarkdown('# The *real* title\r\n\r\nBody text.\r\n\r\n## Later\r\n\r\nMore.');
    assert.equal(draft.title, 'The real title');
    assert.equal(draft.published, '');
    assert.deepEqual(paragraphs(draft), ['Body text.', 'Later', 'More.']);
    assert.deepEqual(
      draft.blocks.map((block) => block.kind),
      ['paragraph', 'heading', 'paragraph'],
    );
  });

  test('a front matter title differing from the first heading keeps that heading', () => {
    const draft = importMarkdown(
      "---\ntitle: 'It''s the title'\npublished: November 2, 2009\n---\n# Intro\n\nText.",
    );
    assert.equal(draft.title, "It's the title");
    assert.equal(draft.published, '2009-11-02');
    assert.deepEqual(paragraphs(draft), ['Intro', 'Text.']);
  });

  test('front matter values it cannot read are left alone', () => {
    const draft = importMarkdown('---\ntitle: >\n  Folded title\ndate: someday\n---\nText.', {
      fileName: 'f.md',
    });
    assert.equal(draft.title, 'f');
    assert.equal(draft.published, '');
    assert.equal(draft.text, 'Text.');
  });

  test('with no title anywhere the file name is used', () => {
    assert.equal(importMarkdown('Just *text*.', { fileName: 'notes.markdown' }).title, 'notes');
  });
});

describe('importByFileName', () => {
  test('chooses the importer by extension, in any case', () => {
    const text = '# Heading\n\nSome *text*.';
    assert.equal(importByFileName('a.txt', text).format, 'text');
    assert.equal(importByFileName('a.TEXT', text).format, 'text');
    assert.equal(importByFileName('a.md', text).format, 'markdown');
    assert.equal(importByFileName('a.Markdown', text).format, 'markdown');
    assert.equal(importByFileName('a.md', text).text, 'Some text.');
    assert.equal(importByFileName('a.txt', text).text, 'Some *text*.');
    assert.equal(importByFileName('dir/sample.txt', SAMPLE).title.startsWith('Miliband'), true);
  });

  test('passes the file name for the title and the source through', () => {
    const draft = importByFileName('/tmp/notes/moscow-talks.txt', 'Nothing but a sentence here.', {
      source: 'BBC',
    });
    assert.equal(draft.title, 'moscow-talks');
    assert.equal(draft.source, 'BBC');
  });

  const refused = (fileName: string, content: string, code: string, mentions: RegExp[]) => () => {
    assert.throws(
      () => importByFileName(fileName, content),
      (error: unknown) => {
        assert.ok(error instanceof ParleyError);
        assert.equal(error.code, code);
        for (const pattern of mentions) assert.match(error.message, pattern);
        return true;
      },
    );
  };

  test(
    'refuses other formats, naming the accepted ones',
    refused('report.pdf', 'text', 'unsupported-format', [/report\.pdf/, /\.txt/, /\.md/]),
  );
  test('refuses a name without an extension', refused('README', 'text', 'unsupported-format', [/\.txt/]));
  test(
    'refuses content with NUL bytes',
    refused('a.txt', 'PK\u0003\u0004\u0000\u0000abc', 'unsupported-format', [/binary/]),
  );
  test(
    'refuses content full of control characters',
    refused('a.txt', 'ab\u0001cd\u0002ef\u0003gh\u0004ij\u0005', 'unsupported-format', [/binary/]),
  );
  test('refuses an empty file', refused('a.txt', '', 'invalid', [/empty/]));
  test('refuses a file of blank lines', refused('a.md', ' \n\n\t\n', 'invalid', [/empty/]));
  test(
    'refuses a file that is nothing but page furniture',
    refused('a.txt', 'Skip to content\nSign in Subscribe\n\nAccept all cookies', 'invalid', [/empty/]),
  );
});
