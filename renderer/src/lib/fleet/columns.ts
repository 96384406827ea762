// The fleet table's columns: their order, default and minimum widths, which may be hidden, and the
// user's layout (widths dragged or keyed, columns hidden) as it is stored in the window's settings.
// Plain data in, plain data out: the table turns a layout into one CSS grid template.
import type { ClusterEdition } from '$contract';
import type { MessageKey } from '../i18n/index.svelte';
import type { FleetRow, SortKey } from './view';

export type ColumnId =
  | 'name'
  | 'account'
  | 'region'
  | 'encryption'
  | 'key'
  | 'state'
  | 'version'
  | 'edition'
  | 'updated';

export interface ColumnSpec {
  id: ColumnId;
  label: MessageKey;
  /** The full name, when the header is shortened to fit its default width (tooltip, menu). */
  title?: MessageKey;
  sort: SortKey | null;
  /** Width in px before the user changes it. */
  width: number;
  /** Narrowest a drag or a key press can make it. */
  min: number;
  /** The name column identifies the row: it can be narrowed but never hidden. */
  hideable: boolean;
  /**
   * Share of the room a wide window leaves over (CSS fr), for the columns whose text runs long
   * (name, account, key) while the user has not sized them; 0 = always its width.
   */
  grow: number;
}

/**
 * In the order shown. What identifies a cluster and its encryption comes first (name, account,
 * region, encryption, key), so at 1024 px those stay on screen and the rest scrolls sideways;
 * the defaults add up to about 1,000 px, which fits 1280 px beside the sidebar. The key column is
 * the widest fixed one: a key id and its health chip side by side.
 */
export const COLUMNS: readonly ColumnSpec[] = [
  {
    id: 'name',
    label: 'fleet.col.name',
    sort: 'name',
    width: 152,
    min: 100,
    hideable: false,
    grow: 1.4,
  },
  {
    id: 'account',
    label: 'fleet.col.account',
    sort: 'account',
    width: 130,
    min: 70,
    hideable: true,
    grow: 1,
  },
  {
    id: 'region',
    label: 'fleet.col.region',
    sort: 'region',
    // The region's name (华东1（杭州）, China (Hangzhou)); the id is in the tooltip. It grows a
    // little: at 1920 px a fixed 110 px still cut "China (Hangzhou)" beside a half-empty account.
    width: 110,
    min: 70,
    hideable: true,
    grow: 0.5,
  },
  {
    id: 'encryption',
    label: 'fleet.col.encryption',
    sort: 'encryption',
    width: 120,
    min: 80,
    hideable: true,
    grow: 0,
  },
  {
    id: 'key',
    label: 'fleet.col.key',
    sort: null,
    width: 220,
    min: 110,
    hideable: true,
    grow: 1.2,
  },
  {
    id: 'state',
    label: 'fleet.col.state',
    sort: 'state',
    width: 76,
    min: 60,
    hideable: true,
    grow: 0,
  },
  {
    id: 'version',
    // "Kubernetes 版本" does not fit 72 px: the header says 版本 / Version, the tooltip the rest.
    label: 'fleet.col.version',
    title: 'fleet.col.versionFull',
    sort: 'version',
    // Room for "Version" and the sort arrow; the 6 px come from the key column (the 1280 budget).
    width: 78,
    min: 60,
    hideable: true,
    grow: 0,
  },
  {
    id: 'edition',
    label: 'fleet.col.edition',
    sort: null,
    width: 110,
    min: 60,
    hideable: true,
    grow: 0,
  },
  {
    id: 'updated',
    // "Last change" does not fit 92 px: Updated, with "Last updated" (the glossary's) in the tooltip.
    label: 'fleet.col.updated',
    title: 'fleet.col.updatedFull',
    sort: null,
    width: 92,
    min: 70,
    hideable: true,
    grow: 0,
  },
];

/** The tick column of a selectable table (fixed). */
export const TICK_WIDTH = 30;
/** Widest a column may be dragged: past this it only pushes the others off screen. */
export const MAX_WIDTH = 640;
/** One arrow key press on a resize handle; with Shift, four of them. */
export const KEY_STEP = 16;

