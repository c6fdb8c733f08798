/**
 * Finds the statements in a news text — what was quoted and what was reported, and who said it — so that a reader
 * can accept each as a highlight with its party instead of selecting it by hand. Rule-based English: quote marks
 * (curly, straight, guillemets, and single quotes, curly or straight, where no apostrophe can be meant),
 * attribution next to them ("commented David Miliband", "Lugovoy said", "according to …", "X told RT"), reported
 * speech ("Lavrov stated that …", "said X but insisted that Y" as two), quotations that run over several paragraphs
 * or go on in the next one without a new cue, statements listed after "X also said:", a transcript's `NAME:` turns,
 * a Q&A interview's answers (also under "Sorvald:", the name in mixed case of a person introduced before), and
 * he/she read as the last named speaker unless other people were named since. A speaker named only by a role takes
 * the party of those named by it before; an analyst or economist takes one only by their own name. Where the finder
 * cannot tell who spoke (a he or she that could be two people) it offers nothing. Photo captions, a wire story's
 * dateline and a live blog's time stamps are no part of any statement, and the same words are offered once. A
 * reported clause ends where the reporter's words begin (", adding …", ", despite …", ", a point …", ", but refused
 * to …", ", and Quade said …", a semicolon), and a quotation after "X was blunt:", "X said in a statement:", a
 * line's "Name:" or ", calling it" is the speaker's.
 *
 * Everything works on one pass of tokens with bounded look-around, so time grows with the length of the text.
 */
import { ParleyError, type Notebook, type Party, type Suggestion } from '../../shared/model';
import { getDocument, openDocument } from './notebook';
import { partyForSpeaker } from './parties';
import { isSpace } from './characters';

export type FoundStatement = Omit<Suggestion, 'key' | 'documentId'>;

// ---------------------------------------------------------------------------------------------------------------
// Word lists

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Finite verbs that attribute speech or a stated position. */
const SPEECH_VERBS = words(`
  said says say stated states told tells added adds commented comments revealed reveals retorted retorts
  insisted insists warned warns called calls urged urges noted notes argued argues claimed claims denied denies
  admitted admits stressed stresses announced announces explained explains replied replies expects believes
  believed declared declares asserted asserts maintained maintains suggested suggests acknowledged acknowledges
  conceded concedes confirmed confirms emphasised emphasises emphasized emphasizes underlined underlines
  reiterated reiterates responded responds answered remarked observed wrote writes tweeted promised vowed vows
  pledged pledges predicted predicts cautioned cautions complained complains countered alleged alleges
  demanded demands proposed proposes objected hopes hoped thinks feels reckons contended contends recalled
  assured assures informed informs reminded reminds agreed agrees disagreed disagrees protested asked asks
  continued concluded joked quipped
`);

/** Verbs that pass a verdict given in quotation marks after "as": "rejected the statement as “irresponsible”". */
const VERDICT_VERBS = words(`
  rejected rejects dismissed dismisses described describes branded brands condemned condemns denounced
  denounces labelled labels labeled characterised characterized termed criticised criticized hailed hails
  welcomed welcomes praised praises
`);

/** Verbs that only ever introduce a quotation, never a reported clause of their own. */
const QUOTE_ONLY_VERBS = words('continued concluded joked quipped');

/** Verbs whose first object is the listener, not the statement: "told RT that …", "assured reporters …". */
const LISTENER_VERBS = words('told tells assured assures informed informs reminded reminds promised');

/** Two-word cues: "expressed hope that …", "made clear that …", "pointed out that …". */
const PHRASAL: Record<string, ReadonlySet<string>> = {
  expressed: words('hope hopes concern concerns confidence regret doubt doubts optimism satisfaction fears'),
  voiced: words('hope concern confidence regret doubt doubts optimism satisfaction fears'),
  made: words('clear'),
  pointed: words('out'),
};

const LONGEST_CUE_WORD = Math.max(
  ...[...SPEECH_VERBS, ...Object.keys(PHRASAL), 'according'].map((w) => w.length),
);

/** "…, adding: “…”": the participle carries the speaker of the sentence it ends. */
const PARTICIPLES = words('adding saying insisting noting stressing warning explaining arguing declaring');

/** When something was said, between the verb and what follows it: "said Monday, adding", "told … later that day that". */
const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday yesterday today tonight later earlier afterwards
  on late last this
`);
const TIME_NOUNS = words('day week month year morning afternoon evening night weekend');

/** Words that pass from what was said to the reporter's own: "…, despite a letter", "…, a point campaigners …". */
const REPORTER_TAILS = words('despite amid');
const REPORTER_NOUNS = words('point claim view charge move remark assertion argument position stance figure');
/** "…, but refused to say …": what the speaker would not say is no part of what they said. */
const REFUSALS = words('refused declined');

/** Verbs of saying and nothing else: "… and said B" reports a second statement even without "that". */
const SAYING = words('said added insisted warned argued stressed noted claimed told');

/** Verbs that take a clause of their own after "that": "and that was why" is no second statement. */
const FINITE = words('is was were are has had have would will could can must should may might does did do');

/** "…, calling the plan “…”": the quoted words are the verdict of the sentence's speaker. */
const CALLING = words('calling describing branding labelling labeling terming dubbing');

/** Verbs that name something and give the verdict on it next: "called the decision ‘shameful’". */
const CALLED = words('called calls branded brands labelled labeled dubbed termed');

/** "X was blunt: “…”": the manner of a statement that follows a colon. */
const MANNERS = words(
  'blunt clear adamant emphatic defiant unequivocal direct categorical unambiguous firm frank candid',
);

/** Between a subject and its verb: "Lavrov has also said", "he later told". */
const AUXILIARIES = words(`
  has had have also later then again once further earlier previously repeatedly reportedly publicly firmly
  flatly openly clearly bluntly strongly angrily calmly recently already subsequently separately yesterday today
  himself herself itself themselves
`);

const SUBJECT_PRONOUNS = words('he she');

/** Words that begin a clause, so a reported clause cannot have started yet when one of them follows the verb. */
const CLAUSE_WORDS = words(`
  he she it they we i you there this these those who which what would will could can is was were are has had have
  must should may might does did do shall not be been being
`);

const DETERMINERS = words('the a an his her its their our');

/** What one calls without stating anything: "called its first strike", "called a snap election". */
const CALLED_EVENTS = words(`
  strike strikes walkout walkouts meeting meetings election elections vote votes ballot referendum halt summit
  session sessions conference ceasefire truce recess
`);

const LISTENERS = words(`
  reporters journalists lawmakers legislators parliament voters supporters listeners viewers audience
  newspaper agency broadcaster channel press him her them us me you delegates students radio station television
  programme podcast magazine paper website committee meeting hearing inquiry crowd
`);

const PREPOSITIONS = words(`
  in at on during after before to while following via through from with without over under last this yesterday
  today earlier later when as about for by outside inside near ahead behind amid among across around beside
  despite into upon within late shortly soon
`);

/** Lower-case words that name a role ("the British foreign minister", "officials"). */
const ROLE_HEADS = words(`
  minister ministers secretary spokesman spokeswoman spokesperson spokespeople official officials president
  premier chancellor ambassador envoy diplomat diplomats negotiator negotiators commissioner representative
  representatives adviser advisers advisor advisors aide aides head chief leader leaders director chairman
  chairwoman chair governor mayor senator senators lawmaker lawmakers legislator prosecutor prosecutors police
  ministry government embassy counterpart source sources lawyer lawyers attorney king queen prince emir mp mps
  deputy party administration office department commission council cabinet presidency authorities court judge
  regulator delegation side team camp executive executives manager managers founder campaigner campaigners
  activist activists analyst analysts economist economists expert experts scientist scientists researcher
  researchers professor organiser organisers organizer organizers coordinator association union unions federation alliance society board company firm group
  groups companies firms organisations organizations associations authority mediator mediators observer
  observers monitors inspector inspectors investigators rapporteur commentator commentators strategist
  pollster pollsters historian academic academics residents critics opponents protesters protestors
`);

/** Lower-case words that qualify a role but cannot end a speaker's name. */
const ROLE_MODIFIERS = words(`
  foreign prime deputy vice senior junior top former acting chief trade commerce economy economic finance defence
  defense interior justice home state press general first health energy environment security national federal
  assistant executive special permanent presidential government ministry embassy party opposition military
  official own
`);

/** Name particles, taken only between capitalised words: "Ursula von der Leyen". */
const PARTICLES = words('von van der den de del della da di du la le bin ibn al el ter dos das');

/** "Secretary of State", "a spokesman for the Kremlin", "Commuters in Manchester", "a lawyer at the firm". */
const CONNECTORS = words('of for in at');

/** Who speaks "to" or "close to" someone: "an aide to Stenn", "a source close to Brandt". */
const CLOSE_TO = words(
  'aide aides adviser advisers advisor advisors source sources ally allies spokesman spokeswoman',
);

/** Titles written with a full stop that does not end a sentence. */
const TITLES = words(`
  mr mrs ms dr prof gen sen rep gov lt col capt sgt st rev hon pres amb adm maj cmdr supt insp messrs mme mlle
  sr jr
`);

const ABBREVIATIONS = words(`
  etc vs e.g i.e no inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec fig approx
`);

const MALE_TITLES = words('mr sir lord king prince mister monsieur herr');
const FEMALE_TITLES = words('mrs ms miss madam lady dame queen princess mme mlle madame frau');

/** Capitalised words that are not names, mostly because they open sentences. */
const NOT_NAMES = words(`
  the a an and but or so yet then when while after before as if although though because since on in at by for
  from with without during meanwhile however yesterday today tonight tomorrow earlier later last next this that
  these those also still now here there it he she they we i you his her their our its my your speaking asked
  according despite following under over among instead indeed moreover furthermore nevertheless separately
  elsewhere unfortunately finally first second both all some many most several such what which who whom whose
  where why how not no yes to of about into through between against across up down out off again further once
  only even just too very every each other another any nor either neither whether until unless upon within
  along around behind beyond near towards toward amid regarding concerning thus hence therefore otherwise
  perhaps maybe well monday tuesday wednesday thursday friday saturday sunday january february march april june
  july august september october november december
