/**
 * File names made from titles, in one place: the notebook's one-file-per-document folder keeps each title (links
 * between its files name them), and a save dialog offers a short lower-case name for a document, a topic or the
 * notebook, which the user may change there.
 */

/** Longest file name stem kept, in UTF-16 units: well inside every common file system's 255-byte limit. */
const MAX_STEM = 80;

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name stem from a title that is safe on Windows, macOS and Linux: no path separators, no characters Windows
 * refuses (`<>:"/\\|?*`, control characters), no leading dot (hidden) or trailing dot or space, no reserved device
 * name, not too long (cut between characters, never inside one). Blank titles become "Untitled".
 */
export function safeFileStem(title: string): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '');
  if (stem.length > MAX_STEM) {
    let cut = MAX_STEM;
    if (/[\udc00-\udfff]/.test(stem[cut]!)) cut--;
    stem = stem.slice(0, cut);
  }
  stem = stem.replace(/[.\s]+$/, '');
  if (stem === '' || /^-+$/.test(stem)) stem = 'Untitled';
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = `${stem} (document)`;
  return stem;
}

/** A file name for an export of `title`: its safe stem and the extension ("The talks" → "The talks.md"). */
export function exportFileName(title: string, extension: string): string {
  return `${safeFileStem(title)}.${extension}`;
}

/**
 * The name a save dialog offers for an export of `title`: its letters and digits joined by hyphens, lower case
 * ("Miliband: talks" → "miliband-talks.md"), then made safe by safeFileStem like every other name (length, device
 * names, trailing dots); "export" when nothing is left.
 */
export function offeredFileName(title: string, extension: string): string {
  const hyphenated = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${hyphenated === '' ? 'export' : safeFileStem(hyphenated)}.${extension}`;
}
