/**
 * Putting it together: every statement in a text, quoted and reported, in text order, each with its speaker and the
 * party that speaker belongs to; photo captions are no part of any.
 */
import type { Party, Suggestion } from '../../../shared/model';
import { partyForSpeaker } from '../parties';
import { Analysis, tokenAt } from './tokens';
import type { Draft } from './cues';
import { findReported } from './reported';
import {
  callingBefore,
  cueAfter,
  cueBefore,
  findParticiples,
  opensParagraph,
  opensSentence,
  wholeParagraph,
} from './quotations';
import { resolvePronouns, subjectMentions, surname } from './pronouns';
import { findInterview, findLists, findNamedTurns, findTurns } from './turns';
import {
  INDEPENDENT,
  independentName,
  ownName,
  partyOfRole,
  REFERS_BACK,
  sameName,
  SURNAME_ONLY,
} from './speaker-parties';

export type FoundStatement = Omit<Suggestion, 'key' | 'documentId'>;

/**
 * A photo caption as pages print it: "… Photograph: Name/Agency", "(Photo: …)", "Image caption: …", and a
 * paragraph opening "Image caption, …" or "Image source, …" as some pages print it with a comma.
 */
const CAPTION =
  /(?:^|[\s(.])(?:Photograph|Photo|Photos|Picture|Image|Image caption|Caption|Credit|Illustration)\s*:|^(?:Image|Media|Picture) (?:caption|source)\s*,/u;

/** Paragraphs that are photo captions: the clauses in them describe a picture, they are not statements. */
function captionParagraphs(a: Analysis): Set<number> {
  const found = new Set<number>();
  a.paragraphs.forEach((range, p) => {
    const start = a.starts[range.first]!;
    const end = a.ends[range.end - 1]!;
    if (end - start <= 400 && CAPTION.test(a.text.slice(start, end))) found.add(p);
  });
  return found;
}

export function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The quoted and reported statements in `text`, in text order, each with its speaker as the text names them and
 * the party that speaker belongs to (null when no party's names match, or more than one party's do). Narration
 * without a speech cue is never a statement.
 */
export function findStatements(text: string, parties: readonly Party[]): FoundStatement[] {
  const a = new Analysis(text);
  const reported = [...findReported(a), ...findLists(a)].sort((x, y) => x.start - y.start);
  const interview = [...findTurns(a), ...findInterview(a)];
  const answered = new Set(interview.map((t) => a.paragraphOf[tokenAt(a, t.start)]!));
  const turns = [
    ...interview,
    ...findNamedTurns(a).filter((t) => !answered.has(a.paragraphOf[tokenAt(a, t.start)]!)),
  ];
  /** Where the last reported statement of each paragraph starts. */
  const lastReported = new Map<number, number>();
  for (const r of reported) lastReported.set(a.paragraphOf[tokenAt(a, r.start)]!, r.start);

  // A quotation closed by a full stop after "X said:" is X's, whatever the next sentence's subject says.
  const quoteDrafts: Array<Draft | null> = a.quotes.map((quote) => {
    if (!/[.!?…]$/.test(text.slice(quote.start, quote.end))) {
      return cueAfter(a, quote) ?? cueBefore(a, quote, reported);
    }
    return cueBefore(a, quote, reported) ?? cueAfter(a, quote);
  });
  resolvePronouns(
    a,
    [...reported, ...quoteDrafts.filter((d): d is Draft => d !== null)],
    subjectMentions(a),
    (speaker) => parties.some((p) => [p.name, p.short].some((name) => sameName(name, speaker))),
  );

  // A full-sentence quotation with no cue of its own continues the speaker quoted just before it in the same
  // paragraph ("…,” Lavrov said. “I believe …”), or, failing that, the one quoted right after it.
  a.quotes.forEach((quote, index) => {
    if (quoteDrafts[index] || !opensSentence(a, quote)) return;
    const p = a.paragraphOf[quote.open]!;
    const previous = quoteDrafts[index - 1];
    if (previous && a.quotes[index - 1]!.lastParagraph === p) {
      quoteDrafts[index] = { ...previous, start: quote.start, end: quote.end };
      return;
    }
    const next = a.quotes[index + 1];
    const source = quoteDrafts[index + 1];
    if (next && source && a.paragraphOf[next.open] === quote.lastParagraph && next.open === quote.close + 1) {
      quoteDrafts[index] = { ...source, start: quote.start, end: quote.end };
      return;
    }
    // A paragraph that is all quotation, or opens with a whole quoted sentence that no cue follows, goes on from
    // the last quotation of the paragraph before it, when no reported statement came after that quotation.
    const earlier = quoteDrafts[index - 1];
    if (
      earlier &&
      (wholeParagraph(a, quote) || opensParagraph(a, quote)) &&
      a.quotes[index - 1]!.lastParagraph === p - 1 &&
      (lastReported.get(p - 1) ?? -1) < earlier.end
    ) {
      quoteDrafts[index] = { ...earlier, start: quote.start, end: quote.end };
    }
  });

  // "“…,” said Ortiz, who took office in May, “and …”": the second half of a quotation broken by its cue and an
  // aside about the speaker, in one sentence.
  a.quotes.forEach((quote, index) => {
    const before = quoteDrafts[index - 1];
    const previous = a.quotes[index - 1];
    if (quoteDrafts[index] || !before || !previous || previous.close < 0) return;
    if (a.sentenceStart[quote.open] !== a.sentenceStart[previous.close]) return;
    if (a.tok(quote.open - 1)?.text !== ',' || quote.open - previous.close > 25) return;
    const next = a.tok(quote.open + 1);
    if (!next?.word || next.capital) return;
    if (before.cueAt > previous.end && before.cueAt < quote.start) {
      quoteDrafts[index] = { ...before, start: quote.start, end: quote.end };
    }
  });

  // "…,” Pryce said, calling the plan “…”: the quoted verdict is the sentence's speaker's.
  a.quotes.forEach((quote, index) => {
    if (quoteDrafts[index]) return;
    const calling = callingBefore(a, quote);
    if (calling === null) return;
    const at = a.starts[calling]!;
    const from = a.starts[a.sentenceStart[calling]!]!;
    let owner: Draft | null = null;
    for (const d of [...quoteDrafts.slice(0, index), ...reported]) {
      if (d && d.cueAt >= from && d.cueAt < at && d.end <= at && (!owner || d.cueAt > owner.cueAt)) owner = d;
    }
    if (owner) quoteDrafts[index] = { ...owner, start: quote.start, end: quote.end, kind: 'quote' };
  });

  const quotes = quoteDrafts.filter((d): d is Draft => d !== null);
  // A reported clause that is mostly an attributed quotation gives way to it; one that runs into a quotation
  // stops before it.
  const statements: Draft[] = [...quotes];
  let q = 0;
  for (const r of reported) {
    while (q < quotes.length && quotes[q]!.end <= r.start) q++;
    let kept: Draft | null = r;
    for (let k = q; k < quotes.length && quotes[k]!.start < r.end && kept; k++) {
      const quote = quotes[k]!;
      if (overlap(kept, quote) * 2 > kept.end - kept.start) kept = null;
      else if (quote.start > kept.start) {
        const cut: string = text.slice(kept.start, quote.start).replace(/[\s"“«‘,;:—–-]+$/u, '');
        const tidy: string = cut.replace(
          /[\s,;:—–-]*\b(?:adding|saying|insisting|noting|stressing|warning)$/u,
          '',
        );
        kept = tidy.split(/\s+/).length >= 3 ? { ...kept, end: kept.start + tidy.length } : null;
      }
    }
    if (kept) statements.push(kept);
  }
  statements.push(...findParticiples(a, statements));
  // A transcript's turn is its speaker's statement whole; what the finder read inside it gives way.
  const turnParagraphs = new Set(turns.map((t) => a.paragraphOf[tokenAt(a, t.start)]!));
  const inTurn = (d: Draft) => turnParagraphs.has(a.paragraphOf[tokenAt(a, d.start)]!);
  const kept = [...statements.filter((d) => !inTurn(d)), ...turns];
  const captions = captionParagraphs(a);

  const cache = new Map<string, string | null>();
  const partyOf = (speaker: string): string | null => {
    if (!cache.has(speaker)) cache.set(speaker, partyForSpeaker(parties, speaker)?.id ?? null);
    return cache.get(speaker)!;
  };
  // The same words suggested twice (a pull quote repeating the body) are offered once, where they first stand.
  const seen = new Set<string>();
  let lastBody: string | null = null;
  /** The party each person's surname was given with a party before ("Whitfield's spokesman, Carl Okafor"). */
  const bySurname = new Map<string, string | null>();
  return kept
    .sort((x, y) => x.start - y.start || x.end - y.end)
    .filter((d) => {
      // A he or she that could not be read as anyone named: better nothing than a guess.
      if (d.pronoun || captions.has(a.paragraphOf[tokenAt(a, d.start)]!)) return false;
      const key = text
        .slice(d.start, d.end)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((d) => {
      let partyId = d.pronoun ? null : partyOf(independentName(d.speaker) ?? d.speaker);
      // "Okafor said" after "Whitfield's spokesman, Carl Okafor, said": the same person, the same side.
      const alone = SURNAME_ONLY.test(d.speaker);
      if (partyId === null && alone) partyId = bySurname.get(surname(d.speaker)) ?? null;
      // "a spokeswoman for the company" speaks for the body that last spoke under its own party's name.
      if (partyId === null && !d.pronoun && REFERS_BACK.test(d.speaker)) partyId = lastBody;
      else if (partyId === null && !d.pronoun && !INDEPENDENT.test(d.speaker))
        partyId = partyOfRole(text, partyOf, d.speaker, d.cueAt);
      else if (partyId !== null && ownName(parties, d.speaker, partyId)) lastBody = partyId;
      if (!d.pronoun && !alone && partyId !== null && /\p{Lu}\S*\s+\p{Lu}\S*$/u.test(d.speaker)) {
        const name = surname(d.speaker);
        bySurname.set(name, bySurname.has(name) && bySurname.get(name) !== partyId ? null : partyId);
      }
      return {
        start: d.start,
        end: d.end,
        quote: text.slice(d.start, d.end),
        speaker: d.speaker,
        partyId,
        kind: d.kind,
        cue: d.cue,
      };
    });
}
