// verify.run against the simulator, time-scaled: a real UpdateKMSEncryption through the official
// CS SDK, the clock advanced past the change and ActionTrail's delay, then proof (or not) from
// LookupEvents through CloudSession. Times passed to verify are the simulator's clock, since with
// timeScale > 1 it runs ahead of the wall clock (simulator/README.md).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupEvents } from '../../../electron/core/cloud/actiontrail';
import { updateKmsEncryption } from '../../../electron/core/cloud/cs-encryption';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import type { CallInfo } from '../../../electron/core/cloud/session';
import { MAX_PAGES, receipt, verifyEncryption } from '../../../electron/core/verify';
import type { VerifyInput } from '../../../electron/core/verify';
import { DEMO, demoCredentials, loadFixture, startSimulator } from '../../../simulator';
import type { Fixture, Simulator } from '../../../simulator';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

const TIME_SCALE = 20;
const HZ = 'cn-hangzhou';

describe('verifyEncryption against the simulator', () => {
  let sim: Simulator;
  let retail: CloudSession;
  let calls: CallInfo[];
  const simNow = () => new Date(sim.control.now());
  const lookups = () => calls.filter((c) => c.action === 'LookupEvents').length;

  beforeAll(async () => {
    sim = await startSimulator({ fixture: 'demo', port: 0, timeScale: TIME_SCALE });
    const directory = simDirectory(sim, { onCall: (info) => calls.push(info) });
    retail = directory.sessions.get(ACCOUNT_IDS.retail)!;
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    sim.control.load('demo');
    calls = [];
  });

  /** Turns encryption on for the happy cluster; returns when it was asked and the request id. */
  async function enableHappy(): Promise<{ since: Date; requestId: string | null }> {
    const since = simNow();
    const { requestId } = await updateKmsEncryption(retail, HZ, DEMO.clusters.happy, {
      kind: 'enable',
      keyId: DEMO.keys.valid,
    });
    return { since, requestId };
  }

  const happyInput = (since: Date, extra: Partial<VerifyInput> = {}): VerifyInput => ({
    clusterId: DEMO.clusters.happy,
    regionId: HZ,
    keyId: DEMO.keys.valid,
    action: 'enable',
    since,
    now: simNow(),
    ...extra,
  });

  it('enable: pending before ActionTrail shows anything, then verified with the service role’s events', async () => {
    const { since, requestId } = await enableHappy();

    // Right after the call: ActionTrail delivers with a delay (60 s here, up to 10 min live).
    let result = await verifyEncryption(retail, happyInput(since, { requestId }));
    expect(result.status).toBe('pending');
    expect(result.reason).toBe('waiting-for-change-event');
    expect(result.changeEvent).toBeNull();
    expect(result.summary).toMatch(/up to 10 minutes/);
    expect(Date.parse(result.nextCheckAfter!)).toBeGreaterThan(Date.parse(result.checkedAt));

    // The call is visible; the change is still running, so no KMS use yet.
    sim.control.advance(120);
    result = await verifyEncryption(retail, happyInput(since, { requestId }));
    expect(result.status).toBe('pending');
    expect(result.reason).toBe('waiting-for-kms-events');
    expect(result.changeEvent).toMatchObject({ user: 'root', errorCode: null });
    expect(Date.parse(result.changeEvent!.eventTime)).toBeGreaterThanOrEqual(
      Math.floor(since.getTime() / 1000) * 1000,
    );
    expect(result.kmsEvents).toEqual([]);

    // Past the 600 s change and the 60 s delay: the role's first Encrypt is visible.
    sim.control.advance(600);
    expect(sim.control.cluster(DEMO.clusters.happy)).toMatchObject({ state: 'running' });
    const endedAt = new Date(since.getTime() + 600_000);
    calls = [];
    result = await verifyEncryption(retail, happyInput(since, { requestId, endedAt }));
    expect(result.status).toBe('verified');
    expect(result.reason).toBe('change-and-kms-events-found');
    expect(result.nextCheckAfter).toBeNull();
    expect(result.kmsEvents.length).toBeGreaterThan(0);
    expect(result.kmsEvents[0]).toMatchObject({
      eventName: 'Encrypt',
      keyId: DEMO.keys.valid,
      errorCode: null,
    });
    expect(result.kmsEvents[0]!.user!.toLowerCase()).toMatch(/^aliyuncsmanagedsecurityrole:/);
    expect(result.kmsCounts).toMatchObject({ encrypt: 1, failed: 0, truncated: false });
    // Narrow UpdateKMSEncryption query (ResourceName matched), then Encrypt and Decrypt.
    expect(lookups()).toBe(3);

    const { json, text } = receipt(result, {
      accountName: 'Retail',
      cloudAccountId: DEMO.accounts.retail.id,
      clusterName: 'edge-pro-hz-plain',
      changeStartedAt: since,
      changeEndedAt: endedAt,
      requestId,
    });
    expect(json).toMatchObject({
      kind: 'ack-secret-guard.verify-receipt',
      account: { name: 'Retail', cloudAccountId: DEMO.accounts.retail.id },
      cluster: { id: DEMO.clusters.happy, name: 'edge-pro-hz-plain' },
      regionId: HZ,
      keyId: DEMO.keys.valid,
      action: 'enable',
      change: { startedAt: since.toISOString(), endedAt: endedAt.toISOString(), requestId },
      verification: { status: 'verified' },
      changeEvent: { eventId: result.changeEvent!.eventId },
    });
    expect(text).toContain('Status:          VERIFIED');
    expect(text).toContain(`Cluster:         edge-pro-hz-plain (${DEMO.clusters.happy})`);
    expect(text).toContain(`Account:         Retail (${DEMO.accounts.retail.id})`);
    expect(text).toContain(result.changeEvent!.eventId);
    expect(text).toContain(result.kmsEvents[0]!.eventId);
    const serialised = JSON.stringify(json) + text;
    for (const c of demoCredentials()) expect(serialised).not.toContain(c.accessKeySecret);
    expect(serialised).not.toContain('CiphertextBlob');
  });

  it('enable: not verified when the service role’s KMS calls fail (key disabled afterwards)', async () => {
    const { since } = await enableHappy();
    sim.control.advance(700);
    sim.control.setKeyState(DEMO.keys.valid, 'Disabled');
    sim.control.advance(1900); // the next Decrypt (every 1800 s) fails, and is visible
    const result = await verifyEncryption(retail, happyInput(since));
    expect(result.status).toBe('not-verified');
    expect(result.reason).toBe('kms-events-failed');
    expect(result.errorCode).toBe('Rejected.Disabled');
    expect(result.kmsEvents[0]).toMatchObject({
      eventName: 'Decrypt',
      errorCode: 'Rejected.Disabled',
    });
    expect(result.kmsCounts.failed).toBeGreaterThanOrEqual(1);
    expect(result.summary).toMatch(/Rejected\.Disabled/);
  });

  it('enable: pending, then not verified when the change is recorded but no KMS use ever appears', async () => {
    sim.control.addFault({ kind: 'failUpdate', clusterId: DEMO.clusters.happy });
    const { since } = await enableHappy();
    sim.control.advance(700); // the change ended failed: ACK never uses the key
    const endedAt = new Date(since.getTime() + 600_000);
    let result = await verifyEncryption(retail, happyInput(since, { endedAt }));
    expect(result.status).toBe('pending');
    expect(result.reason).toBe('waiting-for-kms-events');
    expect(result.changeEvent).not.toBeNull();

    sim.control.advance(16 * 60);
    result = await verifyEncryption(retail, happyInput(since, { endedAt }));
    expect(result.status).toBe('not-verified');
    expect(result.reason).toBe('kms-events-missing');
    expect(result.summary).toMatch(/within 15 minutes of the change ending/);
  });

  it('enable: not verified when ActionTrail never shows the change (wrong cluster or region)', async () => {
    const since = simNow();
    sim.control.advance(16 * 60);
    calls = [];
    const result = await verifyEncryption(retail, happyInput(since));
    expect(result.status).toBe('not-verified');
    expect(result.reason).toBe('change-event-missing');
    // Narrow query, then the wide fallback; no KMS queries without a change to anchor them.
    expect(lookups()).toBe(2);
  });

  it('disable: pending during the grace period and ActionTrail lag, then verified', async () => {
    await enableHappy();
    sim.control.advance(700 + 300); // change done, cool-down over
    const since = simNow();
    await updateKmsEncryption(retail, HZ, DEMO.clusters.happy, { kind: 'disable' });
    sim.control.advance(670);
    expect(sim.control.cluster(DEMO.clusters.happy)).toMatchObject({ state: 'running' });
    const endedAt = new Date(since.getTime() + 600_000);
    const disableInput = (): VerifyInput => ({
      ...happyInput(since, { endedAt }),
      action: 'disable',
    });

    let result = await verifyEncryption(retail, disableInput());
    expect(result.status).toBe('pending');
    expect(result.reason).toBe('waiting-for-quiet-period');
    expect(result.changeEvent).not.toBeNull();
    // 5 min grace + 10 min ActionTrail lag after the end.
    expect(Date.parse(result.nextCheckAfter!)).toBe(endedAt.getTime() + 15 * 60_000);

    sim.control.advance(16 * 60);
    result = await verifyEncryption(retail, disableInput());
    expect(result.status).toBe('verified');
    expect(result.reason).toBe('no-kms-events-after-change');
    expect(result.kmsCounts.afterQuietStart).toBe(0);
    expect(receipt(result, { accountName: 'Retail', cloudAccountId: null }).text).toContain(
      'turn off Secret encryption',
    );
  });

  it('disable: another cluster of the account and region using the same key does not make it "not verified"', async () => {
    // The happy cluster takes the key edge-pro-hz-encrypted already uses; that cluster goes on
    // calling KMS with it (its own session) after the happy cluster turns encryption off.
    const shared = DEMO.keys.protectedInUse;
    await updateKmsEncryption(retail, HZ, DEMO.clusters.happy, { kind: 'enable', keyId: shared });
    sim.control.advance(700 + 300);
    const since = simNow();
    await updateKmsEncryption(retail, HZ, DEMO.clusters.happy, { kind: 'disable' });
    // Long enough for the other cluster's next Decrypts (every 30 simulated minutes).
    sim.control.advance(670 + 2 * 3600);
    const result = await verifyEncryption(retail, {
      ...happyInput(since, { endedAt: new Date(since.getTime() + 600_000) }),
      keyId: shared,
      action: 'disable',
    });
    expect(result.reason).toBe('no-kms-events-after-change');
    expect(result.status).toBe('verified');
    // The other cluster's calls were there, with our key, and were left out.
    const other = await lookupEvents(retail, {
      regionId: HZ,
      startTime: since,
      endTime: simNow(),
      attributes: [
        { key: 'ServiceName', value: 'Kms' },
        { key: 'EventName', value: 'Decrypt' },
      ],
      maxResults: 50,
    });
    expect(
      other.events.some(
        (e) =>
          e.resourceName === shared && e.userIdentity.userName?.endsWith(DEMO.clusters.encrypted),
      ),
    ).toBe(true);
  });

  it('disable: the enable’s change record does not count as the disable', async () => {
    const { since } = await enableHappy();
    sim.control.advance(700 + 16 * 60);
    const result = await verifyEncryption(retail, { ...happyInput(since), action: 'disable' });
    expect(result.status).toBe('not-verified');
    expect(result.reason).toBe('change-event-missing');
  });

  it('a region without an ActionTrail endpoint is unavailable, without a call', async () => {
    const result = await verifyEncryption(retail, {
      clusterId: DEMO.clusters.blockedSecurityGroup,
      regionId: 'cn-wuhan-lr',
      keyId: DEMO.keys.wuhan,
      action: 'enable',
      since: simNow(),
      now: simNow(),
    });
    expect(result.status).toBe('unavailable');
    expect(result.reason).toBe('region-without-actiontrail');
    expect(result.summary).toMatch(/no endpoint in region cn-wuhan-lr/);
    expect(lookups()).toBe(0);
    expect(receipt(result, { accountName: 'Retail', cloudAccountId: null }).text).toContain(
      'UNAVAILABLE',
    );
  });

  it('a region where the cloud answers InvalidRegion.NotFound is unavailable too', async () => {
    const fixture = structuredClone(loadFixture('demo')) as Fixture;
    const shenzhen = fixture.regions.find((r) => r.regionId === 'cn-shenzhen')!;
    shenzhen.actionTrail = false;
    sim.control.load(fixture);
    const result = await verifyEncryption(retail, {
      clusterId: DEMO.clusters.blockedAcl,
      regionId: 'cn-shenzhen',
      keyId: DEMO.keys.shenzhen,
      action: 'enable',
      since: simNow(),
      now: simNow(),
    });
    expect(result.status).toBe('unavailable');
    expect(result.summary).toMatch(/InvalidRegion\.NotFound/);
    expect(lookups()).toBe(1);
  });

  it('a caller without actiontrail:LookupEvents gets not-verified with the code', async () => {
    const auditorKey = demoCredentials().find(
      (c) => c.accessKeyId === DEMO.accessKeys.logisticsAuditor,
    )!;
    const auditor = new CloudSession({
      accountKey: 'test-auditor',
      credentials: async () => ({
        accessKeyId: auditorKey.accessKeyId,
        accessKeySecret: auditorKey.accessKeySecret,
      }),
      network: { endpoint: sim.url },
      limits: new CloudLimits(),
      env: {},
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const result = await verifyEncryption(auditor, {
      clusterId: DEMO.clusters.logisticsAdmin,
      regionId: HZ,
      keyId: DEMO.keys.logistics,
      action: 'enable',
      since: simNow(),
      now: simNow(),
    });
    expect(result.status).toBe('not-verified');
    expect(result.reason).toBe('no-permission');
    expect(result.errorCode).toBe('NoPermission');
    expect(result.summary).toContain('actiontrail:LookupEvents');
  });

  it('pages through NextToken up to the hard cap, and counts service-role Decrypts that name no key', async () => {
    const fixture = structuredClone(loadFixture('demo')) as Fixture;
    const start = Date.parse('2026-03-01T00:00:00Z');
    fixture.clockStart = new Date(start).toISOString();
    const account = fixture.accounts.find((a) => a.id === DEMO.accounts.retail.id)!;
    const at = (s: number) => new Date(start + s * 1000).toISOString();
    const noise = Array.from({ length: MAX_PAGES * 50 + 60 }, (_, i) => ({
      time: at(300 + i),
      regionId: HZ,
      serviceName: 'Kms',
      eventName: 'Encrypt',
      eventRW: 'Read' as const,
      actor: 'root',
      resourceName: DEMO.keys.otherRegion,
      resourceType: 'ACS::KMS::Key',
      requestParameters: { KeyId: DEMO.keys.protectedInUse },
    }));
    const keyless = {
      time: at(900),
      regionId: HZ,
      serviceName: 'Kms',
      eventName: 'Decrypt',
      eventRW: 'Read' as const,
      // The session names the cluster, as the simulator's own service-role events do.
      actor: `role:AliyunCSManagedSecurityRole:${DEMO.clusters.happy}`,
      resourceName: '',
      resourceType: 'ACS::KMS::Key',
      requestParameters: { CiphertextBlob: 'opaque' },
    };
    // Not this cluster's: a session naming no cluster while others name it, and a look-alike
    // role whose name merely starts with the service role's.
    const otherSession = { ...keyless, time: at(901), actor: 'role:AliyunCSManagedSecurityRole:x' };
    const lookAlike = {
      ...keyless,
      time: at(902),
      actor: `role:AliyunCSManagedSecurityRoleFake:${DEMO.clusters.happy}`,
      requestParameters: { KeyId: DEMO.keys.valid },
    };
    account.events.push(...noise, keyless, otherSession, lookAlike);
    sim.control.load(fixture);
    // Pages of the 50 events verify asks for (not the simulator's smaller default cap), so that
    // MAX_PAGES pages end just short of the service role's Encrypt among the noise.
    sim.control.setPageSizeCaps({ 'actiontrail/LookupEvents': null });

    const { since } = await enableHappy(); // within seconds of clockStart
    sim.control.advance(1000);
    calls = [];
    const result = await verifyEncryption(retail, happyInput(since));
    expect(result.status).toBe('verified');
    expect(result.kmsCounts).toMatchObject({
      truncated: true,
      encrypt: 1,
      decrypt: 1,
      withoutKeyId: 1,
      namingCluster: 2,
    });
    expect(result.kmsCounts.scanned).toBe(MAX_PAGES * 50 + 3);
    expect(result.summary).toMatch(/1 of them names no key and was counted/);
    const keylessSample = result.kmsEvents.find((e) => e.eventName === 'Decrypt');
    expect(keylessSample).toMatchObject({ keyId: null });
    // 1 change query + MAX_PAGES Encrypt pages + 1 Decrypt page.
    expect(lookups()).toBe(1 + MAX_PAGES + 1);
  }, 30_000);
});
