// A modal <dialog> shown with showModal(), so focus stays inside, Esc cancels and the rest of the page is inert;
// optionally placed beside an anchor rectangle (the selection, a note) instead of the centre of the window: in the
// margin beside it, or under it where there is no margin, never over the passage it is about.
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
/** The narrowest the dialog gets beside the text before it goes under the passage instead. */
const BESIDE_MIN = 288;
/** The widest it gets (as the stylesheet's .modal). */
const WIDEST = 512;
/** Under the passage, the least height worth showing before the page is scrolled to make room. */
const UNDER_MIN = 320;

/** The bottom of the sticky toolbar: nothing is placed behind it. */
function toolbarBottom(): number {
  return document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
}

/**
 * Places the dialog beside its anchor (the passage it is about, or its note card), never over the passage: in the
 * margin, level with it, when the margin is beside the text; else directly under it (the page scrolled up first
 * when there is too little room under it), as tall as the room there.
 */
function place(dialog: HTMLDialogElement, anchor: Anchor): void {
  const viewWidth = window.innerWidth;
  const viewHeight = window.innerHeight;
  const ceiling = toolbarBottom() + EDGE;
  const margin = document.querySelector('.margin')?.getBoundingClientRect();
  const text = document.querySelector('.reading')?.getBoundingClientRect();
  const room = margin ? viewWidth - EDGE - margin.left : 0;
  if (margin && text && margin.left >= text.right && room >= BESIDE_MIN) {
    dialog.style.setProperty('width', `${Math.round(Math.min(WIDEST, room))}px`);
    const { height } = dialog.getBoundingClientRect();
    const top = Math.max(ceiling, Math.min(anchor.top, viewHeight - EDGE - height));
    dialog.style.setProperty('top', `${Math.round(top)}px`);
    dialog.style.setProperty('left', `${Math.round(margin.left)}px`);
    dialog.style.setProperty('max-height', `${Math.round(viewHeight - EDGE - top)}px`);
    return;
  }
  const { width, height } = dialog.getBoundingClientRect();
  let { bottom } = anchor;
  const wanted = Math.min(height, UNDER_MIN);
  if (bottom + EDGE + wanted > viewHeight - EDGE) {
    // Scroll the passage up to just under the toolbar, so the dialog fits under it.
    const shift = Math.min(anchor.top - ceiling, bottom + EDGE + wanted - (viewHeight - EDGE));
    if (shift > 0) {
      window.scrollBy({ top: shift, behavior: 'instant' });
      bottom -= shift;
    }
  }
  const top = Math.min(Math.max(bottom + EDGE, ceiling), viewHeight - EDGE - Math.min(height, UNDER_MIN));
  const left = Math.min(Math.max(anchor.left, EDGE), Math.max(EDGE, viewWidth - EDGE - width));
  dialog.style.setProperty('top', `${Math.round(top)}px`);
  dialog.style.setProperty('left', `${Math.round(left)}px`);
  dialog.style.setProperty('max-height', `${Math.round(viewHeight - EDGE - top)}px`);
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
