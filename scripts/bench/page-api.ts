/**
 * What the bench page (page.ts, in Chromium) offers the runner (run.ts, in Node), declared once for both sides.
 * Only plain data crosses: offsets, colours and milliseconds.
 */

export interface PageBlock {
  kind: string;
  start: number;
  end: number;
}

export interface PageSpan {
  start: number;
  end: number;
  colour: string | null;
}

export interface PageCheck {
  /**
   * Ranges the painter made (ours: the ones near the viewport are registered, the rest as the page scrolls to
   * them), or <mark> elements made (mark.js).
   */
  painted: number;
  /**
   * Painted ranges whose text is not the document's text at their offsets; for ours also ranges on screen that
   * are not registered, and registered ranges that are not the painter's.
   */
  wrong: number;
}

export interface BenchPage {
  /** Renders the article as the reading column does: one element per block, holding its text. */
  load(text: string, blocks: PageBlock[], spans: PageSpan[]): void;
  /** Paints every span with a fresh painter state; returns the milliseconds to the end of the painted frame. */
  paintOurs(): Promise<number>;
  /** Paints every span but one, then times adding the one (span `which`) until painted. */
  addOne(which: number): Promise<number>;
  /** Renders the article again and wraps every span in <mark> with mark.js's markRanges; milliseconds likewise. */
  paintMarkJs(): Promise<number>;
  /** Checks our ranges, scrolling to the top, middle and end of the article and back to see what is registered. */
  checkOurs(): Promise<PageCheck>;
  checkMarkJs(): PageCheck;
}

export interface BenchWindow {
  bench: BenchPage;
}
