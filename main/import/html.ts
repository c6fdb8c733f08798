/**
 * Turns a saved web page into a document draft: Mozilla's Readability (the engine of Firefox's Reader View) finds
 * the article among the menus, banners and related links, DOMPurify strips anything active from what it found,
 * and the result is read into the same plain text and blocks as any other import. The page's own metadata (Open
 * Graph, JSON-LD, <time>) gives the title, byline, site and date. Lives outside core because it needs a DOM.
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type * as Jsdom from 'jsdom';
import type { JSDOM } from 'jsdom';
import type * as Parse5 from 'parse5';
import { createRequire } from 'node:module';
import type { Block, Mark } from '../../shared/model';
import { MAX_BLOCK_DEPTH, ParleyError, isSafeHref } from '../../shared/model';
import { firstFrom, isPageFurniture, parseDateLine, type DocumentDraft } from '../core/import-text';
import { MAX_IMPORT_CHARS, MAX_LIST_NUMBER, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '../../shared/limits';
import { MAX_IMPORT_SIZE_TEXT } from '../../shared/import-formats';
import { pageAuthors } from './html-authors';

// jsdom takes about a second to load: it is loaded on the first web page imported, not when Parley starts.
let jsdom: typeof Jsdom | undefined;
function loadJsdom(): typeof Jsdom {
  if (!jsdom) {
    const require = createRequire(import.meta.url);
    jsdom = require('jsdom') as typeof Jsdom;
    deferLiveListUpdates(require);
    skipUnusedRemovalIndex(require);
  }
  return jsdom;
}

interface NodeImplementation {
  _childrenList?: unknown;
  _childNodesList?: unknown;
  _modified?: (this: NodeImplementation) => void;
}
const DEFERRED = Symbol('parley.deferredLiveLists');

/**
 * jsdom 29 rebuilds a node's live `children` and `childNodes` lists after every change to its children, whether
 * or not anything reads them before the next change (jsdom has since stopped doing so upstream). Readability reads those
 * lists of the article's container, then removes the adverts and link boxes between its paragraphs one by one:
 * on a long article each removal copied thousands of siblings, minutes in all. Here the rebuild waits for the next
 * read, which jsdom's lists already do by comparing the node's version before they answer. Applied only where
 * jsdom's code is the one described; any other version is left as it is.
 */
function deferLiveListUpdates(require: NodeJS.Require): void {
  let prototype: NodeImplementation | undefined;
  try {
    const path = require.resolve('jsdom').replace(/api\.js$/, 'jsdom/living/nodes/Node-impl.js');
    prototype = (require(path) as { implementation?: { prototype?: NodeImplementation } }).implementation
      ?.prototype;
  } catch {
    return;
  }
  const modified = prototype?._modified;
  if (!prototype || typeof modified !== 'function' || DEFERRED in modified) return;
  const source = modified.toString();
  if (!source.includes('this._childrenList._update()') || !source.includes('this._childNodesList._update()'))
    return;
  const deferred = function (this: NodeImplementation) {
    const { _childrenList: children, _childNodesList: childNodes } = this;
    this._childrenList = undefined;
    this._childNodesList = undefined;
    try {
      modified.call(this);
    } finally {
      this._childrenList = children;
      this._childNodesList = childNodes;
    }
  };
  prototype._modified = Object.assign(deferred, { [DEFERRED]: true });
}

interface TreeNodeImplementation {
  _referencedRanges?: Set<unknown>;
  _remove?: (this: TreeNodeImplementation, node: TreeNodeImplementation, suppressObservers?: boolean) => void;
}
interface SymbolTreeLike {
  index(node: unknown): number;
  treeIterator(root: unknown): Iterable<TreeNodeImplementation>;
}
const UNINDEXED = Symbol('parley.unindexedRemoval');

/**
 * jsdom 29 counts a node's preceding siblings each time it removes the node, for the live ranges that may start or
 * end after it; the count is cached, but every change to the parent's children drops the cache, so removing a
 * thousand adverts from between ten thousand paragraphs counted sibling after sibling millions of times. No range
 * is ever made over an imported page: when neither the parent nor anything removed holds one, the count is not
 * used, and here it is not made. Applied only where jsdom's code is the one described.
 */
function skipUnusedRemovalIndex(require: NodeJS.Require): void {
  let prototype: TreeNodeImplementation | undefined;
  let tree: SymbolTreeLike | undefined;
  try {
    const living = require.resolve('jsdom').replace(/api\.js$/, 'jsdom/living/');
    prototype = (
      require(`${living}nodes/Node-impl.js`) as { implementation?: { prototype?: TreeNodeImplementation } }
    ).implementation?.prototype;
    tree = (require(`${living}helpers/internal-constants.js`) as { domSymbolTree?: SymbolTreeLike })
      .domSymbolTree;
  } catch {
    return;
  }
  const remove = prototype?._remove;
  if (!prototype || !tree || typeof remove !== 'function' || UNINDEXED in remove) return;
  const source = remove.toString();
  const first = source.indexOf('domSymbolTree.index(');
  if (first < 0 || first !== source.lastIndexOf('domSymbolTree.index(') || !source.includes('_liveRanges()'))
    return;
  if (!/^[^{]*\{\s*const index = domSymbolTree\.index\(nodeImpl\);/.test(source)) return;
  const symbolTree = tree;
  const unindexed = function (
    this: TreeNodeImplementation,
    node: TreeNodeImplementation,
    suppress?: boolean,
  ) {
    let ranges = (this._referencedRanges?.size ?? 1) > 0;
    if (!ranges) {
      for (const descendant of symbolTree.treeIterator(node)) {
        if ((descendant._referencedRanges?.size ?? 1) > 0) {
          ranges = true;
          break;
        }
      }
    }
    if (ranges) return remove.call(this, node, suppress);
    // The one count _remove makes is its first statement's; the count answers for it once, then goes.
    Object.defineProperty(symbolTree, 'index', {
      configurable: true,
      writable: true,
      value(this: SymbolTreeLike) {
        delete (this as Partial<SymbolTreeLike>).index;
        return -1;
      },
    });
    try {
      return remove.call(this, node, suppress);
    } finally {
      delete (symbolTree as Partial<SymbolTreeLike>).index;
    }
  };
  prototype._remove = Object.assign(unindexed, { [UNINDEXED]: true });
}

// parse5, the HTML parser jsdom is built on, taken from jsdom's own dependencies so that both read a page alike.
let parse5: typeof Parse5 | undefined;
function loadParse5(): typeof Parse5 {
  if (!parse5) {
    const fromHere = createRequire(import.meta.url);
    parse5 = createRequire(fromHere.resolve('jsdom'))('parse5') as typeof Parse5;
  }
  return parse5;
}

type Parse5Node = Parse5.DefaultTreeAdapterTypes.Node;
type Parse5Element = Parse5.DefaultTreeAdapterTypes.Element;

/**
 * Elements that never hold reading text, removed before jsdom builds its DOM: Readability removes scripts and
 * styles itself and DOMPurify drops the rest with their contents, but jsdom pays for each as it builds the page
 * (a <style> is parsed as CSS), and saved pages carry megabytes of them.
 */
const DROP_BEFORE_DOM = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'link']);

function keepsBeforeDom(element: Parse5Element): boolean {
  const attribute = (name: string) => element.attrs.find((attr) => attr.name === name)?.value ?? '';
  // The JSON-LD metadata and the canonical link are read from the DOM.
  if (element.tagName === 'script') return attribute('type').trim().toLowerCase() === 'application/ld+json';
  if (element.tagName === 'link') return attribute('rel').toLowerCase().split(/\s+/).includes('canonical');
  return !DROP_BEFORE_DOM.has(element.tagName);
}

/** Readability looks for lazy-loaded pictures among these elements' data- attributes. */
const MEDIA_TAGS = new Set(['img', 'picture', 'figure', 'source']);

