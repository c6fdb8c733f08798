/**
 * The handlers of the versions calls: a document's earlier versions, importing a newer one, the diff between two,
 * and the review of the highlights carried onto the newest (main/core/versions, main/services/versions).
 */
import { ParleyError } from '../../shared/model';
import type { HandlerDeps } from './handlers';
import type { HandlerTable } from './dispatch';

export type VersionCalls =
  | 'listVersions'
  | 'openVersion'
  | 'diffVersions'
  | 'importVersionFromDialog'
  | 'importVersionFile'
  | 'makeVersion'
  | 'versionReview'
  | 'resolveReview'
  | 'reselectReview';

const notBuilt = (): never => {
  throw new ParleyError('Versions are not built yet.', 'not-built');
};

export function versionHandlers(_deps: HandlerDeps): Pick<HandlerTable, VersionCalls> {
  return {
    listVersions: notBuilt,
    openVersion: notBuilt,
    diffVersions: notBuilt,
    importVersionFromDialog: notBuilt,
    importVersionFile: notBuilt,
    makeVersion: notBuilt,
    versionReview: notBuilt,
    resolveReview: notBuilt,
    reselectReview: notBuilt,
  };
}
