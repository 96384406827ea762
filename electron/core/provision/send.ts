// Sending CreateCluster once for a journaled intent, and recording what came back: the ids, an
// uncertain send (the follower then looks for the cluster by name), or the cloud's refusal.
import { messageOf } from '../../contract/message-of';
import type { CreationView } from '../../contract/types/provision';
import { createCluster } from '../cloud/cs-create';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import type { CreationEntry, CreationRecord } from './journal';

export interface SendDeps {
  now: () => number;
  /** The cloud's clock reading to journal with the answer (simulated time only). */
  cloudAt: () => { cloudAt?: number };
  record: (record: CreationRecord) => Promise<void>;
  /** The cloud refused: the ended view is shown and audited before the error is thrown on. */
  ended: (view: CreationView) => Promise<void>;
}

/** Updates `entry` in place; throws the cloud's error when it refused the creation. */
export async function sendCreation(
  entry: CreationEntry,
  session: CloudSession,
  regionId: string,
  deps: SendDeps,
): Promise<void> {
  const view = entry.view;
  try {
    const answer = await createCluster(session, regionId, entry.body);
    const at = deps.now();
    const cloud = deps.cloudAt();
    await deps.record({
      v: 1,
      type: 'requested',
      creationId: view.creationId,
      at,
      ...cloud,
      clusterId: answer.clusterId || null,
      taskId: answer.taskId,
      requestId: answer.requestId,
      uncertain: false,
    });
    if (cloud.cloudAt !== undefined) entry.cloud.requestedAt = cloud.cloudAt;
    Object.assign(view, {
      phase: 'creating',
      clusterId: answer.clusterId || null,
      taskId: answer.taskId,
      requestId: answer.requestId,
      requestedAt: new Date(at).toISOString(),
      clusterState: 'initial',
    });
  } catch (error) {
    if (error instanceof CloudError && (error.kind === 'network' || error.kind === 'tooLarge')) {
      // It may have landed: never sent again (retry.ts); the follower looks for it by name.
      const at = deps.now();
      await deps.record({
        v: 1,
        type: 'requested',
        creationId: view.creationId,
        at,
        ...deps.cloudAt(),
        clusterId: null,
        taskId: null,
        requestId: null,
        uncertain: true,
      });
      Object.assign(view, {
        phase: 'creating',
        requestedAt: new Date(at).toISOString(),
        note: 'The answer to the request did not come back; looking for the cluster by name to find out whether it was created.',
      });
      entry.uncertain = true;
    } else {
      const refused = {
        code: error instanceof CloudError ? (error.cloud.cloudCode ?? error.kind) : 'Internal',
        message: messageOf(error),
        requestId: error instanceof CloudError ? error.cloud.requestId : null,
      };
      const at = deps.now();
      await deps.record({
        v: 1,
        type: 'ended',
        creationId: view.creationId,
        at,
        outcome: 'rejected',
        clusterState: null,
        error: refused,
      });
      Object.assign(view, {
        phase: 'ended',
        outcome: 'rejected',
        endedAt: new Date(at).toISOString(),
        error: refused,
      });
      await deps.ended(view);
      throw error;
    }
  }
}
