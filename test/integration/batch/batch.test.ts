// Batches against the simulator (demo fixture, time-scaled): a plan over the demo fleet, applied
// with a restart in the middle, ending with every eligible cluster encrypted and every skipped
// one explained; pause and cancel; the cooldown between two changes of one cluster waited out.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import type { BatchView } from '../../../electron/contract';
import { ACCOUNT_IDS } from '../../support/sim-directory';
import { batchHarness } from './harness';
import type { BatchHarness } from './harness';

const SCALE = 600; // a 600 s simulated change takes 1 s; the cooldown 0.5 s
let sim: Simulator;
const harnesses: BatchHarness[] = [];

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
});
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose();
  await sim.stop();
});

function harness(dataDir?: string, timeScale = SCALE): BatchHarness {
  const h = batchHarness(sim, { timeScale, ...(dataDir ? { dataDir } : {}) });
  harnesses.push(h);
  return h;
}

const journal = (h: BatchHarness) =>
  readFileSync(h.operations.journal.file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; clusterId?: string; outcome?: string });

const intents = (h: BatchHarness) =>
  journal(h)
    .filter((r) => r.type === 'intent')
    .map((r) => r.clusterId!);

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const item = (view: BatchView, clusterId: string) =>
  view.items.find((i) => i.clusterId === clusterId)!;

/**
 * The ready clusters of "enable with the valid key on the whole demo fleet": the plain one, and
 * two key changes (one of them still inside its cooldown). The cluster whose key in use is
 * pending deletion is not: the switch would need that key (the cloud fails such a change).
 */
const ELIGIBLE = [DEMO.clusters.happy, DEMO.clusters.encrypted, DEMO.clusters.cooldown];

