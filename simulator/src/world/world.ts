// The world: runtime state built from a fixture, with the indexes every request needs so the
// simulator serves a 6,500-cluster fleet without scanning it (clusters and keys are indexed by
// account+region, ids by Map). State changes over time are driven by a schedule that is
// settled lazily on every request and control call, so there are no timers to leak. The shapes
// of the state are in runtime.ts.
import { randomBytes } from 'node:crypto';
import type {
  AccountFx,
  ClusterFx,
  Fixture,
  NetworkAclFx,
  RegionFx,
  SecurityGroupFx,
  Timing,
  VSwitchFx,
  VpcFx,
} from '../fixtures/schema';
import { SimClock } from '../clock';
import { SERVICE_ROLE_NAME, SERVICE_ROLE_POLICY } from './policies';
import { EventStore } from './events';
import { KMS_TASK_TYPE } from './runtime';
import type {
  AccessKeyRt,
  AccountRt,
  ClusterRt,
  KeyRt,
  KmsInstanceRt,
  StsTokenRt,
  TaskRt,
} from './runtime';

interface Scheduled {
  due: number;
  seq: number;
  run: (at: number) => void;
}

const byAR = (accountId: string, regionId: string) => `${accountId}|${regionId}`;

export class World {
  readonly clock: SimClock;
  readonly timing: Timing;
  readonly regions: Map<string, RegionFx>;
  readonly accounts = new Map<string, AccountRt>();
  readonly accessKeys = new Map<string, AccessKeyRt>();
  readonly stsTokens = new Map<string, StsTokenRt>();
  readonly clusters = new Map<string, ClusterRt>();
  readonly keys = new Map<string, KeyRt>();
  readonly kmsInstances = new Map<string, KmsInstanceRt>();
  readonly tasks = new Map<string, TaskRt>();
  readonly securityGroups = new Map<string, SecurityGroupFx & { accountId: string }>();
  readonly vswitches = new Map<string, VSwitchFx & { accountId: string }>();
  readonly networkAcls = new Map<string, NetworkAclFx & { accountId: string }>();
  readonly vpcs = new Map<string, VpcFx & { accountId: string }>();
  /** Cluster quota per account (CreateCluster refuses past it). */
  readonly clusterQuota = new Map<string, number>();
  readonly events: EventStore;
  private readonly clustersAR = new Map<string, ClusterRt[]>();
  private readonly keysAR = new Map<string, KeyRt[]>();
  private readonly sgAR = new Map<string, (SecurityGroupFx & { accountId: string })[]>();
  private readonly vswAR = new Map<string, (VSwitchFx & { accountId: string })[]>();
  private readonly vpcAR = new Map<string, (VpcFx & { accountId: string })[]>();
  private readonly aclAR = new Map<string, (NetworkAclFx & { accountId: string })[]>();
  private schedule: Scheduled[] = [];
  private seq = 0;

  constructor(
    readonly fixture: Fixture,
    opts: { timeScale?: number; clock?: SimClock } = {},
  ) {
    const start = fixture.clockStart ? Date.parse(fixture.clockStart) : Date.now();
    this.clock = opts.clock ?? new SimClock(start, opts.timeScale ?? 1);
    this.timing = fixture.timing;
    this.regions = new Map(fixture.regions.map((r) => [r.regionId, r]));
    this.events = new EventStore(this);
    const now = this.clock.now();
    for (const a of fixture.accounts) this.loadAccount(a, now);
  }

