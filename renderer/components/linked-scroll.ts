// Columns that scroll together: when the reader scrolls one column, each other column follows so that the
// statements the two share stay level at a reading line a third of the way down (in proportion between two shared
// statements); and a statement can be brought level in every column that gives it. Positions are measured from
// the page once per layout (again after a render or a resize), not on every scroll.
import { useCallback, useEffect, useRef } from 'preact/hooks';
import { followPosition, levelPairs } from '../accounts';

/** Where the reading line is, from a column's top, as a share of its height. */
const LINE = 0.3;

interface Layout {
  /** Per column: each statement's top in the column's content (by row), and the content's height. */
  rows: Array<Map<number, number>>;
  heights: number[];
}

/** A statement's top in its column's content, whatever the column's scroll. */
function contentTop(element: Element, column: HTMLElement): number {
  return element.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
}

function measure(columns: ReadonlyArray<HTMLElement | null>): Layout {
  const rows = columns.map((column) => {
    const found = new Map<number, number>();
    if (!column) return found;
    for (const element of column.querySelectorAll<HTMLElement>('[data-row]')) {
      const row = Number(element.dataset.row);
      if (!found.has(row)) found.set(row, contentTop(element, column));
    }
    return found;
  });
  return { rows, heights: columns.map((column) => column?.scrollHeight ?? 0) };
}

export interface LinkedScroll {
  /** Give each column's element (by index) and its scroll events to these. */
  ref: (index: number) => (element: HTMLElement | null) => void;
  onScroll: (index: number) => void;
  /** Brings a statement level in every column that gives it, at the reading line where the columns allow. */
  bringLevel: (row: number, from: number) => void;
  /** Measures again at the next scroll (after the columns' content changed). */
  invalidate: () => void;
}

export function useLinkedScroll(count: number): LinkedScroll {
  const columns = useRef<Array<HTMLElement | null>>([]);
  const layout = useRef<Layout | null>(null);
  /** The scroll position each column was last moved to here: its scroll event is not the reader's. */
  const expected = useRef(new Map<number, number>());
  const refs = useRef(new Map<number, (element: HTMLElement | null) => void>());

  const current = (): Layout => (layout.current ??= measure(columns.current.slice(0, count)));
  const invalidate = useCallback(() => {
    layout.current = null;
  }, []);

  const move = (index: number, top: number) => {
    const column = columns.current[index];
    if (!column) return;
    column.scrollTop = Math.max(0, top);
    expected.current.set(index, column.scrollTop);
  };

  /** Every other column (but those held) follows the one at `from`. */
  const follow = (from: number, held: ReadonlySet<number> = new Set()) => {
    const driver = columns.current[from];
    if (!driver) return;
    const { rows, heights } = current();
    const y = driver.scrollTop + driver.clientHeight * LINE;
    for (let other = 0; other < count; other++) {
      const column = columns.current[other];
      if (other === from || held.has(other) || !column) continue;
      const pairs: Array<[number, number]> = [];
      for (const [row, top] of rows[from] ?? []) {
        const there = rows[other]?.get(row);
        if (there !== undefined) pairs.push([top, there]);
      }
      const at = followPosition(y, levelPairs(pairs), [heights[from] ?? 0, heights[other] ?? 0]);
      move(other, at - column.clientHeight * LINE);
    }
  };

  const onScroll = useCallback(
    (index: number) => {
      const column = columns.current[index];
      if (!column) return;
      const moved = expected.current.get(index);
      expected.current.delete(index);
      if (moved !== undefined && Math.abs(column.scrollTop - moved) < 2) return;
      follow(index);
    },
    [count],
  );

  const bringLevel = useCallback(
    (row: number, from: number) => {
      const giving = current().rows.flatMap((found, index) => {
        const top = found.get(row);
        return top === undefined || !columns.current[index] ? [] : [{ index, top }];
      });
      const driver = columns.current[from];
      if (giving.length === 0 || !driver) return;
      // A statement near the start of a column cannot come down to the line: all stop where it stops.
      const line = Math.min(driver.clientHeight * LINE, ...giving.map((g) => g.top));
      for (const { index, top } of giving) move(index, top - line);
      // The columns that do not give it follow the one asked for (or the first that gives it).
      const level = new Set(giving.map((g) => g.index));
      follow(level.has(from) ? from : giving[0]!.index, level);
    },
    [count],
  );

  // A column or its text that changes size (the window, an omissions list opened, fonts) moves its statements.
  useEffect(() => {
    const observer = new ResizeObserver(() => invalidate());
    for (const column of columns.current.slice(0, count)) {
      if (!column) continue;
      observer.observe(column);
      if (column.firstElementChild) observer.observe(column.firstElementChild);
    }
    return () => observer.disconnect();
  }, [count, invalidate]);

  const ref = useCallback((index: number) => {
    let bound = refs.current.get(index);
    if (!bound) {
      bound = (element: HTMLElement | null) => {
        columns.current[index] = element;
        layout.current = null;
      };
      refs.current.set(index, bound);
    }
    return bound;
  }, []);

  return { ref, onScroll, bringLevel, invalidate };
}