/** What the user changed; columns not named keep their defaults. */
export interface ColumnLayout {
  widths: Partial<Record<ColumnId, number>>;
  hidden: ColumnId[];
}

export const DEFAULT_LAYOUT: ColumnLayout = { widths: {}, hidden: [] };

const BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

function spec(id: ColumnId): ColumnSpec {
  return BY_ID.get(id)!;
}

function clampWidth(id: ColumnId, width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(spec(id).min, width)));
}

export function widthOf(layout: ColumnLayout, id: ColumnId): number {
  const stored = layout.widths[id];
  return stored === undefined ? spec(id).width : clampWidth(id, stored);
}

/** The layout with column `id` at `width` px (kept between its minimum and MAX_WIDTH). */
export function resized(layout: ColumnLayout, id: ColumnId, width: number): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [id]: clampWidth(id, width) } };
}

/** The layout with column `id` back at its default width. */
export function widthReset(layout: ColumnLayout, id: ColumnId): ColumnLayout {
  const widths = { ...layout.widths };
  delete widths[id];
  return { ...layout, widths };
}

/** The layout with column `id` hidden or shown; the name column stays shown whatever is asked. */
export function withHidden(layout: ColumnLayout, id: ColumnId, hidden: boolean): ColumnLayout {
  if (!spec(id).hideable) return layout;
  const rest = layout.hidden.filter((h) => h !== id);
  return { ...layout, hidden: hidden ? [...rest, id] : rest };
}

/**
 * The columns to draw: those not hidden, and not the edition column when every cluster has the
 * same edition (`sameEdition` not null), where it would repeat one word on every row.
 */
export function visibleColumns(
  layout: ColumnLayout,
  sameEdition: ClusterEdition | null,
): ColumnSpec[] {
  return COLUMNS.filter(
    (c) => !layout.hidden.includes(c.id) && !(c.id === 'edition' && sameEdition !== null),
  );
}

/**
 * The CSS grid template for `columns`: each at its width, and the long-text columns (`grow`) also
 * share whatever room a wide window leaves, so names, accounts and keys read in full there. A
 * column the user sized keeps exactly that width; the name always grows, so the rows fill the
 * table.
 */
export function gridTemplate(
  columns: readonly ColumnSpec[],
  layout: ColumnLayout,
  tick: boolean,
): string {
  const tracks = columns.map((c) => {
    const width = widthOf(layout, c.id);
    const grows = c.id === 'name' || layout.widths[c.id] === undefined;
    return c.grow > 0 && grows ? `minmax(${width}px, ${c.grow}fr)` : `${width}px`;
  });
  return (tick ? [`${TICK_WIDTH}px`, ...tracks] : tracks).join(' ');
}

/** The narrowest the rows can be (past it the table scrolls sideways). */
export function totalWidth(
  columns: readonly ColumnSpec[],
  layout: ColumnLayout,
  tick: boolean,
): number {
  return columns.reduce((sum, c) => sum + widthOf(layout, c.id), tick ? TICK_WIDTH : 0);
}

/** The one edition every row has, or null when they differ (or there are no rows). */
export function sameEdition(rows: readonly FleetRow[]): ClusterEdition | null {
  const first = rows[0]?.cluster.edition;
  if (first === undefined) return null;
  for (const row of rows) if (row.cluster.edition !== first) return null;
  return first;
}

/** A layout read back from storage: anything unknown or malformed is dropped, never trusted. */
export function readLayout(stored: unknown): ColumnLayout {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_LAYOUT;
  const { widths, hidden } = stored as { widths?: unknown; hidden?: unknown };
  const layout: ColumnLayout = { widths: {}, hidden: [] };
  if (typeof widths === 'object' && widths !== null) {
    for (const [id, width] of Object.entries(widths)) {
      if (BY_ID.has(id as ColumnId) && typeof width === 'number' && Number.isFinite(width))
        layout.widths[id as ColumnId] = clampWidth(id as ColumnId, width);
    }
  }
  if (Array.isArray(hidden)) {
    for (const id of hidden) {
      if (BY_ID.get(id as ColumnId)?.hideable && !layout.hidden.includes(id as ColumnId))
        layout.hidden.push(id as ColumnId);
    }
  }
  return layout;
}
