// The terminal follower of a change: a line at least every 30 s while nothing happens, one line
// per new state, a closing summary, and Ctrl-C stopping only the following (exit 130).
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreationView, OperationView } from '../../../electron/contract';
import type { CommandContext } from '../../../electron/cli/commands/types';
import { EXIT } from '../../../electron/cli/exit-codes';
import { followChange, followCreation, summaryLine } from '../../../electron/cli/follow';
import { en } from '../../../electron/cli/i18n/en';
import { duration, localTime } from '../../../electron/cli/time-text';
import { EventHub } from '../../../electron/core/events';
import { viewOfIntent } from '../../../electron/core/provision/journal';

const START = Date.parse('2026-12-01T10:00:00Z');

function view(over: Partial<OperationView> = {}): OperationView {
  return {
    operationId: 'op-1',
    clusterId: 'c-1',
    clusterName: 'edge-hz',
    accountId: 'a',
    accountName: 'retail',
    regionId: 'cn-hangzhou',
    action: 'enable',
    keyId: 'key-1',
    phase: 'updating',
    outcome: null,
    requestId: 'req-1',
    clusterState: 'updating',
    startedAt: new Date(START).toISOString(),
    requestedAt: new Date(START).toISOString(),
    updatingSeenAt: null,
    endedAt: null,
    lastPollAt: null,
    nextPollAt: null,
    polls: 0,
    slow: false,
    note: null,
    error: null,
    ...over,
  };
}

function harness(json = false) {
  const events = new EventHub();
  let finish!: (v: OperationView) => void;
  const ended = new Promise<OperationView>((resolve) => (finish = resolve));
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    core: { events, operations: { waitFor: () => ended } },
    json,
    args: [],
    lang: 'en',
    t: en,
    io: {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      env: {},
    },
    print: (t: string) => out.push(`${t}\n`),
    printJson: () => undefined,
  } as unknown as CommandContext;
  return { ctx, events, finish, out, err, signals: new EventEmitter() };
}

describe('followChange', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('prints a line after 30 s of silence, with the elapsed time', async () => {
    const h = harness();
    const done = followChange(h.ctx, view(), { signals: h.signals });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(h.out.join('')).toBe('');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.out).toHaveLength(1);
    expect(h.out[0]).toContain('updating');
    expect(h.out[0]).toContain('elapsed 30s');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.out).toHaveLength(2);
    h.finish(
      view({
        phase: 'ended',
        outcome: 'succeeded',
        endedAt: new Date(START + 61_000).toISOString(),
        polls: 4,
      }),
    );
    expect(await done).toBe(EXIT.ok);
  });

  it('prints each new state once, then the summary; a failed change exits 1', async () => {
    const h = harness();
    const done = followChange(h.ctx, view(), { signals: h.signals });
    h.events.emit('operation.progress', view({ clusterState: 'running', phase: 'updating' }));
    h.events.emit('operation.progress', view({ clusterState: 'running', phase: 'updating' }));
    h.events.emit('operation.progress', view({ operationId: 'other', clusterState: 'failed' }));
    expect(h.out).toHaveLength(1);
    const failed = view({
      phase: 'ended',
      outcome: 'failed',
      endedAt: new Date(START + 245_000).toISOString(),
      polls: 1,
    });
    h.finish(failed);
    expect(await done).toBe(EXIT.failure);
    expect(h.out.at(-1)).toBe(
      'enable of edge-hz (c-1) failed after 4m 05s, 1 check; request id req-1\n',
    );
  });

  it('stops following on Ctrl-C with exit 130 and says how to pick it up again', async () => {
    const h = harness();
    const done = followChange(h.ctx, view(), { signals: h.signals });
    h.signals.emit('SIGINT');
    expect(await done).toBe(EXIT.interrupted);
    expect(h.err.join('')).toContain('The change goes on in the cloud');
    expect(h.err.join('')).toContain('ack-secret-guard status c-1 --wait');
    expect(h.signals.listenerCount('SIGINT')).toBe(0);
  });

  it('in --json streams views only (the heartbeat repeats the latest view)', async () => {
    const h = harness(true);
    const done = followChange(h.ctx, view(), { signals: h.signals });
    await vi.advanceTimersByTimeAsync(31_000);
    expect(JSON.parse(h.out[0]!)).toMatchObject({ operationId: 'op-1', phase: 'updating' });
    h.finish(
      view({ phase: 'ended', outcome: 'succeeded', endedAt: new Date(START).toISOString() }),
    );
    await done;
    expect(h.out.every((line) => JSON.parse(line).operationId === 'op-1')).toBe(true);
  });
});

