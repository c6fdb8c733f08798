// The statement finder: how well it reads the sample against a careful reader's list, what it finds in news
// texts with other names and conventions, that narration gives nothing, and the notebook operations around it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { importPlainText } from '../../../main/core/import-text';
import { emptyNotebook, ParleyError, type Notebook, type Party } from '../../../shared/model';
import { addDocument, addSampleDocument, createAnnotation } from '../../../main/core/notebook';
import { SAMPLE_PARTIES } from '../../../main/core/parties';
import {
  dismissSuggestion,
  findStatements,
  suggestionKey,
  suggestStatements,
  type FoundStatement,
} from '../../../main/core/suggest';
import { locateGold, SAMPLE_GOLD } from './suggest-gold';
import { partiesOf, scoreSample } from './suggest-corpus';
import { runs } from '../properties/seed';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-01-05T09:00:00.000Z');

const SAMPLE_PARTY_LIST: Party[] = SAMPLE_PARTIES.map((p, i) => ({ ...p, id: `sample-${i}` }));

/** Each statement as [kind, speaker, party name or null, quote], for exact comparison. */
function readable(
  found: readonly FoundStatement[],
  parties: readonly Party[],
): Array<[string, string, string | null, string]> {
  return found.map((s) => [
    s.kind,
    s.speaker,
    parties.find((p) => p.id === s.partyId)?.name ?? null,
    s.quote,
  ]);
}

function assertSpans(text: string, found: readonly FoundStatement[]): void {
  for (const s of found) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end);
    assert.ok(s.end <= text.length);
    assert.equal(s.quote, text.slice(s.start, s.end));
    assert.equal(s.quote, s.quote.trim());
  }
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.start <= found[i]!.start, 'in text order');
}

/** The statements found in text, checked against it span by span, in readable form. */
function statementsOf(text: string, parties: readonly Party[]): ReturnType<typeof readable> {
  const found = findStatements(text, parties);
  assertSpans(text, found);
  return readable(found, parties);
}

describe('the sample article', () => {
  const draft = importPlainText(SAMPLE, { fileName: 'sample-miliband-lavrov.txt' });
  const found = findStatements(draft.text, SAMPLE_PARTY_LIST);

  test('the careful reader’s list stands in the text as imported', () => {
    assert.equal(draft.blocks.length, 14);
    assert.equal(locateGold(draft.text, draft.blocks).length, SAMPLE_GOLD.length);
  });

  test('suggests all 14 statements with the right span, speaker and party, once each, and nothing else', () => {
    const { result } = scoreSample();
    const wrong = result.verdicts.filter((v) => v.verdict !== 'right');
    assert.deepEqual(wrong, []);
    assert.equal(result.gold, 14);
    assert.equal(result.right, 14);
    assert.equal(result.suggested, 14);
    assert.equal(result.duplicates, 0);
  });

  test('spans are the words inside the quote marks or the reported clause, without the final full stop', () => {
    assertSpans(draft.text, found);
    const quotes = found.filter((s) => s.kind === 'quote').map((s) => s.quote);
    assert.ok(quotes.includes('Our position has not changed'));
    assert.ok(
      quotes.some((q) => q.startsWith('We are not allowing') && q.endsWith('on the international stage')),
    );
    const reported = found.filter((s) => s.kind === 'reported').map((s) => s.quote);
    assert.ok(reported.includes('his extradition to UK is absolutely out of the question'));
    assert.ok(reported.includes('his talks with the head of British Foreign Office successful and fruitful'));
  });

  test('a quote split by its attribution gives two statements by the same speaker', () => {
    const lavrov = found.filter((s) => s.speaker === 'Sergey Lavrov' && s.kind === 'quote');
    assert.deepEqual(
      lavrov.map((s) => s.quote.slice(0, 20)),
      ['Our position has not', 'I believe our Britis'],
    );
    assert.ok(lavrov.every((s) => s.cue === 'Sergey Lavrov said' && s.partyId === 'sample-1'));
  });

  test('inverted cues, pronouns and an aside between subject and verb', () => {
    const by = (start: string) => found.find((s) => s.quote.startsWith(start));
    assert.equal(by('We have signed')?.cue, 'revealed Lavrov');
    assert.equal(by('Let me just add')?.cue, 'retorted Lavrov');
    assert.equal(by('The horrific murder')?.cue, 'stated Miliband');
    assert.equal(by('Russia would like')?.cue, 'He also said');
    assert.equal(by('Russia would like')?.speaker, 'Lavrov');
    assert.equal(by('he is grateful')?.speaker, 'Russian Foreign Minister Sergey Lavrov');
    const lugovoy = by('he sees no obstacles');
    assert.equal(lugovoy?.speaker, 'Andrey Lugovoy');
    assert.equal(lugovoy?.partyId, null);
    assert.match(lugovoy?.cue ?? '', /^Andrey Lugovoy … has told RT$/);
  });

  test('the nested single quotes in Lugovoy’s statement stay inside it', () => {
    const last = found.at(-1)!;
    assert.equal(last.speaker, 'Lugovoy');
    assert.ok(last.quote.includes("'extradition this', 'extradition that'"));
    assert.equal(found.filter((s) => s.quote.startsWith('extradition')).length, 0);
  });

  test('the journalist’s own paragraph about the meeting gives nothing', () => {
    const p3 = draft.blocks[2]!;
    assert.deepEqual(
      found.filter((s) => s.start < p3.end && s.end > p3.start),
      [],
    );
  });
});

