// The control handle: the world's remote control for tests, bench and the demo wiring, both
// programmatic (startSimulator().control) and over HTTP under /__sim/ (loopback only,
// control-http.ts).
import { randomUUID } from 'node:crypto';
import { isoUtc } from './clock';
import { Faults, type ActiveFault, type FaultRule } from './faults';
import { ClusterSchema } from './fixtures/schema';
import type { ClusterState, Fixture, FixtureInput } from './fixtures/schema';
import type { z } from 'zod';
import { PageSizeCaps, type PageCaps } from './paging';
import { loadFixture } from './fixtures/load';
import { keyProblem, startKmsChange } from './world/encryption';
import { World } from './world/world';
import type { Caller } from './auth/caller';
import { ApiError } from './http/errors';
import { kms, recordKmsCall } from './products/kms';
import { ServingMeter } from './serving-stats';

/** A cluster as a fixture writes it (see ClusterSchema; omitted fields take their defaults). */
export type ClusterInput = z.input<typeof ClusterSchema>;

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';

/** The key state changes an operator can make in the KMS console (and the guard must notice). */
export const KEY_CHANGES = [
  'DisableKey',
  'EnableKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  'SetDeletionProtection',
] as const;
export type KeyChange = (typeof KEY_CHANGES)[number];

export interface KeyChangeRequest {
  action: KeyChange;
  /** Who does it: a RAM user of the key's account (by name), or `root` (the default). */
  as?: string;
  /** ScheduleKeyDeletion: 7 to 366 days (default 7). */
  pendingWindowInDays?: number;
  /** SetDeletionProtection: on or off (default off: the dangerous direction). */
  enableDeletionProtection?: boolean;
}

export interface WorldSummary {
  fixture: string;
  now: string;
  timeScale: number;
  accounts: { id: string; name: string; clusters: number; keys: number }[];
  pendingChanges: number;
  faults: ActiveFault[];
}

export class Control {
  world: World;
  readonly faults = new Faults();
  /** Page-size caps of every listing: on by default (paging.ts). */
  readonly pageCaps: PageSizeCaps;
  /** What serving costs this process (serving-stats.ts): the bench's "simulated cloud" figures. */
  readonly serving = new ServingMeter();
  private fixture: Fixture;
  private counts = new Map<string, number>();

  constructor(
    fixture: string | FixtureInput | Fixture,
    private timeScale: number,
    pageCaps: Partial<PageCaps> | false = {},
  ) {
    this.pageCaps = new PageSizeCaps(pageCaps);
    this.fixture = loadFixture(fixture);
    this.world = new World(this.fixture, { timeScale });
  }

  /** Replaces the world with a fixture (by name or object); faults and counters are cleared. */
  load(fixture: string | FixtureInput | Fixture): WorldSummary {
    this.fixture = loadFixture(fixture);
    return this.reset();
  }

  /** Rebuilds the world from the current fixture: a fresh start for the next test. */
  reset(): WorldSummary {
    this.world = new World(this.fixture, { timeScale: this.timeScale });
    this.faults.clear();
    this.pageCaps.restore();
    this.counts.clear();
    // Like the counters, a running meter starts again: building the world is not serving.
    if (this.serving.started) this.serving.start();
    return this.summary();
  }

  /** Moves simulated time forward and applies whatever became due. */
  advance(seconds: number): string {
    this.world.clock.advance(seconds * 1000);
    this.world.settle();
    return isoUtc(this.world.clock.now());
  }

  now(): number {
    return this.world.clock.now();
  }

  setTimeScale(timeScale: number): void {
    this.timeScale = timeScale;
    this.world.clock.setTimeScale(timeScale);
  }

  addFault(rule: FaultRule): ActiveFault {
    return this.faults.add(rule);
  }
  removeFault(id: string): boolean {
    return this.faults.remove(id);
  }
  clearFaults(): void {
    this.faults.clear();
  }

  /** Page-size caps now; change some with a number (>= 1) or null (no cap). */
  pageSizeCaps(): PageCaps {
    return this.pageCaps.get();
  }
  setPageSizeCaps(changes: Partial<PageCaps>): PageCaps {
    return this.pageCaps.set(changes);
  }
  /** Every cap off: each listing answers up to its documented limit. */
  pageSizeCapsOff(): PageCaps {
    return this.pageCaps.off();
  }

