// Help → Keyboard shortcuts (also `?`): every shortcut the window answers to, grouped, read from the command table
// through shortcuts.ts. It opens at its top, title in view, with focus on Close, which stands under the title (at
// the foot of a list longer than the window it would be off-screen, or the focus would scroll the title away).
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { shortcutGroups } from '../shortcuts';
import { Modal } from './modal';

/** Whether the window runs on a Mac, where CmdOrCtrl is ⌘. */
const isMac = () => /mac/i.test(navigator.platform);

export function ShortcutsDialog({ onClose }: { onClose: () => void }): JSX.Element {
  const groups = shortcutGroups(isMac());
  const closeRef = useRef<HTMLButtonElement>(null);
  // Runs after the dialog is shown (the Modal's own layout effect runs first, as a child's does).
  useLayoutEffect(() => {
    const close = closeRef.current;
    close?.focus({ preventScroll: true });
    const dialog = close?.closest('dialog');
    if (dialog) dialog.scrollTop = 0;
  }, []);
  return (
    <Modal label="Keyboard shortcuts" onCancel={onClose} class="shortcuts">
      <div class="details__form">
        <h2 class="editor__title">Keyboard shortcuts</h2>
        <div class="editor__actions">
          <button type="button" class="button button--primary" ref={closeRef} onClick={onClose}>
            Close
          </button>
        </div>
        {groups.map((group) => (
          <table key={group.title} class="shortcuts__table">
            <caption class="shortcuts__caption">{group.title}</caption>
            <thead class="visually-hidden">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {group.shortcuts.map((shortcut) => (
                <tr key={`${shortcut.keys.flat().join('+')} ${shortcut.action}`}>
                  <th scope="row" class="shortcuts__keys">
                    {shortcut.keys.map((accelerator, j) => (
                      <>
                        {j > 0 && ' '}
                        {accelerator.map((key, i) => (
                          <>
                            {i > 0 && '+'}
                            <kbd>{key}</kbd>
                          </>
                        ))}
                      </>
                    ))}
                  </th>
                  <td>{shortcut.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Modal>
  );
}