`);

/** Words with an apostrophe for letters left out at their start ("'em"), not an opening quote mark. */
const ELISIONS = words('n em tis twas til cause bout round');

const TERMINALS = new Set(['.', '!', '?', '…']);

/** A clock time, and the zones or words that may follow it in a live blog's stamp. */
const TIME = /^\d{1,2}[:.]\d{2}(?:am|pm)?$/i;
const ZONES = words('gmt bst utc cet cest est edt pst pdt et ist am pm local');

/** Bounds, in tokens, that keep every look-around short however long a sentence runs. */
const LONGEST_NAME = 16;
const LONGEST_ADVERBIAL = 20;
/** A reported clause is one sentence; past this length the "sentence" is a list or a run-on, not a statement. */
const LONGEST_STATEMENT = 300;

// ---------------------------------------------------------------------------------------------------------------
// Tokens, paragraphs, quotations, sentences

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  word: boolean;
  capital: boolean;
}

interface Quote {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark; -1 when the quotation runs to the end of its last paragraph. */
  close: number;
  /** Paragraph of the closing mark (or where it stops). */
  lastParagraph: number;
  start: number;
  end: number;
  /** Ends in punctuation that hands over to an attribution ("…,” said X). */
  handsOver: boolean;
}

type Family = 'double' | 'straight' | 'guillemet' | 'single' | 'apostrophe';

const UPPER = /^\p{Lu}/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** How many UTF-16 units the letter, mark or digit at `i` takes (0 when it is none). */
function wordCharWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}
const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g;

const WORD = 1;
const CAPITAL = 2;

const OPEN_DOUBLE = 0x201c; // “
const CLOSE_DOUBLE = 0x201d; // ”
const OPEN_SINGLE = 0x2018; // ‘
const CLOSE_SINGLE = 0x2019; // ’
const STRAIGHT = 0x22; // "
const APOSTROPHE = 0x27; // '
const OPEN_GUILLEMET = 0xab; // «
const CLOSE_GUILLEMET = 0xbb; // »

function isTerminalCode(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/**
 * The text cut into words and marks, paragraphs, quotations and sentences. Tokens are kept in typed arrays (a
 * megabyte of text has a quarter of a million of them); `tok(i)` gives one as an object where a rule reads it.
 */
class Analysis {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  count = 0;
  /** Token ranges [first, end) of each paragraph. */
  readonly paragraphs: Array<{ first: number; end: number }> = [];
  readonly paragraphOf: Int32Array;
  readonly quotes: Quote[] = [];
  /** The quote each token belongs to (marks included), or -1. */
  readonly quoteOf: Int32Array;
  readonly sentenceStart: Int32Array;
  readonly sentenceEnd: Int32Array;

  constructor(readonly text: string) {
    this.starts = new Int32Array(text.length + 1);
    this.ends = new Int32Array(text.length + 1);
    this.flags = new Uint8Array(text.length + 1);
    this.tokenize();
    const n = this.count;
    this.paragraphOf = new Int32Array(n);
    this.paragraphs.forEach((p, index) => this.paragraphOf.fill(index, p.first, p.end));
    this.quoteOf = new Int32Array(n).fill(-1);
    this.findQuotes();
    this.sentenceStart = new Int32Array(n);
    this.sentenceEnd = new Int32Array(n);
    this.findSentences();
  }

  private tokenize(): void {
    const { text } = this;
    let from = 0;
    const add = (end: number) => {
      const first = this.count;
      let i = from;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (isSpace(code)) {
          i++;
          continue;
        }
        const width = wordCharWidth(text, i);
        let j = i + Math.max(width, 1);
        if (width > 0) {
          if (isDigit(code)) {
            // 4.5, 10,000, 10:22 are one word
            while (j < end && isDigit(text.charCodeAt(j))) j++;
            while (j + 1 < end && /[.,:]/.test(text[j]!) && isDigit(text.charCodeAt(j + 1))) {
              j += 2;
              while (j < end && isDigit(text.charCodeAt(j))) j++;
            }
          }
          for (;;) {
            for (let w = wordCharWidth(text, j); j < end && w > 0; w = wordCharWidth(text, j)) j += w;
            const joiner = text.charCodeAt(j);
            if (
              j + 1 < end &&
              (joiner === 0x27 || joiner === CLOSE_SINGLE || joiner === 0x2d || joiner === 0x2010) &&
              wordCharWidth(text, j + 1) > 0
            ) {
              j++;
              continue;
            }
            break;
          }
        } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
          j = i + 2;
        }
        const n = this.count++;
        this.starts[n] = i;
        this.ends[n] = j;
        const capital = width > 0 && (code < 128 ? code >= 65 && code <= 90 : UPPER.test(text.slice(i, j)));
        this.flags[n] = (width > 0 ? WORD : 0) | (capital ? CAPITAL : 0);
        i = j;
      }
      if (this.count > first) this.paragraphs.push({ first, end: this.count });
    };
    PARAGRAPH_BREAK.lastIndex = 0;
    for (let m = PARAGRAPH_BREAK.exec(text); m !== null; m = PARAGRAPH_BREAK.exec(text)) {
      add(m.index);
      from = m.index + m[0].length;
    }
    add(text.length);
  }

  /** Token `i` as an object, or undefined outside the text. */
  tok(i: number): Token | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const text = this.text.slice(start, end);
    const flags = this.flags[i]!;
    const word = (flags & WORD) !== 0;
    return {
      start,
      end,
      text,
      lower: word ? text.toLowerCase() : text,
      word,
      capital: (flags & CAPITAL) !== 0,
    };
  }

  isWord(i: number): boolean {
    return i >= 0 && i < this.count && (this.flags[i]! & WORD) !== 0;
  }

  /** The first UTF-16 unit of token `i` (a mark is one character), or -1. */
  code(i: number): number {
    return i >= 0 && i < this.count ? this.text.charCodeAt(this.starts[i]!) : -1;
  }

  /** The token at `i` if it is in paragraph `p`. */
  inParagraph(i: number, p: number): Token | undefined {
    const range = this.paragraphs[p];
    return range && i >= range.first && i < range.end ? this.tok(i) : undefined;
  }

  private sameParagraph(i: number, j: number): boolean {
    return j >= 0 && j < this.count && this.paragraphOf[i] === this.paragraphOf[j];
  }

  /** Directly touching the previous token (no space between). */
  private touchesPrevious(i: number): boolean {
    return this.sameParagraph(i, i - 1) && this.ends[i - 1] === this.starts[i];
  }

  private touchesNext(i: number): boolean {
    return this.sameParagraph(i, i + 1) && this.starts[i + 1] === this.ends[i];
  }

  /** A mark that can open a quotation here: after a space, a bracket or a dash, before the quoted words. */
  private opensHere(i: number): boolean {
    if (!this.touchesNext(i)) return false;
    if (!this.touchesPrevious(i)) return true;
    return !this.isWord(i - 1) && '([{—–-/:'.includes(this.text[this.starts[i - 1]!]!);
  }

  /** A single curly quote that plainly closes: against a word or stop, with punctuation on one side of it. */
  private closesSingle(i: number): boolean {
    if (!this.touchesPrevious(i)) return false;
    const next = this.touchesNext(i) ? i + 1 : -1;
    if (next !== -1 && this.isWord(next)) return false;
    const before = this.isWord(i - 1) ? '' : this.text[this.starts[i - 1]!]!;
    const after = next === -1 ? '' : this.text[this.starts[next]!]!;
    return (before !== '' && '.,!?…'.includes(before)) || (after !== '' && ',.;:!?…'.includes(after));
  }

  /**
   * A straight single mark that opens a quotation: where an opening mark may stand, before a word that is no
   * elision ("'90s", "'em", "rock 'n' roll").
   */
  private opensApostrophe(i: number): boolean {
    if (!this.opensHere(i) || !this.isWord(i + 1)) return false;
    const next = this.tok(i + 1)!;
    return !isDigit(this.code(i + 1)) && !ELISIONS.has(next.lower);
  }

  /**
   * A straight single mark that closes: as a curly one closes, except that "ministers'." with a stop only after
   * it may be a plural possessive, so it gives way to a mark after a stop further on, before the next opening.
   */
  private closesApostrophe(i: number): boolean {
    if (!this.closesSingle(i)) return false;
    const before = this.tok(i - 1)!;
    if (!before.word || !/s$/i.test(before.text)) return true;
    const p = this.paragraphOf[i]!;
    const end = Math.min(this.paragraphs[p]!.end, i + LONGEST_STATEMENT);
    for (let k = i + 1; k < end; k++) {
      if (this.code(k) !== APOSTROPHE) continue;
      if (this.opensApostrophe(k)) return true;
      if (this.closesSingle(k) && !this.isWord(k - 1)) return false;
    }
    return true;
  }

  /** A straight double mark against the words before it and not against a word after it. */
  private closesStraight(i: number): boolean {
    return this.touchesPrevious(i) && !(this.touchesNext(i) && this.isWord(i + 1));
  }

  private opening(i: number): Family | null {
    const mark = this.code(i);
    if (mark === OPEN_DOUBLE) return 'double';
    if (mark === OPEN_GUILLEMET) return 'guillemet';
    if (mark === STRAIGHT) return this.opensHere(i) ? 'straight' : null;
    if (mark === OPEN_SINGLE) return this.opensHere(i) ? 'single' : null;
    if (mark === APOSTROPHE) return this.opensApostrophe(i) ? 'apostrophe' : null;
    return null;
  }

  private closing(i: number, family: Family): boolean {
    const mark = this.code(i);
    switch (family) {
      case 'double':
        // A scraped page may close a curly quotation with a straight mark: “…," she said.
        return mark === CLOSE_DOUBLE || (mark === STRAIGHT && this.closesStraight(i));
      case 'guillemet':
        return mark === CLOSE_GUILLEMET;
      case 'straight':
        return mark === STRAIGHT || mark === CLOSE_DOUBLE;
      case 'single':
        return mark === CLOSE_SINGLE && this.closesSingle(i);
      case 'apostrophe':
        return mark === APOSTROPHE && this.closesApostrophe(i);
    }
  }

  /**
   * Pairs quote marks paragraph by paragraph. A quotation left open at the end of a paragraph continues when the
   * next paragraph opens with a quote mark (the English convention for long quotations); otherwise it ends with
   * its paragraph, except a single quote, which is then taken for an apostrophe.
   */
  private findQuotes(): void {
    let open: { family: Family; at: number } | null = null;
    const finish = (close: number, lastParagraph: number) => {
      if (!open) return;
      const range = this.paragraphs[lastParagraph]!;
      const contentStart = this.ends[open.at]!;
      const endOffset = close >= 0 ? this.starts[close]! : this.ends[range.end - 1]!;
      const stop = close >= 0 ? close : range.end - 1;
      this.quoteOf.fill(this.quotes.length, open.at, stop + 1);
      const span = contentStart < endOffset ? trimSpan(this.text, contentStart, endOffset) : null;
      if (span) {
        const raw = this.text.slice(contentStart, endOffset).trimEnd();
        const after = close >= 0 ? this.inParagraph(close + 1, lastParagraph) : undefined;
        this.quotes.push({
          open: open.at,
          close,
          lastParagraph,
          ...span,
          handsOver: /[,.!?…—–\-:;]$/.test(raw) || after?.text === ',',
        });
      } else {
        this.quoteOf.fill(-1, open.at, stop + 1);
      }
      open = null;
    };
    this.paragraphs.forEach((range, p) => {
      let i = range.first;
      if (open) {
        const mark = this.code(i);
        const family: Family = open.family;
        const continues =
          i < range.end &&
          (family === 'single'
            ? mark === OPEN_SINGLE
            : family === 'apostrophe'
              ? mark === APOSTROPHE && this.opensApostrophe(i)
              : mark === OPEN_DOUBLE || mark === OPEN_GUILLEMET || mark === STRAIGHT || mark === OPEN_SINGLE);
        if (continues) i++;
        else if (family === 'single' || family === 'apostrophe') open = null;
        else finish(-1, p - 1);
      }
      for (; i < range.end; i++) {
        if ((this.flags[i]! & WORD) !== 0) continue;
        if (!open) {
          const family = this.opening(i);
          if (family) open = { family, at: i };
        } else if (this.closing(i, open.family)) {
          finish(i, p);
        } else if (open.family === 'apostrophe' && this.code(i) === APOSTROPHE && this.opensApostrophe(i)) {
          // Two opening marks and no close between: the first was an apostrophe after all, or nobody can tell.
          open = { family: 'apostrophe', at: i };
        }
      }
    });
    if (open) {
      const family: Family = (open as { family: Family }).family;
      if (family === 'single' || family === 'apostrophe') open = null;
      else finish(-1, this.paragraphs.length - 1);
    }
  }

  private isAbbreviationDot(i: number): boolean {
    if (!this.isWord(i - 1) || this.ends[i - 1] !== this.starts[i]) return false;
    const prev = this.tok(i - 1)!;
    if (TITLES.has(prev.lower) || ABBREVIATIONS.has(prev.lower)) return true;
    return prev.text.length === 1 && prev.capital;
  }

  /** Whether token `i` (or the end of the paragraph, -1) can begin a sentence. */
  private startsSentence(i: number): boolean {
    if (i === -1) return true;
    const code = this.code(i);
    if (this.isWord(i))
      return (this.flags[i]! & CAPITAL) !== 0 || isDigit(code) || /^\p{N}/u.test(this.text[this.starts[i]!]!);
    return (
      code === OPEN_DOUBLE ||
      code === STRAIGHT ||
      code === OPEN_SINGLE ||
      (code === APOSTROPHE && this.quoteOf[i] !== -1 && this.quotes[this.quoteOf[i]!]!.open === i) ||
      code === OPEN_GUILLEMET ||
      code === 0x28
    );
  }

  private findSentences(): void {
    for (const range of this.paragraphs) {
      let start = range.first;
      const close = (last: number) => {
        this.sentenceStart.fill(start, start, last + 1);
        this.sentenceEnd.fill(last, start, last + 1);
        start = last + 1;
      };
      // A live blog's "10:05 GMT" before a post is a sentence of its own, not part of the first speaker's name.
      const stamp = this.timestampLength(range.first, range.end);
      if (stamp > 0 && range.first + stamp < range.end && this.startsSentence(range.first + stamp)) {
        close(range.first + stamp - 1);
      }
      for (let i = range.first; i < range.end; i++) {
        if ((this.flags[i]! & WORD) !== 0) continue;
        const next = i + 1 < range.end ? i + 1 : -1;
        const code = this.code(i);
        const q = this.quoteOf[i]!;
        if (q === -1) {
          if (isTerminalCode(code) && !(code === 0x2e && this.isAbbreviationDot(i))) {
            const after = next === -1 ? -1 : this.code(next);
            if (after === 0x29 || after === 0x5d || (!this.isWord(next) && isTerminalCode(after))) continue;
            if (next !== -1 && this.isWord(next) && this.starts[next] === this.ends[i]) continue;
            if (this.startsSentence(next)) close(i);
          }
        } else if (this.quotes[q]!.close === i) {
          if (
            !this.isWord(i - 1) &&
            isTerminalCode(this.code(i - 1)) &&
            next !== -1 &&
            this.startsSentence(next)
          ) {
            close(i);
          }
        }
      }
      if (start < range.end) close(range.end - 1);
    }
  }

  /** How many tokens a time stamp opening a paragraph takes: "10:05", "10:05 GMT", "2.15pm" (0 if none). */
  private timestampLength(first: number, end: number): number {
    if (!this.isWord(first) || !TIME.test(this.text.slice(this.starts[first]!, this.ends[first]!))) return 0;
    const next = first + 1 < end ? this.tok(first + 1) : undefined;
    return next && next.word && ZONES.has(next.lower) ? 2 : 1;
  }

  slice(first: number, last: number): string {
    const text = this.text.slice(this.starts[first]!, this.ends[last]!);
    return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
  }
}

/** [start, end) without surrounding space, a trailing comma, or a trailing full stop when `dropStop`. */
function trimSpan(
  text: string,
  start: number,
  end: number,
  dropStop = false,
): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  for (;;) {
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const last = text[end - 1];
    if (last === ',' || last === ';' || last === ':' || (dropStop && last === '.')) end--;
    else break;
  }
  return end > start ? { start, end } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Speakers

interface Phrase {
  first: number;
  last: number;
  pronoun: boolean;
}

function isTitleDot(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  const prev = a.tok(i - 1);
  return (
    t?.text === '.' &&
    prev !== undefined &&
    prev.end === t.start &&
    prev.word &&
    (TITLES.has(prev.lower) || (prev.text.length === 1 && prev.capital))
  );
}

function isPossessive(t: Token): boolean {
  return t.word && /['’]s$/i.test(t.text) && t.text.length > 2;
}

/** "islanders’": a plural ending in s and an apostrophe against it, as a possessive. */
function pluralPossessive(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  const mark = a.tok(i + 1);
  return (
    t !== undefined &&
    mark !== undefined &&
    t.word &&
    /s$/i.test(t.text) &&
    (mark.text === '’' || mark.text === "'") &&
    t.end === mark.start &&
    a.paragraphOf[i] === a.paragraphOf[i + 1] &&
    a.quoteOf[i + 1] === -1
  );
}

function isName(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  if (!t || !t.capital || isPossessive(t) || NOT_NAMES.has(t.lower)) return false;
  // A capitalised word opening a sentence that reads as an adverb or participle is not a name.
  if (a.sentenceStart[i] === i && t.text.length > 4 && /(?:ly|ing|ed)$/.test(t.text)) return false;
  return true;
}

function isRole(t: Token | undefined): boolean {
  return t !== undefined && t.word && !t.capital && (ROLE_HEADS.has(t.lower) || ROLE_MODIFIERS.has(t.lower));
}

/** A token that can end a speaker's name: a name word or a role. */
function isHead(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  return isName(a, i) || (t !== undefined && !t.capital && ROLE_HEADS.has(t.lower));
}

/** A lower-case word qualifying the role that follows it ("fisheries minister", "trade commissioner"). */
function isModifierOf(a: Analysis, i: number, head: number): boolean {
  const t = a.tok(i);
  const h = a.tok(head);
  return (
    t !== undefined &&
    h !== undefined &&
    t.word &&
    !t.capital &&
    !h.capital &&
    ROLE_HEADS.has(h.lower) &&
    !NOT_NAMES.has(t.lower) &&
    !CLAUSE_WORDS.has(t.lower) &&
    !DETERMINERS.has(t.lower) &&
    !SPEECH_VERBS.has(t.lower) &&
    !isPossessive(t)
  );
}

function usable(a: Analysis, i: number, p: number): boolean {
  return a.inParagraph(i, p) !== undefined && a.quoteOf[i] === -1;
}

/** A name at `i`, perhaps after more particles ("von der Leyen" seen from "von"). */
function nameAfter(a: Analysis, i: number, hi: number): boolean {
  while (i <= hi && PARTICLES.has(a.tok(i)?.text ?? '')) i++;
  return i <= hi && isName(a, i);
}

function nameBefore(a: Analysis, i: number, lo: number): boolean {
  while (i >= lo && PARTICLES.has(a.tok(i)?.text ?? '')) i--;
  return i >= lo && isName(a, i);
}

/** The speaker whose name ends at token `j`, no further left than `lo`. */
function speakerEndingAt(a: Analysis, j: number, lo: number): Phrase | null {
  const p = a.paragraphOf[j]!;
  if (j < lo || !usable(a, j, p)) return null;
  const t = a.tok(j)!;
  if (SUBJECT_PRONOUNS.has(t.lower)) return { first: j, last: j, pronoun: true };
  let first = j;
  let k = j - 1;
  if (!isHead(a, j)) {
    // "a spokeswoman for the company", "the head of the delegation"
    if (!t.word || t.capital || NOT_NAMES.has(t.lower) || CLAUSE_WORDS.has(t.lower) || verbAt(a, j))
      return null;
    let c = j - 1;
    // "the company", "Tova’s capital"
    const owner = a.tok(c);
    if (owner && (DETERMINERS.has(owner.lower) || (owner.capital && isPossessive(owner)))) c--;
    if (c - 1 < lo || !CONNECTORS.has(a.tok(c)?.lower ?? '') || !isHead(a, c - 1) || !usable(a, c - 1, p)) {
      return null;
    }
    first = c - 1;
    k = c - 2;
  }
  while (k >= lo && j - k < LONGEST_NAME && usable(a, k, p)) {
    const c = a.tok(k)!;
    if (isName(a, k) || isRole(c) || isTitleDot(a, k) || isModifierOf(a, k, first)) {
      first = k--;
      continue;
    }
    const right = a.tok(first)!;
    if (PARTICLES.has(c.text) && (right.capital || PARTICLES.has(right.text)) && nameBefore(a, k - 1, lo)) {
      first = k--;
      continue;
    }
    if (c.lower === 'and' && isName(a, first) && isName(a, k - 1)) {
      first = k--;
      continue;
    }
    if (isName(a, first) && k - 1 >= lo && pluralPossessive(a, k - 1) && isName(a, k - 1)) {
      first = k--;
      continue;
    }
    // "an aide to Stenn", "a source close to Brandt": someone who speaks for the person named.
    if (c.lower === 'to' && isName(a, first) && k - 1 >= lo) {
      const close = a.tok(k - 1)!.lower === 'close' ? 1 : 0;
      if (k - 1 - close >= lo && CLOSE_TO.has(a.tok(k - 1 - close)!.lower) && usable(a, k - 1 - close, p)) {
        first = k - 1 - close;
        k = first - 1;
        continue;
      }
    }
    if (CONNECTORS.has(c.lower) && (isName(a, first) || right.lower === 'the') && isHead(a, k - 1)) {
      first = k--;
      continue;
    }
    if (c.lower === 'the' && CONNECTORS.has(a.tok(k - 1)?.lower ?? '') && k - 2 >= lo && isHead(a, k - 2)) {
      first = k--;
      continue;
    }
    break;
  }
  const before = k >= lo && usable(a, k, p) ? a.tok(k)! : undefined;
  const plural = before !== undefined && k - 1 >= lo && pluralPossessive(a, k - 1);
  if (before && (isPossessive(before) || plural)) {
    // "Pakistan's foreign ministry", "the islanders’ council"
    first = plural ? k - 1 : k;
    k = first - 1;
    const det = k >= lo && usable(a, k, p) ? a.tok(k) : undefined;
    if (det && DETERMINERS.has(det.lower)) first = k;
  } else if (before && DETERMINERS.has(before.lower)) {
    first = k;
  }
  return { first, last: j, pronoun: false };
}

/** A capitalised word opening the sentence before a lower-case role: "Shipping economist Hanne Vold". */
function openingQualifier(a: Analysis, k: number, hi: number): boolean {
  const t = a.tok(k);
  const role = a.tok(k + 1);
  return (
    a.sentenceStart[k] === k &&
    k + 1 <= hi &&
    t !== undefined &&
    role !== undefined &&
    t.word &&
    t.capital &&
    !NOT_NAMES.has(t.lower) &&
    !isPossessive(t) &&
    !role.capital &&
    ROLE_HEADS.has(role.lower)
  );
}

/** The speaker whose name starts at token `i`, no further right than `hi`. */
function speakerStartingAt(a: Analysis, i: number, hi: number): Phrase | null {
  const p = a.paragraphOf[i]!;
  if (i > hi || !usable(a, i, p)) return null;
  const t = a.tok(i)!;
  if (SUBJECT_PRONOUNS.has(t.lower)) return { first: i, last: i, pronoun: true };
  let k = i;
  if (DETERMINERS.has(t.lower)) k++;
  const maybePossessive = a.tok(k);
  if (k <= hi && maybePossessive && usable(a, k, p) && isPossessive(maybePossessive)) k++;
  else if (k + 1 <= hi && usable(a, k, p) && pluralPossessive(a, k)) k += 2;
  let last = -1;
  for (; k <= hi && k - i < LONGEST_NAME && usable(a, k, p); k++) {
    const c = a.tok(k)!;
    if (
      isName(a, k) ||
      isRole(c) ||
      isTitleDot(a, k) ||
      (k + 1 <= hi && isModifierOf(a, k, k + 1)) ||
      openingQualifier(a, k, hi)
    ) {
      if (isHead(a, k)) last = k;
      continue;
    }
    if (
      PARTICLES.has(c.text) &&
      (last === k - 1 || PARTICLES.has(a.tok(k - 1)!.text)) &&
      nameAfter(a, k + 1, hi)
    ) {
      continue;
    }
    // "the Bus Workers’ Union"
    if (last === k - 1 && pluralPossessive(a, k - 1) && isName(a, k - 1) && k + 1 <= hi && isName(a, k + 1)) {
      continue;
    }
    if (c.lower === 'and' && last === k - 1 && isName(a, k - 1) && isName(a, k + 1)) continue;
    if (CONNECTORS.has(c.lower) && last === k - 1) {
      const skipThe = DETERMINERS.has(a.tok(k + 1)?.lower ?? '') ? 1 : 0;
      const noun = k + 1 + skipThe;
      if (noun <= hi && isName(a, noun)) {
        k += skipThe;
        continue;
      }
      // "a spokeswoman for the company said" ends with one lower-case noun.
      const n = a.tok(noun);
      if (
        noun <= hi &&
        n &&
        skipThe === 1 &&
        usable(a, noun, p) &&
        n.word &&
        !n.capital &&
        !NOT_NAMES.has(n.lower) &&
        !CLAUSE_WORDS.has(n.lower) &&
        !verbAt(a, noun) &&
        !isName(a, noun + 1)
      ) {
        last = noun;
      }
    }
    break;
  }
  return last === -1 ? null : { first: i, last, pronoun: false };
}

/** A role followed by the name of who holds it: "the Prime Minister, Keir Starmer" read as one speaker. */
function withName(a: Analysis, phrase: Phrase, hi: number): Phrase;
function withName(a: Analysis, phrase: Phrase | null, hi: number): Phrase | null;
function withName(a: Analysis, phrase: Phrase | null, hi: number): Phrase | null {
  if (!phrase || phrase.pronoun || isFullName(a, phrase) || a.tok(phrase.last + 1)?.text !== ',')
    return phrase;
  const name = speakerStartingAt(a, phrase.last + 2, hi);
  if (!name || name.pronoun || !isFullName(a, name)) return phrase;
  const after = a.tok(name.last + 1);
  const ends = name.last === hi || !after || after.text === ',' || TERMINALS.has(after.text);
  return ends ? { first: phrase.first, last: name.last, pronoun: false } : phrase;
}

// ---------------------------------------------------------------------------------------------------------------
// Cues

interface Verb {
  first: number;
  last: number;
  word: string;
}

/** A speech verb at token `i` (lower case), with the second word of a two-word cue. */
function verbAt(a: Analysis, i: number): Verb | null {
  const t = a.tok(i);
  if (!t || !t.word || t.capital || a.quoteOf[i] !== -1) return null;
  const phrasal = PHRASAL[t.lower];
  if (phrasal) {
    const next = a.tok(i + 1);
    if (next && phrasal.has(next.lower)) return { first: i, last: i + 1, word: t.lower };
    const it = a.tok(i + 2);
    if (t.lower === 'made' && next?.lower === 'it' && it && phrasal.has(it.lower)) {
      return { first: i, last: i + 2, word: t.lower };
    }
    return null;
  }
  return SPEECH_VERBS.has(t.lower) ? { first: i, last: i, word: t.lower } : null;
}

function isAuxiliary(t: Token | undefined): boolean {
  return (
    t !== undefined && t.word && !t.capital && (AUXILIARIES.has(t.lower) || /^[a-z]{3,}ly$/.test(t.lower))
  );
}

interface Subject {
  phrase: Phrase;
  /** First token of the cue: the subject, or the auxiliaries when the subject sits before an aside. */
  cueFirst: number;
  /** The subject is separated from its verb by an aside ("Andrey Lugovoy, suspected …, has told"). */
  aside: boolean;
}

/** Who is the subject of the verb at `i`: "Lavrov (also) said", "Andrey Lugovoy, suspected by …, has told". */
function subjectOf(a: Analysis, i: number): Subject | null {
  const p = a.paragraphOf[i]!;
  const lo = Math.max(a.paragraphs[p]!.first, a.sentenceStart[i]!);
  let j = i - 1;
  for (let n = 0; n < 3 && j >= lo && isAuxiliary(a.tok(j)); n++) j--;
  if (j < lo || a.quoteOf[j] !== -1) return null;
  const direct = speakerEndingAt(a, j, lo);
  if (direct) return { phrase: direct, cueFirst: direct.first, aside: false };
  if (a.tok(j)!.lower === 'and') return coordinatedSubject(a, lo, j);
  // "…, Ruth Adeyemi, who said …": the person named just before the relative pronoun.
  if (a.tok(j)!.lower === 'who' && a.tok(j - 1)?.text === ',' && a.quoteOf[j - 1] === -1) {
    const named = speakerEndingAt(a, j - 2, lo);
    return named && !named.pronoun && isFullName(a, named)
      ? { phrase: named, cueFirst: j, aside: true }
      : null;
  }
  if (a.tok(j)!.text !== ',') return null;
  const opening = speakerStartingAt(a, lo, j);
  if (!opening || opening.pronoun || a.tok(opening.last + 1)?.text !== ',' || opening.last + 1 >= j) {
    // "After the interview, Karl Mott, the union’s general secretary, said …"
    const apposed = apposedSpeaker(a, j - 1, lo);
    if (apposed && a.tok(apposed.first - 1)?.text === ',') {
      return { phrase: apposed, cueFirst: apposed.first, aside: false };
    }
    // "His rival, Sam Oyelaran, said …": a full name between commas after a few words that hold no verb.
    const name = speakerEndingAt(a, j - 1, lo);
    if (!name || name.pronoun || !isFullName(a, name) || a.tok(name.first - 1)?.text !== ',') return null;
    if (name.first - 1 - lo < 1 || name.first - 1 - lo > 4) return null;
    for (let k = lo; k < name.first - 1; k++) {
      if (!a.isWord(k) || a.quoteOf[k] !== -1 || verbAt(a, k)) return null;
    }
    return { phrase: name, cueFirst: name.first, aside: false };
  }
  if (j - opening.last > 40) return null;
  for (let k = opening.last + 1; k < j; k++) if (a.quoteOf[k] !== -1 || verbAt(a, k)) return null;
  const named = withName(a, opening, j - 1);
  if (named.last === j - 1) return { phrase: named, cueFirst: named.first, aside: false };
  return { phrase: opening, cueFirst: j + 1, aside: true };
}

/**
 * The subject of a second verb joined by "and": "Pakistan's foreign ministry rejected the statement … and said
 * …". The sentence must open with the speaker and go straight on to its first verb.
 */
function coordinatedSubject(a: Analysis, lo: number, and: number): Subject | null {
  const opening = speakerStartingAt(a, lo, and - 1);
  if (!opening || opening.pronoun || and - opening.last > 40) return null;
  const verb = a.tok(opening.last + 1);
  if (!verb || !verb.word || verb.capital || CLAUSE_WORDS.has(verb.lower) || NOT_NAMES.has(verb.lower)) {
    return null;
  }
  return { phrase: opening, cueFirst: and, aside: true };
}

/** The listener after "told"/"assured": "RT", "reporters", "the BBC", "him". */
function listenerAt(a: Analysis, i: number, hi: number): number | null {
  const t = a.tok(i);
  if (!t || i > hi || a.quoteOf[i] !== -1) return null;
  let noun = -1;
  if (LISTENERS.has(t.lower)) noun = i;
  else if (DETERMINERS.has(t.lower) && i + 1 <= hi && LISTENERS.has(a.tok(i + 1)?.lower ?? '')) noun = i + 1;
  if (noun !== -1) {
    // "the radio station", "the television programme"
    while (noun + 1 <= hi && a.quoteOf[noun + 1] === -1 && LISTENERS.has(a.tok(noun + 1)!.lower)) noun++;
    // "the broadcaster NRK", "the newspaper Kommersant"
    const name = isName(a, noun + 1) ? speakerStartingAt(a, noun + 1, hi) : null;
    return name && !name.pronoun ? name.last : noun;
  }
  // "the BBC's Today programme", "the Sellen Herald’s podcast": an owner's name, then what of theirs was listening.
  let m = DETERMINERS.has(t.lower) ? i + 1 : i;
  for (let n = 0; n < 4 && m <= hi && a.quoteOf[m] === -1 && a.tok(m)!.capital; n++, m++) {
    if (!isPossessive(a.tok(m)!)) continue;
    while (m + 1 <= hi && a.quoteOf[m + 1] === -1 && a.tok(m + 1)!.capital && !isPossessive(a.tok(m + 1)!))
      m++;
    if (m + 1 <= hi && a.quoteOf[m + 1] === -1 && LISTENERS.has(a.tok(m + 1)!.lower)) return m + 1;
    break;
  }
  const name = speakerStartingAt(a, i, hi);
  return name && !name.pronoun ? name.last : null;
}

/**
 * Where the reported clause begins after a verb whose next token is `k`: after "that" if it comes before the
 * clause does ("said at a news conference that …", "warned Moscow that …"), else right away ("said he expects
 * …"); null when the verb introduces no clause ("said.", "said:", "said at a news conference.").
 */
function clauseStart(a: Analysis, k: number, last: number): number | null {
  const after = skipTime(a, k, last);
  if (after > k) {
    const next = a.tok(after);
    if (!next || after > last || TERMINALS.has(next.text) || next.text === ',') return null;
    if (next.lower === 'that') return after + 1 <= last ? after + 1 : null;
    if (next.word) k = after;
  }
  const t = a.tok(k);
  if (!t || k > last || !t.word || a.quoteOf[k] !== -1) return null;
  if (t.lower === 'that') return k + 1 <= last ? k + 1 : null;
  const adverbial = PREPOSITIONS.has(t.lower);
  const limit = Math.min(last, k + (adverbial ? 15 : 8));
  for (let m = k; m <= limit; m++) {
    const c = a.tok(m)!;
    if (a.quoteOf[m] !== -1) break;
    if (c.lower === 'that') return m + 1 <= last ? m + 1 : null;
    if (adverbial) {
      if (CLAUSE_WORDS.has(c.lower) || verbAt(a, m) || TERMINALS.has(c.text)) break;
      continue;
    }
    // "told the Herald in an interview published on Sunday that …": past the participle's phrase to "that", or
    // nothing.
    if (m === k && /ed$/.test(c.lower) && PREPOSITIONS.has(a.tok(k + 1)?.lower ?? '')) {
      for (let n = k + 1; n <= Math.min(last, k + 8) && a.quoteOf[n] === -1; n++) {
        const w = a.tok(n)!;
        if (w.lower === 'that') return n + 1 <= last ? n + 1 : null;
        if (!w.word || CLAUSE_WORDS.has(w.lower) || verbAt(a, n)) break;
      }
      return null;
    }
    const objectLike = c.capital || LISTENERS.has(c.lower) || DETERMINERS.has(c.lower) || /ly$/.test(c.lower);
    if (!c.word || !objectLike || CLAUSE_WORDS.has(c.lower) || verbAt(a, m)) break;
  }
  return adverbial ? null : k;
}

/**
 * Past the words that say when after a verb ("Monday", "on Tuesday", "later that day"), at most five; `k` itself
 * when there are none.
 */
function skipTime(a: Analysis, k: number, last: number): number {
  let m = k;
  while (m <= Math.min(last, k + 4) && a.quoteOf[m] === -1) {
    const t = a.tok(m)!;
    if (t.lower === 'that' && TIME_NOUNS.has(a.tok(m + 1)?.lower ?? '')) m += 2;
    else if (t.word && TIME_WORDS.has(t.lower)) m++;
    else break;
  }
  // "on" or "last" alone says nothing of when: "said on the radio" is not skipped.
  if (
    m > k &&
    !TIME_NOUNS.has(a.tok(m - 1)!.lower) &&
    !/day$|^(?:yesterday|today|tonight|later|earlier|afterwards)$/.test(a.tok(m - 1)!.lower)
  ) {
    return k;
  }
  return m;
}

/**
 * "said Monday, adding that …", "said on Thursday, blaming …": a cue that ends its clause and hands on to a
 * participle of the same speaker.
 */
function endsAtParticiple(a: Analysis, k: number, last: number): boolean {
  const m = skipTime(a, k, last);
  if (a.tok(m)?.text !== ',' || m >= last || a.quoteOf[m] !== -1) return false;
  const next = a.tok(m + 1)!;
  return next.word && !next.capital && (PARTICIPLES.has(next.lower) || /^[a-z]{3,}ing$/.test(next.lower));
}

/** Nothing after the verb but an adverbial and the end of the sentence: "…, Lavrov said at a news conference." */
function endsSentence(a: Analysis, k: number, last: number): boolean {
  if (k > last) return true;
  const t = a.tok(k)!;
  if (TERMINALS.has(t.text)) return true;
  if (!PREPOSITIONS.has(t.lower) || last - k > LONGEST_ADVERBIAL) return false;
  for (let m = k; m <= last; m++) {
    const c = a.tok(m)!;
    if (a.quoteOf[m] !== -1 || c.lower === 'that' || c.text === ',' || CLAUSE_WORDS.has(c.lower))
      return false;
  }
  return true;
}

interface Draft {
  start: number;
  end: number;
  kind: 'quote' | 'reported';
  cue: string;
  /** Offset of the cue, for reading he/she as the last speaker named before it. */
  cueAt: number;
  speaker: string;
  pronoun: boolean;
}

function draftOf(
  a: Analysis,
  span: { start: number; end: number },
  kind: Draft['kind'],
  phrase: Phrase,
  cueFirst: number,
  cueLast: number,
  aside = false,
): Draft {
  const speaker = a.slice(phrase.first, phrase.last);
  const cue = aside ? `${speaker} … ${a.slice(cueFirst, cueLast)}` : a.slice(cueFirst, cueLast);
  return {
    start: span.start,
    end: span.end,
    kind,
    cue,
    cueAt: a.tok(Math.min(cueFirst, phrase.first))!.start,
    speaker,
    pronoun: phrase.pronoun,
  };
}

/** "‘…,’ Eddie Dempsey said outside the talks": the cue of the quotation before it, not a statement of its own. */
function attributesQuote(a: Analysis, first: number): boolean {
  let k = first - 1;
  if (a.tok(k)?.text === ',' && a.quoteOf[k] === -1) k--;
  const q = k >= 0 ? a.quoteOf[k]! : -1;
  return q !== -1 && a.quotes[q]!.close === k && a.paragraphOf[k] === a.paragraphOf[first];
}

/**
 * Two phrases between commas that end at `j`, one of them a full name: ", its director, Clara Wen" or ", Clara Wen,
 * its director". The statement must come before them, so the first comma is not the sentence's first token.
 */
function apposedSpeaker(a: Analysis, j: number, lo: number): Phrase | null {
  const second = speakerEndingAt(a, j, lo);
  if (!second || second.pronoun || a.tok(second.first - 1)?.text !== ',') return null;
  const first = speakerEndingAt(a, second.first - 2, lo);
  if (!first || first.pronoun || a.tok(first.first - 1)?.text !== ',' || first.first - 1 <= lo) return null;
  if (!isFullName(a, first) && !isFullName(a, second)) return null;
  return { first: first.first, last: second.last, pronoun: false };
}

/** "called its first strike": an event within the next few words after "called", so no statement follows. */
function callsAnEvent(a: Analysis, k: number, last: number): boolean {
  for (let n = k; n <= Math.min(last, k + 3); n++) {
    const t = a.tok(n)!;
    if (!t.word || a.quoteOf[n] !== -1) return false;
    // "called the vote a farce" passes a verdict on the event: a statement after all.
    if (CALLED_EVENTS.has(t.lower))
      return !DETERMINERS.has(a.tok(n + 1)?.lower ?? '') && a.quoteOf[n + 1] === -1;
  }
  return false;
}

/** Reported speech, sentence by sentence, outside quotations. */
function findReported(a: Analysis): Draft[] {
  const found: Draft[] = [];
  let skipTo = 0;
  for (let i = 0; i < a.count; i++) {
    if (i < skipTo || a.quoteOf[i] !== -1 || !a.isWord(i)) continue;
    const length = a.ends[i]! - a.starts[i]!;
    if (length < 3 || length > LONGEST_CUE_WORD) continue;
    const t = a.tok(i)!;
    if (!(t.lower === 'according' && a.tok(i + 1)?.lower === 'to') && !verbAt(a, i)) continue;
    // "A said X; B said Y": a semicolon outside quotation marks bounds a statement like a full stop.
    let last = a.sentenceEnd[i]!;
    let first = a.sentenceStart[i]!;
    // So does ", and Quade said …": another speaker's statement in the same sentence.
    for (let k = i + 1; k <= Math.min(last, i + LONGEST_STATEMENT); k++) {
      if (a.quoteOf[k] !== -1) continue;
      if (a.tok(k)!.text === ';' || newSpeaker(a, k, last)) {
        last = k - 1;
        break;
      }
    }
    for (let k = i - 1; k >= Math.max(first, i - LONGEST_STATEMENT); k--) {
      if (a.quoteOf[k] !== -1) continue;
      if (a.tok(k)!.text === ';') {
        first = k + 1;
        break;
      }
      if (newSpeaker(a, k, last)) {
        first = k + 2;
        break;
      }
    }

    if (t.lower === 'according' && a.tok(i + 1)?.lower === 'to' && i + 2 <= last) {
      const who = withName(a, speakerStartingAt(a, i + 2, last), last);
      if (!who || who.pronoun) continue;
      const after = who.last + 1;
      let span: { start: number; end: number } | null = null;
      if (i === first && a.tok(after)?.text === ',') {
        span = clauseSpan(a, after + 1, last);
      } else if (a.tok(i - 1)?.text === ',' && endsSentence(a, after, last)) {
        span = leadSpan(a, first, i - 2);
      }
      if (span) {
        found.push(draftOf(a, span, 'reported', who, i, who.last));
        skipTo = last + 1;
      }
      continue;
    }

    const verb = verbAt(a, i);
    if (!verb || QUOTE_ONLY_VERBS.has(verb.word)) continue;
    if ((verb.word === 'called' || verb.word === 'calls') && callsAnEvent(a, verb.last + 1, last)) continue;
    const subject = subjectOf(a, i);
    if (subject && !subject.aside && attributesQuote(a, subject.phrase.first)) continue;
    if (!subject) {
      // "…, said Lavrov." — the statement comes first and the cue is inverted.
      const who =
        a.tok(i - 1)?.text === ',' ? withName(a, speakerStartingAt(a, verb.last + 1, last), last) : null;
      if (
        who &&
        !who.pronoun &&
        (endsSentence(a, who.last + 1, last) || endsAtParticiple(a, who.last + 1, last))
      ) {
        const span = leadSpan(a, first, i - 2);
        if (span) {
          found.push(draftOf(a, span, 'reported', who, i, who.last));
          skipTo = last + 1;
        }
        continue;
      }
      // "…, its managing director, Nils Dunmore, said on Monday." — a role and a name between commas.
      const apposed = a.tok(i - 1)?.text === ',' ? apposedSpeaker(a, i - 2, first) : null;
      if (apposed && (endsSentence(a, verb.last + 1, last) || endsAtParticiple(a, verb.last + 1, last))) {
        const span = leadSpan(a, first, apposed.first - 2);
        if (span) {
          found.push(draftOf(a, span, 'reported', apposed, apposed.first, verb.last));
          skipTo = last + 1;
        }
      }
      continue;
    }
    let k = verb.last + 1;
    let cueLast = verb.last;
    if (LISTENER_VERBS.has(verb.word)) {
      const listener = listenerAt(a, k, last);
      if (listener !== null) {
        k = listener + 1;
        cueLast = listener;
      } else if (verb.word === 'told' || verb.word === 'tells') {
        continue;
      }
    }
    const begin = clauseStart(a, k, last);
    if (begin !== null) {
      // "said the fine was deserved but insisted that …": two statements, one for each cue.
      const second = secondCue(a, begin, last);
      const span = clauseSpan(a, begin, second ? second.cut - 1 : last);
      if (span) {
        found.push(draftOf(a, span, 'reported', subject.phrase, subject.cueFirst, cueLast, subject.aside));
        skipTo = last + 1;
      }
      const more = second && clauseSpan(a, second.begin, last);
      if (second && more) {
        const draft = draftOf(a, more, 'reported', subject.phrase, subject.cueFirst, cueLast, subject.aside);
        found.push({ ...draft, cue: `${draft.cue} … ${a.slice(second.cut, second.verbLast)}` });
      }
      continue;
    }
    // "Russia will not extradite him, Lavrov said." — the statement before the comma.
    const before = subject.phrase.first - 1;
    if (
      !subject.aside &&
      a.tok(before)?.text === ',' &&
      before > first &&
      (endsSentence(a, k, last) || endsAtParticiple(a, k, last))
    ) {
      const span = leadSpan(a, first, before - 1);
      if (span) {
        found.push(draftOf(a, span, 'reported', subject.phrase, subject.cueFirst, cueLast));
        skipTo = last + 1;
      }
    }
  }
  return found;
}

/** ", and Quade said", ", but the union insisted": a comma, a conjunction and a new subject with its own cue. */
function newSpeaker(a: Analysis, k: number, last: number): boolean {
  if (a.tok(k)!.text !== ',' || !SWITCHES.has(a.tok(k + 1)?.lower ?? '') || k + 2 > last) return false;
  const who = speakerStartingAt(a, k + 2, last);
  if (!who || who.pronoun) return false;
  let v = who.last + 1;
  for (let n = 0; n < 3 && v <= last && isAuxiliary(a.tok(v)); n++) v++;
  return v <= last && verbAt(a, v) !== null;
}

const SWITCHES = words('and but while whereas');

/**
 * A second cue of the same subject inside a reported clause: "… but insisted that …", "… but added that …", "…
 * and warned that …" (with "and", only before "that", so "… and expressed hope they could …" stays one statement).
 */
function secondCue(
  a: Analysis,
  first: number,
  last: number,
): { cut: number; verbLast: number; begin: number } | null {
  for (let m = first + 1; m < Math.min(last, first + LONGEST_STATEMENT); m++) {
    const t = a.tok(m)!;
    if (a.quoteOf[m] !== -1 || (t.lower !== 'but' && t.lower !== 'and')) continue;
    // "said A, and that B": the same verb reports a second clause.
    if (
      a.tok(m - 1)!.text === ',' &&
      a.tok(m + 1)?.lower === 'that' &&
      m + 2 <= last &&
      a.isWord(m + 2) &&
      !FINITE.has(a.tok(m + 2)!.lower)
    ) {
      return { cut: m, verbLast: m + 1, begin: m + 2 };
    }
    let v = m + 1;
    for (let n = 0; n < 3 && v <= last && isAuxiliary(a.tok(v)); n++) v++;
    const verb = v <= last ? verbAt(a, v) : null;
    if (!verb || QUOTE_ONLY_VERBS.has(verb.word)) continue;
    let k = verb.last + 1;
    if (LISTENER_VERBS.has(verb.word)) k = (listenerAt(a, k, last) ?? verb.last) + 1;
    const begin = clauseStart(a, k, last);
    const saying = SAYING.has(verb.word) && a.tok(v - 1)?.lower === 'and';
    if (begin === null || (t.lower === 'and' && a.tok(begin - 1)?.lower !== 'that' && !saying)) continue;
    return { cut: m, verbLast: verb.last, begin };
  }
  return null;
}

function wordCount(a: Analysis, first: number, last: number): number {
  let n = 0;
  for (let k = first; k <= last; k++) if (a.tok(k)!.word) n++;
  return n;
}

/** A reported clause from token `first` to the end of its sentence, if it has three words or more. */
function clauseSpan(a: Analysis, first: number, last: number): { start: number; end: number } | null {
  if (last - first > LONGEST_STATEMENT) return null;
  // "…, according to Le Monde." names where the report comes from, not what was said; "…, adding …", "…,
  // despite …", "…, a point critics made" and "…, but refused to say …" are the reporter's words after it.
  for (let k = first; k < last - 1; k++) {
    if (a.tok(k)!.text === ',' && a.quoteOf[k] === -1 && reporterTail(a, k + 1)) {
      last = k - 1;
      break;
    }
  }
  if (first > last || wordCount(a, first, last) < 3) return null;
  return trimSpan(a.text, a.tok(first)!.start, a.tok(last)!.end, true);
}

/** Whether the words from `k`, after a comma in a reported clause, are the reporter's and no longer the speaker's. */
function reporterTail(a: Analysis, k: number): boolean {
  const t = a.tok(k)!;
  const next = a.tok(k + 1)?.lower ?? '';
  if (t.lower === 'according') return next === 'to';
  if (REPORTER_TAILS.has(t.lower) || PARTICIPLES.has(t.lower) || CALLING.has(t.lower)) return true;
  if ((t.lower === 'a' || t.lower === 'an') && REPORTER_NOUNS.has(next)) return true;
  return t.lower === 'but' && REFUSALS.has(next);
}

/** The words before an end-of-sentence cue, if they hold no quotation and have three words or more. */
function leadSpan(a: Analysis, first: number, last: number): { start: number; end: number } | null {
  if (last - first > LONGEST_STATEMENT || first > last || wordCount(a, first, last) < 3) return null;
  for (let k = first; k <= last; k++) if (a.quoteOf[k] !== -1) return null;
  let start = a.tok(first)!.start;
  if (a.paragraphs[a.paragraphOf[first]!]!.first === first) {
    const dateline = DATELINE.exec(a.text.slice(start, a.tok(last)!.end));
    if (dateline) start += dateline[0].length;
  }
  return trimSpan(a.text, start, a.tok(last)!.end);
}

/** A wire story's dateline before its first sentence: "NEW DELHI (Reuters) - ", "CORRIN, Oct 2 (Agency) — ". */
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:,[^\n()]{1,40}?)?\s*(?:\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s+/u;

/** The attribution right after a quotation: "…,” said X", "…,” X said", "…,” according to X". */
function cueAfter(a: Analysis, quote: Quote): Draft | null {
  if (quote.close < 0 || !quote.handsOver) return null;
  const p = quote.lastParagraph;
  const hi = a.paragraphs[p]!.end - 1;
  let j = quote.close + 1;
  if (a.inParagraph(j, p)?.text === ',') j++;
  const t = a.inParagraph(j, p);
  if (!t || a.quoteOf[j] !== -1) return null;
  const verb = verbAt(a, j);
  if (verb) {
    const who = withName(a, speakerStartingAt(a, verb.last + 1, hi), hi);
    return who ? draftOf(a, quote, 'quote', who, j, who.last) : null;
  }
  if (t.lower === 'according' && a.inParagraph(j + 1, p)?.lower === 'to') {
    const who = withName(a, speakerStartingAt(a, j + 2, hi), hi);
    return who && !who.pronoun ? draftOf(a, quote, 'quote', who, j, who.last) : null;
  }
  const who = speakerStartingAt(a, j, hi);
  if (!who) return null;
  let k = who.last + 1;
  let aside = false;
  if (a.tok(k)?.text === ',' && !who.pronoun) {
    // "…,” Wang Wentao, China's commerce minister, told reporters.
    let m = k + 1;
    while (m <= Math.min(hi, k + 15) && a.tok(m)!.text !== ',' && a.quoteOf[m] === -1) m++;
    if (m > hi || a.tok(m)!.text !== ',') return null;
    k = m + 1;
    aside = true;
  }
  const auxFirst = k;
  for (let n = 0; n < 3 && k <= hi && isAuxiliary(a.tok(k)); n++) k++;
  const spoken = k <= hi ? verbAt(a, k) : null;
  if (!spoken) return null;
  let cueLast = spoken.last;
  if (LISTENER_VERBS.has(spoken.word)) cueLast = listenerAt(a, spoken.last + 1, hi) ?? cueLast;
  return aside
    ? draftOf(a, quote, 'quote', who, auxFirst, cueLast, true)
    : draftOf(a, quote, 'quote', who, who.first, cueLast);
}

/** The attribution right before a quotation: "X said: “…", "X told reporters: "…", "According to X, “…". */
function cueBefore(a: Analysis, quote: Quote, reported: readonly Draft[]): Draft | null {
  const p = a.paragraphOf[quote.open]!;
  const lo = a.paragraphs[p]!.first;
  let j = quote.open - 1;
  const sep = a.inParagraph(j, p);
  if (!sep || a.quoteOf[j] !== -1) return null;
  if (sep.text === ':' || sep.text === ',') j--;
  if (a.inParagraph(j, p)?.lower === 'that') j--;
  const t = a.inParagraph(j, p);
  if (!t || j < lo || a.quoteOf[j] !== -1) return null;

  // "…,” Pryce warned on Tuesday, “…": the cue's verb before the words that say when.
  let jv = j;
  if (sep.text === ',') {
    while (jv > lo && j - jv < 4 && a.quoteOf[jv] === -1) {
      const w = a.tok(jv)!.lower;
      if (!TIME_WORDS.has(w) && !TIME_NOUNS.has(w) && w !== 'that') break;
      jv--;
    }
    if (jv === j || skipTime(a, jv + 1, j) !== j + 1) jv = j;
  }
  const verb = verbAt(a, jv) ?? (jv > lo ? verbAt(a, jv - 1) : null);
  if (verb && verb.last === jv) {
    const subject = subjectOf(a, verb.first);
    if (subject) {
      return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, verb.last, subject.aside);
    }
  }
  // "Pakistan's foreign ministry rejected the statement as “…”": the quoted words are the subject's verdict.
  if (t.lower === 'as') {
    for (let v = j - 1; v >= Math.max(a.sentenceStart[j]!, j - 8); v--) {
      const w = a.tok(v)!;
      if (a.quoteOf[v] !== -1 || (!w.word && w.text !== '’' && w.text !== "'")) break;
      if (!VERDICT_VERBS.has(w.lower)) continue;
      const subject = subjectOf(a, v);
      if (subject && !subject.phrase.pronoun) {
        return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, v, subject.aside);
      }
      break;
    }
  }
  // "Quade called the decision ‘shameful’": the quoted word is the subject's verdict on what is named.
  for (let v = j - 1; v >= Math.max(a.sentenceStart[j]!, j - 5); v--) {
    const w = a.tok(v)!;
    if (a.quoteOf[v] !== -1 || !w.word) break;
    if (!CALLED.has(w.lower)) {
      if (verbAt(a, v) || CLAUSE_WORDS.has(w.lower)) break;
      continue;
    }
    const subject = subjectOf(a, v);
    if (subject) return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, v, subject.aside);
    break;
  }
  // "X said in a statement: “…", "X wrote on social media: “…", "X told a rally in Sellen: “…"
  if (sep.text === ':') {
    for (let v = j - 1; v >= Math.max(lo, j - 8); v--) {
      const w = a.tok(v)!;
      if (a.quoteOf[v] !== -1 || !w.word || CLAUSE_WORDS.has(w.lower)) break;
      const cue = verbAt(a, v);
      if (!cue) continue;
      const next = a.tok(cue.last + 1)!.lower;
      const adverbial = PREPOSITIONS.has(next) || TIME_WORDS.has(next) || LISTENER_VERBS.has(cue.word);
      const subject = adverbial && cue.last === v ? subjectOf(a, cue.first) : null;
      if (subject) return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j, subject.aside);
      break;
    }
  }
  // "X told reporters: “…"
  for (let v = j - 1; v >= Math.max(lo, j - 6); v--) {
    const listenerVerb = verbAt(a, v);
    if (!listenerVerb || !LISTENER_VERBS.has(listenerVerb.word)) continue;
    if (listenerAt(a, listenerVerb.last + 1, j) !== j) break;
    const subject = subjectOf(a, v);
    if (subject) return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j, subject.aside);
    break;
  }
  // "…, adding: “…" — the speaker of the sentence's own cue.
  if (PARTICIPLES.has(t.lower) && a.tok(j - 1)?.text === ',') {
    const start = a.tok(a.sentenceStart[j]!)!.start;
    const owner = [...reported].reverse().find((d) => d.cueAt >= start && d.cueAt < t.start);
    if (owner) return { ...owner, start: quote.start, end: quote.end, kind: 'quote' };
  }
  // "Otto Pryce was blunt: “…”", "Ashby was equally clear: ‘…’"
  if (sep.text === ':' && MANNERS.has(t.lower)) {
    let v = j - 1;
    if (isAuxiliary(a.tok(v)) || a.tok(v)?.lower === 'equally') v--;
    if (a.tok(v)?.lower === 'was' || a.tok(v)?.lower === 'is') {
      const subject = subjectOf(a, v);
      if (subject && !subject.phrase.pronoun && !subject.aside) {
        return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j);
      }
    }
  }
  if (sep.text === ':' || sep.text === ',') {
    const who = speakerEndingAt(a, j, lo);
    // "Council leader Iris Colby: “…”" — a line of reactions, a person's name and then all they said; or "Otto
    // Pryce, guild chairman: “…”", a full name opening the line and then a role.
    if (who && !who.pronoun && sep.text === ':' && endsParagraph(a, quote)) {
      let line: Phrase | null = who.first === lo && isPerson(a, who) ? who : null;
      if (!line && who.first > lo && a.tok(who.first - 1)?.text === ',') {
        const name = speakerEndingAt(a, who.first - 2, lo);
        if (name && name.first === lo && isFullName(a, name))
          line = { first: lo, last: who.last, pronoun: false };
      }
      if (line) return draftOf(a, quote, 'quote', line, line.first, j);
    }
    if (who && !who.pronoun) {
      const v = who.first - 1;
      const inverted = verbAt(a, v);
      if (inverted && inverted.last === v && sep.text === ':') {
        // "Quade warned the government: “…”": with a subject before the verb, the name after it is a listener.
        const subject = subjectOf(a, inverted.first);
        if (subject) {
          return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j, subject.aside);
        }
        return draftOf(a, quote, 'quote', who, v, who.last);
      }
      if (a.tok(v)?.lower === 'to' && a.tok(v - 1)?.lower === 'according') {
        return draftOf(a, quote, 'quote', who, v - 1, who.last);
      }
    }
  }
  return null;
}

/** The participle of ", calling the plan “…" before a quotation, within four words and no verb. */
function callingBefore(a: Analysis, quote: Quote): number | null {
  const lo = a.sentenceStart[quote.open]!;
  for (let k = quote.open - 1; k >= Math.max(lo + 1, quote.open - 5); k--) {
    const t = a.tok(k)!;
    if (!t.word || a.quoteOf[k] !== -1) return null;
    if (CALLING.has(t.lower)) return a.tok(k - 1)!.text === ',' && k < quote.open - 1 ? k : null;
    // "calling it", "calling them": a pronoun may be the object; a finite verb may not.
    if (verbAt(a, k) || FINITE.has(t.lower)) return null;
  }
  return null;
}

/** Whether nothing but a full stop follows the quotation in its paragraph. */
function endsParagraph(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  if (quote.lastParagraph !== p || quote.close === -1) return quote.lastParagraph === p;
  for (let k = quote.close + 1; k < a.paragraphs[p]!.end; k++)
    if (!TERMINALS.has(a.tok(k)!.text)) return false;
  return true;
}

/**
 * "“We are ready,” he said, adding that talks could resume": a participle after a cue reports more of the same
 * speaker, up to the end of the sentence, unless a statement already covers it.
 */
function findParticiples(a: Analysis, statements: readonly Draft[]): Draft[] {
  const byCue = [...statements].sort((x, y) => x.cueAt - y.cueAt);
  const byStart = [...statements].sort((x, y) => x.start - y.start);
  const furthest: number[] = [];
  for (const d of byStart) furthest.push(Math.max(d.end, furthest.at(-1) ?? 0));
  /** Whether a statement overlaps [start, end): the furthest end among those starting before `end`. */
  const covered = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthest[lo - 1]! > start;
  };
  const found: Draft[] = [];
  for (let i = 1; i < a.count; i++) {
    if (a.quoteOf[i] !== -1 || !a.isWord(i) || a.code(i - 1) !== 0x2c) continue;
    const t = a.tok(i)!;
    if (!PARTICIPLES.has(t.lower)) continue;
    const last = a.sentenceEnd[i]!;
    const sentenceAt = a.starts[a.sentenceStart[i]!]!;
    // The last cue before the participle, if it is in the same sentence.
    let lo = 0;
    let hi = byCue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byCue[mid]!.cueAt < t.start) lo = mid + 1;
      else hi = mid;
    }
    let owner: Draft | undefined = byCue[lo - 1];
    if (!owner || owner.cueAt < sentenceAt) owner = verdictOwner(a, a.sentenceStart[i]!, i);
    if (!owner) continue;
    const begin = clauseStart(a, i + 1, last);
    const span = begin === null ? null : clauseSpan(a, begin, last);
    if (!span || covered(span.start, span.end)) continue;
    found.push({ ...owner, ...span, kind: 'reported', cue: `${owner.cue}, ${t.text}` });
  }
  return found;
}

/**
 * "The Chamber of Commerce welcomed the deal, saying …": a sentence that opens with its speaker and a verdict
 * verb, the participle `at` reporting what the speaker said.
 */
function verdictOwner(a: Analysis, first: number, at: number): Draft | undefined {
  const who = speakerStartingAt(a, first, at - 1);
  if (!who || who.pronoun) return undefined;
  let v = who.last + 1;
  for (let n = 0; n < 3 && v < at && isAuxiliary(a.tok(v)); n++) v++;
  const verb = a.tok(v);
  if (!verb || !VERDICT_VERBS.has(verb.lower) || a.quoteOf[v] !== -1) return undefined;
  for (let k = v + 1; k < at; k++) if (a.quoteOf[k] !== -1 || verbAt(a, k)) return undefined;
  return draftOf(a, { start: 0, end: 0 }, 'reported', who, who.first, v);
}

/** Whether the quotation opens a sentence (so it may be the same speaker's next sentence, not a scare quote). */
function opensSentence(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  const prev = a.inParagraph(quote.open - 1, p);
  if (!prev) return true;
  if (TERMINALS.has(prev.text)) return true;
  const q = a.quoteOf[quote.open - 1]!;
  return q !== -1 && a.quotes[q]!.close === quote.open - 1 && a.sentenceStart[quote.open] === quote.open;
}

// ---------------------------------------------------------------------------------------------------------------
// Putting it together

function gender(speaker: string): 'm' | 'f' | null {
  const first = speaker
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .split(/[\s.]+/)[0];
  if (first && MALE_TITLES.has(first)) return 'm';
  if (first && FEMALE_TITLES.has(first)) return 'f';
  return null;
}

/** A forename and a surname: "Lena Ortiz". */
const FULL_NAME = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+\s+(?=(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}]))/gu;

/** Words that end the name of a body or a place rather than a person ("Foreign Office", "Middle East"). */
const NOT_PERSONS = words(`
  commission house ministry office government council union states kingdom republic federation party bank court
  parliament assembly department agency service embassy police army nations organisation organization company
  group times post news guard forces committee fund treaty agreement east west north south sea ocean river
  island islands city region valley gulf coast
