// The arithmetic of a hand-virtualised list of fixed-height rows (the fleet table): which rows are
// in the DOM for a scroll position, where to scroll so a row shows, how far a page moves. Plain
// numbers in, numbers out, so the component keeps only the DOM wiring.

/**
 * Rows rendered above and below the viewport, so a wheel scroll does not show blank space. Each
 * one is built at start-up and updated on every scrolled frame, so it stays small.
 */
export const OVERSCAN = 4;

export interface RowWindow {
  /** Index of the first rendered row. */
  first: number;
  /** One past the last rendered row. */
  last: number;
}

/** The rows to render for `count` rows of `rowHeight` px scrolled to `scrollTop`. */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = OVERSCAN,
): RowWindow {
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** The scrollTop that brings row `index` fully into view with the least movement (or the same). */
export function scrollToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}

/** How many rows Page Up / Page Down move: a viewport less one row, at least one. */
export function pageRows(rowHeight: number, viewportHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

/** `index` kept inside a list of `count` rows (0 for an empty list). */
export function clampIndex(index: number, count: number): number {
  return Math.max(0, Math.min(count - 1, index));
}
