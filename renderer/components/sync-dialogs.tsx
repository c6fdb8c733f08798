// Team sync's dialogs: share this notebook (the server's address and the team token, then the link to give
// colleagues, with a Copy button), join a shared notebook (link, address, token; main asks where to save the copy,
// then Parley restarts with it open), confirm stopping, and Preferences (the author name recorded on highlights).
// While no author name is set, sharing and joining ask for it, since colleagues see it beside each highlight and
// each value of a conflict. A refusal is said in the dialog, which keeps what was typed.
import type { JSX } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import type { SyncStatus } from '../../shared/contract';
import { errorMessage } from '../format';
import { serverProblem } from '../state/sync';
import { Modal } from './modal';
import './sync.css';

const NAME_HINT =
  'Recorded on each highlight you make here, and shown to the colleagues you share notebooks with beside your highlights and changes.';

/** The author name field, given while no name is set (sharing and joining ask for it). */
function NameField({ value, onInput }: { value: string; onInput(value: string): void }) {
  const ids = { field: useId(), hint: useId() };
  return (
    <label class="field" for={ids.field}>
      <span class="field__label">Your name</span>
      <input
        id={ids.field}
        class="input"
        type="text"
        autoComplete="name"
        maxLength={200}
        value={value}
        aria-describedby={ids.hint}
        onInput={(input) => onInput(input.currentTarget.value)}
      />
      <span id={ids.hint} class="field__hint">
        {NAME_HINT}
      </span>
    </label>
  );
}

/** The server's address and the team token, as sharing and joining both ask for them. */
function ServerFields(props: {
  server: string;
  token: string;
  onServer(value: string): void;
  onToken(value: string): void;
}) {
  const ids = { server: useId(), serverHint: useId(), token: useId(), tokenHint: useId() };
  return (
    <>
      <label class="field" for={ids.server}>
        <span class="field__label">Sync server address</span>
        <input
          id={ids.server}
          class="input"
          type="url"
          inputMode="url"
          spellcheck={false}
          autoComplete="off"
          maxLength={2048}
          placeholder="wss://sync.example.org"
          value={props.server}
          aria-describedby={ids.serverHint}
          onInput={(input) => props.onServer(input.currentTarget.value)}
        />
        <span id={ids.serverHint} class="field__hint">
          Starts ws://, wss://, http:// or https://. Your team runs the server (npm run sync-server).
        </span>
      </label>
      <label class="field" for={ids.token}>
        <span class="field__label">Team token</span>
        <input
          id={ids.token}
          class="input"
          type="password"
          spellcheck={false}
          autoComplete="off"
          maxLength={1000}
          value={props.token}
          aria-describedby={ids.tokenHint}
          onInput={(input) => props.onToken(input.currentTarget.value)}
        />
        <span id={ids.tokenHint} class="field__hint">
          The server lets in only those who give it. It stays on this computer.
        </span>
      </label>
    </>
  );
}

/** What to check before a call: the address, the token and (when asked) the name. */
function fieldsProblem(server: string, token: string, name: string | null): string | null {
  if (name !== null && !name.trim()) return 'Give your name: colleagues see it beside your highlights.';
  const problem = serverProblem(server);
  if (problem) return problem;
  if (!token.trim()) return 'Give the team token: the server refuses anyone without it.';
  return null;
}

function Alert({ error }: { error: string | null }) {
  return error ? (
    <p class="alert" role="alert">
      {error}
    </p>
  ) : null;
}

