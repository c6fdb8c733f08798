// A modal <dialog> shown with showModal(), so focus stays inside, Esc cancels and the rest of the page is inert;
// optionally placed beside an anchor rectangle (the selection) instead of the centre of the window.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Anchor } from '../state/ui';

interface ModalProps {
  label: string;
  onCancel: () => void;
  /** Viewport rectangle to sit beside; centred when absent. */
  anchor?: Anchor | null;
  class?: string;
  children: ComponentChildren;
}

const EDGE = 12;

function place(dialog: HTMLDialogElement, anchor: Anchor): void {
  const { width, height } = dialog.getBoundingClientRect();
  const viewWidth = window.innerWidth;
  const viewHeight = window.innerHeight;
  let top = anchor.bottom + EDGE;
  if (top + height > viewHeight - EDGE) top = anchor.top - EDGE - height;
  top = Math.min(Math.max(top, EDGE), Math.max(EDGE, viewHeight - EDGE - height));
  const left = Math.min(Math.max(anchor.left, EDGE), Math.max(EDGE, viewWidth - EDGE - width));
  dialog.style.setProperty('top', `${Math.round(top)}px`);
  dialog.style.setProperty('left', `${Math.round(left)}px`);
}

export function Modal({ label, onCancel, anchor, class: className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    if (anchor) place(dialog, anchor);
    return () => {
      if (dialog.open) dialog.close();
    };
    // Placed once when shown: later renders keep the position the reader saw.
  }, []);

  return (
    <dialog
      ref={ref}
      aria-label={label}
      class={`modal${anchor ? ' modal--anchored' : ''}${className ? ` ${className}` : ''}`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
