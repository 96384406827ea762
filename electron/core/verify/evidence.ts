// Reading ActionTrail records: which event is "our" UpdateKMSEncryption, and which KMS calls were
// made by ACK's service role for our key and our cluster. Pure functions, no I/O. The facts and
// guesses behind each rule are in docs/alibaba-cloud-api.md §8.3:
// - An assumed role shows as userIdentity.type "assumed-role" and userName "<role>:<session>"
//   (ActionTrail's sample event). Role names appear lower-cased in events, so the role part is
//   compared lower-cased and EXACTLY: a role merely starting with the name is not ACK's.
// - ACK's session name is undocumented. A session (or an encryption context) that names this
//   cluster is the best evidence; one that names another cluster id is not ours; one that names
//   none counts, and the result says how many of the counted events named the cluster.
// - Encrypt records the key in requestParameters.KeyId (any form KMS accepts: id of either
//   form, alias, ARN). Decrypt takes a CiphertextBlob and no KeyId (ACK's open-source KMS plugin
//   sends only that), so a service-role Decrypt naming no key is counted as this key's (GUESS),
//   and the counts say how many named no key.
// - Whether ActionTrail puts the cluster id in resourceName for UpdateKMSEncryption is
//   unconfirmed (the simulator does); we also look in requestParameters.
import { keyIdWithoutLookup, parseKeyRef } from '../../contract/key-ref';
import type { VerifyAction, VerifyChangeEvent, VerifyKmsEvent } from '../../contract/types/verify';
import type { TrailEvent } from '../cloud/actiontrail';

/** AliyunCSManagedSecurityRole as ActionTrail writes it in userIdentity.userName. */
export const SERVICE_ROLE_NAME = 'aliyuncsmanagedsecurityrole';

/** The role and session of an assumed-role event ("<role>:<session>"), role lower-cased. */
export function assumedRole(event: TrailEvent): { role: string; session: string | null } | null {
  const { type, userName } = event.userIdentity;
  if (type !== 'assumed-role' || !userName) return null;
  const colon = userName.indexOf(':');
  return colon < 0
    ? { role: userName.toLowerCase(), session: null }
    : { role: userName.slice(0, colon).toLowerCase(), session: userName.slice(colon + 1) || null };
}

export function isServiceRoleEvent(event: TrailEvent): boolean {
  return assumedRole(event)?.role === SERVICE_ROLE_NAME;
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

/** The key an event names (as it names it: id, alias or ARN), or null when it does not say. */
export function eventKeyId(event: TrailEvent): string | null {
  const p = event.requestParameters;
  const fromParams = str(p.KeyId) ?? str(p.keyId);
  if (fromParams) return fromParams;
  return resourceNames(event).find((name) => parseKeyRef(name) !== null) ?? null;
}

/**
 * Does a key reference from a record name our key? Ids (either form) and ARNs compare by the key
 * id; an alias compares with the aliases we know for the key.
 */
export function sameKey(named: string, keyId: string, aliases: readonly string[] = []): boolean {
  const ref = parseKeyRef(named);
  if (ref?.kind === 'alias') return aliases.includes(ref.alias);
  const id = keyIdWithoutLookup(named) ?? named;
  return id === (keyIdWithoutLookup(keyId) ?? keyId);
}

/** Does a service-role KMS event count for this key? Events naming no key do (see above). */
export function countsForKey(
  event: TrailEvent,
  keyId: string,
  aliases: readonly string[] = [],
): boolean {
  const named = eventKeyId(event);
  return named === null || sameKey(named, keyId, aliases);
}

/** ACK cluster ids: "c" and 32 hex digits. */
const CLUSTER_ID = /(?<![A-Za-z0-9])c[0-9a-f]{32}(?![A-Za-z0-9])/g;

/** Where an event may name a cluster: the role session and the encryption context. */
function clusterHints(event: TrailEvent): string[] {
  const p = event.requestParameters;
  const context = p.EncryptionContext ?? p.encryptionContext;
  return [
    assumedRole(event)?.session ?? '',
    typeof context === 'string' ? context : context ? JSON.stringify(context) : '',
  ].filter(Boolean);
}

/** Does the event name this cluster, another cluster, or none? */
export function clusterMention(event: TrailEvent, clusterId: string): 'this' | 'other' | 'none' {
  const hints = clusterHints(event);
  const ours = new RegExp(
    `(?<![A-Za-z0-9])${clusterId.replace(/[^A-Za-z0-9]/g, '\\$&')}(?![A-Za-z0-9])`,
  );
  if (hints.some((h) => ours.test(h))) return 'this';
  if (hints.some((h) => [...h.matchAll(CLUSTER_ID)].some((m) => m[0] !== clusterId)))
    return 'other';
  return 'none';
}

/**
 * The service-role events that are this cluster's: those naming it, when any does (the
 * plugin names its cluster, so the others are other clusters'); else all but those naming
 * another cluster.
 */
export function clusterEvents(events: TrailEvent[], clusterId: string): TrailEvent[] {
  const mention = new Map(events.map((e) => [e, clusterMention(e, clusterId)]));
  const own = events.filter((e) => mention.get(e) === 'this');
  return own.length > 0 ? own : events.filter((e) => mention.get(e) !== 'other');
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