describe('other texts, names and conventions', () => {
  test('an EU–China trade story: “said Ursula von der Leyen”, “Wang Wentao told reporters”', () => {
    const text = [
      'Brussels and Beijing ended a second day of talks on electric vehicles without a deal on Tuesday.',
      '“We want fair competition, not a trade war,” said Ursula von der Leyen, the president of the European ' +
        'Commission. “But we will defend our industry when the rules are broken.”',
      'China’s commerce minister Wang Wentao told reporters that the tariffs were protectionism dressed up as fair trade.',
      '“The European side must return to the negotiating table with sincerity,” Wang said.',
      'Valdis Dombrovskis said the Commission would keep the door open for price undertakings.',
      'The Commission imposed duties of up to 35 per cent in October.',
    ].join('\n\n');
    const parties = partiesOf({
      'European Union': [
        'Ursula von der Leyen',
        'European Commission',
        'Commission',
        'Dombrovskis',
        'Brussels',
      ],
      China: ['Wang Wentao', 'Wang', 'Beijing', 'Chinese'],
    });
    const found = findStatements(text, parties);
    assertSpans(text, found);
    assert.deepEqual(readable(found, parties), [
      ['quote', 'Ursula von der Leyen', 'European Union', 'We want fair competition, not a trade war'],
      [
        'quote',
        'Ursula von der Leyen',
        'European Union',
        'But we will defend our industry when the rules are broken.',
      ],
      [
        'reported',
        'China’s commerce minister Wang Wentao',
        'China',
        'the tariffs were protectionism dressed up as fair trade',
      ],
      ['quote', 'Wang', 'China', 'The European side must return to the negotiating table with sincerity'],
      [
        'reported',
        'Valdis Dombrovskis',
        'European Union',
        'the Commission would keep the door open for price undertakings',
      ],
    ]);
    assert.deepEqual(
      found.map((s) => s.cue),
      [
        'said Ursula von der Leyen',
        'said Ursula von der Leyen',
        'China’s commerce minister Wang Wentao told reporters',
        'Wang said',
        'Valdis Dombrovskis said',
      ],
    );
  });

  test('a US–Mexico story with straight quotes and “according to” before and after', () => {
    const text = [
      'Mexico and the United States agreed on Thursday to set up a joint working group on border security.',
      '"We will not accept tariffs as a tool of pressure," Mexican President Claudia Sheinbaum said at her morning news conference.',
      'According to Secretary of State Marco Rubio, the agreement shows that cooperation works better than confrontation.',
      'The cartels must be treated as terrorist organisations, according to the White House.',
      '"This is a good first step, but Mexico has to do much more," said a White House spokeswoman.',
      'Ms Sheinbaum said her government would send 10,000 National Guard troops to the northern border.',
      'The peso rose 1.2 per cent against the dollar after the announcement.',
    ].join('\n\n');
    const parties = partiesOf({
      'United States': ['Marco Rubio', 'Rubio', 'White House', 'Washington'],
      Mexico: ['Claudia Sheinbaum', 'Sheinbaum', 'Mexican'],
    });
    assert.deepEqual(statementsOf(text, parties), [
      [
        'quote',
        'Mexican President Claudia Sheinbaum',
        'Mexico',
        'We will not accept tariffs as a tool of pressure',
      ],
      [
        'reported',
        'Secretary of State Marco Rubio',
        'United States',
        'the agreement shows that cooperation works better than confrontation',
      ],
      [
        'reported',
        'the White House',
        'United States',
        'The cartels must be treated as terrorist organisations',
      ],
      [
        'quote',
        'a White House spokeswoman',
        'United States',
        'This is a good first step, but Mexico has to do much more',
      ],
      [
        'reported',
        'Ms Sheinbaum',
        'Mexico',
        'her government would send 10,000 National Guard troops to the northern border',
      ],
    ]);
  });

  test('a quotation over two paragraphs and he/she read as the last person named', () => {
    const text = [
      'Norway and Iceland remain divided over mackerel quotas after a tense meeting in Reykjavik.',
      'Norwegian fisheries minister Marianne Sivertsen Næss opened the session with a long statement. She said ' +
        'Norway had already cut its catch by a fifth and could not go further.',
      '“Our fishermen have carried the burden of this stock for a decade.',
      '“We have offered a fair share based on science, and we expect our neighbours to do the same,” she added.',
      'Iceland’s foreign minister, Thorgerdur Katrin Gunnarsdottir, rejected the offer.',
      '“The stock has moved north. Our quota must follow the fish, not history,” Ms Gunnarsdottir said.',
      'She warned that Iceland would set its own quota if no agreement was reached by December.',
      'Mr Olsen, a Norwegian negotiator, told the broadcaster NRK he was disappointed.',
      'She said the Norwegian offer ignored where the fish now spawn.',
      'The meeting lasted four hours.',
    ].join('\n\n');
    const parties = partiesOf({
      Norway: ['Marianne Sivertsen Næss', 'Sivertsen Næss', 'Norwegian', 'Oslo', 'Olsen'],
      Iceland: ['Thorgerdur Katrin Gunnarsdottir', 'Gunnarsdottir', 'Icelandic', 'Reykjavik'],
    });
    const found = findStatements(text, parties);
    assertSpans(text, found);
    const minister = 'Norwegian fisheries minister Marianne Sivertsen Næss';
    assert.deepEqual(readable(found, parties), [
      [
        'reported',
        minister,
        'Norway',
        'Norway had already cut its catch by a fifth and could not go further',
      ],
      [
        'quote',
        minister,
        'Norway',
        'Our fishermen have carried the burden of this stock for a decade.\n\n“We have offered a fair share based ' +
          'on science, and we expect our neighbours to do the same',
      ],
      [
        'quote',
        'Ms Gunnarsdottir',
        'Iceland',
        'The stock has moved north. Our quota must follow the fish, not history',
      ],
      [
        'reported',
        'Ms Gunnarsdottir',
        'Iceland',
        'Iceland would set its own quota if no agreement was reached by December',
      ],
      ['reported', 'Mr Olsen', 'Norway', 'he was disappointed'],
      // "She" passes over Mr Olsen to the last woman named.
      ['reported', 'Ms Gunnarsdottir', 'Iceland', 'the Norwegian offer ignored where the fish now spawn'],
    ]);
    assert.deepEqual(
      found.map((s) => s.cue),
      [
        'She said',
        'she added',
        'Ms Gunnarsdottir said',
        'She warned',
        'Mr Olsen … told the broadcaster NRK',
        'She said',
      ],
    );
  });

  test('British single quotes, a role with its holder’s name, and a source named after the clause', () => {
    const text = [
      '‘We will not be bullied into a bad deal,’ said the Prime Minister, Keir Starmer.',
      'Ministers’ patience with the talks is wearing thin, and the Chancellor’s aides have begun to plan for failure.',
      '‘The door remains open,’ a spokesman for the French President said, ‘but the clock is ticking.’',
      'The French government insisted that the fishing rights were not negotiable, according to Le Monde.',
    ].join('\n\n');
    const parties = partiesOf({ 'United Kingdom': ['Keir Starmer', 'Starmer'], France: ['French'] });
    assert.deepEqual(statementsOf(text, parties), [
      [
        'quote',
        'the Prime Minister, Keir Starmer',
        'United Kingdom',
        'We will not be bullied into a bad deal',
      ],
      ['quote', 'a spokesman for the French President', 'France', 'The door remains open'],
      ['quote', 'a spokesman for the French President', 'France', 'but the clock is ticking.'],
      ['reported', 'The French government', 'France', 'the fishing rights were not negotiable'],
    ]);
  });

  test('decimals do not end a sentence; a cue after a quotation is no statement; "… and said" keeps its subject', () => {
    const text = [
      'Network Rail insisted its offer of 4.5 per cent was fair.',
      '‘This is a last resort,’ Eddie Dempsey said outside the talks.',
      'The ministry rejected the claim and said the report was false.',
    ].join('\n\n');
    const found = findStatements(text, []);
    assert.deepEqual(readable(found, []), [
      ['reported', 'Network Rail', null, 'its offer of 4.5 per cent was fair'],
      ['quote', 'Eddie Dempsey', null, 'This is a last resort'],
      ['reported', 'The ministry', null, 'the report was false'],
    ]);
    assert.equal(found[2]!.cue, 'The ministry … and said');
  });

  test('a participle after a cue reports more of the same speaker; Windows line breaks separate paragraphs', () => {
    const text =
      'Sergey Lavrov spoke briefly.\r\n\r\n“We are ready,” he said, adding that talks could resume next month.';
    const found = findStatements(text, SAMPLE_PARTY_LIST);
    assertSpans(text, found);
    assert.deepEqual(readable(found, SAMPLE_PARTY_LIST), [
      ['quote', 'Sergey Lavrov', 'Russia', 'We are ready'],
      ['reported', 'Sergey Lavrov', 'Russia', 'talks could resume next month'],
    ]);
    assert.deepEqual(
      found.map((s) => s.cue),
      ['he said', 'he said, adding'],
    );
  });

  test('plain narration, scare quotes and apostrophes give nothing', () => {
    const text = [
      'Sergey Lavrov met David Miliband in Moscow on Monday. The two ministers discussed Iran, Afghanistan and the Middle East.',
      'The so-called “reset” between the two capitals began in 2009. Reporters waited outside the ministers’ residence for hours.',
      'The Foreign Office, which called the meeting at short notice, published no statement. It’s the first visit by a British foreign secretary since 2004.',
      'Miliband flew back to London the same evening. The talks were held at the Osobnyak mansion, a building once called "the house of receptions".',
    ].join('\n\n');
    assert.deepEqual(findStatements(text, SAMPLE_PARTY_LIST), []);
    assert.deepEqual(findStatements('', SAMPLE_PARTY_LIST), []);
    assert.deepEqual(findStatements('\n\n  \n', SAMPLE_PARTY_LIST), []);
  });

  test('an unknown speaker is still suggested, with no party', () => {
    const found = findStatements(
      '“Nobody asked us,” said Maria Lopez, a fisherman’s widow.',
      SAMPLE_PARTY_LIST,
    );
    assert.deepEqual(readable(found, SAMPLE_PARTY_LIST), [['quote', 'Maria Lopez', null, 'Nobody asked us']]);
  });

  test('a reported clause that is an attributed quotation gives way to the quotation', () => {
    const text = 'Lavrov said that “our position has not changed and will not change”.';
    const found = findStatements(text, SAMPLE_PARTY_LIST);
    assert.deepEqual(readable(found, SAMPLE_PARTY_LIST), [
      ['quote', 'Lavrov', 'Russia', 'our position has not changed and will not change'],
    ]);
  });

  test('statements before an end-of-sentence cue, inverted or not', () => {
    const text = [
      'Russia will never hand over its own citizens, Lavrov said at the press conference.',
      'The door to a new investigation remains open, said David Miliband.',
    ].join('\n\n');
    const found = findStatements(text, SAMPLE_PARTY_LIST);
    assert.deepEqual(readable(found, SAMPLE_PARTY_LIST), [
      ['reported', 'Lavrov', 'Russia', 'Russia will never hand over its own citizens'],
      ['reported', 'David Miliband', 'United Kingdom', 'The door to a new investigation remains open'],
    ]);
    assert.deepEqual(
      found.map((s) => s.cue),
      ['Lavrov said', 'said David Miliband'],
    );
  });

  test('a cue before the quotation, with a colon, a listener, or a participle', () => {
    const text = [
      'Wang Wentao told reporters: “China will take all necessary measures.”',
      'Lavrov said Moscow would answer in kind, adding: “We will not be lectured.”',
    ].join('\n\n');
    const parties = partiesOf({ China: ['Wang Wentao'], Russia: ['Lavrov', 'Moscow'] });
    const found = findStatements(text, parties);
    assert.deepEqual(readable(found, parties), [
      ['quote', 'Wang Wentao', 'China', 'China will take all necessary measures.'],
      ['reported', 'Lavrov', 'Russia', 'Moscow would answer in kind'],
      ['quote', 'Lavrov', 'Russia', 'We will not be lectured.'],
    ]);
  });

  test('spans always lie in the text and match its words, whatever the text', (t) => {
    const pieces = [
      'Lavrov',
      'said',
      'that',
      'he',
      'She',
      'told',
      'RT',
      'according to',
      'the British foreign minister',
      '“',
      '”',
      '"',
      '‘',
      '’',
      ',',
      '.',
      ':',
      '\n\n',
      ' ',
      'Russia would act',
      'Mr.',
      'von der',
      '😀',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const found = findStatements(text, SAMPLE_PARTY_LIST);
        assertSpans(text, found);
      }),
      runs(t, 400),
    );
  });

  test('finishes on a generated text of a megabyte', () => {
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const paragraph =
        i % 3 === 0
          ? `“Statement number ${i} is on the record,” said Official${i % 17} Speaker.`
          : i % 3 === 1
            ? `He also said the talks number ${i} would continue next week in Geneva.`
            : `The delegations met for the ${i}th time, and nothing was said about it.`;
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    const text = paragraphs.join('\n\n');
    const found = findStatements(text, SAMPLE_PARTY_LIST);
    assert.ok(text.length >= 1_000_000);
    // One quotation and one reported statement in every three paragraphs; "nothing was said" is no statement.
    assert.equal(found.length, paragraphs.filter((_, i) => i % 3 !== 2).length);
    assert.ok(
      found.filter((s) => s.kind === 'reported').every((s) => /^Official\d+ Speaker$/.test(s.speaker)),
    );
  });
});

