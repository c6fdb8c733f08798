// Parties: creating, editing, merging and deleting them keeps every name pointing to one side and never loses a
// passage; partyForSpeaker finds the side a speaker in a text speaks for, on the sample and on other names.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emptyNotebook, NotebookSchema, type Party } from '../../../shared/model';
import { assertRefused } from './fixtures';
import { addDocument, createAnnotation, createTopic } from '../../../main/core/notebook';
import {
  addSampleParties,
  createParty,
  deleteParty,
  listParties,
  mergeParties,
  partyForSpeaker,
  PARTY_PALETTE,
  SAMPLE_PARTIES,
  updateParty,
} from '../../../main/core/parties';
import { TOPIC_PALETTE } from '../../../main/core/topics';
import { runs } from '../properties/seed';

const T0 = new Date('2026-02-01T09:00:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A notebook with one document, the sample parties and a highlight held by each. */
function setup() {
  const nb = emptyNotebook();
  const text = 'Lavrov refused.\n\nMiliband insisted.\n\nNobody said anything.';
  const doc = addDocument(
    nb,
    {
      title: 'Talks',
      source: 'Test',
      published: '',
      url: '',
      format: 'text',
      text,
      blocks: [
        { kind: 'paragraph', start: 0, end: 15 },
        { kind: 'paragraph', start: 17, end: 35 },
        { kind: 'paragraph', start: 37, end: text.length },
      ],
    },
    T0,
  );
  const [uk, russia] = addSampleParties(nb) as [Party, Party];
  const topic = createTopic(nb, { path: 'extradition' });
  const refusal = createAnnotation(
    nb,
    {
      documentId: doc.id,
      start: 0,
      end: 15,
      topicIds: [topic.id],
      note: 'flat *no*',
      partyId: russia.id,
      stance: 'refusal',
    },
    T0,
  );
  const demand = createAnnotation(
    nb,
    { documentId: doc.id, start: 17, end: 35, topicIds: [topic.id], note: '', partyId: uk.id },
    T0,
  );
  const loose = createAnnotation(nb, { documentId: doc.id, start: 37, end: 43, topicIds: [], note: '' }, T0);
  return { nb, doc, uk, russia, topic, refusal, demand, loose };
}

describe('sample parties', () => {
  test('United Kingdom and Russia answer to the names the sample uses for them', () => {
    const [uk, russia] = SAMPLE_PARTIES;
    assert.equal(uk?.name, 'United Kingdom');
    assert.equal(uk?.short, 'UK');
    assert.equal(russia?.name, 'Russia');
    for (const alias of [
      'Miliband',
      'David Miliband',
      'British Foreign Office',
      'Crown Prosecuting Service',
      'British',
      'Britain',
      'London',
      'Foreign Secretary',
    ]) {
      assert.ok(uk?.aliases.includes(alias), alias);
    }
    for (const alias of [
      'Lavrov',
      'Sergey Lavrov',
      'Russian Foreign Minister',
      'Moscow',
      'Russian',
      'Kremlin',
      'Russian Foreign Ministry',
    ]) {
      assert.ok(russia?.aliases.includes(alias), alias);
    }
    assert.notEqual(uk?.colour, russia?.colour);
  });

  test('addSampleParties adds both once, and leaves out names another party already answers to', () => {
    const nb = emptyNotebook();
    const mine = createParty(nb, { name: 'britain', aliases: ['Moscow'] });
    const added = addSampleParties(nb);
    // "Britain" and "Moscow" already name the user's party: the sample parties are added without those aliases.
    assert.deepEqual(
      added.map((p) => p.name),
      ['United Kingdom', 'Russia'],
    );
    assert.ok(!added[0]!.aliases.includes('Britain'));
    assert.ok(!added[1]!.aliases.includes('Moscow'));
    assert.ok(added[1]!.aliases.includes('Lavrov'));
    assert.deepEqual(addSampleParties(nb), []);
    assert.equal(nb.parties.length, 3);
    assert.equal(nb.parties[0], mine);
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('addSampleParties skips a party whose name the notebook already uses, in any case', () => {
    const nb = emptyNotebook();
    createParty(nb, { name: 'RUSSIA' });
    assert.deepEqual(
      addSampleParties(nb).map((p) => p.name),
      ['United Kingdom'],
    );
  });
});

describe('createParty', () => {
  test('tidies the name and aliases, labels it by its name without a short name, and picks a colour', () => {
    const nb = emptyNotebook();
    const party = createParty(nb, {
      name: '  European   Union ',
      aliases: [' Brussels ', 'brussels', '', 'European Commission', 'european union', 'Von der  Leyen'],
    });
    assert.match(party.id, UUID);
    assert.equal(party.name, 'European Union');
    assert.equal(party.short, 'European Union');
    assert.deepEqual(party.aliases, ['Brussels', 'European Commission', 'Von der Leyen']);
    assert.equal(party.colour, PARTY_PALETTE[0]);
    assert.deepEqual(nb.parties, [party]);
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('takes distinct colours from a palette of its own, and keeps a colour given', () => {
    const nb = emptyNotebook();
    const colours = PARTY_PALETTE.map((_, i) => createParty(nb, { name: `Party ${i}` }).colour);
    assert.deepEqual(colours, [...PARTY_PALETTE]);
    assert.ok(PARTY_PALETTE.every((colour) => !TOPIC_PALETTE.includes(colour)));
    assert.equal(createParty(nb, { name: 'Chosen', colour: '#ABC' }).colour, '#aabbcc');
    assert.equal(createParty(nb, { name: 'Short', short: ' EU ' }).short, 'EU');
  });

  test('refuses a blank or repeated name, a name or alias another party answers to, bad colours', () => {
    const nb = emptyNotebook();
    createParty(nb, { name: 'Russia', aliases: ['Lavrov', 'Moscow'] });
    assertRefused(nb, () => createParty(nb, { name: '   ' }), 'invalid', /needs a name/);
    assertRefused(
      nb,
      () => createParty(nb, { name: ' russia ' }),
      'invalid',
      /already a party called "Russia"/,
    );
    assertRefused(
      nb,
      () => createParty(nb, { name: 'United Kingdom', aliases: ['Miliband', ' MOSCOW '] }),
      'invalid',
      /"MOSCOW" already names the party "Russia"/,
    );
    assertRefused(nb, () => createParty(nb, { name: 'Lavrov' }), 'invalid', /"Russia"/);
    assertRefused(nb, () => createParty(nb, { name: 'UK', short: 'Russia' }), 'invalid', /"Russia"/);
    assertRefused(nb, () => createParty(nb, { name: 'UK', colour: 'blue' }), 'invalid', /colour/);
    assertRefused(nb, () => createParty(nb, { name: 'x'.repeat(201) }), 'invalid', /200/);
    assertRefused(nb, () => createParty(nb, { name: 'UK', short: 'y'.repeat(41) }), 'invalid', /40/);
    assertRefused(nb, () => createParty(nb, { name: 'UK', aliases: ['z'.repeat(201)] }), 'invalid', /alias/);
    assert.equal(nb.parties.length, 1);
  });
});

describe('listParties', () => {
  test('lists parties in notebook order with the number of passages each holds', () => {
    const { nb, uk, russia } = setup();
    const eu = createParty(nb, { name: 'EU' });
    assert.deepEqual(
      listParties(nb).map((p) => [p.id, p.name, p.count]),
      [
        [uk.id, 'United Kingdom', 1],
        [russia.id, 'Russia', 1],
        [eu.id, 'EU', 0],
      ],
    );
    const listed = listParties(nb)[1]!;
    assert.deepEqual({ ...listed, count: undefined }, { ...russia, count: undefined });
  });
});

describe('updateParty', () => {
  test('renames, recolours and replaces aliases; a short name standing in for the name follows it', () => {
    const nb = emptyNotebook();
    const party = createParty(nb, { name: 'Britain', aliases: ['London'] });
    const renamed = updateParty(nb, { id: party.id, name: 'Great Britain', colour: '#123456' });
    assert.equal(renamed, party);
    assert.equal(renamed.name, 'Great Britain');
    assert.equal(renamed.short, 'Great Britain');
    assert.equal(renamed.colour, '#123456');
    assert.deepEqual(renamed.aliases, ['London']);
    updateParty(nb, { id: party.id, short: 'GB', aliases: ['Whitehall', ' whitehall', 'Downing Street'] });
    assert.equal(party.short, 'GB');
    assert.deepEqual(party.aliases, ['Whitehall', 'Downing Street']);
    // A chosen short name stays through a rename; an emptied one goes back to the name.
    updateParty(nb, { id: party.id, name: 'United Kingdom' });
    assert.equal(party.short, 'GB');
    updateParty(nb, { id: party.id, short: '' });
    assert.equal(party.short, 'United Kingdom');
    // Renaming to one of its own aliases drops that alias.
    updateParty(nb, { id: party.id, name: 'whitehall' });
    assert.deepEqual(party.aliases, ['Downing Street']);
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('refuses unknown ids and names that belong to another party, changing nothing', () => {
    const nb = emptyNotebook();
    const uk = createParty(nb, { name: 'United Kingdom', short: 'UK', aliases: ['Miliband'] });
    createParty(nb, { name: 'Russia', aliases: ['Lavrov'] });
    assertRefused(nb, () => updateParty(nb, { id: 'nobody', name: 'X' }), 'not-found', /nobody/);
    assertRefused(nb, () => updateParty(nb, { id: uk.id, name: 'russia' }), 'invalid', /"Russia"/);
    assertRefused(
      nb,
      () => updateParty(nb, { id: uk.id, name: 'Britain', aliases: ['Miliband', 'Lavrov'] }),
      'invalid',
      /"Lavrov" already names the party "Russia"/,
    );
    assertRefused(nb, () => updateParty(nb, { id: uk.id, colour: '#12' }), 'invalid');
    // Its own names are no conflict.
    assert.equal(updateParty(nb, { id: uk.id, name: 'UNITED KINGDOM', aliases: ['miliband'] }).short, 'UK');
  });
});

describe('mergeParties', () => {
  test('moves the passages and the names of one party to another and removes it', () => {
    const { nb, uk, russia, refusal, demand } = setup();
    const kremlin = createParty(nb, {
      name: 'Presidential Administration',
      short: 'PA',
      aliases: ['Peskov'],
    });
    // A notebook from elsewhere may give two parties one alias; the merged party keeps it once.
    kremlin.aliases.push('lavrov');
    const moved = createAnnotation(
      nb,
      { documentId: refusal.documentId, start: 0, end: 6, topicIds: [], note: '', partyId: kremlin.id },
      T0,
    );
    const merged = mergeParties(nb, { fromId: kremlin.id, intoId: russia.id });
    assert.equal(merged, russia);
    assert.equal(moved.partyId, russia.id);
    assert.equal(refusal.partyId, russia.id);
    assert.equal(demand.partyId, uk.id);
    assert.deepEqual(merged.aliases.slice(-3), ['Presidential Administration', 'PA', 'Peskov']);
    assert.equal(merged.aliases.filter((a) => a.toLowerCase() === 'lavrov').length, 1);
    assert.deepEqual(
      nb.parties.map((p) => p.id),
      [uk.id, russia.id],
    );
    assert.equal(partyForSpeaker(nb.parties, 'Dmitry Peskov'), russia);
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('refuses merging a party into itself or an unknown one, changing nothing', () => {
    const { nb, uk } = setup();
    assertRefused(nb, () => mergeParties(nb, { fromId: uk.id, intoId: uk.id }), 'invalid', /itself/);
    assertRefused(nb, () => mergeParties(nb, { fromId: uk.id, intoId: 'gone' }), 'not-found', /gone/);
    assertRefused(nb, () => mergeParties(nb, { fromId: 'gone', intoId: uk.id }), 'not-found');
  });
});

describe('deleteParty', () => {
  test('removes the party; its passages keep everything but the party', () => {
    const { nb, uk, russia, refusal, demand } = setup();
    const before = structuredClone(refusal);
    assert.deepEqual(deleteParty(nb, russia.id), { id: russia.id });
    assert.deepEqual(nb.parties, [uk]);
    assert.equal(nb.annotations.length, 3);
    assert.deepEqual(refusal, { ...before, partyId: null });
    assert.equal(refusal.stance, 'refusal');
    assert.equal(demand.partyId, uk.id);
    assertRefused(nb, () => deleteParty(nb, russia.id), 'not-found');
    assert.ok(NotebookSchema.safeParse(nb).success);
  });
});

describe('partyForSpeaker', () => {
  const nb = emptyNotebook();
  const [uk, russia] = addSampleParties(nb) as [Party, Party];

  test('finds the sample speakers by full name, surname, title and body', () => {
    const cases: Array<[string, Party | null]> = [
      ['Sergey Lavrov', russia],
      ['Lavrov', russia],
      ['LAVROV', russia],
      ['the Russian Foreign Minister', russia],
      ['Russian Foreign Minister Sergey Lavrov', russia],
      ['his Russian counterpart Sergey Lavrov', russia],
      ['David Miliband', uk],
      ['Miliband', uk],
      ['the head of British Foreign Office', uk],
      ['the British foreign minister', uk],
      ['the Crown Prosecuting Service', uk],
      ['UK officials', uk],
      ['Lugovoy', null],
      ['Andrey Lugovoy', null],
      ['RT', null],
      ['', null],
    ];
    for (const [speaker, party] of cases) assert.equal(partyForSpeaker(nb.parties, speaker), party, speaker);
  });

  test('matches whole words only, and acronyms in capitals only', () => {
    assert.equal(partyForSpeaker(nb.parties, 'Lavrovsky'), null);
    assert.equal(partyForSpeaker(nb.parties, 'Milibands'), null);
    assert.equal(partyForSpeaker(nb.parties, 'a Moscow-based analyst'), russia);
    const us = emptyNotebook();
    const usa = createParty(us, { name: 'United States', short: 'US', aliases: ['Washington'] });
    assert.equal(partyForSpeaker(us.parties, 'US officials'), usa);
    assert.equal(partyForSpeaker(us.parties, 'one of us'), null);
  });

  test('the longest of overlapping names wins; a name that only qualifies the speaker counts last', () => {
    const parties: Party[] = [
      { id: 'a', name: 'Foreign Office', short: 'FO', colour: '#000000', aliases: [] },
      { id: 'b', name: 'British Foreign Office', short: 'BFO', colour: '#000000', aliases: [] },
    ];
    assert.equal(partyForSpeaker(parties, 'a British Foreign Office spokesman')?.id, 'b');
    assert.equal(partyForSpeaker(parties, 'a Foreign Office spokesman')?.id, 'a');
    assert.equal(partyForSpeaker(nb.parties, 'Miliband’s Russian counterpart'), russia);
    assert.equal(partyForSpeaker(nb.parties, "Lavrov's British counterpart"), uk);
    assert.equal(partyForSpeaker(nb.parties, 'the Russian counterpart of David Miliband'), russia);
    assert.equal(partyForSpeaker(nb.parties, 'Sergey Lavrov, speaking in London'), russia);
    assert.equal(partyForSpeaker(nb.parties, 'a spokesman for the Kremlin'), russia);
  });

  test('two parties named alike are ambiguous', () => {
    assert.equal(partyForSpeaker(nb.parties, 'Lavrov and Miliband'), null);
    assert.equal(partyForSpeaker(nb.parties, 'British and Russian diplomats'), null);
    assert.equal(partyForSpeaker(nb.parties, 'the Foreign Ministers of Russia and the UK'), null);
    const clash: Party[] = [
      { id: 'a', name: 'Left', short: 'L', colour: '#000000', aliases: ['Smith'] },
      { id: 'b', name: 'Right', short: 'R', colour: '#000000', aliases: ['smith'] },
    ];
    assert.equal(partyForSpeaker(clash, 'John Smith'), null);
  });

  test('works on other names: any speaker named by one alias goes to that party', (t) => {
    const names = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(names, { minLength: 4, maxLength: 4, selector: (s) => s.toLowerCase() }),
        fc.constantFrom('', 'the ', 'Minister '),
        fc.nat(1),
        ([nameA, nameB, surnameA, surnameB], title, which) => {
          const other = emptyNotebook();
          const a = createParty(other, { name: nameA!, aliases: [surnameA!] });
          const b = createParty(other, { name: nameB!, aliases: [surnameB!] });
          const [party, surname] = which === 0 ? [a, surnameA!] : [b, surnameB!];
          assert.equal(partyForSpeaker(other.parties, `${title}Jo ${surname}`), party);
          assert.equal(partyForSpeaker(other.parties, `${surnameA} and ${surnameB}`), null);
          assert.equal(partyForSpeaker(other.parties, `${surname}x`), null);
        },
      ),
      runs(t, 100),
    );
  });

  test('on a text of its own making with other parties', () => {
    const other = emptyNotebook();
    const israel = createParty(other, {
      name: 'Israel',
      aliases: ['Netanyahu', 'Israeli', 'Israeli Prime Minister', 'Jerusalem'],
    });
    const hamas = createParty(other, { name: 'Hamas', aliases: ['Haniyeh', 'Hamas political bureau'] });
    assert.equal(partyForSpeaker(other.parties, 'Israeli Prime Minister Benjamin Netanyahu'), israel);
    assert.equal(partyForSpeaker(other.parties, 'a member of the Hamas political bureau'), hamas);
    assert.equal(partyForSpeaker(other.parties, 'Ismail Haniyeh'), hamas);
    assert.equal(partyForSpeaker(other.parties, 'Qatari mediators'), null);
  });
});
