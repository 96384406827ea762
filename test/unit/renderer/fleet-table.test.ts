import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ClusterTable from '../../../renderer/src/components/fleet/ClusterTable.svelte';
import {
  DEFAULT_FILTERS,
  countPostures,
  filterRows,
  sortRows,
  toCsv,
  toJson,
  toRow,
  toRows,
} from '../../../renderer/src/lib/fleet/view';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { cluster } from './fixtures';

// jsdom has no layout: bind:clientHeight needs a ResizeObserver to exist.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

const rows = [
  toRow(cluster({ name: 'b-plain' })),
  toRow(
    cluster({
      name: 'a-encrypted',
      accountId: 'acc-2',
      accountName: 'Factory',
      regionId: 'cn-beijing',
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-1' },
      key: { keyId: 'key-1', aliases: ['alias/prod'], health: 'ok' },
    }),
  ),
  toRow(
    cluster({
      name: 'c-risky',
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-2' },
      key: { keyId: 'key-2', aliases: [], health: 'disabled' },
    }),
  ),
  toRow(cluster({ name: 'd-updating', state: 'updating' })),
  toRow(cluster({ name: '=evil', state: 'failed' })),
];

describe('fleet view functions', () => {
  it('filters by account, region, encryption, state, attention and text', () => {
    const f = { ...DEFAULT_FILTERS };
    const names = (filters: typeof f) => filterRows(rows, filters).map((r) => r.cluster.name);
    expect(names({ ...f, accountId: 'acc-2' })).toEqual(['a-encrypted']);
    expect(names({ ...f, regionId: 'cn-beijing' })).toEqual(['a-encrypted']);
    expect(names({ ...f, encryption: 'encrypted' })).toEqual(['a-encrypted', 'c-risky']);
    expect(names({ ...f, encryption: 'changing' })).toEqual(['d-updating']);
    expect(names({ ...f, state: 'failed' })).toEqual(['=evil']);
    expect(names({ ...f, attentionOnly: true })).toEqual(['c-risky', '=evil']);
    expect(names({ ...f, text: 'PROD' })).toEqual(['a-encrypted']);
    expect(names({ ...f, text: 'factory beijing' })).toEqual(['a-encrypted']);
  });

  it('sorts problems first by default, and by any column both ways', () => {
    const order = (key: Parameters<typeof sortRows>[1]['key'], descending = false) =>
      sortRows([...rows], { key, descending }).map((r) => r.cluster.name);
    expect(order('attention')).toEqual([
      '=evil',
      'c-risky',
      'b-plain',
      'd-updating',
      'a-encrypted',
    ]);
    expect(order('name')).toEqual(['=evil', 'a-encrypted', 'b-plain', 'c-risky', 'd-updating']);
    expect(order('account', true)[0]).not.toBe('a-encrypted');
  });

  it("numbers a snapshot's rows by name once, and sorts by those numbers in the same order", () => {
    const clusters = ['node-10', 'Node-2', 'alpha', 'node-1', 'beta-3', 'beta-20'].map((name) =>
      cluster({ name }),
    );
    const numbered = toRows(clusters);
    // The collator's order (numeric, case-insensitive), given as numbers 0..n-1.
    const expected = ['alpha', 'beta-3', 'beta-20', 'node-1', 'Node-2', 'node-10'];
    expect(
      [...numbered].sort((a, b) => a.nameOrder - b.nameOrder).map((r) => r.cluster.name),
    ).toEqual(expected);
    const order = (key: Parameters<typeof sortRows>[1]['key'], descending = false) =>
      sortRows([...numbered], { key, descending }).map((r) => r.cluster.name);
    expect(order('name')).toEqual(expected);
    expect(order('attention')).toEqual(expected); // one rank: the name decides
    // Rows not numbered together (toRow alone) still sort by name through the collator.
    expect(
      sortRows(clusters.map(toRow), { key: 'name', descending: false }).map((r) => r.cluster.name),
    ).toEqual(expected);
  });

  it('counts postures: encrypted, not, changing, key at risk', () => {
    expect(countPostures(rows)).toEqual({
      total: 5,
      encrypted: 2,
      notEncrypted: 2,
      changing: 1,
      keyAtRisk: 1,
      problem: 0,
    });
  });

  it('exports the view as CSV (formula-safe) and JSON', () => {
    const csv = toCsv(rows.slice(0, 1).concat(rows[4]!));
    expect(csv.split('\r\n')[0]).toContain('clusterId,name,accountName');
    expect(csv).toContain("'=evil");
    const json = JSON.parse(toJson(rows.slice(1, 2), '2026-01-01T00:00:00Z'));
    expect(json.clusters[0]).toMatchObject({ name: 'a-encrypted', keyAlias: 'alias/prod' });
  });
});

