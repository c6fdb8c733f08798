/**
 * The bench's data, generated from a seed so that every run measures the same thing: a long article (paragraphs
 * of sentences drawn from a made-up vocabulary with a few real words and typographic quotes), highlights spread
 * through it, edits scattered through it for re-anchoring, and a notebook of many documents and annotations with
 * topics, parties and Markdown notes. No file or network is read.
 */
import { describeRange } from '../../main/core/anchoring';
import {
  NotebookSchema,
  SCHEMA_VERSION,
  type Annotation,
  type Block,
  type Notebook,
  type ParleyDocument,
  type Topic,
} from '../../shared/model';
import { seededRandom } from '../seeded-random';

type Random = () => number;

const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const COMMON = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'that',
  'is',
  'for',
  'on',
  'with',
  'as',
  'was',
  'by',
  'said',
  'his',
  'it',
  'at',
  'from',
  'not',
  'be',
  'this',
  'have',
  'are',
  'talks',
  'minister',
  'foreign',
  'would',
  'their',
  'which',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mir',
  'ven',
  'tas',
  'or',
  'bel',
  'qui',
  'dra',
  'sen',
  'pol',
  'ur',
  'ist',
  'gan',
  'mo',
  'rel',
  'thi',
  'ex',
  'cor',
  'nu',
  'va',
  'lis',
  'pre',
  'tor',
  'an',
  'sul',
  'fe',
  'dim',
  'ro',
  'ga',
  'ne',
  'ux',
  'hal',
  'bri',
];

/** A vocabulary of made-up words, sampled with a long tail as real text is (Zipf-like). */
function vocabulary(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    for (let n = between(random, 1, 4); n > 0; n--) word += pick(random, SYLLABLES);
    if (word.length > 1) words.add(word);
  }
  return [...words];
}

class Writer {
  private readonly words: string[];

  constructor(private readonly random: Random) {
    this.words = vocabulary(random, 6000);
  }

  word(): string {
    const r = this.random();
    if (r < 0.35) return pick(this.random, COMMON);
    // Log-uniform rank, so a word's frequency falls as 1/rank, as in real text (Zipf).
    const rank = Math.floor(this.words.length ** this.random()) - 1;
    return this.words[rank]!;
  }

  sentence(): string {
    const count = between(this.random, 6, 28);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      let w = this.word();
      if (i === 0) w = w[0]!.toUpperCase() + w.slice(1);
      if (i > 0 && i < count - 1 && this.random() < 0.07) w += ',';
      parts.push(w);
    }
    const body = parts.join(' ');
    const r = this.random();
    if (r < 0.06) return `\u201c${body},\u201d said ${this.name()}.`;
    if (r < 0.08) return `${body} \u2014 ${this.word()} ${this.word()}.`;
    return `${body}${r < 0.1 ? '?' : '.'}`;
  }

  name(): string {
    const first = this.word();
    return first[0]!.toUpperCase() + first.slice(1);
  }

  paragraph(): string {
    const sentences: string[] = [];
    for (let n = between(this.random, 2, 7); n > 0; n--) sentences.push(this.sentence());
    return sentences.join(' ');
  }
}

export interface Article {
  title: string;
  text: string;
  blocks: Block[];
}

/** A headline and paragraphs separated by blank lines, as the importer normalizes text, of about `length` units. */
export function generateArticle(seed: number, length: number): Article {
  const random = seededRandom(seed);
  const writer = new Writer(random);
  const title =
    `The ${writer.name()} ${writer.name()} talks: ${writer.sentence().replace(/[.?]$/, '')}`.slice(0, 200);
  const parts: string[] = [title];
  const blocks: Block[] = [{ kind: 'heading', start: 0, end: title.length }];
  let at = title.length;
  while (at < length) {
    const paragraph = writer.paragraph();
    at += 2;
    blocks.push({ kind: 'paragraph', start: at, end: at + paragraph.length });
    parts.push(paragraph);
    at += paragraph.length;
  }
  return { title, text: parts.join('\n\n'), blocks };
}

export interface Span {
  start: number;
  end: number;
}

/**
 * `count` highlights spread evenly through the article's paragraphs: runs of 3 to 24 whole words, each inside one
 * paragraph, none overlapping another, sorted by position.
 */
export function generateSpans(seed: number, article: Article, count: number): Span[] {
  const random = seededRandom(seed);
  const candidates: Span[] = [];
  for (const block of article.blocks) {
    if (block.kind !== 'paragraph') continue;
    const words: Span[] = [];
    for (const match of article.text.slice(block.start, block.end).matchAll(/\S+/g)) {
      words.push({ start: block.start + match.index, end: block.start + match.index + match[0].length });
    }
    // One highlight in each slice of the paragraph (up to eight), so they never overlap.
    const slices = Math.min(8, Math.floor(words.length / 8));
    const size = Math.floor(words.length / Math.max(1, slices));
    for (let q = 0; q < slices; q++) {
      const first = q * size + between(random, 0, Math.floor(size / 2));
      const last = Math.min(q * size + size - 1, first + between(random, 2, 23));
      candidates.push({ start: words[first]!.start, end: words[last]!.end });
    }
  }
  if (candidates.length < count) {
    throw new Error(`The article has room for ${candidates.length} highlights, not ${count}.`);
  }
  // Evenly chosen candidates, so they stay spread over the whole article.
  const step = candidates.length / count;
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(i * step)]!);
}

