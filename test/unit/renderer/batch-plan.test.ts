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

  it("words the core's sentences in the window's language, a check's title leading", () => {
    i18n.setLocale('zh-CN');
    const batch = view({
      items: [
        item({
          clusterId: 'c-failed',
          status: 'skipped',
          state: 'skipped',
          reasons: ['cluster.state: The cluster is failed; a change needs it running.'],
          reasonMessages: [
            [
              { key: 'batch.reason.check', params: { check: 'cluster.state' } },
              { key: 'check.cluster.state.notRunning', params: { state: 'failed' } },
            ],
          ],
        }),
        item({
          clusterId: 'c-ready',
          state: 'failed',
          error: {
            code: 'ClusterUpdatingFailed',
            message: 'The cluster failed to be updated.',
            messages: [
              {
                key: 'batch.error.operationEnded',
                params: { outcome: 'failed', code: 'ClusterUpdatingFailed' },
              },
            ],
          },
        }),
      ],
      groups: [
        {
          accountId: 'acc-1',
          accountName: 'Retail',
          regionId: 'cn-hangzhou',
          clusters: 1,
          keyRef: null,
          keyId: null,
          source: 'none',
          reason: "choose a key: add {} to the plan's keys.",
          reasonMessages: [{ key: 'batch.group.noLister', params: { entry: '{}' } }],
        },
      ],
    });
    render(BatchPlan, { batch, ...handlers() });
    const skipped = screen.getByTestId('batch-skipped');
    expect(skipped.textContent).toContain('集群状态：集群状态为 失败');
    expect(skipped.textContent).not.toContain('a change needs it');
    // The English stays as the tooltip.
    expect(skipped.querySelector('td.why div')?.getAttribute('title')).toMatch(/^cluster\.state: /);
    expect(screen.getByTestId('batch-ready').textContent).toContain('变更已结束：失败');
    expect(screen.getByTestId('batch-mapping-reason').textContent).toContain('请选择密钥');
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

  it('shows which key each account and region gets, and why a group has none', () => {
    const mapped = view({
      groups: [
        {
          accountId: 'acc-2',
          accountName: 'Logistics',
          regionId: 'cn-hangzhou',
          clusters: 2,
          keyRef: 'alias/logistics-ack',
          keyId: 'key-l1',
          source: 'given',
          reason: null,
        },
        {
          accountId: 'acc-1',
          accountName: 'Retail',
          regionId: 'cn-beijing',
          clusters: 1,
          keyRef: null,
          keyId: null,
          source: 'none',
          reason: 'choose a key: 2 keys of Retail in cn-beijing qualify',
        },
      ],
    });
    render(BatchPlan, { batch: mapped, ...handlers() });
    const rows = screen.getAllByTestId('batch-mapping-row');
    expect(rows.map((r) => r.dataset.source)).toEqual(['given', 'none']);
    // The region as the console names it, as setting the batch up shows it (one groups table).
    expect(rows[0]!.textContent).toMatch(
      /Logistics\s*China \(Hangzhou\) cn-hangzhou\s*2\s*alias\/logistics-ack\s*→ key-l1\s*Chosen/,
    );
    // Read-only: the key is text, and a column says where it came from.
    expect(rows[0]!.querySelector('select')).toBeNull();
    expect(screen.getByTestId('batch-mapping').querySelectorAll('th')).toHaveLength(5);
    expect(rows[1]!.textContent).toContain('No key: skipped');
    expect(rows[1]!.textContent).toContain('choose a key: 2 keys of Retail in cn-beijing qualify');
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

  const groupRow = (accountId: string, regionId: string) =>
    screen
      .getAllByTestId('batch-group')
      .find((r) => r.dataset.accountId === accountId && r.dataset.regionId === regionId)!;

  it('shows each account and region with its own key picker and plans with the key map', async () => {
    const clusters = [
      cluster({ name: 'a' }),
      cluster({ name: 'b', regionId: 'cn-beijing' }),
      cluster({ name: 'c' }),
      cluster({ name: 'd', accountId: 'acc-2', accountName: 'Logistics' }),
    ];
    const load = vi.fn(
      async ({ accountId, regionId }: { accountId: string; regionId: string }) => ({
        accountId,
        regionId,
        keys:
          accountId === 'acc-2'
            ? // Two qualify: nothing preselected.
              [key({ keyId: 'key-l1' }), key({ keyId: 'key-l2' })]
            : [
                key({ keyId: `key-${regionId}`, regionId, aliases: ['alias/shared'] }),
                key({ keyId: `key-open-${regionId}`, regionId, deletionProtection: 'Disabled' }),
                key({
                  keyId: `key-bad-${regionId}`,
                  regionId,
                  eligible: false,
                  reasons: ['rotation-on'],
                }),
              ],
        recommendedKeyId: null,
      }),
    );
    const onplan = vi.fn();
    render(BatchSetup, { clusters, onplan, load });
    expect(screen.getByTestId('batch-selection').textContent).toContain(
      '4 clusters in 2 accounts and 2 regions',
    );
    await waitFor(() => expect(screen.getAllByTestId('batch-key')).toHaveLength(3));
    expect(load).toHaveBeenCalledTimes(3);
    const rows = screen.getAllByTestId('batch-group');
    expect(
      rows.map((r) => [r.dataset.accountId, r.dataset.regionId, r.children[2]!.textContent]),
    ).toEqual([
      ['acc-2', 'cn-hangzhou', '1'],
      ['acc-1', 'cn-beijing', '1'],
      ['acc-1', 'cn-hangzhou', '2'],
    ]);
    // The same groups table as the plan's, without its read-only "From" column.
    expect(screen.getByTestId('batch-groups').querySelectorAll('th')).toHaveLength(4);
    const select = (row: HTMLElement) => row.querySelector('select') as HTMLSelectElement;
    const hz = groupRow('acc-1', 'cn-hangzhou');
    // Eligible keys only; the one recommended key (protected) is preselected.
    expect([...select(hz).options].map((o) => o.value)).toEqual([
      '',
      'key-cn-hangzhou',
      'key-open-cn-hangzhou',
    ]);
    expect(select(hz).value).toBe('key-cn-hangzhou');
    expect(select(hz).selectedOptions[0]!.textContent).toContain('recommended');
    const logistics = groupRow('acc-2', 'cn-hangzhou');
    expect(select(logistics).value).toBe('');
    expect(logistics.textContent).toContain('No key chosen: these clusters will be skipped.');

    await fireEvent.click(screen.getByTestId('batch-plan-button'));
    expect(onplan).toHaveBeenLastCalledWith({
      action: 'enable',
      keys: [
        { accountId: 'acc-1', regionId: 'cn-beijing', keyId: 'key-cn-beijing' },
        { accountId: 'acc-1', regionId: 'cn-hangzhou', keyId: 'key-cn-hangzhou' },
      ],
      scope: {
        clusterIds: ['c-a', 'c-b', 'c-c', 'c-d'],
        accountIds: ['acc-1', 'acc-2'],
        regionIds: ['cn-hangzhou', 'cn-beijing'],
        onlyNotEncrypted: true,
      },
    });
    await fireEvent.change(select(logistics), { target: { value: 'key-l2' } });
    await fireEvent.click(screen.getByTestId('batch-plan-button'));
    expect(onplan.mock.lastCall![0].keys).toContainEqual({
      accountId: 'acc-2',
      regionId: 'cn-hangzhou',
      keyId: 'key-l2',
    });
  });

  it('creates a compliant key for a group that has none, after a confirmation', async () => {
    const clusters = [cluster({ name: 'a', accountId: 'acc-2', accountName: 'Logistics' })];
    const load = vi.fn(async () => ({
      accountId: 'acc-2',
      regionId: 'cn-hangzhou',
      keys: [key({ keyId: 'key-rot', eligible: false, reasons: ['rotation-on' as const] })],
      recommendedKeyId: null,
    }));
    const made = key({ keyId: 'key-new', aliases: ['alias/team-hz'] });
    const create = vi.fn(async (input: { accountId: string; regionId: string; alias: string }) => ({
      accountId: input.accountId,
      regionId: input.regionId,
      alias: input.alias,
      key: made,
      steps: [],
      requestIds: [],
    }));
    const onplan = vi.fn();
    render(BatchSetup, { clusters, onplan, load, create });
    await waitFor(() => expect(screen.getByTestId('batch-create-key')).toBeTruthy());
    expect(screen.getByText('No key in this region can encrypt Secrets.')).toBeTruthy();
    expect((screen.getByTestId('batch-plan-button') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(screen.getByTestId('batch-create-key'));
    const dialog = screen.getByTestId('create-key-dialog');
    expect(screen.getByTestId('create-key-account').textContent).toBe('Logistics');
    expect(screen.getByTestId('create-key-region').textContent).toBe('cn-hangzhou');
    expect(dialog.textContent).toContain('Aliyun_AES_256 · ENCRYPT/DECRYPT');
    expect(screen.getByTestId('create-key-cost').textContent).toMatch(/KMS may charge/);
    const alias = screen.getByTestId('create-key-alias') as HTMLInputElement;
    expect(alias.value).toBe('alias/ack-secret-guard-cn-hangzhou');
    // A reserved alias cannot be confirmed.
    await fireEvent.input(alias, { target: { value: 'alias/acs-x' } });
    expect(screen.getByTestId('create-key-problem')).toBeTruthy();
    expect((screen.getByTestId('create-key-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(create).not.toHaveBeenCalled();
    await fireEvent.input(alias, { target: { value: 'alias/team-hz' } });
    await fireEvent.click(screen.getByTestId('create-key-confirm'));
    expect(create).toHaveBeenCalledWith({
      accountId: 'acc-2',
      regionId: 'cn-hangzhou',
      alias: 'alias/team-hz',
      confirmAlias: 'alias/team-hz',
    });
    await waitFor(() => expect(screen.queryByTestId('create-key-dialog')).toBeNull());
    // The new key fills the group.
    expect((screen.getByTestId('batch-key') as HTMLSelectElement).value).toBe('key-new');
    await fireEvent.click(screen.getByTestId('batch-plan-button'));
    expect(onplan.mock.lastCall![0].keys).toEqual([
      { accountId: 'acc-2', regionId: 'cn-hangzhou', keyId: 'key-new' },
    ]);
  });

  it('asks again for a group whose keys could not be read, and keeps the other groups', async () => {
    const clusters = [cluster({ name: 'a' }), cluster({ name: 'b', regionId: 'cn-beijing' })];
    let throttled = true;
    const load = vi.fn(async ({ regionId }: { accountId: string; regionId: string }) => {
      if (regionId === 'cn-hangzhou' && throttled) {
        throttled = false;
        throw new Error('The request was throttled (Throttling.User); try again in a moment');
      }
      return {
        accountId: 'acc-1',
        regionId,
        keys: [key({ keyId: `key-${regionId}`, regionId })],
        recommendedKeyId: null,
      };
    });
    render(BatchSetup, { clusters, onplan: vi.fn(), load });
    await waitFor(() => expect(screen.getByTestId('batch-keys-retry')).toBeTruthy());
    const hz = groupRow('acc-1', 'cn-hangzhou');
    expect(hz.textContent).toContain('Could not read the keys: The request was throttled');
    expect(groupRow('acc-1', 'cn-beijing').querySelector('select')).not.toBeNull();

    await fireEvent.click(screen.getByTestId('batch-keys-retry'));
    await waitFor(() => expect(screen.getAllByTestId('batch-key')).toHaveLength(2));
    expect(screen.queryByTestId('batch-keys-retry')).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
    expect(groupRow('acc-1', 'cn-hangzhou').textContent).not.toContain('Could not read');
  });

  it('shows why a key could not be created, and keeps the dialog open', async () => {
    const clusters = [cluster({ name: 'a' })];
    const load = async () => ({
      accountId: 'acc-1',
      regionId: 'cn-hangzhou',
      keys: [],
      recommendedKeyId: null,
    });
    const create = vi.fn(async () => {
      throw new Error('The alias alias/ack-secret-guard-cn-hangzhou already names key key-x');
    });
    render(BatchSetup, { clusters, onplan: vi.fn(), load, create });
    await waitFor(() => expect(screen.getByTestId('batch-create-key')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('batch-create-key'));
    await fireEvent.click(screen.getByTestId('create-key-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('create-key-error').textContent).toContain(
        'already names key key-x',
      ),
    );
    expect(screen.getByTestId('create-key-dialog')).toBeTruthy();
  });
});