describe('the gaps found from outside (sentences written for these tests)', () => {
  const parties = partiesOf({
    Council: ['Brackwater Council', 'council', 'Hana Selby', 'Selby'],
    Union: ['Bus Workers’ Union', 'Colm Ferris', 'Ferris'],
  });

  test('statements listed after "also said:", with bullets or without, each belong to the cue’s speaker', () => {
    const text = [
      'Hana Selby, who leads Brackwater Council, spoke on Friday.',
      'Selby also said:',
      '• the depot will stay open through the winter;',
      '• drivers will be paid for the hours lost to the flooding.',
      'Ferris also told reporters:',
      'talks would resume on Monday;',
      'the union had not yet balloted its members.',
      'The meeting ended at noon.',
    ].join('\n\n');
    assert.deepEqual(statementsOf(text, parties), [
      ['reported', 'Selby', 'Council', 'the depot will stay open through the winter'],
      ['reported', 'Selby', 'Council', 'drivers will be paid for the hours lost to the flooding'],
      ['reported', 'Ferris', 'Union', 'talks would resume on Monday'],
      ['reported', 'Ferris', 'Union', 'the union had not yet balloted its members'],
    ]);
  });

  test('a paragraph that is all quotation continues the speaker quoted just before it', () => {
    const text = [
      '“The routes will be redrawn by spring,” Selby said.',
      '“Nobody will lose a bus stop without a public meeting first.”',
      'Ferris said the plan would cost forty jobs.',
      '“This is the wrong plan for the wrong reasons.”',
    ].join('\n\n');
    const found = findStatements(text, parties);
    assert.deepEqual(readable(found, parties), [
      ['quote', 'Selby', 'Council', 'The routes will be redrawn by spring'],
      ['quote', 'Selby', 'Council', 'Nobody will lose a bus stop without a public meeting first.'],
      ['reported', 'Ferris', 'Union', 'the plan would cost forty jobs'],
    ]);
  });

  test('a quotation closed by a mark of another kind stops there, not in the reporter’s words after it', () => {
    const text =
      '“We were never shown the figures," said Colm Ferris of the Bus Workers’ Union. The union has 900 members.';
    const found = findStatements(text, parties);
    assert.deepEqual(readable(found, parties), [
      ['quote', 'Colm Ferris of the Bus Workers’ Union', 'Union', 'We were never shown the figures'],
    ]);
  });

  test('"said X but insisted that Y" is two statements; "said X and called for Y" stays one', () => {
    const text = [
      'Selby said the delays were regrettable but insisted that the contractor had met every deadline.',
      'Ferris said the drivers were exhausted and called for an inquiry into the rota.',
    ].join('\n\n');
    const found = findStatements(text, parties);
    assert.deepEqual(readable(found, parties), [
      ['reported', 'Selby', 'Council', 'the delays were regrettable'],
      ['reported', 'Selby', 'Council', 'the contractor had met every deadline'],
      ['reported', 'Ferris', 'Union', 'the drivers were exhausted and called for an inquiry into the rota'],
    ]);
    assert.equal(found[1]!.cue, 'Selby said … but insisted');
  });

  test('clauses in photo captions are no statements', () => {
    const text = [
      'Hana Selby said the routes would change, at the council offices on Friday. Photograph: A. Moss/Valley Pictures',
      'Image caption: Colm Ferris said the drivers were exhausted',
      'Drivers outside the depot on Monday, where Ferris said forty jobs were at risk. Photo: Valley Pictures',
      'Ferris said the union would strike in March.',
    ].join('\n\n');
    assert.deepEqual(readable(findStatements(text, parties), parties), [
      ['reported', 'Ferris', 'Union', 'the union would strike in March'],
    ]);
  });

  test('a wire dateline is not part of the first statement', () => {
    const text =
      'BRACKWATER, Jan 9 (Newsline) - Bus fares will rise by ten per cent in April, council leader Hana Selby said.';
    assert.deepEqual(readable(findStatements(text, parties), parties), [
      ['reported', 'council leader Hana Selby', 'Council', 'Bus fares will rise by ten per cent in April'],
    ]);
  });

  test('a transcript’s answers are statements of who gives them; questions and the moderator’s are not', () => {
    const text = [
      'An edited transcript of the briefing follows.',
      'SELBY: The timetable is final. We will not reopen it.',
      'QUESTION: Will the night buses return?',
      'FERRIS: Only if the council pays for a second driver.',
      'MODERATOR: Thank you.',
    ].join('\n\n');
    assert.deepEqual(statementsOf(text, parties), [
      ['quote', 'Selby', 'Council', 'The timetable is final. We will not reopen it'],
      ['quote', 'Ferris', 'Union', 'Only if the council pays for a second driver'],
    ]);
    // Two lines in capitals with a colon make no transcript.
    assert.deepEqual(findStatements('NOTE: names changed.\n\nUPDATE: the vote was held.', parties), []);
  });

  test('the same words quoted twice, as a pull quote repeats the body, are suggested once', () => {
    const text = [
      '“Every route is on the table,” Selby said. “We will listen.”',
      '“Every route is on the table,” said Hana Selby.',
      '“We will listen,” Selby added.',
    ].join('\n\n');
    const found = findStatements(text, parties);
    assert.deepEqual(
      found.map((s) => [s.start, s.quote]),
      [
        [1, 'Every route is on the table'],
        [text.indexOf('We will listen'), 'We will listen.'],
      ],
    );
  });

  test('a plural possessive names the body; "a spokesman for the company" speaks for the body last named', () => {
    const text = [
      'Coastline Buses said the new timetable would start in May.',
      'A spokesman for the company said fares would be frozen.',
      'The drivers’ union said the timetable was unworkable.',
    ].join('\n\n');
    const withCompany = partiesOf({ Operator: ['Coastline Buses'], Union: ['drivers’ union'] });
    assert.deepEqual(readable(findStatements(text, withCompany), withCompany), [
      ['reported', 'Coastline Buses', 'Operator', 'the new timetable would start in May'],
      ['reported', 'A spokesman for the company', 'Operator', 'fares would be frozen'],
      ['reported', 'The drivers’ union', 'Union', 'the timetable was unworkable'],
    ]);
  });

  test('a role and a name between commas before an end-of-sentence cue', () => {
    const text =
      'The depot will close for a week in June, the union’s regional organiser, Colm Ferris, said on Friday.';
    assert.deepEqual(readable(findStatements(text, parties), parties), [
      [
        'reported',
        'the union’s regional organiser, Colm Ferris',
        'Union',
        'The depot will close for a week in June',
      ],
    ]);
  });
});

