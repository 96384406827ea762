// The Copy buttons: what the user sees when the clipboard takes the text, and when it refuses
// (a permission refused by the main process, no clipboard API at all). Never silent.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ErrorBox from '../../../renderer/src/components/ErrorBox.svelte';
import Timeline from '../../../renderer/src/components/cluster/Timeline.svelte';
import type { OperationView } from '../../../electron/contract';
import { ApiError } from '../../../renderer/src/lib/api';
import { copyText } from '../../../renderer/src/lib/clipboard';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

function clipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: writeText ? { writeText } : undefined,
  });
}

afterEach(() => {
  clipboard(undefined);
});

const refused = () =>
  Promise.reject(new DOMException('Write permission denied', 'NotAllowedError'));

describe('copyText', () => {
  it('says whether the clipboard took the text', async () => {
    const writeText = vi.fn(async () => undefined);
    clipboard(writeText);
    expect(await copyText('req-1')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('req-1');
    clipboard(refused);
    expect(await copyText('req-1')).toBe(false);
    clipboard(undefined);
    expect(await copyText('req-1')).toBe(false);
  });
});

const apiError = () =>
  new ApiError({
    code: 'cloud',
    message: 'The cloud said no',
    details: { requestId: 'AB12-REQ' },
  });

describe('ErrorBox copy button', () => {
  it('copies the request id and says so', async () => {
    i18n.setLocale('en');
    const writeText = vi.fn(async () => undefined);
    clipboard(writeText);
    render(ErrorBox, { error: apiError() });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('AB12-REQ');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('shows a visible failure when the clipboard refuses', async () => {
    i18n.setLocale('zh-CN');
    clipboard(refused);
    render(ErrorBox, { error: apiError() });
    await fireEvent.click(screen.getByRole('button', { name: '复制' }));
    expect((await screen.findByTestId('copy-failed')).textContent).toContain(
      i18n.t('common.copyFailed'),
    );
    expect(screen.queryByRole('button', { name: '已复制' })).toBeNull();
  });
});

describe('Timeline copy button', () => {
  const operation: OperationView = {
    operationId: 'op-1',
    clusterId: 'c1',
    clusterName: 'edge-1',
    accountId: 'a1',
    accountName: 'prod',
    regionId: 'cn-hangzhou',
    action: 'enable',
    keyId: 'key-1',
    phase: 'ended',
    outcome: 'failed',
    requestId: 'REQ-UPDATE',
    clusterState: 'failed',
    startedAt: '2026-01-01T00:00:00.000Z',
    requestedAt: '2026-01-01T00:00:01.000Z',
    updatingSeenAt: null,
    endedAt: '2026-01-01T00:01:00.000Z',
    lastPollAt: null,
    nextPollAt: null,
    polls: 3,
    slow: false,
    note: null,
    error: { code: 'ErrorCode.X', message: 'It broke', requestId: 'REQ-FAILED' },
  } as OperationView;

  it('shows a visible failure when the clipboard refuses', async () => {
    i18n.setLocale('en');
    clipboard(undefined);
    render(Timeline, { operation, now: Date.parse('2026-01-01T00:02:00.000Z') });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect((await screen.findByTestId('copy-failed')).textContent).toContain(
      i18n.t('common.copyFailed'),
    );
  });

  it('copies the failed request id', async () => {
    i18n.setLocale('en');
    const writeText = vi.fn(async () => undefined);
    clipboard(writeText);
    render(Timeline, { operation, now: Date.parse('2026-01-01T00:02:00.000Z') });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('REQ-FAILED');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });
});
