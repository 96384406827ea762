// What the checks of one checklist share: the inputs, and memoised fetchers so that each cloud
// call is made once however many checks need its answer. A BatchCache carries the answers that
// do not depend on the cluster (the caller, its policies, the service role, keys, security
// groups, vSwitches and network ACLs) across the checklists of a batch plan.
import type { ChangeAction } from '../../contract/types/checks';
import { describeCluster, describeUserPermission, parseEncryption } from '../cloud/cs';
import { describeClusterTasks } from '../cloud/cs-encryption';
import type { CsCluster, RbacGrant } from '../cloud/cs';
import type { CsTask } from '../cloud/cs-encryption';
import { keyIdWithoutLookup } from '../../contract/key-ref';
import { describeKey } from '../cloud/kms';
import type { KmsKeyMetadata } from '../cloud/kms';
import {
  getRole,
  listGroupsForUser,
  listPoliciesForGroup,
  listPoliciesForRole,
  listPoliciesForUser,
} from '../cloud/ram';
import type { RamPolicyRef } from '../cloud/ram';
import { listKeyIds } from '../cloud/kms';
import { lookupAllEvents } from '../cloud/actiontrail';
import { describeSecurityGroupEgress, describeSecurityGroupType } from '../cloud/ecs';
import type { SecurityGroupEgress, SecurityGroupSummary } from '../cloud/ecs';
import { describeNetworkAclAttributes, describeVSwitch } from '../cloud/vpc';
import type { NetworkAclAttributes, VSwitchSummary } from '../cloud/vpc';
import { isOffered } from '../cloud/endpoints';
import type { TrailEvent } from '../cloud/actiontrail';
import { getCallerIdentity, principalName } from '../cloud/sts';
import type { CallerIdentity } from '../cloud/sts';
import type { CloudSession } from '../cloud/session';

/** Memoises promises by key (failures too: a check that needs a failed answer sees the error). */
export class BatchCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  calls = 0;

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      this.calls += 1;
      entry = load();
      // Keep the rejection observed so an unused failure is not an unhandled rejection.
      entry.catch(() => undefined);
      this.entries.set(key, entry);
    }
    return entry;
  }
}

/**
 * How far back the cooldown looks for UpdateKMSEncryption records (the record is written when
 * the change is requested): the longest change we follow by default (60 min), the cooldown, and
 * some room.
 */
export const KMS_RECORD_WINDOW_MS = 75 * 60_000;
const KMS_RECORD_PAGES = 2;

export const SERVICE_ROLE = 'AliyunCSManagedSecurityRole';
export const SERVICE_ROLE_POLICY = 'AliyunCSManagedSecurityRolePolicy';

/**
 * Another saved account, to be asked what the caller itself may not see (the RBAC grants of a
 * RAM caller). Used only when it belongs to the same Alibaba Cloud account.
 */
export interface PeerAccount {
  id: string;
  name: string;
  /** The Alibaba Cloud account (uid) recorded for it, when known. */
  cloudAccountId: string | null;
  session: () => Promise<CloudSession>;
}

export interface CheckInput {
  session: CloudSession;
  accountId: string;
  clusterId: string;
  regionId: string;
  action: ChangeAction;
  /** The key to enable with: an id, an alias or an ARN (runChecklist resolves it to the id). */
  keyId: string | null;
  /** How the request named the key when that was not its id (an alias or an ARN). */
  keyRef?: string;
  now: number;
  /** The simulated cloud's clock (cooldowns pass faster, task times are simulated). */
  cloudClock?: { scale: number; cloudNow(): number };
  /** When our own journal last saw an encryption change of this cluster end (ms), if ever. */
  lastChangeEndedAt?: number | null;
  /** The other saved accounts (accounts/directory.ts peerAccounts). */
  peers?: () => Promise<PeerAccount[]>;
}

/** What one viewer saw of a principal's RBAC grants. */
export interface RbacView {
  grants: RbacGrant[];
  requestId: string | null;
  /** Which saved account looked, and why its answer is complete for this cluster. */
  viewer: string;
  viewedAs: 'root' | 'rbac-admin';
}

export class CheckContext {
  /** Per-checklist answers (the cluster); shared ones live in the batch cache. */
  private readonly local = new BatchCache();

  constructor(
    readonly input: CheckInput,
    readonly batch: BatchCache = new BatchCache(),
  ) {}

  private scoped(key: string): string {
    return `${this.input.session.accountKey}|${key}`;
  }