describe('suggestions in a notebook', () => {
  function setup(): { nb: Notebook; id: string; text: string } {
    const nb = emptyNotebook();
    const doc = addSampleDocument(nb, SAMPLE, T0);
    for (const party of SAMPLE_PARTIES) {
      if (!nb.parties.some((p) => p.name === party.name))
        nb.parties.push({ ...party, id: `added-${party.short}` });
    }
    return { nb, id: doc.id, text: doc.text };
  }

  test('each suggestion has a stable key, its document and the party of its speaker', () => {
    const { nb, id, text } = setup();
    const suggestions = suggestStatements(nb, id);
    assert.equal(suggestions.length, findStatements(text, nb.parties).length);
    const russia = nb.parties.find((p) => p.name === 'Russia')!;
    for (const s of suggestions) {
      assert.equal(s.key, `${id}:${s.start}:${s.end}`);
      assert.equal(s.key, suggestionKey(id, s.start, s.end));
      assert.equal(s.documentId, id);
      assert.equal(s.quote, text.slice(s.start, s.end));
    }
    assert.equal(suggestions.find((s) => s.quote === 'Our position has not changed')?.partyId, russia.id);
    assert.deepEqual(
      suggestStatements(nb, id).map((s) => s.key),
      suggestions.map((s) => s.key),
    );
  });

  test('a dismissed suggestion is not offered again; dismissing twice records it once', () => {
    const { nb, id } = setup();
    const [first, second] = suggestStatements(nb, id);
    assert.deepEqual(dismissSuggestion(nb, first!.key), { key: first!.key });
    assert.deepEqual(dismissSuggestion(nb, first!.key), { key: first!.key });
    assert.deepEqual(nb.dismissedSuggestions, [first!.key]);
    const left = suggestStatements(nb, id);
    assert.ok(!left.some((s) => s.key === first!.key));
    assert.equal(left[0]!.key, second!.key);
  });

  test('a statement already highlighted over more than half of it is not offered; a small highlight inside is', () => {
    const { nb, id } = setup();
    const suggestions = suggestStatements(nb, id);
    const whole = suggestions.find(
      (s) => s.quote === 'his extradition to UK is absolutely out of the question',
    )!;
    const long = suggestions.find((s) => s.quote.startsWith('We are not allowing'))!;
    createAnnotation(
      nb,
      { documentId: id, start: whole.start - 10, end: whole.end - 5, topicIds: [], note: '' },
      T0,
    );
    createAnnotation(
      nb,
      { documentId: id, start: long.start, end: long.start + 20, topicIds: [], note: '' },
      T0,
    );
    const keys = suggestStatements(nb, id).map((s) => s.key);
    assert.ok(!keys.includes(whole.key));
    assert.ok(keys.includes(long.key));
    assert.equal(keys.length, suggestions.length - 1);
  });

  test('statements of one document only', () => {
    const { nb, id } = setup();
    const other = addDocument(
      nb,
      {
        ...importPlainText('Headline\n\n“We will see,” said Lavrov.\n'),
        source: 'Test',
      },
      T0,
    );
    assert.deepEqual(
      suggestStatements(nb, other.id).map((s) => [s.quote, s.documentId]),
      [['We will see', other.id]],
    );
    assert.ok(suggestStatements(nb, id).every((s) => s.documentId === id));
  });

  test('refuses an unknown document, and a key that is not one, leaving the notebook as it was', () => {
    const { nb, id, text } = setup();
    const before = structuredClone(nb);
    const refused = (call: () => unknown, code: string) =>
      assert.throws(call, (error: unknown) => error instanceof ParleyError && error.code === code);
    refused(() => suggestStatements(nb, 'no-such-document'), 'not-found');
    refused(() => dismissSuggestion(nb, 'no-such-document:1:5'), 'not-found');
    refused(() => dismissSuggestion(nb, 'nonsense'), 'invalid');
    refused(() => dismissSuggestion(nb, `${id}:5:5`), 'invalid');
    refused(() => dismissSuggestion(nb, `${id}:0:${text.length + 1}`), 'invalid');
    refused(() => dismissSuggestion(nb, `${id}:${'9'.repeat(400)}:1`), 'invalid');
    refused(() => dismissSuggestion(nb, 42 as unknown as string), 'invalid');
    assert.deepEqual(nb, before);
  });
});

