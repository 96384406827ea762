import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  WINDOW_STATE_FILE,
  fitToWorkAreas,
  openWindowStateStore,
  parseWindowState,
} from '../../../electron/main/window-state';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-ws-'));
  file = path.join(dir, WINDOW_STATE_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-03-04T05:06:07.089Z');

describe('window state store', () => {
  it('starts from the defaults without a file, and remembers what was saved', () => {
    const store = openWindowStateStore(dir);
    expect(store.current()).toEqual(DEFAULT_WINDOW_STATE);
    store.save({ width: 1400, height: 900, x: 10, y: 20, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      width: 1400,
      height: 900,
      x: 10,
      y: 20,
      maximized: true,
    });
    expect(openWindowStateStore(dir).current()).toEqual({
      width: 1400,
      height: 900,
      x: 10,
      y: 20,
      maximized: true,
    });
    // Atomic write: no temporary file is left behind.
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it.each([
    ['not JSON', '{"width": 12'],
    ['wrong types', '{"width":"wide","height":900,"maximized":false}'],
    ['an array', '[1,2,3]'],
    ['x without y', '{"width":1000,"height":700,"x":5,"maximized":false}'],
  ])('moves a corrupt file (%s) aside before replacing it', (_label, content) => {
    writeFileSync(file, content);
    const problems: string[] = [];
    const store = openWindowStateStore(dir, { now, onProblem: (m) => problems.push(m) });
    expect(store.current()).toEqual(DEFAULT_WINDOW_STATE);
    const aside = path.join(dir, `${WINDOW_STATE_FILE}.corrupt-2026-03-04T05-06-07-089Z`);
    expect(readFileSync(aside, 'utf8')).toBe(content);
    expect(existsSync(file)).toBe(false);
    expect(problems).toEqual([expect.stringContaining('moved aside')]);
    store.save({ width: 1000, height: 700, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1000 });
    expect(readFileSync(aside, 'utf8')).toBe(content);
  });

  it('never writes over a file it could neither read nor move aside', () => {
    mkdirSync(file); // a folder where the file should be: unreadable as a file
    const store = openWindowStateStore(dir, { onProblem: () => undefined });
    store.save({ width: 1000, height: 700, maximized: false });
    expect(readdirSync(file)).toEqual([]); // still the folder, untouched
    expect(store.current()).toMatchObject({ width: 1000 });
  });

  it('reports a failed save instead of throwing', () => {
    const problems: string[] = [];
    const store = openWindowStateStore(path.join(file, 'nested'), {
      onProblem: (m) => problems.push(m),
    });
    writeFileSync(file, 'a file where a folder is needed');
    expect(() => store.save({ width: 1000, height: 700, maximized: false })).not.toThrow();
    expect(problems).toEqual([expect.stringContaining('could not save')]);
  });
});

describe('parseWindowState', () => {
  it('accepts what we write and nothing odd', () => {
    expect(parseWindowState({ width: 1000, height: 700, maximized: false })).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(parseWindowState({ width: 1000.5, height: 700, maximized: false })).toBeNull();
    expect(parseWindowState({ width: -1, height: 700, maximized: false })).toBeNull();
    expect(parseWindowState({ width: 1e9, height: 700, maximized: false })).toBeNull();
    expect(parseWindowState({ width: 1000, height: 700 })).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });
});

describe('fitToWorkAreas', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('keeps a window that is on a screen', () => {
    const state = { width: 1200, height: 800, x: 2000, y: 50, maximized: false };
    expect(fitToWorkAreas(state, [primary, right])).toEqual(state);
  });

  it('re-centres a window whose screen is gone, and shrinks it to the screen', () => {
    const state = { width: 2400, height: 1300, x: 4000, y: 50, maximized: true };
    expect(fitToWorkAreas(state, [primary])).toEqual({
      width: 1920,
      height: 1040,
      maximized: true,
    });
  });

  it('needs the title bar on screen, not just a corner', () => {
    const state = { width: 1200, height: 800, x: 1900, y: -30, maximized: false };
    expect(fitToWorkAreas(state, [primary])).not.toHaveProperty('x');
  });

  it('never goes below the minimum size', () => {
    expect(fitToWorkAreas({ width: 300, height: 200, maximized: false }, [primary])).toEqual({
      width: 960,
      height: 600,
      maximized: false,
    });
  });
});
