/**
 * An event's accounts as Markdown: front matter, the event as the heading, the accounts listed with their title,
 * source and date, then one table of the aligned statements (a row per statement, a column per account, an empty
 * cell where an account does not give it, "(wording differs)" after a wording unlike the row's first), then per
 * account what the others report and it omits. Cells are flattened to one line and escaped as the comparison's are,
 * so no `|` or line break can split the table.
 */
import type { AccountStatement } from '../../../shared/contract';
import type { Notebook } from '../../../shared/model';
import { escapeHeading, escapeInline, tableCell, yamlString, yamlStringList } from '../markdown-text';
import { alignAccounts } from './align';
import { wordingKey } from './words';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `“quote” — Lavrov (¶4)`, escaped for a table cell or a list item; `where` goes before the place. */
function statementText(s: AccountStatement, where = ''): string {
  const speaker = oneLine(s.speaker);
  const place = `(${where ? `${tableCell(where)} ` : ''}${tableCell(s.place)})`;
  return `“${tableCell(s.quote)}”${speaker ? ` — ${tableCell(speaker)}` : ''} ${place}`;
}

/**
 * A front matter string whose `<` is written `\u003C` (the same character to a YAML reader), so that a reader that
 * takes the front matter for text sees no HTML tag in it.
 */
function frontString(value: string): string {
  return yamlString(value).replace(/</g, '\\u003C');
}

/** A front matter list of such strings. */
function frontList(values: readonly string[]): string {
  return yamlStringList(values).replace(/</g, '\\u003C');
}

export function exportAccountsMarkdown(nb: Notebook, eventId: string, options: { now: Date }): string {
  const { event, accounts, rows, omissions } = alignAccounts(nb, eventId);
  const docs = new Map(nb.documents.map((doc) => [doc.id, doc]));
  const out: string[] = ['---', `event: ${frontString(event.name)}`];
  if (event.date !== '') out.push(`date: ${frontString(event.date)}`);
  out.push(
    `accounts: ${frontList(accounts.map((a) => a.label))}`,
    `exported: ${frontString(options.now.toISOString())}`,
    '---',
    '',
    `# ${escapeHeading(oneLine(event.name))}`,
    '',
    event.date !== ''
      ? `Accounts of the event of ${event.date}, one column each:`
      : 'Accounts of the event, one column each:',
    '',
  );
  for (const account of accounts) {
    const doc = docs.get(account.documentId);
    const details = [oneLine(doc?.source ?? ''), doc?.published.slice(0, 10) ?? ''].filter((d) => d !== '');
    const title = oneLine(account.title) || 'Untitled';
    out.push(
      `- ${escapeInline(account.label)}: *${escapeInline(title)}*${details.length > 0 ? ` (${escapeInline(details.join(', '))})` : ''}`,
    );
  }

  out.push('', '## Statements', '');
  if (rows.length === 0) {
    out.push('No statements were found in these accounts.');
  } else {
    out.push(
      'One row per statement, one column per account; an empty cell is a statement that account does not give.',
      '',
      `| ${accounts.map((a) => tableCell(a.label)).join(' | ')} |`,
      `|${accounts.map(() => ' --- |').join('')}`,
    );
    for (const row of rows) {
      const first = row.cells.find((c) => c !== null);
      const firstKey = first ? wordingKey(first.quote) : '';
      const cells = row.cells.map((cell) => {
        if (cell === null) return ' ';
        const differs = wordingKey(cell.quote) !== firstKey ? ' (wording differs)' : '';
        return ` ${statementText(cell)}${differs} `;
      });
      out.push(`|${cells.join('|')}|`);
    }
  }

  out.push('', '## Omissions');
  accounts.forEach((account, i) => {
    out.push('', `### What ${escapeHeading(account.label)} omits`, '');
    const missing = omissions[i] ?? [];
    if (missing.length === 0) {
      out.push('Nothing that the other accounts report is missing from it.');
      return;
    }
    for (const r of missing) {
      const cells = rows[r]!.cells;
      const other = cells.findIndex((c) => c !== null);
      out.push(`- ${statementText(cells[other]!, accounts[other]!.label)}`);
    }
  });
  return out.join('\n') + '\n';
}
