// Checks about the cluster itself: edition, state, cooldown, and whether the change makes sense.
import type { CheckResult } from '../../contract/types/checks';
import { parseEncryption } from '../cloud/cs';
import { editionOf, supportsSecretEncryption } from '../fleet/classify';
import type { CheckContext } from './context';
import { CONSOLE, couldNotCheck, fail, pass, warn } from './result';

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
        `The cluster is ${edition === 'edge-pro' ? 'an ACK Edge Pro' : 'an ACK Pro'} cluster.`,
        evidence,
      );
    return fail(
      'cluster.edition',
      `Secret encryption needs a Pro cluster; this one is ${cluster.clusterSpec || cluster.clusterType}.`,
      evidence,
      {
        hint: 'Upgrade the cluster to the Pro edition (cluster basic information > Upgrade to Pro), then check again.',
        consoleUrl: CONSOLE.clusters,
      },
    );
  } catch (error) {
    return couldNotCheck('cluster.edition', 'the cluster', error);
  }
}

/** What to do about a cluster that is not running (states: docs/alibaba-cloud-api.md §4.1). */
function stateHint(state: string): string {
  if (state === 'updating') return 'Wait for the current update to end, then check again.';
  if (state === 'updating_failed')
    return 'The last update of the cluster failed. See its tasks and events in the console (after a KMS change: is the key still enabled?), fix the cause and bring the cluster back to running, then check again.';
  return 'Bring the cluster back to running (see its events in the console), then check again.';
}

export async function clusterState(ctx: CheckContext): Promise<CheckResult> {
  try {
    const { cluster, requestId } = await ctx.cluster();
    const evidence = { state: cluster.state, requestId };
    if (cluster.state === 'running')
      return pass('cluster.state', 'The cluster is running.', evidence);
    return fail(
      'cluster.state',
      `The cluster is ${cluster.state}; a change needs it running.`,
      evidence,
      { hint: stateHint(cluster.state), consoleUrl: CONSOLE.clusters },
    );
  } catch (error) {
    return couldNotCheck('cluster.state', 'the cluster state', error);
  }
}

/** Tasks whose type names the KMS change (the exact task_type is not documented). */
function isEncryptionTask(taskType: string): boolean {
  return /kms|encrypt/i.test(taskType);
}

export async function clusterCooldown(ctx: CheckContext): Promise<CheckResult> {
  const scale = ctx.input.cloudClock?.scale ?? 1;
  const cloudNow = ctx.input.cloudClock?.cloudNow() ?? ctx.input.now;
  // Waits in real milliseconds, from two sources each in its own time base: our journal (real
  // time) and the cluster's tasks (the cloud's time).
  const waits: { waitMs: number; endedAt: string; source: string }[] = [];
  if (ctx.input.lastChangeEndedAt) {
    waits.push({
      waitMs: ctx.input.lastChangeEndedAt + COOLDOWN_MS / scale - ctx.input.now,
      endedAt: new Date(ctx.input.lastChangeEndedAt).toISOString(),
      source: 'journal',
    });
  }
  let tasksRead = false;
  try {
    for (const task of await ctx.tasks()) {
      if (!isEncryptionTask(task.taskType) || task.state === 'running') continue;
      const at = Date.parse(task.updated ?? task.created ?? '');
      if (Number.isFinite(at)) {
        waits.push({
          waitMs: (at + COOLDOWN_MS - cloudNow) / scale,
          endedAt: new Date(at).toISOString(),
          source: `task ${task.taskId}`,
        });
      }
    }
    tasksRead = true;
  } catch (error) {
    if (waits.length === 0)
      return couldNotCheck('cluster.cooldown', 'recent encryption changes', error);
  }
  const longest = waits.sort((a, b) => b.waitMs - a.waitMs)[0];
  if (!longest) {
    return pass('cluster.cooldown', 'No encryption change ended in the last 5 minutes.', {
      tasksRead,
    });
  }
  const evidence = { lastChangeEndedAt: longest.endedAt, source: longest.source, tasksRead };
  if (longest.waitMs <= 0)
    return pass(
      'cluster.cooldown',
      'The last encryption change ended more than 5 minutes ago.',
      evidence,
    );
  const seconds = Math.ceil(longest.waitMs / 1000);
  return fail(
    'cluster.cooldown',
    `The last encryption change ended less than 5 minutes ago; the cloud refuses another for ${seconds} s more (HTTP 409).`,
    { ...evidence, waitSeconds: seconds },
    {
      hint: `Wait until ${new Date(ctx.input.now + longest.waitMs).toISOString()}, then check again.`,
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
      return warn(
        'cluster.encryption',
        'The cluster metadata does not say whether Secrets are encrypted.',
        evidence,
      );
    }
    if (ctx.input.action === 'disable') {
      if (current.enabled)
        return pass('cluster.encryption', `Secrets are encrypted with ${current.keyId}.`, evidence);
      return fail('cluster.encryption', 'Secret encryption is already off.', evidence, {
        hint: 'Nothing to do.',
      });
    }
    if (current.enabled && current.keyId === ctx.input.keyId) {
      return fail(
        'cluster.encryption',
        `Secrets are already encrypted with ${current.keyId}.`,
        evidence,
        { hint: 'Nothing to do.' },
      );
    }
    if (current.enabled) {
      return warn(
        'cluster.encryption',
        `Secrets are encrypted with ${current.keyId}; this changes the key.`,
        evidence,
      );
    }
    return pass('cluster.encryption', 'Secret encryption is off.', evidence);
  } catch (error) {
    return couldNotCheck('cluster.encryption', 'the current encryption', error);
  }
}
