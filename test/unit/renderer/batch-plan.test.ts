import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchItem, BatchView } from '../../../electron/contract';
import BatchPlan from '../../../renderer/src/components/batch/BatchPlan.svelte';
import BatchSetup from '../../../renderer/src/components/batch/BatchSetup.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { cluster, key } from './fixtures';

function item(over: Partial<BatchItem> & { clusterId: string }): BatchItem {
  return {
    clusterName: over.clusterId,
    accountId: 'acc-1',
    accountName: 'Retail',
    regionId: 'cn-hangzhou',
    status: 'ready',
    reasons: [],
    notes: [],
    checklist: null,
    state: 'pending',
    operationId: null,
    attempts: 0,
    attemptedAt: null,
    waitingUntil: null,
    endedAt: null,
    outcome: null,
    error: null,
    ...over,
  };
}

function view(over: Partial<BatchView>): BatchView {
  const items = over.items ?? [
    item({ clusterId: 'c-ready' }),
    item({
      clusterId: 'c-cooldown',
      notes: ['waits for the cooldown before starting: the last change ended 2 minutes ago'],
    }),
    item({
      clusterId: 'c-noperm',
      status: 'skipped',
      state: 'skipped',
      reasons: ['caller.kmsCryptoAdmin: The caller lacks AliyunKMSCryptoAdminAccess.'],
    }),
    item({
      clusterId: 'c-same',
      status: 'skipped',
      state: 'skipped',
      reasons: ['already encrypted with this key'],
    }),
  ];
  return {
    batchId: 'b-1',
    createdAt: '2026-11-29T10:00:00Z',
    action: 'enable',
    keyId: 'key-1',
    scope: {},
    state: 'planned',
    concurrency: null,
    appliedAt: null,
    endedAt: null,
    result: null,
    items,
    counts: {
      total: 4,
      ready: 2,
      skipped: 2,
      pending: 2,
      running: 0,
      succeeded: 0,
      failed: 0,
      skippedNow: 2,
      cancelled: 0,
    },
    problems: [],
    ...over,
  };
}

const handlers = () => ({ onapply: vi.fn(), onpause: vi.fn(), oncancel: vi.fn() });

