// Sending UpdateKMSEncryption once for a journaled intent, and recording what came back: the
// request id, an uncertain send (the follower lets the cluster tell), or the cloud's refusal.
import type { OperationView } from '../../contract/types/operations';
import type { ClusterSummary } from '../../contract/types/fleet';
import { COOLDOWN_MS } from '../checks/cluster';
import { updateKmsEncryption } from '../cloud/cs-encryption';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import type { JournalEntry, JournalRecord } from './journal';
import { explainRefusal } from './refusal';

export interface SendDeps {
  now: () => number;
  /** The cloud's clock reading to journal with the answer (simulated time only). */
  cloudAt: () => { cloudAt?: number };
  /** How much faster than real time the account's cloud runs (the cooldown's end). */
  cooldownScale: number;
  record: (record: JournalRecord) => Promise<void>;
  /** The cloud refused: the ended view is shown and reported before the error is thrown on. */
  ended: (view: OperationView) => Promise<void>;
}

/** Updates `entry` in place; throws (in the user's words) when the cloud refused the change. */
export async function sendChange(
  entry: JournalEntry,
  session: CloudSession,
  cluster: ClusterSummary,
  deps: SendDeps,
): Promise<void> {
  const view = entry.view;
  try {
    const { requestId } = await updateKmsEncryption(
      session,
      cluster.regionId,
      cluster.clusterId,
      view.action === 'enable' ? { kind: 'enable', keyId: view.keyId! } : { kind: 'disable' },
    );
    const requestedAt = deps.now();
    await deps.record({
      v: 1,
      type: 'requested',
      opId: view.operationId,
      at: requestedAt,
      ...deps.cloudAt(),
      requestId,
      uncertain: false,
    });
    Object.assign(view, { requestId, requestedAt: new Date(requestedAt).toISOString() });
  } catch (error) {
    if (error instanceof CloudError && (error.kind === 'network' || error.kind === 'tooLarge')) {
      // It may have landed (no usable answer came back): follow the cluster and let it tell us.
      const requestedAt = deps.now();
      await deps.record({
        v: 1,
        type: 'requested',
        opId: view.operationId,
        at: requestedAt,
        ...deps.cloudAt(),
        requestId: null,
        uncertain: true,
      });
      Object.assign(view, {
        requestedAt: new Date(requestedAt).toISOString(),
        note:
          error.kind === 'tooLarge'
            ? 'The answer to the request was too large to read; watching the cluster to find out whether it took effect.'
            : 'The request may not have reached the cloud; watching the cluster to find out.',
      });
      entry.uncertain = true;
    } else {
      const refused = explainRefusal(error, {
        ...cluster,
        // The latest the cooldown can last, if the last change ended just now.
        cooldownEndsBy: deps.now() + COOLDOWN_MS / deps.cooldownScale,
      });
      await deps.record({
        v: 1,
        type: 'ended',
        opId: view.operationId,
        at: deps.now(),
        outcome: 'rejected',
        clusterState: view.clusterState,
        error: refused,
      });
      Object.assign(view, {
        phase: 'ended',
        outcome: 'rejected',
        endedAt: new Date(deps.now()).toISOString(),
        error: refused,
      });
      await deps.ended(view);
      throw error instanceof CloudError ? new CloudError(refused.message, error.cloud) : error;
    }
  }
}
