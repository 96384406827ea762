// verify.run: proof from ActionTrail that a Secret-encryption change took effect, the way the ACK
// doc says to check it by hand ("the event query shows encrypt and decrypt events of the
// aliyuncsmanagedsecurityrole system role"), plus the UpdateKMSEncryption record itself.
//
// Calls, at most 2 + 2 × MAX_PAGES LookupEvents (paced to 2/s per account by actiontrail.ts):
// 1. EventName=UpdateKMSEncryption AND ResourceName=<cluster id>; if that finds nothing (the
//    cloud may not put the cluster id in resourceName), EventName=UpdateKMSEncryption alone,
//    filtered here.
// 2. ServiceName=Kms AND EventName=Encrypt, then the same with Decrypt (the query of
//    docs/alibaba-cloud-api.md §8.3), filtered here by the service role identity and the key,
//    leaving out the calls that name another cluster (clusterIdsNamed).
//
// Times: `since` and `now` must be in the cloud's clock. For the real cloud that is the wall
// clock; against the simulator with timeScale > 1 it is the simulator's clock.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { VerifyAction, VerifyResult } from '../../contract/types/verify';
import { lookupAllEvents } from '../cloud/actiontrail';
import type { LookupKey, TrailEvent } from '../cloud/actiontrail';
import { isOffered } from '../cloud/endpoints';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { RETENTION_MS, decide, emptyCounts } from './decide';
import type { Evidence } from './decide';
import {
  clusterEvents,
  countsForKey,
  eventMs,
  isServiceRoleEvent,
  pickChangeEvent,
} from './evidence';

export interface VerifyInput {
  clusterId: string;
  regionId: string;
  /** The key the cluster should use (enable) or used until the change (disable). */
  keyId: string;
  action: VerifyAction;
  /** When the change was requested (cloud clock). */
  since: Date;
  /** Now, in the cloud's clock. */
  now: Date;
  /** When the change was seen to end, if known; else it is assumed to take 15 minutes. */
  endedAt?: Date | null;
  /** The x-acs-request-id of the UpdateKMSEncryption call, to pick its record exactly. */
  requestId?: string | null;
}

export interface VerifyOptions {
  /** DNS lookup used to tell "no such endpoint" from other network trouble (tests replace it). */
  lookupHost?: HostLookup;
}

/** Hard cap on pages per query (up to 50 events a page); reaching it marks the scan truncated. */
export const MAX_PAGES = 10;
/** Our clock and the cloud's may differ a little: start the search this much earlier. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** ACK cluster ids: `c` and 32 hex digits (e.g. `c82e6987e2961451182edacd74faf…`). */
const CLUSTER_ID = /\bc[0-9a-f]{32}\b/g;

/**
 * The cluster ids a service-role KMS record names: in its session (userName
 * "<role>:<session>", principalId "<roleId>:<session>", requestParameters.stsTokenPrincipalName)
 * or its encryption context. GUESS (docs/alibaba-cloud-api.md §8.3): which of these ACK fills in
 * is undocumented (the simulator's session is the cluster id). A record that names only other
 * clusters is another cluster's call, even when it uses our key (two clusters of one account and
 * region may share a key); a record that names none is still counted, as before.
 */
export function clusterIdsNamed(event: TrailEvent): Set<string> {
  const p = event.requestParameters;
  const context = p.EncryptionContext ?? p.encryptionContext;
  const texts = [
    event.userIdentity.userName,
    event.userIdentity.principalId,
    typeof p.stsTokenPrincipalName === 'string' ? p.stsTokenPrincipalName : null,
    typeof context === 'string' ? context : context ? JSON.stringify(context) : null,
  ];
  const ids = new Set<string>();
  for (const text of texts) for (const m of (text ?? '').matchAll(CLUSTER_ID)) ids.add(m[0]);
  return ids;
}

/** Is this record another cluster's KMS call (it names clusters, and not ours)? */
export function isOtherClustersCall(event: TrailEvent, clusterId: string): boolean {
  const named = clusterIdsNamed(event);
  return named.size > 0 && !named.has(clusterId);
}

interface PagedEvents {
  events: TrailEvent[];
  truncated: boolean;
}

function lookupAll(
  session: CloudSession,
  regionId: string,
  attributes: { key: LookupKey; value: string }[],
  startTime: Date,
  endTime: Date,
): Promise<PagedEvents> {
  return lookupAllEvents(session, { regionId, startTime, endTime, attributes }, MAX_PAGES);
}

function base(input: VerifyInput) {
  return {
    clusterId: input.clusterId,
    regionId: input.regionId,
    keyId: input.keyId,
    action: input.action,
    changeEvent: null,
    kmsEvents: [],
    kmsCounts: emptyCounts(),
    checkedAt: input.now.toISOString(),
    nextCheckAfter: null,
  };
}

function unavailable(input: VerifyInput, why: string): VerifyResult {
  return {
    ...base(input),
    status: 'unavailable',
    reason: 'region-without-actiontrail',
    summary: `ActionTrail has no endpoint in region ${input.regionId} (${why}), so the change cannot be verified from its records; check the cluster's encryption in the ACK console instead.`,
    errorCode: null,
  };
}

export type HostLookup = (host: string) => Promise<unknown>;

const hostOf = (endpoint: string) => endpoint.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');

