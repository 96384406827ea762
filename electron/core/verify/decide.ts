// Turns what ActionTrail showed into a verdict. Pure: the times and events come in, the result
// goes out, so every branch can be tested without a cloud.
//
// Timing (documented: events visible up to 10 minutes late; the rest are our choices):
// - The UpdateKMSEncryption record should be visible 10 min after the change started; we wait
//   5 min more before saying it is missing.
// - Enable: ACK's KMS plugin starts encrypting when the change ends, so the first service-role
//   Encrypt/Decrypt should be visible 10 min after the end; we wait 15 min after the end.
// - Disable: the plugin may still be called while the API servers restart and Secrets are
//   rewritten in plain form, so events up to 5 min after the end (the grace period) are fine;
//   after that there must be none. We say "verified" only once the end of that grace period is
//   older than the 10-min ActionTrail lag, so a late event would have shown up.
// - When the caller does not know when the change ended, we assume it took 15 min (the
//   simulator's and Terraform's experience is ~10 min; the cloud documents no duration:
//   docs/alibaba-cloud-api.md §4.3).
import type {
  VerifyAction,
  VerifyKmsCounts,
  VerifyReason,
  VerifyResult,
  VerifyStatus,
} from '../../contract/types/verify';
import type { TrailEvent } from '../cloud/actiontrail';
import { clusterMention, eventKeyId, eventMs, toChangeEvent, toKmsEvent } from './evidence';

const MINUTE = 60_000;
export const ACTIONTRAIL_LAG_MS = 10 * MINUTE;
export const CHANGE_EVENT_DEADLINE_MS = ACTIONTRAIL_LAG_MS + 5 * MINUTE;
export const ENABLE_EVIDENCE_DEADLINE_MS = 15 * MINUTE;
export const DISABLE_GRACE_MS = 5 * MINUTE;
export const ASSUMED_CHANGE_DURATION_MS = 15 * MINUTE;
export const RETENTION_MS = 90 * 24 * 60 * MINUTE;
export const MIN_RECHECK_MS = MINUTE;
export const KMS_SAMPLE_SIZE = 20;

