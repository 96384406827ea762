// Reading one DescribeClusterDetail against the change we are following. Pure: the poller acts on
// the verdict, tests check every case.
import { parseEncryption } from '../cloud/cs';
import { message } from '../../contract';
import type { Message } from '../../contract';
import type { OperationAction, OperationOutcome } from '../../contract/types/operations';

export interface Target {
  action: OperationAction;
  keyId: string | null;
}

export type Verdict =
  | { kind: 'waiting' } // not started yet (the cloud may read `running` for a moment)
  | { kind: 'under-way' } // updating seen, or meta_data already shows the target
  | { kind: 'ended'; outcome: OperationOutcome; reason: Message };

/**
 * Cluster states in which a change cannot complete, and what each means
 * (docs/alibaba-cloud-api.md §4.1: the DescribeClusterDetail schema's state list). Which one ACK
 * really shows after a failed UpdateKMSEncryption is not documented; `updating_failed` ("failed
 * to be updated") is the likeliest, and every one of these ends the change as failed rather than
 * following it to the time limit. Any other non-running state (`updating`, `scaling`, `waiting`,
 * `upgrading`, ...) is still under way, bounded by the time limit.
 */
const STOP_STATES = [
  'updating_failed',
  'failed',
  'stopped',
  'deleting',
  'deleted',
  'delete_failed',
] as const;
type StopState = (typeof STOP_STATES)[number];

/** Whether a cluster in this state can no longer complete a change. */
export function isStopState(state: string): state is StopState {
  return (STOP_STATES as readonly string[]).includes(state);
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
    return {
      kind: 'ended',
      outcome: 'failed',
      reason: message(`operation.end.state.${cluster.state}`),
    };
  }
  const target_ = showsTarget(target, cluster.metaData);
  if (cluster.state === 'running') {
    if (target_ && underWay)
      return {
        kind: 'ended',
        outcome: 'succeeded',
        reason: message('operation.end.succeeded'),
      };
    if (target_) return { kind: 'under-way' }; // target shows; wait for one more running read
    if (underWay) {
      return {
        kind: 'ended',
        outcome: 'failed',
        reason: message('operation.end.unchanged'),
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
