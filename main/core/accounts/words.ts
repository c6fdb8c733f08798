/**
 * The words two accounts of one statement are compared by. Reporters change the wording around what was said, so
 * only content words count: lower-cased, without accents, stemmed (Porter, as topic proposals stem), without English
 * stop words, reporting verbs and the modal verbs that reported speech changes ("will" becomes "would"), with
 * "n't" read as "not", number words as digits and the commonest irregular past tenses as their present.
 */
import { stemmer } from 'stemmer';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';

/**
 * Words that say how or when something was said, or shift with reported speech ("I think", "today" becoming "on
 * Monday", "will" becoming "would", "we" becoming "Russia"), not what was said; and the pronouns and pieces of
 * contractions the stop words lack.
 */
const NOT_CONTENT = `
  said say says saying told tell tells stated state states added add adds also just would will shall could can
  may might must let lets going really very mr mrs ms dr think thinks believe believes today yesterday tomorrow
  tonight monday tuesday wednesday thursday friday saturday sunday us its she hers ours theirs itself ourselves
  themselves yourself re ve ll
`;
/** Stop words that carry what was said: "out of the question", "never". */
const MEANINGFUL = new Set(['out', 'never']);
const STOP = new Set(
  [...ENGLISH_STOP_WORDS, ...NOT_CONTENT.split(/\s+/)]
    .map((w) => w.toLowerCase())
    .filter((w) => w !== '' && !MEANINGFUL.has(w)),
);

const NUMBERS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  hundred: '100',
  thousand: '1000',
};

/** Irregular past forms that the stemmer leaves apart from their present. */
const IRREGULAR: Readonly<Record<string, string>> = Object.fromEntries(
  `sent:send made:make held:hold gave:give given:give took:take taken:take got:get thought:think brought:bring
   saw:see seen:see knew:know known:know came:come met:meet understood:understand won:win lost:lose left:leave
   kept:keep found:find led:lead began:begin begun:begin spoke:speak spoken:speak wrote:write written:write
   heard:hear felt:feel meant:mean became:become chose:choose chosen:choose fell:fall ran:run stood:stand
   paid:pay sought:seek taught:teach put:put set:set built:build bought:buy broke:break broken:break
   went:go gone:go did:do done:do had:have has:have`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

/** The words of a text, lower-cased and without accents, with "n't" as "not" and "won't" as "will not". */
export function plainWords(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/n't\b/g, ' not')
    .replace(/'s\b/g, '');
  return plain.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words that turn a statement into its opposite. */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'cannot',
  'without',
]);

/**
 * Whether a text says no: it has a negating word ("did not expect", "no obstacles", "never", "nor"), an answer's
 * opening "No." or "No," aside. A statement that says no and one that does not are not the same statement, however
 * many words they share ("expects Iran to accept" against "did not expect Iran to accept"). Whether, not how many:
 * "not allowing …, nor are we going to allow …" says no as "would not allow …" does.
 */
export function isNegated(text: string): boolean {
  const body = text.replace(/^\s*["“‘']?\s*no\s*[.,;:!]\s*/i, '');
  return plainWords(body).some((word) => NEGATORS.has(word));
}

/** The content words' stems of a text, each once, in the order they first come. */
export function contentStems(text: string): string[] {
  const out = new Set<string>();
  for (const word of plainWords(text)) {
    if (STOP.has(word)) continue;
    const number = NUMBERS[word];
    if (number !== undefined) {
      out.add(number);
      continue;
    }
    if (word.length < 2 && !/\d/.test(word)) continue;
    out.add(stemmer(IRREGULAR[word] ?? word));
  }
  return [...out];
}

/** A text's words as compared for "the same wording": case, accents and punctuation apart. */
export function wordingKey(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu);
  return (words ?? []).join(' ');
}