  cluster(): Promise<{ cluster: CsCluster; requestId: string | null }> {
    return this.local.get('cluster', () =>
      describeCluster(this.input.session, this.input.regionId, this.input.clusterId),
    );
  }

  tasks(): Promise<CsTask[]> {
    return this.local.get('tasks', () =>
      describeClusterTasks(this.input.session, this.input.regionId, this.input.clusterId),
    );
  }

  /**
   * UpdateKMSEncryption records of the region in the last KMS_RECORD_WINDOW_MS (cloud clock),
   * newest first; null where ActionTrail has no endpoint. One query per account and region,
   * shared by the batch (LookupEvents allows 2 calls per second; actiontrail.ts paces them).
   */
  kmsChangeRecords(): Promise<TrailEvent[] | null> {
    const regionId = this.input.regionId;
    return this.batch.get(this.scoped(`kms-change-records|${regionId}`), async () => {
      if (!isOffered('actiontrail', regionId)) return null;
      const end = this.input.cloudClock?.cloudNow() ?? this.input.now;
      const { events } = await lookupAllEvents(
        this.input.session,
        {
          regionId,
          startTime: new Date(end - KMS_RECORD_WINDOW_MS),
          endTime: new Date(end),
          attributes: [{ key: 'EventName', value: 'UpdateKMSEncryption' }],
        },
        KMS_RECORD_PAGES,
      );
      return events;
    });
  }

  /** The key the change is about: the chosen one (enable) or the one in use (disable). */
  async keyId(): Promise<string | null> {
    if (this.input.action === 'enable') return this.input.keyId;
    const { cluster } = await this.cluster();
    return parseEncryption(cluster.metaData).keyId;
  }

  /**
   * DescribeKey in the cluster's region. It takes an id or an alias (docs/alibaba-cloud-api.md);
   * an ARN is read as the key id it ends in. The answer is also remembered under the key's own
   * id, so a resolved alias costs one call however many checks ask.
   */
  key(keyRef: string): Promise<{ key: KmsKeyMetadata; requestId: string | null }> {
    const region = this.input.regionId;
    const asked = keyIdWithoutLookup(keyRef) ?? keyRef;
    const answer = this.batch.get(this.scoped(`key|${region}|${asked}`), () =>
      describeKey(this.input.session, region, asked),
    );
    return answer.then((found) => {
      if (found.key.keyId && found.key.keyId !== asked)
        void this.batch.get(this.scoped(`key|${region}|${found.key.keyId}`), () => answer);
      return found;
    });
  }

  serviceKeyIds(): Promise<Set<string>> {
    return this.batch.get(
      this.scoped(`service-keys|${this.input.regionId}`),
      async () =>
        new Set(
          await listKeyIds(this.input.session, this.input.regionId, [
            { Key: 'CreatorType', Values: ['Service'] },
          ]),
        ),
    );
  }

  // The network path to KMS (network.kmsEgress). Clusters of a plan often share their security
  // group and vSwitches, so these answers live in the batch cache.

  securityGroupType(securityGroupId: string): Promise<SecurityGroupSummary> {
    return this.regional(`sg-type|${securityGroupId}`, (region) =>
      describeSecurityGroupType(this.input.session, region, securityGroupId),
    );
  }

  securityGroupEgress(securityGroupId: string): Promise<SecurityGroupEgress> {
    return this.regional(`sg-egress|${securityGroupId}`, (region) =>
      describeSecurityGroupEgress(this.input.session, region, securityGroupId),
    );
  }

  vSwitch(vSwitchId: string): Promise<VSwitchSummary> {
    return this.regional(`vswitch|${vSwitchId}`, (region) =>
      describeVSwitch(this.input.session, region, vSwitchId),
    );
  }

  networkAcl(networkAclId: string): Promise<NetworkAclAttributes> {
    return this.regional(`network-acl|${networkAclId}`, (region) =>
      describeNetworkAclAttributes(this.input.session, region, networkAclId),
    );
  }

  private regional<T>(key: string, load: (regionId: string) => Promise<T>): Promise<T> {
    const region = this.input.regionId;
    return this.batch.get(this.scoped(`${key}|${region}`), () => load(region));
  }

  identity(): Promise<CallerIdentity> {
    return this.batch.get(this.scoped('identity'), () => getCallerIdentity(this.input.session));
  }

