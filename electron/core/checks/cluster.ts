// Checks about the cluster itself: edition, state, cooldown, and whether the change makes sense.
import type { CheckResult } from '../../contract/types/checks';
import { parseEncryption } from '../cloud/cs';
import { editionOf, supportsSecretEncryption } from './edition';
import type { TrailEvent } from '../cloud/actiontrail';
import type { CheckContext } from './context';
import { CONSOLE } from '../cloud/console';
import { message } from '../../contract';
import type { Message } from '../../contract';
import { couldNotCheck, fail, pass, warn } from './result';

export const COOLDOWN_MS = 5 * 60 * 1000;

export async function clusterEdition(ctx: CheckContext): Promise<CheckResult> {
  try {
    const { cluster, requestId } = await ctx.cluster();
    const edition = editionOf(cluster.clusterType, cluster.profile, cluster.clusterSpec);
    const evidence = {
      clusterType: cluster.clusterType,
      profile: cluster.profile,
      clusterSpec: cluster.clusterSpec,
      requestId,
    };
    if (supportsSecretEncryption(edition))
      return pass(
        'cluster.edition',
        message(
          edition === 'edge-pro' ? 'check.cluster.edition.edgePro' : 'check.cluster.edition.pro',
        ),
        evidence,
      );
    return fail(
      'cluster.edition',
      message('check.cluster.edition.notPro', {
        edition: cluster.clusterSpec || cluster.clusterType,
      }),
      evidence,
      {
        message: message('fix.cluster.edition.upgrade'),
        consoleUrl: CONSOLE.clusters,
      },
    );
  } catch (error) {
    return couldNotCheck('cluster.edition', 'the cluster', error);
  }
}

/** What to do about a cluster that is not running (states: docs/alibaba-cloud-api.md §4.1). */
function stateHint(state: string): Message {
  if (state === 'updating') return message('fix.cluster.state.updating');
  if (state === 'updating_failed') return message('fix.cluster.state.updatingFailed');
  return message('fix.cluster.state.other');
}

export async function clusterState(ctx: CheckContext): Promise<CheckResult> {
  try {
    const { cluster, requestId } = await ctx.cluster();
    const evidence = { state: cluster.state, requestId };
    if (cluster.state === 'running')
      return pass('cluster.state', message('check.cluster.state.running'), evidence);
    return fail(
      'cluster.state',
      message('check.cluster.state.notRunning', { state: cluster.state }),
      evidence,
      { message: stateHint(cluster.state), consoleUrl: CONSOLE.clusters },
    );
  } catch (error) {
    return couldNotCheck('cluster.state', 'the cluster state', error);
  }
}

interface Wait {
  /** Real milliseconds from now until the cooldown ends (<= 0: it has ended). */
  waitMs: number;
  /** When the change ended (or may have ended), ISO. */
  endedAt: string;
  /** A kind the catalog words (value.source.*), and the facts its phrase takes. */
  source: 'journal' | 'cluster updated' | 'actiontrail' | 'task';
  sourceParams: Record<string, string>;
  /** The event or task, as ids and times (evidence). */
  detail: string | null;
}

/** A cooldown message with its source's facts: the catalog phrase of `source` fills them in. */
function withSource(msg: Message, wait: Wait): Message {
  return { ...msg, params: { ...msg.params, ...wait.sourceParams } };
}

/** The UpdateKMSEncryption record of this cluster, newest first (failed calls change nothing). */
function changeRecordsOf(events: TrailEvent[], clusterId: string): TrailEvent[] {
  return events.filter(
    (e) =>
      !e.errorCode &&
      (e.resourceName?.split(/[;,]/).includes(clusterId) ||
        e.requestParameters.ClusterId === clusterId ||
        e.requestParameters.cluster_id === clusterId),
  );
}