/** Inline formatting that reads as its text alone. */
const INLINE_FORMATTING = new Set(
  'b i u s em strong span small big mark cite q abbr dfn sub sup var kbd samp bdi font tt strike'.split(' '),
);
/** Attributes that Readability and the steps after it never read on such an element (class and id aside). */
const NEUTRAL_ATTRIBUTES = new Set([
  'class',
  'id',
  'lang',
  'dir',
  'title',
  'translate',
  'color',
  'face',
  'size',
]);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** Class names that hide an element from sight (see dropHidden); such an element is never unwrapped. */
const HIDDEN_CLASSES = /visually-?hidden|sr-only|screen-?reader|hidden-visually|a11y-hidden/i;

interface ClassPatterns {
  unlikelyCandidates: RegExp;
  byline: RegExp;
  shareElements: RegExp;
}
const CLASS_PATTERNS = (Readability.prototype as unknown as { REGEXPS?: Partial<ClassPatterns> }).REGEXPS;

/**
 * An element such as <em>, or a <span> with a generated class, that holds only text and that Readability would
 * pass over: none of its class or id words mark it as unlikely content, a byline or a share button, and it has no
 * attribute Readability reads. Its text stands in its place with the same characters; on long articles these
 * elements are a third of the page, and every pass Readability makes over the tree walks them.
 */
function isBareFormatting(element: Parse5Element): boolean {
  if (!INLINE_FORMATTING.has(element.tagName) || element.namespaceURI !== HTML_NAMESPACE) return false;
  const { unlikelyCandidates, byline, shareElements } = CLASS_PATTERNS ?? {};
  if (!unlikelyCandidates || !byline || !shareElements) return false;
  let classAndId = ' ';
  for (const attr of element.attrs) {
    if (!NEUTRAL_ATTRIBUTES.has(attr.name)) return false;
    if (attr.name === 'class') classAndId = attr.value + classAndId;
    else if (attr.name === 'id') classAndId += attr.value;
  }
  if (
    classAndId !== ' ' &&
    [unlikelyCandidates, byline, shareElements, HIDDEN_CLASSES].some((pattern) => pattern.test(classAndId))
  ) {
    return false;
  }
  let text = false;
  for (const child of element.childNodes) {
    if (child.nodeName !== '#text') return false;
    text ||= /[^ \t\n\f\r]/.test((child as Parse5.DefaultTreeAdapterTypes.TextNode).value);
  }
  return text;
}

/**
 * The page as parse5 reads it, less what jsdom would spend seconds building for nothing: comments, the elements
 * above, inline styles (but those that may hide an element, which Readability reads), event handlers and data-
 * attributes (but on pictures). An
 * <iframe> becomes an empty <embed> with the same attributes: Readability weighs both alike when it decides
 * whether a block is an advert or a video, while jsdom gives every <iframe> a window of its own (and looks up all
 * the page's frames again for each one). This is one real parse, not a pattern over the text, and what it
 * serializes parses back to the same tree.
 */
function lightenPage(
  html: string,
  step: (done: number) => void = () => {},
): { page: string; shape: ShapeReport } {
  const { parse, serialize } = loadParse5();
  const document = parse(html);
  step(1);
  if (document.mode === 'quirks') {
    // Serialized, a doctype reads as `<!DOCTYPE html>`: without one the page parses in quirks mode again, as it
    // did here (a <table> does not close an open <p>).
    document.childNodes = document.childNodes.filter((node) => node.nodeName !== '#documentType');
  }
  const stack: Parse5Node[] = [document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('childNodes' in node)) continue;
    node.childNodes = node.childNodes.filter(
      (child) => child.nodeName !== '#comment' && (!('tagName' in child) || keepsBeforeDom(child)),
    );
    const children: Parse5Node[] = [];
    for (const child of node.childNodes) {
      children.push(child);
      if (!('tagName' in child)) continue;
      const media = MEDIA_TAGS.has(child.tagName);
      child.attrs = child.attrs.filter(
        (attr) =>
          !attr.name.startsWith('on') &&
          (media || !attr.name.startsWith('data-')) &&
          (attr.name !== 'style' || /display|visibility/i.test(attr.value)),
      );
      if (child.tagName === 'iframe') {
        child.tagName = 'embed';
        child.nodeName = 'embed';
        child.childNodes = [];
      }
      child.childNodes = child.childNodes.filter((grandchild) => grandchild.nodeName !== '#comment');
      if (isBareFormatting(child)) {
        children.pop();
        children.push(...child.childNodes);
      } else stack.push(child);
    }
    node.childNodes = children as typeof node.childNodes;
  }
  const shape = reduceByShape(document);
  step(2);
  const page = serialize(document);
  step(3);
  return { page, shape };
}

/**
 * Past this many empty elements a page is read without them (see reduceByShape). A real article page has a few
 * hundred at most (the generated 5 MB news page has none left by now). An element counts as empty when all it holds
 * is white space (no-break spaces too), line breaks, other empty elements, and no letter or digit: a page of
 * 200,000 `<p>&nbsp;</p>`, `<p><br></p>` or `<p>.</p>` is as empty as one of `<p></p>`.
 */
export const MAX_EMPTY_ELEMENTS = 5000;
/** Past this depth of nesting, wrapper elements (div, span, section…) are unwrapped: real pages nest a few dozen deep. */
export const MAX_NESTING = 100;
/**
 * Past this many elements, a page most of whose elements are furniture (menus, asides, footers, forms) is read
 * without them: Readability weighs every link list against the article, and 50,000 of them took minutes.
 */
export const MAX_ELEMENTS_WITH_FURNITURE = 20_000;
/** Elements that say something with no text in them: pictures, rules, embeds, form controls, cells. */
const MEANINGFUL_EMPTY = new Set(
  `img picture source video audio embed object canvas hr input button select textarea meta link td th col
  area`.split(/\s+/),
);
/** Elements that hold nothing but may sit among empty ones: a line break alone says nothing. */
const BLANK_LEAVES = new Set(['br', 'wbr']);
/** Elements that only wrap others, unwrapped past MAX_NESTING. */
const WRAPPERS = new Set('div span section font center'.split(' '));
/** Page furniture, by tag or role, dropped from a page made mostly of it. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);
/** Text with a letter or digit in it; anything else (spaces, no-break spaces, punctuation) reads as blank. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/** What the shape rules did to a page, for the messages of a refusal. */
export interface ShapeReport {
  /** Elements in the page's body as it was saved. */
  elements: number;
  /** Empty elements dropped (0 when the page had too few to drop any). */
  droppedEmpty: number;
  /** Wrapper elements unwrapped past MAX_NESTING. */
  unwrapped: number;
  /** Furniture elements dropped. */
  droppedFurniture: number;
  /** Whether any text with a letter or digit is left in the body. */
  hasWords: boolean;
}

function isElement(node: Parse5Node): node is Parse5Element {
  return 'tagName' in node;
}

function textValue(node: Parse5Node): string {
  return (node as Parse5.DefaultTreeAdapterTypes.TextNode).value;
}

function isFurniture(element: Parse5Element): boolean {
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  const role = element.attrs
    .find((attr) => attr.name === 'role')
    ?.value.trim()
    .toLowerCase();
  return role !== undefined && FURNITURE_ROLES.has(role);
}

/**
 * The budget of a page's shape, read on the first parse before any DOM is built. Readability's work grows with the
 * square of the elements between the article's paragraphs (a saved page of 200,000 empty paragraphs took about an
 * hour), and with the depth of the nesting around it; a cheaper rule applies to a page past each limit:
 * - more than MAX_EMPTY_ELEMENTS empty elements: they are all dropped (an empty element gives Readability nothing
 *   to read, and only its shape to weigh);
 * - nested deeper than MAX_NESTING: wrapper elements past that depth are replaced by what they hold;
 * - more than MAX_ELEMENTS_WITH_FURNITURE elements, most of them furniture: the furniture is dropped.
 * Pages under the limits are read exactly as before. One walk counts, one more applies a rule that is needed.
 */
