// Reading ActionTrail records: which event is "our" UpdateKMSEncryption, and which KMS calls were
// made by ACK's service role for our key. Pure functions, no I/O.
//
// What is known and what is guessed (docs/alibaba-cloud-api.md §8.3):
// - An assumed role shows as userIdentity.type "assumed-role", userName "<roleName>:<session>",
//   with role names lower-cased. ACK's role session name is undocumented, so we match the role
//   name prefix only, never the session.
// - Encrypt records the key in requestParameters.KeyId. Where Decrypt records it (it takes a
//   CiphertextBlob, not a KeyId) is unconfirmed: we read KeyId, then a key-like resourceName, and
//   a service-role Decrypt that names no key at all is counted as this key's (GUESS). That can
//   over-count when another cluster of the same account and region uses the same role, so the
//   counts say how many events named no key.
// - Whether ActionTrail puts the cluster id in resourceName for UpdateKMSEncryption is
//   unconfirmed (the simulator does); we also look in requestParameters.
import type { VerifyAction, VerifyChangeEvent, VerifyKmsEvent } from '../../contract/types/verify';
import type { TrailEvent } from '../cloud/actiontrail';

/** Lower-case prefix of userIdentity.userName for AliyunCSManagedSecurityRole sessions. */
export const SERVICE_ROLE_PREFIX = 'aliyuncsmanagedsecurityrole';

export function isServiceRoleEvent(event: TrailEvent): boolean {
  const { type, userName } = event.userIdentity;
  return (
    type === 'assumed-role' &&
    userName !== null &&
    userName.toLowerCase().startsWith(SERVICE_ROLE_PREFIX)
  );
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Splits a resourceName that may list several resources ("a;b", "a,b"). */
function resourceNames(event: TrailEvent): string[] {
  return (event.resourceName ?? '')
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A key id or a key ARN (acs:kms:<region>:<uid>:key/<id>). */
function looksLikeKey(value: string): boolean {
  return /^key-/i.test(value) || /:key\/[^/]+$/i.test(value);
}

/** The key an event names, or null when the record does not say. */
export function eventKeyId(event: TrailEvent): string | null {
  const p = event.requestParameters;
  const fromParams = str(p.KeyId) ?? str(p.keyId);
  if (fromParams) return fromParams;
  return resourceNames(event).find(looksLikeKey) ?? null;
}

/** Same key, whether written as an id or as an ARN ending in key/<id>. */
export function sameKey(named: string, keyId: string): boolean {
  const strip = (k: string) => k.replace(/^.*:key\//i, '');
  return strip(named) === strip(keyId);
}

/** Does a service-role KMS event count for this key? Events naming no key do (see above). */
export function countsForKey(event: TrailEvent, keyId: string): boolean {
  const named = eventKeyId(event);
  return named === null || sameKey(named, keyId);
}

function truthy(value: unknown): boolean | null {
  if (value === true || value === 'true' || value === 'True') return true;
  if (value === false || value === 'false' || value === 'False') return false;
  return null;
}

/** Is this UpdateKMSEncryption record about our cluster (resourceName or request parameters)? */
export function isClusterChange(event: TrailEvent, clusterId: string): boolean {
  if (event.eventName !== 'UpdateKMSEncryption') return false;
  if (resourceNames(event).includes(clusterId)) return true;
  const p = event.requestParameters;
  return [p.ClusterId, p.clusterId, p.cluster_id].some((v) => v === clusterId);
}

/**
 * Does the record's body agree with the change we made? Records that say nothing about the body
 * agree (the cloud may not log it); one that says "disable" does not match an enable, and one
 * that names another key does not match an enable with ours.
 */
export function agreesWithAction(event: TrailEvent, action: VerifyAction, keyId: string): boolean {
  const p = event.requestParameters;
  const disable = truthy(p.disable_encryption ?? p.DisableEncryption ?? p.disableEncryption);
  if (action === 'disable') return disable !== false;
  if (disable === true) return false;
  const named = str(p.kms_key_id) ?? str(p.KmsKeyId) ?? str(p.kmsKeyId);
  return named === null || sameKey(named, keyId);
}

export function toChangeEvent(event: TrailEvent): VerifyChangeEvent {
  return {
    eventId: event.eventId,
    eventTime: event.eventTime,
    requestId: event.requestId,
    user: event.userIdentity.userName,
    errorCode: event.errorCode,
  };
}

export function toKmsEvent(event: TrailEvent): VerifyKmsEvent {
  return {
    eventId: event.eventId,
    eventName: event.eventName,
    eventTime: event.eventTime,
    keyId: eventKeyId(event),
    user: event.userIdentity.userName,
    errorCode: event.errorCode,
  };
}

/** Milliseconds since the epoch of an ActionTrail eventTime; NaN when unreadable. */
export function eventMs(event: { eventTime: string }): number {
  return Date.parse(event.eventTime);
}

/**
 * Picks our change among the cluster's UpdateKMSEncryption records: the one with our request id
 * if ActionTrail recorded it, else the earliest one at or after the change's start.
 */
export function pickChangeEvent(
  candidates: TrailEvent[],
  opts: {
    clusterId: string;
    action: VerifyAction;
    keyId: string;
    fromMs: number;
    requestId?: string | null;
  },
): TrailEvent | null {
  const ours = candidates.filter(
    (e) =>
      isClusterChange(e, opts.clusterId) &&
      agreesWithAction(e, opts.action, opts.keyId) &&
      eventMs(e) >= opts.fromMs,
  );
  if (opts.requestId) {
    const exact = ours.find((e) => e.requestId === opts.requestId);
    if (exact) return exact;
  }
  ours.sort((a, b) => eventMs(a) - eventMs(b) || a.eventId.localeCompare(b.eventId));
  return ours[0] ?? null;
}
