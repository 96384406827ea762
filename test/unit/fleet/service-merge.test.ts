// The fleet service over a stored snapshot holding two saved accounts' rows of one uid: it
// serves one merged row, remembers the account picked to act through (a second service on the
// same folder, as after a restart, acts through it), and a change that ended refreshes the
// cluster's region for every account that lists it.
import { describe, expect, it, vi } from 'vitest';
import type { AccountDirectory, FleetAccount } from '../../../electron/core/accounts/directory';
import { FleetService } from '../../../electron/core/fleet/service';
import { SnapshotStore } from '../../../electron/core/fleet/snapshot-store';
import { cluster } from '../../support/summaries';
import { testContext } from '../../support/test-context';

const UID = '1000000000000002';
const accounts: FleetAccount[] = [
  { id: 'root', name: 'Root', regions: null, cloudAccountId: UID, identityType: 'Account' },
  { id: 'ram', name: 'RAM', regions: null, cloudAccountId: UID, identityType: 'RAMUser' },
];
const directory: AccountDirectory = {
  listAccounts: async () => accounts,
  sessionFor: async () => {
    throw new Error('no cloud in this test');
  },
};
const row = (accountId: string) =>
  cluster({ name: 'shared', accountId, accountName: accountId === 'ram' ? 'RAM' : 'Root' });

async function seeded() {
  const { ctx, dataDir } = testContext({ prefix: 'fleet-merge' });
  await new SnapshotStore(dataDir).save({
    fetchedAt: '2026-12-01T00:00:00.000Z',
    stale: false,
    includeAckPro: false,
    clusters: [row('root'), row('ram')],
    failures: [],
    listings: [],
  });
  return { ctx, dataDir, fleet: new FleetService(ctx, directory) };
}

describe('FleetService with two saved accounts of one uid', () => {
  it('serves one row, acting through the RAM user, noting both', async () => {
    const { fleet } = await seeded();
    const clusters = (await fleet.snapshot())!.clusters;
    expect(clusters.map((c) => [c.accountId, c.reachableVia?.map((r) => r.accountId)])).toEqual([
      ['ram', ['ram', 'root']],
    ]);
    // locate through the other account acts through it; through neither, the cloud is asked.
    expect((await fleet.locate('c-shared', 'root')).accountId).toBe('root');
  });

  it('remembers the account picked, across a restart', async () => {
    const { ctx, dataDir, fleet } = await seeded();
    const updated = vi.fn();
    ctx.events.on('fleet.updated', updated);
    expect((await fleet.actThrough('c-shared', 'root')).accountId).toBe('root');
    expect(updated).toHaveBeenCalledOnce();
    await expect(fleet.actThrough('c-shared', 'nobody')).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(fleet.actThrough('c-none', 'root')).rejects.toMatchObject({ code: 'not-found' });
    const again = new FleetService(testContext({ dataDir }).ctx, directory);
    expect((await again.snapshot())!.clusters.map((c) => c.accountId)).toEqual(['root']);
  });

  it('a change that ended refreshes the region for every account that lists the cluster', async () => {
    const { fleet } = await seeded();
    await fleet.snapshot();
    const soon = vi.spyOn(fleet, 'refreshSoon').mockImplementation(() => undefined);
    fleet.changeEnded({
      outcome: 'succeeded',
      accountId: 'root',
      regionId: 'cn-hangzhou',
      clusterId: 'c-shared',
    });
    expect(soon.mock.calls.map((c) => c[0]).sort()).toEqual(['ram', 'root']);
  });

  it('a poll that saw the cluster change updates every account’s row of it', async () => {
    const { fleet } = await seeded();
    const seen = { ...(await fleet.findCluster('c-shared'))! };
    seen.encryption = { posture: 'encrypted', enabled: true, keyId: 'key-1' };
    await fleet.updateCluster(seen);
    expect((await fleet.actThrough('c-shared', 'root')).encryption.keyId).toBe('key-1');
  });
});