function reduceByShape(document: Parse5Node): ShapeReport {
  const report: ShapeReport = {
    elements: 0,
    droppedEmpty: 0,
    unwrapped: 0,
    droppedFurniture: 0,
    hasWords: false,
  };
  const body = findBody(document);
  if (!body) return report;
  const empty = new Set<Parse5Node>();
  // Children before parents: an element is empty when all it holds is blank text and empty elements.
  const order: Parse5Node[] = [];
  // Each node with its depth and whether it lies in furniture (a menu's links and list items count as furniture).
  const stack: Array<[Parse5Node, number, boolean]> = [[body, 0, false]];
  let deepest = 0;
  let furniture = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth, withinFurniture] = item;
    order.push(node);
    if (depth > deepest) deepest = depth;
    if (!isElement(node)) continue;
    report.elements++;
    const inFurniture = withinFurniture || isFurniture(node);
    if (inFurniture) furniture++;
    for (const child of node.childNodes) stack.push([child, depth + 1, inFurniture]);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    if (!isElement(node)) {
      if (node.nodeName === '#text' && HAS_WORD.test(textValue(node))) report.hasWords = true;
      continue;
    }
    if (MEANINGFUL_EMPTY.has(node.tagName) || BLANK_LEAVES.has(node.tagName) || node === body) continue;
    const blank = node.childNodes.every((child) =>
      child.nodeName === '#text'
        ? !HAS_WORD.test(textValue(child))
        : child.nodeName === '#comment' ||
          empty.has(child) ||
          (isElement(child) && BLANK_LEAVES.has(child.tagName)),
    );
    if (blank) empty.add(node);
  }
  if (empty.size > MAX_EMPTY_ELEMENTS) {
    report.droppedEmpty = empty.size;
    for (const node of order) {
      if ('childNodes' in node) node.childNodes = node.childNodes.filter((child) => !empty.has(child));
    }
  }
  if (report.elements > MAX_ELEMENTS_WITH_FURNITURE && furniture * 2 > report.elements) {
    report.droppedFurniture = dropFurniture(body);
  }
  if (deepest > MAX_NESTING) report.unwrapped = unwrapDeep(body);
  return report;
}

/** What the shape rules do to a page (for tests and the bench): the page is parsed, reduced and counted. */
export function readPageShape(html: string): ShapeReport {
  return lightenPage(html).shape;
}

/** Drops the furniture elements under `root`, with what they hold; answers how many elements went. */
function dropFurniture(root: Parse5Element): number {
  let dropped = 0;
  const stack: Parse5Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('childNodes' in node)) continue;
    node.childNodes = node.childNodes.filter((child) => {
      if (isElement(child) && isFurniture(child)) {
        dropped++;
        return false;
      }
      stack.push(child);
      return true;
    });
  }
  return dropped;
}

/** Replaces wrapper elements deeper than MAX_NESTING by what they hold; answers how many were unwrapped. */
function unwrapDeep(root: Parse5Element): number {
  let unwrapped = 0;
  const stack: Array<[Parse5Element, number]> = [[root, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    const flattening = depth + 1 > MAX_NESTING;
    const children: Parse5Node[] = [];
    // What a wrapper holds takes its place, itself unwrapped in turn (no recursion: 100,000 levels are possible).
    const pending = [...node.childNodes].reverse();
    for (let child = pending.pop(); child !== undefined; child = pending.pop()) {
      if (flattening && isElement(child) && WRAPPERS.has(child.tagName)) {
        unwrapped++;
        for (let i = child.childNodes.length - 1; i >= 0; i--) pending.push(child.childNodes[i]!);
        continue;
      }
      child.parentNode = node;
      children.push(child);
      if (isElement(child)) stack.push([child, depth + 1]);
    }
    node.childNodes = children as typeof node.childNodes;
  }
  return unwrapped;
}

function findBody(document: Parse5Node): Parse5Element | undefined {
  const html =
    'childNodes' in document ? document.childNodes.find((node) => node.nodeName === 'html') : undefined;
  return html && 'childNodes' in html
    ? (html.childNodes.find((node) => node.nodeName === 'body') as Parse5Element | undefined)
    : undefined;
}

/**
 * The nodes inside `root` in document order, `skip` and what it holds left out, read through sibling links: a
 * selector query or textContent walks a whole subtree every time, and on a long article the wrappers of a thousand
 * adverts each asked about the whole article body (minutes in all); these walks stop as soon as they know.
 */
function* nodesWithin(root: Node, skip?: Node): Generator<Node> {
  let node: Node | null = root.firstChild;
  while (node !== null) {
    if (node !== skip) {
      yield node;
      if (node.firstChild !== null) {
        node = node.firstChild;
        continue;
      }
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    node = node === null || node === root ? null : node.nextSibling;
  }
}

/** The elements inside `root` that `test` accepts, in document order. */
function elementsWithin(root: Node, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const node of nodesWithin(root)) {
    if (node.nodeType === 1 && test(node as Element)) found.push(node as Element);
  }
  return found;
}

function parsePage(html: string): JSDOM {
  const { JSDOM, VirtualConsole } = loadJsdom();
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  quickTagQueries(dom.window);
  return dom;
}

/** A selector that names only elements by their tag: `p`, `h1,h2`, `img, picture, figure`. */
const TAG_LIST = /^\s*[a-z][a-z0-9]*(\s*,\s*[a-z][a-z0-9]*)*\s*$/;

/**
 * `querySelectorAll` of tags alone, answered by one walk of the subtree: Readability asks for its elements by tag
 * this way dozens of times (`p`, `br`, `h1,h2`, one tag at a time when it cleans the article), and jsdom's selector
 * engine took seconds over a long page to answer it. The answer is the same elements in the same (document) order,
 * as a static list like the one it stands for; any other selector goes to jsdom. Applied to this page's own window.
 */
function quickTagQueries(window: JSDOM['window']): void {
  for (const prototype of [
    window.Element.prototype,
    window.Document.prototype,
    window.DocumentFragment.prototype,
  ]) {
    const original = prototype.querySelectorAll as (
      this: ParentNode,
      selectors: string,
    ) => NodeListOf<Element>;
    prototype.querySelectorAll = function (this: ParentNode, selectors: string) {
      if (!TAG_LIST.test(selectors)) return original.call(this, selectors);
      const tags = new Set(selectors.split(',').map((tag) => tag.trim()));
      return elementsWithin(this, (element) => tags.has(element.localName)) as unknown as NodeListOf<Element>;
    } as typeof prototype.querySelectorAll;
  }
}

/** How many leading blocks may hold the byline, the dateline and the headline repeated from the page header. */
const HEADER_SCAN = 6;
/** A byline or dateline left in the article body is a short line. */
const MAX_META_LINE = 200;

/** Stands for a <br> while whitespace is collapsed. */
const LINE_BREAK = '\u0000';

const BLOCK_TAGS = new Set(
  `address article aside blockquote body center caption details dialog dd div dl dt fieldset figcaption figure
  footer form header hgroup hr legend li main menu nav ol p section summary table tbody tfoot thead ul`.split(
    /\s+/,
  ),
);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose contents never become reading text, removed with everything in them. */
const DROP_WITH_CONTENTS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'canvas',
  'picture',
  'img',
  'map',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'dialog',
  'link',
  'meta',
  'base',
];

interface PageMetadata {
  title: string;
  ogTitle: string;
  /** The page's one <h1>, when it reads as a headline rather than a logo. */
  headline: string;
  htmlTitle: string;
  byline: string;
  siteName: string;
  published: string;
  url: string;
}

interface TextBlock {
  kind: Block['kind'];
  text: string;
  /** Links over `text` (offsets into it); every <a href> is here, followed or not, so link density can be read. */
  links?: RawLink[];
  /** Emphasis over `text`, read only where the walk is told to (see toBlocks). */
  styles?: RawStyle[];
  /** Headings, where the walk reads formatting: 1 for <h1> to 6 for <h6>. */
  level?: number;
  depth?: number;
  ordered?: boolean;
  number?: number;
  continues?: boolean;
}

/** An <a href> over `[start, end)` of a block's text, its address as the page wrote it. */
interface RawLink {
  start: number;
  end: number;
  href: string;
}

/** Emphasis (<em>, <i>), strong emphasis (<strong>, <b>) or struck-out text (<s>, <del>) over a block's text. */
interface RawStyle {
  start: number;
  end: number;
  kind: 'em' | 'strong' | 'del';
}

