// Small pieces of wording shared by the views: dates as a reader expects them, errors as the user should see them.
import type { SaveState } from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Lower case without accents, so "Señor" is found by "senor": what the sidebar's filters compare. */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `2009-11-02` → `2 November 2009`, `2009-11-02T10:22` → `2 November 2009, 10:22`; anything else as written. */
export function formatPublished(published: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(published);
  if (!match) return published;
  const [, year, month, day, time] = match;
  const name = MONTHS[Number(month) - 1];
  if (!name) return published;
  const date = `${Number(day)} ${name} ${year}`;
  return time ? `${date}, ${time}` : date;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error) || 'Something went wrong.';
}

export function saveStatusText(state: SaveState | null): string {
  if (!state) return '';
  if (state.status === 'saving') return 'Saving…';
  if (state.status === 'saved') return 'All changes saved';
  return `Couldn't save: ${state.error ?? 'unknown error'}`;
}

/** A quote cut to a length that fits a label, on a word boundary where there is one. */
export function shortQuote(quote: string, max = 80): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
