/**
 * The statements of position a careful reader finds in the sample article, with who made them and for which side,
 * and the rule that scores the statement finder against them. Shared by the unit test and scripts/suggest-eval.ts
 * so both report the same figures.
 *
 * Read from the body as imported (14 paragraphs; the headline is the document's title, not its text). Paragraph 3
 * is the journalist's own account of the meeting and holds no statement. Lugovoy speaks for neither party.
 * Texts are exactly as in the article, down to the no-break space before the dash in paragraph 14.
 */

/** The party's name ('United Kingdom', 'Russia' in the sample), or null for a speaker of neither side. */
export type GoldParty = string | null;

export interface GoldStatement {
  /** 1-based paragraph of the body. */
  paragraph: number;
  speaker: string;
  party: GoldParty;
  kind: 'quote' | 'reported';
  /** The statement as it stands in the text: the words inside the quote marks, or the reported clause. */
  text: string;
}

export const SAMPLE_GOLD: readonly GoldStatement[] = [
  {
    paragraph: 1,
    speaker: 'Sergey Lavrov',
    party: 'Russia',
    kind: 'reported',
    text: 'his talks with the head of British Foreign Office successful and fruitful',
  },
  {
    paragraph: 2,
    speaker: 'Sergey Lavrov',
    party: 'Russia',
    kind: 'reported',
    text:
      'he is grateful to David Miliband for the productive talks and expressed hope they could help each work ' +
      'more closely on the issues the two countries have not reached a consensus on yet',
  },
  {
    paragraph: 4,
    speaker: 'David Miliband',
    party: 'United Kingdom',
    kind: 'reported',
    text: 'they wouldn’t try to paper over their differences, but would search for common ground',
  },
  {
    paragraph: 5,
    speaker: 'David Miliband',
    party: 'United Kingdom',
    kind: 'quote',
    text:
      'We are not allowing bilateral differences to obscure bilateral strength in our relationships of culture, ' +
      'of business or of politics, nor are we going to allow bilateral differences stand in our way of working ' +
      'together on the international stage. And I think it is very important that countries like Britain or ' +
      'Russia do show leadership on the international stage',
  },
  {
    paragraph: 6,
    speaker: 'Lavrov',
    party: 'Russia',
    kind: 'quote',
    text:
      'We have signed three joint statements: on nuclear proliferation with a conference to be held next year; ' +
      'on Afghanistan; and on the peace settlement in the Middle East. The documents define the common stance of ' +
      'Russia and the United Kingdom on these pressing international issues',
  },
  {
    paragraph: 7,
    speaker: 'Lavrov',
    party: 'Russia',
    kind: 'reported',
    text:
      'he expects Iran to accept IAEA proposal on enriching uranium abroad and called for an immediate meeting ' +
      'of the sextet on Iran',
  },
  {
    paragraph: 8,
    speaker: 'Lavrov',
    party: 'Russia',
    kind: 'reported',
    text:
      'Russia would like to see EU ratifying the Lisbon Treaty as soon as possible to accelerate elaborating ' +
      'the future partnership agreement between Russia and the EU',
  },
  {
    paragraph: 9,
    speaker: 'Lavrov',
    party: 'Russia',
    kind: 'reported',
    text: 'his extradition to UK is absolutely out of the question',
  },
  {
    paragraph: 10,
    speaker: 'Sergey Lavrov',
    party: 'Russia',
    kind: 'quote',
    text: 'Our position has not changed',
  },
  {
    paragraph: 10,
    speaker: 'Sergey Lavrov',
    party: 'Russia',
    kind: 'quote',
    text:
      'I believe our British colleagues understand that their demands that we amend our Constitution are ' +
      'absolutely unrealistic.',
  },
  {
    paragraph: 11,
    speaker: 'Miliband',
    party: 'United Kingdom',
    kind: 'quote',
    text:
      'The horrific murder of Mr. Litvinenko in 2006 has been followed up by our independent prosecuting ' +
      'authorities and they have sent substantial information to their Russian counterparts. I have every ' +
      'reason to believe that the work of the Crown Prosecuting Service has been full and has engaged in all ' +
      'the appropriate mechanisms for international cooperation on this issue',
  },
  {
    paragraph: 12,
    speaker: 'Lavrov',
    party: 'Russia',
    kind: 'quote',
    text:
      'Let me just add we have not received the full set of documents necessary to hold an investigation in ' +
      'Russia in line with our laws and Constitution. Our prosecutors have their own criteria and rules. Our ' +
      'British colleagues do know what documents we need to be able to carry out the investigation on Russian soil',
  },
  {
    paragraph: 13,
    speaker: 'Andrey Lugovoy',
    party: null,
    kind: 'reported',
    text: 'he sees no obstacles for London to launch an investigation in Russia',
  },
  {
    paragraph: 14,
    speaker: 'Lugovoy',
    party: null,
    kind: 'quote',
    text:
      "Unfortunately, what we're hearing from the British foreign minister is just more parroting. It's " +
      "'extradition this', 'extradition that'\u00a0– the same thing over and over again. Sending the papers to Russia " +
      "and starting an investigation here would have been very easy, but they still haven't done this. It seems " +
      "like they just don't have anything to say",
  },
];

