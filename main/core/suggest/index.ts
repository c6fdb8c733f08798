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
 *
 * words.ts: the word lists; tokens.ts: words, paragraphs, quotations and sentences; verbs.ts and speakers.ts: speech
 * verbs and the phrases that name a speaker; cues.ts: what hangs on a cue; reported.ts and quotations.ts: reported
 * speech and who said each quotation; pronouns.ts: he and she; turns.ts: transcripts, interviews and lists;
 * speaker-parties.ts: the party of a speaker named by role; statements.ts: all of it together; notebook.ts: the
 * suggestions a document offers, and dismissing one.
 */
export { findStatements, type FoundStatement } from './statements';
export { dismissSuggestion, suggestionKey, suggestStatements } from './notebook';
