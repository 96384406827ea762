// Remembers the main window's size, position and maximised state in a small JSON file in the
// data folder. Plain Node (no Electron), so it is unit-tested directly.
// - Writes are atomic (temporary file + rename): a crash mid-write never leaves half a file.
// - A corrupt file is moved aside (kept for a bug report) before it is ever replaced; if it
//   cannot be moved, it is left alone and nothing is saved over it.
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  width: number;
  height: number;
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The state in a parsed file, or null when it is not a state we wrote. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height) || typeof r.maximized !== 'boolean') return null;
  if (r.width < 1 || r.height < 1 || r.width > 100_000 || r.height > 100_000) return null;
  const state: WindowState = { width: r.width, height: r.height, maximized: r.maximized };
  if (r.x !== undefined || r.y !== undefined) {
    if (!isInt(r.x) || !isInt(r.y)) return null;
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

/**
 * Makes a remembered state fit today's screens: a window whose title bar is on no display
 * (monitor unplugged, resolution changed) is re-centred, and the size is clamped to the work
 * area it lands on (or the largest one) and to the window's minimum.
 */
export function fitToWorkAreas(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const titleBarVisibleOn = (area: Rect): boolean => {
    if (state.x === undefined || state.y === undefined) return false;
    // At least 100 x 40 px of the top strip (where the title bar is) must be on the area.
    const left = Math.max(state.x, area.x);
    const right = Math.min(state.x + state.width, area.x + area.width);
    const top = Math.max(state.y, area.y);
    const bottom = Math.min(state.y + 40, area.y + area.height);
    return right - left >= 100 && bottom - top >= 40;
  };
  const home = workAreas.find(titleBarVisibleOn);
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const area = home ?? largest;
  const fitted: WindowState = {
    width: Math.max(MIN_WIDTH, Math.min(state.width, area.width)),
    height: Math.max(MIN_HEIGHT, Math.min(state.height, area.height)),
    maximized: state.maximized,
  };
  if (home && state.x !== undefined && state.y !== undefined) {
    fitted.x = state.x;
    fitted.y = state.y;
  }
  return fitted;
}

/** Writes the file atomically: a sibling temporary file, then a rename over the old one. */
export function writeWindowStateAtomic(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

export interface WindowStateStore {
  /** What to open the window with (before fitting to the screens): the last state saved. */
  current(): WindowState;
  /** Persists a state; never throws (a failed save only loses the window position). */
  save(state: WindowState): void;
}

export interface WindowStateStoreOptions {
  now?: () => Date;
  onProblem?: (message: string, details?: unknown) => void;
}

export function openWindowStateStore(
  dataDir: string,
  options: WindowStateStoreOptions = {},
): WindowStateStore {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const report = options.onProblem ?? (() => undefined);
  let initial = DEFAULT_WINDOW_STATE;
  let writable = true;

  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      // Unreadable (permissions, a folder in its place): do not write over what we cannot see.
      writable = false;
      report('window state file unreadable; using defaults', error);
    }
  }
  if (text !== null) {
    let parsed: WindowState | null = null;
    try {
      parsed = parseWindowState(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed) {
      initial = parsed;
    } else {
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
      const aside = `${file}.corrupt-${stamp}`;
      try {
        fs.renameSync(file, aside);
        report(`window state file was corrupt; moved aside to ${path.basename(aside)}`);
      } catch (error) {
        writable = false;
        report('window state file is corrupt and could not be moved aside; leaving it', error);
      }
    }
  }

  let current = initial;
  return {
    current: () => current,
    save(state) {
      current = state;
      if (!writable) return;
      try {
        writeWindowStateAtomic(file, state);
      } catch (error) {
        report('could not save the window state', error);
      }
    },
  };
}
