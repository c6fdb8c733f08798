/**
 * The statements of one account: what the statement finder reads as quoted or reported, with its speaker and the
 * party the notebook's names give that speaker; a transcript's speaker-labelled turns ("MILIBAND: …", "Foreign
 * Secretary: …", "A: …"), each with the unlabelled paragraphs that go on with it; and the account's own highlights,
 * which stand for the statements they cover. Each statement is one sentence, so that an account that quotes two
 * sentences together and one that quotes only the first can be matched sentence by sentence; a piece with fewer than
 * two content words ("Thank you.") stays with the sentence before it.
 */
import type { AccountStatement } from '../../../shared/contract';
import { placeLabel, type Notebook, type ParleyDocument } from '../../../shared/model';
import { openDocument } from '../notebook';
import { partyForSpeaker } from '../parties';
import { findStatements } from '../suggest';
import { ABBREVIATIONS, PHRASAL, SPEECH_VERBS, TITLES } from '../suggest/words';
import { contentStems, isNegated } from './words';

/** A statement with the content words it is compared by. */
export interface Statement extends AccountStatement {
  stems: string[];
  /** Whether it says no (isNegated): a statement and its opposite are never aligned. */
  negated: boolean;
}

interface Span {
  start: number;
  end: number;
  speaker: string;
  partyId: string | null;
  /** Reported speech, which may report two statements joined by "and": "said X and that Y", "… and called for Z". */
  reported?: boolean;
}

/** The fewest content words a statement has; fewer is a greeting, a name, a "Yes.". */
export const MIN_STATEMENT_WORDS = 2;

/** Labels of the turns that ask or chair rather than state. */
const ASKING = new Set(
  'q question questions questioner journalist reporter interviewer moderator chair chairman host presenter audience'.split(
    ' ',
  ),
);
const ANSWERING = new Set(['a', 'answer']);
/** Labels that are no speaker: "Note:", "Update:". */
const NOT_SPEAKERS = new Set('note update editor correction source photo video watch read'.split(' '));

/** "FOREIGN SECRETARY: …", "Minister Lavrov: …", "Q: …": one to five words, each capitalised or a linking word. */
const LABEL =
  /^((?:\p{Lu}[\p{L}.'’-]*|of|the|for|and)(?:[ \t]+(?:\p{Lu}[\p{L}.'’-]*|of|the|for|and)){0,4})[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:[ \t]*(?=\S)/u;

interface Turn {
  block: number;
  /** Where the words after the label begin. */
  start: number;
  label: string;
}

function speakerOfLabel(label: string): string {
  if (label !== label.toUpperCase()) return label;
  return label
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase());
}

/**
 * A transcript's turns as spans: each labelled paragraph that is not a question, with the unlabelled paragraphs
 * after it up to the next label. Needs three labelled paragraphs at least, or the text is no transcript.
 */
