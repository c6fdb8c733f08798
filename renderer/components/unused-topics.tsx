// The codebook's clearing-up: "Remove unused topics (N)" lists the topics no passage uses (nor any passage of a
// subtopic) — typing slips, topics tried and dropped — and removes them, after a question that names each one, in
// one call that is one step of undo.
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TopicWithCount } from '../types';
import { Swatch } from './swatch';
import './unused-topics.css';

export interface UnusedTopicsProps {
  /** The unused topics, in codebook order. */
  unused: TopicWithCount[];
  busy: boolean;
  /** Removes them; resolves to whether it was done (a failure is shown by the panel). */
  onRemove(topicIds: string[]): Promise<boolean>;
  undoHint: string;
}

export function UnusedTopics({ unused, busy, onRemove, undoHint }: UnusedTopicsProps) {
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const n = unused.length;
  const topicsWord = n === 1 ? 'topic' : 'topics';

  // Focus moves to Keep as the question appears, before anything else can be pressed in it.
  useLayoutEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  if (n === 0) return null;

  const keep = () => {
    setConfirming(false);
    openRef.current?.focus();
  };

  return (
    <div class="unused-topics">
      <button
        type="button"
        class="button button--small"
        ref={openRef}
        disabled={busy}
        aria-expanded={confirming}
        onClick={() => setConfirming(true)}
      >
        Remove unused topics ({n})
      </button>
      {confirming && (
        <div
          class="codebook__confirm unused-topics__confirm"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              keep();
            }
          }}
        >
          <p id={questionId}>
            Remove {n === 1 ? 'this unused topic' : `these ${n} unused topics`}? No passage has{' '}
            {n === 1 ? 'it' : 'them'}. {undoHint}
          </p>
          <ul class="unused-topics__list" aria-label={`Unused ${topicsWord}`}>
            {unused.map((topic) => (
              <li key={topic.id}>
                <Swatch colour={topic.colour} />
                <span>{topic.path}</span>
              </li>
            ))}
          </ul>
          <div class="codebook__row-actions">
            <button
              type="button"
              class="button button--small button--danger"
              disabled={busy}
              onClick={async () => {
                if (await onRemove(unused.map((t) => t.id))) setConfirming(false);
              }}
            >
              Remove {n} {topicsWord}
            </button>
            <button type="button" class="button button--small" ref={keepRef} onClick={keep}>
              Keep
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
