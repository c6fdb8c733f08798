/**
 * The statements of position a careful reader finds in the sample article and in other texts, with who made them
 * and for which side, and the rule that scores the statement finder against them. Shared by the unit tests and
 * scripts/suggest-eval.ts so both report the same figures.
 *
 * Two sets: the development set (the sample, OTHER_GOLD below and test/fixtures/attribution/dev/), on which the
 * rules are written, and the held-out set (test/fixtures/attribution/heldout/), frozen before any rule was changed
 * for it and read only through its figures.
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
  /** The speaker as the text names them; alternatives separated by " / ". */
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
 * Two news texts with other names, sides and conventions, listed by the same careful reading. They were added in
 * the change that tuned the rules, so they belong to the development set.
 */
export interface GoldText {
  title: string;
  /** The fixture file it was read from, if any. */
  file?: string;
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

/**
 * Where each gold statement stands in `text`: the first occurrence that starts in its paragraph (a quotation
 * reopened in the next paragraph runs on past it), or an error.
 */
export function locateGold(
  text: string,
  blocks: readonly Span[],
  gold: readonly GoldStatement[] = SAMPLE_GOLD,
): Array<GoldStatement & Span> {
  return gold.map((statement) => {
    const block = blocks[statement.paragraph - 1];
    if (!block) throw new Error(`The text has no paragraph ${statement.paragraph}.`);
    const at = text.indexOf(statement.text, block.start);
    if (at === -1 || at >= block.end) {
      throw new Error(`Paragraph ${statement.paragraph} does not contain "${statement.text}".`);
    }
    return { ...statement, start: at, end: at + statement.text.length };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Texts kept as fixture files

/**
 * Reads a fixture written for the tests: a first line saying so, then `## title`, `## parties` (`Name: alias, …`),
 * `## text` and `## gold` (`paragraph | kind | speaker | party or none | statement`), as described in
 * test/fixtures/attribution/heldout/README.md.
 */
export function parseGoldText(source: string, file?: string): GoldText {
  const where = file ?? 'the fixture';
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (!/written for parley's tests/i.test(lines[0] ?? '')) {
    throw new Error(`${where} must open with a line saying it was written for Parley's tests.`);
  }
  const sections = new Map<string, string>();
  let name: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (name !== null) sections.set(name, body.join('\n').replace(/^\n+|\n+$/g, ''));
  };
  for (const line of lines.slice(1)) {
    const heading = /^## (\w+)$/.exec(line);
    if (heading) {
      flush();
      name = heading[1]!;
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  const section = (key: string): string => {
    const value = sections.get(key);
    if (value === undefined) throw new Error(`${where} has no "## ${key}" section.`);
    return value;
  };
  const parties: Record<string, string[]> = {};
  for (const line of section('parties').split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`${where}: "${line}" is not "Name: alias, alias".`);
    const aliases = line.slice(colon + 1).split(',');
    parties[line.slice(0, colon).trim()] = aliases.map((a) => a.trim()).filter(Boolean);
  }
  const text = section('text');
  const gold = section('gold')
    .split('\n')
    .map((line): GoldStatement => {
      const fields = line.split(' | ');
      if (fields.length < 5) throw new Error(`${where}: "${line}" is not a statement line.`);
      const [paragraph, kind, speaker, party] = fields as [string, string, string, string];
      if (kind !== 'quote' && kind !== 'reported') throw new Error(`${where}: unknown kind in "${line}".`);
      if (party !== 'none' && !(party in parties)) throw new Error(`${where}: unknown party in "${line}".`);
      return {
        paragraph: Number(paragraph),
        kind,
        speaker,
        party: party === 'none' ? null : party,
        text: fields.slice(4).join(' | '),
      };
    });
  const result: GoldText = { title: section('title'), text, parties, gold };
  if (file !== undefined) result.file = file;
  locateGold(text, paragraphSpans(text), gold);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

export interface Scored {
  start: number;
  end: number;
  /** The party's name, or null. */
  party: GoldParty;
  speaker: string;
}

/** Whitespace and punctuation (quote marks, commas, full stops, dashes, brackets, bullets) at a span's ends. */
const LOOSE_END = /[\s\p{P}]/u;

/**
 * The span without whitespace or punctuation at either end: the rule for "exact". A statement and a suggestion
 * have the same span when what is left of them starts and ends at the same place in the text, so
 * `Our position has not changed` and `“Our position has not changed,”` are the same, and one word more or less
 * is not.
 */
export function trimmedSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && LOOSE_END.test(text[start]!)) start++;
  while (end > start && LOOSE_END.test(text[end - 1]!)) end--;
  return { start, end };
}

function speakerWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/'s$|'$/, ''))
    .filter(Boolean);
}

