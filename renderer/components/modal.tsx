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
const BESIDE_MIN = 232;
/** Narrower than this, its fields are stacked one under another (`modal--narrow`). */
const STACK_BELOW = 360;
/** The widest it gets (as the stylesheet's .modal). */
const WIDEST = 512;
/** The least gap kept between the text's column and a dialog in the margin. */
const GUTTER = 8;
/** Under the passage, the least height worth showing before the page is scrolled to make room. */
const UNDER_MIN = 320;

/** The bottom of the sticky toolbar: nothing is placed behind it. */
function toolbarBottom(): number {
  return document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
}

/** The top of the status bar along the window's foot (or the window's bottom): nothing is placed under it. */
function floorTop(): number {
  const bar = document.querySelector('.status-bar')?.getBoundingClientRect();
  return Math.min(window.innerHeight, bar && bar.height > 0 ? bar.top : window.innerHeight) - EDGE;
}

/**
 * Places the dialog beside its anchor (the passage it is about, or its note card), never over the passage: in the
 * margin, level with it, when the margin is beside the text (as wide as the margin and the gutter before it allow,
 * its fields stacked when that is narrow); else directly under it (the page scrolled so the dialog is in view).
 * Either way it stays between the toolbar and the status bar, scrolling inside when taller than that room.
 */
function place(dialog: HTMLDialogElement, anchor: Anchor): void {
  const viewWidth = window.innerWidth;
  const ceiling = toolbarBottom() + EDGE;
  const floor = floorTop();
  const margin = document.querySelector('.margin')?.getBoundingClientRect();
  const text = document.querySelector('.reading')?.getBoundingClientRect();
  const lines = document.querySelector('.doc-text')?.getBoundingClientRect();
  // Into the gutter between the text and the margin, never over the text's own lines.
  const besideLeft = margin && lines ? Math.max(lines.right + GUTTER, Math.min(margin.left, viewWidth)) : 0;
  const room = margin ? viewWidth - EDGE - Math.min(besideLeft, margin.left) : 0;
  if (margin && text && lines && margin.left >= text.right && room >= BESIDE_MIN) {
    const left = Math.min(besideLeft, margin.left);
    const width = Math.round(Math.min(WIDEST, viewWidth - EDGE - left));
    dialog.style.setProperty('width', `${width}px`);
    dialog.classList.toggle('modal--narrow', width < STACK_BELOW);
    dialog.style.setProperty('max-height', `${Math.round(floor - ceiling)}px`);
    const { height } = dialog.getBoundingClientRect();
    const top = Math.max(ceiling, Math.min(anchor.top, floor - height));
    dialog.style.setProperty('top', `${Math.round(top)}px`);
    dialog.style.setProperty('left', `${Math.round(left)}px`);
    dialog.style.setProperty('max-height', `${Math.round(floor - top)}px`);
    return;
  }
  dialog.classList.toggle('modal--narrow', dialog.getBoundingClientRect().width < STACK_BELOW);
  const { width, height } = dialog.getBoundingClientRect();
  let { bottom } = anchor;
  const wanted = Math.min(height, UNDER_MIN, floor - ceiling);
  if (bottom + EDGE + wanted > floor) {
    // Scroll the passage up, so the dialog under it is in view.
    const before = window.scrollY;
    window.scrollBy({ top: bottom + EDGE + wanted - floor, behavior: 'instant' });
    bottom -= window.scrollY - before;
  }
  const top = Math.min(Math.max(bottom + EDGE, ceiling), floor - wanted);
  const left = Math.min(Math.max(anchor.left, EDGE), Math.max(EDGE, viewWidth - EDGE - width));
  dialog.style.setProperty('top', `${Math.round(top)}px`);
  dialog.style.setProperty('left', `${Math.round(left)}px`);
  dialog.style.setProperty('max-height', `${Math.round(floor - top)}px`);
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
