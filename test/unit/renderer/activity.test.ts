import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditListResult } from '../../../electron/contract';
import AuditLog from '../../../renderer/src/components/activity/AuditLog.svelte';
import InFlight from '../../../renderer/src/components/activity/InFlight.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { operation } from './fixtures';

function entry(over: Partial<AuditEntry> & { id: string; time: string }): AuditEntry {
  return {
    accountId: 'acc-1',
    accountName: 'Retail',
    cloudAccountId: '1',
    clusterId: 'c-1',
    clusterName: 'edge-1',
    regionId: 'cn-hangzhou',
    action: 'encryption.enable',
    phase: 'ended',
    keyId: 'key-1',
    requestId: 'REQ-1',
    result: 'succeeded',
    error: null,
    operationId: 'op-1',
    ...over,
  };
}

const entries = [
  entry({ id: '1', time: '2026-11-29T10:00:00Z', phase: 'requested', result: 'accepted' }),
  entry({ id: '2', time: '2026-11-29T10:10:00Z' }),
  entry({
    id: '3',
    time: '2026-11-29T11:00:00Z',
    accountId: 'acc-2',
    accountName: 'Factory',
    clusterId: 'c-2',
    clusterName: 'edge-2',
    action: 'encryption.disable',
    result: 'failed',
    error: { code: 'ErrKms', message: 'the key is disabled' },
  }),
];

/** A stand-in for audit.list that filters like the core (oldest first, to prove we sort). */
function fakeLoad(problems: string[] = []) {
  return vi.fn(
    async (f: {
      accountId?: string;
      clusterId?: string;
      action?: string;
      result?: string;
    }): Promise<AuditListResult> => ({
      entries: entries.filter(
        (e) =>
          (!f.accountId || e.accountId === f.accountId) &&
          (!f.clusterId || e.clusterId === f.clusterId) &&
          (!f.action || e.action === f.action) &&
          (!f.result || e.result === f.result),
      ),
      problems,
    }),
  );
}

const lists = {
  accounts: [
    { id: 'acc-1', name: 'Retail' },
    { id: 'acc-2', name: 'Factory' },
  ],
  clusters: [
    { id: 'c-1', name: 'edge-1' },
    { id: 'c-2', name: 'edge-2' },
  ],
};

const rowIds = () =>
  [...screen.getByTestId('audit-table').querySelectorAll('tbody tr')].map(
    (r) => r.querySelector('td')!.nextElementSibling!.textContent,
  );

describe('AuditLog', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('lists entries newest first with action, phase, result and error', async () => {
    render(AuditLog, { ...lists, load: fakeLoad() });
    await waitFor(() => expect(screen.getByTestId('audit-table')).toBeTruthy());
    const rows = screen.getByTestId('audit-table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.getAttribute('data-result'))).toEqual([
      'failed',
      'succeeded',
      'accepted',
    ]);
    expect(rows[0]!.textContent).toContain('Disable encryption');
    expect(rows[0]!.textContent).toContain('ErrKms');
    expect(rows[2]!.textContent).toContain('requested');
    expect(rowIds()[0]).toBe('Factory');
  });

  it('filters by account, cluster, action and result through audit.list', async () => {
    const load = fakeLoad();
    render(AuditLog, { ...lists, load });
    await waitFor(() => expect(screen.getByTestId('audit-table')).toBeTruthy());
    await fireEvent.change(screen.getByTestId('audit-filter-account'), {
      target: { value: 'acc-1' },
    });
    await waitFor(() => expect(rowIds()).toEqual(['Retail', 'Retail']));
    expect(load).toHaveBeenLastCalledWith({ accountId: 'acc-1', limit: 500 });
    await fireEvent.change(screen.getByTestId('audit-filter-result'), {
      target: { value: 'accepted' },
    });
    await waitFor(() => expect(rowIds()).toEqual(['Retail']));
    expect(load).toHaveBeenLastCalledWith({ accountId: 'acc-1', result: 'accepted', limit: 500 });
    await fireEvent.change(screen.getByTestId('audit-filter-action'), {
      target: { value: 'encryption.disable' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('audit-empty').textContent).toContain('No entry'),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowIds().length).toBe(3));
    await fireEvent.change(screen.getByTestId('audit-filter-cluster'), {
      target: { value: 'c-2' },
    });
    await waitFor(() => expect(rowIds()).toEqual(['Factory']));
    expect(load).toHaveBeenLastCalledWith({ clusterId: 'c-2', limit: 500 });
  });

  it('shows the unreadable lines and an empty log as sentences', async () => {
    render(AuditLog, {
      ...lists,
      load: async () => ({ entries: [], problems: ['line 7: unexpected end of JSON'] }),
    });
    await waitFor(() => expect(screen.getByTestId('audit-problems')).toBeTruthy());
    expect(screen.getByTestId('audit-problems').textContent).toContain('line 7');
    expect(screen.getByTestId('audit-empty').textContent).toContain('recorded here');
  });

  it('reads the log again when reloadKey changes', async () => {
    const load = fakeLoad();
    const { rerender } = render(AuditLog, { ...lists, load, reloadKey: 'a' });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await rerender({ reloadKey: 'b' });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });
});

describe('InFlight', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('lists changes under way with their phase and next check, or says there are none', async () => {
    const now = Date.parse('2026-11-29T10:02:00Z');
    const { rerender } = render(InFlight, {
      operations: [operation({ nextPollAt: '2026-11-29T10:02:30Z' })],
      now,
    });
    const item = screen.getByTestId('in-flight').querySelector('li')!;
    expect(item.textContent).toContain('edge-1');
    expect(item.textContent).toContain('Enabling encryption');
    expect(item.textContent).toContain('Updating');
    expect(item.textContent).toContain('Elapsed 2 min');
    expect(item.textContent).toContain('next check in 30 s');
    await rerender({ operations: [] });
    expect(screen.getByTestId('in-flight').textContent).toContain('No change is in progress');
  });
});
