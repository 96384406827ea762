// Reading one DescribeClusterDetail against the change we are following. Pure: the poller acts on
// the verdict, tests check every case.
import { parseEncryption } from '../cloud/cs';
import type { OperationAction, OperationOutcome } from '../../contract/types/operations';

export interface Target {
  action: OperationAction;
  keyId: string | null;
}

export type Verdict =
  | { kind: 'waiting' } // not started yet (the cloud may read `running` for a moment)
  | { kind: 'under-way' } // updating seen, or meta_data already shows the target
  | { kind: 'ended'; outcome: OperationOutcome; reason: string };

/**
 * Cluster states in which a change cannot complete, and what each means
 * (docs/alibaba-cloud-api.md §4.1: the DescribeClusterDetail schema's state list). Which one ACK
 * really shows after a failed UpdateKMSEncryption is not documented; `updating_failed` ("failed
 * to be updated") is the likeliest, and every one of these ends the change as failed rather than
 * following it to the time limit. Any other non-running state (`updating`, `scaling`, `waiting`,
 * `upgrading`, ...) is still under way, bounded by the time limit.
 */
const STOP_STATES: Readonly<Record<string, string>> = {
  updating_failed:
    'The cluster failed to be updated (state updating_failed): the change did not complete. Look at the events and tasks of the cluster in the console; the KMS key must stay enabled.',
  failed:
    'The cluster went failed (the schema describes it as "failed to be created"): the change did not complete. Look at the events of the cluster in the console; the KMS key must stay enabled.',
  stopped:
    'The cluster was stopped during the change (state stopped): the change cannot complete. Start the cluster, check its encryption, then try again if needed.',
  deleting: 'The cluster is being deleted (state deleting): the change cannot complete.',
  deleted: 'The cluster was deleted (state deleted): the change cannot complete.',
  delete_failed:
    'The cluster failed to be deleted (state delete_failed): the change cannot complete. Look at the cluster in the console.',
};

/** Whether a cluster in this state can no longer complete a change. */
export function isStopState(state: string): boolean {
  return Object.hasOwn(STOP_STATES, state);
}

export function showsTarget(target: Target, metaData: string | null): boolean {
  const enc = parseEncryption(metaData);
  if (!enc.readable) return false;
  return target.action === 'enable'
    ? enc.enabled === true && enc.keyId === target.keyId
    : enc.enabled === false;
}

export function assess(
  target: Target,
  cluster: { state: string; metaData: string | null },
  underWay: boolean,
): Verdict {
  if (isStopState(cluster.state)) {
    return { kind: 'ended', outcome: 'failed', reason: STOP_STATES[cluster.state]! };
  }
  const target_ = showsTarget(target, cluster.metaData);
  if (cluster.state === 'running') {
    if (target_ && underWay)
      return {
        kind: 'ended',
        outcome: 'succeeded',
        reason: 'The cluster is running with the new setting.',
      };
    if (target_) return { kind: 'under-way' }; // target shows; wait for one more running read
    if (underWay) {
      return {
        kind: 'ended',
        outcome: 'failed',
        reason: 'The cluster is running again but its encryption did not change.',
      };
    }
    return { kind: 'waiting' };
  }
  // updating, or any other transitional state
  return { kind: 'under-way' };
}

/** The error code a change ended by the cluster's state carries: `updating_failed` -> `ClusterUpdatingFailed`. */
export function clusterStateCode(state: string): string {
  return `Cluster${state
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}`;
}
