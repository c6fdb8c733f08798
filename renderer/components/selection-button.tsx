// The "Highlight" button that appears beside a selection in the text; it keeps the selection alive by not taking
// focus on mouse down.
interface SelectionButtonProps {
  /** Page coordinates (document scroll included) of the selection's last line end. */
  top: number;
  left: number;
  onHighlight: () => void;
}

export function SelectionButton({ top, left, onHighlight }: SelectionButtonProps) {
  return (
    <button
      type="button"
      class="selection-button"
      aria-keyshortcuts="H Control+Shift+H"
      ref={(button) => {
        button?.style.setProperty('top', `${Math.round(top)}px`);
        button?.style.setProperty('left', `${Math.round(left)}px`);
      }}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onHighlight}
    >
      Highlight
    </button>
  );
}
