// The shapes of the simulated cloud's runtime state (what World holds): fixtures turned into
// records with times as numbers, plus what only exists at runtime (tasks, STS tokens).
import type { ClusterFx, ClusterState, KeyFx, PolicyRef } from '../fixtures/schema';
import type { Statement } from './policies';

export interface UserRt {
  name: string;
  id: string;
  displayName: string;
  policies: (PolicyRef & { attachedAt: number })[];
  groups: string[];
  created: number;
}
export interface GroupRt {
  name: string;
  comments: string;
  policies: (PolicyRef & { attachedAt: number })[];
  created: number;
}
export interface RoleRt {
  name: string;
  id: string;
  description: string;
  trust: string[];
  maxSessionDuration: number;
  policies: (PolicyRef & { attachedAt: number })[];
  created: number;
  updated: number;
}
export interface RbacRt {
  principal: string;
  resourceId: string;
  resourceType: string;
  roleType: string;
  roleName: string;
}

export interface EncryptionInterval {
  keyId: string;
  from: number;
  to?: number;
}

export interface ClusterRt extends Omit<
  ClusterFx,
  'encryption' | 'transition' | 'lastKmsChangeEndedSecondsAgo' | 'created' | 'state'
> {
  accountId: string;
  state: ClusterState;
  created: number;
  updated: number;
  /** undefined = never configured (meta_data carries no encryption capability). */
  encryption?: { keyId: string; disabled: boolean };
  intervals: EncryptionInterval[];
  lastKmsChangeEnd?: number;
  changeInFlight: boolean;
  taskIds: string[];
}

export interface KeyRt extends Omit<KeyFx, 'created' | 'deleteDate' | 'deleteInDays'> {
  accountId: string;
  created: number;
  deleteDate?: number;
  /** When the current KeyState began; synthetic Decrypt events after it fail if not Enabled. */
  stateSince: number;
  lastRotation?: number;
}

export interface KmsInstanceRt {
  id: string;
  accountId: string;
  regionId: string;
  chargeType: 'PREPAY' | 'POSTPAY';
  status: string;
  endDate: number | undefined;
  created: number;
}

// GUESS: no task_type for a KMS change is documented. A documented, neutral one (the
// DescribeEvents type list has cluster_modify) so no client can depend on a KMS-specific name.
export const KMS_TASK_TYPE = 'cluster_modify';

export interface TaskRt {
  id: string;
  clusterId: string;
  accountId: string;
  type: string;
  state: 'running' | 'failed' | 'success';
  created: number;
  updated: number;
  stage: string;
  parameters: Record<string, unknown>;
  error?: { code: string; message: string };
}

export interface AccountRt {
  id: string;
  name: string;
  users: Map<string, UserRt>;
  groups: Map<string, GroupRt>;
  /** By lower-case name: RAM role names are case-insensitive. */
  roles: Map<string, RoleRt>;
  customPolicies: Map<string, { description: string; statements: Statement[] }>;
  rbac: RbacRt[];
  clusters: ClusterRt[];
}

export interface AccessKeyRt {
  id: string;
  secret: string;
  accountId: string;
  /** "root" or "user:<name>" */
  principal: string;
  status: 'Active' | 'Inactive';
}

export interface StsTokenRt {
  accessKeyId: string;
  secret: string;
  token: string;
  accountId: string;
  roleName: string;
  sessionName: string;
  expiresAt: number;
  /** Identity that called AssumeRole, for ActionTrail and audit. */
  sourceArn: string;
}
