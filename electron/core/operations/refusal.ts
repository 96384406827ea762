// Why a change was not made, in words the user can act on: the checklist that is not ready, and
// the cloud's refusal of UpdateKMSEncryption (the cooldown's 409, a missing RBAC grant).
import { GuardError, messageOf } from '../../contract';
import type { Checklist } from '../../contract/types/checks';
import { COOLDOWN_MS } from '../checks/cluster';
import { CloudError } from '../cloud/errors';
import { wallClockTime } from '../util/clock';

export function assertReady(checklist: Checklist): void {
  if (checklist.ready) return;
  const failing = checklist.checks.filter((c) => c.status === 'fail');
  const unconfirmed = checklist.checks.filter((c) => checklist.unconfirmed.includes(c.id));
  const why = [
    ...(failing.length > 0
      ? [
          `${failing.length} check${failing.length === 1 ? '' : 's'} failed: ${failing.map((c) => `${c.id} (${c.summary})`).join('; ')}`,
        ]
      : []),
    ...(checklist.unconfirmed.length > 0
      ? [
          `could not confirm ${checklist.unconfirmed.join(', ')}, which a change needs confirmed${unconfirmed.length ? `: ${unconfirmed.map((c) => `${c.id} (${c.summary})`).join('; ')}` : ''}`,
        ]
      : []),
  ];
  throw new GuardError(
    'checklist-not-ready',
    `Not started: ${why.length ? why.join('; and ') : 'nothing could be checked (no check of the checklist could be made)'}`,
    { failing: failing.map((c) => c.id), unconfirmed: checklist.unconfirmed, checklist },
  );
}

/** A refusal in words the user can act on: the 409 inside the cooldown, a missing RBAC grant. */
export function explainRefusal(
  error: unknown,
  cluster: { clusterId: string; name: string; cooldownEndsBy: number },
): {
  code: string;
  message: string;
  requestId: string | null;
} {
  if (error instanceof CloudError) {
    const { cloudCode, httpStatus, requestId, permissionReason } = error.cloud;
    if (cloudCode === 'ForbiddenUpdateKMSState' || permissionReason === 'rbac') {
      // Doc (UpdateKMSEncryption): the caller needs RBAC admin or O&M on the cluster; RAM
      // permission alone is not enough.
      return {
        code: cloudCode ?? 'ForbiddenUpdateKMSState',
        message: `The cloud refused the change (${cloudCode ?? 'ForbiddenUpdateKMSState'}): the caller has no RBAC Administrator or O&M Engineer (ops) permission on cluster ${cluster.name} (${cluster.clusterId}). Ask an RBAC administrator of the cluster to grant one of them (ACK console > Authorizations), then try again.`,
        requestId,
      };
    }
    if (httpStatus === 409) {
      return {
        code: cloudCode ?? 'Conflict',
        message: `The cloud refused the change (HTTP 409): a change of this cluster ended less than ${COOLDOWN_MS / 60_000} minutes ago, or one is still running. If the last change has ended, wait until ${wallClockTime(cluster.cooldownEndsBy)} (5 minutes at most), then try again; if one is still running, wait until the cluster is running again and 5 minutes more.`,
        requestId,
      };
    }
    return { code: cloudCode ?? error.kind, message: error.message, requestId };
  }
  return {
    code: 'Internal',
    message: messageOf(error),
    requestId: null,
  };
}