`);

const PERSON_ROLE =
  /\b(?:minister|president|secretary|spokesman|spokeswoman|spokesperson|ambassador|envoy|negotiator|chancellor|premier|diplomat|official|commissioner|mediator|economist|analyst|senator|mayor|governor|prosecutor|lawyer|chairman|chairwoman|leader|chief|adviser|advisor|aide|king|queen|prince|counterpart)\b/i;

/** Whether a phrase reads as one person: a title, a role, or a plain full name. */
function isPerson(a: Analysis, phrase: Phrase): boolean {
  const speaker = a.slice(phrase.first, phrase.last);
  if (gender(speaker) || PERSON_ROLE.test(speaker)) return true;
  let names = 0;
  for (let k = phrase.first; k <= phrase.last; k++) {
    if (PARTICLES.has(a.tok(k)!.text) || isTitleDot(a, k)) continue;
    if (!isName(a, k)) return false;
    names++;
  }
  return names >= 2 && !NOT_PERSONS.has(a.tok(phrase.last)!.lower);
}

/** A name and nothing else: "Thorgerdur Katrin Gunnarsdottir", "Mr Olsen" — not "a Norwegian negotiator". */
function isFullName(a: Analysis, phrase: Phrase): boolean {
  for (let k = phrase.first; k <= phrase.last; k++) {
    if (!isName(a, k) && !isTitleDot(a, k) && !PARTICLES.has(a.tok(k)!.text)) return false;
  }
  return isPerson(a, phrase);
}

/**
 * People who open a sentence as its subject with no statement of their own ("Norwegian fisheries minister X opened the
 * session."): he or she in the next sentences may be them. A subject in apposition ("Iceland's foreign minister,
 * Thorgerdur Gunnarsdottir, rejected …") is taken by the name between the commas.
 */
function subjectMentions(a: Analysis): Draft[] {
  const mentions: Draft[] = [];
  // Where each surname was first given with a forename: "Ortiz seized on …" after "Lena Ortiz" names her.
  const named = new Map<string, number>();
  for (const m of a.text.matchAll(FULL_NAME)) {
    const key = m[1]!.toLowerCase();
    if (!named.has(key)) named.set(key, m.index);
  }
  for (let s = 0; s < a.count; s = a.sentenceEnd[s]! + 1) {
    if (a.quoteOf[s] !== -1) continue;
    const last = a.sentenceEnd[s]!;
    let phrase = speakerStartingAt(a, s, last);
    if (!phrase || phrase.pronoun) continue;
    const after = a.tok(phrase.last + 1);
    if (after?.text === ',') {
      const inner = speakerStartingAt(a, phrase.last + 2, last);
      if (inner && !inner.pronoun && a.tok(inner.last + 1)?.text === ',' && isFullName(a, inner))
        phrase = inner;
    } else if (!after || !after.word || after.capital) {
      continue;
    }
    // "Lavrov said." names a speaker even with nothing reported.
    const known =
      phrase.first === phrase.last && (named.get(a.tok(phrase.first)!.lower) ?? Infinity) < a.starts[s]!;
    if (!known && !isPerson(a, phrase) && !(phrase.last + 1 <= last && verbAt(a, phrase.last + 1))) continue;
    const speaker = a.slice(phrase.first, phrase.last);
    mentions.push({
      start: 0,
      end: 0,
      kind: 'reported',
      cue: '',
      cueAt: a.tok(s)!.start,
      speaker,
      pronoun: false,
    });
  }
  return mentions;
}

/**
 * The word a person goes by later: the last word of the name, not of a role or complement around it ("Brell" of
 * "Regional analyst Tomas Brell of the Halden Institute", "Tolley" of "Bram Tolley, the association’s chair").
 */
function surname(speaker: string): string {
  const parts = speaker.split(',').map((part) => part.split(/\s+(?:of|for|at|in|from)\s+/)[0]!.trim());
  const name = parts.find((part) => /(?:^|\s)\p{Lu}[^\s]*$/u.test(part)) ?? parts[0]!;
  return (name.split(/\s+/).pop() ?? '').toLowerCase();
}

/**
 * he/she → the most recent speaker named before the cue, or person who opened a sentence (`mentions`), skipping
 * one whose title (here or elsewhere in the text: "Ms Gunnarsdottir") says otherwise. When people already known
 * as speakers are named between that speaker's statement and the cue ("Varga met Osei. “…,” he said."), he or she
 * is the one of them (or that speaker, unless one of them is a sentence's subject) it can be: the only one not
 * known to be of the other sex (the previous speaker when none is); failing that, nobody, and the statement is
 * not offered. Who he or she turns out to be is remembered for the next cue.
 */
function resolvePronouns(
  a: Analysis,
  drafts: Draft[],
  mentions: readonly Draft[],
  isBody: (speaker: string) => boolean,
): void {
  // A statement after the mention of its own speaker: the statement is the nearer.
  const named = [...drafts.filter((d) => !d.pronoun), ...mentions].sort(
    (x, y) => x.cueAt - y.cueAt || x.end - y.end,
  );
  const genders = new Map<string, 'm' | 'f'>();
  const people = new Set<string>();
  for (const d of named) {
    const g = gender(d.speaker);
    const key = surname(d.speaker);
    if (g) genders.set(key, g);
    if (
      /^\p{Lu}/u.test(key.length ? d.speaker.slice(d.speaker.toLowerCase().lastIndexOf(key)) : '') &&
      !NOT_PERSONS.has(key) &&
      !isBody(d.speaker)
    )
      people.add(key);
  }
  const ordered = drafts.filter((d) => d.pronoun).sort((x, y) => x.cueAt - y.cueAt);
  let n = 0;
  for (const d of ordered) {
    while (n < named.length && named[n]!.cueAt < d.cueAt) n++;
    const wanted = /^she$/i.test(d.speaker) ? 'f' : 'm';
    let previous: Draft | null = null;
    for (let k = n - 1; k >= Math.max(0, n - 50); k--) {
      const g = genders.get(surname(named[k]!.speaker));
      if (g && g !== wanted) continue;
      previous = named[k]!;
      break;
    }
    if (!previous) continue;
    // From the sentence after the one holding the previous speaker's statement and cue.
    const after = a.sentenceEnd[tokenAt(a, Math.max(previous.end, previous.cueAt))]!;
    const { keys: between, subject } = namedBetween(a, a.ends[after]!, d.cueAt, people);
    if (between.length === 0) {
      d.speaker = previous.speaker;
      d.pronoun = false;
      genders.set(surname(previous.speaker), wanted);
      continue;
    }
    // Unless one of them opens a sentence as its subject, the previous speaker may still be meant.
    const last = surname(previous.speaker);
    if (!subject && !between.includes(last)) between.push(last);
    const possible = between.filter((key) => (genders.get(key) ?? wanted) === wanted);
    // Everyone named since is of the other sex: he or she is still the previous speaker.
    if (possible.length === 0) possible.push(last);

    let who: Draft | undefined;
    for (let k = n - 1; k >= Math.max(0, n - 50) && possible.length === 1 && !who; k--) {
      if (surname(named[k]!.speaker) === possible[0]) who = named[k];
    }
    if (who) {
      d.speaker = who.speaker;
      d.pronoun = false;
      genders.set(possible[0]!, wanted);
    }
  }
}

/** A word of an opening phrase before a sentence's subject: "later", "for", "on Tuesday", a comma. */
function leadsIn(t: Token): boolean {
  if (!t.word) return t.text === ',';
  return (
    PREPOSITIONS.has(t.lower) ||
    DETERMINERS.has(t.lower) ||
    AUXILIARIES.has(t.lower) ||
    /^\p{N}/u.test(t.text) ||
    (!t.capital && /ly$/.test(t.lower)) ||
    (t.capital && NOT_NAMES.has(t.lower) && !SUBJECT_PRONOUNS.has(t.lower) && !CLAUSE_WORDS.has(t.lower))
  );
}

/**
 * The known people (by surname) named outside quotations between two offsets, each once, and whether one of them
 * is the first name of its sentence (its subject, as a rule: "Varga met Osei", "For Ashby, that is …").
 */
function namedBetween(
  a: Analysis,
  from: number,
  to: number,
  people: ReadonlySet<string>,
): { keys: string[]; subject: boolean } {
  const keys: string[] = [];
  let subject = false;
  if (to - from > 2000) return { keys, subject };
  for (let k = tokenAt(a, from); k < a.count && a.starts[k]! < to; k++) {
    if (a.starts[k]! < from || a.quoteOf[k] !== -1 || !isName(a, k) || isName(a, k + 1)) continue;
    const key = a.tok(k)!.lower;
    if (!people.has(key)) continue;
    if (!keys.includes(key)) keys.push(key);
    const start = a.sentenceStart[k]!;
    let run = k;
    while (run > start && k - run < LONGEST_NAME && (isName(a, run - 1) || isTitleDot(a, run - 1))) run--;
    // Only an opening phrase before it: "Later Tolley met …", "For Ashby, …", not "She blamed Pratt".
    let opening = run - start <= 6;
    for (let m = start; m < run && opening; m++) opening = leadsIn(a.tok(m)!);
    if (opening) subject = true;
  }
  return { keys, subject };
}

/** Whether the quotation is its paragraph's only content: opened at its start, closed at its end. */
function wholeParagraph(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  const range = a.paragraphs[p]!;
  if (quote.open !== range.first || quote.lastParagraph !== p) return false;
  if (quote.close === -1) return true;
  for (let k = quote.close + 1; k < range.end; k++) if (!TERMINALS.has(a.tok(k)!.text)) return false;
  return true;
}

/** Whether the quotation opens its paragraph and closes on the end of a sentence: “We will picket.” The … */
function opensParagraph(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  return (
    quote.open === a.paragraphs[p]!.first &&
    quote.lastParagraph === p &&
    quote.close > 0 &&
    TERMINALS.has(a.tok(quote.close - 1)!.text)
  );
}

/** The token that holds offset `at` (the last one starting at or before it). */
function tokenAt(a: Analysis, at: number): number {
  let lo = 0;
  let hi = a.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

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

/** Words before a transcript's colon that name no speaker. */
const NOT_SPEAKERS = words(`
  q a question questions answer moderator reporter reporters journalist interviewer host presenter chair note
  update editor correction watch read photo video source sources audience voice voices unidentified
