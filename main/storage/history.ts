/**
 * Undo and redo for the whole notebook. Each change runs on an immer draft, so the core operations keep mutating
 * plain objects while the notebook itself stays immutable: a step of history is only the patches of what changed
 * (the rest is shared between states), and its inverse patches undo it exactly. The history lives in memory, from
 * the moment the notebook is opened.
 */
import { Immer, current, enablePatches, freeze, isDraft, type Draft, type Patch } from 'immer';
import type { HistoryState } from '../../shared/model';

enablePatches();

/** Auto-freeze stays on: the state handed out can only change through a change, never by accident. */
const immer = new Immer({ autoFreeze: true });

/** The label of a change made without one ("Undo Change"). */
export const DEFAULT_CHANGE_LABEL = 'Change';

/** How many steps back undo reaches; the oldest fall off beyond it. */
export const MAX_HISTORY_STEPS = 500;

export interface HistoryStep {
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
}

export interface AppliedChange<S, T> {
  state: S;
  result: T;
  /** null when nothing changed. */
  step: HistoryStep | null;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A value that may be, or hold, drafts, turned into plain values that outlive the change: drafts are snapshotted
 * with current(), arrays and plain objects that hold drafts are copied, anything else is returned as it is.
 */
export function detach<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (isDraft(value)) return current(value as Draft<T & object>);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item: unknown, index) => {
      const detached = detach(item);
      if (detached !== item) {
        copy ??= [...(value as unknown[])];
        copy[index] = detached;
      }
    });
    return (copy ?? value) as T;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const detached = detach(item);
      if (detached !== item) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[key] = detached;
      }
    }
    return (copy ?? value) as T;
  }
  return value;
}

/**
 * Deep-freezes a state that did not come out of a change (a notebook just read from disk). Arrays and plain objects
 * are walked directly, which is what such a state is made of and several times quicker than immer's general deep
 * freeze; anything else is handed to immer's. Frozen parts are taken as frozen all the way down, as immer does.
 */
export function freezeState<S>(state: S): S {
  deepFreezePlain(state);
  return state;
}

function deepFreezePlain(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || isDraft(value)) return;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (let i = 0; i < value.length; i++) deepFreezePlain(value[i]);
  } else if (isPlainObject(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreezePlain((value as Record<string, unknown>)[key]);
  } else {
    freeze(value, true);
  }
}

/**
 * Runs `mutate` on a draft of `state` and returns the next state, mutate's result (detached from the draft) and the
 * step that undoes it. If mutate throws, the error passes through and `state` is untouched.
 */
export function applyChange<S, T>(state: S, mutate: (draft: S) => T, label?: string): AppliedChange<S, T> {
  let result!: T;
  const [next, patches, inversePatches] = immer.produceWithPatches(state, (draft) => {
    result = detach(mutate(draft as S));
    // Returning nothing keeps immer from reading mutate's result as a replacement state.
  });
  const step =
    patches.length === 0 ? null : { label: label?.trim() || DEFAULT_CHANGE_LABEL, patches, inversePatches };
  return { state: next as S, result, step };
}

/**
 * Applies patches this module recorded to the state they were recorded against (or its undo). Unlike immer's own
 * applyPatches it does not deep-copy each value: the values come from frozen states, so sharing them is safe, keeps
 * states sharing what they have in common, and keeps undoing a step over thousands of highlights quick.
 */
function replay<S>(state: S, patches: readonly Patch[]): S {
  return immer.produce(state, (draft) => {
    for (const { op, path, value } of patches) {
      let parent = draft as unknown as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const key = path[path.length - 1]!;
      if (Array.isArray(parent) && key !== 'length') {
        const list = parent as unknown[];
        if (op === 'replace') list[Number(key)] = value;
        else if (op === 'add') {
          if (key === '-') list.push(value);
          else list.splice(Number(key), 0, value);
        } else list.splice(Number(key), 1);
      } else if (op === 'remove') {
        delete parent[key];
      } else {
        parent[key] = value;
      }
    }
  });
}

/** The undo and redo stacks: new steps go on undo and clear redo; undo and redo move a step across. */
export class UndoHistory {
  private readonly undoStack: HistoryStep[] = [];
  private readonly redoStack: HistoryStep[] = [];
  private readonly limit: number;

  constructor(options: { limit?: number } = {}) {
    this.limit = Math.max(1, options.limit ?? MAX_HISTORY_STEPS);
  }

  record(step: HistoryStep): void {
    this.undoStack.push(step);
    if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit);
    this.redoStack.length = 0;
  }

  /** The state before the last step, or null when there is nothing to undo. */
  undo<S>(state: S): { state: S; step: HistoryStep } | null {
    const step = this.undoStack[this.undoStack.length - 1];
    if (!step) return null;
    const previous = replay(state, step.inversePatches);
    this.undoStack.pop();
    this.redoStack.push(step);
    return { state: previous, step };
  }

  /** The state after the last undone step, or null when there is nothing to redo. */
  redo<S>(state: S): { state: S; step: HistoryStep } | null {
    const step = this.redoStack[this.redoStack.length - 1];
    if (!step) return null;
    const next = replay(state, step.patches);
    this.redoStack.pop();
    this.undoStack.push(step);
    return { state: next, step };
  }

  /** Forgets every step: nothing to undo or redo. */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }

  /**
   * Whether the steps recorded still apply after a change made outside history, with these patches, to `before`:
   * they do when no element of a list moved to another index (values replaced in place, or added at the end).
   */
  survives(before: unknown, patches: readonly Patch[]): boolean {
    const at = (path: readonly (string | number)[]): unknown => {
      let value: unknown = before;
      for (const key of path) {
        if (value === null || typeof value !== 'object') return undefined;
        value = (value as Record<string | number, unknown>)[key];
      }
      return value;
    };
    const sameIds = (old: unknown[], next: unknown[]): boolean =>
      next.length >= old.length &&
      old.every((item, i) => {
        const other = next[i];
        if (item === other) return true;
        const id = (x: unknown) =>
          x !== null && typeof x === 'object' ? (x as { id?: unknown }).id : undefined;
        return id(item) !== undefined && id(item) === id(other);
      });
    return patches.every((patch) => {
      const parent = at(patch.path.slice(0, -1));
      const key = patch.path[patch.path.length - 1];
      if (patch.op === 'replace') {
        const old = at(patch.path);
        return !Array.isArray(old) || !Array.isArray(patch.value) || sameIds(old, patch.value as unknown[]);
      }
      if (!Array.isArray(parent)) return true;
      if (patch.op === 'remove') return false;
      return key === '-' || Number(key) >= parent.length;
    });
  }

  get state(): HistoryState {
    const undo = this.undoStack[this.undoStack.length - 1];
    const redo = this.redoStack[this.redoStack.length - 1];
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      undoLabel: undo ? `Undo ${undo.label}` : null,
      redoLabel: redo ? `Redo ${redo.label}` : null,
    };
  }
}