  private loadAccount(a: AccountFx, now: number): void {
    const t = (iso: string | undefined, fallbackDaysAgo: number) =>
      iso ? Date.parse(iso) : now - fallbackDaysAgo * 86400_000;
    const acct: AccountRt = {
      id: a.id,
      name: a.name,
      users: new Map(
        a.users.map((u) => [
          u.name,
          {
            name: u.name,
            id: u.id,
            displayName: u.displayName ?? u.name,
            groups: [...u.groups],
            policies: u.policies.map((p) => ({ ...p, attachedAt: now - 30 * 86400_000 })),
            created: now - 90 * 86400_000,
          },
        ]),
      ),
      groups: new Map(
        a.groups.map((g) => [
          g.name,
          {
            name: g.name,
            comments: g.comments,
            policies: g.policies.map((p) => ({ ...p, attachedAt: now - 30 * 86400_000 })),
            created: now - 90 * 86400_000,
          },
        ]),
      ),
      roles: new Map(
        a.roles.map((r) => [
          r.name.toLowerCase(),
          {
            name: r.name,
            id: r.id,
            description: r.description,
            trust: [...r.trust],
            maxSessionDuration: r.maxSessionDuration,
            policies: r.policies.map((p) => ({ ...p, attachedAt: t(r.created, 60) })),
            created: t(r.created, 60),
            updated: t(r.created, 60),
          },
        ]),
      ),
      customPolicies: new Map(
        a.policies.map((p) => [p.name, { description: p.description, statements: p.statements }]),
      ),
      rbac: a.rbac.map((r) => ({ ...r })),
      clusters: [],
    };
    this.accounts.set(a.id, acct);
    for (const k of a.accessKeys)
      this.accessKeys.set(k.id, {
        id: k.id,
        secret: k.secret,
        accountId: a.id,
        principal: k.principal,
        status: k.status,
      });

    for (const k of a.keys) {
      const { created, deleteDate, deleteInDays, ...rest } = k;
      const key: KeyRt = {
        ...rest,
        accountId: a.id,
        created: t(created, 120),
        stateSince: now - 86400_000,
      };
      if (deleteDate) key.deleteDate = Date.parse(deleteDate);
      else if (deleteInDays !== undefined) key.deleteDate = now + deleteInDays * 86400_000;
      if (key.rotation !== 'Disabled') key.lastRotation = now - 20 * 86400_000;
      this.keys.set(k.id, key);
      push(this.keysAR, byAR(a.id, k.regionId), key);
    }
    for (const i of a.kmsInstances ?? [])
      this.kmsInstances.set(i.id, {
        id: i.id,
        accountId: a.id,
        regionId: i.regionId,
        chargeType: i.chargeType,
        status: i.status,
        endDate:
          i.chargeType === 'POSTPAY'
            ? undefined
            : i.endDate
              ? Date.parse(i.endDate)
              : now + (i.endInDays ?? 365) * 86400_000,
        created: now - 30 * 86400_000,
      });
    for (const c of a.clusters) this.addCluster(acct, c, now);
    for (const s of a.securityGroups) {
      const x = { ...s, accountId: a.id };
      this.securityGroups.set(s.id, x);
      push(this.sgAR, byAR(a.id, s.regionId), x);
    }
    for (const s of a.vswitches) {
      const x = { ...s, accountId: a.id };
      this.vswitches.set(s.id, x);
      push(this.vswAR, byAR(a.id, s.regionId), x);
    }
    for (const s of a.vpcs) {
      const x = { ...s, accountId: a.id };
      this.vpcs.set(s.id, x);
      push(this.vpcAR, byAR(a.id, s.regionId), x);
    }
    this.clusterQuota.set(a.id, a.clusterQuota);
    for (const s of a.networkAcls) {
      const x = { ...s, accountId: a.id };
      this.networkAcls.set(s.id, x);
      push(this.aclAR, byAR(a.id, s.regionId), x);
    }
    for (const e of a.events)
      this.events.addFixtureEvent(
        a.id,
        e,
        e.time ? Date.parse(e.time) : now - (e.secondsAgo ?? 0) * 1000,
      );
  }

  private addCluster(acct: AccountRt, c: ClusterFx, now: number): void {
    const { encryption, transition, lastKmsChangeEndedSecondsAgo, created, ...rest } = c;
    const createdMs = created ? Date.parse(created) : now - 100 * 86400_000;
    const cl: ClusterRt = {
      ...rest,
      accountId: acct.id,
      created: createdMs,
      updated: createdMs,
      intervals: [],
      changeInFlight: false,
      taskIds: [],
    };
    if (encryption) {
      const since = encryption.since ? Date.parse(encryption.since) : now - 14 * 86400_000;
      cl.encryption = { keyId: encryption.keyId, disabled: false };
      cl.intervals.push({ keyId: encryption.keyId, from: since });
      cl.updated = Math.max(cl.updated, since);
    }
    if (lastKmsChangeEndedSecondsAgo !== undefined) {
      // The change that ended then left a finished task behind, as it would in the cloud.
      const ended = now - lastKmsChangeEndedSecondsAgo * 1000;
      const requested = ended - this.timing.kmsUpdateSeconds * 1000;
      cl.lastKmsChangeEnd = ended;
      cl.updated = Math.max(cl.updated, ended);
      // ...and its UpdateKMSEncryption record (made by the root account).
      this.events.record(acct.id, cl.regionId, {
        ms: requested,
        regionId: cl.regionId,
        serviceName: 'CS',
        eventName: 'UpdateKMSEncryption',
        eventRW: 'Write',
        apiVersion: '2015-12-15',
        userIdentity: {
          type: 'root-account',
          accountId: acct.id,
          principalId: acct.id,
          userName: 'root',
          accessKeyId: 'LTAI-history',
        },
        resourceName: cl.id,
        resourceType: 'ACS::CS::Cluster',
        requestParameters: {
          ClusterId: cl.id,
          ...(encryption ? { kms_key_id: encryption.keyId } : {}),
          disable_encryption: !encryption,
        },
      });
      const task: TaskRt = {
        id: this.newTaskId(),
        clusterId: cl.id,
        accountId: acct.id,
        type: KMS_TASK_TYPE,
        state: 'success',
        created: requested,
        updated: ended,
        stage: 'Success',
        parameters: {},
      };
      this.tasks.set(task.id, task);
      cl.taskIds.push(task.id);
    }
    if (transition) {
      // A change that was already in flight when the fixture was captured.
      cl.changeInFlight = true;
      this.at(now + transition.afterSeconds * 1000, () => {
        cl.state = transition.to;
        cl.changeInFlight = false;
      });
    }
    this.clusters.set(cl.id, cl);
    acct.clusters.push(cl);
    push(this.clustersAR, byAR(acct.id, cl.regionId), cl);
  }

