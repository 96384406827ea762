// The hidden line that makes Chromium look up the fleet's fonts before the first rows need them
// (lib/warm-fonts.ts, issue 18 item 4): one line per style, hidden from sight, hit-testing and
// screen readers, with CJK in it, gone after two frames.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WARM_FONT_STYLES, warmFonts } from '../../../renderer/src/lib/warm-fonts';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** requestAnimationFrame run by hand: `frame()` runs the callbacks asked for so far. */
function manualFrames(): { frame: () => void } {
  let queued: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queued.push(cb);
    return queued.length;
  });
  return {
    frame() {
      const run = queued;
      queued = [];
      for (const cb of run) cb(performance.now());
    },
  };
}

describe('warmFonts', () => {
  it('lays out one hidden line per font style and removes it after two frames', () => {
    const frames = manualFrames();
    warmFonts();
    const box = document.querySelector<HTMLElement>('[data-testid="warm-fonts"]');
    expect(box).not.toBeNull();
    expect(box!.getAttribute('aria-hidden')).toBe('true');
    // Hidden but laid out: display:none would skip the layout that loads the fonts.
    expect(box!.style.visibility).toBe('hidden');
    expect(box!.style.display).not.toBe('none');
    expect(box!.style.pointerEvents).toBe('none');
    const lines = [...box!.children] as HTMLElement[];
    expect(lines).toHaveLength(WARM_FONT_STYLES.length);
    expect(new Set(lines.map((l) => l.style.cssText)).size).toBe(WARM_FONT_STYLES.length);
    for (const line of lines) expect(line.textContent).toMatch(/[\u4e00-\u9fff]/);
    // No words: nothing for the language checks to find.
    expect(box!.textContent).not.toMatch(/[A-Za-z]/);

    frames.frame();
    expect(box!.isConnected).toBe(true);
    frames.frame();
    expect(box!.isConnected).toBe(false);
  });

  it('removes the line at once when the window unmounts first', () => {
    manualFrames();
    const remove = warmFonts();
    expect(document.querySelector('[data-testid="warm-fonts"]')).not.toBeNull();
    remove();
    expect(document.querySelector('[data-testid="warm-fonts"]')).toBeNull();
  });
});
