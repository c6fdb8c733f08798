// Written for Parley: accounts of one event. The short texts here were written for these tests and are not real
// reporting; the sample is the bundled RT report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  accountStatements,
  alignAccounts,
  alsoIn,
  compareAccounts,
  exportAccountsMarkdown,
} from '../../../main/core/accounts';
import { createEvent } from '../../../main/core/events';
import { addDocument, addSampleDocument, createAnnotation, createTopic } from '../../../main/core/notebook';
import { importPlainText } from '../../../main/core/import-text';
import { emptyNotebook, type Notebook } from '../../../shared/model';
import { parse as parseYaml } from 'yaml';
import { commonMarkText, lintFindings, rawHtml } from './markdown-check';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-05-01T09:00:00.000Z');
const NOW = new Date('2026-11-30T12:00:00.000Z');

/** Written for these tests, not real reporting: a wire story of the sample's talks, in reported speech. */
const WIRE = `Russia rules out extradition of Lugovoy

MOSCOW, Nov 2 (Wire) - Russian Foreign Minister Sergei Lavrov said on Monday that the extradition of Andrei Lugovoy to Britain was absolutely out of the question.

Lavrov said British demands that Russia amend its constitution were unrealistic.

British Foreign Secretary David Miliband said the two countries would not let bilateral differences obscure the strength of their relationship.

Miliband also said that Britain and Russia would open a new cultural season in Manchester next spring.`;

/** Written for these tests, not real reporting: a transcript in speaker-labelled turns. */
const TRANSCRIPT = `Joint press conference in Moscow

Transcript of the press conference given by the two ministers.

FOREIGN SECRETARY: Thank you. We are not allowing bilateral differences to obscure bilateral strength in our relationships of culture, of business or of politics.

And Britain and Russia will open a new cultural season in Manchester next spring.

QUESTION: Will Russia send Mr Lugovoy to London?

MINISTER LAVROV: Our position has not changed. The extradition of Mr Lugovoy is absolutely out of the question.`;

function notebook(): { nb: Notebook; rt: string; wire: string; transcript: string } {
  const nb = emptyNotebook();
  const rt = addSampleDocument(nb, SAMPLE, T0).id;
  const wire = addDocument(nb, importPlainText(WIRE), T0).id;
  const transcript = addDocument(nb, importPlainText(TRANSCRIPT), T0).id;
  return { nb, rt, wire, transcript };
}

test('a transcript’s turns are statements of their speakers, questions and courtesies are not, a turn goes on in the next paragraph', () => {
  const { nb, transcript } = notebook();
  const [uk, russia] = nb.parties;
  const statements = accountStatements(nb, transcript);
  const summary = statements.map((s) => [s.speaker, s.partyId, s.quote]);
  assert.deepEqual(summary, [
    [
      'Foreign Secretary',
      uk!.id,
      'We are not allowing bilateral differences to obscure bilateral strength in our relationships of culture, of business or of politics',
    ],
    [
      'Foreign Secretary',
      uk!.id,
      'And Britain and Russia will open a new cultural season in Manchester next spring',
    ],
    ['Minister Lavrov', russia!.id, 'Our position has not changed'],
    ['Minister Lavrov', russia!.id, 'The extradition of Mr Lugovoy is absolutely out of the question'],
  ]);
  assert.ok(statements.every((s) => s.place.startsWith('¶')));
});

test('reported speech that reports two statements gives two, and an interview’s answers are its subject’s', () => {
  const nb = emptyNotebook();
  addSampleDocument(nb, SAMPLE, T0);
  const reported = addDocument(
    nb,
    importPlainText(
      'Talks\n\nLavrov said the talks had been useful and that the two sides would meet again in spring.\n\nMiliband said he welcomed the statements and called for an early meeting of the six powers on Iran.',
    ),
    T0,
  ).id;
  assert.deepEqual(
    accountStatements(nb, reported).map((s) => [s.speaker, s.quote]),
    [
      ['Lavrov', 'the talks had been useful'],
      ['Lavrov', 'the two sides would meet again in spring'],
      ['Miliband', 'he welcomed the statements'],
      ['Miliband', 'called for an early meeting of the six powers on Iran'],
    ],
  );
  const interview = addDocument(
    nb,
    importPlainText(
      [
        'Interview',
        'Sergey Lavrov spoke to the paper after the talks in Moscow.',
        'Q: What did the talks achieve?',
        'A: Good afternoon. We signed three joint statements on the issues that matter most.',
        'Q: Will Mr Lugovoy be extradited?',
        'A: Our position on the extradition has not changed at all.',
      ].join('\n\n'),
    ),
    T0,
  ).id;
  const [, russia] = nb.parties;
  assert.deepEqual(
    accountStatements(nb, interview).map((s) => [s.speaker, s.partyId, s.quote]),
    [
      ['Sergey Lavrov', russia!.id, 'We signed three joint statements on the issues that matter most'],
      ['Sergey Lavrov', russia!.id, 'Our position on the extradition has not changed at all'],
    ],
  );
});

