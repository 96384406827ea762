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

const STOP_STATES = new Set(['failed', 'deleting', 'deleted', 'delete_failed']);

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
  if (STOP_STATES.has(cluster.state)) {
    return {
      kind: 'ended',
      outcome: 'failed',
      reason: `The cluster went ${cluster.state}. Look at its events in the console; the key must stay enabled.`,
    };
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
