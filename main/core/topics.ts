/**
 * Topic paths and colours: one spelling of a path ("iran/nuclear", whatever spaces or slashes were typed), the
 * order the codebook lists them in, and a palette of colours that stay distinct for colour-blind readers.
 */
import { ParleyError } from '../../shared/model';
import { MAX_TOPIC_PATH_LENGTH } from '../../shared/limits';

/** Paul Tol's "muted" qualitative scheme: distinguishable with common colour-vision deficiencies, and light
 *  enough at highlight opacity for black text to stay readable on top. */
export const TOPIC_PALETTE: readonly string[] = [
  '#88ccee',
  '#cc6677',
  '#ddcc77',
  '#117733',
  '#332288',
  '#aa4499',
  '#44aa99',
  '#999933',
  '#882255',
];

export { MAX_TOPIC_PATH_LENGTH } from '../../shared/limits';

/**
 * Trims the path, collapses runs of spaces and of slashes, drops spaces around slashes and slashes at either
 * end, and NFC-normalizes it, so a blank segment ("iran//nuclear", "iran/ /nuclear") simply disappears. Case is
 * kept as typed. Throws when no name is left or the path is too long.
 */
export function normalizeTopicPath(path: string): string {
  const collapsed = path
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
  if (collapsed.replace(/\//g, '') === '') {
    throw new ParleyError('A topic needs a name: the path is empty.');
  }
  const normalized = collapsed.replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, '');
  if (normalized.length > MAX_TOPIC_PATH_LENGTH) {
    throw new ParleyError(`A topic path can be at most ${MAX_TOPIC_PATH_LENGTH} characters long.`);
  }
  return normalized;
}

/** The key two paths share when they name the same topic: paths match regardless of case. */
export function topicPathKey(path: string): string {
  return path.toLowerCase();
}

/** One collator for every comparison: `localeCompare` with options builds a new one per call, which is slow. */
const SEGMENT_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Codebook order: segment by segment, so `iran` is followed by `iran/nuclear` before `iran-deal`. */
export function compareTopicPaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const byName = SEGMENT_ORDER.compare(left[i]!, right[i]!);
    if (byName !== 0) return byName;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Accepts `#rgb` or `#rrggbb` (any case) and returns it lowercased as `#rrggbb`. */
export function normalizeColour(colour: string): string {
  const value = colour.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  throw new ParleyError(`"${colour}" is not a colour: write it as #rrggbb, for example #44aa99.`);
}

/** The first palette colour no topic uses yet; once all are taken, they repeat in order. */
export function pickTopicColour(usedColours: readonly string[]): string {
  const used = new Set(usedColours.map((colour) => colour.toLowerCase()));
  const free = TOPIC_PALETTE.find((colour) => !used.has(colour));
  return free ?? TOPIC_PALETTE[usedColours.length % TOPIC_PALETTE.length]!;
}
