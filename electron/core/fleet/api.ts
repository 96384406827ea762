// The fleet slice of the contract: snapshot, refresh, one cluster by id, keys.
import type { CoreApi } from '../../contract';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { CoreContext } from '../context';
import type { AccountDirectory } from './directory';
import { listKeys } from '../keys/inventory';
import { findClusterById } from './lookup';
import { FleetService } from './service';

type FleetApi = Pick<CoreApi, 'fleet.snapshot' | 'fleet.refresh' | 'fleet.cluster' | 'keys.list'>;

export function createFleetApi(
  ctx: CoreContext,
  directory: AccountDirectory,
): {
  api: FleetApi;
  fleet: FleetService;
  locate: (clusterId: string, accountId?: string) => Promise<ClusterSummary>;
} {
  const fleet = new FleetService(ctx, directory);

  /**
   * Finds a cluster: in the last snapshot, else in the cloud by its id (the named account, or
   * every saved account). A cluster the fleet view leaves out (Basic, not Edge) is found too.
   */
  async function locate(clusterId: string, accountId?: string): Promise<ClusterSummary> {
    const known = await fleet.findCluster(clusterId);
    if (known && (!accountId || known.accountId === accountId)) return known;
    return findClusterById(directory, clusterId, accountId);
  }

  const api: FleetApi = {
    'fleet.snapshot': () => fleet.snapshot(),
    'fleet.refresh': (input) => fleet.refresh(input),
    'fleet.cluster': ({ clusterId, accountId }) => locate(clusterId, accountId),
    'keys.list': async ({ accountId, regionId }) => {
      const session = await directory.sessionFor(accountId);
      const usedBy = new Map<string, string[]>();
      for (const c of (await fleet.snapshot())?.clusters ?? []) {
        if (c.accountId !== accountId || !c.encryption.keyId) continue;
        usedBy.set(c.encryption.keyId, [...(usedBy.get(c.encryption.keyId) ?? []), c.clusterId]);
      }
      return { accountId, regionId, keys: await listKeys(session, regionId, usedBy) };
    },
  };
  return { api, fleet, locate };
}