describe('who said it (sentences written for these tests)', () => {
  const parties = partiesOf({
    Utility: ['Lowmere Water', 'water authority', 'Ada Kinsey', 'Kinsey'],
    Tenants: ['residents’ association', 'Bram Tolley', 'Tolley'],
  });
  const read = (text: string) => statementsOf(text, parties);

  test('"Image caption," and "Image source," lines give nothing', () => {
    const text = [
      'Image caption, Bram Tolley at the pumping station. Tolley said the water had run brown for a week',
      'Image source, Lowmere Photo Desk',
      'Tolley said the association would meet on Friday.',
    ].join('\n\n');
    assert.deepEqual(read(text), [['reported', 'Tolley', 'Tenants', 'the association would meet on Friday']]);
  });

  test('a live blog’s timestamp is neither part of the speaker nor of the statement', () => {
    const text = [
      '14:20 BST Kinsey said the reservoir stood at forty per cent.',
      '14:35 BST The reservoir will be refilled by June, Kinsey told the council.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'Kinsey', 'Utility', 'the reservoir stood at forty per cent'],
      ['reported', 'Kinsey', 'Utility', 'The reservoir will be refilled by June'],
    ]);
  });

  test('mediators, groups, an authority and a sentence-initial qualifier name speakers', () => {
    const text = [
      'The independent mediator, Sofia Rann, said the two sides would meet again in May.',
      'Tenant groups said the new charges were unfair.',
      'A spokesman for the water authority said the leak had been found.',
      'Housing economist Pia Marr, who advises neither side, said the charges would rise again.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'The independent mediator, Sofia Rann', null, 'the two sides would meet again in May'],
      ['reported', 'Tenant groups', null, 'the new charges were unfair'],
      ['reported', 'A spokesman for the water authority', 'Utility', 'the leak had been found'],
      ['reported', 'Housing economist Pia Marr', null, 'the charges would rise again'],
    ]);
  });

  test('a name and role between commas after an opening phrase; "…, who said" gives the name before it', () => {
    const text = [
      'On Tuesday, Bram Tolley, the association’s chair, said residents would withhold payment.',
      'Kinsey met the regulator, Ines Pardo, who said the fines would be published.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'Bram Tolley, the association’s chair', 'Tenants', 'residents would withhold payment'],
      ['reported', 'Ines Pardo', null, 'the fines would be published'],
    ]);
  });

  test('a full name between commas after a few words with no verb: "His rival, Sam Oyelaran, said"', () => {
    const text =
      'Tolley lost the vote by forty ballots. His rival, Sam Oyelaran, said the count had been fair.';
    assert.deepEqual(read(text), [['reported', 'Sam Oyelaran', null, 'the count had been fair']]);
  });

  test('a verdict in quotation marks after "dismissed … as" is the subject’s statement', () => {
    const text = 'The residents’ association dismissed the report as “a whitewash from start to finish”.';
    assert.deepEqual(read(text), [
      ['quote', 'The residents’ association', 'Tenants', 'a whitewash from start to finish'],
    ]);
  });

  test('an analyst or economist takes a party only by their own name, not by a nationality before it', () => {
    const sides = partiesOf({ Veldria: ['Veldrian', 'Piet Ruud'], Tova: ['Tovan'] });
    const text = [
      'Tovan analysts said the price was high.',
      'Tovan analyst Ola Berg said the price would fall.',
      'The analysts said the deal would hold.',
      'Veldrian economist Piet Ruud said the deal favoured neither side.',
      'Tovan officials said the deal was fair.',
    ].join('\n\n');
    assert.deepEqual(
      readable(findStatements(text, sides), sides).map(([, speaker, party]) => [speaker, party]),
      [
        ['Tovan analysts', null],
        ['Tovan analyst Ola Berg', null],
        ['The analysts', null],
        ['Veldrian economist Piet Ruud', 'Veldria'],
        ['Tovan officials', 'Tova'],
      ],
    );
  });

  test('"called its first meeting" is no cue; "called the vote a farce" is', () => {
    assert.deepEqual(read('The residents’ association called its first meeting in a decade.'), []);
    // A verdict on the event is still a statement.
    assert.deepEqual(read('Tolley called the vote a farce.'), [
      ['reported', 'Tolley', 'Tenants', 'the vote a farce'],
    ]);
  });

  test('a speaker named only by a role or a body takes the party of the one named so before', () => {
    const text = [
      'Lowmere’s water commissioner, Ada Kinsey, opened the new reservoir on Monday.',
      'The water commissioner said the dam had passed every test.',
      'The residents’ association said bills were too high. The association said it would appeal.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'The water commissioner', 'Utility', 'the dam had passed every test'],
      ['reported', 'The residents’ association', 'Tenants', 'bills were too high'],
      ['reported', 'The association', 'Tenants', 'it would appeal'],
    ]);
    // Two sides had someone in that role: no party.
    const two = [
      'Kinsey and the association’s finance director, Bram Tolley, met the finance director of Lowmere Water.',
      'The finance director said the figures were wrong.',
    ].join('\n\n');
    assert.deepEqual(read(two), [['reported', 'The finance director', null, 'the figures were wrong']]);
  });

  test('"a government spokeswoman" speaks for the government the text named before', () => {
    const sides = partiesOf({ Gov: ['Lowmere government'], Tenants: ['Bram Tolley', 'Tolley'] });
    const text = [
      'The Lowmere government said the leak was fixed.',
      'Tolley said the repairs were botched. “They were not,” a government spokeswoman said.',
    ].join('\n\n');
    assert.deepEqual(readable(findStatements(text, sides), sides).at(-1), [
      'quote',
      'a government spokeswoman',
      'Gov',
      'They were not',
    ]);
  });

  test('he or she after a sentence naming other people: the one of them it can be, or nobody', () => {
    const text = [
      'Dr Owen Pratt said the pipes were sound.',
      'Mr Tolley said the bills were unfair.',
      'Ms Kinsey said the repairs would take a month.',
      'Later Tolley met Kinsey at the pumping station. “We agreed to meet every month,” he said.',
    ].join('\n\n');
    assert.deepEqual(read(text).at(-1), ['quote', 'Mr Tolley', 'Tenants', 'We agreed to meet every month']);
    const ambiguous = [
      'Dr Owen Pratt said the pipes were sound.',
      'Mr Tolley said the bills were unfair.',
      'Later Tolley met Pratt at the station. “It went well,” he said.',
    ].join('\n\n');
    assert.deepEqual(read(ambiguous), [
      ['reported', 'Dr Owen Pratt', null, 'the pipes were sound'],
      ['reported', 'Mr Tolley', 'Tenants', 'the bills were unfair'],
    ]);
  });

  test('a person named only as an object since does not displace the previous speaker', () => {
    const text = (title: string) =>
      [
        'Kinsey said the talks had failed.',
        `${title} Pratt said the pipes were sound.`,
        'Kinsey said the repairs were late. She blamed Pratt for the delay. “He promised us June,” she said.',
      ].join('\n\n');
    // Pratt could be a she: nobody can be sure.
    assert.equal(read(text('Dr')).length, 3);
    assert.deepEqual(read(text('Mr')).at(-1), ['quote', 'Kinsey', 'Utility', 'He promised us June']);
  });

  test('he or she goes past the previous speaker’s own cue to one named after it', () => {
    const text = [
      'Tolley said the river had risen twice this winter.',
      '‘We want to get this right rather than fast,’ Kinsey said.',
      'For Tolley, that is not good enough. ‘By then we will have flooded again,’ he says.',
    ].join('\n\n');
    assert.deepEqual(read(text).at(-1), ['quote', 'Tolley', 'Tenants', 'By then we will have flooded again']);
  });

  test('a megabyte of role-only speakers and of he or she after two people stays fast', () => {
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const paragraph = [
        'Lowmere’s water commissioner, Ada Kinsey, opened the session.',
        `The water commissioner said the pipes number ${i} would be replaced.`,
        'Kinsey met Tolley in the hall. “We spoke,” he said.',
        'Mr Tolley said the commissioner was wrong.',
      ][i % 4]!;
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    const started = performance.now();
    const found = findStatements(paragraphs.join('\n\n'), parties);
    // Measured near a second on the machine the tests run on; a scan of every earlier mention took 35.
    assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
    assert.ok(found.some((s) => s.speaker === 'The water commissioner' && s.partyId === 'party-0'));
  });

  test('a he or she that names nobody is not offered', () => {
    assert.deepEqual(read('“The water is safe to drink,” she said.'), []);
  });

  test('a Q&A interview: the answers are the statements of the one person introduced before it', () => {
    const text = [
      'Ada Kinsey has led Lowmere Water since 2019. We asked her about the bills.',
      'Q: Will bills rise next year?',
      'A: Not next year. The year after, perhaps.',
      'Q: And the leaks?',
      'A: We fix forty a week, and the number is falling.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Ada Kinsey', 'Utility', 'Not next year. The year after, perhaps'],
      ['quote', 'Ada Kinsey', 'Utility', 'We fix forty a week, and the number is falling'],
    ]);
    // "Interviewer:" and the surname of the one interviewed mark the turns as well.
    const named = text.replace(/Q:/g, 'Interviewer:').replace(/A:/g, 'Kinsey:');
    assert.deepEqual(read(named), read(text));
    // With two people introduced, nobody can be sure who answers.
    const two = text.replace('We asked her', 'Bram Tolley joined her. We asked them');
    assert.deepEqual(read(two), []);
  });

  test('a quotation opening a paragraph goes on from the last speaker though narration followed that speaker', () => {
    const text = [
      '“The bills are too high,” Tolley said. The association has 400 members.',
      '“We will not pay them.” A vote is due on Monday.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Tolley', 'Tenants', 'The bills are too high'],
      ['quote', 'Tolley', 'Tenants', 'We will not pay them.'],
    ]);
  });
});

