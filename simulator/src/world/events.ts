// ActionTrail: recorded events (fixture history + calls made through the simulator) and
// synthetic KMS Encrypt/Decrypt events made by AliyunCSManagedSecurityRole while a cluster's
// encryption is on. Synthetic events are computed on demand for the queried window only, so
// a long-running world does not accumulate millions of records.
import { createHash } from 'node:crypto';
import { isoUtc } from '../clock';
import type { EventFx, Timing } from '../fixtures/schema';
import { SERVICE_ROLE_NAME } from './policies';
import type { AccountRt, ClusterRt, KeyRt } from './runtime';

/**
 * What the store reads of the world (World has it): named here rather than imported, since the
 * World owns its EventStore.
 */
export interface EventWorld {
  readonly timing: Timing;
  readonly accounts: ReadonlyMap<string, AccountRt>;
  readonly keys: ReadonlyMap<string, KeyRt>;
  clustersIn(accountId: string, regionId?: string): readonly ClusterRt[];
}

export interface TrailEvent {
  ms: number;
  json: Record<string, unknown>;
}

export interface LookupQuery {
  accountId: string;
  regionId: string;
  start: number;
  end: number;
  attributes: { key: string; value: string }[];
  direction: 'FORWARD' | 'BACKWARD';
}

/** LookupAttribute keys the real service accepts (docs/alibaba-cloud-api.md §8.1). */
export const LOOKUP_KEYS = new Set([
  'ServiceName',
  'EventName',
  'User',
  'EventId',
  'ResourceType',
  'ResourceName',
  'EventRW',
  'EventAccessKeyId',
  'SensitiveAction',
  'SourceIpAddress',
  'EventType',
  'RoleName',
]);

const hashId = (s: string) => {
  const h = createHash('sha1').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
};

export class EventStore {
  private readonly stored = new Map<string, TrailEvent[]>();
  private seq = 0;

  constructor(private readonly world: EventWorld) {}

  private list(accountId: string, regionId: string): TrailEvent[] {
    const k = `${accountId}|${regionId}`;
    let l = this.stored.get(k);
    if (!l) this.stored.set(k, (l = []));
    return l;
  }

  addFixtureEvent(accountId: string, e: EventFx, ms: number): void {
    const acct = this.world.accounts.get(accountId)!;
    const [kind, name, session] = e.actor.split(':');
    let userIdentity: Record<string, unknown>;
    if (kind === 'user') {
      const u = acct.users.get(name ?? '');
      userIdentity = {
        type: 'ram-user',
        accountId,
        principalId: u?.id ?? '0',
        userName: name,
        accessKeyId: 'LTAI-history',
      };
    } else if (kind === 'role') {
      const r = acct.roles.get((name ?? '').toLowerCase());
      userIdentity = {
        type: 'assumed-role',
        accountId,
        principalId: `${r?.id ?? '0'}:${session}`,
        userName: `${name}:${session}`,
        accessKeyId: 'STS.history',
      };
    } else
      userIdentity = {
        type: 'root-account',
        accountId,
        principalId: accountId,
        userName: 'root',
        accessKeyId: 'LTAI-history',
      };
    this.insert(accountId, e.regionId, {
      ms,
      json: this.envelope({
        ms,
        regionId: e.regionId,
        serviceName: e.serviceName,
        eventName: e.eventName,
        eventRW: e.eventRW,
        userIdentity,
        resourceName: e.resourceName,
        resourceType: e.resourceType,
        requestParameters: e.requestParameters,
        errorCode: e.errorCode,
        id: `fx-${this.seq++}-${ms}`,
      }),
    });
  }

  /** Records a call made through the simulator. */
  record(
    accountId: string,
    regionId: string,
    ev: Omit<Parameters<EventStore['envelope']>[0], 'id'>,
  ): void {
    this.insert(accountId, regionId, {
      ms: ev.ms,
      json: this.envelope({ ...ev, id: `rec-${this.seq++}-${ev.ms}` }),
    });
  }

  private insert(accountId: string, regionId: string, e: TrailEvent): void {
    const l = this.list(accountId, regionId);
    // Keep time order; appends are the common case.
    let i = l.length;
    while (i > 0 && l[i - 1]!.ms > e.ms) i--;
    l.splice(i, 0, e);
  }

  private envelope(e: {
    id: string;
    ms: number;
    regionId: string;
    serviceName: string;
    eventName: string;
    eventRW: string;
    userIdentity: Record<string, unknown>;
    resourceName?: string;
    resourceType?: string;
    requestParameters?: Record<string, unknown>;
    errorCode?: string | undefined;
    errorMessage?: string | undefined;
    eventSource?: string;
    apiVersion?: string;
    sourceIpAddress?: string;
    /** The API call's own request id (x-acs-request-id), as the cloud records it. */
    requestId?: string;
  }): Record<string, unknown> {
    const svc = e.serviceName.toLowerCase();
    const out: Record<string, unknown> = {
      eventId: hashId(e.id),
      eventVersion: '1',
      eventName: e.eventName,
      eventTime: isoUtc(e.ms),
      eventType: 'ApiCall',
      eventRW: e.eventRW,
      eventSource: e.eventSource ?? `${svc}.${e.regionId}.aliyuncs.com`,
      eventCategory: 'Management',
      serviceName: e.serviceName,
      apiVersion: e.apiVersion ?? '',
      acsRegion: e.regionId,
      requestId: e.requestId ?? hashId(`req-${e.id}`),
      requestParameters: e.requestParameters ?? {},
      resourceName: e.resourceName ?? '',
      resourceType: e.resourceType ?? '',
      sourceIpAddress: e.sourceIpAddress ?? '127.0.0.1',
      userAgent: 'AlibabaCloud (simulator)',
      userIdentity: e.userIdentity,
      isGlobal: false,
    };
    if (e.errorCode) {
      out.errorCode = e.errorCode;
      out.errorMessage = e.errorMessage ?? e.errorCode;
    }
    return out;
  }