/**
 * The cloud has no ActionTrail host for the region: it answers InvalidRegion.NotFound, or (the
 * real cloud, where the host simply does not exist) the call fails on the network and the
 * ActionTrail host name does not resolve while the region's CS host does. CloudError does not
 * keep the errno, so we ask DNS ourselves; comparing with the CS host keeps a machine without
 * DNS (e.g. one behind a proxy that resolves for it) from reading as "no endpoint".
 */
export async function isMissingEndpoint(
  error: CloudError,
  session: CloudSession,
  regionId: string,
  lookupHost: HostLookup = (host) => dnsLookup(host),
): Promise<boolean> {
  if (error.cloud.cloudCode === 'InvalidRegion.NotFound') return true;
  if (error.kind !== 'network') return false;
  const resolves = (host: string) =>
    lookupHost(host).then(
      () => 'yes' as const,
      (e: NodeJS.ErrnoException) =>
        e.code === 'ENOTFOUND' ? ('no' as const) : ('unknown' as const),
    );
  try {
    const trail = await resolves(hostOf(session.target('actiontrail', regionId).endpoint));
    if (trail !== 'no') return false;
    return (await resolves(hostOf(session.target('cs', regionId).endpoint))) === 'yes';
  } catch {
    return false;
  }
}

export async function verifyEncryption(
  session: CloudSession,
  input: VerifyInput,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const { regionId, clusterId, keyId, action } = input;
  if (!isOffered('actiontrail', regionId)) {
    return unavailable(input, 'it is not in ActionTrail’s endpoint list');
  }
  const nowMs = input.now.getTime();
  const sinceMs = input.since.getTime();
  if (nowMs - sinceMs > RETENTION_MS) {
    return {
      ...base(input),
      status: 'unavailable',
      reason: 'outside-retention',
      summary: `The change started on ${input.since.toISOString()}, more than 90 days ago; ActionTrail keeps events for 90 days, so it can no longer be verified from its records.`,
      errorCode: null,
    };
  }
  const start = new Date(Math.min(sinceMs - CLOCK_SKEW_MS, nowMs));

  try {
    // 1. The UpdateKMSEncryption record.
    const pickOpts = {
      clusterId,
      action,
      keyId,
      fromMs: sinceMs - CLOCK_SKEW_MS,
      requestId: input.requestId ?? null,
    };
    const narrow = await lookupAll(
      session,
      regionId,
      [
        { key: 'EventName', value: 'UpdateKMSEncryption' },
        { key: 'ResourceName', value: clusterId },
      ],
      start,
      input.now,
    );
    let changeEvent = pickChangeEvent(narrow.events, pickOpts);
    if (!changeEvent) {
      const wide = await lookupAll(
        session,
        regionId,
        [{ key: 'EventName', value: 'UpdateKMSEncryption' }],
        start,
        input.now,
      );
      changeEvent = pickChangeEvent(wide.events, pickOpts);
    }

    // 2. The service role's KMS calls since the change (only worth asking once it is recorded).
    let roleEvents: TrailEvent[] = [];
    let scanned = 0;
    let truncated = false;
    if (changeEvent && !changeEvent.errorCode) {
      const changeMs = eventMs(changeEvent);
      const kmsStart = new Date(
        Math.min(Number.isNaN(changeMs) ? start.getTime() : changeMs, nowMs),
      );
      for (const eventName of ['Encrypt', 'Decrypt']) {
        const found = await lookupAll(
          session,
          regionId,
          [
            { key: 'ServiceName', value: 'Kms' },
            { key: 'EventName', value: eventName },
          ],
          kmsStart,
          input.now,
        );
        scanned += found.events.length;
        truncated ||= found.truncated;
        roleEvents.push(
          ...found.events.filter(
            (e) =>
              e.eventName === eventName &&
              isServiceRoleEvent(e) &&
              countsForKey(e, keyId) &&
              !isOtherClustersCall(e, clusterId) &&
              eventMs(e) >= kmsStart.getTime(),
          ),
        );
      }
      // Paging may repeat an event at a page boundary; keep one of each. Then only this
      // cluster's: the same key may serve other clusters of the account and region.
      roleEvents = clusterEvents(
        [...new Map(roleEvents.map((e) => [e.eventId, e])).values()],
        clusterId,
      );
    }

    const evidence: Evidence = {
      clusterId,
      regionId,
      keyId,
      action,
      sinceMs,
      endedAtMs: input.endedAt ? input.endedAt.getTime() : null,
      nowMs,
      changeEvent,
      roleEvents,
      scanned,
      truncated,
    };
    return decide(evidence);
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    if (error.kind === 'unavailable') {
      return unavailable(input, 'it is not in ActionTrail’s endpoint list');
    }
    if (await isMissingEndpoint(error, session, regionId, options.lookupHost)) {
      return unavailable(input, error.cloud.cloudCode ?? 'its host name does not resolve');
    }
    if (error.kind === 'permission') {
      const code = error.cloud.cloudCode ?? `HTTP ${error.cloud.httpStatus ?? '?'}`;
      return {
        ...base(input),
        status: 'not-verified',
        reason: 'no-permission',
        summary: `ActionTrail refused to list events (${code}); the account's RAM user or role needs actiontrail:LookupEvents (e.g. AliyunActionTrailReadOnlyAccess) to verify the change.`,
        errorCode: code,
      };
    }
    // Credentials, throttling that outlasted the retries, server or network trouble: the caller
    // reports a cloud error and the user can run the check again.
    throw error;
  }
}
