/**
 * Stances: what a passage does in the dispute (demands, refuses, concedes…). A short fixed list every notebook
 * shares, which a user extends with their own words; each is spelled one way so comparisons can count them.
 */
import { ParleyError, STANDARD_STANCES, type Notebook } from '../../shared/model';
import { MAX_STANCE_LENGTH, MAX_STANCES } from '../../shared/limits';

function tidy(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The standard stances, then the notebook's own in the order they were added. */
export function listStances(nb: Notebook): string[] {
  return [...STANDARD_STANCES, ...nb.stances];
}

/** Adds a stance of the user's own and returns the full list. Refuses one already offered, in any case. */
export function addStance(nb: Notebook, name: string): string[] {
  if (typeof name !== 'string') throw new ParleyError('A stance must be a word or a short phrase.');
  const stance = tidy(name);
  if (stance === '') throw new ParleyError('A stance needs a name, such as "ultimatum".');
  if (stance.length > MAX_STANCE_LENGTH) {
    throw new ParleyError(`A stance can be at most ${MAX_STANCE_LENGTH} characters long.`);
  }
  const existing = listStances(nb).find((s) => s.toLowerCase() === stance.toLowerCase());
  if (existing !== undefined) throw new ParleyError(`The stance "${existing}" is already in the list.`);
  if (nb.stances.length >= MAX_STANCES) {
    throw new ParleyError(`A notebook can have at most ${MAX_STANCES} stances of its own.`);
  }
  nb.stances.push(stance);
  return listStances(nb);
}

/**
 * The stance as the notebook spells it, for a value given in any case and spacing; null and blank mean no stance.
 * Throws for a stance that is not in the list.
 */
export function resolveStance(nb: Notebook, value: string | null): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new ParleyError('A stance must be text.');
  const stance = tidy(value);
  if (stance === '') return null;
  const known = listStances(nb);
  const found = known.find((s) => s.toLowerCase() === stance.toLowerCase());
  if (found === undefined) {
    throw new ParleyError(
      `"${stance.slice(0, MAX_STANCE_LENGTH)}" is not a stance in this notebook; add it to the list first, or choose one of: ${known.join(', ')}.`,
    );
  }
  return found;
}
