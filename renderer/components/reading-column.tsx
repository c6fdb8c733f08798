// The article as a reader sees it: title, byline, source and date, then each block as its element (heading,
// paragraph, quote, list item, code block, figure caption) with its marks as inline elements (strong, em, code, a, del). Every character of a
// block's text is rendered exactly once, in order, inside the block's `[data-start]` element, so the text index can
// count offsets over its text nodes; it is rendered once per text so the DOM the highlights point into stays put.
import { Component, createRef, type ComponentChildren, type VNode } from 'preact';
import { formatPublished } from '../format';
import type { TextIndex } from '../highlighting/text-index';
import { ChunkedText, planChunks } from './reading-chunks';
import type { Block, Mark, ParleyDocument } from '../types';
import './reading-shape.css';

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
      {doc.byline.trim() !== '' && <p class="doc-byline">By {doc.byline.trim()}</p>}
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
  /** Inline formatting over `text`; none for documents without any. */
  marks?: readonly Mark[];
  /** Called after each render with the index of the text nodes just rendered and the text they show. */
  onIndex: (index: TextIndex, text: string) => void;
}

function sameBlocks(a: Block[], b: Block[]): boolean {
  return (
    a.length === b.length &&
    a.every((block, i) => {
      const other = b[i]!;
      return (
        block.kind === other.kind &&
        block.start === other.start &&
        block.end === other.end &&
        block.level === other.level &&
        block.depth === other.depth &&
        block.ordered === other.ordered &&
        block.number === other.number &&
        block.page === other.page &&
        block.continues === other.continues
      );
    })
  );
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((mark, i) => {
        const other = b[i]!;
        return (
          mark.kind === other.kind &&
          mark.start === other.start &&
          mark.end === other.end &&
          mark.href === other.href
        );
      }))
  );
}

function visibleBlocks(text: string, blocks: Block[]): Block[] {
  if (blocks.length === 0 && text.length > 0) return [{ kind: 'paragraph', start: 0, end: text.length }];
  return blocks.filter((block) => block.end > block.start);
}

/** Links the reading view follows: web pages only (the importer also keeps mail addresses as marks). */
function safeHref(href: string | undefined): string | null {
  // Only web links are live: the main process opens http(s) in the system browser and nothing else, so a mail
  // link is shown as its words rather than as a link that does nothing.
  return href !== undefined && /^https?:\/\/[^\s\p{Cc}]+$/iu.test(href) ? href : null;
}

/** Outermost first when two marks cover the same characters: a link holds its emphasis, code is innermost. */
const MARK_RANK: Record<Mark['kind'], number> = { link: 0, strong: 1, em: 2, del: 3, code: 4 };

function byPosition(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || MARK_RANK[a.kind] - MARK_RANK[b.kind];
}

/** Each block's marks, cut to the block, in the order `inline` wants them. */
function marksByBlock(blocks: readonly Block[], marks: readonly Mark[]): Map<Block, Mark[]> {
  const out = new Map<Block, Mark[]>();
  for (const mark of marks) {
    // The first block that ends after the mark starts.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.end <= mark.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blocks.length && blocks[i]!.start < mark.end; i++) {
      const block = blocks[i]!;
      const start = Math.max(mark.start, block.start);
      const end = Math.min(mark.end, block.end);
      if (start >= end) continue;
      const list = out.get(block) ?? [];
      list.push({ ...mark, start, end });
      out.set(block, list);
    }
  }
  for (const list of out.values()) list.sort(byPosition);
  return out;
}