/** The notebook link, selectable, with a button that copies it. */
function LinkToGive({ link, server }: { link: string; server: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const ids = { link: useId(), hint: useId() };
  const copy = async () => {
    const field = input.current;
    if (!field) return;
    field.focus();
    field.select();
    // The page may not ask for clipboard permission (Parley grants none): a copy of the selected text needs none.
    let done = document.execCommand('copy');
    if (!done) {
      try {
        await navigator.clipboard.writeText(link);
        done = true;
      } catch {
        done = false;
      }
    }
    setCopied(done ? 'Copied.' : 'Could not copy: the link is selected, press Ctrl+C (⌘+C).');
  };
  return (
    <div class="sync-link">
      <label class="field" for={ids.link}>
        <span class="field__label">Notebook link</span>
        <span class="sync-link__row">
          <input
            id={ids.link}
            ref={input}
            class="input sync-link__input"
            type="text"
            readOnly
            spellcheck={false}
            value={link}
            aria-describedby={ids.hint}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" class="button" onClick={() => void copy()}>
            Copy
          </button>
        </span>
      </label>
      <p id={ids.hint} class="sync-link__give">
        Give your colleagues three things: this link, the server address
        {server ? (
          <>
            {' '}
            (<span class="sync-link__server">{server}</span>)
          </>
        ) : null}{' '}
        and the team token. Each of them joins with File › Join Shared Notebook…, and Parley keeps your copies
        in step, offline edits included.
      </p>
      <p class="sync-link__copied" role="status">
        {copied}
      </p>
    </div>
  );
}

export interface ShareDialogProps {
  /** Where sync stands: a notebook shared already shows its link. */
  status: SyncStatus;
  /** No author name is set: the dialog asks for it. */
  needsName: boolean;
  onShare(input: { server: string; token: string; authorName?: string }): Promise<SyncStatus>;
  onClose(): void;
}

export function ShareDialog({ status, needsName, onShare, onClose }: ShareDialogProps): JSX.Element {
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shared = status.phase !== 'off' && status.link ? status : null;

  const share = async () => {
    if (busy) return;
    const problem = fieldsProblem(server, token, needsName ? name : null);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onShare({ server, token, ...(needsName ? { authorName: name.trim() } : {}) });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Share notebook" onCancel={onClose} class="details sync-dialog">
      {shared ? (
        <div class="details__form">
          <h2 class="editor__title">This notebook is shared</h2>
          <LinkToGive link={shared.link!} server={shared.server} />
          <div class="editor__actions">
            <button type="button" class="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form
          class="details__form"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            void share();
          }}
        >
          <h2 class="editor__title">Share this notebook</h2>
          <p class="editor__hint">
            Parley puts this notebook on your team’s sync server and keeps it in step from then on: each
            colleague who joins gets a copy, edits it offline or online, and sees the others’ changes. Nothing
            is sent until you press Share.
          </p>
          {needsName && <NameField value={name} onInput={setName} />}
          <ServerFields server={server} token={token} onServer={setServer} onToken={setToken} />
          <Alert error={error} />
          <div class="editor__actions">
            <button type="button" class="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? 'Sharing…' : 'Share'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

export interface JoinDialogProps {
  needsName: boolean;
  /** Null when the user cancelled the choice of where to save it. */
  onJoin(input: {
    link: string;
    server: string;
    token: string;
    authorName?: string;
  }): Promise<{ path: string } | null>;
  onClose(): void;
}

export function JoinDialog({ needsName, onJoin, onClose }: JoinDialogProps): JSX.Element {
  const [link, setLink] = useState('');
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const ids = { link: useId(), linkHint: useId() };

  const join = async () => {
    if (busy) return;
    const problem = link.trim()
      ? fieldsProblem(server, token, needsName ? name : null)
      : 'Give the notebook link your colleague sent (it starts automerge:).';
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const joined = await onJoin({ link, server, token, ...(needsName ? { authorName: name.trim() } : {}) });
      if (joined) setMade(joined.path);
      else setError('No notebook was made: no place to save it was chosen.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Join shared notebook" onCancel={onClose} class="details sync-dialog">
      {made ? (
        <div class="details__form">
          <h2 class="editor__title">Joined</h2>
          <p role="status" class="sync-dialog__done">
            The shared notebook is saved at <span class="sync-dialog__path">{made}</span>. Parley now restarts
            with it open; this notebook is kept as it is.
          </p>
        </div>
      ) : (
        <form
          class="details__form"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            void join();
          }}
        >
          <h2 class="editor__title">Join a shared notebook</h2>
          <p class="editor__hint">
            Parley asks where to save the notebook, copies it from the server, then restarts with it open. The
            notebook open now stays as it is.
          </p>
          {needsName && <NameField value={name} onInput={setName} />}
          <label class="field" for={ids.link}>
            <span class="field__label">Notebook link</span>
            <input
              id={ids.link}
              class="input"
              type="text"
              spellcheck={false}
              autoComplete="off"
              maxLength={200}
              placeholder="automerge:…"
              value={link}
              aria-describedby={ids.linkHint}
              onInput={(input) => setLink(input.currentTarget.value)}
            />
            <span id={ids.linkHint} class="field__hint">
              The link a colleague gave you from File › Share Notebook….
            </span>
          </label>
          <ServerFields server={server} token={token} onServer={setServer} onToken={setToken} />
          <Alert error={error} />
          <div class="editor__actions">
            <button type="button" class="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? 'Joining…' : 'Join…'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

export function StopSyncDialog(props: {
  server: string | null;
  onStop(): Promise<boolean>;
  onCancel(): void;
}): JSX.Element {
  const [busy, setBusy] = useState(false);
  return (
    <Modal label="Stop syncing" onCancel={props.onCancel} class="details sync-dialog">
      <form
        class="details__form"
        onSubmit={async (submitted) => {
          submitted.preventDefault();
          if (busy) return;
          setBusy(true);
          if (!(await props.onStop())) setBusy(false);
        }}
      >
        <h2 class="editor__title">Stop syncing this notebook?</h2>
        <p class="editor__hint">
          Changes made here are no longer sent{props.server ? ` to ${props.server}` : ''}, and colleagues’
          changes no longer arrive. This notebook stays as it is, and so does its copy on the server: share it
          again to go on.
        </p>
        <div class="editor__actions">
          <button type="button" class="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--danger" disabled={busy}>
            Stop syncing
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function PreferencesDialog(props: {
  authorName: string;
  onSave(name: string): Promise<void>;
  onCancel(): void;
}): JSX.Element {
  const [name, setName] = useState(props.authorName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), hint: useId() };
  return (
    <Modal label="Preferences" onCancel={props.onCancel} class="details sync-dialog">
      <form
        class="details__form"
        onSubmit={async (submitted) => {
          submitted.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(null);
          try {
            await props.onSave(name.trim());
          } catch (failure) {
            setError(errorMessage(failure));
            setBusy(false);
          }
        }}
      >
        <h2 class="editor__title">Preferences</h2>
        <label class="field" for={ids.name}>
          <span class="field__label">Your name</span>
          <input
            id={ids.name}
            class="input"
            type="text"
            autoComplete="name"
            maxLength={200}
            value={name}
            aria-describedby={ids.hint}
            onInput={(input) => setName(input.currentTarget.value)}
          />
          <span id={ids.hint} class="field__hint">
            {NAME_HINT} Highlights made before keep the name they were made with.
          </span>
        </label>
        <Alert error={error} />
        <div class="editor__actions">
          <button type="button" class="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
