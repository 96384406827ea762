// The "cluster running" check after a failed change: the simulator leaves `updating_failed`
// (docs/alibaba-cloud-api.md §4.1), and the check says what that means and what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { runChecklist } from '../../../electron/core/checks/run';
import { updateKmsEncryption } from '../../../electron/core/cloud/cs-encryption';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
});
afterAll(async () => {
  await sim.stop();
});

describe('cluster.state after a failed change', () => {
  it('fails with the updating_failed state and a hint about the failed update', async () => {
    const session = await simDirectory(sim).sessionFor(ACCOUNT_IDS.retail);
    sim.control.addFault({ kind: 'failUpdate', clusterId: DEMO.clusters.happy });
    await updateKmsEncryption(session, 'cn-hangzhou', DEMO.clusters.happy, {
      kind: 'enable',
      keyId: DEMO.keys.valid,
    });
    sim.control.advance(700);
    const list = await runChecklist({
      session,
      accountId: ACCOUNT_IDS.retail,
      clusterId: DEMO.clusters.happy,
      regionId: 'cn-hangzhou',
      action: 'enable',
      keyId: DEMO.keys.valid,
      now: Date.now(),
    });
    const state = list.checks.find((c) => c.id === 'cluster.state')!;
    expect(state).toMatchObject({ status: 'fail', evidence: { state: 'updating_failed' } });
    expect(state.fix?.hint).toMatch(/last update of the cluster failed/);
  });
});
