// Sending UpdateKMSEncryption once for a journaled intent, and recording what came back
// (cloud/write-once.ts): the request id, an uncertain send (the follower lets the cluster tell),
// or the cloud's refusal.
import type { OperationView } from '../../contract/types/operations';
import type { ClusterSummary } from '../../contract/types/fleet';
import { COOLDOWN_MS } from '../checks/cluster';
import { updateKmsEncryption } from '../cloud/cs-encryption';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { sendWriteOnce } from '../cloud/write-once';
import type { JournaledSendDeps } from '../cloud/write-once';
import type { JournalEntry, JournalRecord } from './journal';
import { explainRefusal } from './refusal';

export interface SendDeps extends JournaledSendDeps<JournalRecord, OperationView> {
  /** How much faster than real time the account's cloud runs (the cooldown's end). */
  cooldownScale: number;
}

/** Updates `entry` in place; throws (in the user's words) when the cloud refused the change. */
export async function sendChange(
  entry: JournalEntry,
  session: CloudSession,
  cluster: ClusterSummary,
  deps: SendDeps,
): Promise<void> {
  const view = entry.view;
  const opId = view.operationId;
  const requested = async (
    at: number,
    cloud: { cloudAt?: number },
    requestId: string | null,
    uncertain: boolean,
  ) => {
    await deps.record({ v: 1, type: 'requested', opId, at, ...cloud, requestId, uncertain });
    Object.assign(view, { requestedAt: new Date(at).toISOString() });
  };
  await sendWriteOnce(
    () =>
      updateKmsEncryption(
        session,
        cluster.regionId,
        cluster.clusterId,
        view.action === 'enable' ? { kind: 'enable', keyId: view.keyId! } : { kind: 'disable' },
      ),
    {
      now: deps.now,
      cloudAt: deps.cloudAt,
      answered: async ({ requestId }, at, cloud) => {
        await requested(at, cloud, requestId, false);
        view.requestId = requestId;
      },
      uncertain: async (why, at, cloud) => {
        await requested(at, cloud, null, true);
        view.note =
          why === 'tooLarge'
            ? 'The answer to the request was too large to read; watching the cluster to find out whether it took effect.'
            : 'The request may not have reached the cloud; watching the cluster to find out.';
        entry.uncertain = true;
      },
      refused: async (error, at) => {
        const refused = explainRefusal(error, {
          ...cluster,
          // The latest the cooldown can last, if the last change ended just now.
          cooldownEndsBy: at + COOLDOWN_MS / deps.cooldownScale,
        });
        await deps.record({
          v: 1,
          type: 'ended',
          opId,
          at,
          outcome: 'rejected',
          clusterState: view.clusterState,
          error: refused,
        });
        Object.assign(view, {
          phase: 'ended',
          outcome: 'rejected',
          endedAt: new Date(at).toISOString(),
          error: refused,
        });
        await deps.ended(view);
        return error instanceof CloudError
          ? new CloudError(refused.msg ?? refused.message, error.cloud)
          : error;
      },
    },
  );
}
