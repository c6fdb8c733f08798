// The status bar at the bottom of the window, outside the reading column: the polite status line (with Undo beside
// a deletion), progress of long work, the error, the offer to import what was pasted, and where sync stands. A passing message leaves
// after a few seconds and an error after longer; one with an action (Undo) stays until it is dismissed or taken,
// and a newer message replaces any of them. The pointer over a notice or focus in it holds its time. The bar keeps
// its place whether or not it has something to say, so a message appearing never covers a line of text.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { dismissNotice, messageHasAction, noticeLifetime } from '../state/ui';
import { useAppState, useStore } from '../state/use-store';
import '../styles/notices.css';
import { VersionStatus } from './versions-view';
import { SyncStatusView } from './sync-view';

/** After the pointer or focus leaves a notice, at least this long before it goes. */
const AFTER_HOLD_MS = 2_000;

interface Countdown {
  /** Time left while it does not run. */
  left: number;
  /** When it last started running. */
  since: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Runs `expire` once a notice has been shown for `ms` (null: it never expires), counting only the time it is not
 * held: the pointer over it or focus in it pauses the count. A new `key` (a new notice) starts it afresh.
 */
function useLifetime(key: string, ms: number | null, expire: () => void) {
  const expireNow = useRef(expire);
  expireNow.current = expire;
  const held = useRef(new Set<'pointer' | 'focus'>());
  const countdown = useRef<Countdown | null>(null);

  const resume = () => {
    const current = countdown.current;
    if (!current || current.timer !== undefined || held.current.size > 0) return;
    current.since = Date.now();
    current.timer = setTimeout(() => {
      current.timer = undefined;
      expireNow.current();
    }, current.left);
  };
  const pause = () => {
    const current = countdown.current;
    if (!current || current.timer === undefined) return;
    clearTimeout(current.timer);
    current.timer = undefined;
    current.left = Math.max(AFTER_HOLD_MS, current.left - (Date.now() - current.since));
  };

  useEffect(() => {
    if (ms === null) return undefined;
    countdown.current = { left: ms, since: 0, timer: undefined };
    resume();
    return () => {
      pause();
      countdown.current = null;
    };
  }, [key, ms]);

  const hold = (why: 'pointer' | 'focus', on: boolean) => {
    if (on) {
      held.current.add(why);
      pause();
    } else {
      held.current.delete(why);
      resume();
    }
  };
  return {
    onMouseEnter: () => hold('pointer', true),
    onMouseLeave: () => hold('pointer', false),
    onFocusIn: () => hold('focus', true),
    onFocusOut: (event: FocusEvent) => {
      const inside = event.currentTarget as Element | null;
      if (!inside?.contains(event.relatedTarget as Node | null)) hold('focus', false);
    },
  };
}

/** A dismiss button that leaves focus in the text rather than on nothing when it takes its notice away. */
function DismissButton({ label, text, onDismiss }: { label: string; text?: string; onDismiss(): void }) {
  return (
    <button
      type="button"
      class="button button--small button--quiet status-bar__dismiss"
      aria-label={label}
      title={label}
      onClick={(event) => {
        const hadFocus = (event.currentTarget as HTMLElement).contains(document.activeElement);
        onDismiss();
        if (hadFocus) document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
      }}
    >
      {text ?? <span aria-hidden="true">×</span>}
    </button>
  );
}

function Held({
  hold,
  class: className,
  children,
}: {
  hold: ReturnType<typeof useLifetime>;
  class: string;
  children: ComponentChildren;
}) {
  return (
    <div class={className} {...hold}>
      {children}
    </div>
  );
}

export function Notices() {
  const store = useStore();
  const { ui, notebook } = useAppState();
  const { message, messageTick, progress, error, pendingPaste } = ui;
  const canUndo = !!notebook.history?.canUndo;
  const showsUndo = messageHasAction(ui, canUndo);

  const messageHold = useLifetime(
    `${messageTick}\u0000${message}`,
    noticeLifetime(ui, 'message', canUndo),
    () => store.setUi((current) => dismissNotice(current, 'message', { text: message, tick: messageTick })),
  );
  const errorHold = useLifetime(error ?? '', noticeLifetime(ui, 'error', canUndo), () =>
    store.setUi((current) => dismissNotice(current, 'error', { text: error ?? '' })),
  );

  // The bar's height, for the page's room at its foot and the panels' lower edge.
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--status-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={bar} class="notices status-bar" role="region" aria-label="Status">
      <Held hold={messageHold} class="notice-row">
        <p class="notice" role="status" aria-live="polite">
          {message}
        </p>
        {showsUndo && (
          <button
            type="button"
            class="button button--small notice__undo"
            onClick={() => void store.runHistory('undo')}
          >
            Undo
          </button>
        )}
        {message && (
          <DismissButton
            label="Dismiss message"
            onDismiss={() =>
              store.setUi((current) =>
                dismissNotice(current, 'message', { text: message, tick: messageTick }),
              )
            }
          />
        )}
      </Held>
      {progress && (
        <div class="notice notice--progress">
          <label class="progress">
            <span>{progress.task}…</span>
            <progress
              max={progress.total || undefined}
              value={progress.total ? progress.done : undefined}
              aria-valuetext={
                progress.total ? `${Math.floor(progress.done)} of ${progress.total}` : undefined
              }
            />
          </label>
          {progress.task.startsWith('Importing') && (
            <button type="button" class="button button--small" onClick={() => void store.cancelImport()}>
              Cancel import
            </button>
          )}
        </div>
      )}
      <Held hold={errorHold} class="notice notice--error">
        <div class="notice__alert" role="alert">
          {error && <span>{error}</span>}
        </div>
        {error && (
          <DismissButton
            label="Dismiss error"
            text="Dismiss"
            onDismiss={() => store.setUi((current) => dismissNotice(current, 'error', { text: error }))}
          />
        )}
      </Held>
      {pendingPaste && (
        <div class="notice notice--question" role="group" aria-label="Import pasted text">
          <span>Import the pasted {pendingPaste.kind} as a new document?</span>
          <button
            type="button"
            class="button button--small button--primary"
            onClick={() => {
              store.patchUi({ pendingPaste: null });
              void store.importBytes([pendingPaste]);
            }}
          >
            Import
          </button>
          <button
            type="button"
            class="button button--small"
            onClick={() => store.patchUi({ pendingPaste: null })}
          >
            Dismiss
          </button>
        </div>
      )}
      <VersionStatus />
      <SyncStatusView />
    </div>
  );
}
