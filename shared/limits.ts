/**
 * How much Parley accepts at its edges, in one place for main, the preload's contract and the renderer: the size
 * of an import and the bounds of each field of the notebook.
 */

/** Largest text accepted from a drop or paste, in UTF-16 code units (20 MB of ASCII). */
export const MAX_IMPORT_CHARS = 20_000_000;
/** Largest file accepted for import, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Longest note one call from the window may write; the notebook's schema bounds no note, so a longer one reads. */
export const MAX_NOTE_LENGTH = 1_000_000;
/** Largest offset into a text that one call from the window may name. */
export const MAX_OFFSET = 1_000_000_000;

// The notebook's fields: the model's schema (and so the notebook reader), the IPC contract and the W3C import all
// take their bounds from here, so a limit is changed in one place. Lengths count UTF-16 code units.

/** An id of a document, topic, party or highlight. */
export const MAX_ID_LENGTH = 100;
/** A point in time as stored (ISO 8601), and a publication date as written. */
export const MAX_TIME_LENGTH = 40;
/** A document's title, source and byline. */
export const MAX_TITLE_LENGTH = 1000;
/** A web address: a document's URL, a link's target. */
export const MAX_URL_LENGTH = 4000;
/** A document's content hash (SHA-256, hex). */
export const MAX_HASH_LENGTH = 128;
/** A topic's path (`iran/nuclear`). */
export const MAX_TOPIC_PATH_LENGTH = 200;
/** A topic's or party's colour. */
export const MAX_COLOUR_LENGTH = 40;
/** A topic's description. */
export const MAX_DESCRIPTION_LENGTH = 4000;
/** A party's name, and each of its aliases. */
export const MAX_NAME_LENGTH = 200;
/** A party's short name. */
export const MAX_SHORT_NAME_LENGTH = 40;
/** Aliases of one party. */
export const MAX_ALIASES = 200;
/** A stance. */
export const MAX_STANCE_LENGTH = 40;
/** A link's type (`rebuts`). */
export const MAX_LINK_TYPE_LENGTH = 40;
/** Stances a notebook adds to the standard ones. */
export const MAX_STANCES = 200;
/** Topics of one highlight. */
export const MAX_TOPICS_PER_ANNOTATION = 200;
/** Links from one highlight. */
export const MAX_LINKS = 200;
/** A suggestion's key (`documentId:start:end`). */
export const MAX_SUGGESTION_KEY_LENGTH = 300;
/** How deep block quotes and lists may nest. */
export const MAX_BLOCK_DEPTH = 32;
/** A numbered list item's number (the largest signed 32-bit integer). */
export const MAX_LIST_NUMBER = 2_147_483_647;
