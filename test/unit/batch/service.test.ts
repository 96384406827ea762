// The batch runner against a fake operations domain: concurrency, the cooldown wait and its
// bound, pause, cancel, and what a restart finds (a start that reached the journal is followed,
// one that did not is tried again) — deterministic, without the simulator.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardError } from '../../../electron/contract';
import type { BatchItem, BatchView, OperationView } from '../../../electron/contract';
import { CloudError } from '../../../electron/core/cloud/errors';
import { EventHub } from '../../../electron/core/events';
import { countItems } from '../../../electron/core/batch/item-state';
import { BatchService } from '../../../electron/core/batch/service';
import type { BatchOperations } from '../../../electron/core/batch/service';
import { BATCH_SCHEMA, BatchStore } from '../../../electron/core/batch/store';
import type { ChangeRequest } from '../../../electron/core/operations/service';
import { testContext } from '../../support/test-context';

const SCALE = 1000; // cooldown margins and waits in fake cloud time: 5 min -> 300 ms

function view(request: ChangeRequest, id: string): OperationView {
  return {
    operationId: id,
    clusterId: request.clusterId,
    clusterName: request.clusterId,
    accountId: request.accountId ?? 'acc',
    accountName: 'Acc',
    regionId: 'cn-hangzhou',
    action: request.action,
    keyId: request.keyId ?? null,
    phase: 'requested',
    outcome: null,
    requestId: `req-${id}`,
    clusterState: 'running',
    startedAt: new Date().toISOString(),
    requestedAt: new Date().toISOString(),
    updatingSeenAt: null,
    endedAt: null,
    lastPollAt: null,
    nextPollAt: null,
    polls: 0,
    slow: false,
    note: null,
    error: null,
  };
}

/** Operations that end when the test says so (or after `autoEndMs`). */
class FakeOps implements BatchOperations {
  readonly starts: ChangeRequest[] = [];
  readonly journal = new Map<string, OperationView>();
  readonly refusals = new Map<string, unknown[]>();
  private readonly enders = new Map<string, (outcome: OperationView['outcome']) => void>();
  private readonly followers = new Map<string, Promise<OperationView>>();
  running = 0;
  maxRunning = 0;
  private next = 0;

  constructor(private readonly autoEndMs: number | null = 20) {}

  async start(request: ChangeRequest): Promise<OperationView> {
    const refusal = this.refusals.get(request.clusterId)?.shift();
    if (refusal) throw refusal;
    this.starts.push(request);
    const v = view(request, `op-${(this.next += 1)}`);
    this.journal.set(v.operationId, v);
    this.follow(v);
    return { ...v };
  }

  /** Follows an operation (a start, or a resume of the journal). */
  follow(v: OperationView): void {
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.followers.set(
      v.operationId,
      new Promise<OperationView>((resolve) => {
        const end = (outcome: OperationView['outcome']) => {
          Object.assign(v, { phase: 'ended', outcome, endedAt: new Date().toISOString() });
          this.running -= 1;
          this.enders.delete(v.clusterId);
          resolve({ ...v });
        };
        this.enders.set(v.clusterId, end);
        if (this.autoEndMs !== null) setTimeout(() => end('succeeded'), this.autoEndMs);
      }),
    );
  }

  end(clusterId: string, outcome: OperationView['outcome'] = 'succeeded'): void {
    const end = this.enders.get(clusterId);
    if (!end) throw new Error(`${clusterId} is not running`);
    end(outcome);
  }

  isRunning(clusterId: string): boolean {
    return this.enders.has(clusterId);
  }

  runningIds(): string[] {
    return [...this.enders.keys()];
  }

  async waitFor(operationId: string): Promise<OperationView> {
    const f = this.followers.get(operationId);
    if (f) return f;
    const v = this.journal.get(operationId);
    if (!v) throw new GuardError('not-found', `No operation ${operationId}.`);
    return { ...v };
  }

  async list(filter: { clusterId?: string } = {}) {
    return {
      operations: [...this.journal.values()].filter(
        (o) => !filter.clusterId || o.clusterId === filter.clusterId,
      ),
      problems: [],
    };
  }

