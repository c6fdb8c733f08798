// Counting the page's calls, shared by the specs that hold a user action to one call.
import { expect, type Parley } from './harness';

/** Waits until the page has made no new call for one poll, so what it still loads is counted (or not) in full. */
export async function settled(parley: Parley): Promise<void> {
  let seen = -1;
  await expect
    .poll(() => {
      const still = parley.calls.length === seen;
      seen = parley.calls.length;
      return still;
    })
    .toBe(true);
}
