// What the checks of one checklist share: the inputs, and memoised fetchers so that each cloud
// call is made once however many checks need its answer. A BatchCache carries the answers that
// do not depend on the cluster (the caller, its policies, the service role, keys) across the
// checklists of a batch plan.
import type { ChangeAction } from '../../contract/types/checks';
import {
  describeCluster,
  describeClusterTasks,
  describeUserPermission,
  parseEncryption,
} from '../cloud/cs';
import type { CsCluster, CsTask, RbacGrant } from '../cloud/cs';
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
import { getCallerIdentity } from '../cloud/sts';
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

export const SERVICE_ROLE = 'AliyunCSManagedSecurityRole';
export const SERVICE_ROLE_POLICY = 'AliyunCSManagedSecurityRolePolicy';

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

  rbac(): Promise<{ grants: RbacGrant[]; requestId: string | null }> {
    return this.batch.get(this.scoped('rbac'), async () => {
      const identity = await this.identity();
      const uid =
        identity.identityType === 'AssumedRoleUser'
          ? (identity.roleId ?? '')
          : (identity.userId ?? identity.principalId ?? '');
      return describeUserPermission(this.input.session, this.input.regionId, uid);
    });
  }
}

/** The RAM user or role name from the caller's ARN (role ARNs may be role/ or assumed-role/). */
export function principalName(identity: CallerIdentity): string {
  const arn = identity.arn ?? '';
  const match = /:(?:user|role|assumed-role)\/([^/]+)/.exec(arn);
  return match?.[1] ?? '';
}
