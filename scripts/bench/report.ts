/**
 * The bench's figures, their targets and how they are printed: a table for people, or with --json one object with
 * exactly the figures' keys, so that runs can be compared by a script.
 */

/** Every figure, in the order the table and the JSON object list them. Milliseconds unless the name says. */
export const FIGURE_KEYS = [
  'paint_ms',
  'paint_markjs_ms',
  'add_one_ms',
  'delete_one_ms',
  'open_ms',
  'scroll_frame_ms',
  'open_heap_mb',
  'renderer_heap_mb',
  'save_ms',
  'save_raw_ms',
  'load_ms',
  'reanchor_ms',
  'reanchor_naive_ms',
  'reanchor_agree',
  'reanchor_correct',
  'reanchor_naive_correct',
  'reanchor_wrong',
  'reanchor_naive_wrong',
  'reanchor_version_ms',
  'export_md_ms',
  'search_ms',
  'search_cold_ms',
  'search_index_ms',
  'import_html_ms',
  'import_html_typical_ms',
  'import_pathological_ms',
  'import_pdf_ms',
  'import_docx_ms',
  'load_100k_ms',
  'save_100k_ms',
  'save_raw_100k_ms',
  'save_one_100k_ms',
  'search_100k_ms',
  'export_all_100k_ms',
  'sync_converge_ms',
  'sync_converge_raw_ms',
  'sync_join_ms',
  'sync_join_raw_ms',
  'sync_join_mb',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

/** Figures that are shares (0–1), printed with four decimals; those ending in _mb are megabytes. */
const SHARES: ReadonlySet<FigureKey> = new Set([
  'reanchor_agree',
  'reanchor_correct',
  'reanchor_naive_correct',
  'reanchor_wrong',
  'reanchor_naive_wrong',
]);

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
const share = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(4);

/** How one figure is judged: its target in words, whether it is met, and its peer and ratio where it has one. */
interface Judge {
  target: string;
  met: (f: Figures) => boolean | null;
  peer?: (f: Figures) => string;
  ratio?: (f: Figures) => string;
}

const atMost = (key: FigureKey, limit: number, unit = 'ms'): Judge => ({
  target: `≤ ${limit.toLocaleString('en')} ${unit}`,
  met: (f) => f[key] <= limit,
});
const peerOnly: Judge = { target: '(peer)', met: () => null };
const none: Judge = { target: '(none)', met: () => null };

/** Each figure's target, peer and ratio. */
const JUDGES: Record<FigureKey, Judge> = {
  paint_ms: {
    target: '≤ 50 ms, ≥ 10× faster',
    met: (f) => f.paint_ms <= 50 && f.paint_markjs_ms / f.paint_ms >= 10,
    peer: (f) => `mark.js ${ms(f.paint_markjs_ms)}`,
    ratio: (f) => `${times(f.paint_markjs_ms / f.paint_ms)} faster`,
  },
  paint_markjs_ms: peerOnly,
  add_one_ms: atMost('add_one_ms', 8),
  delete_one_ms: atMost('delete_one_ms', 16),
  open_ms: atMost('open_ms', 300),
  scroll_frame_ms: atMost('scroll_frame_ms', 16),
  open_heap_mb: atMost('open_heap_mb', 100, 'MB'),
  renderer_heap_mb: none,
  save_ms: {
    target: '≤ 2× raw',
    met: (f) => f.save_ms / f.save_raw_ms <= 2,
    peer: (f) => `raw write ${ms(f.save_raw_ms)}`,
    ratio: (f) => `${times(f.save_ms / f.save_raw_ms)} raw`,
  },
  save_raw_ms: peerOnly,
  load_ms: atMost('load_ms', 200),
  reanchor_ms: {
    target: '≥ 5× faster',
    met: (f) => f.reanchor_naive_ms / f.reanchor_ms >= 5,
    peer: (f) => `fuzzy quote search ${ms(f.reanchor_naive_ms)}`,
    ratio: (f) => `${times(f.reanchor_naive_ms / f.reanchor_ms)} faster`,
  },
  reanchor_naive_ms: peerOnly,
  reanchor_agree: { target: '≥ 0.99', met: (f) => f.reanchor_agree >= 0.99 },
  reanchor_correct: {
    target: '≥ 0.99',
    met: (f) => f.reanchor_correct >= 0.99,
    peer: (f) => `fuzzy quote search ${share(f.reanchor_naive_correct)}`,
  },
  reanchor_naive_correct: peerOnly,
  reanchor_wrong: {
    target: '≤ fuzzy search',
    met: (f) => f.reanchor_wrong <= f.reanchor_naive_wrong,
    peer: (f) => `fuzzy quote search ${share(f.reanchor_naive_wrong)}`,
  },
  reanchor_naive_wrong: peerOnly,
  reanchor_version_ms: atMost('reanchor_version_ms', 500),
  export_md_ms: atMost('export_md_ms', 200),
  search_ms: atMost('search_ms', 30),
  search_cold_ms: atMost('search_cold_ms', 500),
  search_index_ms: atMost('search_index_ms', 500),
  import_html_ms: atMost('import_html_ms', 2000),
  import_html_typical_ms: atMost('import_html_typical_ms', 200),
  import_pathological_ms: atMost('import_pathological_ms', 5000),
  import_pdf_ms: atMost('import_pdf_ms', 3000),
  import_docx_ms: atMost('import_docx_ms', 1000),
  load_100k_ms: atMost('load_100k_ms', 1000),
  save_100k_ms: {
    target: '≤ 2× raw',
    met: (f) => f.save_100k_ms / f.save_raw_100k_ms <= 2,
    peer: (f) => `raw write ${ms(f.save_raw_100k_ms)}`,
    ratio: (f) => `${times(f.save_100k_ms / f.save_raw_100k_ms)} raw`,
  },
  save_raw_100k_ms: peerOnly,
  save_one_100k_ms: atMost('save_one_100k_ms', 50),
  search_100k_ms: atMost('search_100k_ms', 30),
  export_all_100k_ms: atMost('export_all_100k_ms', 1000),
  sync_converge_ms: {
    target: '≤ 5,000 ms',
    met: (f) => f.sync_converge_ms <= 5000,
    peer: (f) => `bare automerge-repo ${ms(f.sync_converge_raw_ms)}`,
    ratio: (f) => `${times(f.sync_converge_ms / f.sync_converge_raw_ms)} its time`,
  },
  sync_converge_raw_ms: peerOnly,
  sync_join_ms: {
    target: '≤ 10,000 ms',
    met: (f) => f.sync_join_ms <= 10000,
    peer: (f) => `bare automerge-repo ${ms(f.sync_join_raw_ms)}`,
    ratio: (f) => `${times(f.sync_join_ms / f.sync_join_raw_ms)} its time`,
  },
  sync_join_raw_ms: peerOnly,
  sync_join_mb: atMost('sync_join_mb', 250, 'MB'),
};

/** The table's rows: each figure against its target, and against its peer where it has one. */
export function assess(f: Figures): Row[] {
  return FIGURE_KEYS.map((figure) => {
    const judge = JUDGES[figure];
    return {
      figure,
      value: f[figure],
      target: judge.target,
      peer: judge.peer?.(f) ?? '',
      ratio: judge.ratio?.(f) ?? '',
      met: judge.met(f),
    };
  });
}

function formatValue(figure: FigureKey, value: number): string {
  if (SHARES.has(figure)) return share(value);
  if (figure.endsWith('_mb')) return `${value.toFixed(1)} MB`;
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
 * 0.0001). A figure that is missing or not a number is an error, never a silent null. With `partial` (a run of
 * some parts, `--only`), the figures those parts did not measure are left out of the object instead; one that was
 * measured and is not a number is still an error.
 */
export function formatJson(f: Partial<Record<string, number>>, { partial = false } = {}): string {
  const extra = Object.keys(f).filter((key) => !(FIGURE_KEYS as readonly string[]).includes(key));
  if (extra.length > 0) throw new Error(`Unknown figures: ${extra.join(', ')}.`);
  const out: Record<string, number> = {};
  for (const key of FIGURE_KEYS) {
    const value = f[key];
    if (partial && value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`The figure ${key} was not measured (${String(value)}).`);
    }
    const scale = SHARES.has(key) ? 10_000 : 100;
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
