// Follows one change until it ends: polls the cluster on the adaptive schedule, journals what it
// learns, and reports progress. Throttling, 5xx and lost networks slow it down and are reported,
// never fatal; only the cluster, or the time limit, ends it.
import { formatMessage, message } from '../../contract';
import type { Message } from '../../contract';
import type { OperationView } from '../../contract/types/operations';
import { describeCluster } from '../cloud/cs';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import type { Clock } from '../util/clock';
import { assess, clusterStateCode } from './assess';
import { pollNote } from './poll-note';
import type { JournalRecord } from './journal';
import { SLOW_AFTER_MS, nextPollDelay, retryDelay } from './schedule';

export interface FollowOptions {
  session: CloudSession;
  clock: Clock;
  /** Real wall-clock time, for records. */
  now: () => number;
  /** Also record the cloud's time (a simulated cloud keeps its own). */
  recordCloudTime?: boolean;
  expectedMs: number;
  timeLimitMs: number;
  /** A change whose request may not have reached the cloud is given up as `unknown` after this. */
  uncertainAfterMs: number;
  uncertain: boolean;
  signal: AbortSignal;
  /** Journal a record (awaited: the journal is written before we move on). */
  record: (record: JournalRecord) => Promise<void>;
  /** Every change of the view (progress for subscribers). */
  progress: (view: OperationView) => void;
  random?: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function sleepUnlessAborted(
  clock: Clock,
  ms: number,
  signal: AbortSignal,
): Promise<boolean> {
  if (signal.aborted) return false;
  let onAbort: (() => void) | undefined;
  try {
    await Promise.race([
      clock.sleep(ms),
      new Promise<void>((resolve) => {
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    // One listener per wait would pile up on the shared signal over a long change.
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
  return !signal.aborted;
}

/** Resolves with the final view, or with the view so far when aborted (app closing). */
export async function follow(view: OperationView, options: FollowOptions): Promise<OperationView> {
  const { clock, session, signal, now } = options;
  /** Time since the request, in the cloud's (possibly simulated) time. */
  const elapsedSinceRequest = () => (now() - requestedAt) * clock.scale;
  const opId = view.operationId;
  const requestedAt = Date.parse(view.requestedAt ?? view.startedAt);
  let underWay = view.phase === 'updating';
  let failures = 0;

  const end = async (
    outcome: NonNullable<OperationView['outcome']>,
    reason: Message,
    code: string,
  ) => {
    const at = now();
    // The English text for the journal and logs, the message for the reader's language.
    const error =
      outcome === 'succeeded'
        ? null
        : { code, message: formatMessage(reason, 'en'), msg: reason, requestId: view.requestId };
    await options.record({
      v: 1,
      type: 'ended',
      opId,
      at,
      ...(options.recordCloudTime ? { cloudAt: clock.cloudNow() } : {}),
      outcome,
      clusterState: view.clusterState,
      error,
    });
    Object.assign(view, {
      phase: 'ended',
      outcome,
      endedAt: iso(at),
      nextPollAt: null,
      error,
      note: null,
      noteMsg: null,
    });
    options.progress({ ...view });
    return view;
  };

  for (;;) {
    const elapsed = elapsedSinceRequest();
    if (elapsed > options.timeLimitMs) {
      return end(
        'timed-out',
        message('operation.end.timedOut', {
          minutes: Math.round(options.timeLimitMs / 60_000),
          state: view.clusterState ?? 'unknown',
        }),
        'TimedOut',
      );
    }
    if (!underWay && options.uncertain && elapsed > options.uncertainAfterMs) {
      return end('unknown', message('operation.end.unknown'), 'OutcomeUnknown');
    }
    const delay =
      failures > 0
        ? retryDelay(failures)
        : nextPollDelay(elapsed, view.polls, {
            expectedMs: options.expectedMs,
            ...(options.random ? { random: options.random } : {}),
          });
    view.nextPollAt = iso(now() + delay / clock.scale);
    view.slow = elapsed > SLOW_AFTER_MS;
    options.progress({ ...view });
    if (!(await sleepUnlessAborted(clock, delay, signal))) return view;

    try {
      const { cluster } = await describeCluster(session, view.regionId, view.clusterId);
      failures = 0;
      view.polls += 1;
      view.lastPollAt = iso(now());
      view.clusterState = cluster.state;
      view.note = null;
      view.noteMsg = null;
      const verdict = assess({ action: view.action, keyId: view.keyId }, cluster, underWay);
      if (verdict.kind === 'ended') {
        const code = verdict.outcome === 'succeeded' ? 'OK' : clusterStateCode(cluster.state);
        return end(verdict.outcome, verdict.reason, code);
      }
      if (verdict.kind === 'under-way' && !underWay) {
        underWay = true;
        const at = now();
        await options.record({
          v: 1,
          type: 'observed',
          opId,
          at,
          phase: 'updating',
          clusterState: cluster.state,
        });
        view.phase = 'updating';
        view.updatingSeenAt = iso(at);
      }
    } catch (error) {
      if (error instanceof CloudError && error.kind === 'notFound') {
        return end('failed', message('operation.end.gone'), error.cloud.cloudCode ?? 'NotFound');
      }
      failures += 1;
      const cloud = error instanceof CloudError ? error : null;
      view.noteMsg = pollNote(error);
      view.note = formatMessage(view.noteMsg, 'en');
      // A throttled poll waits as long as the cloud asked, at least.
      if (cloud?.cloud.retryAfterMs) {
        const extra = retryDelay(failures, cloud.cloud.retryAfterMs);
        if (!(await sleepUnlessAborted(clock, extra, signal))) return view;
      }
    }
  }
}
