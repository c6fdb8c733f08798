// The comparison: one row per topic and a cell per party across documents, the one-line summary from the stances,
// the common ground, and its Markdown export, whose tables keep their columns and the literal text of any quote
// or note when rendered by a GFM renderer.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Parser } from 'commonmark';
import { marked } from 'marked';
import { compare, exportComparisonMarkdown } from '../../../main/core/compare';
import { linkAnnotations } from '../../../main/core/links';
import { emptyNotebook, ParleyError, type LinkType, type Notebook, type Party } from '../../../shared/model';
import { addDocument, addSampleDocument, createAnnotation, createTopic } from '../../../main/core/notebook';
import { createParty } from '../../../main/core/parties';
import { addStance } from '../../../main/core/stances';
import { lintFindings } from './markdown-check';
import { runs } from '../properties/seed';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-01-05T09:00:00.000Z');
const NOW = new Date('2026-11-30T12:00:00.000Z');

/** Paragraph texts separated by blank lines, each its own block. */
function addText(nb: Notebook, title: string, paragraphs: string[]) {
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 2;
    return block;
  });
  return addDocument(
    nb,
    { title, source: 'Test', published: '', url: '', format: 'text', text: paragraphs.join('\n\n'), blocks },
    T0,
  );
}

/** 1-based number of the block holding `offset`, found without the code under test. */
function paragraphOf(nb: Notebook, documentId: string, offset: number): number {
  const doc = nb.documents.find((d) => d.id === documentId)!;
  const index = doc.blocks.findIndex((b) => b.start <= offset && offset < b.end);
  assert.ok(index >= 0);
  return index + 1;
}

interface Mark {
  doc?: string;
  quote: string;
  party: string | null;
  topics: string[];
  stance?: string;
  note?: string;
}

/** The sample, with its parties (UK, Russia), a few topics and an `add` for highlights by quote. */
function setup() {
  const nb = emptyNotebook();
  const sample = addSampleDocument(nb, SAMPLE, T0);
  const party = (name: string): Party => nb.parties.find((p) => p.name === name)!;
  const uk = party('United Kingdom');
  const ru = party('Russia');
  const topic = (path: string) => nb.topics.find((t) => t.path === path) ?? createTopic(nb, { path });
  let clock = 0;
  const add = (mark: Mark) => {
    const docId = mark.doc ?? sample.id;
    const text = nb.documents.find((d) => d.id === docId)!.text;
    const start = text.indexOf(mark.quote);
    assert.ok(start >= 0, `fixture quote not in text: ${mark.quote}`);
    return createAnnotation(
      nb,
      {
        documentId: docId,
        start,
        end: start + mark.quote.length,
        topicIds: mark.topics.map((p) => topic(p).id),
        note: mark.note ?? '',
        partyId: mark.party,
        stance: mark.stance ?? null,
      },
      new Date(T0.getTime() + ++clock * 1000),
    );
  };
  const link = (fromId: string, toId: string, type: LinkType) =>
    linkAnnotations(nb, { fromId, toId, type }, T0);
  return { nb, sample, uk, ru, topic, add, link };
}