/**
 * The 5-minute cooldown after an encryption change ends (doc: UpdateKMSEncryption, HTTP 409).
 * No task type names a KMS change, so it is found from documented signals only:
 * - our own journal: a change we followed to its end (definite);
 * - an UpdateKMSEncryption record of the cluster in ActionTrail (a change made anywhere, e.g. in
 *   the console) with the cluster's `updated` time after it: the change ended then (definite);
 * - the cluster's `updated` time in the last 5 minutes without such a record (ActionTrail may
 *   take minutes to deliver it), and any task of the cluster that ended in the last 5 minutes:
 *   warnings, since either may be some other change.
 * Times from the cloud are in its clock; waits are real time (the simulator runs faster).
 */
export async function clusterCooldown(ctx: CheckContext): Promise<CheckResult> {
  const scale = ctx.input.cloudClock?.scale ?? 1;
  const cloudNow = ctx.input.cloudClock?.cloudNow() ?? ctx.input.now;
  const fromCloud = (
    at: number,
    source: Wait['source'],
    sourceParams: Record<string, string> = {},
    detail: string | null = null,
  ): Wait => ({
    waitMs: (at + COOLDOWN_MS - cloudNow) / scale,
    endedAt: new Date(at).toISOString(),
    source,
    sourceParams,
    detail,
  });
  const blocks: Wait[] = [];
  const hints: Wait[] = [];
  if (ctx.input.lastChangeEndedAt) {
    blocks.push({
      waitMs: ctx.input.lastChangeEndedAt + COOLDOWN_MS / scale - ctx.input.now,
      endedAt: new Date(ctx.input.lastChangeEndedAt).toISOString(),
      source: 'journal',
      sourceParams: {},
      detail: null,
    });
  }
  const [cluster, records, tasks] = await Promise.all([
    ctx.cluster().then(
      (r) => r,
      (error: unknown) => ({ error }),
    ),
    ctx.kmsChangeRecords().then(
      (r) => r,
      (error: unknown) => ({ error }),
    ),
    ctx.tasks().then(
      (r) => r,
      (error: unknown) => ({ error }),
    ),
  ]);
  const detail = 'error' in cluster ? null : cluster.cluster;
  const updatedAt = detail ? Date.parse(detail.updated ?? '') : NaN;
  const trail = records === null || 'error' in records ? null : records;
  const record = trail ? changeRecordsOf(trail, ctx.input.clusterId)[0] : undefined;
  const recordAt = record ? Date.parse(record.eventTime) : NaN;
  if (Number.isFinite(recordAt) && Number.isFinite(updatedAt) && updatedAt >= recordAt) {
    const event = record!.eventName || 'UpdateKMSEncryption';
    blocks.push(
      fromCloud(
        updatedAt,
        'actiontrail',
        { sourceEvent: event, sourceAt: new Date(recordAt).toISOString() },
        `${event} ${record!.eventTime}`,
      ),
    );
  } else if (Number.isFinite(updatedAt)) {
    hints.push(fromCloud(updatedAt, 'cluster updated'));
  }
  if (Array.isArray(tasks)) {
    for (const task of tasks) {
      const at = Date.parse(task.updated ?? task.created ?? '');
      if (task.state !== 'running' && Number.isFinite(at))
        hints.push(
          fromCloud(
            at,
            'task',
            {
              sourceTask: task.taskId,
              sourceTaskType: task.taskType || '—',
              sourceAt: new Date(at).toISOString(),
            },
            `${task.taskId} (${task.taskType || '—'}) ${new Date(at).toISOString()}`,
          ),
        );
    }
  }
  const unread = [
    'error' in cluster ? 'cluster' : null,
    records === null ? null : 'error' in records ? 'actiontrail' : null,
    'error' in tasks ? 'tasks' : null,
  ].filter((x): x is string => x !== null);
  const evidence = {
    clusterUpdated: detail?.updated ?? null,
    changeRecord: record ? `${record.eventTime} ${record.requestId ?? ''}`.trim() : null,
    actionTrail: records === null ? 'no-endpoint' : 'error' in records ? 'unread' : 'read',
    unread: unread.join(',') || null,
  };
  const longest = (list: Wait[]) => list.sort((a, b) => b.waitMs - a.waitMs)[0];
  const block = longest(blocks);
  if (block && block.waitMs > 0) {
    const seconds = Math.ceil(block.waitMs / 1000);
    const until = new Date(ctx.input.now + block.waitMs).toISOString();
    return fail(
      'cluster.cooldown',
      withSource(message('check.cluster.cooldown.blocked', { source: block.source, until }), block),
      {
        ...evidence,
        lastChangeEndedAt: block.endedAt,
        source: block.source,
        ...(block.detail ? { sourceDetail: block.detail } : {}),
        waitSeconds: seconds,
        waitUntil: new Date(ctx.input.now + block.waitMs).toISOString(),
      },
      { message: message('fix.cluster.cooldown.wait', { until }) },
    );
  }
  const hint = longest(hints.filter((h) => h.waitMs > 0));
  if (hint) {
    const until = new Date(ctx.input.now + hint.waitMs).toISOString();
    return warn(
      'cluster.cooldown',
      withSource(message('check.cluster.cooldown.maybe', { source: hint.source, until }), hint),
      {
        ...evidence,
        lastChangeEndedAt: hint.endedAt,
        source: hint.source,
        ...(hint.detail ? { sourceDetail: hint.detail } : {}),
        waitSeconds: Math.ceil(hint.waitMs / 1000),
        waitUntil: new Date(ctx.input.now + hint.waitMs).toISOString(),
      },
      { message: message('fix.cluster.cooldown.waitToBeSafe', { until }) },
    );
  }
  if (!block && 'error' in cluster) {
    // Without the cluster's own `updated` time a recent change cannot be ruled out.
    return couldNotCheck('cluster.cooldown', 'recent encryption changes', cluster.error);
  }
  return pass(
    'cluster.cooldown',
    block ? message('check.cluster.cooldown.ended') : message('check.cluster.cooldown.none'),
    {
      ...evidence,
      ...(block
        ? {
            lastChangeEndedAt: block.endedAt,
            source: block.source,
            ...(block.detail ? { sourceDetail: block.detail } : {}),
          }
        : {}),
    },
  );
}

