// Turning encryption off needs the cluster's key to decrypt every Secret: with the key disabled
// or pending deletion the checklist fails and offers the key fix first (never "choose another
// key", which does not apply to a disable); with the key Enabled it only warns to keep it so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { runChecklist } from '../../../electron/core/checks/run';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
});
afterAll(async () => sim.stop());

async function keyState(clusterId: string, regionId: string) {
  const session = await simDirectory(sim).sessionFor(ACCOUNT_IDS.retail);
  const list = await runChecklist({
    session,
    accountId: ACCOUNT_IDS.retail,
    clusterId,
    regionId,
    action: 'disable',
    keyId: null,
    now: Date.now(),
  });
  return { ready: list.ready, check: list.checks.find((c) => c.id === 'key.state')! };
}

describe('key.state before a disable', () => {
  it('fails for a key pending deletion and offers to cancel the deletion', async () => {
    const { ready, check } = await keyState(DEMO.clusters.pendingDeletionKeyInUse, 'cn-hangzhou');
    expect(ready).toBe(false);
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(/Cancel the key deletion first/);
    expect(check.fix).toMatchObject({ action: 'cancel-key-deletion' });
    expect(check.fix?.hint).not.toMatch(/another key/);
  });

  it('fails for a disabled key and offers to enable it', async () => {
    const { check } = await keyState(DEMO.clusters.disabledKeyInUse, 'cn-beijing');
    expect(check.status).toBe('fail');
    expect(check.fix).toMatchObject({ action: 'enable-key' });
  });

  it('passes when the key is Enabled (a healthy state is never a warning)', async () => {
    const { check } = await keyState(DEMO.clusters.encrypted, 'cn-hangzhou');
    expect(check.status).toBe('pass');
    expect(check.summary).toMatch(/^The key is Enabled\. Keep it enabled/);
  });
});