describe('where a statement starts and ends (sentences written for these tests)', () => {
  const parties = partiesOf({
    Council: ['Brenmoor council', 'Iris Colby', 'Colby'],
    Traders: ['Market Traders Guild', 'Otto Pryce', 'Pryce'],
  });
  const read = (text: string) => statementsOf(text, parties);

  test('"X, Name said Monday, adding that Y" is two statements, the day in neither', () => {
    const text =
      'The market will close for repairs in June, Iris Colby said Monday, adding that the stalls would move to the car park.';
    assert.deepEqual(read(text), [
      ['reported', 'Iris Colby', 'Council', 'The market will close for repairs in June'],
      ['reported', 'Iris Colby', 'Council', 'the stalls would move to the car park'],
    ]);
  });

  test('an inverted or apposed cue followed by ", blaming …" or ", adding that …" still ends the statement', () => {
    const text = [
      'The market hall will reopen in May, its manager, Rosa Finch, said on Thursday, blaming the builders.',
      'The guild will boycott the reopening, said Otto Pryce, adding that members had not been invited.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'its manager, Rosa Finch', null, 'The market hall will reopen in May'],
      ['reported', 'Otto Pryce', 'Traders', 'The guild will boycott the reopening'],
      ['reported', 'Otto Pryce', 'Traders', 'members had not been invited'],
    ]);
  });

  test('a reported clause stops before the reporter’s words: ", despite …", ", a point …", ", but refused to say …"', () => {
    const text = [
      'Otto Pryce insisted that the guild had not been consulted, despite a letter from the council in May.',
      'Asked whether the guild would sue, Pryce said the members would vote on it next week, a point the council disputed.',
      'Colby said the council would publish the costs in July, but refused to say whether rents would rise.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'Otto Pryce', 'Traders', 'the guild had not been consulted'],
      ['reported', 'Pryce', 'Traders', 'the members would vote on it next week'],
      ['reported', 'Colby', 'Council', 'the council would publish the costs in July'],
    ]);
  });

  test('"said A, and that B" is two statements; "told … later that day that" starts after the second "that"', () => {
    const text = [
      'Colby said the repairs would take six weeks, and that no trader would lose a pitch.',
      'Pryce told reporters later that day that the members had been misled.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'Colby', 'Council', 'the repairs would take six weeks'],
      ['reported', 'Colby', 'Council', 'no trader would lose a pitch'],
      ['reported', 'Pryce', 'Traders', 'the members had been misled'],
    ]);
  });

  test('a quotation after "X was blunt:" and after a line\'s opening "Name:" or "Name, role:"', () => {
    const text = [
      'Otto Pryce was blunt: ‘We were told nothing.’',
      'Council leader Iris Colby: “The roof cannot wait another winter.”',
      'Otto Pryce, guild chairman: “Not one stall will move.”',
      'Key points: “no stall moves” and “no rent rise”.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Otto Pryce', 'Traders', 'We were told nothing.'],
      ['quote', 'Council leader Iris Colby', 'Council', 'The roof cannot wait another winter.'],
      ['quote', 'Otto Pryce, guild chairman', 'Traders', 'Not one stall will move.'],
    ]);
  });

  test('a quotation broken by "Pryce warned on Tuesday," and one after ", calling the plan"', () => {
    const text = [
      '“We will stay open,” Pryce warned on Tuesday, “whatever the council decides.”',
      '“Nobody asked us,” Pryce said, calling the plan “a closure by the back door.”',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Pryce', 'Traders', 'We will stay open'],
      ['quote', 'Pryce', 'Traders', 'whatever the council decides.'],
      ['quote', 'Pryce', 'Traders', 'Nobody asked us'],
      ['quote', 'Pryce', 'Traders', 'a closure by the back door.'],
    ]);
  });

  test('"welcomed the repairs, saying …" reports the subject', () => {
    const text = 'The Shopkeepers’ Fund welcomed the repairs, saying they were long overdue.';
    assert.deepEqual(read(text), [['reported', 'The Shopkeepers’ Fund', null, 'they were long overdue']]);
  });

  test('a person named by surname later keeps the party read when they were introduced', () => {
    const text = [
      'Colby’s spokesman, Dev Anand, said the council would meet the guild.',
      'Asked whether the council would delay the works, Anand said: “The decision has been made.”',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'Colby’s spokesman, Dev Anand', 'Council', 'the council would meet the guild'],
      ['quote', 'Anand', 'Council', 'The decision has been made.'],
    ]);
  });
});