describe('compare', () => {
  test('one row per topic with a party passage, a cell per party, entries in document then text order', () => {
    const { nb, sample, uk, ru, topic, add } = setup();
    topic('eu'); // No passage at all: no row.
    const refusal = add({
      quote: 'his extradition to UK is absolutely out of the question',
      party: ru.id,
      topics: ['extradition'],
      stance: 'refusal',
      note: 'Flat refusal.',
    });
    const unrealistic = add({
      quote: 'their demands that we amend our Constitution are absolutely unrealistic',
      party: ru.id,
      topics: ['extradition'],
      stance: 'refusal',
    });
    const documents = add({
      quote: 'we have not received the full set of documents',
      party: ru.id,
      topics: ['extradition'],
      stance: 'demand',
    });
    const cps = add({
      quote: 'the work of the Crown Prosecuting Service has been full',
      party: uk.id,
      topics: ['extradition'],
      stance: 'demand',
    });
    add({ quote: 'notorious Lugovoy case', party: null, topics: ['extradition'] }); // no party: left out
    const noTopic = add({ quote: 'search for common ground', party: uk.id, topics: [] }); // the No topic row
    add({ quote: 'Lisbon Treaty', party: null, topics: ['eu'] });
    // A later document; its passage comes after the sample's whatever the order highlights were made in.
    const later = addText(nb, 'Second article', [
      'Headline',
      'London insists the suspect must stand trial in Britain.',
    ]);
    const trial = add({
      doc: later.id,
      quote: 'the suspect must stand trial in Britain',
      party: uk.id,
      topics: ['extradition'],
      stance: 'demand',
    });
    nb.annotations.reverse();

    const comparison = compare(nb, {});
    assert.deepEqual(
      comparison.parties.map((p) => p.name),
      ['United Kingdom', 'Russia'],
    );
    assert.deepEqual(
      comparison.rows.map((r) => [r.topicId, r.path]),
      [
        [topic('extradition').id, 'extradition'],
        [null, 'No topic'],
      ],
    );
    assert.deepEqual(
      comparison.rows[1]!.cells.map((c) => c.entries.map((e) => e.annotationId)),
      [[noTopic.id], []],
    );
    assert.equal(comparison.empty, null);
    const [row] = comparison.rows;
    assert.ok(row);
    assert.equal(row.summary, 'extradition: UK demand ↔ Russia refusal');
    assert.deepEqual(
      row.cells.map((c) => c.partyId),
      [uk.id, ru.id],
    );
    const ids = row.cells.map((c) => c.entries.map((e) => e.annotationId));
    assert.deepEqual(ids, [
      [cps.id, trial.id],
      [refusal.id, unrealistic.id, documents.id],
    ]);
    const first = row.cells[1]!.entries[0]!;
    assert.deepEqual(first, {
      annotationId: refusal.id,
      documentId: sample.id,
      documentTitle: sample.title,
      paragraph: paragraphOf(nb, sample.id, refusal.target.start),
      quote: 'his extradition to UK is absolutely out of the question',
      stance: 'refusal',
      note: 'Flat refusal.',
    });
    const trialEntry = row.cells[0]!.entries[1]!;
    assert.equal(trialEntry.documentTitle, 'Second article');
    assert.equal(trialEntry.paragraph, 2);
    assert.deepEqual(comparison.commonGround, []);
  });

  test('summary: the most frequent stance, a tie to the earliest passage, "(no stance)", silent parties left out', () => {
    const { nb, uk, ru, add } = setup();
    const france = createParty(nb, { name: 'France', short: 'FR' });
    // UK: warning (¶ earlier) and demand (¶ later), one each: the earlier one wins.
    add({ quote: 'search for common ground', party: uk.id, topics: ['talks'], stance: 'warning' });
    add({
      quote: 'engaged in all the appropriate mechanisms',
      party: uk.id,
      topics: ['talks'],
      stance: 'demand',
    });
    add({ quote: 'expressed hope they could help each work', party: ru.id, topics: ['talks'] });
    add({ quote: 'called his talks', party: ru.id, topics: ['talks', 'iran'] });
    const comparison = compare(nb, {});
    const summary = (path: string) => comparison.rows.find((r) => r.path === path)!.summary;
    assert.equal(summary('talks'), 'talks: UK warning ↔ Russia (no stance)');
    assert.equal(summary('iran'), 'iran: Russia (no stance)');
    assert.ok(!summary('talks').includes('FR'));
    const talks = comparison.rows.find((r) => r.path === 'talks')!;
    assert.deepEqual(talks.cells.find((c) => c.partyId === france.id)!.entries, [], 'a cell for every party');
    assert.deepEqual(
      comparison.rows.map((r) => r.path),
      ['iran', 'talks'],
      'codebook order',
    );
  });

  test('topicId: exactly that topic, not its subtopics; unknown topic refused', () => {
    const { nb, ru, topic, add } = setup();
    add({
      quote: 'expects Iran to accept IAEA proposal',
      party: ru.id,
      topics: ['iran/nuclear'],
      stance: 'demand',
    });
    add({ quote: 'called for an immediate meeting of the sextet', party: ru.id, topics: ['iran'] });
    const iran = topic('iran');
    const only = compare(nb, { topicId: iran.id });
    assert.deepEqual(
      only.rows.map((r) => r.path),
      ['iran'],
    );
    assert.equal(only.rows[0]!.cells.find((c) => c.partyId === ru.id)!.entries.length, 1);
    assert.deepEqual(compare(nb, { topicId: topic('empty').id }).rows, []);
    assert.throws(
      () => compare(nb, { topicId: 'no-such-topic' }),
      (error: unknown) => error instanceof ParleyError && error.code === 'not-found',
    );
  });

  test('common ground from an agrees-with or concedes-to link between two parties on the topic', () => {
    const { nb, sample, uk, ru, add, link } = setup();
    const leadership = add({
      quote: 'countries like Britain or Russia do show leadership on the international stage',
      party: uk.id,
      topics: ['cooperation', 'middle-east'],
    });
    const statements = add({
      quote: 'The documents define the common stance of Russia and the United Kingdom',
      party: ru.id,
      topics: ['cooperation'],
    });
    const lavrovMiddleEast = add({
      quote: 'on the peace settlement in the Middle East',
      party: ru.id,
      topics: ['middle-east'],
    });
    const refusal = add({
      quote: 'his extradition to UK is absolutely out of the question',
      party: ru.id,
      topics: ['extradition'],
    });
    const cps = add({
      quote: 'the Crown Prosecuting Service has been full',
      party: uk.id,
      topics: ['extradition'],
    });
    const ukOther = add({ quote: 'search for common ground', party: uk.id, topics: ['middle-east'] });
    link(statements.id, leadership.id, 'agrees-with');
    link(refusal.id, cps.id, 'rebuts'); // not agreement
    link(ukOther.id, leadership.id, 'agrees-with'); // same party: not common ground
    link(lavrovMiddleEast.id, statements.id, 'concedes-to'); // the target is not on middle-east
    const comparison = compare(nb, {});
    const p = (id: string) =>
      paragraphOf(nb, sample.id, nb.annotations.find((a) => a.id === id)!.target.start);
    assert.deepEqual(comparison.commonGround, [
      {
        topicId: comparison.rows.find((r) => r.path === 'cooperation')!.topicId,
        path: 'cooperation',
        reason: `Russia agrees with UK (¶${p(statements.id)} → ¶${p(leadership.id)})`,
      },
    ]);

    // A concession across documents names both.
    const later = addText(nb, 'Later report', [
      'Headline',
      'Moscow accepts that the Middle East talks must resume.',
    ]);
    const accepts = add({
      doc: later.id,
      quote: 'the Middle East talks must resume',
      party: ru.id,
      topics: ['middle-east'],
    });
    link(accepts.id, leadership.id, 'concedes-to');
    const ground = compare(nb, {}).commonGround.find((g) => g.path === 'middle-east');
    assert.ok(ground);
    assert.equal(
      ground.reason,
      `Russia concedes to UK (Later report ¶2 → ${sample.title} ¶${p(leadership.id)})`,
    );
  });

  test('common ground from stances: all agreement or concession on every side that speaks', () => {
    const { nb, uk, ru, add } = setup();
    addStance(nb, 'ultimatum');
    const fr = createParty(nb, { name: 'France', short: 'FR' });
    const later = addText(nb, 'Paris', [
      'Headline',
      'Paris agrees the summit was fruitful.',
      'Paris demands more.',
    ]);
    const cases: Array<[string, Array<[string | null, string | null, string?]>, string | null]> = [
      [
        'both-agree',
        [
          [uk.id, 'agreement'],
          [ru.id, 'agreement'],
        ],
        'UK and Russia both agree',
      ],
      [
        'three-agree',
        [
          [uk.id, 'agreement'],
          [ru.id, 'agreement'],
          [fr.id, 'agreement', later.id],
        ],
        'UK, Russia and FR all agree',
      ],
      [
        'mixed',
        [
          [uk.id, 'agreement'],
          [uk.id, 'concession'],
          [ru.id, 'concession'],
        ],
        'UK agrees and concedes, Russia concedes',
      ],
      [
        'one-demands',
        [
          [uk.id, 'agreement'],
          [ru.id, 'demand'],
        ],
        null,
      ],
      [
        'shared-demand',
        [
          [uk.id, 'demand'],
          [ru.id, 'demand'],
        ],
        null,
      ],
      [
        'shared-own-stance',
        [
          [uk.id, 'ultimatum'],
          [ru.id, 'ultimatum'],
        ],
        null,
      ],
      [
        'one-silent',
        [
          [uk.id, 'agreement'],
          [ru.id, null],
        ],
        null,
      ],
      [
        'one-side-only',
        [
          [uk.id, 'agreement'],
          [uk.id, 'agreement'],
        ],
        null,
      ],
      [
        'unmarked-passage-ignored',
        [
          [uk.id, 'agreement'],
          [ru.id, 'agreement'],
          [ru.id, null],
        ],
        'UK and Russia both agree',
      ],
    ];
    const quotes = ['called his talks', 'search for common ground', 'productive talks', 'show leadership'];
    for (const [path, marks] of cases) {
      marks.forEach(([party, stance, doc], i) =>
        add({
          quote: doc ? 'the summit was fruitful' : quotes[i]!,
          party,
          topics: [path],
          ...(stance ? { stance } : {}),
          ...(doc ? { doc } : {}),
        }),
      );
    }
    const ground = new Map(compare(nb, {}).commonGround.map((g) => [g.path, g.reason]));
    for (const [path, , reason] of cases) assert.equal(ground.get(path) ?? null, reason, path);
  });

  test('passages with a party and no topic make a "No topic" row, last; a topic filter leaves it out', () => {
    const { nb, sample, uk, ru, topic, add, link } = setup();
    const concession = add({
      quote: 'search for common ground',
      party: uk.id,
      topics: [],
      stance: 'agreement',
    });
    const agreement = add({ quote: 'called his talks', party: ru.id, topics: [], stance: 'agreement' });
    const unrealistic = add({
      quote: 'their demands that we amend our Constitution are absolutely unrealistic',
      party: ru.id,
      topics: [],
      stance: 'refusal',
    });
    add({ quote: 'notorious Lugovoy case', party: null, topics: [] }); // neither topic nor party: left out
    add({ quote: 'Lisbon Treaty', party: ru.id, topics: ['eu'], stance: 'demand' });
    topic('zzz-last-topic');
    add({ quote: 'sextet on Iran', party: uk.id, topics: ['zzz-last-topic'] });
    link(concession.id, agreement.id, 'agrees-with');

    const comparison = compare(nb, {});
    assert.deepEqual(
      comparison.rows.map((r) => [r.topicId, r.path]),
      [
        [topic('eu').id, 'eu'],
        [topic('zzz-last-topic').id, 'zzz-last-topic'],
        [null, 'No topic'],
      ],
    );
    const none = comparison.rows[2]!;
    assert.equal(none.summary, 'No topic: UK agreement ↔ Russia agreement');
    assert.deepEqual(
      none.cells.map((c) => [c.partyId, c.entries.map((e) => e.annotationId)]),
      [
        [uk.id, [concession.id]],
        [ru.id, [agreement.id, unrealistic.id]],
      ],
    );
    assert.equal(none.cells[1]!.entries[1]!.paragraph, paragraphOf(nb, sample.id, unrealistic.target.start));
    // Passages that share no topic are not common ground, however they are linked or what stances they hold.
    assert.deepEqual(
      comparison.commonGround.map((g) => g.path),
      [],
    );

    const eu = compare(nb, { topicId: topic('eu').id });
    assert.deepEqual(
      eu.rows.map((r) => r.path),
      ['eu'],
    );
    assert.equal(eu.empty, null);
  });

  test('every empty comparison says what is missing', () => {
    const nb = emptyNotebook();
    const noParties = compare(nb, {});
    assert.deepEqual(noParties.rows, []);
    assert.equal(noParties.empty?.kind, 'no-parties');
    assert.match(noParties.empty!.message, /no parties/i);
    assert.match(noParties.empty!.message, /Parties/);

    const { nb: sampleNb, uk, topic, add } = setup();
    const noHighlights = compare(sampleNb, {});
    assert.equal(noHighlights.empty?.kind, 'no-highlights');
    assert.match(noHighlights.empty!.message, /no highlights/i);
    assert.match(noHighlights.empty!.message, /accept suggestions/i);

    add({ quote: 'notorious Lugovoy case', party: null, topics: ['extradition'] });
    add({ quote: 'Lisbon Treaty', party: null, topics: [] });
    const unnamed = compare(sampleNb, {});
    assert.deepEqual(unnamed.rows, []);
    assert.equal(unnamed.empty?.kind, 'no-party-named');
    assert.match(unnamed.empty!.message, /None of the 2 highlights names a party/);
    assert.match(unnamed.empty!.message, /highlight editor/);
    assert.match(unnamed.empty!.message, /accept suggestions/i);

    add({ quote: 'search for common ground', party: uk.id, topics: [] });
    assert.equal(compare(sampleNb, {}).empty, null);
    const onTopic = compare(sampleNb, { topicId: topic('extradition').id });
    assert.deepEqual(onTopic.rows, []);
    assert.equal(onTopic.empty?.kind, 'topic-without-party');
    assert.match(onTopic.empty!.message, /The one passage on extradition names no party/);
    assert.doesNotMatch(onTopic.empty!.message, /\b1 passage\b/);
    const unused = compare(sampleNb, { topicId: topic('iran').id });
    assert.equal(unused.empty?.kind, 'topic-without-party');
    assert.match(unused.empty!.message, /No passage has the topic iran yet/);

    // With no parties, highlights cannot name one: that is what is missing, whatever else there is.
    sampleNb.parties = [];
    add({ quote: 'productive talks', party: null, topics: [] });
    const partiesGone = compare(sampleNb, {});
    assert.equal(partiesGone.empty?.kind, 'no-parties');
    assert.match(partiesGone.empty!.message, /4 highlights/);
  });

  test('empty states count in words that agree with the number', () => {
    const { nb, uk, topic, add } = setup();
    add({ quote: 'notorious Lugovoy case', party: null, topics: ['extradition'] });
    const one = compare(nb, {});
    assert.equal(one.empty?.kind, 'no-party-named');
    assert.match(one.empty!.message, /The one highlight names no party/);
    assert.doesNotMatch(one.empty!.message, /\b1 highlights?\b/);
    add({ quote: 'search for common ground', party: uk.id, topics: [] });
    assert.match(compare(nb, { topicId: topic('extradition').id }).empty!.message, /The one passage/);
    add({ quote: 'Lisbon Treaty', party: null, topics: ['extradition'] });
    assert.match(
      compare(nb, { topicId: topic('extradition').id }).empty!.message,
      /None of the 2 passages on extradition names a party/,
    );
    const single = setup();
    single.add({ quote: 'notorious Lugovoy case', party: null, topics: [] });
    single.nb.parties = [];
    const noParties = compare(single.nb, {}).empty!.message;
    assert.match(noParties, /its one highlight cannot hold a side’s position/);
    assert.doesNotMatch(noParties, /\b1 highlights?\b/);
  });

  test('a notebook with parties and no documents says to import one, in the app and on the command line', () => {
    const { nb } = setup();
    nb.documents = [];
    const empty = compare(nb, {}).empty!;
    assert.match(empty.message, /there are no documents yet/);
    assert.doesNotMatch(empty.message, /no highlights/);
    assert.match(empty.message, /in the app: Import…/);
    assert.match(empty.message, /on the command line: parley import FILE/);
    const bare = compare(emptyNotebook(), {}).empty!;
    assert.match(
      bare.message,
      /no documents and no parties yet\. Import a document \(in the app: Import…; on the command line: parley import FILE\)/,
    );
  });

  test('every empty state says what to do on the command line as well as in the app', () => {
    const { nb, uk, topic, add } = setup();
    const messages = [compare(emptyNotebook(), {}).empty!.message, compare(nb, {}).empty!.message];
    add({ quote: 'notorious Lugovoy case', party: null, topics: ['extradition'] });
    messages.push(compare(nb, {}).empty!.message);
    messages.push(compare(nb, { topicId: topic('extradition').id }).empty!.message);
    add({ quote: 'search for common ground', party: uk.id, topics: [] });
    messages.push(compare(nb, { topicId: topic('iran').id }).empty!.message);
    nb.parties = [];
    messages.push(compare(nb, {}).empty!.message);
    for (const message of messages) {
      assert.match(message, /in the app: [^;]+; on the command line: [^)]+\)/, message);
    }
    assert.match(messages[2]!, /parley suggest --document ID --accept/);
  });

  test('passages whose party or document is gone are left out; a party without a short name is shown by name', () => {
    const { nb, uk, ru, add } = setup();
    const arden = createParty(nb, { name: 'Republic of Arden' });
    // A party whose short name is blank on disk (older files) is labelled by its name.
    arden.short = ' ';
    add({ quote: 'search for common ground', party: uk.id, topics: ['t'], stance: 'proposal' });
    add({ quote: 'called his talks', party: arden.id, topics: ['t'], stance: 'hedge' });
    const ghost = add({ quote: 'productive talks', party: ru.id, topics: ['t'] });
    ghost.partyId = 'deleted-party';
    const orphan = add({ quote: 'show leadership', party: ru.id, topics: ['t'] });
    orphan.documentId = 'deleted-document';
    const [row] = compare(nb, {}).rows;
    assert.ok(row);
    assert.equal(row.summary, 't: UK proposal ↔ Republic of Arden hedge');
    assert.equal(
      row.cells.reduce((n, c) => n + c.entries.length, 0),
      2,
    );
  });
});

