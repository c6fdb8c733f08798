/**
 * What every part of the bench shares: the figures recorded so far, how many runs each took, the notes printed
 * under the table, and the helpers that time runs. Each part (a module of its own under scripts/bench/) records its
 * figures here; run.ts runs the parts and prints.
 */
import type { FigureKey, Figures } from './report';
import { median } from './report';

export const SEED = 20_091_102;

export const figures: Partial<Figures> = {};
export const runsOf: Partial<Record<FigureKey, number>> = {};
export const notes: string[] = [];

export const log = (message: string) => process.stderr.write(`${message}\n`);

/** Records the median of `samples` as the figure `key`, and says so on stderr. */
export function record(key: FigureKey, samples: number[]): void {
  figures[key] = median(samples);
  runsOf[key] = samples.length;
  log(
    `  ${key}: median ${figures[key]!.toFixed(2)} of ${samples.length} [${samples.map((s) => s.toFixed(1)).join(', ')}]`,
  );
}

/** Records one value (a share, a count) measured once. */
export function recordOnce(key: FigureKey, value: number): void {
  figures[key] = value;
  runsOf[key] = 1;
  log(`  ${key}: ${value}`);
}

export async function timeRuns(
  runs: number,
  run: (i: number) => Promise<number> | number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run(i));
  return samples;
}

/** A value made the first time it is asked for and kept: big generated data that several parts share. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
