import { describe, expect, it } from 'vitest';
import type { OperationView } from '../../../electron/contract';
import { AuditLog } from '../../../electron/core/audit';
import { AuditRecorder } from '../../../electron/core/audit/recorder';
import { testContext } from '../../support/test-context';

function recorder() {
  const { ctx, dataDir } = testContext({ prefix: 'recorder' });
  return new AuditRecorder(ctx, new AuditLog(dataDir), async () => '1000000000000001');
}

const view: OperationView = {
  operationId: 'op-1',
  clusterId: 'c1',
  clusterName: 'one',
  accountId: 'a1',
  accountName: 'A',
  regionId: 'cn-hangzhou',
  action: 'enable',
  keyId: 'key-1',
  phase: 'ended',
  outcome: 'succeeded',
  requestId: 'req-1',
  clusterState: 'running',
  startedAt: '2026-11-29T00:00:00.000Z',
  requestedAt: '2026-11-29T00:00:01.000Z',
  updatingSeenAt: null,
  endedAt: '2026-11-29T00:10:00.000Z',
  lastPollAt: null,
  nextPollAt: null,
  polls: 3,
  slow: false,
  note: null,
  error: null,
};

describe('audit recorder', () => {
  it('completes a change whose requested entry was lost to a crash, at the time it happened, once', async () => {
    const r = recorder();
    await r.ensureRequested(view);
    await r.ensureRequested(view);
    await r.operation(view, 'ended');
    const { entries } = await r.log.list({ order: 'oldest-first' });
    expect(entries.map((e) => `${e.phase}:${e.result}:${e.time}`)).toEqual([
      'requested:accepted:2026-11-29T00:00:01.000Z',
      `ended:succeeded:${entries[1]!.time}`,
    ]);
  });

  it('adds nothing when the requested entry is there', async () => {
    const r = recorder();
    await r.operation(view, 'requested');
    await r.ensureRequested(view);
    expect((await r.log.list()).entries).toHaveLength(1);
  });
});