  /** Changes a key's state behind the app's back (what an operator in the console would do). */
  setKeyState(keyId: string, state: KeyState): void {
    const k = this.world.keys.get(keyId);
    if (!k) throw new Error(`no key ${keyId}`);
    if (k.state !== state) k.stateSince = this.world.clock.now();
    k.state = state;
    if (state === 'PendingDeletion' && !k.deleteDate)
      k.deleteDate = this.world.clock.now() + 7 * 86400_000;
  }

  /**
   * A key state change made by someone else (an operator in the KMS console): the same rules as
   * the KMS API (the same handler runs), and ActionTrail records it under that user's name
   * (visible after the delivery delay). Refusals (e.g. deletion protection on) throw.
   */
  keyChange(keyId: string, change: KeyChangeRequest) {
    const world = this.world;
    const now = world.settle();
    const k = world.keys.get(keyId);
    if (!k) throw new Error(`no key ${keyId}`);
    if (!(KEY_CHANGES as readonly string[]).includes(change.action))
      throw new Error(`action must be one of ${KEY_CHANGES.join(', ')}`);
    const name = change.as ?? 'root';
    const user = world.accounts.get(k.accountId)?.users.get(name);
    if (name !== 'root' && !user) throw new Error(`account ${k.accountId} has no RAM user ${name}`);
    const caller: Caller =
      name === 'root'
        ? {
            accountId: k.accountId,
            kind: 'root',
            accessKeyId: 'console',
            viaSts: false,
            statements: 'all',
          }
        : {
            accountId: k.accountId,
            kind: 'user',
            accessKeyId: 'console',
            userName: name,
            userId: user!.id,
            viaSts: false,
            statements: 'all',
          };
    const params: Record<string, string> =
      change.action === 'SetDeletionProtection'
        ? {
            ProtectedResourceArn: world.keyArn(k),
            EnableDeletionProtection: String(change.enableDeletionProtection ?? false),
          }
        : { KeyId: k.id };
    if (change.action === 'ScheduleKeyDeletion')
      params.PendingWindowInDays = String(change.pendingWindowInDays ?? 7);
    const call = { regionId: k.regionId, action: change.action, params, now };
    try {
      kms.actions[change.action]!.handler({
        world,
        faults: this.faults,
        pageCaps: this.pageCaps,
        caller,
        product: 'kms',
        action: change.action,
        params,
        path: {},
        body: {},
        regionId: k.regionId,
        requestId: randomUUID(),
        now,
      });
    } catch (error) {
      if (error instanceof ApiError)
        recordKmsCall(world, caller, call, {
          sourceIpAddress: '203.0.113.20',
          errorCode: error.code,
          errorMessage: error.message,
        });
      throw error instanceof ApiError ? new Error(`${error.code}: ${error.message}`) : error;
    }
    recordKmsCall(world, caller, call, { sourceIpAddress: '203.0.113.20' });
    return this.key(keyId)!;
  }

  /** Moves a KMS instance's end date (days from the simulated now; negative: expired). */
  setKmsInstanceEnd(instanceId: string, endInDays: number) {
    const i = this.world.kmsInstances.get(instanceId);
    if (!i) throw new Error(`no KMS instance ${instanceId}`);
    i.endDate = this.world.clock.now() + endInDays * 86400_000;
    return { ...i, endDate: isoUtc(i.endDate) };
  }

  /**
   * Adds a cluster behind the app's back (created in the console since the app last looked): the
   * fixture's cluster shape, defaults filled in. Its id must be new; its account must exist.
   */
  addCluster(accountId: string, cluster: ClusterInput) {
    const parsed = ClusterSchema.parse(cluster);
    if (this.world.clusters.has(parsed.id)) throw new Error(`cluster ${parsed.id} exists already`);
    if (!this.world.regions.has(parsed.regionId))
      throw new Error(`no region ${parsed.regionId} in this world`);
    this.world.insertCluster(accountId, parsed);
    return this.cluster(parsed.id)!;
  }

