import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VerifyReport } from '../../../electron/contract';
import Proof from '../../../renderer/src/components/cluster/Proof.svelte';
import Timeline from '../../../renderer/src/components/cluster/Timeline.svelte';
import { ApiError } from '../../../renderer/src/lib/api';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { operation, verifyReport } from './fixtures';

const props = { clusterId: 'c-1', accountId: 'acc-1', clusterName: 'edge-1', trigger: 'op-1' };

describe('Proof (ActionTrail verification)', () => {
  beforeEach(() => i18n.setLocale('en'));
  afterEach(() => vi.restoreAllMocks());

  it('shows verified with the change event and the service role KMS events', async () => {
    const load = vi.fn(async () => verifyReport({}));
    render(Proof, { ...props, load });
    await waitFor(() => expect(screen.getByTestId('proof-status').textContent).toBe('Verified'));
    expect(load).toHaveBeenCalledWith({ clusterId: 'c-1', accountId: 'acc-1' });
    // The sentence is the renderer's translation of `reason`, never the English summary.
    expect(screen.getByTestId('proof-reason').textContent).toContain('Secrets are encrypted');
    expect(screen.queryByText(/ENGLISH SUMMARY/)).toBeNull();
    expect(screen.getByTestId('proof-change-event').textContent).toContain('REQ-CHANGE');
    const rows = screen.getByTestId('proof-kms-events').querySelectorAll('tbody tr');
    expect(rows.length).toBe(2);
    expect(rows[0]!.textContent).toContain('Encrypt');
    expect(rows[0]!.textContent).toContain('aliyuncsmanagedsecurityrole');
    expect(screen.getByTestId('proof-counts').textContent).toContain('1 Encrypt, 1 Decrypt');
  });

  it('pending says when to look again; check again asks once more', async () => {
    const pending = verifyReport({
      status: 'pending',
      reason: 'waiting-for-kms-events',
      checkedAt: '2026-11-29T10:00:00Z',
      nextCheckAfter: '2026-11-29T10:07:00Z',
      kmsEvents: [],
    });
    const load = vi
      .fn<() => Promise<VerifyReport>>()
      .mockResolvedValueOnce(pending)
      .mockResolvedValueOnce(verifyReport({}));
    render(Proof, { ...props, load });
    await waitFor(() =>
      expect(screen.getByTestId('proof-status').textContent).toBe('Verification pending'),
    );
    expect(screen.getByTestId('proof-recheck').textContent).toContain('7 min');
    expect(screen.getByTestId('proof-recheck').textContent).toContain('10 minutes late');
    await fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByTestId('proof-status').textContent).toBe('Verified'));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('not verified says why, in the chosen language', async () => {
    i18n.setLocale('zh-CN');
    const load = async () =>
      verifyReport({ status: 'not-verified', reason: 'kms-events-missing', kmsEvents: [] });
    render(Proof, { ...props, load });
    await waitFor(() => expect(screen.getByTestId('proof-status').textContent).toBe('未验证'));
    expect(screen.getByTestId('proof-reason').textContent).toContain('AliyunCSManagedSecurityRole');
    expect(screen.getByRole('button', { name: '保存验证回执' })).toBeTruthy();
  });

  it('unavailable in a region without ActionTrail', async () => {
    const load = async () =>
      verifyReport({
        status: 'unavailable',
        reason: 'region-without-actiontrail',
        changeEvent: null,
        kmsEvents: [],
      });
    render(Proof, { ...props, load });
    await waitFor(() =>
      expect(screen.getByTestId('proof-status').textContent).toBe('Cannot be verified here'),
    );
    expect(screen.getByTestId('proof-reason').textContent).toContain('not offered in this region');
  });

  it('nothing to prove yet is a sentence, not an error', async () => {
    const load = async () => {
      throw new ApiError({ code: 'not-found', message: 'No encryption change' });
    };
    render(Proof, { ...props, load });
    await waitFor(() => expect(screen.getByText(/nothing to prove yet/)).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(
      (screen.getByRole('button', { name: 'Save receipt' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('save receipt downloads the JSON receipt, and the text on request', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    render(Proof, { ...props, load: async () => verifyReport({}) });
    await waitFor(() => expect(screen.getByTestId('proof-status')).toBeTruthy());
    await fireEvent.click(screen.getByRole('button', { name: 'Save receipt' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save as text' }));
    expect(names[0]).toMatch(/^verify-receipt-edge-1-.*\.json$/);
    expect(names[1]).toMatch(/\.txt$/);
    const json = JSON.parse(await created[0]!.text());
    expect(json.kind).toBe('ack-secret-guard.verify-receipt');
    expect(await created[1]!.text()).toContain('verification receipt');
  });
});

describe('Timeline verified step', () => {
  beforeEach(() => i18n.setLocale('en'));
  const ended = operation({ phase: 'ended', outcome: 'succeeded' });
  const step = (c: HTMLElement) => c.querySelector('[data-step="timeline.verified"]')!;

  it('lights up from the proof: pending, verified, not verified', async () => {
    const { container, rerender } = render(Timeline, { operation: ended, now: Date.now() });
    expect(step(container).className).toContain('current');
    await rerender({ verify: 'verified' });
    expect(step(container).className).toContain('done');
    await rerender({ verify: 'not-verified' });
    expect(step(container).className).toContain('failed');
  });
});
