// Follows one creation until it ends: the adaptive schedule of the change follower
// (operations/schedule.ts) with a creation's own expectations (about 15 minutes; give up after
// 90), the task's stage when the cloud gives one, meta_data checked for the key once running,
// then the ActionTrail proof looked for until it is in or the evidence deadline has passed.
import { formatMessage } from '../../contract/messages';
import type { CreationView } from '../../contract/types/provision';
import { describeCluster, listClusters, parseEncryption } from '../cloud/cs';
import { describeTaskInfo } from '../cloud/cs-create';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { COOLDOWN_MS } from '../checks/cluster';
import { sleepUnlessAborted } from '../operations/follow';
import { pollNote } from '../operations/poll-note';
import { nextPollDelay, retryDelay } from '../operations/schedule';
import type { Clock } from '../util/clock';
import type { CreationEntry, CreationRecord } from './journal';
import { proveCreation } from './proof';

/** How long ACK takes to create a cluster (Terraform's doc: "about 15 minutes"). */
export const CREATE_EXPECTED_MS = 15 * 60_000;
/** Past this (cloud time since the request) we stop following and say so. */
export const CREATE_TIME_LIMIT_MS = 90 * 60_000;
/** A request whose answer never came back, and no cluster of that name appeared: unknown. */
export const CREATE_UNCERTAIN_AFTER_MS = 10 * 60_000;