/** A roads ministry and a hauliers' federation, named in the sentences of the next two groups. */
const ROAD_PARTIES = partiesOf({
  Ministry: ['Ministry of Roads', 'roads ministry', 'Lena Ortiz', 'Ortiz'],
  Hauliers: ['Hauliers Federation', 'Piers Quade', 'Quade'],
});

describe('who said it, and how many statements (more sentences written for these tests)', () => {
  const read = (text: string) => statementsOf(text, ROAD_PARTIES);

  test('"Quade warned the government: “…”" is Quade’s, not the government’s', () => {
    const text = 'Quade warned the government: “If you build the gates, we will drive around them.”';
    assert.deepEqual(read(text), [
      ['quote', 'Quade', 'Hauliers', 'If you build the gates, we will drive around them.'],
    ]);
  });

  test('"told reporters A and said B" is two statements', () => {
    const text = 'Quade told reporters the vote was a disgrace and said the federation would appeal.';
    assert.deepEqual(read(text), [
      ['reported', 'Quade', 'Hauliers', 'the vote was a disgrace'],
      ['reported', 'Quade', 'Hauliers', 'the federation would appeal'],
    ]);
  });

  test('"the minister" takes the party of the person named before it as "Lena Ortiz, the roads minister"', () => {
    const text = [
      'Lena Ortiz, the roads minister, told parliament the tolls were needed.',
      'The minister said the tolls would be lower than in neighbouring countries.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'Lena Ortiz', 'Ministry', 'the tolls were needed'],
      ['reported', 'The minister', 'Ministry', 'the tolls would be lower than in neighbouring countries'],
    ]);
  });

  test('he or she after a sentence opened by a person named in full before is that person, not the last speaker', () => {
    const text = [
      'Asked whether the tolls would rise, Quade said: “Nothing is off the table.”',
      'As Lena Ortiz put it in parliament last week, the numbers do not add up.',
      'Ortiz seized on the remark. “He has just told every driver to be afraid,” she said on Monday.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Quade', 'Hauliers', 'Nothing is off the table.'],
      ['quote', 'Ortiz', 'Ministry', 'He has just told every driver to be afraid'],
    ]);
  });

  test('", calling it “…”" after a reported clause ends the clause and is a quotation of its own', () => {
    const text =
      'The Hauliers Federation said in a statement that it would fight the tolls, calling them “a tax on bread”. ' +
      'Ortiz said the tolls were fair, calling it “a matter of arithmetic”.';
    assert.deepEqual(read(text), [
      ['reported', 'The Hauliers Federation', 'Hauliers', 'it would fight the tolls'],
      ['quote', 'The Hauliers Federation', 'Hauliers', 'a tax on bread'],
      ['reported', 'Ortiz', 'Ministry', 'the tolls were fair'],
      ['quote', 'Ortiz', 'Ministry', 'a matter of arithmetic'],
    ]);
  });

  test('"told the Sellen Herald’s podcast …": a listener named through its owner before the clause', () => {
    const text = 'Quade told the Sellen Herald’s podcast the tolls were a tax on work.';
    assert.deepEqual(read(text), [['reported', 'Quade', 'Hauliers', 'the tolls were a tax on work']]);
  });

  test('"A said X; B said Y" is two statements, each of its own speaker', () => {
    const text = 'Ortiz said the tolls would pay for repairs; Quade said they would pay for nothing.';
    assert.deepEqual(read(text), [
      ['reported', 'Ortiz', 'Ministry', 'the tolls would pay for repairs'],
      ['reported', 'Quade', 'Hauliers', 'they would pay for nothing'],
    ]);
  });

  test('"called the decision “shameful”" offers the quoted verdict, not the object before it', () => {
    const text = 'Quade called the decision “shameful” and left the chamber.';
    assert.deepEqual(read(text), [['quote', 'Quade', 'Hauliers', 'shameful']]);
  });

  test('a quotation broken by "said Ortiz, who took office in May," goes on as hers', () => {
    const text =
      '“We will keep every toll,” said Ortiz, who took office in May, “and we will cut them for residents.”';
    assert.deepEqual(read(text), [
      ['quote', 'Ortiz', 'Ministry', 'We will keep every toll'],
      ['quote', 'Ortiz', 'Ministry', 'and we will cut them for residents.'],
    ]);
  });

  test('"Officials at Sellen’s harbour said": a place’s possessive inside the speaker', () => {
    const text = 'Officials at Sellen’s harbour said the tolls had been agreed in March.';
    assert.deepEqual(read(text), [
      ['reported', 'Officials at Sellen’s harbour', null, 'the tolls had been agreed in March'],
    ]);
  });

  test('"An aide to Ortiz said", "A source close to Quade said": the aide and the source speak, for that side', () => {
    const text = [
      'An aide to Ortiz said the tolls would be reviewed in May.',
      'A source close to Quade said the federation was split.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['reported', 'An aide to Ortiz', 'Ministry', 'the tolls would be reviewed in May'],
      ['reported', 'A source close to Quade', 'Hauliers', 'the federation was split'],
    ]);
  });

  test('", and Quade said …" after a reported clause starts another speaker’s statement', () => {
    const text = 'Ortiz said on Monday that the tolls would stay, and Quade said they would not.';
    assert.deepEqual(read(text), [
      ['reported', 'Ortiz', 'Ministry', 'the tolls would stay'],
      ['reported', 'Quade', 'Hauliers', 'they would not'],
    ]);
  });

  test('"told the Sellen Herald in an interview published on Sunday that …" starts after "that"', () => {
    const text =
      'Quade told the Sellen Herald in an interview published on Sunday that he would stand again.';
    assert.deepEqual(read(text), [['reported', 'Quade', 'Hauliers', 'he would stand again']]);
  });

  test('a quotation ended by a full stop after "Quade said:" is Quade’s, not that of the next sentence’s subject', () => {
    const text = 'Quade said: “We will win.” Ortiz said nothing.';
    assert.deepEqual(read(text), [['quote', 'Quade', 'Hauliers', 'We will win.']]);
  });

  test('a cue with an adverbial before the colon: "said in a statement:", "wrote on social media:", "told a rally:"', () => {
    const text = [
      'Ortiz said in a statement: “The figures speak for themselves.”',
      'Quade wrote on social media: “A sad day for every driver.”',
      'Quade told a rally in Sellen: “We will win.”',
      'The problem, in short: “nobody reads the small print”.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Ortiz', 'Ministry', 'The figures speak for themselves.'],
      ['quote', 'Quade', 'Hauliers', 'A sad day for every driver.'],
      ['quote', 'Quade', 'Hauliers', 'We will win.'],
    ]);
  });
});

