/**
 * How much Parley accepts at its edges, in one place for main, the preload's contract and the renderer.
 */

/** Largest text accepted from a drop or paste, in UTF-16 code units (20 MB of ASCII). */
export const MAX_IMPORT_CHARS = 20_000_000;
/** Largest file accepted for import, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
