// Where the window was and how big, kept between runs in <userData>/window-state.json. What comes back from the
// file is never trusted: garbage, sizes beyond every screen and positions on a monitor that has since been
// unplugged all fall back to something the clerk can see and grab. Pure apart from reading and writing that one
// file; the main process hands in the displays (Electron's screen.getAllDisplays()).

import fs from 'node:fs';
import path from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** The title bar strip that must lie on some screen for a saved position to be used: enough to grab and drag. */
const GRAB_STRIP = { width: 120, height: 32 } as const;
/** Larger than any state this module writes: anything bigger is not ours. */
const MAX_FILE_BYTES = 4096;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The shape of Electron's Display that is read here. */
export interface DisplayLike {
  workArea: Rect;
}

/** What BrowserWindow's constructor gets: no x and y means "centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** What is written to the file. */
export interface SavedWindowState extends Rect {
  maximized: boolean;
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const rect = value as Record<string, unknown>;
  return (['x', 'y', 'width', 'height'] as const).every(
    (key) => typeof rect[key] === 'number' && Number.isFinite(rect[key]),
  );
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** The size to use on a work area: the wanted size, no smaller than the minimum, no larger than the area. */
function fitSize(width: number, height: number, area: Rect | undefined): { width: number; height: number } {
  const fit = (wanted: number, min: number, max: number | undefined) => {
    const size = Math.round(Math.max(wanted, min));
    return max === undefined ? size : Math.min(size, Math.max(Math.round(max), 1));
  };
  return { width: fit(width, MIN_SIZE.width, area?.width), height: fit(height, MIN_SIZE.height, area?.height) };
}

/**
 * Where to open the window, from whatever the file held (`saved`) and the screens there are now. The first
 * display is taken as the primary one (Electron lists it first).
 */
export function placeWindow(saved: unknown, displays: readonly DisplayLike[]): WindowPlacement {
  const areas = displays
    .map((display) => display.workArea)
    .filter(isRect)
    .filter((area) => area.width > 0 && area.height > 0);
  const primary = areas[0];
  if (!isRect(saved) || saved.width <= 0 || saved.height <= 0) {
    return { ...fitSize(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary), maximized: false };
  }
  const maximized = (saved as unknown as { maximized?: unknown }).maximized === true;

  // The screen the title bar is on: the one whose work area holds most of the grab strip.
  const strip: Rect = {
    x: saved.x,
    y: saved.y,
    width: Math.min(saved.width, GRAB_STRIP.width * 3),
    height: GRAB_STRIP.height,
  };
  let home: Rect | undefined;
  let best = 0;
  for (const area of areas) {
    const { width, height } = overlap(strip, area);
    if (width >= GRAB_STRIP.width && height >= GRAB_STRIP.height / 2 && width * height > best) {
      home = area;
      best = width * height;
    }
  }
  if (!home) return { ...fitSize(saved.width, saved.height, primary), maximized };

  // On its screen, whole: shrunk to the work area if the screen got smaller, and moved in from the edges.
  const size = fitSize(saved.width, saved.height, home);
  const x = clamp(Math.round(saved.x), home.x, home.x + home.width - size.width);
  const y = clamp(Math.round(saved.y), home.y, home.y + home.height - size.height);
  return { x, y, ...size, maximized };
}

/** The state worth keeping: the normal (not maximised) bounds and whether the window was maximised. */
export function captureWindowState(normalBounds: Rect, maximized: boolean): SavedWindowState | null {
  if (!isRect(normalBounds) || normalBounds.width <= 0 || normalBounds.height <= 0) return null;
  const { x, y, width, height } = normalBounds;
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized };
}

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, WINDOW_STATE_FILE);
}

/** The saved state as parsed JSON, or null when there is none or it cannot be read. */
export function readWindowState(file: string): unknown {
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return null;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes the state whole or not at all (a temp file renamed over the old one). */
export function writeWindowState(file: string, state: SavedWindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(state)}\n`);
  fs.renameSync(partial, file);
}
