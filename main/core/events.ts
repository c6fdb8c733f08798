/**
 * Events: documents grouped as accounts of one happening (a meeting, a press conference), with a name and a date.
 * The documents' order is the order of the accounts' columns. Each operation checks everything before it changes
 * anything, so a refused call leaves the notebook as it was; its error says why in words.
 */
import { MAX_NAME_LENGTH } from '../../shared/limits';
import { MAX_EVENT_ACCOUNTS, ParleyError, type Notebook, type ParleyEvent } from '../../shared/model';

function invalid(message: string): ParleyError {
  return new ParleyError(message, 'invalid');
}

function notFound(what: string, id: string): ParleyError {
  return new ParleyError(
    `There is no ${what} with id "${String(id).slice(0, 100)}" in this notebook.`,
    'not-found',
  );
}

function checkName(name: unknown): string {
  if (typeof name !== 'string') throw invalid('An event’s name must be text.');
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed === '') throw invalid('An event needs a name.');
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw invalid(`An event’s name can be at most ${MAX_NAME_LENGTH} characters long.`);
  }
  return trimmed;
}

/** `YYYY-MM-DD` of a day that exists, or empty for no date. */
export function checkEventDate(date: unknown): string {
  if (typeof date !== 'string') throw invalid('An event’s date must be text.');
  const trimmed = date.trim();
  if (trimmed === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (
    !match ||
    !day ||
    day.getUTCFullYear() !== Number(match[1]) ||
    day.getUTCMonth() !== Number(match[2]) - 1 ||
    day.getUTCDate() !== Number(match[3])
  ) {
    throw invalid(
      `"${trimmed.slice(0, 40)}" is not a date: write an event’s date as YYYY-MM-DD, for example 2009-11-02.`,
    );
  }
  return trimmed;
}

/** Two to MAX_EVENT_ACCOUNTS documents of this notebook, each once, in the order given. */
function checkAccounts(nb: Notebook, documentIds: unknown): string[] {
  if (!Array.isArray(documentIds) || documentIds.some((id) => typeof id !== 'string')) {
    throw invalid('An event’s accounts must be a list of document ids.');
  }
  const ids = documentIds as string[];
  if (ids.length < 2) {
    throw invalid('An event needs at least two accounts to compare: choose two or more documents.');
  }
  if (ids.length > MAX_EVENT_ACCOUNTS) {
    throw invalid(`An event can group at most ${MAX_EVENT_ACCOUNTS} accounts.`);
  }
  const known = new Map(nb.documents.map((doc) => [doc.id, doc]));
  const seen = new Set<string>();
  for (const id of ids) {
    if (!known.has(id)) throw notFound('document', id);
    if (seen.has(id)) {
      const title = known.get(id)!.title.slice(0, 100);
      throw invalid(`“${title}” is given twice: each document can be one account of an event only once.`);
    }
    seen.add(id);
  }
  return [...ids];
}

export function getEvent(nb: Notebook, id: string): ParleyEvent {
  const event = nb.events.find((e) => e.id === id);
  if (!event) throw notFound('event', id);
  return event;
}

/** Every event, in the order they were made. */
export function listEvents(nb: Notebook): ParleyEvent[] {
  return nb.events;
}

export function createEvent(
  nb: Notebook,
  input: { name: string; date?: string; documentIds: readonly string[] },
  now: Date,
): ParleyEvent {
  const name = checkName(input.name);
  const date = checkEventDate(input.date ?? '');
  const documentIds = checkAccounts(nb, input.documentIds);
  const event: ParleyEvent = {
    id: crypto.randomUUID(),
    name,
    date,
    documentIds,
    createdAt: now.toISOString(),
  };
  nb.events.push(event);
  return event;
}

/** Renames an event, changes its date (empty for none), or sets its accounts anew, in column order. */
export function updateEvent(
  nb: Notebook,
  patch: { id: string; name?: string; date?: string; documentIds?: readonly string[] },
): ParleyEvent {
  const event = getEvent(nb, patch.id);
  const name = patch.name === undefined ? undefined : checkName(patch.name);
  const date = patch.date === undefined ? undefined : checkEventDate(patch.date);
  const documentIds = patch.documentIds === undefined ? undefined : checkAccounts(nb, patch.documentIds);
  if (name !== undefined) event.name = name;
  if (date !== undefined) event.date = date;
  if (documentIds !== undefined) event.documentIds = documentIds;
  return event;
}

/** Removes the event; its documents stay in the notebook. */
export function deleteEvent(nb: Notebook, id: string): { id: string } {
  const index = nb.events.findIndex((e) => e.id === id);
  if (index === -1) throw notFound('event', id);
  nb.events.splice(index, 1);
  return { id };
}
