/**
 * Accounts of one event: the statements each account gives (statements.ts), the same statement found across them
 * (align.ts, on the words of words.ts), a highlight's "also in" (also-in.ts), the comparison by account
 * (compare.ts) and the Markdown export of the alignment (markdown.ts).
 */
export { accountStatements, type Statement } from './statements';
export { alignAccounts, MIN_SCORE } from './align';
export { alsoIn } from './also-in';
export { compareAccounts } from './compare';
export { exportAccountsMarkdown } from './markdown';
