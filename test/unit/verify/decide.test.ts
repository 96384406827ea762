// The pure parts of verify: reading ActionTrail records (evidence.ts) and the verdict (decide.ts)
// for the branches the simulator cannot easily produce, plus the "no endpoint" DNS probe with a
// fake resolver. No simulator, no network: the simulator tests of the module are in
// test/integration/verify/.
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../../electron/core/cloud/actiontrail';
import { CloudError } from '../../../electron/core/cloud/errors';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import {
  ACTIONTRAIL_LAG_MS,
  DISABLE_GRACE_MS,
  decide,
  isMissingEndpoint,
  verifyEncryption,
} from '../../../electron/core/verify';
import type { Evidence } from '../../../electron/core/verify';
import {
  agreesWithAction,
  clusterEvents,
  clusterMention,
  countsForKey,
  eventKeyId,
  isServiceRoleEvent,
  pickChangeEvent,
} from '../../../electron/core/verify/evidence';
import { clusterIdsNamed, isOtherClustersCall } from '../../../electron/core/verify/verify';

const KEY = 'key-hzz6demovalid000000001';
const CLUSTER = 'c0123456789abcdef0123456789abcdef';
const T0 = Date.parse('2026-03-01T00:00:00Z');
const MIN = 60_000;
const at = (ms: number) => new Date(ms).toISOString();

function event(
  overrides: Partial<TrailEvent> & { eventName: string; eventTime: string },
): TrailEvent {
  return {
    eventId: `ev-${overrides.eventName}-${overrides.eventTime}`,
    serviceName: 'Kms',
    acsRegion: 'cn-hangzhou',
    requestId: 'REQ',
    userIdentity: {
      type: 'assumed-role',
      userName: `aliyuncsmanagedsecurityrole:${CLUSTER}`,
      principalId: '1:x',
    },
    requestParameters: {},
    resourceName: null,
    errorCode: null,
    ...overrides,
  };
}

const change = event({
  eventName: 'UpdateKMSEncryption',
  eventTime: at(T0 + 1000),
  serviceName: 'CS',
  resourceName: CLUSTER,
  userIdentity: { type: 'root-account', userName: 'root', principalId: '1' },
  requestParameters: { disable_encryption: true },
});

function evidence(overrides: Partial<Evidence>): Evidence {
  return {
    clusterId: CLUSTER,
    regionId: 'cn-hangzhou',
    keyId: KEY,
    action: 'disable',
    sinceMs: T0,
    endedAtMs: T0 + 10 * MIN,
    nowMs: T0 + 60 * MIN,
    changeEvent: change,
    roleEvents: [],
    scanned: 0,
    truncated: false,
    ...overrides,
  };
}

