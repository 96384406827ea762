// The composed core, room to room: the fleet's checklist (checks.run) counts the cooldown from
// the operations journal. createCore wires the journal's reader into the fleet before the
// operations room exists; were that wire cut, the checklist would pass a cluster whose last
// change ended a minute ago. The demo room brings the simulated cloud and its accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/operations/journal';
import type { Core } from '../../../electron/core/service';
import { realClock } from '../../../electron/core/util/clock';
import { DEMO } from '../../../simulator';
import { makeCore } from '../accounts/helpers';
import { MemorySecretStore, tempDir } from '../../unit/accounts/fakes';

let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('ack-sg-wiring-');
  // Real time for every account: the 5-minute cooldown is not scaled down for the demo.
  core = makeCore({
    dataDir,
    clockFor: () => realClock,
    accounts: { secretStore: new MemorySecretStore() },
  });
  await core.api['demo.start']({});
});
afterAll(() => core.dispose());

const cooldownOf = async () =>
  (
    await core.api['checks.run']({
      clusterId: DEMO.clusters.happy,
      action: 'enable',
      keyId: DEMO.keys.valid,
    })
  ).checks.find((c) => c.id === 'cluster.cooldown');

describe('the composed core', () => {
  it("counts a cluster's cooldown from the change our journal saw end", async () => {
    expect((await cooldownOf())?.status).toBe('pass');
    const cluster = await core.api['fleet.cluster']({ clusterId: DEMO.clusters.happy });
    const journal = new Journal(dataDir);
    const at = Date.now() - 60_000;
    await journal.append({
      v: 1,
      type: 'intent',
      opId: 'op-earlier',
      at: at - 600_000,
      accountId: cluster.accountId,
      accountName: cluster.accountName,
      clusterId: cluster.clusterId,
      clusterName: cluster.name,
      regionId: cluster.regionId,
      action: 'disable',
      keyId: null,
    });
    await journal.append({
      v: 1,
      type: 'ended',
      opId: 'op-earlier',
      at,
      outcome: 'succeeded',
      clusterState: 'running',
      error: null,
    });
    const cooldown = await cooldownOf();
    expect(cooldown?.status).toBe('fail');
    expect(cooldown?.evidence).toMatchObject({
      source: 'journal',
      lastChangeEndedAt: new Date(at).toISOString(),
    });
  });
});
