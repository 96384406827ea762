// The one status pill: each state's tone comes from one table (lib/status-tone.ts), so a failed
// batch, a failed item, a failed audit entry and a failed proof look alike; text always shows.
import { render } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import StatusPill from '../../../renderer/src/components/StatusPill.svelte';
import {
  auditResultTone,
  batchItemTone,
  batchTone,
  proofTone,
} from '../../../renderer/src/lib/status-tone';

describe('status pill tones', () => {
  it('agrees across batches, items, audit results and proofs', () => {
    expect(batchTone({ state: 'ended', result: 'failed' })).toBe('bad');
    expect(batchItemTone('failed')).toBe('bad');
    expect(auditResultTone('failed')).toBe('bad');
    expect(proofTone('not-verified')).toBe('bad');
    expect(batchTone({ state: 'ended', result: 'succeeded' })).toBe('ok');
    expect(batchItemTone('succeeded')).toBe('ok');
    expect(auditResultTone('succeeded')).toBe('ok');
    expect(proofTone('verified')).toBe('ok');
    expect(batchTone({ state: 'applying', result: null })).toBe('info');
    expect(batchItemTone('running')).toBe('info');
    expect(proofTone('pending')).toBe('info');
    expect(batchTone({ state: 'paused', result: null })).toBe('warn');
    expect(batchItemTone('skipped')).toBe('muted');
    expect(proofTone('unavailable')).toBe('muted');
  });

  it('renders its text with the tone and the test id', () => {
    const { getByTestId } = render(StatusPill, {
      props: {
        tone: 'bad',
        testid: 'pill',
        children: createRawSnippet(() => ({ render: () => '<span>Failed</span>' })),
      },
    });
    const pill = getByTestId('pill');
    expect(pill.textContent).toBe('Failed');
    expect(pill.dataset.tone).toBe('bad');
  });
});
