/**
 * The bench's figures, their targets and how they are printed: a table for people, or with --json one object with
 * exactly the figures' keys, so that runs can be compared by a script.
 */

/** Every figure, in the order the table and the JSON object list them. Milliseconds unless the name says. */
export const FIGURE_KEYS = [
  'paint_ms',
  'paint_markjs_ms',
  'add_one_ms',
  'save_ms',
  'save_raw_ms',
  'load_ms',
  'reanchor_ms',
  'reanchor_naive_ms',
  'reanchor_agree',
  'export_md_ms',
  'search_ms',
  'search_index_ms',
  'renderer_heap_mb',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

export interface Row {
  figure: FigureKey;
  value: number;
  target: string;
  peer: string;
  ratio: string;
  /** null where there is no target. */
  met: boolean | null;
}

/** Figures left out by --only are undefined; they print as "—". */
const ms = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value)
    ? '—'
    : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '—');

/** The table's rows: each figure against its target, and against its peer where it has one. */
export function assess(f: Figures): Row[] {
  const paintRatio = f.paint_markjs_ms / f.paint_ms;
  const saveRatio = f.save_ms / f.save_raw_ms;
  const reanchorRatio = f.reanchor_naive_ms / f.reanchor_ms;
  const plain = (figure: FigureKey, limit: number): Row => ({
    figure,
    value: f[figure],
    target: `≤ ${limit} ms`,
    peer: '',
    ratio: '',
    met: f[figure] <= limit,
  });
  return [
    {
      figure: 'paint_ms',
      value: f.paint_ms,
      target: '≤ 50 ms, ≥ 10× faster',
      peer: `mark.js ${ms(f.paint_markjs_ms)}`,
      ratio: `${times(paintRatio)} faster`,
      met: f.paint_ms <= 50 && paintRatio >= 10,
    },
    {
      figure: 'paint_markjs_ms',
      value: f.paint_markjs_ms,
      target: '(peer)',
      peer: '',
      ratio: '',
      met: null,
    },
    plain('add_one_ms', 16),
    {
      figure: 'save_ms',
      value: f.save_ms,
      target: '≤ 2× raw',
      peer: `raw write ${ms(f.save_raw_ms)}`,
      ratio: `${times(saveRatio)} raw`,
      met: saveRatio <= 2,
    },
    { figure: 'save_raw_ms', value: f.save_raw_ms, target: '(peer)', peer: '', ratio: '', met: null },
    plain('load_ms', 200),
    {
      figure: 'reanchor_ms',
      value: f.reanchor_ms,
      target: '≥ 5× faster',
      peer: `fuzzy quote search ${ms(f.reanchor_naive_ms)}`,
      ratio: `${times(reanchorRatio)} faster`,
      met: reanchorRatio >= 5,
    },
    {
      figure: 'reanchor_naive_ms',
      value: f.reanchor_naive_ms,
      target: '(peer)',
      peer: '',
      ratio: '',
      met: null,
    },
    {
      figure: 'reanchor_agree',
      value: f.reanchor_agree,
      target: '≥ 0.99',
      peer: '',
      ratio: '',
      met: f.reanchor_agree >= 0.99,
    },
    plain('export_md_ms', 200),
    plain('search_ms', 30),
    plain('search_index_ms', 500),
    {
      figure: 'renderer_heap_mb',
      value: f.renderer_heap_mb,
      target: '(none)',
      peer: '',
      ratio: '',
      met: null,
    },
  ];
}

function formatValue(figure: FigureKey, value: number): string {
  if (figure === 'reanchor_agree') return value.toFixed(4);
  if (figure === 'renderer_heap_mb') return `${value.toFixed(1)} MB`;
  return ms(value);
}

/** A plain-text table (also valid Markdown) of the figures, with a yes/no per target. */
export function formatTable(f: Figures): string {
  const header = ['figure', 'value', 'target', 'peer', 'ratio', 'met?'];
  // A part left out (--only) leaves its figures unmeasured: their rows are left out too.
  const measured = (row: Row) => Number.isFinite(row.value);
  const rows = assess(f)
    .filter(measured)
    .map((row) => [
      row.figure,
      formatValue(row.figure, row.value),
      row.target,
      row.peer,
      row.ratio,
      row.met === null ? '' : row.met ? 'yes' : 'NO',
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * The one JSON object: exactly FIGURE_KEYS, in that order, each a finite number (rounded to 0.01, agreement to
 * 0.0001). A figure that is missing or not a number is an error, never a silent null.
 */
export function formatJson(f: Partial<Record<string, number>>): string {
  const extra = Object.keys(f).filter((key) => !(FIGURE_KEYS as readonly string[]).includes(key));
  if (extra.length > 0) throw new Error(`Unknown figures: ${extra.join(', ')}.`);
  const out: Record<string, number> = {};
  for (const key of FIGURE_KEYS) {
    const value = f[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`The figure ${key} was not measured (${String(value)}).`);
    }
    const scale = key === 'reanchor_agree' ? 10_000 : 100;
    out[key] = Math.round(value * scale) / scale;
  }
  return JSON.stringify(out);
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('No runs to take the median of.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
