// The cluster details of a cluster several saved accounts list: the others it is also reachable
// via, the account acted through, and choosing another (fleet.actThrough); one account: neither.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ClusterDetails from '../../../renderer/src/components/cluster/ClusterDetails.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import type { GuardBridge } from '../../../electron/contract';
import { DEFAULT_FILTERS, filterRows, toRows } from '../../../renderer/src/lib/fleet/view';
import { selectionForAccount } from '../../../renderer/src/lib/fleet/selection-scope';
import { cluster } from './fixtures';

const shared = cluster({
  name: 'shared',
  accountId: 'ram',
  accountName: 'Logi engineer',
  reachableVia: [
    { accountId: 'ram', accountName: 'Logi engineer' },
    { accountId: 'root', accountName: 'Logi root' },
    { accountId: 'role', accountName: 'Logi ops role' },
  ],
});

let calls: [string, unknown][] = [];
beforeEach(() => {
  calls = [];
  window.guard = {
    invoke: async (name: string, input: unknown) => {
      calls.push([name, input]);
      return name === 'fleet.actThrough'
        ? { ok: true, value: shared }
        : { ok: false, error: { code: 'internal', message: 'not in this test' } };
    },
    on: () => () => undefined,
  } as unknown as GuardBridge;
});
afterEach(() => {
  delete window.guard;
});

describe('ClusterDetails: a cluster reachable via several saved accounts', () => {
  it('names the others, shows the acting account chosen, and sends the new choice', async () => {
    i18n.setLocale('en');
    render(ClusterDetails, { cluster: shared });
    expect(screen.getByText('Also reachable via')).toBeTruthy();
    expect(screen.getByTestId('also-reachable').textContent).toBe('Logi root, Logi ops role');
    const select = screen.getByLabelText<HTMLSelectElement>('Act through');
    expect(select.value).toBe('ram');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Logi engineer',
      'Logi root',
      'Logi ops role',
    ]);
    select.value = 'role';
    await fireEvent.change(select);
    await waitFor(() =>
      expect(calls).toEqual([
        ['fleet.actThrough', { clusterId: shared.clusterId, accountId: 'role' }],
      ]),
    );
  });

  it('in Chinese, with the glossary’s 账号', () => {
    i18n.setLocale('zh-CN');
    render(ClusterDetails, { cluster: shared });
    expect(screen.getByText('也可通过以下账号访问')).toBeTruthy();
    expect(screen.getByTestId('also-reachable').textContent).toBe('Logi root、Logi ops role');
    expect(screen.getByLabelText('操作使用的账号')).toBeTruthy();
  });

  it('one account: no "also reachable", no choice', () => {
    i18n.setLocale('en');
    render(ClusterDetails, { cluster: cluster({ name: 'alone' }) });
    expect(screen.queryByText('Also reachable via')).toBeNull();
    expect(screen.queryByLabelText('Act through')).toBeNull();
  });
});

describe('the account filter and counts: a row reachable via two accounts matches either', () => {
  it('filterRows keeps it for every account that reaches it, and for no other', () => {
    const rows = toRows([shared, cluster({ name: 'other', accountId: 'x', accountName: 'X' })]);
    const names = (accountId: string) =>
      filterRows(rows, { ...DEFAULT_FILTERS, accountId }).map((r) => r.cluster.name);
    expect(names('ram')).toEqual(['shared']);
    expect(names('root')).toEqual(['shared']);
    expect(names('x')).toEqual(['other']);
    expect(names('all')).toEqual(['shared', 'other']);
    // The selection an account switch keeps follows the same rule.
    expect([...selectionForAccount(new Set([shared.clusterId]), rows, 'role')]).toEqual([
      shared.clusterId,
    ]);
  });
});
