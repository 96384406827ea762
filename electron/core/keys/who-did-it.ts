// Who disabled a key or scheduled its deletion: the ActionTrail record of that KMS call.
// ActionTrail answers at most 2 LookupEvents a second per account and delivers events up to 10
// minutes late (docs/alibaba-cloud-api.md §8.2), so each finding is looked up at most once per
// RETRY_MS until found, a found record is kept for good, and each lookup reads at most MAX_PAGES.
import { messageOf } from '../../contract/message-of';
import type { KeyActor, KeyFindingKind, KeyWhoDidIt } from '../../contract/types/key-guard';
import { lookupAllEvents } from '../cloud/actiontrail';
import type { TrailEvent } from '../cloud/actiontrail';
import { isOffered } from '../cloud/endpoints';
import type { CloudSession } from '../cloud/session';

/** Pages of 50 events per event name: the newest 100 calls of that name in the region. */
export const MAX_PAGES = 2;
/** A finding whose record is not there yet is asked about again after this long. */
export const RETRY_MS = 5 * 60_000;
/** ActionTrail's documented delivery delay: before it has passed, "not yet", not "not found". */
export const TRAIL_LAG_MS = 10 * 60_000;

/** The KMS calls that put a key in the state a finding is about (newest first wins). */
export const EVENTS_FOR: Partial<Record<KeyFindingKind, string[]>> = {
  'key-disabled': ['DisableKey'],
  'key-pending-deletion': ['ScheduleKeyDeletion'],
  'deletion-protection-off': ['SetDeletionProtection'],
};

/** Does the record name this key (by id, or by an ARN ending in it)? */
function namesKey(event: TrailEvent, keyId: string): boolean {
  const names = [
    event.resourceName,
    event.requestParameters.KeyId,
    event.requestParameters.ProtectedResourceArn,
  ].filter((v): v is string => typeof v === 'string' && v !== '');
  return names.some((n) => n === keyId || n.endsWith(`key/${keyId}`));
}

function isDisablingProtection(event: TrailEvent): boolean {
  if (event.eventName !== 'SetDeletionProtection') return true;
  const v = event.requestParameters.EnableDeletionProtection;
  return v === false || v === 'false';
}

function actorOf(event: TrailEvent & { sourceIpAddress?: string | null }): KeyActor {
  return {
    userName: event.userIdentity.userName,
    type: event.userIdentity.type,
    eventName: event.eventName,
    eventTime: event.eventTime,
    requestId: event.requestId,
    sourceIpAddress: event.sourceIpAddress ?? null,
  };
}

/** The newest successful call of `eventNames` on the key in its region, or null. */
export async function findActor(
  session: CloudSession,
  regionId: string,
  keyId: string,
  eventNames: string[],
): Promise<KeyActor | null> {
  let best: TrailEvent | null = null;
  for (const eventName of eventNames) {
    const { events } = await lookupAllEvents(
      session,
      {
        regionId,
        attributes: [
          { key: 'ServiceName', value: 'Kms' },
          { key: 'EventName', value: eventName },
        ],
      },
      MAX_PAGES,
    );
    for (const e of events) {
      if (e.errorCode || !namesKey(e, keyId) || !isDisablingProtection(e)) continue;
      if (!best || e.eventTime > best.eventTime) best = e;
    }
  }
  return best ? actorOf(best) : null;
}

interface Remembered {
  result: KeyWhoDidIt;
  at: number;
}

/** One answer per finding id: found ones for good, the rest asked again after RETRY_MS. */
export class WhoDidItCache {
  private readonly known = new Map<string, Remembered>();

  constructor(private readonly now: () => number) {}

  async lookup(
    findingId: string,
    firstSeenAt: number,
    ask: { session: CloudSession; regionId: string; keyId: string; kind: KeyFindingKind },
  ): Promise<KeyWhoDidIt | null> {
    const eventNames = EVENTS_FOR[ask.kind];
    if (!eventNames) return null;
    const now = this.now();
    const before = this.known.get(findingId);
    if (before && (before.result.status === 'found' || now - before.at < RETRY_MS))
      return before.result;
    const checkedAt = new Date(now).toISOString();
    let result: KeyWhoDidIt;
    if (!isOffered('actiontrail', ask.regionId)) {
      result = {
        status: 'unavailable',
        actor: null,
        note: `ActionTrail has no endpoint in ${ask.regionId}.`,
        checkedAt,
      };
    } else {
      try {
        const actor = await findActor(ask.session, ask.regionId, ask.keyId, eventNames);
        result = actor
          ? { status: 'found', actor, note: null, checkedAt }
          : {
              status: now - firstSeenAt < TRAIL_LAG_MS ? 'not-yet' : 'not-found',
              actor: null,
              note: null,
              checkedAt,
            };
      } catch (error) {
        result = {
          status: 'unavailable',
          actor: null,
          note: messageOf(error),
          checkedAt,
        };
      }
    }
    this.known.set(findingId, { result, at: now });
    return result;
  }

  /** Forgets findings that no longer stand. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.known.keys()) if (!ids.has(id)) this.known.delete(id);
  }
}