  async resume(): Promise<number> {
    let n = 0;
    for (const v of this.journal.values())
      if (v.phase !== 'ended' && !this.followers.has(v.operationId)) {
        this.follow(v);
        n += 1;
      }
    return n;
  }

  async lastChangeEndedAt(): Promise<number | null> {
    return null;
  }
}

function readyItem(clusterId: string, overrides: Partial<BatchItem> = {}): BatchItem {
  return {
    clusterId,
    clusterName: clusterId,
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

const services: BatchService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
});

function setup(ops: FakeOps, existingDataDir?: string) {
  const events = new EventHub();
  const progress: BatchView[] = [];
  events.on('batch.progress', (view) => progress.push(view));
  const { ctx, dataDir } = testContext({
    prefix: 'batch',
    events,
    ...(existingDataDir ? { dataDir: existingDataDir } : {}),
  });
  const audits: { phase: string; result: string | null }[] = [];
  const service = new BatchService(
    ctx,
    {
      operations: ops,
      clusters: async () => ({ clusters: [], failures: [] }),
      checks: {
        runFor: async () => {
          throw new Error('no cloud in unit tests');
        },
        readKey: async () => {
          throw new Error('no cloud in unit tests');
        },
      },
      clockFor: () => ({ scale: SCALE, sleep: async () => undefined, cloudNow: Date.now }),
      audit: { batch: async (v, phase) => void audits.push({ phase, result: v.result }) },
    },
    { reattachPollMs: 10 },
  );
  services.push(service);
  return { service, dataDir, progress, audits };
}

async function saveBatch(
  dataDir: string,
  items: BatchItem[],
  overrides: Partial<BatchView> = {},
): Promise<string> {
  const batchId = `batch-test-${Math.random().toString(16).slice(2, 8)}`;
  const batch: BatchView = {
    batchId,
    createdAt: new Date().toISOString(),
    action: 'enable',
    keyId: 'key-1',
    scope: {},
    state: 'planned',
    concurrency: null,
    appliedAt: null,
    endedAt: null,
    result: null,
    items,
    counts: countItems(items),
    problems: [],
    ...overrides,
  };
  await new BatchStore(dataDir).save(batchId, () => ({
    schema: BATCH_SCHEMA,
    batch,
    meta: { auditedApplied: overrides.state === 'applying', auditedEnded: false },
  }));
  return batchId;
}

