// A highlight's "also in": the same statement in the other accounts of the events its document belongs to, found
// by main even where the words differ ("Also in: FCO ¶4 (wording differs)"). Each is a way to that account, opened
// side by side at that place with the differences marked. Nothing shows while it is asked, or when there is none.
import type { JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { AlsoIn } from '../../shared/contract';
import type { Annotation } from '../types';
import './accounts.css';

/** What the cards need to show "also in": how to ask, and where a click goes. */
export interface AlsoInEnv {
  load: (annotation: Annotation) => Promise<AlsoIn[]>;
  open: (item: AlsoIn) => void;
  /** Changes when the events do, so every card asks again. */
  events: unknown;
}

export function alsoInText(item: AlsoIn): string {
  return `${item.label} ${item.place}${item.wording === 'differs' ? ' (wording differs)' : ''}`;
}

export function AlsoInLine({
  annotation,
  env,
}: {
  annotation: Annotation;
  env: AlsoInEnv;
}): JSX.Element | null {
  const [found, setFound] = useState<AlsoIn[] | null>(null);
  const labelId = useId();
  useEffect(() => {
    let live = true;
    env.load(annotation).then(
      (list) => live && setFound(list),
      // A card says nothing of a statement it could not look for; the accounts view says why.
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [annotation, env]);
  if (!found || found.length === 0) return null;
  return (
    <div class="card__also-in">
      <span class="card__also-in-label" id={labelId}>
        Also in:
      </span>
      <ul class="card__also-in-list" aria-labelledby={labelId}>
        {found.map((item) => (
          <li key={`${item.eventId}:${item.documentId}:${item.start}`}>
            <button
              type="button"
              class="link-button"
              aria-label={`Also in ${alsoInText(item)}: open it side by side`}
              onClick={() => env.open(item)}
            >
              {alsoInText(item)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