/**
 * One edit as it was made: `removed` units at `at` replaced by `inserted` units, in the text as it stood just
 * before it (the edits are made one after another, each on the text the previous ones left).
 */
export interface TextChange {
  kind: string;
  at: number;
  removed: number;
  inserted: number;
}

export interface EditSummary {
  text: string;
  edits: number;
  kinds: Record<string, number>;
  /** Every edit, in the order it was made: where each passage of the old text went can be worked out from them. */
  changes: TextChange[];
}

/**
 * `count` edits scattered through the text, as a revised article would have: sentences inserted and removed,
 * words replaced, letters swapped, punctuation changed. Applied from the end so that earlier offsets hold.
 */
export function editArticle(seed: number, text: string, count: number): EditSummary {
  const random = seededRandom(seed);
  const writer = new Writer(seededRandom(seed + 1));
  const spacing = text.length / count;
  const positions = Array.from({ length: count }, (_, i) => Math.floor((i + random()) * spacing)).reverse();
  const kinds: Record<string, number> = {};
  const changes: TextChange[] = [];
  let out = text;
  const change = (kind: string, at: number, removed: number, insert: string) => {
    out = out.slice(0, at) + insert + out.slice(at + removed);
    changes.push({ kind, at, removed, inserted: insert.length });
  };
  for (const position of positions) {
    const r = random();
    const kind =
      r < 0.35
        ? 'insert sentence'
        : r < 0.45
          ? 'delete sentence'
          : r < 0.75
            ? 'replace word'
            : r < 0.9
              ? 'swap letters'
              : 'punctuation';
    // The word at or after `position`.
    const word = /[A-Za-z]{3,}/g;
    word.lastIndex = position;
    const found = word.exec(out);
    if (!found) continue;
    const ws = found.index;
    const we = ws + found[0].length;
    if (kind === 'insert sentence' || kind === 'delete sentence') {
      const sentenceEnd = out.indexOf('. ', ws);
      if (sentenceEnd === -1) continue;
      if (kind === 'insert sentence') {
        change(kind, sentenceEnd + 2, 0, `${writer.sentence()} `);
      } else {
        const next = out.indexOf('. ', sentenceEnd + 2);
        if (next === -1 || out.slice(sentenceEnd + 2, next).includes('\n')) continue;
        change(kind, sentenceEnd + 2, next + 2 - (sentenceEnd + 2), '');
      }
    } else if (kind === 'replace word') {
      change(kind, ws, we - ws, writer.word());
    } else if (kind === 'swap letters') {
      const i = ws + 1;
      change(kind, i, 2, out[i + 1]! + out[i]!);
    } else {
      change(kind, we, 0, ',');
    }
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { text: out, edits: Object.values(kinds).reduce((a, b) => a + b, 0), kinds, changes };
}

/** A stable id from a counter, shaped like the UUIDs the app makes. */
function idFor(kind: number, n: number): string {
  const hex = (n * 2654435761 + kind).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${hex}`;
}

const TOPIC_ROOTS = ['iran', 'extradition', 'energy', 'trade', 'security', 'rights', 'climate', 'europe'];
const TOPIC_LEAVES = ['nuclear', 'sanctions', 'talks', 'treaty', 'courts', 'gas', 'borders', 'media'];
const COLOURS = ['#e6a100', '#3a86ff', '#8338ec', '#ff006e', '#2a9d8f', '#e76f51', '#6a994e', '#577590'];

function topics(): Topic[] {
  const out: Topic[] = [];
  for (const [r, root] of TOPIC_ROOTS.entries()) {
    out.push({
      id: idFor(1, out.length),
      path: root,
      colour: COLOURS[r]!,
      description: `All about ${root}.`,
    });
    for (const leaf of TOPIC_LEAVES.slice(0, 4 + (r % 4))) {
      out.push({ id: idFor(1, out.length), path: `${root}/${leaf}`, colour: COLOURS[r]!, description: '' });
    }
  }
  return out;
}

function note(random: Random, writer: Writer): string {
  const r = random();
  if (r < 0.4) return '';
  if (r < 0.7) return writer.sentence();
  if (r < 0.85) return `**${writer.word()}** ${writer.sentence()}\n\n${writer.sentence()}`;
  return `- ${writer.sentence()}\n- ${writer.sentence()}\n\nSee *${writer.word()}*.`;
}

/** Annotations over `spans` of `doc`, with topics, a party, a stance and a note for most of them. */
function annotationsFor(
  random: Random,
  writer: Writer,
  doc: ParleyDocument,
  spans: readonly Span[],
  topicList: readonly Topic[],
  partyIds: readonly string[],
  firstNumber: number,
): Annotation[] {
  return spans.map((span, i) => {
    const n = firstNumber + i;
    const topicIds: string[] = [];
    for (let t = random() < 0.15 ? 0 : between(random, 1, 3); t > 0; t--) {
      const id = pick(random, topicList).id;
      if (!topicIds.includes(id)) topicIds.push(id);
    }
    const time = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    return {
      id: idFor(2, n),
      documentId: doc.id,
      target: describeRange(doc.text, span.start, span.end),
      topicIds,
      partyId: random() < 0.7 ? pick(random, partyIds) : null,
      stance: random() < 0.5 ? pick(random, ['demand', 'refusal', 'proposal', 'warning']) : null,
      note: note(random, writer),
      links: [],
      createdAt: time,
      updatedAt: time,
    };
  });
}

function documentOf(article: Article, n: number, note: string): ParleyDocument {
  return {
    id: idFor(3, n),
    title: article.title,
    source: 'Bench Wire',
    published: '2026-01-01',
    url: '',
    importedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    format: 'text',
    text: article.text,
    blocks: article.blocks,
    contentHash: '0'.repeat(64),
    note,
    byline: '',
    marks: [],
    openedAt: '',
    authors: [],
    pages: '',
    citationKey: `bench${n}`,
    version: 1,
  };
}

const PARTIES = [
  { id: idFor(4, 0), name: 'United Kingdom', short: 'UK', colour: '#3a86ff', aliases: ['Miliband'] },
  { id: idFor(4, 1), name: 'Russia', short: 'RU', colour: '#e63946', aliases: ['Lavrov', 'Moscow'] },
];

function notebookOf(documents: ParleyDocument[], annotations: Annotation[], topicList: Topic[]): Notebook {
  // Checked against the app's own schema, so the bench never measures data the app would refuse.
  return NotebookSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    documents,
    topics: topicList,
    parties: PARTIES,
    annotations,
    stances: [],
    dismissedSuggestions: [],
    versions: [],
    events: [],
  });
}

/** `documentCount` articles of about `documentLength` units, with `annotationCount` annotations spread over them. */
export function generateNotebook(
  seed: number,
  documentCount: number,
  documentLength: number,
  annotationCount: number,
): Notebook {
  const random = seededRandom(seed);
  const writer = new Writer(seededRandom(seed + 7));
  const topicList = topics();
  const documents: ParleyDocument[] = [];
  const annotations: Annotation[] = [];
  for (let d = 0; d < documentCount; d++) {
    const article = generateArticle(seed + 100 + d, documentLength);
    const doc = documentOf(article, d, random() < 0.3 ? writer.paragraph() : '');
    documents.push(doc);
    const share = Math.floor(annotationCount / documentCount) + (d < annotationCount % documentCount ? 1 : 0);
    const spans = generateSpans(seed + 200 + d, article, share);
    const partyIds = PARTIES.map((p) => p.id);
    annotations.push(...annotationsFor(random, writer, doc, spans, topicList, partyIds, annotations.length));
  }
  return notebookOf(documents, annotations, topicList);
}

/** One document (the article) with a highlight on each span, for the reading view. */
export function notebookWithArticle(seed: number, article: Article, spans: readonly Span[]): Notebook {
  const random = seededRandom(seed);
  const writer = new Writer(seededRandom(seed + 7));
  const topicList = topics();
  const doc = documentOf(article, 0, '');
  const partyIds = PARTIES.map((p) => p.id);
  return notebookOf([doc], annotationsFor(random, writer, doc, spans, topicList, partyIds, 0), topicList);
}

/** The colour each topic paints with, as the reading view picks it: the first topic's, or untagged. */
export function paintColours(nb: Notebook): Array<string | null> {
  const byId = new Map(nb.topics.map((t) => [t.id, t.colour]));
  return nb.annotations.map((a) => (a.topicIds[0] === undefined ? null : (byId.get(a.topicIds[0]) ?? null)));
}

/** A few words of middle frequency from the notebook's notes, to search for. */
export function searchTerms(nb: Notebook, count: number): string[] {
  const frequency = new Map<string, number>();
  for (const annotation of nb.annotations) {
    for (const word of annotation.note.toLowerCase().match(/[a-z]{5,}/g) ?? []) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const ranked = [...frequency.entries()].filter(([, n]) => n >= 20 && n <= 400).sort((a, b) => b[1] - a[1]);
  const step = Math.max(1, Math.floor(ranked.length / count));
  return Array.from({ length: count }, (_, i) => ranked[(i * step) % ranked.length]![0]);
}
