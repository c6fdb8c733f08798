// Decoding imported bytes: the encoding comes from evidence only (a byte order mark, the page's declaration, valid
// UTF-8), and anything else is refused with a message that names the file instead of being imported garbled.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeImportBytes, declaredCharset } from '../../../main/import/decode';
import { ParleyError } from '../../../shared/model';
import { ACCEPTED_FORMATS } from '../../../shared/import-formats';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

function refused(code: string, fileName: string, pattern: RegExp) {
  return (error: unknown) =>
    error instanceof ParleyError &&
    error.code === code &&
    error.message.includes(`"${fileName}"`) &&
    pattern.test(error.message);
}

const TEXT = 'Lavrov said extradition was “absolutely out of the question” — café, €2m, 𝔸.';

describe('byte order marks', () => {
  test('UTF-8 with a BOM: the BOM goes, the text stays', () => {
    assert.equal(decodeImportBytes('a.txt', concat([0xef, 0xbb, 0xbf], utf8(TEXT))), TEXT);
  });

  test('UTF-16LE and UTF-16BE with a BOM', () => {
    assert.equal(decodeImportBytes('le.txt', concat([0xff, 0xfe], utf16(TEXT, true))), TEXT);
    assert.equal(decodeImportBytes('be.txt', concat([0xfe, 0xff], utf16(TEXT, false))), TEXT);
  });

  test('a BOM outranks a page declaration', () => {
    const page = '<html><head><meta charset="windows-1252"></head><body><p>“Quoted”</p></body></html>';
    assert.equal(decodeImportBytes('p.html', concat([0xef, 0xbb, 0xbf], utf8(page))), page);
  });

  test('UTF-16 without a BOM is refused rather than guessed', () => {
    assert.throws(
      () => decodeImportBytes('nobom.txt', utf16('Plain words here', true)),
      refused('unsupported-format', 'nobom.txt', /NUL bytes/),
    );
  });
});

describe('declared encodings', () => {
  test('a windows-1252 page with a <meta http-equiv> declaration reads its curly quotes', () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../../fixtures/pages/windows-1252.html', import.meta.url)),
    );
    assert.ok(bytes.includes(0x93) && bytes.includes(0x94), 'the fixture is really windows-1252');
    const text = decodeImportBytes('windows-1252.html', bytes);
    assert.ok(text.includes('spoke of a “new page” in relations'));
    assert.ok(text.includes('David Miliband’s visit'));
    assert.ok(text.includes('some €2 million'));
    assert.doesNotMatch(text, /[\u0080-\u009f\ufffd]/);
  });

  test('<meta charset> with iso-8859-1 is read as windows-1252, as browsers do', () => {
    const head = utf8(
      '<!doctype html><html><head><meta charset="ISO-8859-1"><title>t</title></head><body><p>',
    );
    const bytes = concat(head, [0x93, 0x4f, 0x4b, 0x94, 0x20, 0xe9, 0x20, 0x80], utf8('</p></body></html>'));
    assert.match(decodeImportBytes('latin.htm', bytes), /<p>“OK” é €<\/p>/);
  });

  test('a windows-1251 page is read in Cyrillic', () => {
    const head = utf8(
      '<html><head><meta http-equiv="content-type" content="text/html;charset=windows-1251">',
    );
    // "Лавров" in windows-1251.
    const bytes = concat(head, [0xcb, 0xe0, 0xe2, 0xf0, 0xee, 0xe2], utf8('</head></html>'));
    assert.match(decodeImportBytes('ru.html', bytes), /Лавров/);
  });

  test('a declaration inside a comment is not believed', () => {
    assert.equal(declaredCharset('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">'), 'utf-8');
    assert.equal(declaredCharset('<!-- <meta charset="koi8-r"> -->'), null);
    assert.equal(declaredCharset('<?xml version="1.0" encoding="ISO-8859-15"?><html>'), 'ISO-8859-15');
  });

  test('declarations count only in web pages: a text file must be UTF-8', () => {
    const bytes = concat(utf8('<meta charset="windows-1252"> '), [0x93, 0x41, 0x94]);
    assert.throws(() => decodeImportBytes('notes.txt', bytes), refused('encoding', 'notes.txt', /not UTF-8/));
  });

  test('an unknown declared encoding is named in the refusal unless the page is valid UTF-8', () => {
    const declared = '<html><head><meta charset="x-mac-klingon"></head><body>';
    assert.equal(decodeImportBytes('ok.html', utf8(`${declared}“fine”`)), `${declared}“fine”`);
    assert.throws(
      () => decodeImportBytes('bad.html', concat(utf8(declared), [0x93, 0x94])),
      refused('encoding', 'bad.html', /x-mac-klingon/),
    );
  });

  test('a page that claims UTF-8 but is not is refused, not garbled', () => {
    const bytes = concat(utf8('<html><head><meta charset="utf-8"></head><body>'), [0x93, 0x41, 0x94]);
    assert.throws(() => decodeImportBytes('liar.html', bytes), refused('encoding', 'liar.html', /UTF-8/));
  });
});

