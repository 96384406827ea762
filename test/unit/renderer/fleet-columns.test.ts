// The fleet table's column layout (lib/fleet/columns.ts), the table/panel split (lib/fleet/split.ts),
// the selection against the filters and the account scope (lib/fleet/selection-scope.ts), and the
// table drawing them: resize handles, hidden columns, the key beside its health chip.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ClusterTable from '../../../renderer/src/components/fleet/ClusterTable.svelte';
import {
  COLUMNS,
  DEFAULT_LAYOUT,
  KEY_STEP,
  MAX_WIDTH,
  TICK_WIDTH,
  gridTemplate,
  readLayout,
  resized,
  sameEdition,
  totalWidth,
  visibleColumns,
  widthOf,
  widthReset,
  withHidden,
} from '../../../renderer/src/lib/fleet/columns';
import type { ColumnLayout } from '../../../renderer/src/lib/fleet/columns';
import {
  scopeSelection,
  selectionForAccount,
} from '../../../renderer/src/lib/fleet/selection-scope';
import {
  PANEL_DEFAULT,
  PANEL_MIN,
  TABLE_MIN,
  panelWidth,
  readPanelWidth,
} from '../../../renderer/src/lib/fleet/split';
import { toRow } from '../../../renderer/src/lib/fleet/view';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { cluster } from './fixtures';

globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

const ids = (cols: readonly { id: string }[]) => cols.map((c) => c.id);

