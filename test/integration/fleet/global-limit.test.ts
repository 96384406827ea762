// A fleet refresh through the official SDKs against the simulator, with the overall limit the
// refresh derives from its accounts and drives by the event loop (cloud/global-limit.ts). The
// loop's delay is a made-up sampler and the clock a counter, so what the governor decides does
// not depend on this machine's speed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { MIN_FLOOR } from '../../../electron/core/cloud/global-limit';
import type { LoopDelaySampler } from '../../../electron/core/cloud/global-limit';
import { CloudLimits } from '../../../electron/core/cloud/session';
import { Inventory } from '../../../electron/core/fleet/inventory';
import { simDirectory } from '../../support/sim-directory';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.control.reset();
  sim.control.clearFaults();
});

/** A loop that is always this late, and a clock that moves a sampling period per look. */
function loopOf(delayMs: number) {
  let t = 0;
  const sampler: LoopDelaySampler = { start() {}, stop() {}, read: () => delayMs };
  return { sampler, now: () => (t += 100) };
}

async function refreshWith(limits: CloudLimits) {
  const limitSeen: number[] = [];
  const directory = simDirectory(sim, {
    limits,
    // Called while the call still holds its slots: the limit in force for it.
    onCall: () => void limitSeen.push(limits.global.limit),
  });
  const result = await new Inventory(directory).refresh();
  return { result, limitSeen };
}

describe('the overall limit during a fleet refresh', () => {
  it('follows the accounts being refreshed and hands the configured limit back after', async () => {
    const limits = new CloudLimits(256, 4, loopOf(0));
    const { result, limitSeen } = await refreshWith(limits);
    expect(result.failures).toEqual([]);
    expect(result.clusters.length).toBeGreaterThan(0);
    // Three demo accounts (and the factory role's source session): never more than their share.
    expect(Math.max(...limitSeen)).toBeLessThanOrEqual(4 * (result.accountIds.length + 1));
    expect(limits.global.limit).toBe(256);
  });

  it('backs off to its floor while the loop is late, and still lists every cluster', async () => {
    const quiet = await refreshWith(new CloudLimits(256, 32, loopOf(0)));
    const limits = new CloudLimits(256, 32, loopOf(500));
    const late = await refreshWith(limits);
    expect(late.result.failures).toEqual([]);
    expect(late.result.clusters.map((c) => c.clusterId)).toEqual(
      quiet.result.clusters.map((c) => c.clusterId),
    );
    // Quiet: the limit stays at the accounts' share; late: it falls to the floor.
    expect(Math.min(...quiet.limitSeen)).toBeGreaterThan(MIN_FLOOR);
    expect(Math.min(...late.limitSeen)).toBe(MIN_FLOOR);
    expect(limits.global.limit).toBe(256);
  });
});
