// The batch slice of the contract: plan, apply, pause, cancel, get, list.
import type { CoreApi } from '../../contract';
import type { BatchScope } from '../../contract/types/batch';
import type { ClusterSummary, FleetFailure } from '../../contract/types/fleet';
import type { CoreContext } from '../context';
import type { FleetService } from '../fleet/service';
import { actingWithin } from '../fleet/merge';
import { BatchService } from './service';
import type { BatchDeps, BatchOptions } from './service';

type BatchApi = Pick<
  CoreApi,
  'batch.plan' | 'batch.apply' | 'batch.pause' | 'batch.cancel' | 'batch.get' | 'batch.list'
>;

/** The fleet as a plan sees it: listed afresh for the scope's accounts and regions. */
export function clustersFromFleet(
  fleet: Pick<FleetService, 'refresh'>,
): (scope: BatchScope) => Promise<{ clusters: ClusterSummary[]; failures: FleetFailure[] }> {
  return async (scope) => {
    const snapshot = await fleet.refresh({
      ...(scope.accountIds ? { accountIds: scope.accountIds } : {}),
      ...(scope.regionIds ? { regionIds: scope.regionIds } : {}),
    });
    const { accountIds } = scope;
    return {
      clusters: accountIds
        ? snapshot.clusters.map((c) => actingWithin(c, accountIds))
        : snapshot.clusters,
      failures: snapshot.failures,
    };
  };
}

export function createBatchApi(
  ctx: CoreContext,
  deps: BatchDeps,
  options: BatchOptions = {},
): { api: BatchApi; service: BatchService } {
  const batches = new BatchService(ctx, deps, options);
  ctx.onDispose(() => batches.dispose());
  const api: BatchApi = {
    'batch.plan': ({ action, keyId, keys, keyChoice, scope }) =>
      batches.plan({ action, keyId, keys, keyChoice, scope }),
    'batch.apply': ({ batchId, concurrency }) => batches.apply({ batchId, concurrency }),
    'batch.pause': ({ batchId }) => batches.pause(batchId),
    'batch.cancel': ({ batchId }) => batches.cancel(batchId),
    'batch.get': ({ batchId }) => batches.get(batchId),
    'batch.list': () => batches.list(),
  };
  return { api, service: batches };
}
