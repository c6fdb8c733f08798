// Words of two texts with what changed marked: a run only in the older as <del>, only in the newer as <ins>, the
// rest as written. Shared by the review (an old quote beside its new one) and the diff (a paragraph beside its
// other version). A screen reader hears where each mark starts and ends (versions.css adds the words, unseen, so
// the text copied and the text matched stay the document's own).
import type { DiffPart } from '../../shared/contract';
import './versions.css';

/** Which side of a comparison to show: the older words (same and deleted) or the newer (same and inserted). */
export type PartsSide = 'old' | 'new';

export function Parts({ parts, side }: { parts: readonly DiffPart[]; side: PartsSide }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.kind === 'same') return <span key={i}>{part.text}</span>;
        if (part.kind === 'deleted') {
          return side === 'new' ? null : (
            <del key={i} class="diff-del">
              {part.text}
            </del>
          );
        }
        return side === 'old' ? null : (
          <ins key={i} class="diff-ins">
            {part.text}
          </ins>
        );
      })}
    </>
  );
}
