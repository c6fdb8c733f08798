/**
 * Versions of a document: the diff of two versions (diff.ts), highlights carried onto a newer one (carry.ts), the
 * operations on the notebook (ops.ts), the text a highlight points into (on-version.ts) and pages told apart by
 * their address (address.ts).
 */
export {
  addVersion,
  diffVersions,
  listVersions,
  makeVersion,
  reselectReview,
  resolveReview,
  versionReview,
  versionText,
  type VersionAdded,
} from './ops';
export { carryTarget, type Carried } from './carry';
export { alignVersions, diffRows, mapOffset, wordParts, type Alignment } from './diff';
export {
  layoutOf,
  onLatest,
  placeOf,
  textOf,
  versionBody,
  versionSuffix,
  type VersionBody,
} from './on-version';
export { canonicalAddress, sameAddress } from './address';