/** The elements read as emphasis where the walk reads formatting, and the mark each becomes. */
const STYLE_TAGS = new Map<string, RawStyle['kind']>([
  ['em', 'em'],
  ['i', 'em'],
  ['strong', 'strong'],
  ['b', 'strong'],
  ['s', 'del'],
  ['del', 'del'],
  ['strike', 'del'],
]);

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max).trimEnd() : text;
}

function flat(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function baseName(fileName: string | undefined): string {
  return (fileName ?? '').split(/[/\\]/).pop() ?? '';
}

function titleFromFileName(fileName: string | undefined): string {
  const base = baseName(fileName);
  return flat(base.includes('.', 1) ? base.slice(0, base.lastIndexOf('.')) : base);
}

/** An absolute http(s) URL, or ''. */
function webUrl(value: string | null | undefined): string {
  const text = flat(value);
  if (text === '') return '';
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? clip(url.href, MAX_URL_LENGTH) : '';
  } catch {
    return '';
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function asObjects(value: Json | undefined): Array<{ [key: string]: Json }> {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (value && typeof value === 'object') {
    const graph = value['@graph'];
    return [value, ...(graph === undefined ? [] : asObjects(graph))];
  }
  return [];
}

function jsonText(value: Json | undefined): string {
  if (typeof value === 'string') return flat(value);
  if (Array.isArray(value)) {
    return value
      .map(jsonText)
      .filter((part) => part !== '')
      .join(', ');
  }
  if (value && typeof value === 'object') return jsonText(value['name'] ?? value['@id'] ?? value['url']);
  return '';
}

function isArticleType(value: Json | undefined): boolean {
  const types = Array.isArray(value) ? value : [value];
  return types.some((type) => typeof type === 'string' && /article|blogposting|report/i.test(type));
}

/** The page's JSON-LD article, if it has one. */
function jsonLdArticle(document: Document): { [key: string]: Json } | null {
  const objects: Array<{ [key: string]: Json }> = [];
  for (const script of document.getElementsByTagName('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      objects.push(...asObjects(JSON.parse(script.textContent ?? '') as Json));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources of metadata still count.
    }
  }
  return (
    objects.find((object) => isArticleType(object['@type'])) ??
    objects.find((object) => object['datePublished'] !== undefined) ??
    null
  );
}

function onlyHeadline(document: Document, siteName: string): string {
  const headings = document.getElementsByTagName('h1');
  if (headings.length !== 1) return '';
  const text = flat(headings[0]!.textContent);
  const count = text.split(' ').length;
  if (count < 2 || count > 30 || sameText(text, siteName) || isPageFurniture(text)) return '';
  return text;
}

/** Every <meta> of the page by its property, name or itemprop (lower case), read in one pass: on a big page each
 *  selector query walks the whole tree. */
function metaTable(document: Document): Map<string, string> {
  const table = new Map<string, string>();
  for (const meta of document.getElementsByTagName('meta')) {
    const content = flat(meta.getAttribute('content'));
    if (content === '') continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !table.has(key)) table.set(key, content);
    }
  }
  return table;
}

function firstOf(table: Map<string, string>, ...keys: string[]): string {
  for (const key of keys) {
    const value = table.get(key);
    if (value) return value;
  }
  return '';
}

