// The key guard banner's fold: one line (count, the worst finding, "Show") that opens on demand,
// lasts the session (the state lives in lib/key-guard.svelte.ts, not in the component), and
// never hides news: a new worst finding opens it again, a lesser new one is named on the line.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyFinding, KeyHealthReport } from '../../../electron/contract';
import KeyGuardBanner from '../../../renderer/src/components/fleet/KeyGuardBanner.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { bannerView, keyGuard } from '../../../renderer/src/lib/key-guard.svelte';

function finding(over: Partial<KeyFinding> & { id: string; keyId: string }): KeyFinding {
  return {
    kind: 'key-disabled',
    severity: 'critical',
    regionId: 'cn-hangzhou',
    aliases: [],
    accountId: 'acc-1',
    accountName: 'Retail',
    ownerCloudAccountId: null,
    keyState: 'Disabled',
    deleteDate: null,
    kmsInstanceId: null,
    kmsInstanceEndDate: null,
    clusters: [],
    crossAccount: false,
    summary: '',
    fix: { action: null, hint: '' },
    whoDidIt: null,
    firstSeenAt: '2026-12-01T00:00:00Z',
    ...over,
  };
}

/** Worst first, as the core sends them (byUrgency: the nearest deletion date first). */
const deleting = finding({
  id: 'f-del',
  keyId: 'key-del',
  kind: 'key-pending-deletion',
  keyState: 'PendingDeletion',
  deleteDate: '2026-12-08T00:00:00Z',
});
const disabled = finding({ id: 'f-dis', keyId: 'key-dis' });
const sooner = finding({
  id: 'f-soon',
  keyId: 'key-soon',
  kind: 'key-pending-deletion',
  keyState: 'PendingDeletion',
  deleteDate: '2026-12-03T00:00:00Z',
});
const otherDisabled = finding({ id: 'f-dis2', keyId: 'key-dis2' });

function report(findings: KeyFinding[]): KeyHealthReport {
  return {
    checkedAt: '2026-12-02T00:00:00Z',
    fleetFetchedAt: null,
    keys: [],
    findings,
    critical: findings.length,
    warnings: 0,
    problems: [],
  };
}

describe('bannerView', () => {
  it('is open until folded, and stays folded over the findings it was folded on', () => {
    expect(bannerView({ folded: false, seen: [] }, [deleting, disabled])).toEqual({
      expanded: true,
      fresh: [],
    });
    expect(bannerView({ folded: true, seen: ['f-del', 'f-dis'] }, [deleting, disabled])).toEqual({
      expanded: false,
      fresh: [],
    });
    // One mended: still folded.
    expect(bannerView({ folded: true, seen: ['f-del', 'f-dis'] }, [disabled]).expanded).toBe(false);
  });

  it('opens again for a new worst finding, and names a lesser new one', () => {
    const fold = { folded: true, seen: ['f-del', 'f-dis'] };
    expect(bannerView(fold, [sooner, deleting, disabled])).toEqual({
      expanded: true,
      fresh: [sooner],
    });
    expect(bannerView(fold, [deleting, disabled, otherDisabled])).toEqual({
      expanded: false,
      fresh: [otherDisabled],
    });
    // Everything mended, then a new problem: it is the worst, so it shows in full.
    expect(bannerView(fold, [otherDisabled]).expanded).toBe(true);
  });
});

describe('KeyGuardBanner', () => {
  beforeEach(() => {
    i18n.setLocale('en');
    window.guard = {
      invoke: vi.fn(() => new Promise(() => undefined)),
      on: vi.fn(() => () => undefined),
    } as unknown as typeof window.guard;
    keyGuard.setFolded(false);
    keyGuard.report = report([deleting, disabled]);
  });

  const toggle = () => screen.getByTestId('key-guard-toggle');

  it('folds to one line naming the worst finding, and opens again on demand', async () => {
    render(KeyGuardBanner);
    expect(screen.getAllByTestId('key-finding')).toHaveLength(2);
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(toggle().getAttribute('aria-controls')).toBe('key-guard-findings');
    expect(toggle().textContent).toBe('Hide');

    await fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().textContent).toBe('Show');
    expect(document.getElementById('key-guard-findings')!.hidden).toBe(true);
    expect(screen.getByRole('heading').textContent).toContain('2 critical key problems');
    expect(screen.getByTestId('key-guard-worst').textContent).toBe(
      'Key key-del is pending deletion',
    );

    await fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('key-guard-findings')!.hidden).toBe(false);
    expect(screen.queryByTestId('key-guard-worst')).toBeNull();
  });

  it('keeps the fold when the fleet screen is left and opened again (the session)', async () => {
    const first = render(KeyGuardBanner);
    await fireEvent.click(toggle());
    first.unmount();
    render(KeyGuardBanner);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });

  it('never hides news: a lesser new finding is named, a new worst one opens the banner', async () => {
    render(KeyGuardBanner);
    await fireEvent.click(toggle());
    expect(screen.queryByTestId('key-guard-fresh')).toBeNull();

    keyGuard.report = report([deleting, disabled, otherDisabled]);
    flushSync();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('key-guard-fresh').textContent).toBe(
      '1 new since hidden: Key key-dis2 is disabled',
    );
    // Inside the banner's alert region, so a screen reader hears it.
    expect(screen.getByTestId('key-guard-fresh').closest('[role="alert"]')).not.toBeNull();

    keyGuard.report = report([sooner, deleting, disabled, otherDisabled]);
    flushSync();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByTestId('key-finding')).toHaveLength(4);

    // Hidden again, over all four.
    await fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('key-guard-fresh')).toBeNull();
  });
});
