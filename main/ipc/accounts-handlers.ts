/**
 * The handlers of the events calls: documents grouped as accounts of one event, their statements aligned, and the
 * comparison and export by account (main/core/accounts).
 */
import { writeFile } from 'node:fs/promises';
import { alignAccounts, alsoIn, compareAccounts, exportAccountsMarkdown } from '../core/accounts';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from '../core/events';
import { offeredFileName } from '../services/export';
import type { HandlerDeps } from './handlers';
import type { HandlerTable } from './dispatch';

export type AccountCalls =
  | 'listEvents'
  | 'createEvent'
  | 'updateEvent'
  | 'deleteEvent'
  | 'alignAccounts'
  | 'alsoIn'
  | 'compareAccounts'
  | 'exportAccountsMarkdown'
  | 'saveAccountsMarkdown';

export function accountHandlers({
  store,
  dialogs,
  now = () => new Date(),
}: HandlerDeps): Pick<HandlerTable, AccountCalls> {
  return {
    listEvents: () => listEvents(store.data),
    createEvent: (input) => store.change((nb) => createEvent(nb, input, now()), 'New event'),
    updateEvent: (patch) => store.change((nb) => updateEvent(nb, patch), 'Edit event'),
    deleteEvent: ({ id }) => store.change((nb) => deleteEvent(nb, id), 'Delete event'),
    alignAccounts: ({ eventId }) => alignAccounts(store.data, eventId),
    alsoIn: ({ annotationId }) => alsoIn(store.data, annotationId),
    compareAccounts: ({ eventId, topicId }) => compareAccounts(store.data, eventId, topicId),
    exportAccountsMarkdown: ({ eventId }) => exportAccountsMarkdown(store.data, eventId, { now: now() }),
    saveAccountsMarkdown: async ({ eventId }) => {
      const event = getEvent(store.data, eventId);
      const markdown = exportAccountsMarkdown(store.data, eventId, { now: now() });
      const path = await dialogs.chooseExportPath(offeredFileName(event.name, 'md'), 'markdown');
      if (!path) return null;
      await writeFile(path, markdown, 'utf8');
      return { path };
    },
  };
}
