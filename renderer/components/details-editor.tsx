// "Edit details": the document's title, authors, date, container (where it was published), web address, pages and
// citation key, saved through updateDocument as one undoable change; errors (a date Parley cannot read, a key
// another document has) keep the form open and say what is wrong. The key is never made again by itself when the
// other fields change, as a manuscript may already cite it; "Make from details" asks main for the key these details
// make (unique in the notebook), and puts it in the field to be saved.
import { useId, useState } from 'preact/hooks';
import { errorMessage } from '../format';
import type { ParleyDocument } from '../types';
import { Modal } from './modal';

export interface DetailsPatch {
  title: string;
  source: string;
  published: string;
  authors: string[];
  url: string;
  pages: string;
  /** Only when changed: a document's own key is left as it is. */
  citationKey?: string;
}

/** What "Make from details" makes a key from. */
export interface KeyDetails {
  title: string;
  source: string;
  published: string;
  authors: string[];
}

interface DetailsEditorProps {
  document: ParleyDocument;
  onSave: (patch: DetailsPatch) => Promise<void>;
  /** The key these details make, unique in the notebook. */
  onSuggestKey: (details: KeyDetails) => Promise<string>;
  onCancel: () => void;
}

/** The authors field's text as a list: one per line, or separated by semicolons; blanks left out. */
export function authorsFromText(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '');
}

export function DetailsEditor({ document: doc, onSave, onSuggestKey, onCancel }: DetailsEditorProps) {
  const [title, setTitle] = useState(doc.title);
  const [authors, setAuthors] = useState(doc.authors.join('\n'));
  const [source, setSource] = useState(doc.source);
  const [published, setPublished] = useState(doc.published);
  const [url, setUrl] = useState(doc.url);
  const [pages, setPages] = useState(doc.pages);
  const [citationKey, setCitationKey] = useState(doc.citationKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = {
    title: useId(),
    authors: useId(),
    authorsHint: useId(),
    source: useId(),
    published: useId(),
    hint: useId(),
    url: useId(),
    pages: useId(),
    pagesHint: useId(),
    key: useId(),
    keyHint: useId(),
  };

  const save = async () => {
    if (!title.trim()) {
      setError('A document needs a title.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const key = citationKey.trim();
      await onSave({
        title: title.trim(),
        source: source.trim(),
        published: published.trim(),
        authors: authorsFromText(authors),
        url: url.trim(),
        pages: pages.trim(),
        ...(key !== doc.citationKey ? { citationKey: key } : {}),
      });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const makeKey = async () => {
    setError(null);
    try {
      setCitationKey(
        await onSuggestKey({
          title: title.trim(),
          source: source.trim(),
          published: published.trim(),
          authors: authorsFromText(authors),
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Modal label="Document details" onCancel={onCancel} class="details">
      <form
        class="details__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 class="editor__title">Document details</h2>
        <label class="field" for={ids.title}>
          <span class="field__label">Title</span>
          <input
            id={ids.title}
            class="input"
            type="text"
            required
            maxLength={1000}
            value={title}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </label>
        <label class="field" for={ids.authors}>
          <span class="field__label">Authors</span>
          <textarea
            id={ids.authors}
            class="input details__authors"
            rows={2}
            aria-describedby={ids.authorsHint}
            value={authors}
            onInput={(event) => setAuthors(event.currentTarget.value)}
          />
          <span id={ids.authorsHint} class="field__hint">
            One per line (or separated by ;), a person as Family, Given: Doe, Jane. An organization or a name
            cited whole without a comma: Reuters
          </span>
        </label>
        <label class="field" for={ids.published}>
          <span class="field__label">Date</span>
          <input
            id={ids.published}
            class="input"
            type="text"
            maxLength={40}
            placeholder="YYYY-MM-DD"
            aria-describedby={ids.hint}
            value={published}
            onInput={(event) => setPublished(event.currentTarget.value)}
          />
          <span id={ids.hint} class="field__hint">
            As YYYY-MM-DD, optionally with a time: 2009-11-02T10:22
          </span>
        </label>
        <label class="field" for={ids.source}>
          <span class="field__label">Published in (source)</span>
          <input
            id={ids.source}
            class="input"
            type="text"
            maxLength={1000}
            placeholder="The paper, site or journal"
            value={source}
            onInput={(event) => setSource(event.currentTarget.value)}
          />
        </label>
        <label class="field" for={ids.url}>
          <span class="field__label">Web address</span>
          <input
            id={ids.url}
            class="input"
            type="text"
            inputMode="url"
            spellcheck={false}
            maxLength={4000}
            placeholder="https://"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <label class="field" for={ids.pages}>
          <span class="field__label">Pages</span>
          <input
            id={ids.pages}
            class="input"
            type="text"
            maxLength={200}
            aria-describedby={ids.pagesHint}
            value={pages}
            onInput={(event) => setPages(event.currentTarget.value)}
          />
          <span id={ids.pagesHint} class="field__hint">
            The pages it spans in the paper or journal: 12-19
          </span>
        </label>
        <div class="field">
          <label class="field__label" for={ids.key}>
            Citation key
          </label>
          <div class="details__key">
            <input
              id={ids.key}
              class="input"
              type="text"
              maxLength={100}
              spellcheck={false}
              aria-describedby={ids.keyHint}
              value={citationKey}
              onInput={(event) => setCitationKey(event.currentTarget.value)}
            />
            <button type="button" class="button" onClick={() => void makeKey()}>
              Make from details
            </button>
          </div>
          <span id={ids.keyHint} class="field__hint">
            How Pandoc citations name it, [@key]: unique in the notebook; letters, digits and _ - : .
          </span>
        </div>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
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