/**
 * Two news texts with other names, sides and conventions, written after the rules for the sample were in place and
 * listed here by the same careful reading (kept as first written; see scripts/suggest-eval.ts for the figures).
 */
export interface GoldText {
  title: string;
  /** Paragraphs separated by a blank line, as in a document's text. */
  text: string;
  parties: Record<string, string[]>;
  gold: GoldStatement[];
}

export const OTHER_GOLD: readonly GoldText[] = [
  {
    title: 'India and Pakistan over the Indus waters (wire style, straight quotes)',
    text: [
      'NEW DELHI (Reuters) - India will not resume talks on the Indus Waters Treaty until Pakistan ends support for ' +
        'militant groups, Foreign Secretary Vikram Misri said on Friday.',
      '"Blood and water cannot flow together," Misri told a news briefing in New Delhi.',
      'Pakistan\'s foreign ministry rejected the statement as "irresponsible and provocative" and said any attempt ' +
        'to stop the flow of water would be treated as an act of war.',
      '"We will defend our share of the waters by every means," Foreign Minister Ishaq Dar said in a televised ' +
        'address. He added that Islamabad was ready for neutral arbitration.',
      'The World Bank, which brokered the 1960 treaty, said it had no role beyond that of a facilitator.',
      'Analysts say the dispute is unlikely to be resolved soon.',
      'Indian officials, speaking on condition of anonymity, said the government was studying options to divert ' +
        'water from the western rivers.',
    ].join('\n\n'),
    parties: {
      India: ['Vikram Misri', 'Misri', 'Indian', 'New Delhi'],
      Pakistan: ['Ishaq Dar', 'Dar', 'Pakistani', 'Islamabad'],
    },
    gold: [
      {
        paragraph: 1,
        speaker: 'Foreign Secretary Vikram Misri',
        party: 'India',
        kind: 'reported',
        text: 'India will not resume talks on the Indus Waters Treaty until Pakistan ends support for militant groups',
      },
      {
        paragraph: 2,
        speaker: 'Misri',
        party: 'India',
        kind: 'quote',
        text: 'Blood and water cannot flow together',
      },
      {
        paragraph: 3,
        speaker: "Pakistan's foreign ministry",
        party: 'Pakistan',
        kind: 'quote',
        text: 'irresponsible and provocative',
      },
      {
        paragraph: 3,
        speaker: "Pakistan's foreign ministry",
        party: 'Pakistan',
        kind: 'reported',
        text: 'any attempt to stop the flow of water would be treated as an act of war',
      },
      {
        paragraph: 4,
        speaker: 'Foreign Minister Ishaq Dar',
        party: 'Pakistan',
        kind: 'quote',
        text: 'We will defend our share of the waters by every means',
      },
      {
        paragraph: 4,
        speaker: 'Foreign Minister Ishaq Dar',
        party: 'Pakistan',
        kind: 'reported',
        text: 'Islamabad was ready for neutral arbitration',
      },
      {
        paragraph: 5,
        speaker: 'The World Bank',
        party: null,
        kind: 'reported',
        text: 'it had no role beyond that of a facilitator',
      },
      {
        paragraph: 6,
        speaker: 'Analysts',
        party: null,
        kind: 'reported',
        text: 'the dispute is unlikely to be resolved soon',
      },
      {
        paragraph: 7,
        speaker: 'Indian officials',
        party: 'India',
        kind: 'reported',
        text: 'the government was studying options to divert water from the western rivers',
      },
    ],
  },
  {
    title: 'A rail strike (British single quotes, three sides)',
    text: [
      'Rail workers will strike for 48 hours from Monday after talks between the RMT union and Network Rail broke ' +
        'down late on Wednesday.',
      '‘This is a last resort, and the company has pushed us to it,’ RMT general secretary Eddie Dempsey said ' +
        'outside the talks.',
      'Network Rail insisted its offer of 4.5 per cent was fair and affordable. A spokeswoman for the company said ' +
        'the union had refused to put the offer to its members.',
      '‘We have been clear from the start: there is no more money,’ she said. ‘Passengers should check before ' +
        'they travel.’',
      'Transport Secretary Louise Haigh urged both sides to return to the table. She said she would not intervene ' +
        'in what was an industrial matter.',
      'Commuters in Manchester said they were frustrated by the repeated disruption.',
    ].join('\n\n'),
    parties: {
      RMT: ['RMT union', 'Eddie Dempsey', 'Dempsey'],
      'Network Rail': [],
      Government: ['Louise Haigh', 'Haigh', 'Department for Transport'],
    },
    gold: [
      {
        paragraph: 2,
        speaker: 'RMT general secretary Eddie Dempsey',
        party: 'RMT',
        kind: 'quote',
        text: 'This is a last resort, and the company has pushed us to it',
      },
      {
        paragraph: 3,
        speaker: 'Network Rail',
        party: 'Network Rail',
        kind: 'reported',
        text: 'its offer of 4.5 per cent was fair and affordable',
      },
      {
        paragraph: 3,
        speaker: 'A spokeswoman for the company',
        party: 'Network Rail',
        kind: 'reported',
        text: 'the union had refused to put the offer to its members',
      },
      {
        paragraph: 4,
        speaker: 'A spokeswoman for the company',
        party: 'Network Rail',
        kind: 'quote',
        text: 'We have been clear from the start: there is no more money',
      },
      {
        paragraph: 4,
        speaker: 'A spokeswoman for the company',
        party: 'Network Rail',
        kind: 'quote',
        text: 'Passengers should check before they travel.',
      },
      {
        paragraph: 5,
        speaker: 'Transport Secretary Louise Haigh',
        party: 'Government',
        kind: 'reported',
        text: 'both sides to return to the table',
      },
      {
        paragraph: 5,
        speaker: 'Transport Secretary Louise Haigh',
        party: 'Government',
        kind: 'reported',
        text: 'she would not intervene in what was an industrial matter',
      },
      {
        paragraph: 6,
        speaker: 'Commuters in Manchester',
        party: null,
        kind: 'reported',
        text: 'they were frustrated by the repeated disruption',
      },
    ],
  },
];