`);

/** A transcript turn's speaker: one to three words in capitals before a colon that opens the paragraph. */
function turnSpeaker(a: Analysis, p: number): { colon: number; name: string } | null {
  const range = a.paragraphs[p]!;
  for (let k = range.first; k < Math.min(range.end, range.first + 4); k++) {
    const t = a.tok(k)!;
    if (t.text === ':' && k > range.first) {
      return { colon: k, name: a.slice(range.first, k - 1) };
    }
    if (!t.word || t.text.length < 2 || t.text !== t.text.toUpperCase() || !/\p{Lu}/u.test(t.text))
      return null;
  }
  return null;
}

/**
 * A transcript: at least three paragraphs open with a name in capitals and a colon ("CALDWELL: …",
 * "QUESTION: …"). Each answer is a statement of the one who gives it; questions and the moderator's words are not.
 */
function findTurns(a: Analysis): Draft[] {
  const turns = a.paragraphs.map((_, p) => turnSpeaker(a, p));
  if (turns.filter(Boolean).length < 3) return [];
  const found: Draft[] = [];
  turns.forEach((turn, p) => {
    if (!turn) return;
    const range = a.paragraphs[p]!;
    const name = turn.name.toLowerCase();
    if (name.split(' ').some((w) => NOT_SPEAKERS.has(w))) return;
    const last = a.tok(range.end - 1)!;
    if (last.text === '?' || turn.colon + 1 >= range.end) return;
    const span = trimSpan(a.text, a.ends[turn.colon]!, last.end, true);
    if (!span) return;
    const speaker = name.replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, before: string, c: string) => before + c.toUpperCase(),
    );
    found.push({
      ...span,
      kind: 'quote',
      cue: `${turn.name}:`,
      cueAt: a.starts[range.first]!,
      speaker,
      pronoun: false,
    });
  });
  return found;
}

const QUESTION_MARKS = words('q question interviewer');
const ANSWER_MARKS = words('a answer');

/**
 * A Q&A interview: paragraphs opening "Q:" (or "Question:", "Interviewer:") and "A:" (or "Answer:", or the
 * surname of the one interviewed: "Lunn:"). The answers are statements of the one person named as the
 * subject of a sentence in the introduction before the first question ("Edda Lunn has run the port …"); with no
 * such person, or two, nobody can be sure who answers and nothing is offered.
 */
function findInterview(a: Analysis): Draft[] {
  /** The word before a colon that opens paragraph `p` ("q", "a", "lunn"), if any. */
  const marker = (p: number) => {
    const range = a.paragraphs[p]!;
    const t = a.tok(range.first)!;
    return t.word && a.tok(range.first + 1)?.text === ':' && range.end > range.first + 2 ? t.lower : null;
  };
  const first = a.paragraphs.findIndex((_, p) => QUESTION_MARKS.has(marker(p) ?? ''));
  if (first < 1) return [];
  const people = new Map<string, Phrase>();
  for (let p = 0; p < first; p++) {
    const range = a.paragraphs[p]!;
    for (let s = range.first; s < range.end; s = a.sentenceEnd[s]! + 1) {
      const phrase = speakerStartingAt(a, s, a.sentenceEnd[s]!);
      if (phrase && !phrase.pronoun && isFullName(a, phrase)) {
        people.set(surname(a.slice(phrase.first, phrase.last)), phrase);
      }
    }
  }
  if (people.size !== 1) return [];
  const [key, who] = [...people][0]!;
  const speaker = a.slice(who.first, who.last);
  const found: Draft[] = [];
  for (let p = first + 1; p < a.paragraphs.length; p++) {
    const mark = marker(p);
    if (mark === null || !(ANSWER_MARKS.has(mark) || mark === key)) continue;
    const range = a.paragraphs[p]!;
    if (a.tok(range.end - 1)!.text === '?') continue;
    const span = trimSpan(a.text, a.ends[range.first + 1]!, a.ends[range.end - 1]!, true);
    if (span) {
      const cue = a.slice(range.first, range.first + 1);
      found.push({ ...span, kind: 'quote', cue, cueAt: a.starts[range.first]!, speaker, pronoun: false });
    }
  }
  return found;
}

/** The colon after one to three capitalised words that open paragraph `p` ("Sorvald:", "Mira Sorvald:"), if any. */
function namedTurnColon(a: Analysis, p: number): number | null {
  const range = a.paragraphs[p]!;
  for (let k = range.first; k < Math.min(range.end - 1, range.first + 4); k++) {
    const t = a.tok(k)!;
    if (t.text === ':' && k > range.first) return k;
    if (!t.word || !t.capital) return null;
  }
  return null;
}

/**
 * A transcript whose turns are marked in mixed case: paragraphs opening with the surname or full name of a person
 * introduced earlier in the text as the subject of a sentence, and a colon ("Sorvald: …"). With at least three turns
 * (counting "Q:" and "A:"), each turn is a statement of the person it names, except questions and the turns of
 * whoever mostly asks them (the interviewer). A surname two people share names nobody.
 */
function findNamedTurns(a: Analysis): Draft[] {
  const people = new Map<string, string | null>();
  const introduce = (name: string, full: string) =>
    people.set(name, people.has(name) && people.get(name) !== full ? null : full);
  const turns: Array<{ p: number; colon: number; speaker: string }> = [];
  let marked = 0;
  a.paragraphs.forEach((range, p) => {
    const colon = namedTurnColon(a, p);
    if (colon !== null) {
      const name = a.slice(range.first, colon - 1);
      const speaker = people.get(name);
      if (speaker) turns.push({ p, colon, speaker });
      if (speaker || QUESTION_MARKS.has(name.toLowerCase()) || ANSWER_MARKS.has(name.toLowerCase())) {
        if (!speaker) marked++;
        return;
      }
    }
    for (let s = range.first; s < range.end; s = a.sentenceEnd[s]! + 1) {
      const phrase = speakerStartingAt(a, s, a.sentenceEnd[s]!);
      if (phrase && !phrase.pronoun && phrase.last > phrase.first && isFullName(a, phrase)) {
        const full = a.slice(phrase.first, phrase.last);
        introduce(full, full);
        introduce(a.tok(phrase.last)!.text, full);
      }
    }
  });
  if (turns.length < 2 || turns.length + marked < 3) return [];
  const asks = (t: { p: number }) => a.tok(a.paragraphs[t.p]!.end - 1)!.text === '?';
  const questions = new Map<string, number>();
  for (const t of turns) questions.set(t.speaker, (questions.get(t.speaker) ?? 0) + (asks(t) ? 1 : -1));
  const found: Draft[] = [];
  for (const turn of turns) {
    if (asks(turn) || questions.get(turn.speaker)! > 0) continue;
    const range = a.paragraphs[turn.p]!;
    const span = trimSpan(a.text, a.ends[turn.colon]!, a.ends[range.end - 1]!, true);
    if (!span) continue;
    const cue = `${a.slice(range.first, turn.colon - 1)}:`;
    found.push({
      ...span,
      kind: 'quote',
      cue,
      cueAt: a.starts[range.first]!,
      speaker: turn.speaker,
      pronoun: false,
    });
  }
  return found;
}

/**
 * Statements listed after their cue: "Wen also said:" and then one paragraph per item, each opening with a bullet
 * or a lower-case word. Each item is a statement of the cue's subject.
 */
function findLists(a: Analysis): Draft[] {
  const found: Draft[] = [];
  a.paragraphs.forEach((range, p) => {
    const colon = range.end - 1;
    if (a.tok(colon)!.text !== ':' || a.quoteOf[colon] !== -1) return;
    // "Wen also said:", "Ferris told reporters:"
    let verb: Verb | null = null;
    for (let v = colon - 1; v >= Math.max(range.first, colon - 7) && !verb; v--) {
      const found = verbAt(a, v);
      if (!found) continue;
      const end = LISTENER_VERBS.has(found.word) ? listenerAt(a, found.last + 1, colon - 1) : found.last;
      if (end === colon - 1) verb = found;
      else break;
    }
    if (!verb) return;
    const subject = subjectOf(a, verb.first);
    if (!subject) return;
    for (let q = p + 1; q < a.paragraphs.length && q <= p + 30; q++) {
      const item = a.paragraphs[q]!;
      let first = item.first;
      const t = a.tok(first)!;
      if (!t.word && BULLETS.has(t.text)) first++;
      else if (!t.word || t.capital) break;
      if (first >= item.end || a.quoteOf[first] !== -1) break;
      const span = trimSpan(a.text, a.starts[first]!, a.ends[item.end - 1]!, true);
      if (!span || wordCount(a, first, item.end - 1) < 3) break;
      found.push(draftOf(a, span, 'reported', subject.phrase, subject.cueFirst, colon - 1, subject.aside));
    }
  });
  return found;
}

const BULLETS = new Set(['-', '–', '—', '•', '*', '·', '▪', '◦']);

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
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

/** A person named by surname alone, perhaps with a title: "Okafor", "Mr Okafor". */
const SURNAME_ONLY = /^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+$/u;

/** Roles of people who comment from outside: their nationality or employer does not make them a side. */
const INDEPENDENT =
  /\b(?:analysts?|economists?|experts?|observers?|academics?|professors?|researchers?|historians?|commentators?|pollsters?|scientists?|strategists?)\b/;

/**
 * For an analyst, economist or the like, only their own name can tie them to a party: "Veldrian economist Piet
 * Ruud" is read as "Piet Ruud", "analysts at a Tovan bank" as nobody. Null for other speakers.
 */
function independentName(speaker: string): string | null {
  const match = INDEPENDENT.exec(speaker);
  if (!match) return null;
  return speaker
    .slice(match.index + match[0].length)
    .split(/,|\s(?:of|at|for|from|in|with)\s/)[0]!
    .trim();
}

/** A speaker named only by what kind of body they speak for: "the company", "a spokesman for the union". */
const REFERS_BACK =
  /\b(?:the|its)\s+(?:company|firm|union|group|organisation|organization|association|operator|authority|body)\b/i;

/**
 * A speaker named only by a role ("the foreign minister", "the ministry") speaks for the party of those named by
 * that role earlier in the text ("Veldria’s foreign minister, Lena Varga", "the energy ministry"); null unless
 * they all point to one party.
 */
function partyOfRole(
  text: string,
  partyOf: (speaker: string) => string | null,
  speaker: string,
  before: number,
): string | null {
  const role = /^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+((?:[a-z]+\s+){0,2}[a-z]+)$/.exec(speaker.trim())?.[1];
  if (!role || !ROLE_HEADS.has(role.split(/\s+/).pop()!)) return null;
  const found = partyOfMentions(text, partyOf, role, before);
  // "a government spokeswoman", "a ministry official": the body named before speaks through them.
  const body = role.split(/\s+/)[0]!;
  return found === undefined && body !== role && BODIES.has(body)
    ? (partyOfMentions(text, partyOf, body, before) ?? null)
    : (found ?? null);
}

const BODIES = words(
  'government ministry embassy party union company administration presidency council authority department',
);

/** The one party of the earlier mentions of a role; null if they point to several, undefined if to none. */
function partyOfMentions(
  text: string,
  partyOf: (speaker: string) => string | null,
  role: string,
  before: number,
): string | null | undefined {
  // The nearest few mentions within a few pages before: enough for a story, bounded for a long text.
  const earlier = text.slice(Math.max(0, before - 4000), before);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${role.replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  const mentions = [...earlier.matchAll(pattern)].slice(-8);
  const found = new Set<string>();
  for (const m of mentions) {
    const at = m.index;
    // The words against the role before it ("Veldria’s", "the energy"), up to three, and what follows it: an
    // apposed name (", Lena Varga,") or a complement ("of Lowmere Water").
    const own = earlier
      .slice(Math.max(0, at - 80), at)
      .split(/\s+/)
      .slice(at > 80 ? 1 : 0)
      .filter(Boolean)
      .slice(-3);
    let from = own.length;
    while (from > 0 && qualifies(own[from - 1]!)) from--;
    const tail = earlier.slice(at + m[0].length, at + m[0].length + 80);
    const after =
      /^(?:,\s+[^,.;:!?“”"]{1,40}(?=[,.;:])|\s+(?:of|for|at|in)\s+[^,.;:!?“”"]{1,40})/u.exec(tail)?.[0] ?? '';
    const party = partyOf(`${own.slice(from).join(' ')} ${m[0]}${after}`.replace(/\s+/g, ' ').trim());
    if (party) found.add(party);
    // "Lena Ortiz, the roads minister": the name apposed before the role.
    const holder = HOLDER_BEFORE.exec(earlier.slice(Math.max(0, at - 80), at))?.[1];
    const holderParty = holder ? partyOf(holder) : null;
    if (holderParty) found.add(holderParty);
  }
  return found.size === 1 ? [...found][0]! : found.size === 0 ? undefined : null;
}

/** A capitalised name, a comma and "the" with up to two words before a role: "Lena Ortiz, the roads ". */
const HOLDER_BEFORE =
  /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}),\s+(?:the|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;

/** A word that can stand before a role in its holder's description: "Veldria’s", "the", "energy", "Tovan". */
function qualifies(word: string): boolean {
  const lower = word.toLowerCase();
  return /^\p{Lu}/u.test(word) || /['’]s?$/.test(word) || DETERMINERS.has(lower) || ROLE_MODIFIERS.has(lower);
}

/** Whether the speaker is the party itself, under one of its names: "Network Rail", "the islanders’ council". */
function ownName(parties: readonly Party[], speaker: string, partyId: string): boolean {
  const party = parties.find((p) => p.id === partyId);
  return (
    party !== undefined && [party.name, party.short, ...party.aliases].some((name) => sameName(name, speaker))
  );
}

function sameName(name: string, speaker: string): boolean {
  const plain = (words: string) =>
    words
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/^(?:the|a|an)\s+/, '')
      .trim();
  return plain(name) === plain(speaker);
}

// ---------------------------------------------------------------------------------------------------------------
// Notebook operations

export function suggestionKey(documentId: string, start: number, end: number): string {
  return `${documentId}:${start}:${end}`;
}

/**
 * The statements of one document offered as draft highlights, without those the user dismissed and those
 * already highlighted (a highlight covering more than half of the statement).
 */
export function suggestStatements(nb: Notebook, documentId: string): Suggestion[] {
  const { document, annotations, needsReview } = openDocument(nb, documentId);
  const dismissed = new Set(nb.dismissedSuggestions);
  const review = new Set(needsReview);
  const highlighted = annotations.filter((x) => !review.has(x.id)).map((x) => x.target);
  const suggestions: Suggestion[] = [];
  for (const found of findStatements(document.text, nb.parties)) {
    const key = suggestionKey(document.id, found.start, found.end);
    if (dismissed.has(key)) continue;
    if (highlighted.some((target) => overlap(target, found) * 2 > found.end - found.start)) continue;
    suggestions.push({ key, documentId: document.id, ...found });
  }
  return suggestions;
}

/** Records that the user dismissed a suggestion, so it is not offered again; dismissing it twice is harmless. */
export function dismissSuggestion(nb: Notebook, key: string): { key: string } {
  const match = typeof key === 'string' && key.length <= 300 ? /^(.+):(\d{1,9}):(\d{1,9})$/.exec(key) : null;
  if (!match) {
    throw new ParleyError(
      `"${String(key).slice(0, 100)}" is not a suggestion: it should read document:start:end.`,
      'invalid',
    );
  }
  const doc = getDocument(nb, match[1]!);
  const start = Number(match[2]);
  const end = Number(match[3]);
  if (start >= end || end > doc.text.length) {
    throw new ParleyError(
      `The suggestion ${key} does not lie inside the text of "${doc.title.slice(0, 100)}".`,
      'invalid',
    );
  }
  if (!nb.dismissedSuggestions.includes(key)) nb.dismissedSuggestions.push(key);
  return { key };
}
