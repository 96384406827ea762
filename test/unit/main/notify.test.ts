import { describe, expect, it, vi } from 'vitest';
import type { OperationView } from '../../../electron/contract';
import { createChangeNotifier } from '../../../electron/main/notify';
import type { NotificationLike } from '../../../electron/main/notify';
import { mainStrings } from '../../../electron/main/strings';

function view(overrides: Partial<OperationView> = {}): OperationView {
  return {
    operationId: 'op',
    clusterId: 'c',
    clusterName: 'edge-1',
    accountId: 'a',
    accountName: 'prod',
    regionId: 'cn-hangzhou',
    action: 'enable',
    keyId: 'k',
    phase: 'ended',
    outcome: 'succeeded',
    requestId: null,
    clusterState: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    requestedAt: null,
    updatingSeenAt: null,
    endedAt: null,
    lastPollAt: null,
    nextPollAt: null,
    polls: 0,
    slow: false,
    note: null,
    error: null,
    ...overrides,
  };
}

class FakeNotification {
  static made: FakeNotification[] = [];
  listeners = new Map<string, (...args: never[]) => void>();
  shown = 0;
  constructor(readonly options: { title: string; body: string }) {
    FakeNotification.made.push(this);
  }
  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown += 1;
  }
  fail(error: string) {
    (this.listeners.get('failed') as ((event: unknown, error: string) => void) | undefined)?.(
      {},
      error,
    );
  }
}

function setup(options: { supported?: boolean; focused?: boolean } = {}) {
  FakeNotification.made = [];
  const notices: Array<[string, string]> = [];
  const warn = vi.fn();
  const notify = createChangeNotifier({
    isSupported: () => options.supported ?? true,
    create: (o) => new FakeNotification(o) as NotificationLike,
    windowFocused: () => options.focused ?? false,
    showInWindow: (level, message) => notices.push([level, message]),
    strings: () => mainStrings('en'),
    log: { warn },
  });
  return { notify, notices, warn };
}

describe('change notifications', () => {
  it('shows a desktop notification when a change ends in the background', () => {
    const { notify, notices } = setup();
    notify(view({ phase: 'following' as OperationView['phase'] }));
    expect(FakeNotification.made).toHaveLength(0);
    notify(view());
    expect(FakeNotification.made).toHaveLength(1);
    expect(FakeNotification.made[0]!.options).toEqual({
      title: 'Change finished',
      body: 'Enable Secret encryption at rest: edge-1 (prod)',
    });
    expect(FakeNotification.made[0]!.shown).toBe(1);
    expect(notices).toEqual([]);
  });

  it('says nothing extra when the window is in front', () => {
    const { notify, notices } = setup({ focused: true });
    notify(view());
    expect(FakeNotification.made).toHaveLength(0);
    expect(notices).toEqual([]);
  });

  it('falls back to the in-window notice when the OS refuses (unsigned macOS build)', () => {
    const { notify, notices, warn } = setup();
    notify(view({ outcome: 'failed' }));
    FakeNotification.made[0]!.fail('Notifications are not allowed for this application');
    expect(notices).toEqual([
      ['warning', 'Change failed: Enable Secret encryption at rest: edge-1 (prod)'],
    ]);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('falls back to the in-window notice where notifications are not supported', () => {
    const { notify, notices } = setup({ supported: false });
    notify(view());
    expect(FakeNotification.made).toHaveLength(0);
    expect(notices).toEqual([
      ['info', 'Change finished: Enable Secret encryption at rest: edge-1 (prod)'],
    ]);
  });

  it('never passes the cloud its control or bidi characters, and clips long names', () => {
    const { notify } = setup();
    notify(view({ clusterName: `evil\u202e\n${'x'.repeat(200)}`, accountName: 'a\u0007b' }));
    const { body } = FakeNotification.made[0]!.options;
    expect(body).not.toMatch(/\p{Cc}|\u202e/u);
    expect(body).toContain('evil x');
    expect(body).toContain('…');
    expect(body).toContain('(a b)');
    expect(Array.from(body).length).toBeLessThanOrEqual(200);
  });
});
