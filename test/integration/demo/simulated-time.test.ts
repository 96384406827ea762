// The demo's key findings say their clock (core/util/clock.ts, the rule for shown times): the
// deletion date is the simulated cloud's, so the finding carries that clock, read at the sweep,
// and the window labels the date and counts down on it. Core and simulator over HTTP.
import { afterEach, expect, it } from 'vitest';
import { DEMO_TIME_SCALE, demoOf } from '../../../electron/core/demo';
import type { Core } from '../../../electron/core/service';
import { DEMO } from '../../../simulator';
import { makeCore } from '../accounts/helpers';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

it('a demo key finding carries the simulated clock its dates are written in', async () => {
  const core = makeCore();
  cores.push(core);
  await core.api['demo.start']({});
  await core.api['fleet.refresh']({});
  const sim = demoOf(core.context).sim!;
  sim.control.advance(3 * 3600); // the simulated clock well ahead of the wall clock
  const before = Date.now();
  const report = await core.api['keys.health']({});
  const pending = report.findings.find(
    (f) => f.kind === 'key-pending-deletion' && f.keyId === DEMO.keys.pendingDeletion,
  )!;
  expect(pending.deleteDate).not.toBeNull();
  const clock = pending.simulatedClock!;
  expect(clock.scale).toBe(DEMO_TIME_SCALE);
  expect(Date.parse(clock.realAt)).toBeGreaterThanOrEqual(before);
  // Read from the simulator: hours ahead of the wall clock at the same moment.
  expect(Date.parse(clock.cloudNow) - Date.parse(clock.realAt)).toBeGreaterThan(2.9 * 3600_000);
  expect(Date.parse(clock.cloudNow)).toBeLessThanOrEqual(sim.control.now());
});
