// Written for Parley's command table: the toolbar's buttons and its Export menu's items are the table's commands
// (shared/commands.ts): the slim toolbar keeps the frequent ones, the rest are in the menu; and neither component
// writes a command's name out itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { COMMANDS, exportMenuItems, toolbarLabel, type CommandSpec } from '../../../shared/commands';

const table: readonly CommandSpec[] = COMMANDS;

test('the slim toolbar shows the frequent commands, read from each command, and the rare ones are in the menu', () => {
  assert.deepEqual(
    (
      [
        'toggle-library',
        'import',
        'suggestions',
        'find',
        'close-find',
        'undo',
        'redo',
        'command-palette',
      ] as const
    ).map(toolbarLabel),
    ['Library', 'Import…', 'Suggestions', 'Find', 'Find', 'Undo', 'Redo', 'Commands'],
  );
  // The short toolbar label is the only difference from the menu's: Find, not Find….
  assert.equal(table.find((command) => command.id === 'find')?.label, 'Find…');
  // What left the toolbar is still in the application menu (and so in the command palette).
  for (const id of ['parties', 'codebook', 'export-markdown', 'import-annotations']) {
    const command = table.find((c) => c.id === id);
    assert.equal(command?.toolbar, undefined, `${id} has no toolbar button`);
    assert.ok(command?.menu, `${id} is in the application menu`);
  }
});

test("the Export menu lists its exports in order, each one of the table's commands", () => {
  assert.deepEqual(exportMenuItems(), [
    { id: 'export-document', label: 'Markdown: this document…' },
    { id: 'export-document-cited', label: 'Markdown with Pandoc citations: this document…' },
    { id: 'export-topic', label: 'Markdown: one topic…' },
    { id: 'export-notebook-file', label: 'Markdown: whole notebook, one file…' },
    { id: 'export-notebook-folder', label: 'Markdown: whole notebook, one file per document…' },
    { id: 'export-csv', label: 'CSV of highlights…' },
    { id: 'export-comparison-markdown', label: 'Comparison (Markdown)…' },
    { id: 'export-accounts', label: 'Accounts of an event (Markdown tables)…' },
    { id: 'export-w3c-document', label: 'W3C annotations (JSON-LD): this document…' },
    { id: 'export-w3c-notebook', label: 'W3C annotations (JSON-LD): whole notebook…' },
  ]);
});

/** Every string the source writes out: string literals, template text and JSX text, trimmed. */
function writtenStrings(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("the toolbar and the Export menu write out none of the table's command names", () => {
  const names = new Set(
    table.flatMap((command) => [
      command.label,
      ...(command.toolbar?.label ? [command.toolbar.label] : []),
      ...(command.exportMenu ? [command.exportMenu.label] : []),
    ]),
  );
  for (const path of ['renderer/components/toolbar.tsx', 'renderer/components/export-menu.tsx']) {
    const strings = writtenStrings(path);
    assert.ok(strings.length > 0, `${path} was read`);
    assert.deepEqual(
      strings.filter((text) => names.has(text)),
      [],
      `${path} writes out a command's name`,
    );
  }
});