test('the same statement is found across accounts in direct and reported speech; what one account lacks is its omission', () => {
  const { nb, rt, wire, transcript } = notebook();
  const event = createEvent(nb, { name: 'Talks', documentIds: [rt, wire, transcript] }, T0);
  const { rows, omissions, accounts } = alignAccounts(nb, event.id);
  assert.deepEqual(
    accounts.map((a) => a.label),
    ['RT', 'Russia rules out extradition of Lugovoy', 'Joint press conference in Moscow'],
  );
  const rowWith = (i: number, words: string) => rows.findIndex((r) => r.cells[i]?.quote.includes(words));
  const extradition = rowWith(0, 'his extradition to UK is absolutely out of the question');
  assert.ok(extradition >= 0);
  assert.match(rows[extradition]!.cells[1]!.quote, /extradition of Andrei Lugovoy/);
  assert.match(rows[extradition]!.cells[2]!.quote, /extradition of Mr Lugovoy/);
  assert.equal(rows[extradition]!.wording, 'differs');

  const constitution = rowWith(0, 'amend our Constitution');
  assert.match(rows[constitution]!.cells[1]!.quote, /amend its constitution were unrealistic/);
  assert.equal(rows[constitution]!.cells[2], null);
  assert.ok(omissions[2]!.includes(constitution));

  // The season in Manchester, which the RT report lacks, is one row of the wire and the transcript, placed after
  // the statement before it in the wire.
  const season = rowWith(1, 'cultural season');
  assert.equal(rows[season]!.cells[0], null);
  assert.match(rows[season]!.cells[2]!.quote, /cultural season in Manchester/);
  assert.ok(omissions[0]!.includes(season));
  assert.equal(season, rowWith(1, 'bilateral differences') + 1);
  // "Our position has not changed" is said in the same words in RT and the transcript.
  const position = rowWith(0, 'Our position has not changed');
  assert.equal(rows[position]!.cells[2]!.quote, 'Our position has not changed');
  // Rows follow the first account's order.
  const firstOrder = rows.flatMap((r) => (r.cells[0] ? [r.cells[0].start] : []));
  assert.deepEqual(
    firstOrder,
    [...firstOrder].sort((a, b) => a - b),
  );
  // Every statement is in exactly one row.
  for (const [i, id] of [rt, wire, transcript].entries()) {
    const placed = rows.flatMap((r) => (r.cells[i] ? [r.cells[i].start] : [])).sort((a, b) => a - b);
    assert.deepEqual(
      placed,
      accountStatements(nb, id).map((s) => s.start),
    );
  }
});

test('statements of different parties are never aligned, and a tie aligns nothing', () => {
  const nb = emptyNotebook();
  addSampleDocument(nb, SAMPLE, T0);
  const one = addDocument(
    nb,
    importPlainText(
      'One\n\nLavrov said the new treaty on missile defence would be signed in Geneva next week.',
    ),
    T0,
  ).id;
  const other = addDocument(
    nb,
    importPlainText(
      'Other\n\nMiliband said the new treaty on missile defence would be signed in Geneva next week.',
    ),
    T0,
  ).id;
  const twice = addDocument(
    nb,
    importPlainText(
      'Twice\n\nLavrov said the new treaty on missile defence would be signed in Geneva next week.\n\nLater, Lavrov said that the new missile defence treaty would be signed in Geneva next week.',
    ),
    T0,
  ).id;
  const parties = createEvent(nb, { name: 'Two sides', documentIds: [one, other] }, T0);
  assert.ok(alignAccounts(nb, parties.id).rows.every((r) => r.cells.filter(Boolean).length === 1));
  const tie = createEvent(nb, { name: 'Said twice', documentIds: [one, twice] }, T0);
  assert.ok(alignAccounts(nb, tie.id).rows.every((r) => r.cells.filter(Boolean).length === 1));
});

