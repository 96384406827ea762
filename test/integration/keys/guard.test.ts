// The key guard against the simulator over the official SDK: one sweep finds every finding with
// the clusters affected and who did it (ActionTrail, a named RAM user), each fix works, is
// audited and idempotent, and the user is told once per new critical finding, across restarts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import type { KeyCriticalFound, KeyFinding, KeyHealthReport } from '../../../electron/contract';
import { ACCOUNT_IDS } from '../../support/sim-directory';
import { INSTANCE_CLUSTER, INSTANCE_KEY, OPERATOR, guardFixture, guardHarness } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: guardFixture(), port: 0 });
});
beforeEach(() => {
  sim.control.reset();
});
afterAll(async () => sim?.stop());

const find = (report: KeyHealthReport, kind: KeyFinding['kind'], keyId: string) =>
  report.findings.find((f) => f.kind === kind && f.keyId === keyId);

describe('one sweep', () => {
  it('finds every finding with its clusters, severity, fix and who did it', async () => {
    // Someone else, in the console: disables one key in use and schedules another's deletion.
    sim.control.keyChange(DEMO.keys.protectedInUse, { action: 'DisableKey', as: OPERATOR });
    sim.control.keyChange(DEMO.keys.cooldownInUse, {
      action: 'SetDeletionProtection',
      as: OPERATOR,
      enableDeletionProtection: false,
    });
    sim.control.keyChange(DEMO.keys.cooldownInUse, {
      action: 'ScheduleKeyDeletion',
      as: OPERATOR,
      pendingWindowInDays: 10,
    });
    sim.control.advance(120); // past ActionTrail's delivery delay
    const h = guardHarness(sim);
    await h.fleet.refresh({ accountIds: [ACCOUNT_IDS.retail] });
    const report = await h.guard.sweep();

    const disabled = find(report, 'key-disabled', DEMO.keys.protectedInUse)!;
    expect(disabled.severity).toBe('critical');
    expect(disabled.clusters.map((c) => c.clusterId)).toEqual([DEMO.clusters.encrypted]);
    expect(disabled.fix.action).toBe('enable-key');
    expect(disabled.whoDidIt).toMatchObject({
      status: 'found',
      actor: { userName: OPERATOR, type: 'ram-user', eventName: 'DisableKey' },
    });

    const pending = find(report, 'key-pending-deletion', DEMO.keys.cooldownInUse)!;
    expect(pending.severity).toBe('critical');
    expect(pending.clusters.map((c) => c.clusterId)).toEqual([DEMO.clusters.cooldown]);
    const expected = sim.control.key(DEMO.keys.cooldownInUse)!.deleteDate!;
    expect(Date.parse(pending.deleteDate!)).toBe(Math.floor(expected / 1000) * 1000);
    expect(pending.fix.action).toBe('cancel-key-deletion');
    expect(pending.whoDidIt?.actor?.userName).toBe(OPERATOR);
    expect(pending.whoDidIt?.actor?.eventName).toBe('ScheduleKeyDeletion');

    // The fixture's own broken keys: disabled in Beijing, pending deletion in Hangzhou.
    expect(find(report, 'key-disabled', DEMO.keys.disabledInUse)?.clusters[0]?.clusterId).toBe(
      DEMO.clusters.disabledKeyInUse,
    );
    expect(find(report, 'key-pending-deletion', DEMO.keys.pendingDeletion)).toBeDefined();
    // Warnings: protection off; the KMS instance expires in 10 days.
    expect(find(report, 'deletion-protection-off', DEMO.keys.disabledInUse)?.severity).toBe(
      'warning',
    );
    const instance = find(report, 'kms-instance-expiring', INSTANCE_KEY)!;
    expect(instance.clusters.map((c) => c.clusterId)).toEqual([INSTANCE_CLUSTER]);
    expect(instance.kmsInstanceEndDate).not.toBeNull();
    // Blast radius: every key in use, each with its clusters.
    expect(report.keys.find((k) => k.keyId === DEMO.keys.protectedInUse)?.clusters).toHaveLength(1);
    expect(report.critical).toBe(report.findings.filter((f) => f.severity === 'critical').length);
    expect(report.findings[0]!.severity).toBe('critical');
  });
});

