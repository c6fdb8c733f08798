/**
 * The bench's parts beyond the first five (which run.ts runs itself): each a module of its own that records its
 * figures in context.ts. `--only=NAME` runs one of them. Chromium is launched once and handed to every part.
 */
import type { Browser } from '@playwright/test';
import { benchView } from './view';

export interface BenchPart {
  /** The name `--only=` selects it by. */
  name: string;
  run(browser: Browser): Promise<void>;
}

export const PARTS: BenchPart[] = [{ name: 'view', run: benchView }];
