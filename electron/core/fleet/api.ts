// The fleet slice of the contract: snapshot, refresh, one cluster by id, keys.
import type { CoreApi } from '../../contract';
import { reaches } from '../../contract';
import type { CoreContext } from '../context';
import type { AccountDirectory } from '../accounts/directory';
import { soleRecommendedKey } from '../../contract/key-recommendation';
import { listKeys } from '../keys/inventory';
import { FleetService } from './service';
import { SnapshotPages } from './snapshot-pages';

type FleetApi = Pick<
  CoreApi,
  | 'fleet.snapshot'
  | 'fleet.snapshotPage'
  | 'fleet.refresh'
  | 'fleet.cluster'
  | 'fleet.actThrough'
  | 'keys.list'
>;

export function createFleetApi(
  ctx: CoreContext,
  directory: AccountDirectory,
): { api: FleetApi; service: FleetService } {
  const fleet = new FleetService(ctx, directory);
  ctx.onDispose(() => fleet.cancelPending());
  const { locate } = fleet;
  const pages = new SnapshotPages();

  const api: FleetApi = {
    'fleet.snapshot': () => fleet.snapshot(),
    'fleet.snapshotPage': async (input) => pages.page(await fleet.snapshot(), input),
    // The reply names the new snapshot and counts it; the window reads it in pages (once).
    'fleet.refresh': async (input) => {
      const snapshot = await fleet.refresh(input);
      return {
        generation: pages.generationOf(snapshot),
        fetchedAt: snapshot.fetchedAt,
        clusters: snapshot.clusters.length,
        failures: snapshot.failures.length,
      };
    },
    'fleet.cluster': ({ clusterId, accountId }) => locate(clusterId, accountId),
    'fleet.actThrough': ({ clusterId, accountId }) => fleet.actThrough(clusterId, accountId),
    'keys.list': async ({ accountId, regionId }) => {
      const session = await directory.sessionFor(accountId);
      const usedBy = new Map<string, string[]>();
      for (const c of (await fleet.snapshot())?.clusters ?? []) {
        if (!reaches(c, accountId) || !c.encryption.keyId) continue;
        usedBy.set(c.encryption.keyId, [...(usedBy.get(c.encryption.keyId) ?? []), c.clusterId]);
      }
      const keys = await listKeys(session, regionId, usedBy);
      return { accountId, regionId, keys, recommendedKeyId: soleRecommendedKey(keys) };
    },
  };
  return { api, service: fleet };
}
