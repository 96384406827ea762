// The desktop notification for a new critical key finding: one per finding the core sends (the
// core sends each once), even with the window in front; the window's notice where the OS will not.
import { describe, expect, it, vi } from 'vitest';
import type { KeyFinding } from '../../../electron/contract';
import { createKeyFindingNotifier } from '../../../electron/main/notify';
import type { NotificationLike } from '../../../electron/main/notify';
import { mainStrings } from '../../../electron/main/strings';

function finding(over: Partial<KeyFinding> = {}): KeyFinding {
  return {
    id: 'key-pending-deletion|1|cn-hangzhou|key-a|2026-12-09T00:00:00Z',
    kind: 'key-pending-deletion',
    severity: 'critical',
    keyId: 'key-a',
    regionId: 'cn-hangzhou',
    aliases: ['alias/prod'],
    accountId: 'acc',
    accountName: 'Retail',
    ownerCloudAccountId: '1',
    keyState: 'PendingDeletion',
    deleteDate: '2026-12-09T00:00:00Z',
    kmsInstanceId: null,
    kmsInstanceEndDate: null,
    clusters: [
      {
        clusterId: 'c1',
        name: 'prod',
        accountId: 'acc',
        accountName: 'Retail',
        cloudAccountId: '1',
        regionId: 'cn-hangzhou',
      },
    ],
    crossAccount: false,
    summary: '',
    fix: { action: 'cancel-key-deletion', hint: '' },
    whoDidIt: null,
    firstSeenAt: '2026-12-01T00:00:00Z',
    ...over,
  };
}

function setup(supported = true) {
  const shown: { title: string; body: string }[] = [];
  const inWindow: string[] = [];
  const notify = createKeyFindingNotifier({
    isSupported: () => supported,
    create: (options) => {
      const n: NotificationLike = { on: () => n, show: () => void shown.push(options) };
      return n;
    },
    showInWindow: (_level, message) => void inWindow.push(message),
    strings: () => mainStrings('en'),
    log: { warn: vi.fn() },
  });
  return { notify, shown, inWindow };
}

describe('createKeyFindingNotifier', () => {
  it('shows one notification per finding it is given, naming the key, clusters and date', () => {
    const { notify, shown } = setup();
    notify({ findings: [finding(), finding({ id: 'x', kind: 'key-disabled', deleteDate: null })] });
    expect(shown).toHaveLength(2);
    expect(shown[0]!.title).toBe('A KMS key in use is pending deletion');
    expect(shown[0]!.body).toContain('alias/prod: 1 cluster cannot read their Secrets');
    expect(shown[0]!.body).toContain('2026-12-09');
    expect(shown[1]!.title).toBe('A KMS key in use is disabled');
  });

  it('says it in the window where the OS shows no notifications', () => {
    const { notify, shown, inWindow } = setup(false);
    notify({ findings: [finding()] });
    expect(shown).toEqual([]);
    expect(inWindow[0]).toMatch(/pending deletion: alias\/prod/);
  });
});