/**
 * The word that identifies a speaker as the list writes them: the last word of the name before any ", …" or
 * "for/of/in/at/on/from …" ("Lavrov" of "Sergey Lavrov", "spokeswoman" of "A spokeswoman for the company",
 * "ministry" of "Pakistan's foreign ministry", "commuters" of "Commuters in Manchester").
 */
export function speakerKey(phrase: string): string {
  const head = phrase.split(/,|\s(?:for|of|in|at|on|from)\s/i)[0]!;
  return speakerWords(head).at(-1) ?? '';
}

/**
 * A suggestion names the right speaker when one of the list's ways of naming them has its key word among the
 * suggestion's words ("Sergey Lavrov", "Lavrov", "Russian Foreign Minister Sergey Lavrov" all name Lavrov), or when
 * the two keys are the same word. "She", "the company" or "Manchester" for "A spokeswoman for the company" do not.
 */
export function speakerMatches(gold: string, found: string): boolean {
  const words = new Set(speakerWords(found));
  return gold.split(' / ').some((way) => {
    const key = speakerKey(way);
    return key !== '' && (words.has(key) || speakerKey(found) === key);
  });
}

export type Verdict =
  'right' | 'wrong speaker' | 'wrong party' | 'inexact span' | 'duplicate' | 'no statement';