/** <time datetime> values, the one marked as the publication date first. */
function timeValues(document: Document): string[] {
  const marked: string[] = [];
  const others: string[] = [];
  for (const time of document.getElementsByTagName('time')) {
    const value = flat(time.getAttribute('datetime'));
    if (value === '') continue;
    const itemprop = (time.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
    if (itemprop.includes('datepublished') || time.hasAttribute('pubdate')) marked.push(value);
    else others.push(value);
  }
  return [...marked, ...others];
}

function publishedDate(
  document: Document,
  metas: Map<string, string>,
  article: { [key: string]: Json } | null,
): string {
  const candidates = [
    jsonText(article?.['datePublished']),
    firstOf(
      metas,
      'article:published_time',
      'og:published_time',
      'datepublished',
      'date',
      'dc.date',
      'dc.date.issued',
      'dcterms.created',
      'dcterms.date',
      'pubdate',
      'publish-date',
      'publication_date',
      'parsely-pub-date',
      'sailthru.date',
    ),
    ...timeValues(document),
  ];
  for (const candidate of candidates) {
    const date = candidate === '' ? null : parseDateLine(candidate);
    if (date) return date;
  }
  return '';
}

function canonicalHref(document: Document): string {
  for (const link of document.getElementsByTagName('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href') ?? '';
  }
  return '';
}

/** The byline the page shows: a rel=author link, or an element whose class names it the author or the byline. */
function pageByline(document: Document): string {
  for (const selector of ['[rel="author"]', '.byline', '.author', '[itemprop="author"]']) {
    for (const element of document.querySelectorAll(selector)) {
      const text = flat(element.textContent);
      if (text !== '' && text.length <= MAX_META_LINE) return text;
    }
  }
  return '';
}

function readMetadata(document: Document): PageMetadata {
  const metas = metaTable(document);
  const article = jsonLdArticle(document);
  const mainEntity = article?.['mainEntityOfPage'];
  const url =
    webUrl(canonicalHref(document)) ||
    webUrl(firstOf(metas, 'og:url')) ||
    webUrl(jsonText(article?.['url'])) ||
    webUrl(typeof mainEntity === 'string' ? mainEntity : jsonText(mainEntity));
  const siteName =
    firstOf(metas, 'og:site_name') ||
    jsonText(asObjects(article?.['publisher'])[0]?.['name']) ||
    firstOf(metas, 'application-name', 'twitter:site').replace(/^@(?=\S+$)/, '');
  return {
    title: flat(jsonText(article?.['headline'])),
    ogTitle: firstOf(metas, 'og:title', 'twitter:title', 'dc.title'),
    headline: onlyHeadline(document, siteName),
    htmlTitle: flat(document.getElementsByTagName('title')[0]?.textContent),
    byline:
      jsonText(article?.['author']) ||
      firstOf(metas, 'author', 'article:author', 'byl', 'dc.creator') ||
      pageByline(document),
    siteName,
    published: publishedDate(document, metas, article),
    url,
  };
}

const SEPARATORS = '[|\\-–—·:»/\\\\•]';

/** The headline without the site's name before or after it ("Headline | World news | The Herald"). */
export function stripSiteFromTitle(title: string, siteNames: readonly string[]): string {
  let result = flat(title);
  for (const site of siteNames.map(flat).filter((name) => name.length >= 2)) {
    const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const suffix = new RegExp(`\\s+${SEPARATORS}\\s+${escaped}$`, 'i');
    const prefix = new RegExp(`^${escaped}\\s+${SEPARATORS}\\s+`, 'i');
    const stripped = result.replace(suffix, '').replace(prefix, '');
    if (stripped !== '' && stripped !== result) result = stripped;
  }
  // "Headline | Section | Site": what follows a bar is the site's furniture when each part is short.
  const parts = result.split(/\s+\|\s+/);
  if (parts.length >= 2 && parts.slice(1).every((part) => part.split(/\s+/).length <= 4)) {
    const head = parts[0]!;
    if (head.split(/\s+/).length >= 2) result = head;
  }
  return result;
}

const DATE_TAIL =
  /\s*(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|\bUpdated\b).*$/;

function cleanByline(byline: string | null | undefined): string {
  const text = flat(byline)
    .replace(/^by\s+/i, '')
    // A date, a time or "Updated …" glued on after the names.
    .replace(DATE_TAIL, '')
    .replace(/^[,;:\s]+|[,;:\s]+$/g, '');
  if (text === '' || /^https?:\/\//i.test(text) || text.length > 300) return '';
  return clip(text, MAX_TITLE_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------------
// Sanitized article → blocks

/** Keeps what reads as text, drops every active or embedded thing with whatever text it carries. */
function sanitize(window: JSDOM['window'], root: Element): Element {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  // In place: the article is already a tree, and serializing it for DOMPurify to parse again costs seconds on a
  // big page.
  purify.sanitize(root, {
    FORBID_TAGS: DROP_WITH_CONTENTS,
    ADD_FORBID_CONTENTS: DROP_WITH_CONTENTS,
    ALLOWED_ATTR: ['href', 'datetime', 'lang', 'dir', 'colspan', 'rowspan', 'start', 'value', 'reversed'],
    IN_PLACE: true,
  });
  return root;
}

/** Children in order, read through sibling links: jsdom's live child lists are slow to walk on a big page. */
function* childrenOf(node: Node): Generator<ChildNode> {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) yield child;
}

/** Control characters (but the whitespace that is collapsed later), soft hyphens and zero-width spaces go. */
function cleanText(raw: string): string {
  return raw.replace(/(?![\t\n\r\f])[\p{Cc}\u00ad\u200b\ufeff]/gu, '').normalize('NFC');
}

/** Collapses whitespace as a browser does; each <br> becomes a line break inside the paragraph. */
function collapse(raw: string): string {
  return raw
    .replace(/[\s\u00a0]+/g, ' ')
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function inlineText(node: Node): string {
  let text = '';
  for (const child of childrenOf(node)) {
    if (child.nodeType === 3) text += cleanText(child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const tag = (child as Element).localName;
      if (tag === 'br') text += LINE_BREAK;
      else if (BLOCK_TAGS.has(tag) || HEADING_TAGS.has(tag) || tag === 'td' || tag === 'th') {
        text += ` ${inlineText(child)} `;
      } else text += inlineText(child);
    }
  }
  return text;
}

function preText(node: Node): string {
  let text = '';
  for (const child of childrenOf(node)) {
    if (child.nodeType === 3) text += cleanText(child.nodeValue ?? '');
    else if (child.nodeType === 1) text += (child as Element).localName === 'br' ? '\n' : preText(child);
  }
  return text;
}

/** Where the walk is: inside how many quotes and lists, in which list item, in a caption or a heading. */
interface Place {
  quotes: number;
  lists: number;
  /** The list item being read: its first paragraph is the item, later ones continue it. */
  item: { ordered: boolean; number: number | undefined; started: boolean } | null;
  caption: boolean;
  heading: boolean;
  /** In a heading: its level, 1 for <h1> to 6 for <h6>. */
  level: number;
}

const TOP: Place = { quotes: 0, lists: 0, item: null, caption: false, heading: false, level: 0 };

/**
 * Whitespace collapsed as a browser does, each <br> a line break inside the block (see collapse), with each link
 * kept over the characters it covered, less the blanks at its edges; a link left with no character is dropped.
 */
function collapseMarked<Range extends { start: number; end: number }>(
  raw: string,
  links: readonly Range[],
): { text: string; links: Range[] } {
  let text = '';
  /** For each character of `text`, the index in `raw` it came from (never decreasing). */
  const origin: number[] = [];
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf(LINE_BREAK, lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    let line = '';
    const lineOrigin: number[] = [];
    let space = -1;
    for (let i = lineStart; i < lineEnd; i++) {
      const c = raw[i]!;
      if (/[\s\u00a0]/.test(c)) {
        if (line !== '' && space < 0) space = i;
        continue;
      }
      if (space >= 0) {
        line += ' ';
        lineOrigin.push(space);
        space = -1;
      }
      line += c;
      lineOrigin.push(i);
    }
    if (line !== '') {
      if (text !== '') {
        text += '\n';
        origin.push(lineStart - 1);
      }
      text += line;
      origin.push(...lineOrigin);
    }
    lineStart = lineEnd + 1;
  }
  const kept: Range[] = [];
  for (const link of links) {
    let start = firstFrom(origin, link.start);
    let end = firstFrom(origin, link.end);
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) kept.push({ ...link, start, end });
  }
  return { text, links: kept };
}

function listNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*-?\d{1,9}\s*$/.test(value)) return undefined;
  return Math.min(Math.max(parseInt(value, 10), 0), MAX_LIST_NUMBER);
}

/**
 * Walks the sanitized article in document order, cutting it into headings, paragraphs, block quotes (with their
 * depth), list items (with their depth, and their number in a numbered list) and figure captions, each with the
 * links over its words. With `formatting` (a document that is all article, such as a Word file) headings also
 * keep their level, and emphasis, strong emphasis and struck-out text are kept over the words they cover; a web
 * page's are not read, as its styling is the site's more often than the writer's.
 */
function toBlocks(root: Node, formatting = false): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let links: RawLink[] = [];
  let styles: RawStyle[] = [];
  /** The <a href> elements the walk is inside: a block inside a link cuts it in two. */
  const open: Array<{ href: string; start: number }> = [];
  /** The emphasis the walk is inside, likewise. */
  const openStyles: Array<{ kind: RawStyle['kind']; start: number }> = [];
  const flush = (place: Place) => {
    for (const anchor of open) {
      links.push({ start: anchor.start, end: buffer.length, href: anchor.href });
      anchor.start = 0;
    }
    for (const style of openStyles) {
      styles.push({ start: style.start, end: buffer.length, kind: style.kind });
      style.start = 0;
    }
    const piece = collapseMarked(buffer, links);
    const styled = styles.length > 0 ? collapseMarked(buffer, styles).links : [];
    buffer = '';
    links = [];
    styles = [];
    if (piece.text === '') return;
    const block: TextBlock = { kind: 'paragraph', text: piece.text, links: piece.links };
    if (styled.length > 0) block.styles = styled;
    if (place.heading) {
      block.kind = 'heading';
      block.text = block.text.replace(/\n/g, ' ');
      if (formatting) block.level = place.level;
    } else if (place.caption) block.kind = 'caption';
    else if (place.item) {
      block.kind = 'list-item';
      block.depth = place.lists;
      block.ordered = place.item.ordered;
      if (place.item.number !== undefined) block.number = place.item.number;
      if (place.item.started) block.continues = true;
      place.item.started = true;
    } else if (place.quotes > 0) {
      block.kind = 'quote';
      block.depth = place.quotes;
    }
    blocks.push(block);
  };
  const inBlock = (child: Node, place: Place) => {
    flush(place);
    walk(child, place);
    flush(place);
  };
  const list = (element: Element, place: Place) => {
    const ordered = element.localName === 'ol';
    const reversed = ordered && element.hasAttribute('reversed');
    let next = ordered ? (listNumber(element.getAttribute('start')) ?? 1) : 0;
    const lists = Math.min(place.lists + 1, MAX_BLOCK_DEPTH);
    flush(place);
    for (const child of childrenOf(element)) {
      if (child.nodeType === 1 && (child as Element).localName === 'li') {
        if (ordered) next = listNumber((child as Element).getAttribute('value')) ?? next;
        const number = ordered ? Math.min(Math.max(next, 0), MAX_LIST_NUMBER) : undefined;
        inBlock(child, { ...place, lists, item: { ordered, number, started: false } });
        next += reversed ? -1 : 1;
      } else visit(child, { ...place, lists, item: null });
    }
    flush({ ...place, lists, item: null });
  };
  const visit = (child: ChildNode, place: Place) => {
    if (child.nodeType === 3) {
      buffer += cleanText(child.nodeValue ?? '');
      return;
    }
    if (child.nodeType !== 1) return;
    const element = child as Element;
    const tag = element.localName;
    if (tag === 'br') buffer += LINE_BREAK;
    else if (tag === 'a' && element.hasAttribute('href')) {
      const anchor = { href: element.getAttribute('href') ?? '', start: buffer.length };
      open.push(anchor);
      walk(child, place);
      open.pop();
      links.push({ start: anchor.start, end: buffer.length, href: anchor.href });
    } else if (formatting && STYLE_TAGS.has(tag)) {
      const style = { kind: STYLE_TAGS.get(tag)!, start: buffer.length };
      openStyles.push(style);
      walk(child, place);
      openStyles.pop();
      styles.push({ start: style.start, end: buffer.length, kind: style.kind });
    } else if (HEADING_TAGS.has(tag)) {
      inBlock(child, { ...place, heading: true, level: Number(tag.slice(1)) });
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') list(element, place);
    else if (tag === 'li') {
      const lists = Math.min(place.lists + 1, MAX_BLOCK_DEPTH);
      inBlock(child, { ...place, lists, item: { ordered: false, number: undefined, started: false } });
    } else if (tag === 'blockquote') {
      inBlock(child, { ...place, quotes: Math.min(place.quotes + 1, MAX_BLOCK_DEPTH), item: null });
    } else if (tag === 'figcaption' || tag === 'caption') inBlock(child, { ...place, caption: true });
    else if (tag === 'tr') {
      flush(place);
      const cells = [...element.children]
        .filter((cell) => cell.localName === 'td' || cell.localName === 'th')
        .map((cell) => collapse(inlineText(cell)).replace(/\n/g, ' '))
        .filter((cell) => cell !== '');
      if (cells.length > 0) blocks.push({ kind: 'paragraph', text: cells.join(' | ') });
    } else if (tag === 'pre') {
      flush(place);
      for (const piece of preText(child).split(/\n[ \t]*\n/)) {
        const text = piece
          .split('\n')
          .map((line) => line.replace(/\u00a0/g, ' ').trimEnd())
          .join('\n')
          .replace(/^\n+|\n+$/g, '');
        if (text.trim() !== '') blocks.push({ kind: 'paragraph', text });
      }
    } else if (BLOCK_TAGS.has(tag)) inBlock(child, place);
    else walk(child, place);
  };
  const walk = (node: Node, place: Place) => {
    for (const child of childrenOf(node)) visit(child, place);
  };
  walk(root, TOP);
  flush(TOP);
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------------
// What is left of embeds, and blocks that only point elsewhere

/** Elements that stood for something embedded (an <iframe> is an <embed> by now, see lightenPage). */
const EMBED_TAGS = ['embed', 'object', 'video', 'audio', 'canvas'];
/** Most words the wrapper of an embed may hold besides it and still be read as the embed's own leftovers. */
const MAX_EMBED_LEFTOVER_WORDS = 20;
/** Containers of the whole article: an embed's leftovers never reach up to them. */
const ARTICLE_CONTAINERS = new Set(['html', 'body', 'main', 'article']);

function isArticleContainer(element: Element): boolean {
  return ARTICLE_CONTAINERS.has(element.localName) || element.getAttribute('role') === 'main';
}

/** Whether `element` holds a heading (what `querySelector('h1, …, h6')` finds, found without walking past it). */
function holdsHeading(element: Element): boolean {
  for (const node of nodesWithin(element)) {
    if (node.nodeType === 1 && HEADING_TAGS.has((node as Element).localName)) return true;
  }
  return false;
}

/** The number of words in `element`'s text (as `words(flat(textContent))` counts them), or `limit + 1` if more. */
function wordsAtMost(element: Element, limit: number): number {
  let count = 0;
  let inWord = false;
  for (const node of nodesWithin(element)) {
    if (node.nodeType !== 3 && node.nodeType !== 4) continue;
    const pieces = (node.nodeValue ?? '').split(/[\s\u00a0]+/);
    for (const [i, piece] of pieces.entries()) {
      if (piece !== '' && !(i === 0 && inWord)) count++;
    }
    if (pieces.length > 1 || pieces[0] !== '') inWord = pieces[pieces.length - 1] !== '';
    if (count > limit) return limit + 1;
  }
  return count;
}

/** Where a sentence ends in a line of text: . ! ? (or …), any closing quote or bracket, then a blank or the end. */
const STATEMENT_END = /[.!?…]["'”’)\]]*(\s|$)/;

/**
 * Whether the text of `element` less what lies inside `except` (its text nodes joined by blanks) says something:
 * it holds a sentence ending in . ! ? (or …), or runs past a line's length. Read only as far as it takes to know.
 */
function saysSomethingBesides(element: Element, except: Element): boolean {
  let count = 0;
  for (const node of nodesWithin(element, except)) {
    if (node.nodeType !== 3) continue;
    const piece = flat(node.nodeValue);
    if (piece === '') continue;
    // Pieces are joined by a blank, so a sentence that ends a piece ends before one.
    if (STATEMENT_END.test(piece)) return true;
    count += words(piece);
    if (count > MAX_EMBED_LEFTOVER_WORDS) return true;
  }
  return false;
}

/**
 * Removes each embedded thing (a video, a social media post or an interactive, in its frame) with the wrappers
 * around it that hold nothing else but a short line that is not a sentence ("This embed is not available", "View
 * on YouTube", a fallback link). A wrapper that also holds a statement, a heading, or is the article's container
 * stays, and so does all it says: only the embed goes.
 */
function dropEmbedLeftovers(document: Document): void {
  const embeds = EMBED_TAGS.flatMap((tag) => [...document.getElementsByTagName(tag)]);
  for (const embed of embeds) {
    if (!embed.isConnected) continue;
    widenToWrapper(embed).remove();
  }
}

/** Elements a reader clicks rather than reads (`button, input, select, textarea, [role="button"]`); on a saved
 *  page they only work a notice or a player. */
const CONTROL_TAGS = new Set(['button', 'input', 'select', 'textarea']);

function isControl(element: Element): boolean {
  return CONTROL_TAGS.has(element.localName) || element.getAttribute('role') === 'button';
}

/** `a[href^="#"]`: a link to a place in the page. */
function inPageLink(element: Element): boolean {
  return element.getAttribute('href')?.startsWith('#') ?? false;
}
/** Most words of a notice that holds a control (a consent notice, "Show more"), or of an embed's own wrapper. */
const MAX_NOTICE_WORDS = 60;
/** Most words of the line a "Skip …" link points past to ("End of twitter post by …"). */
const MAX_SKIP_TARGET_WORDS = 12;
const BLOCK_SELECTOR =
  'p, div, li, section, aside, figure, blockquote, dl, table, header, footer, form, center';

function words(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}

/** Widens `holder` to each wrapper around it that holds nothing else but a short line that is not a sentence. */
function widenToWrapper(holder: Element): Element {
  for (let parent = holder.parentElement; parent !== null; parent = parent.parentElement) {
    if (isArticleContainer(parent) || holdsHeading(parent)) break;
    if (saysSomethingBesides(parent, holder)) break;
    holder = parent;
  }
  return holder;
}

/**
 * Removes what worked a notice or a player on the live page: a "Skip …" link to a place in the page, with the
 * short line it points to ("End of twitter post by …", never a sentence); and each short block (at most
 * MAX_NOTICE_WORDS words, no heading) that holds a button or a form control ("Allow X content? …
 * Accept and continue"), with the wrappers that hold nothing else but a line such as "This embed is not
 * available". A container whose class names it an embed and that stays as short goes too ("We are having trouble
 * retrieving the article content."). A longer block keeps its text; only the control goes.
 */
function dropNoticeLeftovers(document: Document): void {
  for (const link of elementsWithin(
    document,
    (element) => element.localName === 'a' && inPageLink(element),
  )) {
    if (!link.isConnected || !/^skip\b/i.test(flat(link.textContent))) continue;
    const id = (link.getAttribute('href') ?? '').slice(1);
    const target = id === '' ? null : document.getElementById(id);
    if (target && !isArticleContainer(target) && !holdsHeading(target)) {
      const short = wordsAtMost(target, MAX_SKIP_TARGET_WORDS) <= MAX_SKIP_TARGET_WORDS;
      if (short && !/[.!?:…]["'”’)\]]*$/.test(flat(target.textContent))) widenToWrapper(target).remove();
    }
    if (link.isConnected) widenToWrapper(link).remove();
  }
  // (Only a class or an id holding "embed" can match.)
  const inEmbed = elementsWithin(document, (element) =>
    /(^|[\s_-])embed(ded)?([\s_-]|$)/i.test(`${element.getAttribute('class') ?? ''} ${element.id}`),
  );
  for (const element of inEmbed) {
    if (!element.isConnected || isArticleContainer(element) || holdsHeading(element)) continue;
    const limit = MAX_EMBED_LEFTOVER_WORDS * 2;
    if (wordsAtMost(element, limit) <= limit) widenToWrapper(element).remove();
  }
  for (const control of elementsWithin(document, isControl)) {
    if (!control.isConnected) continue;
    const block = control.closest(BLOCK_SELECTOR);
    if (
      block &&
      !isArticleContainer(block) &&
      !holdsHeading(block) &&
      wordsAtMost(block, MAX_NOTICE_WORDS) <= MAX_NOTICE_WORDS
    ) {
      widenToWrapper(block).remove();
    } else control.remove();
  }
}

/** What the page hides from sight: text for screen readers only ("Image caption, ", "Credit..."), or nothing. */
const HIDDEN_CLASS_NAMES = [
  'visually-hidden',
  'visuallyhidden',
  'sr-only',
  'screen-reader-text',
  'screenreader-only',
  'hidden-visually',
  'a11y-hidden',
  'u-hidden-visually',
];

/**
 * `[hidden], [aria-hidden="true"]` or one of the classes above (their case ignored in a page read in quirks mode,
 * as a selector does there), matched in one walk of the page.
 */
function hiddenTest(document: Document): (element: Element) => boolean {
  const quirks = document.compatMode === 'BackCompat';
  const classes = new Set(HIDDEN_CLASS_NAMES);
  return (element) => {
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
    const names = element.getAttribute('class');
    if (names === null) return false;
    return names.split(/[ \t\n\f\r]+/).some((name) => classes.has(quirks ? name.toLowerCase() : name));
  };
}

/**
 * Removes elements hidden from sight, each replaced by a space: the pieces on either side were separate on the
 * page ("…dollars.", hidden "Credit...", "Sasha Brin") and are not glued into one word.
 */
function dropHidden(document: Document): void {
  for (const element of elementsWithin(document, hiddenTest(document))) {
    if (!element.isConnected || isArticleContainer(element)) continue;
    element.replaceWith(document.createTextNode(' '));
  }
}

/** Most words of a block that may be dropped for being a link to elsewhere. */
const MAX_LINK_BLOCK_WORDS = 20;
/** The share of letters and digits that link text must reach for text to be a link to elsewhere. */
const LINK_BLOCK_SHARE = 0.7;
/** A label such as "Related:", "Read more:" or "More on this story:" before links. */
const LINK_LABEL = /^([\p{L}\p{N}'’ ]{1,40}):\s+/u;
/** How a sentence ends: . ! ? or … with any closing quote or bracket. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** The share of `[from, text.length)`'s letters and digits that lie under a link. */
function linkShare(block: TextBlock, from = 0): number {
  const linked = new Array<boolean>(block.text.length).fill(false);
  for (const link of block.links ?? []) linked.fill(true, link.start, link.end);
  let letters = 0;
  let linkedLetters = 0;
  for (let i = from; i < block.text.length; i++) {
    if (!/[\p{L}\p{N}]/u.test(block.text[i]!)) continue;
    letters++;
    if (linked[i]) linkedLetters++;
  }
  return letters === 0 ? 0 : linkedLetters / letters;
}

function isShortLinked(block: TextBlock): boolean {
  return (
    block.kind !== 'heading' &&
    block.kind !== 'code' &&
    (block.links?.length ?? 0) > 0 &&
    block.text.split(/\s+/).length <= MAX_LINK_BLOCK_WORDS
  );
}

/**
 * A labelled pointer elsewhere: a short label ending in ':' and then links and nothing that ends as a sentence
 * ("Related: Russia and UK look for a thaw", "Read more: Why the case still matters").
 */
function isLabelledLinks(block: TextBlock): boolean {
  if (!isShortLinked(block) || SENTENCE_END.test(block.text)) return false;
  const label = LINK_LABEL.exec(block.text);
  return (
    label !== null &&
    label[1]!.trim().split(/\s+/).length <= 4 &&
    linkShare(block, label[0].length) >= LINK_BLOCK_SHARE
  );
}

/**
 * A bare link title: a short block that is a link and nothing else, and does not end as a sentence does ("Iran
 * signals it may accept uranium deal" in a "More on this story" list, "View this post on Instagram"). A linked
 * sentence ("Farmers … lost two harvests in three years.") is the article's.
 */
function isLinkTitle(block: TextBlock): boolean {
  return isShortLinked(block) && !SENTENCE_END.test(block.text) && linkShare(block) >= 0.9;
}

/**
 * Which blocks only point elsewhere: labelled links, and each run of bare link titles that the article did not
 * introduce itself (a run right after the article's own sentence ending in ':', such as "Supporters pointed to
 * three studies:" over a list of linked study titles, is the article's).
 */
function linkBlocks(blocks: readonly TextBlock[]): boolean[] {
  const drop = blocks.map(isLabelledLinks);
  for (let i = 0; i < blocks.length;) {
    if (!isLinkTitle(blocks[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && isLinkTitle(blocks[j]!)) j++;
    const before = blocks[i - 1];
    const introduced =
      before !== undefined && before.kind !== 'heading' && /:$/.test(before.text) && !drop[i - 1];
    if (!introduced) drop.fill(true, i, j);
    i = j;
  }
  return drop;
}

/**
 * A link's address as the reading view may follow it: absolute http(s) or mailto, a relative one resolved against
 * the page's own address when that is known (and dropped when it is not), and none for a link within the page.
 */
function linkTarget(href: string, pageUrl: string): string | null {
  const raw = href.trim();
  if (raw === '' || raw.startsWith('#')) return null;
  let url: URL;
  try {
    url = pageUrl === '' ? new URL(raw) : new URL(raw, pageUrl);
  } catch {
    return null;
  }
  if (pageUrl !== '' && url.hash !== '') {
    const page = new URL(pageUrl);
    if (url.origin === page.origin && url.pathname === page.pathname && url.search === page.search)
      return null;
  }
  const target = url.href;
  return target.length <= MAX_URL_LENGTH && isSafeHref(target) ? target : null;
}

function sameText(a: string, b: string): boolean {
  const key = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a) !== '' && key(a) === key(b);
}

function isMetaLine(text: string, meta: { title: string; byline: string }): boolean {
  if (text.length > MAX_META_LINE) return false;
  if (sameText(text, meta.title)) return true;
  if (parseDateLine(text) !== null) return true;
  if (/^by\s/i.test(text) && !/[.!?]["'”’]?$/.test(text)) return true;
  const byline = meta.byline.toLowerCase();
  return byline !== '' && text.toLowerCase().includes(byline) && text.length <= byline.length + 80;
}

/**
 * Drops what Readability kept of the page around the article: the headline, byline and dateline repeated near the
 * top, furniture lines (share prompts, "Advertisement", tag lists) anywhere, and headings left with nothing under
 * them at the end.
 */
function trimArticle(blocks: TextBlock[], meta: { title: string; byline: string }): TextBlock[] {
  const candidates = blocks
    .filter((block) => !isPageFurniture(block.text))
    .filter((block, i) => i >= HEADER_SCAN || !isMetaLine(block.text, meta));
  const links = linkBlocks(candidates);
  const kept = candidates.filter((block, i) => {
    if (links[i]) return false;
    if (block.kind !== 'heading') return true;
    // A heading over nothing but links to elsewhere ("More on this story" over its list) goes with them.
    let j = i + 1;
    while (j < candidates.length && candidates[j]!.kind !== 'heading' && links[j]) j++;
    return !(j > i + 1 && (j === candidates.length || candidates[j]!.kind === 'heading'));
  });
  while (kept.length > 0 && kept[kept.length - 1]!.kind === 'heading') kept.pop();
  return kept;
}

/** The blocks' text joined by blank lines, each block's layout and links placed at its offsets. */
function joinBlocks(
  parts: readonly TextBlock[],
  pageUrl: string,
): { text: string; blocks: Block[]; marks: Mark[] } {
  let text = '';
  const blocks: Block[] = [];
  const marks: Mark[] = [];
  for (const part of parts) {
    if (text !== '') text += '\n\n';
    const start = text.length;
    const block: Block = { kind: part.kind, start, end: start + part.text.length };
    if (part.level !== undefined) block.level = part.level;
    if (part.depth !== undefined) block.depth = part.depth;
    if (part.ordered !== undefined) block.ordered = part.ordered;
    if (part.number !== undefined) block.number = part.number;
    if (part.continues !== undefined) block.continues = part.continues;
    blocks.push(block);
    for (const link of part.links ?? []) {
      const href = linkTarget(link.href, pageUrl);
      if (href !== null) marks.push({ kind: 'link', start: start + link.start, end: start + link.end, href });
    }
    for (const style of part.styles ?? []) {
      marks.push({ kind: style.kind, start: start + style.start, end: start + style.end });
    }
    text += part.text;
  }
  return { text, blocks, marks };
}

/** What is hidden from sight, and what embeds and notices left behind, taken out before the article is read. */
function dropLeftovers(document: Document): void {
  dropHidden(document);
  dropEmbedLeftovers(document);
  dropNoticeLeftovers(document);
}

/** Below this many characters of article text, Readability's result is checked against the body's. */
const SHORT_ARTICLE_CHARS = 2000;

/** How many blocks are more than paragraphs: list items, quotes and captions. */
function shaped(blocks: readonly TextBlock[]): number {
  let count = 0;
  for (const block of blocks) {
    if (block.kind === 'list-item' || block.kind === 'quote' || block.kind === 'caption') count++;
  }
  return count;
}

function textLength(blocks: readonly TextBlock[]): number {
  let length = 0;
  for (const block of blocks) length += block.text.length;
  return length;
}

/** When Readability finds nothing, the body less its obvious page furniture is all there is to read. */
function bodyWithoutFurniture(document: Document): Element {
  const root = document.createElement('div');
  const body = document.body;
  if (!body) return root;
  for (const element of body.querySelectorAll(
    'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="dialog"], [aria-hidden="true"], [hidden]',
  )) {
    element.remove();
  }
  root.append(...childrenOf(body));
  return root;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * How many steps importHtml reports, so that a long import's bar moves phase by phase: the page parsed, its shape
 * measured (and reduced), the lighter page written out, its DOM built, its metadata read, the article found, its
 * blocks read, done.
 */
export const HTML_STEPS = 8;

/** The refusal of a page made only of empty elements: it says what the page is, not that it is furniture. */
function onlyEmpty(quoted: string, shape: ShapeReport): ParleyError {
  return new ParleyError(
    `${quoted} has no text to read: its ${shape.elements.toLocaleString('en-US')} elements are all empty (blank paragraphs, spaces, line breaks or punctuation alone). Nothing was imported.`,
    'invalid',
  );
}

/**
 * Saved HTML page → DocumentDraft (format 'html'): what an embed left behind is removed, Readability extracts the
 * article, DOMPurify sanitizes it, then headings, paragraphs, block quotes, list items and figure captions become
 * blocks of plain text with the article's links as link marks, and blocks that only link elsewhere are dropped; title, byline, site name (→ source), published date
 * (article:published_time, <time datetime>, JSON-LD datePublished) and canonical URL are kept.
 * Refuses (ParleyError) a page over MAX_IMPORT_CHARS ('too-large') and one with no readable text ('invalid').
 */
export function importHtml(
  html: string,
  options: { fileName?: string; onStep?: (done: number, total: number) => void } = {},
): DocumentDraft {
  const step = (done: number) => options.onStep?.(done, HTML_STEPS);
  const name = baseName(options.fileName) || 'The page';
  const quoted = options.fileName ? `"${name}"` : name;
  if (html.length > MAX_IMPORT_CHARS) {
    throw new ParleyError(
      `${quoted} is too large: Parley imports pages of up to ${MAX_IMPORT_SIZE_TEXT}.`,
      'too-large',
    );
  }
  // No scripts run and nothing is fetched (jsdom's defaults); its console complaints about page CSS are dropped.
  const { page, shape } = lightenPage(html, step);
  if (shape.droppedEmpty > 0 && !shape.hasWords) throw onlyEmpty(quoted, shape);
  const dom = parsePage(page);
  step(4);
  const { document } = dom.window;
  const meta = readMetadata(document);
  // Authors for citing, from the page's author metadata only (html-authors.ts), read before Readability changes it.
  const authors = pageAuthors(document);
  dropLeftovers(document);
  step(5);

  let readability: ReturnType<Readability<Node>['parse']>;
  try {
    // Readability changes the document it reads: the metadata was taken first, the fallback parses again.
    readability = new Readability<Node>(document, { charThreshold: 250, serializer: (node) => node }).parse();
  } catch {
    readability = null;
  }
  const content = readability?.content;
  step(6);

  const siteName = clip(meta.siteName || flat(readability?.siteName), MAX_TITLE_LENGTH);
  const siteNames = [siteName, hostOf(meta.url)];
  const title = clip(
    stripSiteFromTitle(
      meta.title || meta.ogTitle || meta.headline || flat(readability?.title) || meta.htmlTitle,
      siteNames,
    ) || titleFromFileName(options.fileName),
    MAX_TITLE_LENGTH,
  );
  const byline = cleanByline(meta.byline || readability?.byline);
  const articleMeta = { title, byline };

  let blocks =
    content && content.nodeType === 1
      ? trimArticle(toBlocks(sanitize(dom.window, content as Element)), articleMeta)
      : [];
  // On a short page or a pasted fragment Readability's best attempt can flatten it (the lists, the caption, the quote
  // gone): there the body less its furniture is read too, and kept when it holds more of that shape and clearly more
  // of the text. Without such shape Readability's choice stands, as it leaves out promotions the body still holds.
  const readText = textLength(blocks);
  if (readText < SHORT_ARTICLE_CHARS) {
    const fresh = parsePage(page);
    dropLeftovers(fresh.window.document);
    const body = trimArticle(
      toBlocks(sanitize(fresh.window, bodyWithoutFurniture(fresh.window.document))),
      articleMeta,
    );
    fresh.window.close();
    if (blocks.length === 0 || (shaped(body) > shaped(blocks) && textLength(body) > readText * 1.2))
      blocks = body;
  }
  step(7);
  if (blocks.length === 0) {
    throw new ParleyError(
      `${quoted} has no article text to read: Parley found only page furniture (menus, links, notices) in it.`,
      'invalid',
    );
  }

  const published =
    meta.published || (readability?.publishedTime ? (parseDateLine(readability.publishedTime) ?? '') : '');
  dom.window.close();
  step(HTML_STEPS);
  return {
    title: title || 'Untitled',
    source: siteName || hostOf(meta.url),
    published,
    url: meta.url,
    format: 'html',
    byline,
    ...(authors.length > 0 ? { authors } : {}),
    ...joinBlocks(blocks, meta.url),
  };
}

/**
 * HTML that is all article, as mammoth makes of a Word file: sanitized by the same rules as a page's article and
 * read into the same blocks and marks, with no article extraction (Readability could leave a part of a document
 * out) and nothing trimmed as page furniture; headings keep their level, and emphasis, strong emphasis and
 * struck-out text are marks (see toBlocks). `notes` is given the parsed document before it is sanitized (its ids
 * and in-page links still there, for it to read or change) and answers the elements that are notes: each is taken
 * out of the text where it stands and read after everything else, as blocks of kind 'note'. Links are kept only
 * where they lead to a web page or an e-mail address.
 */
export function readWholeDocument(
  html: string,
  options: { notes?: (document: Document) => Element[] } = {},
): { text: string; blocks: Block[]; marks: Mark[] } {
  const dom = parsePage(html);
  try {
    const { document } = dom.window;
    const notes = (options.notes?.(document) ?? []).map((note) => {
      const holder = document.createElement('div');
      holder.append(...Array.from(note.childNodes));
      note.remove();
      return holder;
    });
    const body = document.body ?? document.createElement('body');
    const blocks = toBlocks(sanitize(dom.window, body), true);
    for (const note of notes) {
      for (const block of toBlocks(sanitize(dom.window, note), true)) {
        const noteBlock: TextBlock = { kind: 'note', text: block.text };
        if (block.links) noteBlock.links = block.links;
        if (block.styles) noteBlock.styles = block.styles;
        blocks.push(noteBlock);
      }
    }
    return joinBlocks(blocks, '');
  } finally {
    dom.window.close();
  }
}
