import { describe, expect, it } from 'vitest';
import type { BatchItem } from '../../../electron/contract';
import {
  ItemTransitionError,
  batchResult,
  countItems,
  initialState,
  isTerminal,
  transition,
} from '../../../electron/core/batch/item-state';
import type { ItemEvent } from '../../../electron/core/batch/item-state';

const T = Date.parse('2025-01-01T00:00:00Z');

function item(overrides: Partial<BatchItem> = {}): BatchItem {
  return {
    clusterId: 'c1',
    clusterName: 'one',
    accountId: 'acc',
    accountName: 'Acc',
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
    ...overrides,
  };
}

describe('batch item state machine', () => {
  it('goes pending -> running -> (started) -> succeeded', () => {
    const running = transition(item(), { type: 'start', at: T });
    expect(running).toMatchObject({
      state: 'running',
      attempts: 1,
      attemptedAt: '2025-01-01T00:00:00.000Z',
    });
    const started = transition(running, { type: 'started', operationId: 'op1' });
    expect(started.operationId).toBe('op1');
    const ended = transition(started, {
      type: 'ended',
      at: T + 1,
      outcome: 'succeeded',
      error: null,
    });
    expect(ended).toMatchObject({ state: 'succeeded', outcome: 'succeeded' });
    expect(isTerminal(ended.state)).toBe(true);
  });

  it('maps every outcome but succeeded to failed', () => {
    const started = transition(transition(item(), { type: 'start', at: T }), {
      type: 'started',
      operationId: 'op',
    });
    for (const outcome of ['failed', 'rejected', 'timed-out', 'unknown'] as const) {
      expect(transition(started, { type: 'ended', at: T, outcome, error: null }).state).toBe(
        'failed',
      );
    }
  });

  it('waits for the cooldown back in pending, and starts again with the attempt counted', () => {
    const waiting = transition(transition(item(), { type: 'start', at: T }), {
      type: 'wait',
      until: T + 60_000,
    });
    expect(waiting).toMatchObject({ state: 'pending', waitingUntil: '2025-01-01T00:01:00.000Z' });
    const again = transition(waiting, { type: 'start', at: T + 61_000 });
    expect(again).toMatchObject({ state: 'running', attempts: 2, waitingUntil: null });
  });

  it('never starts an item twice, nor ends one that did not start', () => {
    const running = transition(item(), { type: 'start', at: T });
    expect(() => transition(running, { type: 'start', at: T })).toThrow(ItemTransitionError);
    const started = transition(running, { type: 'started', operationId: 'op' });
    expect(() => transition(started, { type: 'started', operationId: 'op2' })).toThrow();
    expect(() => transition(started, { type: 'restore' })).toThrow();
    expect(() => transition(started, { type: 'wait', until: T })).toThrow();
    expect(() => transition(started, { type: 'cancel', at: T })).toThrow();
    expect(() =>
      transition(item(), { type: 'ended', at: T, outcome: 'succeeded', error: null }),
    ).toThrow();
    const done = transition(started, { type: 'ended', at: T, outcome: 'succeeded', error: null });
    const events: ItemEvent[] = [
      { type: 'start', at: T },
      { type: 'cancel', at: T },
      { type: 'skip', at: T, reasons: [] },
      { type: 'fail', at: T, error: { code: 'x', message: 'y' } },
    ];
    for (const event of events) {
      expect(() => transition(done, event)).toThrow(ItemTransitionError);
    }
  });

  it('cancels only what has not started; restores a start that never reached the journal', () => {
    expect(transition(item(), { type: 'cancel', at: T }).state).toBe('cancelled');
    const running = transition(item(), { type: 'start', at: T });
    expect(() => transition(running, { type: 'cancel', at: T })).toThrow();
    expect(transition(running, { type: 'restore' })).toMatchObject({
      state: 'pending',
      attempts: 1,
    });
  });

  it('skips a running item whose checklist is no longer ready, with the new reasons', () => {
    const running = transition(item(), { type: 'start', at: T });
    expect(
      transition(running, { type: 'skip', at: T, reasons: ['key.state: Disabled'] }),
    ).toMatchObject({
      state: 'skipped',
      reasons: ['key.state: Disabled'],
    });
  });

  it('counts verdicts and states, and judges the batch', () => {
    const items = [
      item({ clusterId: 'a', state: 'succeeded' }),
      item({ clusterId: 'b', state: 'failed' }),
      item({ clusterId: 'c', status: 'skipped', state: initialState('skipped') }),
      item({ clusterId: 'd', state: 'cancelled' }),
    ];
    expect(countItems(items)).toEqual({
      total: 4,
      ready: 3,
      skipped: 1,
      pending: 0,
      running: 0,
      succeeded: 1,
      failed: 1,
      skippedNow: 1,
      cancelled: 1,
    });
    expect(batchResult(items, true)).toBe('cancelled');
    expect(batchResult(items.slice(0, 3), false)).toBe('failed');
    expect(batchResult([items[0]!, items[2]!], false)).toBe('succeeded');
    expect(initialState('ready')).toBe('pending');
  });
});
