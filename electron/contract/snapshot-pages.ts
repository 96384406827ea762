// The sizes of fleet.snapshotPage's pages: about two screens of rows first (what the window
// paints at once), then few messages for the rest; `max` is the most one request may ask for.
export const SNAPSHOT_PAGES = { first: 200, next: 5_000, max: 10_000 } as const;
