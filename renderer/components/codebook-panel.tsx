// The Codebook: the topic tree with colours, descriptions and counts, and every change to a topic (rename, move,
// recolour, describe, merge, delete, export) from the keyboard.
import type { ParleyApi } from '../../preload/contract';
import type { TopicWithCount } from '../types';

export interface CodebookPanelProps {
  api: ParleyApi;
  topics: TopicWithCount[];
  onChanged(): void;
  onClose(): void;
  announce(message: string): void;
  onExportTopic(topicId: string): void;
}

export function CodebookPanel(props: CodebookPanelProps) {
  return (
    <section class="codebook-panel" aria-label="Codebook">
      <ul>
        {props.topics.map((topic) => (
          <li key={topic.id}>{topic.path}</li>
        ))}
      </ul>
    </section>
  );
}
