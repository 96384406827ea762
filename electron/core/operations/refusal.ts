// Why a change was not made, in words the user can act on: the checklist that is not ready, and
// the cloud's refusal of UpdateKMSEncryption (the cooldown's 409, a missing RBAC grant).
import { GuardError, formatMessage, message, messageOf } from '../../contract';
import type { Message } from '../../contract';
import type { CheckResult as Check, Checklist } from '../../contract/types/checks';
import { COOLDOWN_MS } from '../checks/cluster';
import { CloudError } from '../cloud/errors';
import { wallClockTime } from '../util/clock';

/** A check in the refusal: its id (English) and its own message (any language). */
function checkMessage(check: Check): Message {
  return message('error.checklist.check', {
    id: check.id,
    summary: check.message ?? check.summary,
  });
}

function notReadyMessage(checklist: Checklist, failing: Check[], unconfirmed: Check[]): Message {
  const failed =
    failing.length === 0
      ? null
      : failing.length === 1
        ? message('error.checklist.failed.one', { checks: failing.map(checkMessage) })
        : message('error.checklist.failed.many', {
            count: failing.length,
            checks: failing.map(checkMessage),
          });
  const ids = checklist.unconfirmed.join(', ');
  const notConfirmed =
    checklist.unconfirmed.length === 0
      ? null
      : unconfirmed.length > 0
        ? message('error.checklist.unconfirmedWith', { ids, checks: unconfirmed.map(checkMessage) })
        : message('error.checklist.unconfirmed', { ids });
  if (failed && notConfirmed)
    return message('error.checklist.notReadyBoth', { failed, unconfirmed: notConfirmed });
  const why = failed ?? notConfirmed;
  return why
    ? message('error.checklist.notReady', { why })
    : message('error.checklist.nothingChecked');
}

export function assertReady(checklist: Checklist): void {
  if (checklist.ready) return;
  const failing = checklist.checks.filter((c) => c.status === 'fail');
  const unconfirmed = checklist.checks.filter((c) => checklist.unconfirmed.includes(c.id));
  throw new GuardError('checklist-not-ready', notReadyMessage(checklist, failing, unconfirmed), {
    failing: failing.map((c) => c.id),
    unconfirmed: checklist.unconfirmed,
    checklist,
  });
}

/** A refusal in words the user can act on: the 409 inside the cooldown, a missing RBAC grant. */
export function explainRefusal(
  error: unknown,
  cluster: { clusterId: string; name: string; cooldownEndsBy: number },
): {
  code: string;
  message: string;
  msg?: Message;
  requestId: string | null;
} {
  if (error instanceof CloudError) {
    const { cloudCode, httpStatus, requestId, permissionReason } = error.cloud;
    if (cloudCode === 'ForbiddenUpdateKMSState' || permissionReason === 'rbac') {
      // Doc (UpdateKMSEncryption): the caller needs RBAC admin or O&M on the cluster; RAM
      // permission alone is not enough.
      const code = cloudCode ?? 'ForbiddenUpdateKMSState';
      return worded(
        code,
        message('error.refusal.rbac', { code, name: cluster.name, clusterId: cluster.clusterId }),
        requestId,
      );
    }
    if (httpStatus === 409) {
      return worded(
        cloudCode ?? 'Conflict',
        message('error.refusal.cooldown', {
          minutes: COOLDOWN_MS / 60_000,
          until: wallClockTime(cluster.cooldownEndsBy),
        }),
        requestId,
      );
    }
    return {
      code: cloudCode ?? error.kind,
      message: error.message,
      ...(error.msg ? { msg: error.msg } : {}),
      requestId,
    };
  }
  return {
    code: 'Internal',
    message: messageOf(error),
    requestId: null,
  };
}

function worded(code: string, msg: Message, requestId: string | null) {
  return { code, message: formatMessage(msg, 'en'), msg, requestId };
}