// --- Reading the rendered export back ---

function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface RenderedTable {
  head: string[];
  rows: string[][];
  /** Tags found inside any cell (their text is kept in the cell's text). */
  tags: string[];
}

function renderedTables(markdown: string): RenderedTable[] {
  const html = marked.parse(markdown, { async: false });
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => {
    const tags: string[] = [];
    const cellsOf = (row: string, tag: 'th' | 'td') =>
      [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((c) => {
        tags.push(...[...c[1]!.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)].map((t) => t[1]!));
        return decodeEntities(c[1]!.replace(/<[^>]*>/g, ''));
      });
    const rows = [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => r[1]!);
    return {
      head: cellsOf(rows[0] ?? '', 'th'),
      rows: rows.slice(1).map((r) => cellsOf(r, 'td')),
      tags,
    };
  });
}

/** Whether CommonMark reads the text as nothing but code blocks with blank lines at most. */
function onlyEmptyCode(text: string): boolean {
  let block = new Parser().parse(text).firstChild;
  if (!block) return false;
  for (; block; block = block.next)
    if (block.type !== 'code_block' || (block.literal ?? '').trim() !== '') return false;
  return true;
}

/** What a cell must read: lines joined by a space, paragraphs by " / ", runs of blanks made one. */
function flat(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join(' ')
        .replace(/[ \t]+/g, ' '),
    )
    .filter((p) => p !== '')
    .join(' / ');
}