  setClusterState(clusterId: string, state: ClusterState): void {
    const c = this.world.clusters.get(clusterId);
    if (!c) throw new Error(`no cluster ${clusterId}`);
    c.state = state;
    c.updated = this.world.clock.now();
  }

  /**
   * An encryption change made outside the app (an operator in the ACK console, as the root
   * account): it starts and ends as an accepted UpdateKMSEncryption would, the cluster's times
   * move with it, and ActionTrail records the call (visible after the delivery delay).
   */
  consoleChange(clusterId: string, change: { keyId: string } | { disable: true }): void {
    const world = this.world;
    const now = world.settle();
    const c = world.clusters.get(clusterId);
    if (!c) throw new Error(`no cluster ${clusterId}`);
    if (c.state !== 'running' || c.changeInFlight)
      throw new Error(`cluster ${clusterId} is ${c.state}; a change needs it running`);
    let target: string | undefined;
    if ('keyId' in change) {
      const problem = keyProblem(world, c.accountId, c.regionId, change.keyId);
      if (problem) throw new Error(problem);
      target = world.keyOf(c.accountId, change.keyId)!.id;
    }
    startKmsChange(world, this.faults, c, target, now);
    world.events.record(c.accountId, c.regionId, {
      ms: now,
      regionId: c.regionId,
      serviceName: 'CS',
      eventName: 'UpdateKMSEncryption',
      eventRW: 'Write',
      apiVersion: '2015-12-15',
      sourceIpAddress: '203.0.113.10',
      userIdentity: {
        type: 'root-account',
        accountId: c.accountId,
        principalId: c.accountId,
        userName: 'root',
        accessKeyId: 'console',
      },
      resourceName: c.id,
      resourceType: 'ACS::CS::Cluster',
      requestParameters: {
        ClusterId: c.id,
        ...(target ? { kms_key_id: target } : {}),
        disable_encryption: target === undefined,
      },
    });
  }

  /** A cluster as the simulator sees it (state, encryption, tasks), for assertions. */
  cluster(clusterId: string) {
    this.world.settle();
    const c = this.world.clusters.get(clusterId);
    if (!c) return undefined;
    return {
      id: c.id,
      accountId: c.accountId,
      regionId: c.regionId,
      state: c.state,
      encryption: c.encryption ? { ...c.encryption } : undefined,
      changeInFlight: c.changeInFlight,
      lastKmsChangeEnd: c.lastKmsChangeEnd && isoUtc(c.lastKmsChangeEnd),
      tasks: c.taskIds.map((id) => ({ ...this.world.tasks.get(id)! })),
    };
  }

  key(keyId: string) {
    const k = this.world.keys.get(keyId);
    return k && { ...k, aliases: [...k.aliases] };
  }

  /** Requests seen per "product/Action" (including faulted ones), e.g. to count SDK retries. */
  requestCount(label?: string): number {
    if (label) return this.counts.get(label) ?? 0;
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  /** Requests seen per "product/Action", all of them. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
  /** @internal */
  countRequest(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  /** AccessKeys of the loaded world, with their (fixture) secrets: for tests and demo wiring. */
  credentials(): {
    accessKeyId: string;
    accessKeySecret: string;
    accountId: string;
    accountName: string;
    principal: string;
    status: string;
  }[] {
    return [...this.world.accessKeys.values()].map((k) => ({
      accessKeyId: k.id,
      accessKeySecret: k.secret,
      accountId: k.accountId,
      accountName: this.world.accounts.get(k.accountId)!.name,
      principal: k.principal,
      status: k.status,
    }));
  }

  summary(): WorldSummary {
    return {
      fixture: this.fixture.name,
      now: isoUtc(this.world.clock.now()),
      timeScale: this.world.clock.timeScale,
      accounts: [...this.world.accounts.values()].map((a) => ({
        id: a.id,
        name: a.name,
        clusters: a.clusters.length,
        keys: [...this.world.regions.keys()].reduce(
          (n, r) => n + this.world.keysIn(a.id, r).length,
          0,
        ),
      })),
      pendingChanges: this.world.pendingChanges(),
      faults: this.faults.list(),
    };
  }
}