  /** Adds a cluster created at runtime (CreateCluster). */
  insertCluster(accountId: string, c: ClusterFx): ClusterRt {
    const acct = this.account(accountId);
    this.addCluster(acct, c, this.clock.now());
    return this.clusters.get(c.id)!;
  }

  /** Adds a key created at runtime (KMS CreateKey). */
  insertKey(key: KeyRt): KeyRt {
    this.keys.set(key.id, key);
    push(this.keysAR, byAR(key.accountId, key.regionId), key);
    return key;
  }

  /** A new key id of the newer form (docs/alibaba-cloud-api.md §5.1): key-<region>… */
  newKeyId(regionId: string): string {
    const region = regionId
      .replace(/^cn-/, '')
      .replace(/[^a-z]/g, '')
      .slice(0, 3)
      .padEnd(3, 'x');
    return `key-${region}${randomBytes(10).toString('hex')}`;
  }

  account(id: string): AccountRt {
    const a = this.accounts.get(id);
    if (!a) throw new Error(`no account ${id}`);
    return a;
  }

  clustersIn(accountId: string, regionId?: string): readonly ClusterRt[] {
    if (regionId === undefined) return this.accounts.get(accountId)?.clusters ?? [];
    return this.clustersAR.get(byAR(accountId, regionId)) ?? [];
  }
  keysIn(accountId: string, regionId: string): readonly KeyRt[] {
    return this.keysAR.get(byAR(accountId, regionId)) ?? [];
  }
  securityGroupsIn(accountId: string, regionId: string) {
    return this.sgAR.get(byAR(accountId, regionId)) ?? [];
  }
  vswitchesIn(accountId: string, regionId: string) {
    return this.vswAR.get(byAR(accountId, regionId)) ?? [];
  }
  vpcsIn(accountId: string, regionId: string) {
    return this.vpcAR.get(byAR(accountId, regionId)) ?? [];
  }
  networkAclsIn(accountId: string, regionId: string) {
    return this.aclAR.get(byAR(accountId, regionId)) ?? [];
  }

  /** Key by id within an account (keys of another account are invisible). */
  keyOf(accountId: string, keyIdOrAlias: string, regionId?: string): KeyRt | undefined {
    let k = this.keys.get(keyIdOrAlias);
    if (!k && keyIdOrAlias.startsWith('alias/') && regionId) {
      k = this.keysIn(accountId, regionId).find((x) => x.aliases.includes(keyIdOrAlias));
    }
    if (!k && keyIdOrAlias.startsWith('acs:kms:'))
      k = this.keys.get(keyIdOrAlias.split('/').pop() ?? '');
    if (!k || k.accountId !== accountId) return undefined;
    if (regionId && k.regionId !== regionId) return undefined;
    return k;
  }

  serviceRoleAuthorised(accountId: string): boolean {
    const r = this.accounts.get(accountId)?.roles.get(SERVICE_ROLE_NAME.toLowerCase());
    return !!r && r.policies.some((p) => p.name === SERVICE_ROLE_POLICY && p.type === 'System');
  }

  keyArn(k: KeyRt): string {
    return `acs:kms:${k.regionId}:${k.accountId}:key/${k.id}`;
  }

  // ---- time ---------------------------------------------------------------------------------

  /** Runs `fn` at simulated time `due` (or at the next settle after it). */
  at(due: number, fn: (at: number) => void): void {
    this.schedule.push({ due, seq: this.seq++, run: fn });
    this.schedule.sort((a, b) => a.due - b.due || a.seq - b.seq);
  }

  /** Applies every scheduled change that is due. Called before each request is handled. */
  settle(): number {
    const now = this.clock.now();
    while (this.schedule.length && this.schedule[0]!.due <= now) {
      const s = this.schedule.shift()!;
      s.run(s.due);
    }
    return now;
  }

  pendingChanges(): number {
    return this.schedule.length;
  }

  newTaskId(): string {
    return `T-${randomBytes(12).toString('hex')}`;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