describe('ClusterTable', () => {
  beforeEach(() => i18n.setLocale('en'));

  const many = Array.from({ length: 6500 }, (_, i) =>
    toRow(cluster({ name: `cluster-${String(i).padStart(4, '0')}` })),
  );

  it('renders only the rows in view, however many there are', () => {
    const { container } = render(ClusterTable, {
      rows: many,
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen: vi.fn(),
    });
    const rendered = container.querySelectorAll('[data-cluster-id]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('6501');
  });

  it('isolates cloud-supplied names for bidi, so an override cannot reorder the row', () => {
    const evil = 'exe.\u202egnp-prod';
    const { container } = render(ClusterTable, {
      rows: [toRow(cluster({ name: evil, accountName: 'حساب\u2066x' }))],
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen: vi.fn(),
    });
    const isolated = [...container.querySelectorAll('bdi')].map((e) => e.textContent);
    expect(isolated).toContain(evil);
    expect(isolated).toContain('حساب\u2066x');
  });

  it('shows a cluster whose encryption the cloud did not tell as Unknown, a problem to look at', () => {
    const unknown = toRow(
      cluster({ name: 'e-unsaid', encryption: { posture: 'unknown', enabled: null, keyId: null } }),
    );
    const { container } = render(ClusterTable, {
      rows: [unknown, rows[0]!],
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen: vi.fn(),
    });
    const badge = container.querySelector('[data-posture="unknown"]');
    expect(badge?.textContent).toBe('Unknown');
    expect(container.querySelectorAll('[data-posture="not-encrypted"]')).toHaveLength(1);
    expect(countPostures([unknown])).toMatchObject({ notEncrypted: 0, problem: 1 });
  });

  it('moves with the arrow keys, opens with Enter, closes with Esc', async () => {
    const onopen = vi.fn();
    const onclose = vi.fn();
    const { rerender } = render(ClusterTable, {
      rows: many,
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen,
      onclose,
    });
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-activedescendant')).toBe('row-c-cluster-0000');
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('row-c-cluster-0001');
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith('c-cluster-0001');
    await fireEvent.keyDown(grid, { key: 'End' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('row-c-cluster-6499');
    await rerender({ openId: 'c-cluster-0001' });
    await fireEvent.keyDown(grid, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('labels updating_failed "Update failed" / "更新失败" and flags it for attention', () => {
    const failedUpdate = toRow(cluster({ name: 'kms-change-failed', state: 'updating_failed' }));
    expect(failedUpdate.attention).toBe(true);
    for (const [locale, label] of [
      ['en', 'Update failed'],
      ['zh-CN', '更新失败'],
    ] as const) {
      i18n.setLocale(locale);
      const { container, unmount } = render(ClusterTable, {
        rows: [failedUpdate],
        sort: { key: 'name', descending: false },
        onsort: vi.fn(),
        onopen: vi.fn(),
      });
      expect(container.querySelector('.state-updating_failed')?.textContent).toBe(label);
      unmount();
    }
  });

  it('sorts from the column headers and marks the sorted column', async () => {
    const onsort = vi.fn();
    render(ClusterTable, {
      rows: many.slice(0, 3),
      sort: { key: 'name', descending: true },
      onsort,
      onopen: vi.fn(),
    });
    const header = screen.getByRole('columnheader', { name: /Cluster/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await fireEvent.click(screen.getByRole('button', { name: /Region/ }));
    expect(onsort).toHaveBeenCalledWith('region');
  });
});

describe('ClusterTable selection for a batch', () => {
  beforeEach(() => i18n.setLocale('en'));
  const five = Array.from({ length: 5 }, (_, i) => toRow(cluster({ name: `sel-${i}` })));

  it('ticks with a click, a Shift-click range, Space and Ctrl+A, without opening the cluster', async () => {
    let selected: ReadonlySet<string> = new Set();
    const onopen = vi.fn();
    const onselectionchange = vi.fn((next: Set<string>) => (selected = next));
    const { container, rerender } = render(ClusterTable, {
      rows: five,
      sort: { key: 'name', descending: false },
      onsort: vi.fn(),
      onopen,
      selected,
      onselectionchange,
    });
    const boxes = () => [...container.querySelectorAll('[data-testid="select-cluster"]')];
    await fireEvent.click(boxes()[0]!.parentElement!);
    await rerender({ selected });
    await fireEvent.click(boxes()[2]!.parentElement!, { shiftKey: true });
    await rerender({ selected });
    expect([...selected].sort()).toEqual(['c-sel-0', 'c-sel-1', 'c-sel-2']);
    expect(onopen).not.toHaveBeenCalled();
    const grid = screen.getByRole('grid');
    await fireEvent.keyDown(grid, { key: 'End' });
    await fireEvent.keyDown(grid, { key: ' ' });
    await rerender({ selected });
    expect(selected.has('c-sel-4')).toBe(true);
    expect(selected.size).toBe(4);
    await fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    await rerender({ selected });
    expect(selected.size).toBe(5);
    expect((screen.getByTestId('select-all') as HTMLInputElement).checked).toBe(true);
  });
});