describe('straight single quotes and mixed-case turns (sentences written for these tests)', () => {
  const read = (text: string) => statementsOf(text, ROAD_PARTIES);

  test("'…,' X told MPs: straight single quotes are quotation marks, as curly ones are", () => {
    const text = "'We will not pay for the gates,' Ortiz told MPs. 'Nor will the drivers.'";
    assert.deepEqual(read(text), [
      ['quote', 'Ortiz', 'Ministry', 'We will not pay for the gates'],
      ['quote', 'Ortiz', 'Ministry', 'Nor will the drivers.'],
    ]);
  });

  test("apostrophes in don't, Sellen's and the hauliers' are not quote marks, inside a quotation or out", () => {
    const text = [
      "'The hauliers' gates don't close at night,' said Quade, Sellen's oldest driver.",
      "The drivers' leaders met Ortiz. 'Ortiz's plan won't work,' Quade said.",
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Quade', 'Hauliers', "The hauliers' gates don't close at night"],
      ['quote', 'Quade', 'Hauliers', "Ortiz's plan won't work"],
    ]);
  });

  test('a straight single quotation ends at its closing mark, not in the next sentence', () => {
    const text = "'We won't pay,' Ortiz said. The hauliers' leaders left the room.";
    assert.deepEqual(read(text), [['quote', 'Ortiz', 'Ministry', "We won't pay"]]);
  });

  test("a plural possessive before a comma (the ministers',) gives way to the close after the comma", () => {
    const text = "'The gates are the ministers', not the drivers',' Quade said.";
    assert.deepEqual(read(text), [
      ['quote', 'Quade', 'Hauliers', "The gates are the ministers', not the drivers'"],
    ]);
  });

  test("'90s and an opening mark with no sure close are refused; the next sure quotation is still found", () => {
    const text = [
      "The gates went up in the '90s. 'They will come down,' Quade said.",
      "On the leaflets the plan is 'a drivers' tax and a con. 'We will fight it,' Quade said.",
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Quade', 'Hauliers', 'They will come down'],
      ['quote', 'Quade', 'Hauliers', 'We will fight it'],
    ]);
  });

  test('a megabyte of straight single quotes, apostrophes and mixed-case turns stays fast', () => {
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const paragraph = [
        'Lena Ortiz has run the roads ministry since May. Anna Berg met her in Sellen.',
        `Berg: Why put toll number ${i} on the bridge?`,
        `Ortiz: Because road number ${i} is falling apart.`,
        `'The hauliers' gates don't close at ${i},' Quade said. 'We won't pay toll ${i}.'`,
        `On the leaflets toll ${i} is 'a drivers' tax and the ministers'. The '90s were cheaper, the drivers' union says.`,
      ][i % 5]!;
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    const started = performance.now();
    const found = findStatements(paragraphs.join('\n\n'), ROAD_PARTIES);
    assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
    const count = (k: number) => paragraphs.filter((_, i) => i % 5 === k).length;
    assert.equal(found.filter((s) => s.speaker === 'Lena Ortiz' && s.kind === 'quote').length, count(2));
    assert.equal(found.filter((s) => s.speaker === 'Quade' && s.kind === 'quote').length, 2 * count(3));
  });

  test('Q&A turns marked "Ortiz:" in mixed case are the answers of the one introduced as Lena Ortiz', () => {
    const text = [
      'Lena Ortiz has run the roads ministry since May. Anna Berg, our transport editor, met her in Sellen.',
      'Berg: Why put tolls on the bridge?',
      'Lena Ortiz: Because the roads are falling apart. Someone has to pay.',
      'Q: Will you cut them?',
      'Ortiz: Not this year.',
      'Note: the interview was edited for length.',
      'Quade: We will fight them.',
    ].join('\n\n');
    assert.deepEqual(read(text), [
      ['quote', 'Lena Ortiz', 'Ministry', 'Because the roads are falling apart. Someone has to pay'],
      ['quote', 'Lena Ortiz', 'Ministry', 'Not this year'],
    ]);
  });
});
