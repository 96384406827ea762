// The fleet slice of the contract: snapshot, refresh, keys, and the checklist.
import { GuardError } from '../../contract';
import type { CoreApi } from '../../contract';
import type { ClusterSummary } from '../../contract/types/fleet';
import { runChecklist } from '../checks/run';
import type { CoreContext } from '../context';
import type { Clock } from '../util/clock';
import { peerAccounts } from './directory';
import type { AccountDirectory } from './directory';
import { listKeys } from './keys';
import { FleetService } from './service';

export interface FleetHooks {
  /** When our journal last saw an encryption change of the cluster end (operations domain). */
  lastChangeEndedAt?: (clusterId: string) => Promise<number | null>;
  /** The account's cloud clock (the simulated cloud's cooldown passes faster). */
  clockFor?: (accountId: string) => Clock;
}

type FleetApi = Pick<CoreApi, 'fleet.snapshot' | 'fleet.refresh' | 'keys.list' | 'checks.run'>;

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

  /** Finds a cluster in the snapshot; refreshes the named account once if it is not there. */
  async function locate(clusterId: string, accountId?: string): Promise<ClusterSummary> {
    let cluster = await fleet.findCluster(clusterId);
    if (!cluster && accountId) {
      await fleet.refresh({ accountIds: [accountId] });
      cluster = await fleet.findCluster(clusterId);
    }
    if (!cluster || (accountId && cluster.accountId !== accountId)) {
      throw new GuardError(
        'not-found',
        accountId
          ? `Cluster ${clusterId} was not found in the account's Edge Pro clusters.`
          : `Cluster ${clusterId} is not in the last fleet snapshot. Refresh the fleet, or name its account.`,
        { clusterId },
      );
    }
    return cluster;
  }

  const api: FleetApi = {
    'fleet.snapshot': () => fleet.snapshot(),
    'fleet.refresh': (input) => fleet.refresh(input),
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
