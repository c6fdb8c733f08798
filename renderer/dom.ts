// What the views ask of the page itself: where focus is, where a card or passage sits, how to scroll to it.
// The state modules stay free of the DOM; these are the views' helpers.

/** Whether keyboard focus is somewhere typing goes, where single-letter shortcuts must not fire. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Scrolls the window just enough to show a passage below the toolbar, a third of the way down when it moves. */
export function revealRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  const toolbarBottom = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
  const top = toolbarBottom + 24;
  const bottom = window.innerHeight - 24;
  if (rect.top >= top && rect.bottom <= bottom) return;
  const room = bottom - top;
  const delta = rect.height >= room ? rect.top - top : rect.top - top - (room - rect.height) / 3;
  window.scrollBy({ top: delta, behavior: scrollBehavior() });
}

export function cardFor(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.margin [data-annotation-id="${CSS.escape(id)}"]`);
}

export function reviewCardFor(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.review [data-annotation-id="${CSS.escape(id)}"]`);
}

export function focusSuggestionList(): void {
  document.querySelector<HTMLElement>('.suggestions')?.focus({ preventScroll: true });
}

/** Focuses, after the next paint, the toolbar button with this text (a panel or dialog it opened closed). */
export function focusToolbarButton(label: string): void {
  requestAnimationFrame(() =>
    [...document.querySelectorAll<HTMLElement>('.toolbar button')]
      .find((b) => b.textContent === label)
      ?.focus({ preventScroll: true }),
  );
}

/** Focuses the first element matching the selector after the next paint (with `select`, selects a field's text). */
export function focusSoon(selector: string, options?: { select?: boolean }): void {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(selector);
    element?.focus({ preventScroll: true });
    if (options?.select && element instanceof HTMLInputElement) element.select();
  });
}

/**
 * ↑ and ↓ (Home and End) move focus between a list's rows, the rows being what `selector` finds in `list`; Tab
 * goes through each row's buttons. Returns whether the key was one of these (it is then taken).
 */
export function moveBetweenRows(event: KeyboardEvent, list: HTMLElement | null, selector: string): boolean {
  const rows = [...(list?.querySelectorAll<HTMLElement>(selector) ?? [])];
  const current = (event.target as HTMLElement).closest<HTMLElement>(selector);
  const at = current ? rows.indexOf(current) : -1;
  let next: number;
  if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, at + 1);
  else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = rows.length - 1;
  else return false;
  event.preventDefault();
  rows[next]?.focus();
  return true;
}