function transcriptTurns(doc: ParleyDocument, nb: Notebook): { spans: Span[]; blocks: Set<number> } {
  const turns: Turn[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || block.kind === 'caption') return;
    const match = LABEL.exec(doc.text.slice(block.start, block.end));
    if (!match) return;
    const label = match[1]!.replace(/\s+/g, ' ');
    if (NOT_SPEAKERS.has(label.toLowerCase())) return;
    turns.push({ block: index, start: block.start + match[0].length, label });
  });
  const blocks = new Set<number>();
  const spans: Span[] = [];
  if (turns.length < 3) return { spans, blocks };
  turns.forEach((turn, t) => {
    const next = turns[t + 1]?.block ?? doc.blocks.length;
    const lower = turn.label.toLowerCase();
    const asking = [...ASKING].some((word) => lower === word || lower.startsWith(`${word} `));
    for (let b = turn.block; b < next; b++) {
      const block = doc.blocks[b]!;
      // A heading ends a turn: what follows it is no longer the speaker's.
      if (b > turn.block && (block.kind === 'heading' || block.kind === 'caption')) break;
      blocks.add(b);
      if (asking) continue;
      const start = b === turn.block ? turn.start : block.start;
      const text = doc.text.slice(start, block.end);
      if (/\?\s*$/.test(text) || /^\s*[[(]/.test(text)) continue;
      const speaker = ANSWERING.has(lower) ? '' : speakerOfLabel(turn.label);
      const party = speaker === '' ? null : partyForSpeaker(nb.parties, speaker);
      spans.push({ start, end: block.end, speaker, partyId: party?.id ?? null });
    }
  });
  return { spans, blocks };
}

function blockIndexAt(doc: ParleyDocument, offset: number): number {
  let lo = 0;
  let hi = doc.blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.blocks[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Where sentences end inside [start, end): the offsets just after each end mark (and closing quote). */
function sentenceEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  const pattern = /[.!?…]+["”’)\]]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  pattern.lastIndex = start;
  const slice = text.slice(0, end);
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    const at = m.index;
    if (text[at] === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 12), at))?.[1] ?? '';
      const lower = word.toLowerCase();
      if (TITLES.has(lower) || ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word) || /\./.test(word))
        continue;
    }
    ends.push(at + m[0].length);
  }
  return ends;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /[\s"“”‘’«»,;:—–-]/u.test(text[start]!)) start++;
  // A sentence's full stop goes, as the statement finder drops it; a question or exclamation mark stays.
  while (end > start && /[\s"“”‘«»,;:.—–-]/u.test(text[end - 1]!) && text.slice(end - 3, end) !== '...')
    end--;
  return end > start ? { start, end } : null;
}

/** "Good afternoon.", "Thank you, Sergey.": words of courtesy, no statement. */
const COURTESY = /^(?:thank|thanks|good|hello|welcome|ladies|gentlemen)\b/i;

function isCourtesy(text: string): boolean {
  return COURTESY.test(text) && contentStems(text).length <= 3;
}

/** ", and that …", " and also called for …", " and expressed hope …": where reported speech reports a second statement. */
const SECOND_REPORT = new RegExp(
  `,?\\s+and\\s+(?:also\\s+)?(?=that\\s|(?:${[...SPEECH_VERBS].join('|')})\\s|(?:${Object.entries(PHRASAL)
    .map(([verb, next]) => `${verb}\\s+(?:${[...next].join('|')})`)
    .join('|')})\\b)`,
  'gu',
);

/** Where a reported span reports a second statement: the offsets where each one after the first begins. */
function reportedCuts(text: string, span: Span): Array<{ end: number; start: number }> {
  if (!span.reported) return [];
  const cuts: Array<{ end: number; start: number }> = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(SECOND_REPORT)) {
    let start = span.start + m.index + m[0].length;
    if (text.startsWith('that ', start)) start += 'that '.length;
    cuts.push({ end: span.start + m.index, start });
  }
  return cuts;
}

/**
 * A span cut into its sentences (and a reported span into the statements it reports); a courtesy is dropped, and
 * a piece too short to be a statement stays with the one before it (or after).
 */
function sentences(text: string, span: Span): Span[] {
  const bounds = [
    ...sentenceEnds(text, span.start, span.end).map((at) => ({ end: at, start: at })),
    ...reportedCuts(text, span),
  ].sort((a, b) => a.end - b.end);
  const pieces: Array<{ start: number; end: number; words: number }> = [];
  let from = span.start;
  for (const cut of [...bounds, { end: span.end, start: span.end }]) {
    const piece = trimmed(text, from, cut.end);
    from = cut.start;
    if (!piece || isCourtesy(text.slice(piece.start, piece.end))) continue;
    const words = contentStems(text.slice(piece.start, piece.end)).length;
    const last = pieces[pieces.length - 1];
    if (last && (words < MIN_STATEMENT_WORDS || last.words < MIN_STATEMENT_WORDS)) {
      last.end = piece.end;
      last.words += words;
    } else pieces.push({ ...piece, words });
  }
  return pieces
    .filter((p) => p.words >= MIN_STATEMENT_WORDS)
    .map((p) => ({ start: p.start, end: p.end, speaker: span.speaker, partyId: span.partyId }));
}

/** The first of `spans` (in text order, none inside another) that ends after `offset`. */
function firstEndingAfter(spans: ReadonlyArray<{ end: number }>, offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The statements of one document, in text order. */
export function accountStatements(nb: Notebook, documentId: string): Statement[] {
  const { document: doc, annotations, needsReview } = openDocument(nb, documentId);
  const text = doc.text;
  const turns = transcriptTurns(doc, nb);
  const all = findStatements(text, nb.parties);
  // An answer ("A: …") is the statement of whoever the finder reads as answering in that paragraph (the one person
  // an interview introduces), if anyone.
  for (const turn of turns.spans) {
    if (turn.speaker !== '') continue;
    const block = blockIndexAt(doc, turn.start);
    const answer = all.find((s) => s.speaker !== '' && blockIndexAt(doc, s.start) === block);
    if (answer) {
      turn.speaker = answer.speaker;
      turn.partyId = answer.partyId;
    }
  }
  const found: Span[] = all
    .filter((s) => !turns.blocks.has(blockIndexAt(doc, s.start)))
    .map((s) => ({
      start: s.start,
      end: s.end,
      speaker: s.speaker,
      partyId: s.partyId,
      reported: s.kind === 'reported',
    }));
  const spans: Array<Span & { annotationId: string | null }> = [...found, ...turns.spans]
    .sort((a, b) => a.start - b.start)
    .flatMap((s) => sentences(text, s))
    .map((s) => ({ ...s, annotationId: null }));

  // A highlight on the current text stands for the statements it covers, with its own party when it has one; one
  // inside a statement marks that statement as highlighted; one on the passage of the highlight before it adds
  // nothing (a statement is given once).
  const review = new Set(needsReview);
  const replaced = new Set<number>();
  const highlighted: Array<Span & { annotationId: string }> = [];
  for (const annotation of annotations) {
    if (review.has(annotation.id) || annotation.version !== undefined) continue;
    const target = { start: annotation.target.start, end: annotation.target.end };
    if (contentStems(text.slice(target.start, target.end)).length < MIN_STATEMENT_WORDS) continue;
    const last = highlighted[highlighted.length - 1];
    if (last && overlap(last, target) * 2 > Math.min(last.end - last.start, target.end - target.start))
      continue;
    const covered: number[] = [];
    let within: number | null = null;
    for (
      let k = firstEndingAfter(spans, target.start);
      k < spans.length && spans[k]!.start < target.end;
      k++
    ) {
      const span = spans[k]!;
      const shared = overlap(span, target);
      if (shared * 2 > span.end - span.start) covered.push(k);
      else if (shared * 2 > target.end - target.start) within = k;
    }
    if (covered.length === 0 && within !== null) {
      const span = spans[within]!;
      if (span.annotationId === null && !replaced.has(within)) {
        span.annotationId = annotation.id;
        span.partyId = annotation.partyId ?? span.partyId;
        continue;
      }
    }
    const from = spans[covered[0] ?? within ?? -1];
    for (const k of covered) replaced.add(k);
    highlighted.push({
      ...target,
      speaker: from?.speaker ?? '',
      partyId: annotation.partyId ?? from?.partyId ?? null,
      annotationId: annotation.id,
    });
  }
  return [...spans.filter((_, k) => !replaced.has(k)), ...highlighted]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => {
      const quote = text.slice(s.start, s.end);
      return {
        documentId: doc.id,
        start: s.start,
        end: s.end,
        quote,
        speaker: s.speaker,
        partyId: s.partyId,
        place: placeLabel(doc, s.start, s.end),
        annotationId: s.annotationId,
        stems: contentStems(quote),
        negated: isNegated(quote),
      };
    });
}