export interface Evidence {
  clusterId: string;
  regionId: string;
  keyId: string;
  action: VerifyAction;
  sinceMs: number;
  /** When the change ended (caller's knowledge), or null. */
  endedAtMs: number | null;
  nowMs: number;
  changeEvent: TrailEvent | null;
  /** Service-role KMS events counting for the key, at or after the change event. */
  roleEvents: TrailEvent[];
  scanned: number;
  truncated: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Where the "after the change" clock starts for the checks that depend on the change's end. */
export function changeEndMs(e: Pick<Evidence, 'sinceMs' | 'endedAtMs'>): number {
  return e.endedAtMs ?? e.sinceMs + ASSUMED_CHANGE_DURATION_MS;
}

export function quietStartMs(e: Pick<Evidence, 'sinceMs' | 'endedAtMs'>): number {
  return changeEndMs(e) + DISABLE_GRACE_MS;
}

export function emptyCounts(): VerifyKmsCounts {
  return {
    encrypt: 0,
    decrypt: 0,
    failed: 0,
    withoutKeyId: 0,
    namingCluster: 0,
    afterQuietStart: 0,
    scanned: 0,
    truncated: false,
  };
}

export function decide(e: Evidence): VerifyResult {
  const newestFirst = [...e.roleEvents].sort(
    (a, b) => eventMs(b) - eventMs(a) || b.eventId.localeCompare(a.eventId),
  );
  const quietStart = quietStartMs(e);
  const counts: VerifyKmsCounts = {
    encrypt: newestFirst.filter((x) => x.eventName === 'Encrypt').length,
    decrypt: newestFirst.filter((x) => x.eventName === 'Decrypt').length,
    failed: newestFirst.filter((x) => x.errorCode !== null).length,
    withoutKeyId: newestFirst.filter((x) => eventKeyId(x) === null).length,
    namingCluster: newestFirst.filter((x) => clusterMention(x, e.clusterId) === 'this').length,
    afterQuietStart: newestFirst.filter((x) => eventMs(x) >= quietStart).length,
    scanned: e.scanned,
    truncated: e.truncated,
  };
  const base = {
    clusterId: e.clusterId,
    regionId: e.regionId,
    keyId: e.keyId,
    action: e.action,
    changeEvent: e.changeEvent ? toChangeEvent(e.changeEvent) : null,
    kmsEvents: newestFirst.slice(0, KMS_SAMPLE_SIZE).map(toKmsEvent),
    kmsCounts: counts,
    checkedAt: iso(e.nowMs),
  };
  const recheck = (atMs: number) => iso(Math.max(atMs, e.nowMs + MIN_RECHECK_MS));
  const result = (
    status: VerifyStatus,
    reason: VerifyReason,
    summary: string,
    extra: { errorCode?: string | null; nextCheckAfter?: string | null } = {},
  ): VerifyResult => ({
    ...base,
    status,
    reason,
    summary,
    errorCode: extra.errorCode ?? null,
    nextCheckAfter: status === 'pending' ? (extra.nextCheckAfter ?? null) : null,
  });
  const noKeyNote =
    counts.withoutKeyId > 0
      ? ` (${counts.withoutKeyId} of them ${counts.withoutKeyId === 1 ? 'names no key and was' : 'name no key and were'} counted as this key's)`
      : '';

  // 1. The change itself.
  if (!e.changeEvent) {
    if (e.nowMs < e.sinceMs + CHANGE_EVENT_DEADLINE_MS) {
      return result(
        'pending',
        'waiting-for-change-event',
        `ActionTrail does not show the UpdateKMSEncryption call for cluster ${e.clusterId} yet; it can take up to 10 minutes to appear.`,
        { nextCheckAfter: recheck(e.sinceMs + ACTIONTRAIL_LAG_MS) },
      );
    }
    return result(
      'not-verified',
      'change-event-missing',
      `ActionTrail in ${e.regionId} has no UpdateKMSEncryption record for cluster ${e.clusterId} since ${iso(e.sinceMs)}, although more than 15 minutes have passed.`,
    );
  }
  const change = e.changeEvent;
  if (change.errorCode) {
    return result(
      'not-verified',
      'change-event-failed',
      `ActionTrail records the UpdateKMSEncryption call for cluster ${e.clusterId} as failed with ${change.errorCode}.`,
      { errorCode: change.errorCode },
    );
  }

  // 2a. Enable: the service role must be using the key.
  if (e.action === 'enable') {
    const ok = newestFirst.filter((x) => x.errorCode === null);
    const newest = newestFirst[0];
    if (newest && newest.errorCode !== null) {
      return result(
        'not-verified',
        'kms-events-failed',
        `The newest KMS ${newest.eventName} by AliyunCSManagedSecurityRole for key ${e.keyId} failed with ${newest.errorCode} (${plural(counts.failed, 'failed event')} of ${newestFirst.length}); check that the key is enabled and not pending deletion.`,
        { errorCode: newest.errorCode },
      );
    }
    if (ok.length > 0) {
      return result(
        'verified',
        'change-and-kms-events-found',
        `ActionTrail shows the UpdateKMSEncryption call at ${change.eventTime} and ${plural(counts.encrypt, 'Encrypt')} and ${plural(counts.decrypt, 'Decrypt')} by AliyunCSManagedSecurityRole with key ${e.keyId} since then${noKeyNote}.`,
      );
    }
    const deadline = changeEndMs(e) + ENABLE_EVIDENCE_DEADLINE_MS;
    if (e.nowMs < deadline) {
      return result(
        'pending',
        'waiting-for-kms-events',
        `The UpdateKMSEncryption call is recorded, but no Encrypt or Decrypt by AliyunCSManagedSecurityRole with key ${e.keyId} is visible yet; ActionTrail can lag by up to 10 minutes.`,
        { nextCheckAfter: recheck(changeEndMs(e) + ACTIONTRAIL_LAG_MS) },
      );
    }
    return result(
      'not-verified',
      'kms-events-missing',
      `No Encrypt or Decrypt by AliyunCSManagedSecurityRole with key ${e.keyId} appeared in ActionTrail within 15 minutes of the change ending${e.truncated ? ' (the page limit was reached, so older events were not all read)' : ''}; the cluster may not be using the key.`,
    );
  }

  // 2b. Disable: after the grace period the service role must no longer use the key.
  const late = newestFirst.filter((x) => eventMs(x) >= quietStart);
  const firstLate = late[late.length - 1];
  if (firstLate) {
    return result(
      'not-verified',
      'kms-events-after-disable',
      `AliyunCSManagedSecurityRole still called KMS ${firstLate.eventName} with key ${e.keyId} at ${firstLate.eventTime}, after the change ended (${plural(late.length, 'event')} after the 5-minute grace period${noKeyNote}).`,
      { errorCode: late[0]?.errorCode ?? null },
    );
  }
  if (e.nowMs < quietStart + ACTIONTRAIL_LAG_MS) {
    return result(
      'pending',
      'waiting-for-quiet-period',
      `The UpdateKMSEncryption call is recorded and no KMS use of key ${e.keyId} by AliyunCSManagedSecurityRole is visible after the change; to be sure, look again once ActionTrail has caught up (it lags by up to 10 minutes).`,
      { nextCheckAfter: recheck(quietStart + ACTIONTRAIL_LAG_MS) },
    );
  }
  return result(
    'verified',
    'no-kms-events-after-change',
    `ActionTrail shows the UpdateKMSEncryption call at ${change.eventTime} and no Encrypt or Decrypt by AliyunCSManagedSecurityRole with key ${e.keyId} from ${iso(quietStart)} (5 minutes after the change ended) until ${iso(e.nowMs - ACTIONTRAIL_LAG_MS)}.`,
  );
}
