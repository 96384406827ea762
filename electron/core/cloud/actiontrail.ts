// ActionTrail (2020-07-06, RPC) LookupEvents through openapi-core's generic call (no SDK on the
// registry). At most two calls per second per account, so calls go through a small pacer.
import { sleep } from '../util/sleep';
import { assertOffered } from './endpoints';
import { pageByToken } from './paging';
import { rpcCall } from './rpc';
import type { RpcQuery } from './rpc';
import type { CloudSession } from './session';

const VERSION = '2020-07-06';
/** LookupEvents takes MaxResults 1 to 50 (docs/alibaba-cloud-api.md). */
export const LOOKUP_PAGE_SIZE = 50;

/** Exact, case-sensitive keys ActionTrail accepts (docs/alibaba-cloud-api.md §8.1). */
export type LookupKey =
  | 'ServiceName'
  | 'EventName'
  | 'User'
  | 'EventId'
  | 'ResourceType'
  | 'ResourceName'
  | 'EventRW'
  | 'EventAccessKeyId'
  | 'SensitiveAction'
  | 'SourceIpAddress'
  | 'EventType'
  | 'RoleName';

export interface LookupQuery {
  regionId: string;
  /**
   * The cloud wants both or neither (neither: the last 7 days up to the cloud's now). Leave both
   * out when the cloud's clock may differ from ours (the time-scaled simulator).
   */
  startTime?: Date;
  endTime?: Date;
  /** BACKWARD (the cloud's default) gives newest first. */
  direction?: 'FORWARD' | 'BACKWARD';
  /** One or two conditions (ANDed); more are ignored by the cloud, so we refuse them. */
  attributes: { key: LookupKey; value: string }[];
  maxResults?: number;
  nextToken?: string;
}

export interface TrailEvent {
  eventId: string;
  eventName: string;
  eventTime: string;
  serviceName: string | null;
  acsRegion: string | null;
  requestId: string | null;
  userIdentity: {
    type: string | null;
    userName: string | null;
    principalId: string | null;
    accountId?: string | null;
  };
  requestParameters: Record<string, unknown>;
  resourceName: string | null;
  errorCode: string | null;
  errorMessage?: string | null;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function toEvent(raw: Record<string, unknown>): TrailEvent {
  const identity = (raw.userIdentity ?? {}) as Record<string, unknown>;
  const params = raw.requestParameters;
  return {
    eventId: str(raw.eventId) ?? '',
    eventName: str(raw.eventName) ?? '',
    eventTime: str(raw.eventTime) ?? '',
    serviceName: str(raw.serviceName),
    acsRegion: str(raw.acsRegion),
    requestId: str(raw.requestId),
    userIdentity: {
      type: str(identity.type),
      userName: str(identity.userName),
      principalId: str(identity.principalId),
      accountId: str(identity.accountId),
    },
    requestParameters:
      typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {},
    resourceName: str(raw.resourceName),
    errorCode: str(raw.errorCode),
    errorMessage: str(raw.errorMessage),
  };
}

/** Spaces calls out to the documented 2 per second (per account key). */
export class Pacer {
  private next = 0;
  constructor(private readonly intervalMs = 500) {}
  async wait(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await sleep(at - now);
  }
}

const pacers = new Map<string, Pacer>();

export async function lookupEvents(
  session: CloudSession,
  query: LookupQuery,
): Promise<{ events: TrailEvent[]; nextToken: string | null; requestId: string | null }> {
  if (query.attributes.length === 0 || query.attributes.length > 2) {
    throw new RangeError('LookupEvents takes one or two lookup attributes');
  }
  if ((query.startTime === undefined) !== (query.endTime === undefined)) {
    throw new RangeError('LookupEvents takes StartTime and EndTime together, or neither');
  }
  const params: RpcQuery = {
    // RegionId is a common RPC parameter; it also lets one endpoint (a proxy, the simulator)
    // tell the regions apart.
    RegionId: query.regionId,
    MaxResults: query.maxResults ?? LOOKUP_PAGE_SIZE,
    NextToken: query.nextToken,
  };
  if (query.startTime && query.endTime) {
    params.StartTime = iso(query.startTime);
    params.EndTime = iso(query.endTime);
  }
  if (query.direction) params.Direction = query.direction;
  query.attributes.forEach((attr, i) => {
    params[`LookupAttribute.${i + 1}.Key`] = attr.key;
    params[`LookupAttribute.${i + 1}.Value`] = attr.value;
  });
  assertOffered('actiontrail', query.regionId, 'LookupEvents');
  let pacer = pacers.get(session.accountKey);
  if (!pacer) pacers.set(session.accountKey, (pacer = new Pacer()));
  await pacer.wait();
  const body = await session.call(
    'actiontrail',
    'LookupEvents',
    query.regionId,
    (config) =>
      rpcCall<{ Events?: Record<string, unknown>[]; NextToken?: string; RequestId?: string }>(
        config,
        'LookupEvents',
        VERSION,
        params,
      ),
    { idempotent: true },
  );
  return {
    events: (body.Events ?? []).map(toEvent),
    nextToken: str(body.NextToken),
    requestId: str(body.RequestId),
  };
}

export interface AllEvents {
  events: TrailEvent[];
  /** True when maxPages ended the query before the cloud's NextToken did. */
  truncated: boolean;
  pages: number;
}

/**
 * Every event of a query, NextToken after NextToken, up to maxPages calls. Reaching the cap is a
 * result (the caller reports what it scanned), not an error; a token handed back twice or a page
 * of nothing but events already seen is a broken answer and fails (paging.ts).
 */
export async function lookupAllEvents(
  session: CloudSession,
  query: Omit<LookupQuery, 'nextToken' | 'maxResults'>,
  maxPages: number,
): Promise<AllEvents> {
  const paged = await pageByToken(
    { product: 'actiontrail', action: 'LookupEvents', regionId: query.regionId },
    async (nextToken) => {
      const answer = await lookupEvents(session, {
        ...query,
        maxResults: LOOKUP_PAGE_SIZE,
        ...(nextToken ? { nextToken } : {}),
      });
      return { items: answer.events, nextToken: answer.nextToken };
    },
    { idOf: (e) => e.eventId || null, limits: { maxPages }, atPageCap: 'truncate' },
  );
  return { events: paged.items, truncated: paged.truncated, pages: paged.pages };
}
