/**
 * The comparison: for each topic, every party's passages side by side, across all the notebook's documents, with a
 * one-line summary of where each side stands and the topics on which the sides meet ("common ground"). The same
 * data feeds the comparison view and its Markdown export, so what the researcher sees is what they export.
 *
 * Summary: each party that has passages on the topic, in party order, with its most frequent stance there (a tie
 * goes to the stance of its earliest passage, in document then text order); a party whose passages carry no
 * stance reads "(no stance)". Parties without passages on the topic are left out.
 *
 * Common ground needs at least two parties with passages on the topic, and either
 *  - a link of type `agrees-with` or `concedes-to` from a passage of one party to a passage of another, both on
 *    the topic; or
 *  - every such party having at least one stance on the topic, and every stance there being `agreement` or
 *    `concession`. A shared demand, proposal or hedge does not count: two sides can demand opposite things
 *    (the UK demands an extradition, Russia demands documents), and a user's own stance means what they meant.
 *    A concession is one side giving ground, so it counts with agreement.
 */
import {
  ParleyError,
  entryPlace,
  isInCaption,
  pageAt,
  paragraphNumber,
  type Annotation,
  type CommonGround,
  type Comparison,
  type ComparisonEmpty,
  type ComparisonEntry,
  type ComparisonRow,
  type Notebook,
  type Party,
  type ParleyDocument,
  type Topic,
} from '../../shared/model';
import {
  noteCell,
  tableCell,
  escapeHeading,
  escapeInline,
  escapeLine,
  yamlString,
  yamlStringList,
} from './markdown-text';
import { linkTexts } from './links';
import { layoutOf, placeOf } from './versions/on-version';
import { compareTopicPaths } from './topics';

/** Link types that mean one side meets the other, with the words the reason uses for them. */
const AGREEING_LINKS: Readonly<Record<string, string>> = {
  'agrees-with': 'agrees with',
  'concedes-to': 'concedes to',
};

/** Stances that, when they are all a topic has, say the parties are on common ground. */
const AGREEING_STANCES: Readonly<Record<string, string>> = { agreement: 'agrees', concession: 'concedes' };

/** What a summary shows for a party whose passages on the topic carry no stance. */
export const NO_STANCE = '(no stance)';

function oneLineLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The party as a column or summary names it: its short name, or its name when it has none. */
export function partyLabel(party: Pick<Party, 'name' | 'short'>): string {
  return oneLineLabel(party.short) || oneLineLabel(party.name);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `A, B and C`. */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

interface Passage {
  annotation: Annotation;
  party: Party;
  doc: ParleyDocument;
  entry: ComparisonEntry;
}

/** The most frequent stance among passages in reading order; a tie goes to the one that appears first. */
function mainStance(passages: readonly Passage[]): string | null {
  const counts = new Map<string, number>();
  for (const { annotation } of passages) {
    if (annotation.stance !== null) counts.set(annotation.stance, (counts.get(annotation.stance) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [stance, count] of counts) {
    if (count > bestCount) {
      best = stance;
      bestCount = count;
    }
  }
  return best;
}

function place(passage: Passage, other: Passage): string {
  if (passage.doc.id === other.doc.id) return entryPlace(passage.entry);
  return `${oneLineLabel(passage.doc.title) || 'Untitled'} ${entryPlace(passage.entry)}`;
}

function commonGroundReason(byParty: ReadonlyMap<Party, Passage[]>, onTopic: ReadonlyMap<string, Passage>) {
  const reasons: string[] = [];
  for (const passages of byParty.values()) {
    for (const from of passages) {
      for (const link of from.annotation.links) {
        const words = AGREEING_LINKS[link.type];
        const to = onTopic.get(link.annotationId);
        if (words === undefined || to === undefined || to.party.id === from.party.id) continue;
        const reason = `${partyLabel(from.party)} ${words} ${partyLabel(to.party)} (${place(from, to)} → ${place(to, from)})`;
        if (!reasons.includes(reason)) reasons.push(reason);
      }
    }
  }

  const verbs: string[] = [];
  let allAgree = true;
  for (const [party, passages] of byParty) {
    const stances = new Set(passages.map((p) => p.annotation.stance).filter((s): s is string => s !== null));
    if (stances.size === 0 || [...stances].some((s) => AGREEING_STANCES[s] === undefined)) {
      verbs.length = 0;
      break;
    }
    if (stances.size > 1 || !stances.has('agreement')) allAgree = false;
    const said = [...stances].sort().map((s) => AGREEING_STANCES[s]!);
    verbs.push(`${partyLabel(party)} ${said.join(' and ')}`);
  }
  if (verbs.length > 0) {
    const labels = [...byParty.keys()].map(partyLabel);
    reasons.push(
      allAgree ? `${listInWords(labels)} ${labels.length === 2 ? 'both' : 'all'} agree` : verbs.join(', '),
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** The label of the row of passages that hold a party's position and have no topic. */
export const NO_TOPIC = 'No topic';

/** `(in the app: …; on the command line: …)`: the same step where each is taken. */
function where(app: string, commandLine: string): string {
  return `(in the app: ${app}; on the command line: ${commandLine})`;
}

/** `none of its 3 highlights can` / `its one highlight cannot`, so the words agree with the number. */
function noneOf(n: number, noun: string): { subject: string; one: boolean } {
  return n === 1 ? { subject: `one ${noun}`, one: true } : { subject: `${n} ${noun}s`, one: false };
}

/**
 * What an empty comparison lacks, checked from the most basic want (parties) to the narrowest (the topic's), and
 * what to do about it both in the app and on the command line (where parties come with imported annotations and
 * accepted suggestions, and nothing edits a highlight).
 */
function emptyReason(
  nb: Notebook,
  highlights: number,
  passages: readonly Passage[],
  topic: Topic | undefined,
): ComparisonEmpty {
  const addParties = where(
    'Parties, then the highlight editor',
    'parley annotations import FILE, with each annotation’s party',
  );
  const setParty = `accept suggestions, which come with their party, or set the party yourself ${where(
    'Suggestions, or the highlight editor',
    'parley suggest --document ID --accept',
  )}`;
  if (nb.parties.length === 0) {
    if (highlights === 0) {
      return {
        kind: 'no-parties',
        message:
          nb.documents.length === 0
            ? `Nothing to compare: the notebook has no documents and no parties yet. Import a document ${where('Import…', 'parley import FILE')}, then add the sides to compare and highlight what each said ${addParties}.`
            : `Nothing to compare: the notebook has no parties and no highlights yet. Add the sides to compare, then highlight what each said ${addParties}.`,
      };
    }
    const { subject, one } = noneOf(highlights, 'highlight');
    return {
      kind: 'no-parties',
      message: `Nothing to compare: the notebook has no parties, so ${one ? `its ${subject} cannot` : `none of its ${subject} can`} hold a side’s position. Add the sides to compare and set the party on your highlights ${addParties}.`,
    };
  }
  if (highlights === 0) {
    return {
      kind: 'no-highlights',
      message:
        nb.documents.length === 0
          ? `Nothing to compare: there are no documents yet. Import one ${where('Import…', 'parley import FILE')}, then highlight what each side said and set its party, or accept suggestions, which come with their party.`
          : `Nothing to compare: there are no highlights yet. Highlight what each side said and set its party, or accept suggestions, which come with their party ${where('Suggestions', 'parley suggest --document ID --accept')}.`,
    };
  }
  if (passages.length === 0) {
    const { subject, one } = noneOf(highlights, 'highlight');
    return {
      kind: 'no-party-named',
      message: `${one ? `The ${subject} names no party` : `None of the ${subject} names a party`}, so there is nothing to compare: ${setParty}.`,
    };
  }
  const path = oneLineLabel(topic?.path ?? '');
  const docs = new Set(nb.documents.map((d) => d.id));
  const onTopic = nb.annotations.filter(
    (a) => topic !== undefined && docs.has(a.documentId) && a.topicIds.includes(topic.id),
  ).length;
  const { subject, one } = noneOf(onTopic, 'passage');
  return {
    kind: 'topic-without-party',
    message:
      onTopic === 0
        ? `No passage has the topic ${path} yet: give highlights this topic, or compare all topics ${where('show all topics', 'leave out --topic')}.`
        : `${one ? `The ${subject} on ${path} names no party` : `None of the ${subject} on ${path} names a party`}: ${setParty}.`,
  };
}

/**
 * One row per topic on which at least one passage holds a party's position (only the given topic when `topicId`
 * is set), in codebook order, then a "No topic" row (topicId null) for such passages without a topic, which a
 * topic filter leaves out; in each row a cell per party, in party order, its passages in document import order
 * then text order. Passages without a party, or whose party or document is gone, are left out. With no rows,
 * `empty` says what is missing.
 */
export function compare(nb: Notebook, options: { topicId?: string }): Comparison {
  let topics: readonly Topic[] = nb.topics;
  const topic = options.topicId === undefined ? undefined : nb.topics.find((t) => t.id === options.topicId);
  if (options.topicId !== undefined) {
    if (!topic) throw new ParleyError(`There is no topic ${options.topicId} in this notebook.`, 'not-found');
    topics = [topic];
  }
  const docOrder = new Map(nb.documents.map((d, i) => [d.id, i]));
  const docById = new Map(nb.documents.map((d) => [d.id, d]));
  const partyById = new Map(nb.parties.map((p) => [p.id, p]));

  const passages: Passage[] = [];
  let highlights = 0;
  for (const annotation of nb.annotations) {
    const party = annotation.partyId === null ? undefined : partyById.get(annotation.partyId);
    const doc = docById.get(annotation.documentId);
    if (doc) highlights++;
    if (!party || !doc) continue;
    // A passage on an earlier version is placed in that version, and says so.
    const layout = layoutOf(nb, annotation, doc);
    passages.push({
      annotation,
      party,
      doc,
      entry: {
        annotationId: annotation.id,
        documentId: doc.id,
        documentTitle: doc.title,
        paragraph: paragraphNumber(layout, annotation.target.start),
        // A passage of a document read from pages is cited by its page, as the other exports cite it.
        ...(isInCaption(layout, annotation.target.start) ||
        pageAt(layout, annotation.target.start) !== null ||
        annotation.version !== undefined
          ? { place: placeOf(nb, annotation, doc) }
          : {}),
        quote: annotation.target.exact,
        stance: annotation.stance,
        note: annotation.note,
      },
    });
  }
  passages.sort(
    (a, b) =>
      docOrder.get(a.doc.id)! - docOrder.get(b.doc.id)! ||
      a.annotation.target.start - b.annotation.target.start ||
      a.annotation.target.end - b.annotation.target.end ||
      compareCodeUnits(a.annotation.createdAt, b.annotation.createdAt) ||
      compareCodeUnits(a.annotation.id, b.annotation.id),
  );

  const rows: ComparisonRow[] = [];
  const commonGround: CommonGround[] = [];
  const row = (topicId: string | null, path: string, members: readonly Passage[]) => {
    const byParty = new Map<Party, Passage[]>();
    for (const party of nb.parties) {
      const own = members.filter((p) => p.party === party);
      if (own.length > 0) byParty.set(party, own);
    }
    const stances = [...byParty].map(
      ([party, own]) => `${partyLabel(party)} ${mainStance(own) ?? NO_STANCE}`,
    );
    rows.push({
      topicId,
      path,
      summary: `${oneLineLabel(path)}: ${stances.join(' ↔ ')}`,
      cells: nb.parties.map((party) => ({
        partyId: party.id,
        entries: (byParty.get(party) ?? []).map((p) => ({ ...p.entry })),
      })),
    });
    return byParty;
  };
  for (const topic of [...topics].sort((a, b) => compareTopicPaths(a.path, b.path))) {
    const onTopic = new Map<string, Passage>();
    for (const passage of passages) {
      if (passage.annotation.topicIds.includes(topic.id)) onTopic.set(passage.annotation.id, passage);
    }
    if (onTopic.size === 0) continue;
    const byParty = row(topic.id, topic.path, [...onTopic.values()]);
    if (byParty.size >= 2) {
      const reason = commonGroundReason(byParty, onTopic);
      if (reason !== null) commonGround.push({ topicId: topic.id, path: topic.path, reason });
    }
  }
  // Passages on no topic share nothing, so their row has no common ground.
  const known = new Set(nb.topics.map((t) => t.id));
  const untopical = passages.filter((p) => !p.annotation.topicIds.some((id) => known.has(id)));
  if (topic === undefined && untopical.length > 0) row(null, NO_TOPIC, untopical);
  return {
    parties: nb.parties.map((p) => ({ ...p, aliases: [...p.aliases] })),
    rows,
    commonGround,
    empty: rows.length > 0 ? null : emptyReason(nb, highlights, passages, topic),
  };
}

/** `“quote” — Document title ¶N · stance — note`, as one table cell; the note keeps its own inline Markdown. */
function entryCell(entry: ComparisonEntry, links: ReadonlyMap<string, string[]>): string {
  let cell = `“${tableCell(entry.quote)}” — ${tableCell(entry.documentTitle) || 'Untitled'} ${entryPlace(entry)}`;
  if (entry.stance !== null) cell += ` · ${tableCell(entry.stance)}`;
  for (const link of links.get(entry.annotationId) ?? []) cell += ` · ${link}`;
  const note = noteCell(entry.note);
  if (note !== '') cell += ` — ${note}`;
  return cell;
}

/**
 * Each passage's links as a table cell shows them, by passage id: its own first, in the order made, then those to
 * it, in notebook order (as the app lists them): `→ rebuts UK ¶11`, with the other document's title when it is
 * another document (`→ answers Russia, Talks in Geneva ¶3`). Escaped for a cell.
 */
function cellLinks(nb: Notebook): Map<string, string[]> {
  const partyById = new Map<string, Party>();
  for (const party of nb.parties) if (!partyById.has(party.id)) partyById.set(party.id, party);
  return linkTexts(nb, ({ from, label, other, doc, place }) => {
    const party = other.partyId ? partyById.get(other.partyId) : undefined;
    let where = party ? tableCell(partyLabel(party)) : '';
    if (other.documentId !== from.documentId) {
      where += `${where ? ', ' : ''}${tableCell(doc.title) || 'Untitled'}`;
    }
    return `→ ${label} ${where ? `${where} ` : ''}${place}`;
  });
}

/**
 * The comparison as Markdown: front matter, then per topic a heading, the summary in italics and a GFM table with
 * a column per party that has passages in the comparison. A cell holds one passage; a topic has as many rows as
 * its fullest cell. Quotes and titles are flattened to one line and escaped, so they read as their literal text;
 * each passage's links follow its stance (`· → rebuts UK ¶11`, see cellLinks); notes are flattened the same way but
 * keep their inline Markdown, with raw HTML and links the app would not open shown as text (see `noteCell`); no
 * `|` or line break can split the table. Then the common ground. No front matter `title`: markdownlint (MD025)
 * would count it as a second top heading beside `# Comparison`.
 */
export function exportComparisonMarkdown(nb: Notebook, options: { topicId?: string; now: Date }): string {
  const comparison = compare(nb, options.topicId !== undefined ? { topicId: options.topicId } : {});
  const links = cellLinks(nb);
  const columns = comparison.parties.filter((party) =>
    comparison.rows.some((row) => row.cells.some((c) => c.partyId === party.id && c.entries.length > 0)),
  );
  const out: string[] = [
    '---',
    `parties: ${yamlStringList(columns.map((p) => p.name))}`,
    `topics: ${yamlStringList(comparison.rows.filter((r) => r.topicId !== null).map((r) => r.path))}`,
    `exported: ${yamlString(options.now.toISOString())}`,
    '---',
    '',
    '# Comparison',
  ];

  if (comparison.empty !== null) {
    out.push('', escapeInline(comparison.empty.message));
    return out.join('\n') + '\n';
  }

  for (const row of comparison.rows) {
    // Not the summary alone in italics: markdownlint (MD036) reads a paragraph of emphasis as a heading.
    out.push(
      '',
      `## ${escapeHeading(row.path)}`,
      '',
      `Summary: *${escapeInline(oneLineLabel(row.summary))}*`,
      '',
    );
    const cells = columns.map((party) => row.cells.find((c) => c.partyId === party.id)?.entries ?? []);
    out.push(`| ${columns.map((p) => tableCell(p.name)).join(' | ')} |`);
    out.push(`|${columns.map(() => ' --- |').join('')}`);
    const height = Math.max(...cells.map((entries) => entries.length));
    for (let i = 0; i < height; i++) {
      const line = cells.map((entries) => {
        const entry = entries[i];
        return entry ? entryCell(entry, links) : '';
      });
      // An empty cell is one blank, as in the rest of the table (markdownlint MD060).
      out.push(`|${line.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`);
    }
  }

  out.push('', '## Common ground', '');
  if (comparison.commonGround.length === 0) {
    out.push(
      'No topic yet on which the parties meet: link passages with “agrees with” or “concedes to”, or mark each side’s stances as agreement or concession.',
    );
  }
  for (const ground of comparison.commonGround) {
    out.push(`- ${escapeLine(oneLineLabel(ground.path))}: ${escapeInline(ground.reason)}`);
  }
  return out.join('\n') + '\n';
}
