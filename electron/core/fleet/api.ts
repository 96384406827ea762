// The fleet slice of the contract: snapshot, refresh, one cluster by id, keys, and the checklist.
import type { CoreApi } from '../../contract';
import type { ClusterSummary } from '../../contract/types/fleet';
import { runChecklist } from '../checks/run';
import type { CoreContext } from '../context';
import type { Clock } from '../util/clock';
import { peerAccounts } from './directory';
import type { AccountDirectory } from './directory';
import { listKeys } from '../keys/inventory';
import { findClusterById } from './lookup';
import { FleetService } from './service';

export interface FleetHooks {
  /** When our journal last saw an encryption change of the cluster end (operations domain). */
  lastChangeEndedAt?: (clusterId: string) => Promise<number | null>;
  /** The account's cloud clock (the simulated cloud's cooldown passes faster). */
  clockFor?: (accountId: string) => Clock;
}

type FleetApi = Pick<
  CoreApi,
  'fleet.snapshot' | 'fleet.refresh' | 'fleet.cluster' | 'keys.list' | 'checks.run'
>;

export function createFleetApi(
  ctx: CoreContext,
  directory: AccountDirectory,
  hooks: FleetHooks = {},
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
    'checks.run': async ({ clusterId, action, keyId, accountId }) => {
      const cluster = await locate(clusterId, accountId);
      return runChecklist({
        session: await directory.sessionFor(cluster.accountId),
        accountId: cluster.accountId,
        clusterId,
        regionId: cluster.regionId,
        action,
        keyId: keyId ?? null,
        now: ctx.now(),
        ...(hooks.clockFor ? { cloudClock: hooks.clockFor(cluster.accountId) } : {}),
        lastChangeEndedAt: (await hooks.lastChangeEndedAt?.(clusterId)) ?? null,
        peers: peerAccounts(directory, cluster.accountId),
      });
    },
  };
  return { api, fleet, locate };
}
