// An event's accounts side by side: one column per account, headed by its label, each its whole text with the
// statements it shares with the others marked (and, in them, the words the others give differently), the columns
// scrolling together so shared statements stay level. Above them, the chosen statement's wordings set word
// against word; under each head, the statements the other accounts give and this one omits, each a way to the
// account that gives it. A statement is a button (by role, so it wraps with its text): choosing it brings it level
// in every column.
import type { JSX } from 'preact';
import { useId, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { AccountsAlignment, AccountStatement, DiffPart } from '../../shared/contract';
import { columnBlocks, omissionsOf, rowAt, wordDiff, type ColumnBlock } from '../accounts';
import { shortQuote } from '../format';
import type { AccountsFocus, AccountText } from '../state/accounts';
import { useLinkedScroll } from './linked-scroll';
import './accounts.css';

interface AccountsColumnsProps {
  alignment: AccountsAlignment;
  texts: ReadonlyMap<string, AccountText>;
  focus: AccountsFocus | null;
  focusTick: number;
  onFocus: (focus: AccountsFocus) => void;
}

/** A diff's parts as marked text: words only in the first wording struck out, those only in the second inserted. */
export function DiffText({ parts }: { parts: DiffPart[] }): JSX.Element {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'deleted' ? (
          <del key={i}>{part.text}</del>
        ) : part.kind === 'inserted' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** What a statement's control says beyond its words, to a screen reader: where else it is, or that it is alone. */
function whereElse(alignment: AccountsAlignment, row: number, column: number): string {
  const { cells, wording } = alignment.rows[row]!;
  const others = cells.flatMap((cell, i) =>
    cell && i !== column ? [`${alignment.accounts[i]?.label ?? ''} ${cell.place}`] : [],
  );
  if (others.length === 0) return ' (only in this account)';
  return ` (also in ${others.join(', ')}${wording === 'differs' ? ', wording differs' : ''})`;
}

interface ColumnTextProps {
  account: AccountText;
  alignment: AccountsAlignment;
  column: number;
  current: number | null;
  onChoose: (cell: AccountStatement) => void;
}

function ColumnText({ account, alignment, column, current, onChoose }: ColumnTextProps): JSX.Element {
  const blocks = useMemo(
    () => columnBlocks(account.text, account.blocks, alignment, column),
    [account, alignment, column],
  );
  return (
    <>
      {blocks.map((block) => (
        <Block
          key={block.block.start}
          block={block}
          text={account.text}
          alignment={alignment}
          column={column}
          current={current}
          onChoose={onChoose}
        />
      ))}
    </>
  );
}

function Block({
  block,
  text,
  alignment,
  column,
  current,
  onChoose,
}: Omit<ColumnTextProps, 'account'> & { block: ColumnBlock; text: string }): JSX.Element {
  // Runs of pieces of one statement make one element: the first run of a statement is its button.
  const runs: Array<{ row: number | null; first: boolean; pieces: ColumnBlock['pieces'] }> = [];
  for (const piece of block.pieces) {
    const last = runs[runs.length - 1];
    if (last && piece.row !== null && last.row === piece.row) last.pieces.push(piece);
    else runs.push({ row: piece.row, first: piece.first, pieces: [piece] });
  }
  const Tag = block.block.kind === 'heading' ? 'h3' : 'p';
  return (
    <Tag class={`accounts__block accounts__block--${block.block.kind}`} data-start={block.block.start}>
      {runs.map((run) => {
        const words = run.pieces.map((piece) =>
          piece.differs ? (
            <ins key={piece.start} class="statement__differs">
              {text.slice(piece.start, piece.end)}
            </ins>
          ) : (
            text.slice(piece.start, piece.end)
          ),
        );
        if (run.row === null) return <span key={run.pieces[0]!.start}>{words}</span>;
        const row = run.row;
        const shared = alignment.rows[row]!.cells.filter(Boolean).length > 1;
        const className = `statement statement--${shared ? 'shared' : 'alone'}${row === current ? ' statement--current' : ''}`;
        if (!run.first) {
          return (
            <mark key={run.pieces[0]!.start} class={className} data-row={row}>
              {words}
            </mark>
          );
        }
        const cell = alignment.rows[row]!.cells[column]!;
        // A button that wraps with the text around it, as a <button> (an inline block) would not.
        return (
          <span
            key={run.pieces[0]!.start}
            role="button"
            tabIndex={0}
            class={className}
            data-row={row}
            aria-pressed={row === current}
            onClick={() => onChoose(cell)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              onChoose(cell);
            }}
          >
            {words}
            <span class="visually-hidden">{whereElse(alignment, row, column)}</span>
          </span>
        );
      })}
    </Tag>
  );
}

/** The chosen statement's wordings: each account's against the first that gives it, or a highlight's against one. */
function Wording({
  alignment,
  row,
  focus,
}: {
  alignment: AccountsAlignment;
  row: number | null;
  focus: AccountsFocus | null;
}): JSX.Element {
  const headingId = useId();
  const label = (documentId: string) =>
    alignment.accounts.find((a) => a.documentId === documentId)?.label ?? '';
  let body: JSX.Element;
  if (focus?.parts && focus.parts.length > 0) {
    const cell =
      row === null ? null : alignment.rows[row]?.cells.find((c) => c?.documentId === focus.documentId);
    body = (
      <div class="wording__line">
        <span class="wording__label">
          Your highlight{focus.from ? ` in ${focus.from}` : ''} against {label(focus.documentId)}
          {cell ? ` ${cell.place}` : ''}
        </span>
        <q class="wording__quote">
          <DiffText parts={focus.parts} />
        </q>
      </div>
    );
  } else if (row !== null && alignment.rows[row]) {
    const { cells } = alignment.rows[row]!;
    const first = cells.findIndex((cell) => cell !== null);
    body = (
      <>
        {cells.map((cell, column) => {
          if (!cell) return null;
          const reference = column === first ? null : cells[first]!;
          return (
            <div key={column} class="wording__line">
              <span class="wording__label">
                {alignment.accounts[column]?.label} {cell.place}
                {cell.speaker ? ` · ${cell.speaker}` : ''}
              </span>
              <q class="wording__quote">
                {reference ? <DiffText parts={wordDiff(reference.quote, cell.quote)} /> : cell.quote}
              </q>
            </div>
          );
        })}
        {cells.filter(Boolean).length < alignment.accounts.length && (
          <p class="wording__missing">
            Not in{' '}
            {cells
              .flatMap((cell, column) => (cell ? [] : [alignment.accounts[column]?.label ?? '']))
              .join(', ')}
            .
          </p>
        )}
      </>
    );
  } else {
    body = (
      <p class="wording__hint">
        Choose a marked statement in a column to bring it level in every account and see its wordings here.
      </p>
    );
  }
  return (
    <section class="wording" aria-labelledby={headingId} aria-live="polite">
      <h2 id={headingId} class="wording__heading">
        Wording
      </h2>
      {body}
    </section>
  );
}

function Omissions({
  alignment,
  column,
  onChoose,
}: {
  alignment: AccountsAlignment;
  column: number;
  onChoose: (cell: AccountStatement) => void;
}): JSX.Element {
  const missing = omissionsOf(alignment, column);
  const label = alignment.accounts[column]?.label ?? '';
  if (missing.length === 0) {
    return <p class="omissions omissions--none">Omits none of the others’ statements.</p>;
  }
  return (
    <details class="omissions">
      <summary>
        Omits {missing.length === 1 ? '1 statement' : `${missing.length} statements`} the others give
      </summary>
      <ul class="omissions__list" aria-label={`Statements not in ${label}`}>
        {missing.map(({ row, cell, column: at }) => (
          <li key={row}>
            <button type="button" class="link-button omissions__item" onClick={() => onChoose(cell)}>
              <q class="omissions__quote">{shortQuote(cell.quote, 90)}</q>{' '}
              <span class="omissions__where">
                {alignment.accounts[at]?.label} {cell.place}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function AccountsColumns({ alignment, texts, focus, focusTick, onFocus }: AccountsColumnsProps) {
  const { accounts } = alignment;
  const linked = useLinkedScroll(accounts.length);
  const ready = accounts.every((account) => texts.has(account.documentId));
  const focusColumn = focus ? accounts.findIndex((a) => a.documentId === focus.documentId) : -1;
  const current = focus && focusColumn >= 0 ? rowAt(alignment, focusColumn, focus.start, focus.end) : null;
  const root = useRef<HTMLDivElement>(null);

  // New text or a new alignment moves the statements: measured again.
  useLayoutEffect(() => linked.invalidate(), [alignment, texts, linked.invalidate]);

  // A place asked for (a statement chosen, an omission, an "also in"): brought level once its columns are drawn.
  const handled = useRef(-1);
  useLayoutEffect(() => {
    if (!ready || !focus || handled.current === focusTick || focusColumn < 0) return;
    handled.current = focusTick;
    const column = root.current?.querySelectorAll<HTMLElement>('.accounts__column')[focusColumn];
    if (!column) return;
    if (current !== null) {
      linked.bringLevel(current, focusColumn);
      column
        .querySelector<HTMLElement>(`[role=button][data-row="${current}"]`)
        ?.focus({ preventScroll: true });
      return;
    }
    // No statement there: the paragraph that holds the place comes into view.
    const blocks = [...column.querySelectorAll<HTMLElement>('[data-start]')];
    const block = blocks.filter((b) => Number(b.dataset.start) <= focus.start).pop();
    if (block) column.scrollTop = block.offsetTop - column.clientHeight * 0.3;
  }, [ready, focusTick, focus, focusColumn, current, linked]);

  const choose = (cell: AccountStatement) =>
    onFocus({ documentId: cell.documentId, start: cell.start, end: cell.end });

  return (
    <div class="accounts__body" ref={root}>
      <Wording alignment={alignment} row={current} focus={focus} />
      <div class="accounts__grid" style={{ '--accounts': accounts.length }}>
        {accounts.map((account, column) => (
          <header
            key={`head-${account.documentId}`}
            class="accounts__head"
            style={{ gridColumn: column + 1 }}
          >
            <h2 class="accounts__label">{account.label}</h2>
            <p class="accounts__title">{account.title}</p>
          </header>
        ))}
        {accounts.map((account, column) => (
          <div key={`omits-${account.documentId}`} class="accounts__omits" style={{ gridColumn: column + 1 }}>
            <Omissions alignment={alignment} column={column} onChoose={choose} />
          </div>
        ))}
        {accounts.map((account, column) => {
          const text = texts.get(account.documentId);
          return (
            <div
              key={`text-${account.documentId}`}
              ref={linked.ref(column)}
              class="accounts__column"
              style={{ gridColumn: column + 1 }}
              role="region"
              aria-label={`Text of ${account.label}`}
              tabIndex={0}
              data-document-id={account.documentId}
              onScroll={() => linked.onScroll(column)}
            >
              <div class="accounts__text">
                {text ? (
                  <ColumnText
                    account={text}
                    alignment={alignment}
                    column={column}
                    current={current}
                    onChoose={choose}
                  />
                ) : (
                  <p class="accounts__reading">Reading…</p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
