// The verify slice: prove a cluster's latest change from ActionTrail, with a receipt.
import { GuardError, message } from '../../contract';
import type { CoreApi } from '../../contract';
import type { VerifyReport } from '../../contract/types/verify';
import type { AccountDirectory } from '../accounts/directory';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { OperationsService } from '../operations/service';
import type { Clock } from '../util/clock';
import { receipt } from './receipt';
import { verifyEncryption } from './verify';

export interface VerifyDeps {
  directory: AccountDirectory;
  locate: (clusterId: string, accountId?: string) => Promise<ClusterSummary>;
  /** The journal of changes: which change to prove, and its times in the cloud's clock. */
  operations: Pick<OperationsService, 'list' | 'cloudTimes'>;
  clockFor: (accountId: string) => Clock;
}

/** A real time (journal) in the cloud's clock (the simulated cloud runs ahead of us). */
function toCloudTime(clock: Clock, realMs: number): Date {
  return new Date(clock.cloudNow() - (Date.now() - realMs) * clock.scale);
}

export interface VerifyService {
  /** Proves the cluster's latest change (the one the journal has) from ActionTrail. */
  prove(clusterId: string, accountId?: string): Promise<VerifyReport>;
}

export function createVerifyApi(deps: VerifyDeps): {
  api: Pick<CoreApi, 'verify.run'>;
  service: VerifyService;
} {
  const service: VerifyService = {
    async prove(clusterId, accountId) {
      const cluster = await deps.locate(clusterId, accountId);
      const { operations } = await deps.operations.list({ clusterId: cluster.clusterId });
      const change =
        operations.find((o) => o.outcome === 'succeeded') ?? operations.find((o) => o.requestedAt);
      const keyId = change?.keyId ?? cluster.encryption.keyId;
      if (!change || !keyId) {
        throw new GuardError(
          'not-found',
          message('error.verify.nothingToProve', { name: cluster.name }),
          { clusterId: cluster.clusterId },
        );
      }
      const clock = deps.clockFor(cluster.accountId);
      const session = await deps.directory.sessionFor(cluster.accountId);
      // The cloud's own times when the journal has them; else mapped from real time, which
      // assumes the cloud's clock ran continuously since.
      const recorded = await deps.operations.cloudTimes(change.operationId);
      const since =
        recorded.requestedAt !== undefined
          ? new Date(recorded.requestedAt)
          : toCloudTime(clock, Date.parse(change.requestedAt ?? change.startedAt));
      const endedAt =
        recorded.endedAt !== undefined
          ? new Date(recorded.endedAt)
          : change.endedAt
            ? toCloudTime(clock, Date.parse(change.endedAt))
            : null;
      const result = await verifyEncryption(session, {
        clusterId: cluster.clusterId,
        regionId: cluster.regionId,
        keyId,
        action: change.action,
        since,
        now: new Date(clock.cloudNow()),
        endedAt,
        requestId: change.requestId,
      });
      return {
        result,
        receipt: receipt(result, {
          accountName: cluster.accountName,
          cloudAccountId: cluster.cloudAccountId,
          clusterName: cluster.name,
          changeStartedAt: change.requestedAt ?? change.startedAt,
          changeEndedAt: change.endedAt,
          requestId: change.requestId,
        }),
      };
    },
  };
  return {
    api: { 'verify.run': ({ clusterId, accountId }) => service.prove(clusterId, accountId) },
    service,
  };
}