export interface CreationFollowOptions {
  session: CloudSession;
  clock: Clock;
  now: () => number;
  recordCloudTime: boolean;
  timeLimitMs?: number;
  signal: AbortSignal;
  record: (record: CreationRecord) => Promise<void>;
  progress: (view: CreationView) => void;
  random?: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function followCreation(
  entry: CreationEntry,
  options: CreationFollowOptions,
): Promise<CreationView> {
  const { clock, session, signal, now } = options;
  const view = entry.view;
  const id = view.creationId;
  const limit = options.timeLimitMs ?? CREATE_TIME_LIMIT_MS;
  const requestedAt = Date.parse(view.requestedAt ?? view.startedAt);
  const elapsed = () => (now() - requestedAt) * clock.scale;
  const cloudAt = () => (options.recordCloudTime ? { cloudAt: clock.cloudNow() } : {});
  let failures = 0;

  const end = async (
    outcome: NonNullable<CreationView['outcome']>,
    error: { code: string; message: string } | null,
  ): Promise<CreationView> => {
    const at = now();
    const err = error ? { ...error, requestId: view.requestId } : null;
    await options.record({
      v: 1,
      type: 'ended',
      creationId: id,
      at,
      ...cloudAt(),
      outcome,
      clusterState: view.clusterState,
      error: err,
    });
    Object.assign(view, {
      phase: 'ended',
      outcome,
      endedAt: iso(at),
      nextPollAt: null,
      error: err,
    });
    if (outcome === 'key-missing') view.fallbackAfter = iso(at + COOLDOWN_MS / clock.scale);
    options.progress({ ...view });
    return view;
  };

  const wait = async (cloudMs: number): Promise<boolean> => {
    view.nextPollAt = iso(now() + cloudMs / clock.scale);
    options.progress({ ...view });
    return sleepUnlessAborted(clock, cloudMs, signal);
  };

  // Creating: poll the cluster (and its task) until it is running or failed.
  while (view.phase === 'creating' || view.phase === 'requested') {
    if (elapsed() > limit) {
      return end('timed-out', {
        code: 'TimedOut',
        message: `Stopped following after ${Math.round(limit / 60_000)} minutes; the cluster was last ${view.clusterState ?? 'unknown'}. It may still finish in the cloud: look at it in the console.`,
      });
    }
    const delay =
      failures > 0
        ? retryDelay(failures)
        : nextPollDelay(elapsed(), view.polls, {
            expectedMs: CREATE_EXPECTED_MS,
            ...(options.random ? { random: options.random } : {}),
          });
    if (!(await wait(delay))) return view;
    try {
      if (!view.clusterId) {
        // The answer to CreateCluster was lost: a cluster of this name tells us it landed.
        const found = (await listClusters(session, { regionId: view.regionId, profile: 'Edge' }))
          .filter((c) => c.name === view.name)
          .sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
        if (!found) {
          if (entry.uncertain && elapsed() > CREATE_UNCERTAIN_AFTER_MS)
            return end('unknown', {
              code: 'OutcomeUnknown',
              message: `The request may not have reached the cloud (the network failed while sending it), and no cluster named ${view.name} appeared. Look in the console, then try again if needed.`,
            });
          view.polls += 1;
          continue;
        }
        await options.record({
          v: 1,
          type: 'found',
          creationId: id,
          at: now(),
          clusterId: found.clusterId,
        });
        view.clusterId = found.clusterId;
        entry.uncertain = false;
      }
      const { cluster } = await describeCluster(session, view.regionId, view.clusterId);
      const task = view.taskId
        ? await describeTaskInfo(session, view.regionId, view.taskId).catch(() => null)
        : null;
      failures = 0;
      view.polls += 1;
      view.lastPollAt = iso(now());
      view.clusterState = cluster.state;
      view.taskStage = task?.currentStage ?? view.taskStage;
      view.phase = 'creating';
      view.note = null;
      view.noteMsg = null;
      if (cluster.state === 'running') {
        const keyInMetaData = parseEncryption(cluster.metaData).keyId;
        const at = now();
        await options.record({
          v: 1,
          type: 'running',
          creationId: id,
          at,
          ...cloudAt(),
          keyInMetaData,
        });
        if (options.recordCloudTime) entry.cloud.runningAt = clock.cloudNow();
        Object.assign(view, { runningAt: iso(at), keyInMetaData });
        if (keyInMetaData !== view.keyId) {
          return end('key-missing', {
            code: 'EncryptionKeyNotApplied',
            message: `The cluster is running, but its meta_data ${keyInMetaData ? `names key ${keyInMetaData}` : 'names no Secret-encryption key'}: the cloud created it without encryption with ${view.keyId}. Turn encryption on for the running cluster once the 5-minute cooldown has passed.`,
          });
        }
        view.phase = 'verifying';
        options.progress({ ...view });
        break;
      }
      if (cluster.state === 'failed' || task?.state === 'failed' || task?.state === 'fail') {
        return end('failed', {
          code: task?.errorCode ?? 'ClusterCreateFailed',
          message: `The cloud could not create the cluster (${task?.errorCode ?? cluster.state})${task?.errorMessage ? `: ${task.errorMessage}` : '.'}`,
        });
      }
    } catch (error) {
      const cloud = error instanceof CloudError ? error : null;
      if (cloud?.kind === 'notFound' && elapsed() > CREATE_UNCERTAIN_AFTER_MS && view.clusterId) {
        return end('failed', {
          code: cloud.cloud.cloudCode ?? 'NotFound',
          message: 'The cluster no longer exists.',
        });
      }
      failures += 1;
      view.noteMsg = pollNote(error, true);
      view.note = formatMessage(view.noteMsg, 'en');
    }
  }

  // Verifying: the ActionTrail proof, until it is in or the evidence deadline has passed.
  for (;;) {
    const runningCloud =
      entry.cloud.runningAt ??
      clock.cloudNow() - (now() - Date.parse(view.runningAt ?? iso(now()))) * clock.scale;
    const proof = await proveCreation(session, {
      clusterId: view.clusterId!,
      regionId: view.regionId,
      keyId: view.keyId,
      runningAt: new Date(runningCloud),
      now: new Date(clock.cloudNow()),
    });
    await options.record({ v: 1, type: 'proof', creationId: id, at: now(), proof });
    view.proof = proof;
    if (proof.status === 'verified') return end('verified', null);
    if (proof.status !== 'pending' || !proof.nextCheckAfter) return end('encrypted', null);
    const waitMs = Math.max(1_000, Date.parse(proof.nextCheckAfter) - clock.cloudNow());
    if (!(await wait(waitMs))) return view;
  }
}