describe('column layout', () => {
  it('keeps widths between each minimum and the maximum, and resets one to its default', () => {
    const key = COLUMNS.find((c) => c.id === 'key')!;
    expect(widthOf(DEFAULT_LAYOUT, 'key')).toBe(key.width);
    expect(widthOf(resized(DEFAULT_LAYOUT, 'key', 10), 'key')).toBe(key.min);
    expect(widthOf(resized(DEFAULT_LAYOUT, 'key', 5000), 'key')).toBe(MAX_WIDTH);
    const wide = resized(DEFAULT_LAYOUT, 'key', 333.4);
    expect(widthOf(wide, 'key')).toBe(333);
    expect(widthOf(widthReset(wide, 'key'), 'key')).toBe(key.width);
    // The input is never changed (layouts are replaced, as Svelte state wants).
    expect(DEFAULT_LAYOUT).toEqual({ widths: {}, hidden: [] });
  });

  it('hides and shows columns, but never the name', () => {
    let layout = withHidden(DEFAULT_LAYOUT, 'version', true);
    layout = withHidden(layout, 'version', true);
    expect(layout.hidden).toEqual(['version']);
    expect(withHidden(layout, 'name', true)).toBe(layout);
    expect(ids(visibleColumns(layout, null))).not.toContain('version');
    expect(ids(visibleColumns(withHidden(layout, 'version', false), null))).toContain('version');
  });

  it('leaves out the edition column when every cluster has the same edition', () => {
    const same = [toRow(cluster({ name: 'a' })), toRow(cluster({ name: 'b' }))];
    expect(sameEdition(same)).toBe('edge-pro');
    expect(ids(visibleColumns(DEFAULT_LAYOUT, 'edge-pro'))).not.toContain('edition');
    const mixed = [...same, toRow(cluster({ name: 'c', edition: 'ack-pro' }))];
    expect(sameEdition(mixed)).toBeNull();
    expect(sameEdition([])).toBeNull();
    expect(ids(visibleColumns(DEFAULT_LAYOUT, null))).toContain('edition');
  });

  it('makes one grid template: the name stretches, the rest are fixed, the tick first', () => {
    const layout = withHidden(resized(DEFAULT_LAYOUT, 'name', 250), 'updated', true);
    const cols = visibleColumns(layout, 'edge-pro');
    const template = gridTemplate(cols, layout, true);
    // The name grows even when sized; an unsized account, region and key grow; the state never does.
    expect(template.startsWith(`${TICK_WIDTH}px minmax(250px, 1.4fr) minmax(`)).toBe(true);
    expect(template).toContain(`minmax(${widthOf(layout, 'key')}px, 1.2fr)`);
    expect(template).toContain(`minmax(${widthOf(layout, 'region')}px, 0.5fr)`);
    expect(template).toContain(` ${widthOf(layout, 'state')}px `);
    expect(gridTemplate(cols, resized(layout, 'key', 300), true)).toContain(' 300px ');
    expect(template.match(/\d+px/g)).toHaveLength(cols.length + 1);
    expect(totalWidth(cols, layout, true)).toBe(
      TICK_WIDTH + cols.reduce((sum, c) => sum + widthOf(layout, c.id), 0),
    );
    // The defaults fit beside the sidebar at 1280 px (about 1,000 px for the table).
    expect(
      totalWidth(visibleColumns(DEFAULT_LAYOUT, 'edge-pro'), DEFAULT_LAYOUT, true),
    ).toBeLessThan(1010);
  });

  it('reads a stored layout defensively: unknown columns, bad widths and the name are dropped', () => {
    expect(readLayout(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(readLayout('x')).toEqual(DEFAULT_LAYOUT);
    expect(
      readLayout({
        widths: { key: 300, name: 'wide', bogus: 100, region: Number.NaN, account: 1 },
        hidden: ['version', 'name', 'nope', 'version', 3],
      }),
    ).toEqual({ widths: { key: 300, account: 70 }, hidden: ['version'] });
  });
});

describe('table and panel split', () => {
  it('gives the panel its wanted width within the minimums of both sides', () => {
    expect(panelWidth(null, 1600)).toBe(PANEL_DEFAULT);
    expect(panelWidth(700, 1600)).toBe(700);
    expect(panelWidth(100, 1600)).toBe(PANEL_MIN);
    // 1024 px window: about 780 px beside the sidebar; the table keeps its minimum.
    expect(panelWidth(700, 780)).toBe(780 - TABLE_MIN);
    // Too narrow for both minimums: the panel keeps its own.
    expect(panelWidth(null, 500)).toBe(PANEL_MIN);
    expect(readPanelWidth(512.6)).toBe(513);
    expect(readPanelWidth('512')).toBeNull();
    expect(readPanelWidth(-1)).toBeNull();
  });
});

describe('selection scope', () => {
  const rows = [
    toRow(cluster({ name: 'a' })),
    toRow(cluster({ name: 'b' })),
    toRow(cluster({ name: 'c', accountId: 'acc-2', accountName: 'Factory' })),
  ];
  const selected = new Set(['c-a', 'c-b', 'c-c', 'c-gone']);

  it('counts the ticked clusters the filters hide', () => {
    expect(scopeSelection(selected, rows.slice(1))).toEqual({ visible: ['c-b', 'c-c'], hidden: 2 });
    expect(scopeSelection(new Set(), rows)).toEqual({ visible: [], hidden: 0 });
    expect(scopeSelection(new Set(['c-a']), rows)).toEqual({ visible: ['c-a'], hidden: 0 });
  });

  it('keeps only the ticks of the account switched to; all accounts keeps every tick', () => {
    expect([...selectionForAccount(selected, rows, 'acc-2')]).toEqual(['c-c']);
    expect([...selectionForAccount(selected, rows, 'acc-1')]).toEqual(['c-a', 'c-b']);
    // "All accounts" hides nothing; only a tick whose cluster left the snapshot goes.
    expect([...selectionForAccount(selected, rows, 'all')]).toEqual(['c-a', 'c-b', 'c-c']);
    const kept = new Set(['c-a']);
    expect(selectionForAccount(kept, rows, 'acc-1')).toBe(kept);
  });
});

describe('ClusterTable columns', () => {
  beforeEach(() => i18n.setLocale('en'));

  const encrypted = toRow(
    cluster({
      name: 'risky',
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-0123456789abcdef' },
      key: { keyId: 'key-0123456789abcdef', aliases: [], health: 'pending-deletion' },
    }),
  );
  const aliased = toRow(
    cluster({
      name: 'aliased',
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-2' },
      key: { keyId: 'key-2', aliases: ['alias/prod'], health: 'disabled' },
    }),
  );

  function table(layout: ColumnLayout, onlayoutchange = vi.fn(), same: 'edge-pro' | null = null) {
    return render(ClusterTable, {
      rows: [encrypted, aliased],
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen: vi.fn(),
      layout,
      onlayoutchange,
      sameEdition: same,
    });
  }

  it('shows the key (alias, else id) with its health chip beside it, never instead', () => {
    const { container } = table(DEFAULT_LAYOUT);
    const cells = [...container.querySelectorAll('[data-cluster-id] [data-column="key"]')];
    expect(cells.map((c) => c.querySelector('.key-name')?.textContent)).toEqual([
      'key-0123456789abcdef',
      'alias/prod',
    ]);
    expect(cells.map((c) => c.querySelector('[data-testid="key-health"]')?.textContent)).toEqual([
      'Pending deletion',
      'Disabled',
    ]);
  });

  it('draws only the columns shown: hidden ones and a constant edition are left out', () => {
    const layout = withHidden(DEFAULT_LAYOUT, 'version', true);
    const { container } = table(layout, vi.fn(), 'edge-pro');
    const headers = [...container.querySelectorAll('[role="columnheader"][data-column]')].map((h) =>
      h.getAttribute('data-column'),
    );
    expect(headers).toEqual(ids(visibleColumns(layout, 'edge-pro')));
    expect(headers).not.toContain('version');
    expect(headers).not.toContain('edition');
    // Hidden columns' cells are display:none (a class on the table), so one row template serves.
    const grid = screen.getByRole('grid');
    expect(grid.classList.contains('hide-version')).toBe(true);
    expect(grid.classList.contains('hide-edition')).toBe(true);
    expect(grid.classList.contains('hide-key')).toBe(false);
    const firstRow = container.querySelector('[data-cluster-id]')!;
    const drawn = [...firstRow.querySelectorAll('[role="gridcell"]')].filter(
      (cell) => !['version', 'edition'].some((id) => cell.classList.contains(`c-${id}`)),
    );
    expect(drawn).toHaveLength(headers.length);
    expect(screen.getByRole('grid').getAttribute('aria-colcount')).toBe(String(headers.length));
  });

  it('resizes a column from its handle with the arrow keys, and Enter resets it', async () => {
    const onlayoutchange = vi.fn();
    const layout = resized(DEFAULT_LAYOUT, 'account', 200);
    table(layout, onlayoutchange);
    const handle = screen.getByTestId('resize-account');
    expect(handle.getAttribute('role')).toBe('separator');
    expect(handle.getAttribute('aria-valuenow')).toBe('200');
    await fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(widthOf(onlayoutchange.mock.lastCall![0], 'account')).toBe(200 + KEY_STEP);
    await fireEvent.keyDown(handle, { key: 'ArrowLeft', shiftKey: true });
    expect(widthOf(onlayoutchange.mock.lastCall![0], 'account')).toBe(200 - 4 * KEY_STEP);
    await fireEvent.keyDown(handle, { key: 'Enter' });
    expect(onlayoutchange.mock.lastCall![0].widths.account).toBeUndefined();
  });

  it('a key on a header control does not move or open the rows', async () => {
    const onopen = vi.fn();
    render(ClusterTable, {
      rows: [encrypted, aliased],
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen,
      onlayoutchange: vi.fn(),
    });
    await fireEvent.keyDown(screen.getByTestId('resize-name'), { key: 'Enter' });
    expect(onopen).not.toHaveBeenCalled();
    await fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    expect(onopen).toHaveBeenCalledOnce();
  });
});

describe('ClusterTable scrolling', () => {
  it('reuses the rows in the DOM when it scrolls: new clusters, no row built or removed', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      toRow(cluster({ name: `cluster-${String(i).padStart(4, '0')}` })),
    );
    const { container } = render(ClusterTable, {
      rows: many,
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen: vi.fn(),
    });
    const group = container.querySelector('[role="rowgroup"]')!;
    const viewport = container.querySelector<HTMLElement>('.viewport')!;
    // From the middle (the window at the very top has no rows above it).
    viewport.scrollTop = 28 * 100;
    await fireEvent.scroll(viewport);
    const before = [...group.querySelectorAll('[data-cluster-id]')];
    let added = 0;
    let removed = 0;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        added += r.addedNodes.length;
        removed += r.removedNodes.length;
      }
    });
    observer.observe(group, { childList: true });
    viewport.scrollTop = 28 * 500;
    await fireEvent.scroll(viewport);
    observer.disconnect();
    const after = [...group.querySelectorAll('[data-cluster-id]')];
    expect(after).toHaveLength(before.length);
    expect(added).toBe(0);
    expect(removed).toBe(0);
    // The same elements now show other clusters.
    expect(after[0]).toBe(before[0]);
    expect(after[0]!.getAttribute('data-cluster-id')).toBe('c-cluster-0496');
    expect(after.map((r) => r.getAttribute('aria-rowindex'))).toContain('502');
  });
});
