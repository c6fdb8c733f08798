// One seed for the property tests, fixed so a run is repeatable; PARLEY_FC_SEED replays or explores another. Each
// test prints the seed it ran with, and fast-check prints the path to any counterexample.
import type { TestContext } from 'node:test';
import type { Arbitrary } from 'fast-check';

export const SEED = Number(process.env.PARLEY_FC_SEED ?? 20261130);
if (!Number.isSafeInteger(SEED))
  throw new Error(`PARLEY_FC_SEED must be an integer, not ${process.env.PARLEY_FC_SEED}`);

/** fast-check's parameters for a run of `numRuns` cases; `print` shows the seed (a Chromium spec has no `t`). */
export function seeded(print: (line: string) => void, numRuns: number): { seed: number; numRuns: number } {
  print(`fast-check seed ${SEED}, ${numRuns} runs (PARLEY_FC_SEED=… to try another)`);
  return { seed: SEED, numRuns };
}

/** fast-check's parameters for a property run with `numRuns` cases; prints the seed on the test's output. */
export function runs(t: TestContext, numRuns: number): { seed: number; numRuns: number } {
  return seeded((line) => t.diagnostic(line), numRuns);
}

/** The type of the values an arbitrary generates. */
export type Generated<A> = A extends Arbitrary<infer T> ? T : never;