test('a statement and its opposite are never aligned, however many words they share', () => {
  const nb = emptyNotebook();
  addSampleDocument(nb, SAMPLE, T0);
  const says = addDocument(
    nb,
    importPlainText(
      'Says\n\nLavrov said he expects Iran to accept the IAEA proposal on enriching uranium abroad.',
    ),
    T0,
  ).id;
  const denies = addDocument(
    nb,
    importPlainText(
      'Denies\n\nLavrov said he did not expect Iran to accept any IAEA proposal on enriching uranium abroad.',
    ),
    T0,
  ).id;
  const event = createEvent(nb, { name: 'Opposites', documentIds: [says, denies] }, T0);
  const rows = alignAccounts(nb, event.id).rows;
  assert.ok(rows.length >= 2);
  assert.ok(rows.every((r) => r.cells.filter(Boolean).length === 1));
  // Both in the same words but for the negation: aligned, so the test above is down to the negation alone.
  const agrees = addDocument(
    nb,
    importPlainText(
      'Agrees\n\nLavrov said he expected Iran to accept any IAEA proposal on enriching uranium abroad.',
    ),
    T0,
  ).id;
  const same = createEvent(nb, { name: 'Same', documentIds: [says, agrees] }, T0);
  assert.ok(alignAccounts(nb, same.id).rows.some((r) => r.cells.every(Boolean)));
});

test('a highlight is a statement with its party, and is also in the other accounts, word by word', () => {
  const { nb, rt, wire, transcript } = notebook();
  const [uk, russia] = nb.parties;
  const event = createEvent(nb, { name: 'Talks', documentIds: [rt, wire, transcript] }, T0);
  const doc = nb.documents.find((d) => d.id === wire)!;
  const quote = 'the extradition of Andrei Lugovoy to Britain was absolutely out of the question';
  const start = doc.text.indexOf(quote);
  const highlight = createAnnotation(
    nb,
    {
      documentId: wire,
      start,
      end: start + quote.length,
      topicIds: [],
      note: '',
      partyId: russia!.id,
    },
    T0,
  );
  const statement = accountStatements(nb, wire).find((s) => s.annotationId === highlight.id);
  assert.equal(statement?.partyId, russia!.id);
  const found = alsoIn(nb, highlight.id);
  assert.deepEqual(
    found.map((f) => [f.label, f.place, f.quote, f.wording]),
    [
      ['RT', '¶9', 'his extradition to UK is absolutely out of the question', 'differs'],
      [
        'Joint press conference in Moscow',
        '¶5',
        'The extradition of Mr Lugovoy is absolutely out of the question',
        'differs',
      ],
    ],
  );
  assert.equal(found[0]!.eventId, event.id);
  const parts = found[0]!.parts;
  assert.equal(
    parts
      .filter((p) => p.kind !== 'inserted')
      .map((p) => p.text)
      .join(''),
    quote,
  );
  assert.equal(
    parts
      .filter((p) => p.kind !== 'deleted')
      .map((p) => p.text)
      .join(''),
    found[0]!.quote,
  );
  assert.ok(parts.some((p) => p.kind === 'same' && p.text.includes('absolutely out of the question')));

  // A highlight of another party's words finds nothing of the first party's.
  const other = createAnnotation(
    nb,
    { documentId: wire, start, end: start + quote.length, topicIds: [], note: '', partyId: uk!.id },
    T0,
  );
  assert.deepEqual(alsoIn(nb, other.id), []);
});

test('a highlight over two sentences stands for both; a second one on the same passage adds nothing', () => {
  const { nb, rt } = notebook();
  const [uk] = nb.parties;
  const doc = nb.documents.find((d) => d.id === rt)!;
  const mark = (quote: string, partyId: string | null = null) => {
    const start = doc.text.indexOf(quote);
    return createAnnotation(
      nb,
      { documentId: rt, start, end: start + quote.length, topicIds: [], note: '', partyId },
      T0,
    );
  };
  const before = accountStatements(nb, rt);
  const both =
    'Our position has not changed,” Sergey Lavrov said at a news conference. “I believe our British colleagues understand that their demands that we amend our Constitution are absolutely unrealistic.';
  const first = mark(both, uk!.id);
  mark(both);
  const after = accountStatements(nb, rt);
  assert.equal(after.length, before.length - 1, 'two statements became one');
  const statement = after.find((s) => s.annotationId === first.id)!;
  assert.equal(statement.quote, both);
  assert.equal(statement.partyId, uk!.id, 'the highlight’s own party');
  assert.equal(statement.speaker, 'Sergey Lavrov');
  assert.equal(after.filter((s) => s.start === statement.start).length, 1);
});

