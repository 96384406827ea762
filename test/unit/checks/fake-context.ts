// An in-memory CheckContext for unit tests of single checks: every cloud read answers from a
// script (a value, or the error to throw), and a read the test did not script fails loudly.
import { CheckContext } from '../../../electron/core/checks/context';
import type { CheckInput, RbacView } from '../../../electron/core/checks/context';
import type { TrailEvent } from '../../../electron/core/cloud/actiontrail';
import type { CsCluster, RbacGrant } from '../../../electron/core/cloud/cs';
import type { CsTask } from '../../../electron/core/cloud/cs-encryption';
import { CloudError } from '../../../electron/core/cloud/errors';
import type { CloudErrorKind } from '../../../electron/core/cloud/errors';
import type { KmsKeyMetadata } from '../../../electron/core/cloud/kms';
import type { RamPolicyRef, RamRole } from '../../../electron/core/cloud/ram';
import type { CloudSession } from '../../../electron/core/cloud/session';
import type { CallerIdentity } from '../../../electron/core/cloud/sts';

type Answer<T> = T | Error;

export interface Script {
  cluster?: Answer<Partial<CsCluster>>;
  tasks?: Answer<CsTask[]>;
  /** null: ActionTrail has no endpoint in the region. */
  records?: Answer<TrailEvent[] | null>;
  /** By key id. */
  keys?: Record<string, Answer<Partial<KmsKeyMetadata>>>;
  serviceKeyIds?: Answer<string[]>;
  identity?: Answer<Partial<CallerIdentity>>;
  role?: Answer<Partial<RamRole>>;
  rolePolicies?: Answer<RamPolicyRef[]>;
  callerPolicies?: Answer<(RamPolicyRef & { via: string })[]>;
  rbac?: Answer<RbacGrant[]>;
  peer?: Answer<RbacView | null>;
}

export function cloudError(kind: CloudErrorKind, cloudCode: string | null = null): CloudError {
  return new CloudError(`scripted ${kind}`, {
    kind,
    product: 'cs',
    action: 'Scripted',
    cloudCode,
    httpStatus: null,
    requestId: 'req-scripted',
  });
}

export const CLUSTER: CsCluster = {
  clusterId: 'c-1',
  name: 'edge-1',
  clusterType: 'ManagedKubernetes',
  profile: 'Edge',
  clusterSpec: 'ack.pro.small',
  regionId: 'cn-hangzhou',
  state: 'running',
  currentVersion: '1.30',
  metaData: JSON.stringify({ Capabilities: { Network: 'flannel' } }),
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  vpcId: 'vpc-1',
  securityGroupId: 'sg-1',
  vswitchIds: ['vsw-1'],
};

export const KEY: KmsKeyMetadata = {
  keyId: 'key-1',
  arn: 'acs:kms:cn-hangzhou:1234567890:key/key-1',
  keySpec: 'Aliyun_AES_256',
  keyUsage: 'ENCRYPT/DECRYPT',
  keyState: 'Enabled',
  automaticRotation: 'Disabled',
  deletionProtection: 'Enabled',
  protectionLevel: 'SOFTWARE',
  creator: '1234567890',
  origin: 'Aliyun_KMS',
  dkmsInstanceId: null,
  deleteDate: null,
  creationDate: null,
};

export const RAM_USER: CallerIdentity = {
  accountId: '1234567890',
  identityType: 'RAMUser',
  arn: 'acs:ram::1234567890:user/engineer',
  principalId: '2000001',
  userId: '2000001',
  roleId: null,
  requestId: 'req-id',
};

function answer<T>(value: Answer<T> | undefined, what: string): Promise<T> {
  if (value === undefined) return Promise.reject(new Error(`${what} was not scripted`));
  return value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
}

const mapped = <T, U>(value: Answer<T> | undefined, what: string, f: (v: T) => U): Promise<U> =>
  answer(value, what).then(f);

export class FakeContext extends CheckContext {
  constructor(
    private readonly script: Script,
    input: Partial<CheckInput> = {},
  ) {
    super({
      session: { accountKey: 'fake' } as unknown as CloudSession,
      accountId: 'acc-1',
      clusterId: CLUSTER.clusterId,
      regionId: 'cn-hangzhou',
      action: 'enable',
      keyId: KEY.keyId,
      now: Date.parse('2026-06-01T12:00:00Z'),
      ...input,
    });
  }

  override cluster() {
    return mapped(this.script.cluster, 'cluster', (c) => ({
      cluster: { ...CLUSTER, ...c },
      requestId: 'req-cluster',
    }));
  }

  override tasks() {
    return answer(this.script.tasks ?? [], 'tasks');
  }

  override kmsChangeRecords() {
    return answer(this.script.records === undefined ? [] : this.script.records, 'records');
  }

  override key(keyRef: string) {
    return mapped(
      this.script.keys?.[keyRef] ?? cloudError('notFound', 'Key.NotFound'),
      'key',
      (k) => ({
        key: { ...KEY, keyId: keyRef, ...k },
        requestId: 'req-key',
      }),
    );
  }

  override serviceKeyIds() {
    return mapped(this.script.serviceKeyIds ?? [], 'service keys', (ids) => new Set(ids));
  }

  override identity() {
    return mapped(this.script.identity, 'identity', (i) => ({ ...RAM_USER, ...i }));
  }

  override serviceRole() {
    return mapped(this.script.role, 'service role', (r) => ({
      role: {
        roleName: 'AliyunCSManagedSecurityRole',
        arn: 'acs:ram::1234567890:role/aliyuncsmanagedsecurityrole',
        assumeRolePolicyDocument: null,
        ...r,
      },
      requestId: 'req-role',
    }));
  }

  override serviceRolePolicies() {
    return mapped(this.script.rolePolicies, 'service role policies', (policies) => ({
      policies,
      requestId: 'req-role-policies',
      isTruncated: false,
      marker: null,
    }));
  }

  override callerPolicies() {
    return mapped(this.script.callerPolicies, 'caller policies', (policies) => ({
      policies,
      requestIds: ['req-policies'],
    }));
  }

  override rbac() {
    return mapped(this.script.rbac, 'rbac', (grants) => ({ grants, requestId: 'req-rbac' }));
  }

  override rbacFromPeer() {
    return answer(this.script.peer === undefined ? null : this.script.peer, 'peer');
  }
}

export const grant = (
  resourceId: string,
  roleType: string,
  resourceType = 'cluster',
): RbacGrant => ({
  resourceId,
  resourceType,
  roleType,
  isOwner: false,
});