describe('BatchPlan', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('shows ready and skipped clusters with the reasons', () => {
    render(BatchPlan, { batch: view({}), ...handlers() });
    expect(screen.getByTestId('batch-counts').textContent).toContain('2 ready');
    expect(screen.getByTestId('batch-counts').textContent).toContain('2 skipped');
    const ready = screen.getByTestId('batch-ready');
    expect(ready.querySelectorAll('tbody tr').length).toBe(2);
    expect(ready.textContent).toContain('waits for the cooldown');
    const skipped = screen.getByTestId('batch-skipped');
    expect(skipped.textContent).toContain(
      'System policy AliyunKMSCryptoAdminAccess: The caller lacks',
    );
    expect(skipped.textContent).toContain('already encrypted with this key');
  });

  it('shows the key id each cluster gets when the plan named the key by alias', () => {
    const batch = view({
      keyId: 'alias/ack-secrets',
      items: [
        item({ clusterId: 'c-hz', keyId: 'key-hz' }),
        item({ clusterId: 'c-sh', regionId: 'cn-shanghai', keyId: 'key-sh' }),
      ],
    });
    render(BatchPlan, { batch, ...handlers() });
    expect(screen.getAllByTestId('batch-item-key').map((e) => e.textContent?.trim())).toEqual([
      'key key-hz',
      'key key-sh',
    ]);
  });

  it('translates the reasons in zh-CN (check titles and rules, the English kept as tooltip)', () => {
    i18n.setLocale('zh-CN');
    render(BatchPlan, { batch: view({}), ...handlers() });
    const skipped = screen.getByTestId('batch-skipped');
    expect(skipped.textContent).toContain('系统策略 AliyunKMSCryptoAdminAccess');
    expect(skipped.textContent).toContain('已使用此密钥加密。');
    expect(skipped.textContent).not.toContain('The caller lacks');
    expect(skipped.querySelector('[title*="The caller lacks"]')).toBeTruthy();
    expect(screen.getByTestId('batch-ready').textContent).toContain('冷却时间');
  });

  it('applies only after a confirmation that says what will happen', async () => {
    const h = handlers();
    render(BatchPlan, { batch: view({}), ...h });
    await fireEvent.click(screen.getByTestId('batch-apply'));
    const dialog = screen.getByTestId('confirm-batch');
    expect(dialog.textContent).toContain('2 clusters in 1 account and 1 region');
    expect(dialog.textContent).toContain('key-1');
    expect(dialog.textContent).toContain('5 minutes');
    expect(h.onapply).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Enable on 2 clusters' }));
    expect(h.onapply).toHaveBeenCalledWith(3);
  });

  it('disabling a batch asks for the number of clusters', async () => {
    const h = handlers();
    render(BatchPlan, { batch: view({ action: 'disable', keyId: null }), ...h });
    await fireEvent.click(screen.getByTestId('batch-apply'));
    const go = screen.getByRole('button', { name: 'Disable on 2 clusters' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('confirm-count'), { target: { value: '2' } });
    expect(go.disabled).toBe(false);
  });

  it('while applying shows per-cluster progress, pause and cancel', async () => {
    const h = handlers();
    const applying = view({
      state: 'applying',
      items: [
        item({ clusterId: 'c-1', state: 'running', operationId: 'op-1' }),
        item({
          clusterId: 'c-2',
          state: 'failed',
          error: { code: 'ErrKms', message: 'key disabled' },
        }),
      ],
      counts: {
        total: 2,
        ready: 2,
        skipped: 0,
        pending: 0,
        running: 1,
        succeeded: 0,
        failed: 1,
        skippedNow: 0,
        cancelled: 0,
      },
    });
    render(BatchPlan, { batch: applying, ...h });
    expect(screen.getByTestId('batch-state').textContent).toBe('Applying');
    const rows = screen.getByTestId('batch-ready').querySelectorAll('tbody tr');
    expect(rows[0]!.textContent).toContain('Running');
    expect(rows[1]!.textContent).toContain('ErrKms');
    expect(screen.queryByTestId('batch-apply')).toBeNull();
    await fireEvent.click(screen.getByTestId('batch-pause'));
    await fireEvent.click(screen.getByTestId('batch-cancel'));
    expect(h.onpause).toHaveBeenCalledOnce();
    expect(h.oncancel).toHaveBeenCalledOnce();
  });

  it('says when nothing is ready', () => {
    const none = view({
      items: [item({ clusterId: 'c-x', status: 'skipped', state: 'skipped', reasons: ['x'] })],
      counts: { ...view({}).counts, ready: 0, skipped: 1 },
    });
    render(BatchPlan, { batch: none, ...handlers() });
    expect((screen.getByTestId('batch-apply') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/No cluster is ready/)).toBeTruthy();
  });
});

describe('BatchSetup', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('offers the eligible keys of the selected regions and plans with the scope', async () => {
    const clusters = [
      cluster({ name: 'a' }),
      cluster({ name: 'b', regionId: 'cn-beijing' }),
      cluster({ name: 'c' }),
    ];
    const load = vi.fn(async ({ regionId }: { accountId: string; regionId: string }) => ({
      accountId: 'acc-1',
      regionId,
      keys: [
        key({ keyId: `key-${regionId}`, regionId, aliases: ['alias/shared'] }),
        key({ keyId: `key-bad-${regionId}`, regionId, eligible: false, reasons: ['rotation-on'] }),
      ],
      recommendedKeyId: null,
    }));
    const onplan = vi.fn();
    render(BatchSetup, { clusters, onplan, load });
    expect(screen.getByTestId('batch-selection').textContent).toContain(
      '3 clusters in 1 account and 2 regions',
    );
    await waitFor(() => expect(screen.getByTestId('batch-key')).toBeTruthy());
    expect(load).toHaveBeenCalledTimes(2);
    const options = [...screen.getByTestId('batch-key').querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(options).toEqual(['alias/shared', 'key-cn-beijing', 'key-cn-hangzhou']);
    await fireEvent.click(screen.getByTestId('batch-plan-button'));
    expect(onplan).toHaveBeenCalledWith({
      action: 'enable',
      keyId: 'alias/shared',
      scope: {
        clusterIds: ['c-a', 'c-b', 'c-c'],
        accountIds: ['acc-1'],
        regionIds: ['cn-hangzhou', 'cn-beijing'],
        onlyNotEncrypted: true,
      },
    });
  });
});