describe('undeclared bytes', () => {
  test('valid UTF-8 without a BOM is read as UTF-8', () => {
    assert.equal(decodeImportBytes('plain.md', utf8(TEXT)), TEXT);
  });

  test('invalid UTF-8 with no declaration is refused with a clear message', () => {
    const bytes = concat(utf8('He said '), [0x93, 0x6e, 0x6f, 0x94], utf8(' twice.'));
    assert.throws(
      () => decodeImportBytes('/home/r/Downloads/statement.txt', bytes),
      refused('encoding', 'statement.txt', /not UTF-8 and does not say which encoding/),
    );
  });
});

describe('what is not text', () => {
  test('PNG bytes are refused as an image', () => {
    const png = concat(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52],
      [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4],
    );
    assert.throws(
      () => decodeImportBytes('photo.html', png),
      refused('unsupported-format', 'photo.html', /PNG image/),
    );
  });

  test('a PDF renamed to .txt is refused as a PDF, saying to give it its extension', () => {
    for (const name of ['paper.txt', 'paper.html', 'paper']) {
      assert.throws(
        () => decodeImportBytes(name, utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj')),
        refused(
          'unsupported-format',
          name,
          /looks like a PDF document: rename it to end in \.pdf to import it\. Parley imports .*a PDF \(\.pdf\) or a Word document \(\.docx\)/,
        ),
      );
    }
  });

  test('a Word file (a ZIP) renamed to .txt is refused as what it may be', () => {
    const zip = concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], utf8('[Content_Types].xml'));
    assert.throws(
      () => decodeImportBytes('notes.txt', zip),
      refused(
        'unsupported-format',
        'notes.txt',
        /may be a Word document \(\.docx\): if it is a Word document, rename it to end in \.docx to import it\./,
      ),
    );
  });

  test('the formats named in a refusal are the accepted ones', () => {
    assert.throws(
      () => decodeImportBytes('photo.txt', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])),
      (error: unknown) =>
        error instanceof ParleyError && error.message.endsWith(`Parley imports ${ACCEPTED_FORMATS}.`),
    );
  });

  test('control characters throughout mark a binary file', () => {
    const bytes = new Uint8Array(400);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26);
    assert.throws(
      () => decodeImportBytes('blob.md', bytes),
      refused('unsupported-format', 'blob.md', /control/),
    );
  });

  test('an empty file and a file of blanks are refused', () => {
    assert.throws(
      () => decodeImportBytes('empty.txt', new Uint8Array(0)),
      refused('invalid', 'empty.txt', /empty/),
    );
    assert.throws(
      () => decodeImportBytes('blank.md', utf8(' \n\t\n')),
      refused('invalid', 'blank.md', /empty/),
    );
  });

  test('a file over 20 MB is refused without being decoded', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    assert.throws(() => decodeImportBytes('big.txt', bytes), refused('too-large', 'big.txt', /20 MB/));
  });
});