test('the comparison by account gives each account’s highlights per topic', () => {
  const { nb, rt, wire } = notebook();
  const event = createEvent(nb, { name: 'Talks', documentIds: [wire, rt] }, T0);
  assert.match(compareAccounts(nb, event.id).empty ?? '', /none of the accounts of “Talks” has a highlight/);
  const topic = createTopic(nb, { path: 'extradition' });
  const highlight = (documentId: string, quote: string, topicIds: string[]) => {
    const doc = nb.documents.find((d) => d.id === documentId)!;
    const start = doc.text.indexOf(quote);
    return createAnnotation(nb, { documentId, start, end: start + quote.length, topicIds, note: '' }, T0);
  };
  const a = highlight(rt, 'his extradition to UK is absolutely out of the question', [topic.id]);
  const b = highlight(wire, 'British demands that Russia amend its constitution', []);
  const comparison = compareAccounts(nb, event.id);
  assert.equal(comparison.empty, null);
  assert.deepEqual(
    comparison.rows.map((r) => [r.path, r.cells.map((c) => c.entries.map((e) => e.annotationId))]),
    [
      ['extradition', [[], [a.id]]],
      ['No topic', [[b.id], []]],
    ],
  );
  assert.equal(comparison.rows[0]!.cells[1]!.entries[0]!.paragraph, 9);
  const only = compareAccounts(nb, event.id, topic.id);
  assert.equal(only.rows.length, 1);
  const other = createTopic(nb, { path: 'iran' });
  assert.match(compareAccounts(nb, event.id, other.id).empty ?? '', /has the topic iran/);
});

test('the Markdown export is one table, a column per account, empty cells for omissions, and passes the linter', () => {
  const { nb, rt, wire, transcript } = notebook();
  // A title with a pipe and a name with Markdown must not break the table or the heading.
  nb.documents.find((d) => d.id === wire)!.title = 'Wire | Moscow *desk*';
  const event = createEvent(
    nb,
    { name: 'Talks # in *Moscow*', date: '2009-11-02', documentIds: [rt, wire, transcript] },
    T0,
  );
  const markdown = exportAccountsMarkdown(nb, event.id, { now: NOW });
  assert.deepEqual(lintFindings(markdown), []);
  const table = markdown.split('\n').filter((line) => line.startsWith('|'));
  const { rows } = alignAccounts(nb, event.id);
  assert.equal(table.length, rows.length + 2, 'a header, a delimiter row and one row per statement');
  assert.match(table[0]!, /^\| RT \| Wire \\\| Moscow \\\*desk\\\* \| Joint press conference in Moscow \|$/);
  for (const line of table) assert.equal(line.replace(/\\\|/g, '').split('|').length, 5, line);
  assert.ok(markdown.includes('| “his extradition to UK is absolutely out of the question” — Lavrov (¶9) |'));
  assert.ok(markdown.includes('(wording differs)'));
  assert.ok(
    table.some((line) => line.startsWith('| | ')),
    'the RT report omits the season in Manchester',
  );
  assert.ok(markdown.includes('### What RT omits'));
  assert.match(markdown, /^date: "2009-11-02"$/m);
});

test('quotes holding Markdown, HTML and pipes are written as their text, and the table holds', () => {
  const nb = emptyNotebook();
  addSampleDocument(nb, SAMPLE, T0);
  const hostile = [
    'the <img src=x onerror=alert(1)> treaty | would be *signed* in `Geneva` next [week](javascript:alert(1))',
    'the <script>alert(1)</script> talks | on missile _defence_ would # resume in ~~May~~ at the latest',
  ];
  const one = addDocument(
    nb,
    importPlainText(`One\n\nLavrov said ${hostile[0]}.\n\nLavrov said ${hostile[1]}.`),
    T0,
  ).id;
  const two = addDocument(nb, importPlainText(`Two\n\nLavrov said ${hostile[0]}.`), T0).id;
  const event = createEvent(nb, { name: 'A <b>bold</b> | event', documentIds: [one, two] }, T0);
  const markdown = exportAccountsMarkdown(nb, event.id, { now: NOW });
  assert.deepEqual(lintFindings(markdown), []);
  assert.deepEqual(rawHtml(markdown), []);
  const read = commonMarkText(markdown);
  for (const quote of hostile) assert.ok(read.includes(quote), `${quote} reads as written`);
  const front = parseYaml(markdown.split('---\n')[1]!) as { event: string; accounts: string[] };
  assert.equal(front.event, 'A <b>bold</b> | event');
  assert.deepEqual(front.accounts, ['One', 'Two']);
  const table = markdown.split('\n').filter((line) => line.startsWith('|'));
  for (const line of table) assert.equal(line.replace(/\\\|/g, '').split('|').length, 4, line);
});
