// The article as a reader sees it: title, source and date, then one <p> or <h2> per block holding a single text
// node, rendered once per text so the DOM the highlights point into stays put.
import { Component, createRef } from 'preact';
import { formatPublished } from '../format';
import { buildTextIndex, type TextIndex } from '../highlighting/text-index';
import type { Block, ParleyDocument } from '../types';

interface DocumentHeaderProps {
  document: ParleyDocument;
  onEditDetails: () => void;
}

export function DocumentHeader({ document: doc, onEditDetails }: DocumentHeaderProps) {
  const url = /^https?:\/\//i.test(doc.url) ? doc.url : '';
  return (
    <header class="doc-header">
      <h1 id="doc-title" class="doc-title">
        {doc.title || 'Untitled'}
      </h1>
      <p class="doc-meta">
        {doc.source && <span class="doc-meta__source">{doc.source}</span>}
        {doc.published && (
          <time class="doc-meta__date" dateTime={doc.published}>
            {formatPublished(doc.published)}
          </time>
        )}
        {url && (
          <a class="doc-meta__link" href={url} target="_blank" rel="noopener noreferrer">
            Original
          </a>
        )}
        <button type="button" class="button button--quiet doc-meta__edit" onClick={onEditDetails}>
          Edit details
        </button>
      </p>
    </header>
  );
}

interface DocumentTextProps {
  text: string;
  blocks: Block[];
  /** Called after each render with the index of the text nodes just rendered and the text they show. */
  onIndex: (index: TextIndex, text: string) => void;
}

function sameBlocks(a: Block[], b: Block[]): boolean {
  return (
    a.length === b.length &&
    a.every((block, i) => {
      const other = b[i]!;
      return block.kind === other.kind && block.start === other.start && block.end === other.end;
    })
  );
}

function visibleBlocks(text: string, blocks: Block[]): Block[] {
  if (blocks.length === 0 && text.length > 0) return [{ kind: 'paragraph', start: 0, end: text.length }];
  return blocks.filter((block) => block.end > block.start);
}

/** Re-renders only when the text or its blocks change, and then rebuilds the text index. */
export class DocumentText extends Component<DocumentTextProps> {
  private readonly root = createRef<HTMLDivElement>();

  override shouldComponentUpdate(next: DocumentTextProps): boolean {
    const prev = this.props;
    return !(
      prev.text === next.text &&
      sameBlocks(prev.blocks, next.blocks) &&
      prev.onIndex === next.onIndex
    );
  }

  override componentDidMount(): void {
    this.reindex();
  }

  override componentDidUpdate(): void {
    this.reindex();
  }

  private reindex(): void {
    if (this.root.current) this.props.onIndex(buildTextIndex(this.root.current), this.props.text);
  }

  override render() {
    const { text, blocks } = this.props;
    return (
      <div class="doc-text" ref={this.root}>
        {visibleBlocks(text, blocks).map((block, i) => {
          const content = text.slice(block.start, block.end);
          return block.kind === 'heading' ? (
            <h2 key={i} class="doc-text__heading" data-start={block.start}>
              {content}
            </h2>
          ) : (
            <p key={i} class="doc-text__paragraph" data-start={block.start}>
              {content}
            </p>
          );
        })}
      </div>
    );
  }
}