describe('time text', () => {
  it('durations to the second, never milliseconds', () => {
    expect(duration(450)).toBe('0s');
    expect(duration(59_400)).toBe('59s');
    expect(duration(65_000)).toBe('1m 05s');
    expect(duration(3_725_000)).toBe('1h 02m');
    expect(duration(-5)).toBe('0s');
  });

  it('local time to the second with the zone', () => {
    expect(localTime('2026-12-01T10:00:00.123Z')).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/,
    );
    expect(localTime(null)).toBe('-');
    expect(
      summaryLine(en, view({ phase: 'ended', outcome: 'succeeded', endedAt: null })),
    ).toContain('succeeded, 0 checks');
  });
});

describe('followCreation (clusters create --wait)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  // The journal's own view of a new creation, moved on to "creating" with its ids.
  const creation = (over: Partial<CreationView> = {}): CreationView => ({
    ...viewOfIntent({
      v: 1,
      type: 'intent',
      creationId: 'cr-1',
      at: START,
      accountId: 'a',
      accountName: 'retail',
      regionId: 'cn-hangzhou',
      name: 'edge-site-1',
      keyId: 'key-1',
      body: {},
    }),
    phase: 'creating',
    clusterId: 'c-new',
    taskId: 't-1',
    requestId: 'req-c',
    clusterState: 'initial',
    requestedAt: new Date(START).toISOString(),
    ...over,
  });

  function creationHarness() {
    const h = harness();
    let finish!: (v: CreationView) => void;
    const ended = new Promise<CreationView>((resolve) => (finish = resolve));
    Object.assign(h.ctx.core, { provision: { waitFor: () => ended } });
    return { ...h, finishCreation: finish };
  }

  it('a line after 30 s of silence, each new state once, and a summary', async () => {
    const h = creationHarness();
    const done = followCreation(h.ctx, creation(), { signals: h.signals });
    await vi.advanceTimersByTimeAsync(31_000);
    expect(h.out).toHaveLength(1);
    expect(h.out[0]).toContain('create edge-site-1 (c-new)');
    expect(h.out[0]).toContain('elapsed 30s');
    h.events.emit('creation.progress', creation({ clusterState: 'running', phase: 'verifying' }));
    h.events.emit('creation.progress', creation({ clusterState: 'running', phase: 'verifying' }));
    expect(h.out).toHaveLength(2);
    h.finishCreation(
      creation({
        phase: 'ended',
        outcome: 'verified',
        endedAt: new Date(START + 65_000).toISOString(),
      }),
    );
    expect(await done).toBe(EXIT.ok);
    expect(h.out.at(-1)).toBe('create edge-site-1 (c-new) verified after 1m 05s\n');
  });

  it('Ctrl-C: exit 130, the creation goes on, and how to follow it again', async () => {
    const h = creationHarness();
    const done = followCreation(h.ctx, creation(), { signals: h.signals });
    h.signals.emit('SIGINT');
    expect(await done).toBe(EXIT.interrupted);
    expect(h.err.join('')).toContain('The creation goes on in the cloud');
    expect(h.err.join('')).toContain('ack-secret-guard clusters create --resume cr-1');
    expect(h.signals.listenerCount('SIGINT')).toBe(0);
  });
});
