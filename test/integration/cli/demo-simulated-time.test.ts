// `keys health` over the demo accounts (saved by the window; the CLI's core restarts their
// simulator): the key dates are the simulated cloud's, so the text says "simulated time" and
// counts down on that clock (core/util/clock.ts). In-process over the real keychain.
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../../unit/accounts/fakes';
import { makeCore } from '../accounts/helpers';
import { runMain } from '../../support/cli-in-process';

const dataDir = tempDir('ack-sg-cli-demo-time-');
afterAll(async () => {
  const core = makeCore({ dataDir });
  await core.api['demo.stop']({}).catch(() => undefined);
  await core.dispose();
});

it('labels a demo key finding’s dates as simulated time', async () => {
  const window = makeCore({ dataDir });
  await window.api['demo.start']({});
  await window.api['fleet.refresh']({});
  await window.dispose(); // its simulator stops: the CLI's core starts one for the saved demo

  const health = await runMain(['--data-dir', dataDir, 'keys', 'health']);
  expect(health.code, health.err).toBe(5);
  const deleted = health.out.split('\n').find((l) => l.includes('deleted for good:')) ?? '';
  expect(deleted).toMatch(/\(in \d+d \d+h, simulated time\)$/);
});