function frontMatter(md: string): Record<string, unknown> {
  assert.ok(md.startsWith('---\n'));
  const end = md.indexOf('\n---\n', 4);
  const data: Record<string, unknown> = {};
  for (const line of md.slice(4, end).split('\n')) {
    const m = /^([a-z]+): (.*)$/.exec(line);
    assert.ok(m, line);
    data[m[1]!] = JSON.parse(m[2]!) as unknown;
  }
  return data;
}

describe('exportComparisonMarkdown', () => {
  test('front matter, a table per topic with the summary, then the common ground', () => {
    const { nb, sample, uk, ru, add, link } = setup();
    createParty(nb, { name: 'France' }); // No passages: no column.
    const refusal = add({
      quote: 'his extradition to UK is absolutely out of the question',
      party: ru.id,
      topics: ['extradition'],
      stance: 'refusal',
      note: 'Flat refusal;\n\ncites the **Constitution** later.',
    });
    const cps = add({
      quote: 'the Crown Prosecuting Service has been full',
      party: uk.id,
      topics: ['extradition'],
    });
    const documents = add({
      quote: 'we have not received the full set of documents',
      party: ru.id,
      topics: ['extradition'],
      stance: 'demand',
    });
    const leadership = add({
      quote: 'show leadership on the international stage',
      party: uk.id,
      topics: ['cooperation'],
      stance: 'proposal',
    });
    const statements = add({
      quote: 'We have signed three joint statements',
      party: ru.id,
      topics: ['cooperation'],
    });
    link(statements.id, leadership.id, 'agrees-with');

    const md = exportComparisonMarkdown(nb, { now: NOW });
    assert.deepEqual(frontMatter(md), {
      parties: ['United Kingdom', 'Russia'],
      topics: ['cooperation', 'extradition'],
      exported: NOW.toISOString(),
    });
    const p = (id: string) =>
      paragraphOf(nb, sample.id, nb.annotations.find((a) => a.id === id)!.target.start);
    const body = md.slice(md.indexOf('\n---\n') + 5);
    const lines = body.split('\n');
    assert.equal(lines[1], '# Comparison');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('## ')),
      ['## cooperation', '## extradition', '## Common ground'],
    );
    assert.ok(
      body.includes(
        '\n## extradition\n\nSummary: *extradition: UK (no stance) ↔ Russia refusal*\n\n| United Kingdom | Russia |\n',
      ),
    );
    const title = sample.title;
    assert.ok(
      body.includes(
        `| “the Crown Prosecuting Service has been full” — ${title} ¶${p(cps.id)} | “his extradition to UK is absolutely out of the question” — ${title} ¶${p(refusal.id)} · refusal — Flat refusal; / cites the **Constitution** later. |\n` +
          `| | “we have not received the full set of documents” — ${title} ¶${p(documents.id)} · demand |\n`,
      ),
      body,
    );
    assert.ok(
      body.endsWith(
        `## Common ground\n\n- cooperation: Russia agrees with UK (¶${p(statements.id)} → ¶${p(leadership.id)})\n`,
      ),
      body,
    );

    const tables = renderedTables(md);
    assert.equal(tables.length, 2);
    const ext = tables[1]!;
    assert.deepEqual(ext.head, ['United Kingdom', 'Russia']);
    assert.equal(ext.rows.length, 2, 'as many rows as the fullest cell');
    assert.equal(
      ext.rows[0]![1],
      `“his extradition to UK is absolutely out of the question” — ${title} ¶${p(refusal.id)} · refusal — Flat refusal; / cites the Constitution later.`,
    );
    assert.deepEqual(ext.tags, ['strong', 'strong'], "the note's own Markdown works in the cell");
    assert.equal(ext.rows[1]![0], '');
    const html = marked.parse(md, { async: false });
    assert.match(html, /<em>extradition: UK \(no stance\) ↔ Russia refusal<\/em>/);
    assert.match(html, /<li>cooperation: Russia agrees with UK \(¶\d+ → ¶\d+\)<\/li>/);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });

  test('each cell carries its passage’s links both ways, naming the other party and paragraph; the table stays valid', () => {
    const { nb, sample, uk, ru, add, link } = setup();
    const refusal = add({
      quote: 'his extradition to UK is absolutely out of the question',
      party: ru.id,
      topics: ['extradition'],
      note: 'Flat | refusal',
    });
    const cps = add({
      quote: 'the Crown Prosecuting Service has been full',
      party: uk.id,
      topics: ['extradition'],
    });
    const other = addText(nb, 'Talks | in Geneva', ['Headline', 'Iran offered a proposal on enrichment.']);
    const offer = add({
      doc: other.id,
      quote: 'Iran offered a proposal',
      party: uk.id,
      topics: ['extradition'],
    });
    link(refusal.id, cps.id, 'rebuts');
    link(offer.id, refusal.id, 'answers');
    const p = (id: string, doc = sample.id) =>
      paragraphOf(nb, doc, nb.annotations.find((a) => a.id === id)!.target.start);

    const md = exportComparisonMarkdown(nb, { now: NOW });
    const body = md.slice(md.indexOf('\n---\n') + 5);
    assert.ok(
      body.includes(
        `¶${p(refusal.id)} · → rebuts UK ¶${p(cps.id)} · → answered by UK, Talks \\| in Geneva ¶${p(offer.id, other.id)} — Flat \\| refusal |`,
      ),
      body,
    );
    assert.ok(body.includes(`¶${p(cps.id)} · → rebutted by Russia ¶${p(refusal.id)} |`), body);
    assert.ok(body.includes(`· → answers Russia, ${sample.title} ¶${p(refusal.id)} |`), body);
    const [table] = renderedTables(md);
    assert.deepEqual(table!.head, ['United Kingdom', 'Russia']);
    assert.ok(
      table!.rows.every((row) => row.length === 2),
      'no cell split',
    );
    assert.ok(table!.rows.some((row) => row[1]!.includes('→ answered by UK, Talks | in Geneva ¶')));
    assert.deepEqual(lintFindings(md), []);
  });

  test('cells survive pipes, line breaks and backslashes; quotes read as literal text, notes keep their Markdown', () => {
    const { nb, uk, ru, add } = setup();
    const quotes = [
      'a | b || c \\| d \\\\| e',
      'line one\nline two\n\nnew paragraph',
      '**bold** _em_ `code` [link](https://example.org) <b>html</b> &amp; &copy; ~~s~~ # h > q - l 1. n',
      'trailing backslash \\',
    ];
    // Each quote is one block, the second with a paragraph break inside it.
    const doc = addText(nb, 'A | B *title* \\ [x](y)', ['Headline', ...quotes]);
    const notes = [
      'note | with pipe',
      '- a list\n- in a note\n\n```\ncode | fence\n```',
      '<script>x</script> \\|',
      '',
    ];
    quotes.forEach((quote, i) =>
      add({
        doc: doc.id,
        quote,
        party: i % 2 ? ru.id : uk.id,
        topics: ['t'],
        note: notes[i]!,
        stance: 'hedge',
      }),
    );
    const md = exportComparisonMarkdown(nb, { now: NOW });
    const [table] = renderedTables(md);
    assert.ok(table);
    // The only markup is the note's code span: the quotes' Markdown, HTML and web address stay text, and so does
    // the note's raw HTML.
    assert.deepEqual(table.tags, ['code', 'code'], 'no markup but the code span of the note');
    assert.doesNotMatch(md, /(?<!\\)<script>/, 'no raw HTML in the file');
    assert.deepEqual(table.head, ['United Kingdom', 'Russia']);
    assert.equal(table.rows.length, 2);
    for (const row of table.rows) assert.equal(row.length, 2, 'every row keeps its two columns');
    // A note renders as its Markdown does: the fence flattened into one line is a code span.
    // The third note is one raw HTML block, so all of it, backslash included, shows as typed.
    const renderedNotes = [
      'note | with pipe',
      '- a list - in a note / code | fence',
      '<script>x</script> \\|',
      '',
    ];
    const expected = quotes.map((quote, i) => {
      const note = renderedNotes[i]!;
      return `“${flat(quote)}” — A | B *title* \\ [x](y) ¶${i + 2} · hedge${note ? ` — ${note}` : ''}`;
    });
    assert.deepEqual(table.rows, [
      [expected[0], expected[1]],
      [expected[2], expected[3]],
    ]);
  });

  test('property: any quote and note keep the table whole; the quote renders as its flattened text', (t) => {
    const alphabet = fc.constantFrom(
      ...'ab Z9_*`#>|[]()!<>&;-+=~\\.:"\'\n\t'.split(''),
      '\n\n',
      '1.',
      '&amp;',
      '---',
      '```',
      'é',
      '😀',
    );
    const text = fc.array(alphabet, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), (quote, note, ukSide) => {
        fc.pre(quote.trim() !== '');
        const nb = emptyNotebook();
        const uk = createParty(nb, { name: 'UK | Gov', short: 'UK' });
        const ru = createParty(nb, { name: 'Russia', short: 'RU' });
        const topic = createTopic(nb, { path: 'topic' });
        const doc = addText(nb, 'Title', ['Headline', 'Before.', 'Other side.']);
        // The quote is stored as it is, whatever the document says: the comparison shows the stored quote.
        const mine = createAnnotation(
          nb,
          {
            documentId: doc.id,
            start: 10,
            end: 16,
            topicIds: [topic.id],
            note,
            partyId: ukSide ? uk.id : ru.id,
          },
          T0,
        );
        mine.target.exact = quote;
        createAnnotation(
          nb,
          {
            documentId: doc.id,
            start: 18,
            end: 29,
            topicIds: [topic.id],
            note: '',
            partyId: ukSide ? ru.id : uk.id,
          },
          T0,
        );
        const md = exportComparisonMarkdown(nb, { now: NOW });
        const tables = renderedTables(md);
        assert.equal(tables.length, 1, md);
        const [table] = tables;
        assert.deepEqual(table!.head, ['UK | Gov', 'Russia']);
        assert.equal(table!.rows.length, 1, md);
        assert.equal(table!.rows[0]!.length, 2, md);
        // Only what the note's own Markdown makes, never raw HTML.
        for (const tag of table!.tags) assert.ok(['em', 'strong', 'code', 'del', 'a'].includes(tag), md);
        const cell = table!.rows[0]![ukSide ? 0 : 1]!;
        const flatNote = flat(note);
        const head = `“${flat(quote)}” — Title ¶2`;
        // A note that is blank, or only empty code blocks, adds nothing to the cell.
        if (flatNote === '' || onlyEmptyCode(note)) assert.equal(cell, head, md);
        else assert.ok(cell.startsWith(`${head} — `), md);
        // A note without Markdown of its own reads as written.
        if (flatNote !== '' && !/[\\`*_[\]<>&~!]/.test(note)) assert.equal(cell, `${head} — ${flatNote}`, md);
      }),
      runs(t, 300),
    );
  });

  test('passages with a party and no topic are a "No topic" table, last, and no topic of the front matter', () => {
    const { nb, uk, ru, add } = setup();
    add({ quote: 'Lisbon Treaty', party: ru.id, topics: ['eu'], stance: 'demand' });
    add({ quote: 'search for common ground', party: uk.id, topics: [], stance: 'proposal' });
    add({ quote: 'called his talks', party: ru.id, topics: [] });
    const md = exportComparisonMarkdown(nb, { now: NOW });
    assert.deepEqual(frontMatter(md).topics, ['eu']);
    assert.deepEqual(frontMatter(md).parties, ['United Kingdom', 'Russia']);
    assert.match(
      md,
      /\n## eu\n[\s\S]*\n## No topic\n[^#]*No topic: UK proposal ↔ Russia \(no stance\)[\s\S]*## Common ground/,
    );
    const tables = renderedTables(md);
    assert.equal(tables.length, 2);
    assert.deepEqual(tables[1]!.head, ['United Kingdom', 'Russia']);
    assert.equal(tables[1]!.rows.length, 1);
    assert.match(tables[1]!.rows[0]![0]!, /^“search for common ground” — .* · proposal$/);
    assert.match(tables[1]!.rows[0]![1]!, /^“called his talks” — /);
  });

  test('nothing to compare, a topic filter, and no common ground are each said in words', () => {
    const { nb, uk, ru, topic, add } = setup();
    const empty = exportComparisonMarkdown(nb, { now: NOW });
    assert.deepEqual(frontMatter(empty), {
      parties: [],
      topics: [],
      exported: NOW.toISOString(),
    });
    assert.match(
      empty,
      /\n# Comparison\n\nNothing to compare: there are no highlights yet\. .*accept suggestions/,
    );
    assert.ok(!empty.includes('|') && !empty.includes('## '));

    add({ quote: 'search for common ground', party: uk.id, topics: ['talks'], stance: 'proposal' });
    add({ quote: 'called his talks', party: ru.id, topics: ['talks'], stance: 'hedge' });
    add({ quote: 'expects Iran to accept IAEA proposal', party: ru.id, topics: ['iran'] });
    const iran = exportComparisonMarkdown(nb, { topicId: topic('iran').id, now: NOW });
    assert.deepEqual(frontMatter(iran).topics, ['iran']);
    assert.deepEqual(frontMatter(iran).parties, ['Russia']);
    assert.deepEqual(renderedTables(iran)[0]!.head, ['Russia']);
    assert.ok(!iran.includes('## talks'));
    assert.match(iran, /## Common ground\n\nNo topic yet on which the parties meet/);

    const none = exportComparisonMarkdown(nb, { topicId: topic('a*b').id, now: NOW });
    assert.match(none, /No passage has the topic a\\\*b yet/);
    add({ quote: 'Lisbon Treaty', party: null, topics: ['a*b'] });
    assert.match(
      exportComparisonMarkdown(nb, { topicId: topic('a*b').id, now: NOW }),
      /The one passage on a\\\*b names no party: accept suggestions, .*on the command line: parley suggest --document ID --accept\)/,
    );
    assert.throws(() => exportComparisonMarkdown(nb, { topicId: 'missing', now: NOW }), ParleyError);
  });
});
