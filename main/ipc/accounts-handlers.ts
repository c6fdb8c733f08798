/**
 * The handlers of the events calls: documents grouped as accounts of one event, their statements aligned, and the
 * comparison and export by account (main/core/accounts).
 */
import { ParleyError } from '../../shared/model';
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

const notBuilt = (): never => {
  throw new ParleyError('Events are not built yet.', 'not-built');
};

export function accountHandlers(_deps: HandlerDeps): Pick<HandlerTable, AccountCalls> {
  return {
    listEvents: notBuilt,
    createEvent: notBuilt,
    updateEvent: notBuilt,
    deleteEvent: notBuilt,
    alignAccounts: notBuilt,
    alsoIn: notBuilt,
    compareAccounts: notBuilt,
    exportAccountsMarkdown: notBuilt,
    saveAccountsMarkdown: notBuilt,
  };
}