function markElement(mark: Mark, children: ComponentChildren, key: number): ComponentChildren {
  switch (mark.kind) {
    case 'strong':
      return <strong key={key}>{children}</strong>;
    case 'em':
      return <em key={key}>{children}</em>;
    case 'code':
      return <code key={key}>{children}</code>;
    case 'del':
      return <del key={key}>{children}</del>;
    case 'link': {
      const href = safeHref(mark.href);
      return href === null ? (
        <span key={key}>{children}</span>
      ) : (
        <a key={key} class="doc-text__link" href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    }
  }
}

/**
 * `text[start, end)` with `marks` (inside that span, sorted by byPosition) as nested elements. A mark that runs
 * past the end of one it starts inside is split there, so the elements nest; every character is rendered once.
 */
function inline(text: string, start: number, end: number, marks: readonly Mark[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = start;
  let queue = marks;
  let i = 0;
  while (i < queue.length) {
    const mark = queue[i]!;
    if (mark.start > at) out.push(text.slice(at, mark.start));
    // The marks starting inside this one go inside it; what runs past its end is carried on after it.
    const inside: Mark[] = [];
    const carried: Mark[] = [];
    let j = i + 1;
    for (; j < queue.length && queue[j]!.start < mark.end; j++) {
      const other = queue[j]!;
      if (other.end > mark.end) {
        inside.push({ ...other, end: mark.end });
        carried.push({ ...other, start: mark.end });
      } else inside.push(other);
    }
    out.push(markElement(mark, inline(text, mark.start, mark.end, inside), mark.start));
    at = mark.end;
    if (carried.length > 0) {
      queue = [...carried.sort(byPosition), ...queue.slice(j)];
      i = 0;
    } else i = j;
  }
  if (at < end) out.push(text.slice(at, end));
  return out;
}

interface Content {
  text: string;
  marks: Map<Block, Mark[]>;
  /** Documents read from pages: the blocks a new page starts with, and that page's number. */
  pageMarks: Map<Block, number>;
}

function blockText(content: Content, block: Block): ComponentChildren[] {
  return inline(content.text, block.start, block.end, content.marks.get(block) ?? []);
}

/**
 * The blocks that begin a page (the first of each page number), for the page marks in the margin. The mark is the
 * element's `data-page`, which the style sheet shows beside it (reading-shape.css): no text of its own in the
 * column, so the text the reader selects, copies and highlights stays the document's.
 */
function pageMarksOf(blocks: readonly Block[]): Map<Block, number> {
  const marks = new Map<Block, number>();
  let page: number | undefined;
  for (const block of blocks) {
    if (block.page !== undefined && block.page !== page) marks.set(block, block.page);
    if (block.page !== undefined) page = block.page;
  }
  return marks;
}

/** The attribute that shows a page mark beside a block that begins a page, else nothing. */
function pageMark(content: Content, block: Block): { 'data-page'?: string } {
  const page = content.pageMarks.get(block);
  return page === undefined ? {} : { 'data-page': `p. ${page}` };
}

function heading(content: Content, block: Block): VNode {
  const level = block.level ?? 2;
  // The document's title is the page's one h1; the text's headings sit below it.
  const Tag = `h${Math.min(Math.max(level, 2), 6)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag
      key={block.start}
      class={`doc-text__heading doc-text__heading--${level}`}
      data-start={block.start}
      {...pageMark(content, block)}
    >
      {blockText(content, block)}
    </Tag>
  );
}

function depthOf(block: Block): number {
  return block.depth ?? 1;
}

/** Quote blocks (all at `depth` or deeper) as one block quote, deeper runs as quotes inside it. */
function quote(content: Content, run: readonly Block[], depth: number): VNode {
  const children: VNode[] = [];
  for (let i = 0; i < run.length;) {
    const block = run[i]!;
    if (depthOf(block) <= depth) {
      children.push(
        <p
          key={block.start}
          class="doc-text__paragraph"
          data-start={block.start}
          {...pageMark(content, block)}
        >
          {blockText(content, block)}
        </p>,
      );
      i++;
      continue;
    }
    let j = i;
    while (j < run.length && depthOf(run[j]!) > depth) j++;
    children.push(quote(content, run.slice(i, j), depth + 1));
    i = j;
  }
  return (
    <blockquote key={`q${run[0]!.start}`} class="doc-text__quote">
      {children}
    </blockquote>
  );
}

interface ListItem {
  /** The item's own first paragraph; null for an item that only holds a deeper list. */
  block: Block | null;
  children: VNode[];
}

/** List-item blocks (all at `depth` or deeper) as lists: a new list wherever numbering starts or stops. */
function lists(content: Content, run: readonly Block[], depth: number): VNode[] {
  const out: VNode[] = [];
  let items: ListItem[] = [];
  let ordered = false;
  /** Where the list being built starts in the text: its key. */
  let first = 0;
  const close = () => {
    if (items.length === 0) return;
    const key = `l${first}`;
    const lis = items.map((item, i) =>
      item.block ? (
        <li
          key={item.block.start}
          class="doc-text__item"
          data-start={item.block.start}
          value={ordered ? item.block.number : undefined}
          {...pageMark(content, item.block)}
        >
          {blockText(content, item.block)}
          {item.children}
        </li>
      ) : (
        <li key={`e${i}`} class="doc-text__item doc-text__item--bare">
          {item.children}
        </li>
      ),
    );
    out.push(
      ordered ? (
        <ol key={key} class="doc-text__list">
          {lis}
        </ol>
      ) : (
        <ul key={key} class="doc-text__list">
          {lis}
        </ul>
      ),
    );
    items = [];
  };
  for (let i = 0; i < run.length;) {
    const block = run[i]!;
    if (depthOf(block) > depth) {
      let j = i;
      while (j < run.length && depthOf(run[j]!) > depth) j++;
      const nested = lists(content, run.slice(i, j), depth + 1);
      const current = items[items.length - 1];
      if (current) current.children.push(...nested);
      else {
        first = block.start;
        items.push({ block: null, children: nested });
      }
      i = j;
      continue;
    }
    const current = items[items.length - 1];
    if (block.continues && current) {
      current.children.push(
        <p
          key={block.start}
          class="doc-text__item-paragraph"
          data-start={block.start}
          {...pageMark(content, block)}
        >
          {blockText(content, block)}
        </p>,
      );
    } else {
      const isOrdered = block.ordered ?? false;
      if (items.length > 0 && isOrdered !== ordered) close();
      if (items.length === 0) first = block.start;
      ordered = isOrdered;
      items.push({ block, children: [] });
    }
    i++;
  }
  close();
  return out;
}

/** The blocks as elements: runs of quotes and of list items are grouped into their block quotes and lists. */
function renderBlocks(content: Content, blocks: readonly Block[]): VNode[] {
  const out: VNode[] = [];
  let noteBefore = false;
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i]!;
    if (block.kind === 'quote' || block.kind === 'list-item') {
      let j = i;
      while (j < blocks.length && blocks[j]!.kind === block.kind) j++;
      const run = blocks.slice(i, j);
      if (block.kind === 'quote') out.push(quote(content, run, 1));
      else out.push(...lists(content, run, 1));
      i = j;
      continue;
    }
    if (block.kind === 'heading') out.push(heading(content, block));
    else if (block.kind === 'caption') {
      // The words under a figure of the page (the picture is not kept): set apart from the article's paragraphs.
      out.push(
        <p key={block.start} class="doc-text__caption" data-start={block.start} {...pageMark(content, block)}>
          {blockText(content, block)}
        </p>,
      );
    } else if (block.kind === 'note') {
      // A footnote or endnote of the document (a Word file's), kept at the end and set apart from the article.
      out.push(
        <p
          key={block.start}
          class={noteBefore ? 'doc-text__note' : 'doc-text__note doc-text__note--first'}
          role="note"
          data-start={block.start}
          {...pageMark(content, block)}
        >
          {blockText(content, block)}
        </p>,
      );
      noteBefore = true;
    } else if (block.kind === 'code') {
      out.push(
        <pre key={block.start} class="doc-text__code" data-start={block.start} {...pageMark(content, block)}>
          <code>{blockText(content, block)}</code>
        </pre>,
      );
    } else {
      out.push(
        <p
          key={block.start}
          class="doc-text__paragraph"
          data-start={block.start}
          {...pageMark(content, block)}
        >
          {blockText(content, block)}
        </p>,
      );
    }
    i++;
  }
  return out;
}

const NO_MARKS: readonly Mark[] = [];

/**
 * The text of the document, mounted a chunk at a time (see reading-chunks.ts): the column Preact renders is an
 * empty feed that the chunks fill as the reader comes near them. Re-made only when the text, its blocks or its
 * marks change; the index of the text nodes in the page is handed on each time the mounted chunks change.
 */
export class DocumentText extends Component<DocumentTextProps> {
  private readonly root = createRef<HTMLDivElement>();
  private chunks: ChunkedText | null = null;

  override shouldComponentUpdate(next: DocumentTextProps): boolean {
    const prev = this.props;
    return !(
      prev.text === next.text &&
      sameBlocks(prev.blocks, next.blocks) &&
      sameMarks(prev.marks ?? NO_MARKS, next.marks ?? NO_MARKS) &&
      prev.onIndex === next.onIndex
    );
  }

  override componentDidMount(): void {
    this.fill();
  }

  override componentDidUpdate(): void {
    this.fill();
  }

  override componentWillUnmount(): void {
    this.chunks?.destroy();
    this.chunks = null;
  }

  private fill(): void {
    this.chunks?.destroy();
    this.chunks = null;
    const root = this.root.current;
    if (!root) return;
    const { text, blocks, onIndex } = this.props;
    const visible = visibleBlocks(text, blocks);
    const content: Content = {
      text,
      marks: marksByBlock(visible, this.props.marks ?? NO_MARKS),
      pageMarks: pageMarksOf(visible),
    };
    this.chunks = new ChunkedText(
      root,
      text,
      planChunks(visible),
      (plan) => <>{renderBlocks(content, visible.slice(plan.from, plan.to))}</>,
      (index) => onIndex(index, text),
    );
    onIndex(this.chunks.current, text);
  }

  override render() {
    return <div class="doc-text" ref={this.root} />;
  }
}
