// The fleet screen's split between the table and the open cluster's panel: the panel takes a
// width the user drags (or keys) and the table keeps the rest, so the panel never covers rows.

/** The panel's width before the user changes it. */
export const PANEL_DEFAULT = 460;
/** Narrowest panel that still shows the checklist and the key picker. */
export const PANEL_MIN = 340;
/** Narrowest table that still shows the name and the tick column (the rest scrolls sideways). */
export const TABLE_MIN = 300;
/** One arrow key press on the split handle; with Shift, four of them. */
export const SPLIT_STEP = 24;

/**
 * The panel's width for a `wanted` width (the stored one, or null for the default) in a space
 * `available` px wide: at least PANEL_MIN, and at most what leaves the table TABLE_MIN. When the
 * space cannot hold both minimums the panel keeps its minimum and the table shrinks.
 */
export function panelWidth(wanted: number | null, available: number): number {
  const most = Math.max(PANEL_MIN, available - TABLE_MIN);
  return Math.round(Math.min(most, Math.max(PANEL_MIN, wanted ?? PANEL_DEFAULT)));
}

/** A stored panel width read back: a finite number of px, else null (the default). */
export function readPanelWidth(stored: unknown): number | null {
  return typeof stored === 'number' && Number.isFinite(stored) && stored > 0
    ? Math.round(stored)
    : null;
}
