/**
 * The window comes back where the user left it: its normal bounds and whether it was maximized, kept in a small
 * file in the profile folder. Bounds that would put the window off every screen (a monitor since unplugged) are
 * dropped, keeping only the size. The file is written synchronously and whole (temp file, fsync, rename) in the
 * window's `close`: quitting closes the window and goes straight on, so a write left running there could be cut
 * off and leave the file empty. On Windows shutdown no `close` comes; the session-end events call saveWindowState.
 */
import { readFileSync } from 'node:fs';
import { writeSmallFileSync, type SyncFs } from './small-file';

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

export interface StatefulWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

export interface TrackedWindow extends StatefulWindow {
  on(event: 'close', listener: () => void): unknown;
}

/** Writes the window's state now, whole or not at all; throws when it could not. */
export function saveWindowState(path: string, win: StatefulWindow, fs?: SyncFs): void {
  const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  writeSmallFileSync(path, JSON.stringify(state), fs);
}

/** Like saveWindowState, but a failure costs only the remembered position: it is logged, never thrown. */
export function rememberWindowState(path: string, win: StatefulWindow): void {
  try {
    saveWindowState(path, win);
  } catch (error) {
    console.error('[parley] could not remember the window position', error);
  }
}

/** Writes the window's state when it closes, before the close goes on. */
export function trackWindowState(win: TrackedWindow, path: string): void {
  win.on('close', () => rememberWindowState(path, win));
}
