import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationView } from '../../../electron/contract';
import { AuditLog } from '../../../electron/core/audit';
import { AuditRecorder } from '../../../electron/core/audit/recorder';
import { CloudLimits } from '../../../electron/core/cloud/session';
import { createContext } from '../../../electron/core/context';
import type { CoreContext } from '../../../electron/core/context';
import { EventHub } from '../../../electron/core/events';

function recorder() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-recorder-'));
  const ctx: CoreContext = createContext({
    dataDir,
    version: 't',
    platform: 'linux',
    arch: 'x64',
    events: new EventHub(),
    cloudLimits: new CloudLimits(),
    env: {},
    now: Date.now,
    onDispose: () => undefined,
  });
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