  /** Every event visible to a LookupEvents query, sorted by the query's direction. */
  lookup(q: LookupQuery, now: number): TrailEvent[] {
    const visibleUntil = Math.min(q.end, now - this.world.timing.actionTrailDelaySeconds * 1000);
    const out: TrailEvent[] = [];
    for (const e of this.stored.get(`${q.accountId}|${q.regionId}`) ?? []) {
      if (e.ms >= q.start && e.ms <= visibleUntil) out.push(e);
    }
    if (this.mayMatchSynthetic(q)) {
      for (const c of this.world.clustersIn(q.accountId, q.regionId))
        this.synthesize(c, q.start, visibleUntil, out);
    }
    const filtered = out.filter((e) => q.attributes.every((a) => matches(e.json, a.key, a.value)));
    filtered.sort((a, b) => (q.direction === 'FORWARD' ? a.ms - b.ms : b.ms - a.ms) || cmp(a, b));
    return filtered;
  }

  private mayMatchSynthetic(q: LookupQuery): boolean {
    return q.attributes.every((a) => {
      if (a.key === 'ServiceName') return a.value === 'Kms';
      if (a.key === 'EventName') return a.value === 'Encrypt' || a.value === 'Decrypt';
      if (a.key === 'EventRW') return a.value === 'Read';
      return true;
    });
  }

  // GUESS: ACK's plugin cadence is unknown. One Encrypt when an interval starts, then a Decrypt
  // every `decryptEverySeconds`, every 4th of them an Encrypt (new Secrets being written).
  private synthesize(c: ClusterRt, start: number, end: number, out: TrailEvent[]): void {
    const period = this.world.timing.decryptEverySeconds * 1000;
    for (const iv of c.intervals) {
      const to = Math.min(iv.to ?? Infinity, end);
      if (to < start || iv.from > to) continue;
      const key = this.world.keys.get(iv.keyId);
      if (!key) continue;
      const kStart = Math.max(0, Math.ceil((start - iv.from) / period));
      const kEnd = Math.floor((to - iv.from) / period);
      for (let k = kStart; k <= kEnd; k++) {
        const ms = iv.from + k * period;
        out.push(this.kmsEvent(c, key, k === 0 || k % 4 === 0 ? 'Encrypt' : 'Decrypt', ms));
      }
    }
  }

  private kmsEvent(c: ClusterRt, key: KeyRt, name: 'Encrypt' | 'Decrypt', ms: number): TrailEvent {
    const role = this.world.accounts.get(c.accountId)?.roles.get(SERVICE_ROLE_NAME.toLowerCase());
    // GUESS: the session name of ACK's KMS plugin is undocumented; the cluster id is used.
    const session = c.id;
    const broken = key.state !== 'Enabled' && ms >= key.stateSince;
    const errorCode = broken
      ? key.state === 'PendingDeletion'
        ? 'Rejected.PendingDeletion'
        : 'Rejected.Disabled'
      : undefined;
    const id = `syn-${c.id}-${key.id}-${name}-${ms}`;
    return {
      ms,
      json: this.envelope({
        id,
        ms,
        regionId: c.regionId,
        serviceName: 'Kms',
        eventName: name,
        eventRW: 'Read',
        eventSource: `kms-vpc.${c.regionId}.aliyuncs.com`,
        apiVersion: '2016-01-20',
        sourceIpAddress: 'Internal',
        // GUESS: where Decrypt records the key is unconfirmed (it takes a CiphertextBlob); both
        // events carry the key id as resourceName and in requestParameters.KeyId.
        requestParameters:
          name === 'Encrypt' ? { KeyId: key.id } : { KeyId: key.id, CiphertextBlob: '***' },
        resourceName: key.id,
        resourceType: 'ACS::KMS::Key',
        userIdentity: {
          type: 'assumed-role',
          accountId: c.accountId,
          principalId: `${role?.id ?? '300000000000000000'}:${session}`,
          userName: `${SERVICE_ROLE_NAME.toLowerCase()}:${session}`,
          accessKeyId: `STS.NSIM${createHash('sha1').update(c.id).digest('hex').slice(0, 20)}`,
          sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: isoUtc(ms) } },
        },
        errorCode,
        errorMessage: errorCode && `The key ${key.id} is ${key.state}.`,
      }),
    };
  }
}

function cmp(a: TrailEvent, b: TrailEvent): number {
  return String(a.json.eventId).localeCompare(String(b.json.eventId));
}

function matches(e: Record<string, unknown>, key: string, value: string): boolean {
  const ui = (e.userIdentity ?? {}) as Record<string, unknown>;
  switch (key) {
    case 'ServiceName':
      return e.serviceName === value;
    case 'EventName':
      return e.eventName === value;
    case 'User':
      return ui.userName === value;
    case 'EventId':
      return e.eventId === value;
    case 'ResourceType':
      return e.resourceType === value;
    case 'ResourceName':
      return e.resourceName === value;
    case 'EventRW':
      return e.eventRW === value;
    case 'EventAccessKeyId':
      return ui.accessKeyId === value;
    case 'SensitiveAction':
      return value === 'false';
    case 'SourceIpAddress':
      return e.sourceIpAddress === value;
    case 'EventType':
      return e.eventType === value;
    case 'RoleName':
      return ui.type === 'assumed-role' && String(ui.userName ?? '').split(':')[0] === value;
    default:
      return false;
  }
}
