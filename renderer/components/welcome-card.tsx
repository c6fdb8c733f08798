// The first start's welcome: where to start, in four steps (highlight, suggestions, compare, import), each naming
// the key or button the command table gives it and, where a button can do the step, doing it (its own name, not
// the toolbar's, so each name on the page is one control's). A short card at the top of the page, not a dialog: it
// takes no focus when it appears, covers nothing, and leaves the text in view in a small window; Dismiss hides it for good (main keeps that in the profile), and
// Help › Getting Started shows it again.
import type { JSX } from 'preact';
import { commandById, toolbarLabel, type CommandId } from '../../shared/commands';
import type { RunnableCommandId } from '../state/commands';
import { keyNames } from '../shortcuts';
import './welcome-card.css';

const isMac = () => /mac/i.test(navigator.platform);

/** The keys the command table gives a command, as the shortcuts dialog spells them ("Ctrl+Shift+H"). */
function keysOf(id: CommandId): string[] {
  return commandById(id).keys.flatMap((binding) =>
    binding.shortcut ? binding.keys.map((keys) => keyNames(keys, isMac()).join('+')) : [],
  );
}

function Keys({ id }: { id: CommandId }): JSX.Element {
  const keys = keysOf(id);
  return (
    <>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ' or '}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

export interface WelcomeCardProps {
  /** Runs a command of the table, as its toolbar button or menu item would. */
  onCommand(id: RunnableCommandId): void;
  onDismiss(): void;
}

export function WelcomeCard({ onCommand, onDismiss }: WelcomeCardProps): JSX.Element {
  return (
    <section class="welcome" aria-labelledby="welcome-heading">
      <div class="welcome__head">
        <h2 id="welcome-heading" class="welcome__heading" tabIndex={-1}>
          Where to start
        </h2>
        <button type="button" class="button button--small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ol class="welcome__steps">
        <li class="welcome__step">
          <strong>Highlight.</strong> Select words, then press <Keys id="highlight" />.
        </li>
        <li class="welcome__step">
          <strong>Let Parley suggest.</strong> The {toolbarLabel('suggestions')} button opens a panel of the
          statements it found.{' '}
          <button type="button" class="button button--small" onClick={() => onCommand('suggestions')}>
            Show what it found
          </button>
        </li>
        <li class="welcome__step">
          <strong>Compare.</strong> {commandById('compare').label}{' '}
          <span class="welcome__keys">
            (<Keys id="compare" />)
          </span>{' '}
          sets the sides side by side.{' '}
          <button type="button" class="button button--small" onClick={() => onCommand('compare')}>
            See the sides side by side
          </button>
        </li>
        <li class="welcome__step">
          <strong>Bring your own.</strong> {commandById('import').label}{' '}
          <span class="welcome__keys">
            (<Keys id="import" />)
          </span>
          , or drop or paste a file.{' '}
          <button type="button" class="button button--small" onClick={() => onCommand('import')}>
            Choose a file…
          </button>
        </li>
      </ol>
      <p class="welcome__later">
        Help › {commandById('getting-started').label} shows this again; <Keys id="shortcuts" /> lists every
        key.
      </p>
    </section>
  );
}
