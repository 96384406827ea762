// Chromium looks up a font (family, size, weight, and the fallback for CJK text and symbols) the
// first time a style is laid out, and on Linux each look-up is a synchronous IPC to the browser
// process. Drawn first by the fleet's first rows, those look-ups waited inside their layout
// (bench group 4 traces: its wall time well over its CPU time). So the window lays out one
// hidden line per style the fleet screen uses at start, while its first requests cross, and
// removes it after two frames (the cache keeps the fonts).

/** The styles of the fleet screen (global.css, ClusterTable, FleetView, PostureCounts, chips). */
export const WARM_FONT_STYLES: readonly {
  family: 'ui' | 'mono';
  size: number;
  weight: number;
}[] = [
  { family: 'ui', size: 13, weight: 400 },
  { family: 'ui', size: 13, weight: 500 },
  { family: 'ui', size: 13, weight: 600 },
  { family: 'ui', size: 12, weight: 400 },
  { family: 'ui', size: 12, weight: 600 },
  { family: 'ui', size: 11, weight: 400 },
  { family: 'ui', size: 11, weight: 600 },
  { family: 'ui', size: 16, weight: 600 },
  { family: 'ui', size: 18, weight: 700 },
  { family: 'mono', size: 12, weight: 400 },
];

/**
 * Digits (the primary font), the symbols the table draws (sort arrows, dashes: often a fallback
 * font) and CJK (zh-CN labels, region names, account names: the CJK fallback). No words, so no
 * language check or screen reader ever reads it (it is hidden from both anyway).
 */
const SAMPLE = '0123456789 —·▾▴ 中文（）：';

/** How many frames the line stays: the first lays it out; one more in case that frame is skipped. */
const FRAMES = 2;

const nextFrame = (run: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
};

/** Adds the hidden line to `doc`; returns a function that removes it at once (e.g. on unmount). */
export function warmFonts(doc: Document = document): () => void {
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.dataset.testid = 'warm-fonts';
  // Laid out (visibility, not display: none, which skips layout), off screen, never hit.
  box.style.cssText =
    'position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none;white-space:nowrap';
  for (const style of WARM_FONT_STYLES) {
    const line = doc.createElement('div');
    line.style.cssText = `font-family:var(--font-${style.family});font-size:${style.size}px;font-weight:${style.weight}`;
    line.textContent = SAMPLE;
    box.append(line);
  }
  doc.body.append(box);
  let frames = 0;
  const tick = () => {
    if (!box.isConnected) return;
    if (++frames >= FRAMES) box.remove();
    else nextFrame(tick);
  };
  nextFrame(tick);
  return () => box.remove();
}