describe('evidence', () => {
  it('recognises the service role by type and lower-cased role name, never the session', () => {
    const e = (type: string, userName: string) =>
      event({
        eventName: 'Encrypt',
        eventTime: at(T0),
        userIdentity: { type, userName, principalId: null },
      });
    expect(isServiceRoleEvent(e('assumed-role', 'AliyunCSManagedSecurityRole:anything'))).toBe(
      true,
    );
    expect(isServiceRoleEvent(e('assumed-role', 'aliyuncsmanagedsecurityrole'))).toBe(true);
    expect(isServiceRoleEvent(e('ram-user', 'aliyuncsmanagedsecurityrole'))).toBe(false);
    expect(isServiceRoleEvent(e('assumed-role', 'custom-role:aliyuncsmanagedsecurityrole'))).toBe(
      false,
    );
    // A role whose name only starts with the service role's is someone else's.
    expect(isServiceRoleEvent(e('assumed-role', 'AliyunCSManagedSecurityRoleFake:x'))).toBe(false);
    expect(isServiceRoleEvent(e('assumed-role', 'aliyuncsmanagedsecurityrole2'))).toBe(false);
  });

  it('tells events naming this cluster from those naming another, and prefers them', () => {
    const OTHER = 'cfedcba9876543210fedcba9876543210';
    const e = (userName: string, p: Record<string, unknown> = {}) =>
      event({
        eventName: 'Decrypt',
        eventTime: at(T0),
        eventId: userName + JSON.stringify(p),
        userIdentity: { type: 'assumed-role', userName, principalId: null },
        requestParameters: p,
      });
    const ours = e(`aliyuncsmanagedsecurityrole:${CLUSTER}`);
    const byContext = e('aliyuncsmanagedsecurityrole:kms-plugin', {
      EncryptionContext: JSON.stringify({ cluster: CLUSTER }),
    });
    const theirs = e(`aliyuncsmanagedsecurityrole:${OTHER}`);
    const silent = e('aliyuncsmanagedsecurityrole:kms-plugin');
    expect(clusterMention(ours, CLUSTER)).toBe('this');
    expect(clusterMention(byContext, CLUSTER)).toBe('this');
    expect(clusterMention(theirs, CLUSTER)).toBe('other');
    expect(clusterMention(silent, CLUSTER)).toBe('none');
    // A cluster id that merely contains ours is another cluster.
    expect(clusterMention(e(`aliyuncsmanagedsecurityrole:${CLUSTER}0`), CLUSTER)).not.toBe('this');
    expect(clusterEvents([ours, byContext, theirs, silent], CLUSTER)).toEqual([ours, byContext]);
    expect(clusterEvents([theirs, silent], CLUSTER)).toEqual([silent]);
  });

  it('reads the key from KeyId, then a key-like resourceName (id or ARN), else none', () => {
    const e = (p: Record<string, unknown>, resourceName: string | null = null) =>
      event({ eventName: 'Decrypt', eventTime: at(T0), requestParameters: p, resourceName });
    expect(eventKeyId(e({ KeyId: KEY }))).toBe(KEY);
    expect(eventKeyId(e({}, `acs:kms:cn-hangzhou:1000000000000001:key/${KEY}`))).toMatch(/key\//);
    expect(countsForKey(e({}, `acs:kms:cn-hangzhou:1000000000000001:key/${KEY}`), KEY)).toBe(true);
    expect(countsForKey(e({ KeyId: 'key-other' }), KEY)).toBe(false);
    expect(eventKeyId(e({ CiphertextBlob: 'x' }))).toBeNull();
    expect(countsForKey(e({ CiphertextBlob: 'x' }), KEY)).toBe(true); // the documented guess
    // Keys of the older UUID form, by id or ARN, and an alias when its key's aliases are known.
    const UUID = '7906979c-8e06-46a2-be2d-68e3ccbc0a11';
    expect(eventKeyId(e({}, UUID))).toBe(UUID);
    expect(countsForKey(e({ KeyId: UUID }), UUID)).toBe(true);
    expect(countsForKey(e({}, `acs:kms:cn-hangzhou:1000000000000001:key/${UUID}`), UUID)).toBe(
      true,
    );
    expect(countsForKey(e({ KeyId: 'alias/legacy' }), UUID, ['alias/legacy'])).toBe(true);
    expect(countsForKey(e({ KeyId: 'alias/legacy' }), UUID)).toBe(false);
    expect(countsForKey(e({ KeyId: KEY }), UUID)).toBe(false);
  });

  it('matches the change by cluster and body, preferring our request id', () => {
    const enable = (id: string, ms: number, p: Record<string, unknown>, requestId = 'R') =>
      event({
        eventId: id,
        eventName: 'UpdateKMSEncryption',
        eventTime: at(ms),
        requestParameters: { ClusterId: CLUSTER, ...p },
        requestId,
      });
    expect(agreesWithAction(enable('a', T0, { kms_key_id: KEY }), 'enable', KEY)).toBe(true);
    expect(agreesWithAction(enable('a', T0, { kms_key_id: 'key-x' }), 'enable', KEY)).toBe(false);
    expect(agreesWithAction(enable('a', T0, { disable_encryption: 'true' }), 'enable', KEY)).toBe(
      false,
    );
    expect(agreesWithAction(enable('a', T0, {}), 'disable', KEY)).toBe(true);
    const list = [
      enable('late', T0 + 5000, {}, 'MINE'),
      enable('early', T0 + 1000, {}),
      enable('before', T0 - 10 * MIN, {}),
    ];
    const opts = { clusterId: CLUSTER, action: 'enable' as const, keyId: KEY, fromMs: T0 };
    expect(pickChangeEvent(list, opts)?.eventId).toBe('early');
    expect(pickChangeEvent(list, { ...opts, requestId: 'MINE' })?.eventId).toBe('late');
    expect(pickChangeEvent(list, { ...opts, clusterId: 'c-other' })).toBeNull();
  });
});

describe('which cluster a service-role KMS call belongs to', () => {
  const OTHER = 'cfedcba9876543210fedcba9876543210';
  const at0 = at(T0 + 20 * MIN);
  it('leaves out calls whose session or encryption context names only another cluster', () => {
    const theirs = event({
      eventName: 'Decrypt',
      eventTime: at0,
      userIdentity: {
        type: 'assumed-role',
        userName: `aliyuncsmanagedsecurityrole:${OTHER}`,
        principalId: `3:${OTHER}`,
      },
    });
    expect([...clusterIdsNamed(theirs)]).toEqual([OTHER]);
    expect(isOtherClustersCall(theirs, CLUSTER)).toBe(true);
    const byContext = event({
      eventName: 'Encrypt',
      eventTime: at0,
      userIdentity: {
        type: 'assumed-role',
        userName: 'aliyuncsmanagedsecurityrole:kms-plugin',
        principalId: '3:kms-plugin',
      },
      requestParameters: { KeyId: KEY, EncryptionContext: JSON.stringify({ cluster: OTHER }) },
    });
    expect(isOtherClustersCall(byContext, CLUSTER)).toBe(true);
  });
  it('keeps calls that name our cluster, and calls that name none (as before)', () => {
    expect(isOtherClustersCall(event({ eventName: 'Decrypt', eventTime: at0 }), CLUSTER)).toBe(
      false,
    );
    const anonymous = event({
      eventName: 'Decrypt',
      eventTime: at0,
      userIdentity: {
        type: 'assumed-role',
        userName: 'aliyuncsmanagedsecurityrole:kms-plugin',
        principalId: '3:kms-plugin',
      },
    });
    expect(clusterIdsNamed(anonymous).size).toBe(0);
    expect(isOtherClustersCall(anonymous, CLUSTER)).toBe(false);
  });
});

describe('decide', () => {
  it('disable: service-role use after the grace period is not verified, even before the lag is over', () => {
    const quietStart = T0 + 10 * MIN + DISABLE_GRACE_MS;
    const late = event({
      eventName: 'Decrypt',
      eventTime: at(quietStart + 1000),
      requestParameters: { KeyId: KEY },
    });
    const during = event({
      eventName: 'Decrypt',
      eventTime: at(T0 + 5 * MIN),
      requestParameters: { KeyId: KEY },
    });
    const r = decide(evidence({ roleEvents: [during, late], nowMs: quietStart + 2 * MIN }));
    expect(r.status).toBe('not-verified');
    expect(r.reason).toBe('kms-events-after-disable');
    expect(r.kmsCounts).toMatchObject({ decrypt: 2, afterQuietStart: 1 });
    expect(r.kmsEvents.map((e) => e.eventTime)).toEqual([late.eventTime, during.eventTime]);
  });

  it('disable: events during the change are fine; verified once the quiet period is past the lag', () => {
    const during = event({
      eventName: 'Decrypt',
      eventTime: at(T0 + 5 * MIN),
      requestParameters: { KeyId: KEY },
    });
    const quietStart = T0 + 10 * MIN + DISABLE_GRACE_MS;
    const early = decide(
      evidence({ roleEvents: [during], nowMs: quietStart + ACTIONTRAIL_LAG_MS - 1 }),
    );
    expect(early.status).toBe('pending');
    const later = decide(
      evidence({ roleEvents: [during], nowMs: quietStart + ACTIONTRAIL_LAG_MS }),
    );
    expect(later.status).toBe('verified');
  });

  it('assumes a 15-minute change when the end is unknown', () => {
    const r = decide(
      evidence({
        action: 'enable',
        endedAtMs: null,
        nowMs: T0 + 29 * MIN,
        changeEvent: { ...change, requestParameters: {} },
      }),
    );
    expect(r.status).toBe('pending');
    expect(Date.parse(r.nextCheckAfter!)).toBe(T0 + 30 * MIN); // max(end + lag, now + 1 min)
    const r2 = decide(
      evidence({
        action: 'enable',
        endedAtMs: null,
        nowMs: T0 + 30 * MIN,
        changeEvent: { ...change, requestParameters: {} },
      }),
    );
    expect(r2.status).toBe('not-verified');
  });

  it('a change record with an error code is not verified', () => {
    const r = decide(evidence({ changeEvent: { ...change, errorCode: 'ErrorClusterState' } }));
    expect(r).toMatchObject({
      status: 'not-verified',
      reason: 'change-event-failed',
      errorCode: 'ErrorClusterState',
    });
  });

  it('enable: an older failure followed by success is verified', () => {
    const failed = event({
      eventName: 'Encrypt',
      eventTime: at(T0 + 11 * MIN),
      errorCode: 'Rejected.Disabled',
      requestParameters: { KeyId: KEY },
    });
    const ok = event({
      eventName: 'Decrypt',
      eventTime: at(T0 + 12 * MIN),
      requestParameters: { KeyId: KEY },
    });
    const r = decide(
      evidence({
        action: 'enable',
        roleEvents: [failed, ok],
        changeEvent: { ...change, requestParameters: {} },
      }),
    );
    expect(r.status).toBe('verified');
    expect(r.kmsCounts).toMatchObject({ encrypt: 1, decrypt: 1, failed: 1 });
  });
});

describe('no endpoint and retention', () => {
  const session = new CloudSession({
    accountKey: 'unit',
    credentials: async () => ({ accessKeyId: 'id', accessKeySecret: 'not-used' }),
    limits: new CloudLimits(),
    env: {},
  });
  const network = new CloudError('no answer', {
    kind: 'network',
    product: 'actiontrail',
    action: 'LookupEvents',
    cloudCode: null,
    httpStatus: null,
    requestId: null,
  });
  const dnsFail = (host: string) =>
    Promise.reject(
      Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }),
    );

  it('treats a network error as "no endpoint" only when the ActionTrail host alone does not resolve', async () => {
    const onlyTrailMissing = (host: string) =>
      host.startsWith('actiontrail.') ? dnsFail(host) : Promise.resolve({ address: '1.2.3.4' });
    expect(await isMissingEndpoint(network, session, 'cn-fuzhou', onlyTrailMissing)).toBe(true);
    // No DNS at all (offline, or a proxy resolves for us): not a missing endpoint.
    expect(await isMissingEndpoint(network, session, 'cn-fuzhou', dnsFail)).toBe(false);
    const timeout = () => Promise.reject(Object.assign(new Error('x'), { code: 'EAI_AGAIN' }));
    expect(await isMissingEndpoint(network, session, 'cn-fuzhou', timeout)).toBe(false);
  });

  it('says events older than 90 days are gone, without a call', async () => {
    const r = await verifyEncryption(session, {
      clusterId: CLUSTER,
      regionId: 'cn-hangzhou',
      keyId: KEY,
      action: 'enable',
      since: new Date(T0),
      now: new Date(T0 + 91 * 24 * 60 * MIN),
    });
    expect(r).toMatchObject({ status: 'unavailable', reason: 'outside-retention' });
  });
});
