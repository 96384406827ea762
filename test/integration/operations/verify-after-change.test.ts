// A change followed to its end, then proven from ActionTrail: the whole path the app takes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { createVerifyApi } from '../../../electron/core/verify/api';
import { scaledClock } from '../../../electron/core/util/clock';
import { operationsHarness } from '../../support/operations-harness';
import type { Harness } from '../../support/operations-harness';
import { simDirectory } from '../../support/sim-directory';

const SCALE = 200;
let sim: Simulator;
let h: Harness;

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  h = operationsHarness(sim, { timeScale: SCALE });
});
afterEach(async () => {
  await h.dispose();
  await sim.stop();
});

function verifier() {
  return createVerifyApi({
    directory: simDirectory(sim),
    locate: async (clusterId) => (await h.fleet.findCluster(clusterId))!,
    operations: h.operations,
    clockFor: () => scaledClock(SCALE, () => sim.control.now()),
  });
}

/**
 * Jumps the simulated cloud's clock forward. The journal keeps the cloud's own times, so the
 * proof still finds the change after a jump.
 */
const simulatedMinutes = (minutes: number) => sim.control.advance(minutes * 60);

describe('proof after a change', () => {
  it('enable: verified once ActionTrail shows the role using the key', async () => {
    const op = await h.operations.start({
      clusterId: DEMO.clusters.happy,
      action: 'enable',
      keyId: DEMO.keys.valid,
    });
    // Before the change has ended there is nothing to prove yet.
    expect(
      (await verifier().api['verify.run']({ clusterId: DEMO.clusters.happy })).result.status,
    ).toBe('pending');
    expect((await h.operations.waitFor(op.operationId)).outcome).toBe('succeeded');
    simulatedMinutes(3); // ActionTrail's delay, and the KMS plugin at work
    const later = await verifier().api['verify.run']({ clusterId: DEMO.clusters.happy });
    expect(later.result, later.result.summary).toMatchObject({
      status: 'verified',
      keyId: DEMO.keys.valid,
      action: 'enable',
    });
    expect(later.result.changeEvent?.requestId).toBe(op.requestId);
    expect(later.result.kmsEvents.length).toBeGreaterThan(0);
    expect(later.receipt.json).toMatchObject({
      cluster: { id: DEMO.clusters.happy },
      keyId: DEMO.keys.valid,
    });
    expect(later.receipt.text).toContain(DEMO.clusters.happy);
  });

  it('disable: verified once the role has stopped using the key', async () => {
    const op = await h.operations.start({ clusterId: DEMO.clusters.encrypted, action: 'disable' });
    expect((await h.operations.waitFor(op.operationId)).outcome).toBe('succeeded');
    simulatedMinutes(16); // 5 minutes of grace, then ActionTrail's lag
    const report = await verifier().api['verify.run']({ clusterId: DEMO.clusters.encrypted });
    expect(report.result, report.result.summary).toMatchObject({
      status: 'verified',
      action: 'disable',
      keyId: DEMO.keys.protectedInUse,
    });
  });
});
