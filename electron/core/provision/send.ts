// Sending CreateCluster once for a journaled intent, and recording what came back
// (cloud/write-once.ts): the ids, an uncertain send (the follower then looks for the cluster by
// name), or the cloud's refusal.
import { formatMessage, message } from '../../contract/messages';
import { messageOf } from '../../contract/message-of';
import type { CreationView } from '../../contract/types/provision';
import { createCluster } from '../cloud/cs-create';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { sendWriteOnce } from '../cloud/write-once';
import type { JournaledSendDeps } from '../cloud/write-once';
import type { CreationEntry, CreationRecord } from './journal';

export type SendDeps = JournaledSendDeps<CreationRecord, CreationView>;

/** Updates `entry` in place; throws the cloud's error when it refused the creation. */
export async function sendCreation(
  entry: CreationEntry,
  session: CloudSession,
  regionId: string,
  deps: SendDeps,
): Promise<void> {
  const view = entry.view;
  const creationId = view.creationId;
  const requested = async (
    at: number,
    cloud: { cloudAt?: number },
    ids: { clusterId: string | null; taskId: string | null; requestId: string | null },
    uncertain: boolean,
  ) => {
    await deps.record({ v: 1, type: 'requested', creationId, at, ...cloud, ...ids, uncertain });
    Object.assign(view, { phase: 'creating', requestedAt: new Date(at).toISOString() });
  };
  await sendWriteOnce(() => createCluster(session, regionId, entry.body), {
    now: deps.now,
    cloudAt: deps.cloudAt,
    answered: async (answer, at, cloud) => {
      const ids = {
        clusterId: answer.clusterId || null,
        taskId: answer.taskId,
        requestId: answer.requestId,
      };
      await requested(at, cloud, ids, false);
      if (cloud.cloudAt !== undefined) entry.cloud.requestedAt = cloud.cloudAt;
      Object.assign(view, ids, { clusterState: 'initial' });
    },
    uncertain: async (_why, at, cloud) => {
      // It may have landed: never sent again; the follower looks for it by name.
      await requested(at, cloud, { clusterId: null, taskId: null, requestId: null }, true);
      view.noteMsg = message('follow.note.lookingByName');
      view.note = formatMessage(view.noteMsg, 'en');
      entry.uncertain = true;
    },
    refused: async (error, at) => {
      const refused = {
        code: error instanceof CloudError ? (error.cloud.cloudCode ?? error.kind) : 'Internal',
        message: messageOf(error),
        requestId: error instanceof CloudError ? error.cloud.requestId : null,
      };
      await deps.record({
        v: 1,
        type: 'ended',
        creationId,
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
      return error;
    },
  });
}