/** Is the change meaningful: enabling a cluster that is not encrypted with this key, or disabling one that is. */
export async function clusterEncryption(ctx: CheckContext): Promise<CheckResult> {
  try {
    const { cluster, requestId } = await ctx.cluster();
    const current = parseEncryption(cluster.metaData);
    const evidence = { encrypted: current.enabled, currentKeyId: current.keyId, requestId };
    if (!current.readable) {
      return warn('cluster.encryption', message('check.cluster.encryption.unreadable'), evidence);
    }
    if (ctx.input.action === 'disable') {
      if (current.enabled)
        return pass(
          'cluster.encryption',
          message('check.cluster.encryption.encrypted', { keyId: current.keyId }),
          evidence,
        );
      return fail('cluster.encryption', message('check.cluster.encryption.alreadyOff'), evidence, {
        message: message('fix.nothingToDo'),
      });
    }
    if (current.enabled && current.keyId === ctx.input.keyId) {
      return fail(
        'cluster.encryption',
        message('check.cluster.encryption.alreadyWithKey', { keyId: current.keyId }),
        evidence,
        { message: message('fix.nothingToDo') },
      );
    }
    if (current.enabled) {
      return warn(
        'cluster.encryption',
        message('check.cluster.encryption.changesKey', { keyId: current.keyId }),
        evidence,
      );
    }
    return pass('cluster.encryption', message('check.cluster.encryption.off'), evidence);
  } catch (error) {
    return couldNotCheck('cluster.encryption', 'the current encryption', error);
  }
}