describe('fixes', () => {
  it('cancel the deletion, enable, protect: each works, is audited and changes nothing twice', async () => {
    const h = guardHarness(sim);
    await h.fleet.refresh({ accountIds: [ACCOUNT_IDS.retail] });
    const input = {
      accountId: ACCOUNT_IDS.retail,
      regionId: 'cn-hangzhou',
      keyId: DEMO.keys.pendingDeletion,
    };
    const first = await h.guard.fix({ ...input, action: 'cancel-key-deletion' });
    expect(first.changed).toBe(true);
    expect(sim.control.key(DEMO.keys.pendingDeletion)?.state).toBe('Enabled');
    const calls = sim.control.requestCount('kms/CancelKeyDeletion');
    const again = await h.guard.fix({ ...input, action: 'cancel-key-deletion' });
    expect(again.changed).toBe(false);
    expect(sim.control.requestCount('kms/CancelKeyDeletion')).toBe(calls);

    const protect = await h.guard.fix({ ...input, action: 'enable-deletion-protection' });
    expect(protect.changed).toBe(true);
    expect(sim.control.key(DEMO.keys.pendingDeletion)?.deletionProtection).toBe('Enabled');

    const enable = await h.guard.fix({
      accountId: ACCOUNT_IDS.retail,
      regionId: 'cn-beijing',
      keyId: DEMO.keys.disabledInUse,
      action: 'enable-key',
    });
    expect(enable.changed).toBe(true);
    expect(sim.control.key(DEMO.keys.disabledInUse)?.state).toBe('Enabled');

    // Enabling a key pending deletion is refused with what to do instead; nothing is sent.
    sim.control.keyChange(DEMO.keys.valid, { action: 'ScheduleKeyDeletion' });
    const enables = sim.control.requestCount('kms/EnableKey');
    const refused: unknown = await h.guard
      .fix({ ...input, keyId: DEMO.keys.valid, action: 'enable-key' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/cancel the deletion instead/);
    // The same refusal as a catalog message, for the window's and the CLI's language.
    expect(refused).toMatchObject({ msg: { key: 'key.fix.refuse.pendingEnable' } });
    expect(sim.control.requestCount('kms/EnableKey')).toBe(enables);

    const { entries } = await h.log.list({ order: 'oldest-first' });
    expect(entries.map((e) => [e.action, e.result, e.keyId])).toEqual([
      ['fix.cancelKeyDeletion', 'succeeded', DEMO.keys.pendingDeletion],
      ['fix.cancelKeyDeletion', 'succeeded', DEMO.keys.pendingDeletion],
      ['fix.enableDeletionProtection', 'succeeded', DEMO.keys.pendingDeletion],
      ['fix.enableKey', 'succeeded', DEMO.keys.disabledInUse],
      ['fix.enableKey', 'failed', DEMO.keys.valid],
    ]);
  });
});

describe('telling the user', () => {
  it('sends keys.critical once per new critical finding, remembered across restarts', async () => {
    const first = guardHarness(sim);
    await first.fleet.refresh({ accountIds: [ACCOUNT_IDS.retail] });
    await first.guard.sweep();
    await first.guard.sweep();
    const told = (h: ReturnType<typeof guardHarness>) =>
      h.events
        .filter((e) => e.name === 'keys.critical')
        .flatMap((e) => (e.payload as KeyCriticalFound).findings.map((f) => f.kind + f.keyId));
    const initial = told(first);
    expect(initial.sort()).toEqual(
      [
        `key-disabled${DEMO.keys.disabledInUse}`,
        `key-pending-deletion${DEMO.keys.pendingDeletion}`,
      ].sort(),
    );
    expect(first.events.filter((e) => e.name === 'keys.report')).toHaveLength(2);

    // A restart on the same data folder: still broken, not news.
    const second = guardHarness(sim, first.dir);
    await second.guard.sweep();
    expect(told(second)).toEqual([]);

    // Someone disables another key: that one is news, once.
    sim.control.keyChange(DEMO.keys.protectedInUse, { action: 'DisableKey', as: OPERATOR });
    await second.guard.sweep();
    await second.guard.sweep();
    expect(told(second)).toEqual([`key-disabled${DEMO.keys.protectedInUse}`]);

    // Fixed, then broken again: news again.
    sim.control.keyChange(DEMO.keys.protectedInUse, { action: 'EnableKey' });
    await second.guard.sweep();
    sim.control.keyChange(DEMO.keys.protectedInUse, { action: 'DisableKey', as: OPERATOR });
    await second.guard.sweep();
    expect(told(second)).toEqual([
      `key-disabled${DEMO.keys.protectedInUse}`,
      `key-disabled${DEMO.keys.protectedInUse}`,
    ]);
  });
});