const fileOf = (dataDir: string, batchId: string) =>
  JSON.parse(readFileSync(path.join(dataDir, 'batches', `${batchId}.json`), 'utf8')) as {
    schema: number;
    batch: BatchView;
  };

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('applying a batch', () => {
  it('starts every ready item once, never more than the concurrency at a time', async () => {
    // Changes end only when the test ends them, so "2 at a time" is seen however slow the machine.
    const ops = new FakeOps(null);
    const { service, dataDir, audits, progress } = setup(ops);
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => readyItem(id));
    items.push({ ...readyItem('skip-me'), status: 'skipped', state: 'skipped', reasons: ['no'] });
    const batchId = await saveBatch(dataDir, items);
    const applied = await service.apply({ batchId, concurrency: 2 });
    expect(applied.state).toBe('applying');
    for (let ended = 0; ended < 7; ended += 1) {
      const left = 7 - ended;
      await until(() => ops.running === Math.min(2, left));
      expect(ops.starts).toHaveLength(Math.min(7, ended + 2));
      ops.end(ops.runningIds()[0]!);
    }
    const final = await service.settled(batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'succeeded', concurrency: 2 });
    expect(final.counts).toMatchObject({ succeeded: 7, skippedNow: 1, pending: 0, running: 0 });
    expect(ops.starts.map((s) => s.clusterId).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(ops.starts.every((s) => s.keyId === 'key-1' && s.action === 'enable')).toBe(true);
    expect(ops.maxRunning).toBe(2);
    expect(audits).toEqual([
      { phase: 'requested', result: null },
      { phase: 'ended', result: 'succeeded' },
    ]);
    const file = fileOf(dataDir, batchId);
    expect(file.schema).toBe(1);
    expect(file.batch.state).toBe('ended');
    expect(file.batch.items.find((i) => i.clusterId === 'a')?.operationId).toMatch(/^op-/);
    expect(progress.at(-1)?.state).toBe('ended');
    await expect(service.apply({ batchId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a second apply while applying (a double click) starts nothing more', async () => {
    const ops = new FakeOps(null);
    const { service, dataDir } = setup(ops);
    const batchId = await saveBatch(dataDir, [readyItem('a')]);
    await service.apply({ batchId });
    await until(() => ops.isRunning('a'));
    await service.apply({ batchId });
    ops.end('a');
    await service.settled(batchId);
    expect(ops.starts).toHaveLength(1);
  });

  it('waits out the cooldown and tries again; gives up past the bound', async () => {
    const ops = new FakeOps(5);
    const { service, dataDir } = setup(ops);
    const cooldown = () =>
      new GuardError('checklist-not-ready', 'Not started: cluster.cooldown', {
        failing: ['cluster.cooldown'],
        checklist: {
          ready: false,
          checks: [
            {
              id: 'cluster.cooldown',
              status: 'fail',
              summary: 'wait',
              evidence: { waitSeconds: 0.05 },
            },
          ],
        },
      });
    const conflict409 = new CloudError('HTTP 409', {
      kind: 'conflict',
      product: 'cs',
      action: 'UpdateKMSEncryption',
      cloudCode: 'Conflict',
      httpStatus: 409,
      requestId: 'r',
    });
    ops.refusals.set('waits', [cooldown(), conflict409]);
    ops.refusals.set('never', [cooldown(), cooldown(), cooldown(), cooldown(), cooldown()]);
    const batchId = await saveBatch(dataDir, [readyItem('waits'), readyItem('never')]);
    const seenWaiting: string[] = [];
    const t0 = Date.now();
    await service.apply({ batchId });
    await until(() => {
      const s = fileOf(dataDir, batchId).batch.items.find((i) => i.clusterId === 'waits');
      if (s?.waitingUntil) seenWaiting.push(s.waitingUntil);
      return seenWaiting.length > 0;
    });
    const final = await service.settled(batchId);
    const waits = final.items.find((i) => i.clusterId === 'waits')!;
    expect(waits).toMatchObject({ state: 'succeeded', attempts: 3 });
    // Two waits: 50 ms (the check's own figure) and the full 300 ms after the cloud's 409.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    const never = final.items.find((i) => i.clusterId === 'never')!;
    expect(never).toMatchObject({
      state: 'failed',
      attempts: 4,
      error: { code: 'CooldownNotOver' },
    });
    expect(final.result).toBe('failed');
    expect(ops.starts.map((s) => s.clusterId)).toEqual(['waits']);
  });

  it('skips an item whose checklist is no longer ready, and fails one the cloud refuses', async () => {
    const ops = new FakeOps(5);
    const { service, dataDir } = setup(ops);
    ops.refusals.set('gone-bad', [
      new GuardError('checklist-not-ready', 'Not started', {
        failing: ['key.state'],
        checklist: {
          ready: false,
          checks: [
            { id: 'key.state', status: 'fail', summary: 'The key is Disabled.', evidence: {} },
          ],
        },
      }),
    ]);
    ops.refusals.set('busy', [new GuardError('conflict', 'A change of cluster busy is running.')]);
    const batchId = await saveBatch(dataDir, [
      readyItem('gone-bad'),
      readyItem('busy'),
      readyItem('fine'),
    ]);
    await service.apply({ batchId });
    const final = await service.settled(batchId);
    const by = (id: string) => final.items.find((i) => i.clusterId === id)!;
    expect(by('gone-bad')).toMatchObject({
      state: 'skipped',
      reasons: ['key.state: The key is Disabled.'],
    });
    expect(by('busy')).toMatchObject({ state: 'failed', error: { code: 'conflict' } });
    expect(by('fine').state).toBe('succeeded');
    expect(final.result).toBe('failed');
  });

  it('pause: no new start, the running change goes on; apply resumes', async () => {
    const ops = new FakeOps(null);
    const { service, dataDir } = setup(ops);
    const batchId = await saveBatch(
      dataDir,
      ['a', 'b', 'c'].map((id) => readyItem(id)),
    );
    await service.apply({ batchId, concurrency: 1 });
    await until(() => ops.isRunning('a'));
    expect((await service.pause(batchId)).state).toBe('paused');
    ops.end('a');
    const paused = await service.settled(batchId);
    expect(paused.state).toBe('paused');
    expect(paused.counts).toMatchObject({ succeeded: 1, pending: 2 });
    expect(ops.starts).toHaveLength(1);
    expect(fileOf(dataDir, batchId).batch.state).toBe('paused');

    await service.apply({ batchId });
    await until(() => ops.isRunning('b'));
    ops.end('b');
    await until(() => ops.isRunning('c'));
    ops.end('c', 'failed');
    const final = await service.settled(batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'failed' });
    expect(ops.starts.map((s) => s.clusterId)).toEqual(['a', 'b', 'c']);
  });

  it('cancel: what has not started is cancelled, the running change is followed to its end', async () => {
    const ops = new FakeOps(null);
    const { service, dataDir, audits } = setup(ops);
    const batchId = await saveBatch(
      dataDir,
      ['a', 'b', 'c'].map((id) => readyItem(id)),
    );
    await service.apply({ batchId, concurrency: 1 });
    await until(() => ops.isRunning('a'));
    const cancelling = await service.cancel(batchId);
    expect(cancelling.state).toBe('cancelling');
    expect(cancelling.counts).toMatchObject({ running: 1, cancelled: 2 });
    ops.end('a');
    const final = await service.settled(batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'cancelled' });
    expect(final.items.map((i) => i.state)).toEqual(['succeeded', 'cancelled', 'cancelled']);
    expect(ops.starts).toHaveLength(1);
    expect(audits.at(-1)).toEqual({ phase: 'ended', result: 'cancelled' });
    // A plan cancelled before it was applied ends at once, with nothing to audit.
    const planned = await saveBatch(dataDir, [readyItem('x')]);
    const ended = await service.cancel(planned);
    await service.settled(planned);
    expect((await service.get(planned)).result).toBe('cancelled');
    expect(ended.items[0]!.state).toBe('cancelled');
    await expect(service.pause(planned)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('cancelling a batch whose item waits for the cooldown', () => {
  it('cancels the waiting item at once, without waiting for its timer', async () => {
    const ops = new FakeOps(5);
    const { service, dataDir } = setup(ops);
    ops.refusals.set('waits', [
      new GuardError('checklist-not-ready', 'cooldown', {
        failing: ['cluster.cooldown'],
        checklist: {
          ready: false,
          checks: [
            {
              id: 'cluster.cooldown',
              status: 'fail',
              summary: 'wait',
              // An hour: if cancel waited for the timer, the test would time out.
              evidence: { waitSeconds: 3600 },
            },
          ],
        },
      }),
    ]);
    const batchId = await saveBatch(dataDir, [readyItem('waits')]);
    await service.apply({ batchId });
    await until(() => !!fileOf(dataDir, batchId).batch.items[0]!.waitingUntil);
    await service.cancel(batchId);
    const final = await service.settled(batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'cancelled' });
    expect(final.items[0]).toMatchObject({ state: 'cancelled', waitingUntil: null });
    expect(ops.starts).toHaveLength(0);
  });
});

describe('a batch after a restart', () => {
  it('follows changes it started, retries a start that never reached the journal, starts the rest', async () => {
    const ops = new FakeOps(null);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-batch-'));
    // The previous process: 'a' was started (op-a in the journal, still changing), 'b' was being
    // started when it died and its intent IS in the journal, 'c' was being started and is NOT.
    const before = Date.now() - 1_000;
    const opA = { ...view({ clusterId: 'a', action: 'enable', keyId: 'key-1' }, 'op-a') };
    const opB = { ...view({ clusterId: 'b', action: 'enable', keyId: 'key-1' }, 'op-b') };
    ops.journal.set('op-a', opA);
    ops.journal.set('op-b', opB);
    const at = new Date(before).toISOString();
    const batchId = await saveBatch(
      dataDir,
      [
        readyItem('a', { state: 'running', operationId: 'op-a', attempts: 1, attemptedAt: at }),
        readyItem('b', { state: 'running', attempts: 1, attemptedAt: at }),
        readyItem('c', { state: 'running', attempts: 1, attemptedAt: at }),
        readyItem('d'),
      ],
      { state: 'applying', concurrency: 3, appliedAt: at },
    );
    const { service, audits } = setup(ops, dataDir);
    expect(await service.resume()).toBe(1);
    await until(() => ops.isRunning('a') && ops.isRunning('b') && ops.isRunning('d'));
    // c gave its slot back when the journal said it never started; it waits for the next one.
    expect(ops.isRunning('c')).toBe(false);
    ops.end('a');
    await until(() => ops.isRunning('c'));
    for (const id of ['b', 'c', 'd']) ops.end(id);
    const final = await service.settled(batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'succeeded' });
    // Only c (never journaled) and d (never tried) were started in this process.
    expect(ops.starts.map((s) => s.clusterId).sort()).toEqual(['c', 'd']);
    expect(final.items.find((i) => i.clusterId === 'b')?.operationId).toBe('op-b');
    expect(final.items.find((i) => i.clusterId === 'c')?.attempts).toBe(2);
    // The applied entry was written by the previous process; only the end is audited now.
    expect(audits).toEqual([{ phase: 'ended', result: 'succeeded' }]);
  });

  it('writes nothing after dispose, so a successor owns the file', async () => {
    const ops = new FakeOps(null);
    const { service, dataDir } = setup(ops);
    const batchId = await saveBatch(dataDir, [readyItem('a'), readyItem('b')]);
    await service.apply({ batchId, concurrency: 1 });
    await until(() => ops.isRunning('a'));
    await service.dispose();
    const frozen = readFileSync(path.join(dataDir, 'batches', `${batchId}.json`), 'utf8');
    ops.end('a');
    await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(path.join(dataDir, 'batches', `${batchId}.json`), 'utf8')).toBe(frozen);
    expect(JSON.parse(frozen).batch.items[0]).toMatchObject({
      state: 'running',
      operationId: 'op-1',
    });
    expect(ops.starts).toHaveLength(1);
  });

  it('lists batches newest first and reports unreadable files', async () => {
    const ops = new FakeOps();
    const { service, dataDir } = setup(ops);
    const first = await saveBatch(dataDir, [readyItem('a')], { createdAt: '2025-01-01T00:00:00Z' });
    const second = await saveBatch(dataDir, [readyItem('a')], {
      createdAt: '2025-02-01T00:00:00Z',
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dataDir, 'batches', 'batch-broken.json'), '{"schema": 9}');
    const { batches, problems } = await service.list();
    expect(batches.map((b) => b.batchId)).toEqual([second, first]);
    expect(problems).toEqual([expect.stringMatching(/batch-broken\.json: .*schema 9/)]);
    await expect(service.get('batch-nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.get('../etc')).rejects.toMatchObject({ code: 'validation' });
  });

  it('one mistyped batch file is reported and skipped; list and show of the others work', async () => {
    const ops = new FakeOps();
    const { service, dataDir } = setup(ops);
    const good = await saveBatch(dataDir, [readyItem('a')]);
    const { readFileSync: read, writeFileSync } = await import('node:fs');
    const valid = JSON.parse(read(path.join(dataDir, 'batches', `${good}.json`), 'utf8'));
    const mistyped = (id: string, patch: (b: Record<string, unknown>) => void) => {
      const copy = structuredClone(valid);
      copy.batch.batchId = id;
      patch(copy.batch);
      writeFileSync(path.join(dataDir, 'batches', `${id}.json`), JSON.stringify(copy));
    };
    mistyped('batch-created-number', (b) => (b.createdAt = 42));
    mistyped('batch-item-number', (b) => (b.items = [1]));
    mistyped(
      'batch-item-cluster',
      (b) => ((b.items as { clusterId: unknown }[])[0]!.clusterId = {}),
    );
    mistyped('batch-bad-time', (b) => (b.appliedAt = 'yesterday'));
    const { batches, problems } = await service.list();
    expect(batches.map((b) => b.batchId)).toEqual([good]);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/batch-created-number\.json: .*createdAt/);
    await expect(service.get('batch-item-number')).rejects.toMatchObject({ code: 'storage' });
    expect((await service.get(good)).batchId).toBe(good);
  });
});