export interface Evaluation {
  gold: number;
  suggested: number;
  /** Suggestions with a statement's exact span, its speaker and its party (at most one per statement). */
  right: number;
  /** Suggestions with a statement's exact span but another speaker. */
  wrongSpeaker: number;
  /** Suggestions with a statement's exact span and speaker but another party. */
  wrongParty: number;
  /** Suggestions that overlap a statement without its exact span. */
  inexact: number;
  /** Second and later suggestions for one statement. */
  duplicates: number;
  /** Suggestions that overlap no statement. */
  falseSuggestions: number;
  /** Statements with no suggestion at all. */
  missed: number;
  /** right / suggested (1 when nothing is suggested). */
  precision: number;
  /** right / gold (1 when there is nothing to find). */
  recall: number;
  /** Of the statements found (a suggestion overlaps them), the share whose suggestion names the right speaker. */
  speakerAccuracy: number;
  /** Statements found, for speakerAccuracy. */
  found: number;
  /** Statements whose suggestion named the right speaker, exact span or not. */
  speakerRight: number;
  /** Each suggestion's verdict and statement (if any), in the order given. */
  verdicts: Array<{ suggestion: Scored; verdict: Verdict; gold: (GoldStatement & Span) | null }>;
  /** Statements no suggestion was right for. */
  notRight: Array<GoldStatement & Span>;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Scores suggestions against a careful reader's list. Each suggestion is paired with the statement it overlaps most
 * (spans trimmed as in trimmedSpan). Among the suggestions paired with one statement, the best (exact span first,
 * then right speaker and party, then the larger overlap) is scored: right only with the exact span, speaker and
 * party; the others are duplicates and count as false. precision = right / suggested, recall = right / gold.
 */
export function evaluate(
  text: string,
  gold: ReadonlyArray<GoldStatement & Span>,
  suggestions: readonly Scored[],
): Evaluation {
  const goldSpans = gold.map((g) => trimmedSpan(text, g));
  const paired = new Map<
    number,
    Array<{ index: number; exact: boolean; speaker: boolean; party: boolean; size: number }>
  >();
  const verdicts: Evaluation['verdicts'] = suggestions.map((suggestion) => ({
    suggestion,
    verdict: 'no statement' as Verdict,
    gold: null,
  }));
  suggestions.forEach((suggestion, index) => {
    const span = trimmedSpan(text, suggestion);
    let best = -1;
    let most = 0;
    goldSpans.forEach((g, k) => {
      const shared = overlap(g, span);
      if (shared > most) {
        most = shared;
        best = k;
      }
    });
    if (best === -1) return;
    const g = gold[best]!;
    const entry = {
      index,
      exact: goldSpans[best]!.start === span.start && goldSpans[best]!.end === span.end,
      speaker: speakerMatches(g.speaker, suggestion.speaker),
      party: suggestion.party === g.party,
      size: most,
    };
    paired.set(best, [...(paired.get(best) ?? []), entry]);
  });
  let right = 0;
  let found = 0;
  let speakerRight = 0;
  const counts = { 'wrong speaker': 0, 'wrong party': 0, 'inexact span': 0, duplicate: 0 };
  const rightGold = new Set<number>();
  for (const [k, entries] of paired) {
    const rank = (e: (typeof entries)[number]) => (e.exact ? 8 : 0) + (e.speaker ? 4 : 0) + (e.party ? 2 : 0);
    entries.sort((x, y) => rank(y) - rank(x) || y.size - x.size || x.index - y.index);
    const [first, ...rest] = entries;
    found++;
    if (first!.speaker) speakerRight++;
    const verdict: Verdict = !first!.exact
      ? 'inexact span'
      : !first!.speaker
        ? 'wrong speaker'
        : !first!.party
          ? 'wrong party'
          : 'right';
    if (verdict === 'right') {
      right++;
      rightGold.add(k);
    } else {
      counts[verdict]++;
    }
    verdicts[first!.index] = { ...verdicts[first!.index]!, verdict, gold: gold[k]! };
    for (const other of rest) {
      counts.duplicate++;
      verdicts[other.index] = { ...verdicts[other.index]!, verdict: 'duplicate', gold: gold[k]! };
    }
  }
  const suggested = suggestions.length;
  return {
    gold: gold.length,
    suggested,
    right,
    wrongSpeaker: counts['wrong speaker'],
    wrongParty: counts['wrong party'],
    inexact: counts['inexact span'],
    duplicates: counts.duplicate,
    falseSuggestions: verdicts.filter((v) => v.verdict === 'no statement').length,
    missed: gold.length - paired.size,
    precision: suggested === 0 ? 1 : right / suggested,
    recall: gold.length === 0 ? 1 : right / gold.length,
    speakerAccuracy: found === 0 ? 1 : speakerRight / found,
    found,
    speakerRight,
    verdicts,
    notRight: gold.filter((_, k) => !rightGold.has(k)),
  };
}

/** The figures of several texts taken together. */
export function combine(results: readonly Evaluation[]): Omit<Evaluation, 'verdicts' | 'notRight'> {
  const sum = (
    key:
      | 'gold'
      | 'suggested'
      | 'right'
      | 'wrongSpeaker'
      | 'wrongParty'
      | 'inexact'
      | 'duplicates'
      | 'falseSuggestions'
      | 'missed'
      | 'found'
      | 'speakerRight',
  ) => results.reduce((n, r) => n + r[key], 0);
  const gold = sum('gold');
  const suggested = sum('suggested');
  const right = sum('right');
  const found = sum('found');
  const speakerRight = sum('speakerRight');
  return {
    gold,
    suggested,
    right,
    wrongSpeaker: sum('wrongSpeaker'),
    wrongParty: sum('wrongParty'),
    inexact: sum('inexact'),
    duplicates: sum('duplicates'),
    falseSuggestions: sum('falseSuggestions'),
    missed: sum('missed'),
    precision: suggested === 0 ? 1 : right / suggested,
    recall: gold === 0 ? 1 : right / gold,
    speakerAccuracy: found === 0 ? 1 : speakerRight / found,
    found,
    speakerRight,
  };
}
