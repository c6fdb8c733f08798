// While files are dragged over the window with a document open, two places to drop them: as new documents (the
// window's usual import, which the drop reaches as before), or as a new version of the open document. A drop on
// the second is taken here (its default prevented, so the window's import leaves it alone).
import { useState } from 'preact/hooks';
import './versions.css';

export interface VersionDropTargetsProps {
  title: string;
  onDropVersion(files: File[]): void;
}

export function VersionDropTargets({ title, onDropVersion }: VersionDropTargetsProps) {
  const [over, setOver] = useState<'document' | 'version' | null>(null);
  const target = (which: 'document' | 'version') => ({
    onDragEnter: () => setOver(which),
    onDragLeave: (event: DragEvent) => {
      if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) setOver(null);
    },
  });
  return (
    <div class="version-drop" aria-hidden="true">
      <div
        class={`version-drop__target${over === 'document' ? ' version-drop__target--over' : ''}`}
        data-drop="document"
        {...target('document')}
      >
        Import as a new document
      </div>
      <div
        class={`version-drop__target version-drop__target--version${over === 'version' ? ' version-drop__target--over' : ''}`}
        data-drop="version"
        {...target('version')}
        onDrop={(event) => {
          if (!event.dataTransfer?.types.includes('Files')) return;
          event.preventDefault();
          onDropVersion([...event.dataTransfer.files]);
        }}
      >
        Import as a new version of ‘{title || 'Untitled'}’
      </div>
    </div>
  );
}