  serviceRole() {
    return this.batch.get(this.scoped('service-role'), () =>
      getRole(this.input.session, SERVICE_ROLE),
    );
  }

  serviceRolePolicies() {
    return this.batch.get(this.scoped('service-role-policies'), () =>
      listPoliciesForRole(this.input.session, SERVICE_ROLE),
    );
  }

  /** The caller's policies, directly and through its groups (RAM users) or its role. */
  callerPolicies(): Promise<{
    policies: (RamPolicyRef & { via: string })[];
    requestIds: string[];
  }> {
    return this.batch.get(this.scoped('caller-policies'), async () => {
      const identity = await this.identity();
      const name = principalName(identity);
      if (identity.identityType === 'AssumedRoleUser') {
        const r = await listPoliciesForRole(this.input.session, name);
        return {
          policies: r.policies.map((p) => ({ ...p, via: `role ${name}` })),
          requestIds: [r.requestId ?? ''],
        };
      }
      const [direct, groups] = await Promise.all([
        listPoliciesForUser(this.input.session, name),
        listGroupsForUser(this.input.session, name),
      ]);
      const viaGroups = await Promise.all(
        groups.groups.map((g) => listPoliciesForGroup(this.input.session, g)),
      );
      return {
        policies: [
          ...direct.policies.map((p) => ({ ...p, via: 'user' })),
          ...viaGroups.flatMap((r, i) =>
            r.policies.map((p) => ({ ...p, via: `group ${groups.groups[i]}` })),
          ),
        ],
        requestIds: [
          direct.requestId,
          groups.requestId,
          ...viaGroups.map((r) => r.requestId),
        ].filter((id): id is string => !!id),
      };
    });
  }

  /** The caller's RBAC uid: a RAM user's id, or an assumed role's role id. */
  async rbacUid(): Promise<string> {
    const identity = await this.identity();
    return identity.identityType === 'AssumedRoleUser'
      ? (identity.roleId ?? '')
      : (identity.userId ?? identity.principalId ?? '');
  }

  /** The caller's grants as the caller sees them (for a RAM caller: only where it is admin). */
  rbac(): Promise<{ grants: RbacGrant[]; requestId: string | null }> {
    return this.batch.get(this.scoped('rbac'), async () =>
      describeUserPermission(this.input.session, this.input.regionId, await this.rbacUid()),
    );
  }

  /**
   * The caller's grants as seen by another saved account of the same Alibaba Cloud account that
   * sees every grant on this cluster: the root account, or a RAM user or role that is RBAC admin
   * on the cluster (or on all clusters). null when there is none (or none could answer).
   */
  rbacFromPeer(): Promise<RbacView | null> {
    return this.local.get('rbac-peer', async () => {
      const identity = await this.identity();
      const uid = await this.rbacUid();
      const peers = (await this.input.peers?.()) ?? [];
      for (const peer of peers) {
        if (peer.cloudAccountId !== identity.accountId) continue;
        try {
          const view = await this.peerView(peer, identity.accountId, uid);
          if (view) return view;
        } catch {
          // This peer cannot answer (credentials, permissions, network): try the next one.
        }
      }
      return null;
    });
  }

  private async peerView(
    peer: PeerAccount,
    cloudAccountId: string,
    uid: string,
  ): Promise<RbacView | null> {
    const session = await peer.session();
    const who = await this.batch.get(`${session.accountKey}|identity`, () =>
      getCallerIdentity(session),
    );
    if (who.accountId !== cloudAccountId) return null;
    const ask = (target: string) =>
      this.batch.get(`${session.accountKey}|rbac-of|${this.input.regionId}|${target}`, () =>
        describeUserPermission(session, this.input.regionId, target),
      );
    if (who.identityType === 'Account') {
      const seen = await ask(uid);
      return { ...seen, viewer: peer.name, viewedAs: 'root' };
    }
    const peerUid =
      who.identityType === 'AssumedRoleUser' ? (who.roleId ?? '') : (who.userId ?? '');
    if (!peerUid || peerUid === uid) return null;
    const own = await ask(peerUid);
    const admin = own.grants.some(
      (g) =>
        g.roleType === 'admin' &&
        (g.resourceId === 'all-clusters' ||
          (g.resourceType === 'cluster' && g.resourceId === this.input.clusterId)),
    );
    if (!admin) return null;
    const seen = await ask(uid);
    return { ...seen, viewer: peer.name, viewedAs: 'rbac-admin' };
  }
}
