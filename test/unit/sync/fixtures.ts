/**
 * Notebooks for the sync tests: a document written for these tests (numbered sentences, not real reporting), and
 * highlights on it, made through the core's own operations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ops from '../../../main/core/notebook';
import { importPlainText } from '../../../main/core/import-text/plain-text';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { KINDS, SETS, keyOf } from '../../../main/sync/doc-model';
import type { Notebook } from '../../../shared/model';

/** Sentences written for the sync tests: "Sentence 17 of the test text about the talks." */
export function testText(sentences: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p * 10 < sentences; p++) {
    const line: string[] = [];
    for (let i = p * 10; i < Math.min(sentences, p * 10 + 10); i++) {
      line.push(`Sentence ${i} of the text written for the sync tests.`);
    }
    paragraphs.push(line.join(' '));
  }
  return paragraphs.join('\n\n');
}

export function tempDir(prefix = 'parley-sync-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function openStore(path: string): Promise<NotebookStore> {
  return openNotebookStore(path, { debounceMs: 20 });
}

/** Adds the test document (with `sentences` sentences) and returns its id. */
export function addTestDocument(store: NotebookStore, sentences: number): string {
  const draft = importPlainText(testText(sentences), { fileName: 'sync-test.txt' });
  return store.change((nb) =>
    ops.addDocument(nb, { ...draft, title: 'Text written for the sync tests' }, new Date()),
  ).id;
}

/** Where sentence `i` of the test document is. */
export function sentenceRange(nb: Notebook, documentId: string, i: number): { start: number; end: number } {
  const text = ops.getDocument(nb, documentId).text;
  const needle = `Sentence ${i} of`;
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no sentence ${i}`);
  const end = text.indexOf('.', start) + 1;
  return { start, end };
}

/**
 * Adds `count` highlights on sentences `from`, `from + 1`, … (several per sentence when count exceeds them), in
 * changes of `perChange`. Returns their ids.
 */
export function addHighlights(
  store: NotebookStore,
  documentId: string,
  count: number,
  options: { from?: number; sentences: number; perChange?: number; note?: (i: number) => string },
): string[] {
  const ids: string[] = [];
  const per = options.perChange ?? 1;
  const from = options.from ?? 0;
  // Offsets of every sentence, found once.
  const ranges: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < options.sentences; i++) ranges.push(sentenceRange(store.data, documentId, i));
  for (let done = 0; done < count; done += per) {
    store.change((nb) => {
      for (let k = done; k < Math.min(count, done + per); k++) {
        const range = ranges[(from + k) % options.sentences]!;
        // Several highlights on one sentence each take a different end, so none is another's double.
        const a = ops.createAnnotation(
          nb,
          {
            documentId,
            start: range.start,
            end: range.end - (Math.floor((from + k) / options.sentences) % 5),
            topicIds: [],
            note: options.note?.(k) ?? '',
          },
          new Date(),
        );
        ids.push(a.id);
      }
    }, 'Add highlight');
  }
  return ids;
}

/** The notebook with each collection ordered by key and each set sorted, for comparing replicas. */
export function canonical(nb: Notebook): unknown {
  const out: Record<string, unknown> = { schemaVersion: nb.schemaVersion };
  for (const kind of KINDS) {
    out[kind] = [...(nb[kind] as Array<{ id?: string }>)]
      .map((item) => JSON.parse(JSON.stringify(item)) as object)
      .sort((a, b) => (keyOf(kind, a) < keyOf(kind, b) ? -1 : 1));
  }
  for (const set of SETS) out[set] = [...nb[set]].sort();
  return out;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