/** Paragraph spans of a text whose paragraphs are separated by a blank line. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const paragraph of text.split('\n\n')) {
    spans.push({ start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return spans;
}

export interface Span {
  start: number;
  end: number;
}

/** Where each gold statement stands in `text`: found in its paragraph (blocks as imported), or an error. */
export function locateGold(
  text: string,
  blocks: readonly Span[],
  gold: readonly GoldStatement[] = SAMPLE_GOLD,
): Array<GoldStatement & Span> {
  return gold.map((statement) => {
    const block = blocks[statement.paragraph - 1];
    if (!block) throw new Error(`The text has no paragraph ${statement.paragraph}.`);
    const at = text.slice(block.start, block.end).indexOf(statement.text);
    if (at === -1) throw new Error(`Paragraph ${statement.paragraph} does not contain "${statement.text}".`);
    return { ...statement, start: block.start + at, end: block.start + at + statement.text.length };
  });
}

export interface Scored {
  start: number;
  end: number;
  /** The party's name, or null. */
  party: GoldParty;
}

export interface Evaluation {
  gold: number;
  suggested: number;
  /** Gold statements matched by a suggestion with the right party. */
  rightParty: number;
  /** Gold statements matched only by suggestions with another party. */
  wrongParty: number;
  missed: number;
  /** Suggestions that match no gold statement. */
  falseSuggestions: number;
  /** rightParty / gold. */
  recall: number;
  /** Suggestions matching some gold statement / suggestions. */
  precision: number;
  details: {
    missed: Array<GoldStatement & Span>;
    wrongParty: Array<{ gold: GoldStatement & Span; party: string | null }>;
    falseSuggestions: Scored[];
  };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** A suggestion matches a gold statement when they overlap by at least half of the gold span. */
export function matches(gold: Span, suggestion: Span): boolean {
  return overlap(gold, suggestion) * 2 >= gold.end - gold.start;
}

export function evaluate(
  gold: ReadonlyArray<GoldStatement & Span>,
  suggestions: readonly Scored[],
): Evaluation {
  const missed: Array<GoldStatement & Span> = [];
  const wrong: Array<{ gold: GoldStatement & Span; party: string | null }> = [];
  let rightParty = 0;
  for (const statement of gold) {
    const found = suggestions.filter((s) => matches(statement, s));
    if (found.length === 0) missed.push(statement);
    else if (found.some((s) => s.party === statement.party)) rightParty++;
    else wrong.push({ gold: statement, party: found[0]!.party });
  }
  const falseSuggestions = suggestions.filter((s) => !gold.some((g) => matches(g, s)));
  const suggested = suggestions.length;
  return {
    gold: gold.length,
    suggested,
    rightParty,
    wrongParty: wrong.length,
    missed: missed.length,
    falseSuggestions: falseSuggestions.length,
    recall: gold.length === 0 ? 1 : rightParty / gold.length,
    precision: suggested === 0 ? 1 : (suggested - falseSuggestions.length) / suggested,
    details: { missed, wrongParty: wrong, falseSuggestions },
  };
}
