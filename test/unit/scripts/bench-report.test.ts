// The bench's output: the JSON object carries exactly the figures the issue names, as numbers, and refuses to
// print a figure that was not measured; the table judges each target. The bench itself is not run here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assess,
  FIGURE_KEYS,
  formatJson,
  formatTable,
  median,
  type Figures,
} from '../../../scripts/bench/report';

const REQUIRED = [
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
  // Big documents and big notebooks
  'delete_one_ms',
  'open_ms',
  'scroll_frame_ms',
  'open_heap_mb',
  'reanchor_correct',
  'reanchor_naive_correct',
  'reanchor_wrong',
  'reanchor_naive_wrong',
  'search_cold_ms',
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
  // Versions of a document
  'reanchor_version_ms',
  // Team notebooks
  'sync_converge_ms',
  'sync_converge_raw_ms',
  'sync_join_ms',
  'sync_join_raw_ms',
  'sync_join_mb',
];

const sample: Figures = {
  paint_ms: 20.123,
  paint_markjs_ms: 3000,
  add_one_ms: 4,
  save_ms: 300,
  save_raw_ms: 200,
  load_ms: 150,
  reanchor_ms: 400,
  reanchor_naive_ms: 1000,
  reanchor_agree: 0.99456,
  export_md_ms: 120,
  search_ms: 5,
  search_index_ms: 60,
  renderer_heap_mb: 80.04,
  delete_one_ms: 3,
  open_ms: 250,
  scroll_frame_ms: 12,
  open_heap_mb: 60,
  reanchor_correct: 0.995,
  reanchor_naive_correct: 0.99,
  reanchor_wrong: 0.001,
  reanchor_naive_wrong: 0.004,
  search_cold_ms: 300,
  import_html_ms: 1500,
  import_html_typical_ms: 150,
  import_pathological_ms: 3000,
  import_pdf_ms: 2500,
  import_docx_ms: 800,
  load_100k_ms: 900,
  save_100k_ms: 1500,
  save_raw_100k_ms: 1000,
  save_one_100k_ms: 20,
  search_100k_ms: 25,
  export_all_100k_ms: 800,
  reanchor_version_ms: 300,
  sync_converge_ms: 1200,
  sync_converge_raw_ms: 800,
  sync_join_ms: 12_000,
  sync_join_raw_ms: 2000,
  sync_join_mb: 180,
};

test('the JSON object has exactly the required keys, each a number', () => {
  assert.deepEqual([...FIGURE_KEYS].sort(), [...REQUIRED].sort());
  const parsed = JSON.parse(formatJson(sample)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed).sort(), [...REQUIRED].sort());
  for (const key of REQUIRED) assert.equal(typeof parsed[key], 'number', key);
  assert.equal(parsed.paint_ms, 20.12);
  assert.equal(parsed.reanchor_agree, 0.9946);
});

test('a figure missing, not a number, or unknown is an error, not a silent null', () => {
  const { load_ms: _dropped, ...missing } = sample;
  assert.throws(() => formatJson(missing), /load_ms was not measured/);
  assert.throws(() => formatJson({ ...sample, search_ms: Number.NaN }), /search_ms was not measured/);
  assert.throws(() => formatJson({ ...sample, extra_ms: 1 }), /Unknown figures: extra_ms/);
});

test('a run of some parts (--only) prints only the figures they measured, in order, and still refuses a NaN', () => {
  const some = { open_ms: 250.456, add_one_ms: 4 };
  assert.equal(formatJson(some, { partial: true }), '{"add_one_ms":4,"open_ms":250.46}');
  assert.throws(() => formatJson(some), /paint_ms was not measured/);
  assert.throws(() => formatJson({ open_ms: Number.NaN }, { partial: true }), /open_ms was not measured/);
});

test('the table judges each target, with the peer and the ratio', () => {
  const rows = new Map(assess(sample).map((row) => [row.figure, row]));
  assert.equal(rows.get('paint_ms')!.met, true); // 20 ms, 149× faster
  assert.equal(rows.get('save_ms')!.met, true); // 1.5× raw
  assert.equal(rows.get('reanchor_ms')!.met, false); // only 2.5× faster
  assert.equal(rows.get('reanchor_agree')!.met, true);
  assert.equal(rows.get('renderer_heap_mb')!.met, null);
  assert.equal(rows.get('save_100k_ms')!.met, true); // 1.5× raw
  assert.equal(rows.get('sync_converge_ms')!.met, true); // 1.2 s
  assert.equal(rows.get('sync_join_ms')!.met, false); // 12 s, over 10 s
  assert.equal(rows.get('sync_join_mb')!.met, true); // 180 MB
  assert.equal(
    assess({ ...sample, save_100k_ms: 2500 }).find((r) => r.figure === 'save_100k_ms')!.met,
    false,
  );
  assert.equal(rows.get('open_ms')!.met, true);
  assert.equal(rows.get('reanchor_version_ms')!.met, true);
  assert.equal(
    assess({ ...sample, reanchor_version_ms: 501 }).find((r) => r.figure === 'reanchor_version_ms')!.met,
    false,
  );
  assert.equal(assess({ ...sample, open_ms: 301 }).find((r) => r.figure === 'open_ms')!.met, false);
  assert.equal(assess({ ...sample, add_one_ms: 9 }).find((r) => r.figure === 'add_one_ms')!.met, false);
  assert.equal(rows.get('reanchor_wrong')!.met, true); // fewer wrong than the peer
  assert.equal(rows.get('reanchor_correct')!.peer, 'fuzzy quote search 0.9900');
  assert.equal(assess({ ...sample, paint_ms: 60 }).find((r) => r.figure === 'paint_ms')!.met, false);
  const table = formatTable(sample);
  assert.match(table, /^\| figure +\| value +\| target +\| peer +\| ratio +\| met\? \|$/m);
  assert.match(
    table,
    /\| reanchor_ms +\| 400\.0 ms +\| ≥ 5× faster +\| fuzzy quote search 1000\.0 ms +\| 2\.5× faster +\| NO +\|/,
  );
  assert.match(table, /\| open_heap_mb +\| 60\.0 MB +\| ≤ 100 MB +\|/);
  assert.match(table, /\| import_html_ms +\| 1500\.0 ms +\| ≤ 2,000 ms +\|/);
});

test('median of odd and even counts', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]));
});
