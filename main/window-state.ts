/**
 * The window comes back where the user left it: its normal bounds and whether it was maximized, kept in a small
 * file in the profile folder. Bounds that would put the window off every screen (a monitor since unplugged) are
 * dropped, keeping only the size.
 */
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

const MIN_VISIBLE = 64;

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;
}

/** Checks what came off disk; null when it is not a usable state. */
export function parseWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: Partial<Rect>; maximized?: unknown };
  if (!bounds || !isInt(bounds.width) || !isInt(bounds.height)) return null;
  if (bounds.width < 200 || bounds.height < 150) return null;
  const size = { width: bounds.width, height: bounds.height };
  const state = { maximized: maximized === true };
  if (!isInt(bounds.x) || !isInt(bounds.y)) return { bounds: size, ...state };
  const { x, y } = bounds;
  const visible = workAreas.some(
    (area) =>
      x + size.width - MIN_VISIBLE >= area.x &&
      x + MIN_VISIBLE <= area.x + area.width &&
      y >= area.y &&
      y + MIN_VISIBLE <= area.y + area.height,
  );
  return visible ? { bounds: { ...size, x, y }, ...state } : { bounds: size, ...state };
}

export function loadWindowState(path: string, workAreas: readonly Rect[]): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(path, 'utf8')), workAreas);
  } catch {
    return null;
  }
}

export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Writes the window's state when it closes. A failed write costs only the remembered position. */
export function trackWindowState(win: TrackedWindow, path: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    writeFile(path, JSON.stringify(state)).catch((error: unknown) =>
      console.error('[parley] could not remember the window position', error),
    );
  });
}