describe('batches against the simulator', () => {
  it('plans the demo fleet: ready, or skipped with the reasons', async () => {
    const h = harness();
    const plan = await h.batches.plan({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: {},
    });
    expect(plan).toMatchObject({ state: 'planned', action: 'enable', keyId: DEMO.keys.valid });
    expect(plan.batchId).toMatch(/^batch-\d{8}-\d{6}-[0-9a-f]{6}$/);
    const ready = plan.items.filter((i) => i.status === 'ready').map((i) => i.clusterId);
    expect(ready.sort()).toEqual([...ELIGIBLE].sort());
    expect(plan.counts).toMatchObject({ total: 14, ready: 3, skipped: 11 });
    for (const skipped of plan.items.filter((i) => i.status === 'skipped')) {
      expect(skipped.reasons.length, skipped.clusterName).toBeGreaterThan(0);
    }
    expect(item(plan, DEMO.clusters.failed).reasons).toContain(
      'cluster.state: The cluster is failed; a change needs it running.',
    );
    expect(item(plan, DEMO.clusters.failed).reasons).toContain(
      `key.exists: key ${DEMO.keys.valid} is in another region (cn-hangzhou); this cluster is in cn-shanghai`,
    );
    expect(item(plan, DEMO.clusters.blockedAcl).reasons.join()).toMatch(/network\.kmsEgress/);
    expect(item(plan, DEMO.clusters.factoryNoServiceRole).reasons.join()).toMatch(
      /role\.csManagedSecurity/,
    );
    // The logistics RAM user cannot see its own dev grant (DescribeUserPermission shows a RAM
    // caller only clusters where it is admin), so RBAC is left to check by hand, not a reason.
    expect(item(plan, DEMO.clusters.logisticsDev).reasons.join()).toMatch(/caller\.kmsCryptoAdmin/);
    expect(item(plan, DEMO.clusters.logisticsDev).reasons.join()).not.toMatch(/clusterRbac/);
    expect(item(plan, DEMO.clusters.pendingDeletionKeyInUse).reasons).toEqual([
      expect.stringContaining(
        `key change: the key in use (${DEMO.keys.pendingDeletion}) is Pending deletion`,
      ),
    ]);
    expect(item(plan, DEMO.clusters.happy).checklist).toMatchObject({ ready: true, fail: 0 });
    // Saved, with a schema version.
    const file = JSON.parse(readFileSync(`${h.dataDir}/batches/${plan.batchId}.json`, 'utf8')) as {
      schema: number;
      batch: BatchView;
    };
    expect(file.schema).toBe(1);
    expect(file.batch.items).toHaveLength(14);
    expect((await h.batches.list()).batches.map((b) => b.batchId)).toEqual([plan.batchId]);

    // Narrowed: one account and region, only clusters not encrypted.
    const narrow = await h.batches.plan({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: {
        accountIds: [ACCOUNT_IDS.retail],
        regionIds: ['cn-hangzhou'],
        onlyNotEncrypted: true,
      },
    });
    expect(narrow.items.filter((i) => i.status === 'ready').map((i) => i.clusterId)).toEqual([
      DEMO.clusters.happy,
    ]);
    expect(item(narrow, DEMO.clusters.encrypted).reasons).toEqual([
      `already encrypted (with ${DEMO.keys.protectedInUse}); the plan covers only clusters not encrypted`,
    ]);
    expect(narrow.items.every((i) => i.accountId === ACCOUNT_IDS.retail)).toBe(true);
    expect(narrow.items.every((i) => i.regionId === 'cn-hangzhou')).toBe(true);
    expect(journal.bind(null, h)).toThrow(); // planning changes nothing
  });

  it('a plan naming the key by alias: resolved per cluster, applied with the key id', async () => {
    const h = harness();
    const plan = await h.batches.plan({
      action: 'enable',
      keyId: 'alias/ack-secrets-hz',
      scope: { clusterIds: [DEMO.clusters.happy, DEMO.clusters.encrypted] },
    });
    expect(item(plan, DEMO.clusters.happy)).toMatchObject({
      status: 'ready',
      keyId: DEMO.keys.valid,
    });
    // The encrypted cluster's key is another one: a key change, also resolved.
    expect(item(plan, DEMO.clusters.encrypted).keyId).toBe(DEMO.keys.valid);
    // The cloud refuses an alias: the apply sends each cluster's resolved key id.
    await h.batches.apply({ batchId: plan.batchId });
    const final = await h.batches.settled(plan.batchId);
    expect(final, JSON.stringify(final.items.map((i) => i.error))).toMatchObject({
      state: 'ended',
      result: 'succeeded',
    });
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption?.keyId).toBe(DEMO.keys.valid);

    // Planned again, the alias names the key the cluster now has: left out by the plan rule.
    const again = await h.batches.plan({
      action: 'enable',
      keyId: 'alias/ack-secrets-hz',
      scope: { clusterIds: [DEMO.clusters.happy] },
    });
    expect(item(again, DEMO.clusters.happy)).toMatchObject({
      status: 'skipped',
      reasons: ['already encrypted with this key'],
    });
  });

  it('applies across a restart: every eligible cluster encrypted, nothing started twice', async () => {
    const first = harness();
    const plan = await first.batches.plan({ action: 'enable', keyId: DEMO.keys.valid, scope: {} });
    await first.batches.apply({ batchId: plan.batchId, concurrency: 2 });
    // Stop the process once two changes are under way in the cloud.
    await until(
      () => (first.batchProgress.at(-1)?.items.filter((i) => i.operationId).length ?? 0) >= 2,
    );
    await first.dispose();
    harnesses.splice(harnesses.indexOf(first), 1);
    const left = JSON.parse(
      readFileSync(`${first.dataDir}/batches/${plan.batchId}.json`, 'utf8'),
    ) as { batch: BatchView };
    expect(left.batch.state).toBe('applying');
    expect(left.batch.items.some((i) => i.state === 'running' && i.operationId)).toBe(true);
    expect(left.batch.items.some((i) => i.state === 'pending')).toBe(true);

    const second = harness(first.dataDir);
    expect(await second.batches.resume()).toBe(1);
    const final = await second.batches.settled(plan.batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'succeeded' });
    for (const clusterId of ELIGIBLE) {
      expect(item(final, clusterId)).toMatchObject({ state: 'succeeded', outcome: 'succeeded' });
      expect(sim.control.cluster(clusterId)?.encryption).toMatchObject({
        keyId: DEMO.keys.valid,
        disabled: false,
      });
    }
    for (const skipped of final.items.filter((i) => i.status === 'skipped')) {
      expect(skipped.state).toBe('skipped');
      expect(skipped.reasons.length).toBeGreaterThan(0);
      expect(skipped.operationId).toBeNull();
    }
    // One intent per eligible cluster, none for the others; every change ended.
    expect(intents(second).sort()).toEqual([...ELIGIBLE].sort());
    expect(journal(second).filter((r) => r.type === 'ended')).toHaveLength(3);
    // Audit: applied once (before the restart) and ended once (after it).
    const { entries } = await second.audit.list({ action: 'batch.apply', order: 'oldest-first' });
    expect(entries.map((e) => [e.phase, e.result, e.operationId, e.accountId])).toEqual([
      ['requested', 'accepted', plan.batchId, ACCOUNT_IDS.retail],
      ['ended', 'succeeded', plan.batchId, ACCOUNT_IDS.retail],
    ]);
  });

  it('pauses (running changes go on, nothing new starts), resumes, then cancels', async () => {
    const h = harness();
    const plan = await h.batches.plan({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: { accountIds: [ACCOUNT_IDS.retail], regionIds: ['cn-hangzhou'] },
    });
    expect(plan.counts.ready).toBe(3);
    await h.batches.apply({ batchId: plan.batchId, concurrency: 1 });
    await until(
      () => !!h.batchProgress.at(-1)?.items.some((i) => i.state === 'running' && i.operationId),
    );
    expect((await h.batches.pause(plan.batchId)).state).toBe('paused');
    const paused = await h.batches.settled(plan.batchId);
    expect(paused.state).toBe('paused');
    expect(paused.counts).toMatchObject({ succeeded: 1, pending: 2, running: 0 });
    expect(intents(h)).toHaveLength(1);

    await h.batches.apply({ batchId: plan.batchId });
    await until(
      () => !!h.batchProgress.at(-1)?.items.some((i) => i.state === 'running' && i.operationId),
    );
    const cancelling = await h.batches.cancel(plan.batchId);
    expect(cancelling).toMatchObject({ state: 'cancelling' });
    expect(cancelling.counts).toMatchObject({ succeeded: 1, running: 1, cancelled: 1 });
    const final = await h.batches.settled(plan.batchId);
    expect(final).toMatchObject({ state: 'ended', result: 'cancelled' });
    expect(final.counts).toMatchObject({ succeeded: 2, cancelled: 1 });
    expect(intents(h)).toHaveLength(2);
    for (const cancelled of final.items.filter((i) => i.state === 'cancelled')) {
      expect(cancelled.operationId).toBeNull();
      expect(sim.control.cluster(cancelled.clusterId)?.encryption?.keyId).not.toBe(DEMO.keys.valid);
    }
    const { entries } = await h.audit.list({ action: 'batch.apply', order: 'oldest-first' });
    expect(entries.map((e) => [e.phase, e.result])).toEqual([
      ['requested', 'accepted'],
      ['ended', 'cancelled'],
    ]);
    expect(entries[1]!.error?.code).toBe('BatchCancelled');
  });

  it('waits out the 5-minute cooldown between two changes of a cluster', async () => {
    // Slower here, so that the plan surely sees the cooldown (1 s) that the first change leaves.
    await sim.stop();
    sim = await startSimulator({ fixture: 'demo', timeScale: 300 });
    const h = harness(undefined, 300);
    const enable = await h.batches.plan({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: { clusterIds: [DEMO.clusters.happy] },
    });
    await h.batches.apply({ batchId: enable.batchId });
    expect((await h.batches.settled(enable.batchId)).result).toBe('succeeded');

    // Right after the change ended: the plan keeps it ready, saying it will wait.
    const disable = await h.batches.plan({
      action: 'disable',
      scope: { clusterIds: [DEMO.clusters.happy] },
    });
    const planned = item(disable, DEMO.clusters.happy);
    expect(planned.status).toBe('ready');
    expect(planned.notes.join()).toMatch(/waits for the cooldown/);
    const t0 = Date.now();
    await h.batches.apply({ batchId: disable.batchId });
    await until(() => !!h.batchProgress.at(-1)?.items[0]?.waitingUntil);
    const final = await h.batches.settled(disable.batchId);
    expect(item(final, DEMO.clusters.happy)).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(Date.now() - t0).toBeGreaterThan(500);
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption?.disabled).toBe(true);
    // Refused by our checklist (never by the cloud): one intent per change, no rejection.
    expect(intents(h)).toEqual([DEMO.clusters.happy, DEMO.clusters.happy]);
    expect(journal(h).filter((r) => r.outcome === 'rejected')).toHaveLength(0);
  });
});
