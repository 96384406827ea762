// The key guard banner's times (issue 16 item 9): a demo key's deletion date and its ActionTrail
// time are the simulated cloud's, so they are labelled "simulated time" and the countdown runs on
// that clock (the simulated clock runs ahead of the wall clock, and faster); a real key's are
// shown as they are. The bridge is a stub that answers keys.health with the report.
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyFinding, KeyHealthReport } from '../../../electron/contract';
import KeyGuardBanner from '../../../renderer/src/components/fleet/KeyGuardBanner.svelte';
import { formatDateTime } from '../../../renderer/src/lib/format';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { keyGuard } from '../../../renderer/src/lib/key-guard.svelte';

const NOW = Date.parse('2026-12-02T06:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function finding(over: Partial<KeyFinding> = {}): KeyFinding {
  return {
    id: 'key-pending-deletion|1|cn-hangzhou|key-1|',
    kind: 'key-pending-deletion',
    severity: 'critical',
    keyId: 'key-1',
    regionId: 'cn-hangzhou',
    aliases: [],
    accountId: 'acc-1',
    accountName: 'Retail',
    ownerCloudAccountId: '1',
    keyState: 'PendingDeletion',
    deleteDate: null,
    kmsInstanceId: null,
    kmsInstanceEndDate: null,
    clusters: [],
    crossAccount: false,
    summary: '',
    fix: { action: null, hint: '' },
    whoDidIt: null,
    firstSeenAt: new Date(NOW).toISOString(),
    ...over,
  };
}

function show(f: KeyFinding): void {
  const report: KeyHealthReport = {
    checkedAt: new Date(NOW).toISOString(),
    fleetFetchedAt: null,
    keys: [],
    findings: [f],
    critical: 1,
    warnings: 0,
    problems: [],
  };
  keyGuard.report = report;
  render(KeyGuardBanner);
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  window.guard = {
    invoke: async () => ({ ok: true, value: keyGuard.report }),
    on: () => () => undefined,
  } as unknown as typeof window.guard;
});
afterEach(() => {
  vi.useRealTimers();
  keyGuard.report = null;
  i18n.setLocale('en');
});

describe('the key guard banner on a simulated clock', () => {
  // The demo: checked at NOW, when the simulated cloud's clock read NOW + 3 days, 20x faster.
  const simulatedClock = {
    cloudNow: new Date(NOW + 3 * DAY).toISOString(),
    realAt: new Date(NOW).toISOString(),
    scale: 20,
  };
  const deleteDate = new Date(NOW + 8 * DAY).toISOString();
  const eventTime = new Date(NOW + 2 * DAY).toISOString();

  it('labels the deletion date and counts down on the cloud clock', () => {
    show(
      finding({
        deleteDate,
        simulatedClock,
        whoDidIt: {
          status: 'found',
          actor: {
            userName: 'root',
            type: 'root-account',
            eventName: 'ScheduleKeyDeletion',
            eventTime,
            requestId: null,
            sourceIpAddress: null,
          },
          note: null,
          checkedAt: new Date(NOW).toISOString(),
        },
      }),
    );
    // 5 days left on the cloud's clock (8 on the wall clock would be the old, mixed answer).
    expect(screen.getByTestId('key-countdown').textContent?.trim()).toBe(
      `Deleted for good in 5 d (${formatDateTime(deleteDate)}, simulated time)`,
    );
    expect(screen.getByTestId('key-who').textContent?.trim()).toBe(
      `By root at ${formatDateTime(eventTime)}, simulated time`,
    );
  });

  it('in Chinese too', () => {
    i18n.setLocale('zh-CN');
    show(finding({ deleteDate, simulatedClock }));
    expect(screen.getByTestId('key-countdown').textContent).toContain(
      `${formatDateTime(deleteDate)}，模拟时间`,
    );
  });

  it('the countdown follows the simulated clock as wall time passes', () => {
    vi.setSystemTime(NOW + 2 * HOUR); // 40 simulated hours later: 3 d 8 h left
    show(finding({ deleteDate, simulatedClock }));
    expect(screen.getByTestId('key-countdown').textContent).toContain('in 3 d');
  });

  it('a real key: no label, and the countdown on the wall clock', () => {
    show(finding({ deleteDate }));
    expect(screen.getByTestId('key-countdown').textContent?.trim()).toBe(
      `Deleted for good in 8 d (${formatDateTime(deleteDate)})`,
    );
  });
});
