// The model types the renderer works with, read off the contract's call results so the renderer never
// imports from main/.
import type { CallResult } from '../shared/contract';

export type Annotation = CallResult<'createAnnotation'>;
export type Topic = CallResult<'createTopic'>;
export type TopicWithCount = CallResult<'listTopics'>[number];
export type OpenedDocument = CallResult<'openDocument'>;
export type ParleyDocument = CallResult<'updateDocument'>;
export type DocumentSummary = CallResult<'importDocument'>;
export type Block = ParleyDocument['blocks'][number];
export type Mark = ParleyDocument['marks'][number];
export type Party = CallResult<'createParty'>;
export type PartyWithCount = CallResult<'listParties'>[number];
export type Suggestion = CallResult<'suggestStatements'>[number];
export type TopicProposal = NonNullable<CallResult<'proposeTopics'>[number]>;
export type Comparison = CallResult<'compare'>;
export type ComparisonRow = Comparison['rows'][number];
export type ComparisonEntry = ComparisonRow['cells'][number]['entries'][number];
export type { LinkType, SaveState, MenuCommand, NotebookInfo } from '../shared/contract';
