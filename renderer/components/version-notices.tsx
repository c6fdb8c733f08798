// What the status bar says about versions: what importing a newer version did, with the way to its review, and for
// each page just imported whose address is that of a document already in the notebook, the offer to make it a
// newer version of that document. Each stays until it is taken or dismissed.
import type { SameAddressOffer, VersionNotice } from '../state/versions';
import { importedText, toReview } from '../state/versions';
import './versions.css';

export interface VersionNoticesProps {
  notice: VersionNotice | null;
  offers: ReadonlyArray<SameAddressOffer & { ofTitle: string }>;
  onReview(): void;
  onDismissNotice(): void;
  onMakeVersion(offer: SameAddressOffer): void;
  onDismissOffer(documentId: string): void;
}

export function VersionNotices(props: VersionNoticesProps) {
  const { notice, offers } = props;
  return (
    <>
      {notice && (
        <div class="notice notice--question version-notice" role="group" aria-label="New version">
          <span role="status">{importedText(notice.version, notice.counts)}.</span>
          {toReview(notice.counts) > 0 && (
            <button type="button" class="button button--small button--primary" onClick={props.onReview}>
              Open review
            </button>
          )}
          <button type="button" class="button button--small" onClick={props.onDismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {offers.map((offer) => (
        <div
          key={offer.documentId}
          class="notice notice--question version-notice"
          role="group"
          aria-label="Same address"
        >
          <span role="status">
            ‘{offer.title}’ has the same address as ‘{offer.ofTitle}’. Make it a new version of it?
          </span>
          <button
            type="button"
            class="button button--small button--primary"
            onClick={() => props.onMakeVersion(offer)}
          >
            Make it a new version
          </button>
          <button
            type="button"
            class="button button--small"
            onClick={() => props.onDismissOffer(offer.documentId)}
          >
            Keep apart
          </button>
        </div>
      ))}
    </>
  );
}
