// New ACK Edge Pro clusters with Secret encryption on from the first minute: the spec, the
// preflight, the request shown before it is sent, and the creation followed to the proof.
// Pure types: the renderer shows these and the CLI prints them.
import type { Message } from '../messages';
import type { CheckFix, CheckStatus, EvidenceValue } from './checks';

/** What the user asks for (the CLI's --file, the window's form), after defaults. */
export interface ClusterSpec {
  /** The saved account's id or name. */
  account: string;
  regionId: string;
  name: string;
  keyId: string;
  vpcId: string;
  vswitchIds: string[];
  /** Flannel pod CIDR. */
  containerCidr: string;
  serviceCidr: string;
  /** Empty: the newest version the cloud offers for Edge at creation time. */
  kubernetesVersion: string | null;
  /** Null: the cloud creates a security group (is_enterprise_security_group decides its type). */
  securityGroupId: string | null;
  /** Expose the API server on an internet address (an EIP). */
  endpointPublicAccess: boolean;
  /** Create a NAT gateway and SNAT entry so nodes reach the internet. */
  snatEntry: boolean;
  /** Only when securityGroupId is null: advanced (true) or basic (false) group. */
  enterpriseSecurityGroup: boolean;
  deletionProtection: boolean;
}

export const PREFLIGHT_IDS = [
  'spec.name',
  'spec.cidrs',
  'network.vpc',
  'network.vswitches',
  'network.freeAddresses',
  'network.cidrOverlap',
  'network.kmsEgress',
  'cluster.version',
  'key.exists',
  'key.region',
  'key.spec',
  'key.usage',
  'key.state',
  'key.rotation',
  'key.creator',
  'key.deletionProtection',
  'role.csManagedSecurity',
  'caller.createCluster',
  'caller.kmsCryptoAdmin',
] as const;
export type PreflightId = (typeof PREFLIGHT_IDS)[number];

/** One preflight item: the same shape as a checklist item, with the creation's own ids. */
export interface PreflightCheck {
  id: PreflightId;
  status: CheckStatus;
  /** One English sentence for logs and `--json`: `message` in English. */
  summary: string;
  /** The summary as a message, for the window and the CLI in either language (like a check's). */
  message?: Message;
  evidence: Record<string, EvidenceValue>;
  fix: CheckFix | null;
}

/** The exact request, and the same cluster in two infrastructure-as-code forms. */
export interface CreateRequestPreview {
  /** The JSON body of POST /clusters (CS 2015-12-15), exactly as it will be sent. */
  body: Record<string, unknown>;
  /** An alicloud_cs_managed_kubernetes block (aliyun/terraform-provider-alicloud). */
  terraform: string;
  /** An `aliyun cs POST /clusters …` command line (POSIX shell quoting). */
  aliyunCli: string;
}

export interface CreatePreflight {
  accountId: string;
  accountName: string;
  spec: ClusterSpec;
  /** The key's id (an alias in the spec is resolved in the region). */
  keyId: string;
  ready: boolean;
  checkedAt: string;
  checks: PreflightCheck[];
  request: CreateRequestPreview;
}

export type CreationPhase = 'requested' | 'creating' | 'running' | 'verifying' | 'ended';
export type CreationOutcome =
  | 'verified'
  /** Running, and meta_data shows the key; the ActionTrail proof is not in yet. */
  | 'encrypted'
  /** Running, but meta_data does not show the key: the cloud ignored it (fallback offered). */
  | 'key-missing'
  | 'failed'
  | 'rejected'
  | 'timed-out'
  | 'unknown';

export interface CreationError {
  code: string;
  message: string;
  requestId: string | null;
}

/** The proof for a new cluster: the service role's KMS calls with the key, since creation. */
export interface CreationProof {
  status: 'verified' | 'pending' | 'not-verified' | 'unavailable';
  summary: string;
  /** The CreateCluster record in ActionTrail, if found. */
  createEventId: string | null;
  encrypt: number;
  decrypt: number;
  failed: number;
  checkedAt: string;
  nextCheckAfter: string | null;
}

export interface CreationView {
  creationId: string;
  accountId: string;
  accountName: string;
  regionId: string;
  name: string;
  keyId: string;
  phase: CreationPhase;
  outcome: CreationOutcome | null;
  clusterId: string | null;
  taskId: string | null;
  requestId: string | null;
  clusterState: string | null;
  /** The task's own stage when the cloud gives one (DescribeTaskInfo current_stage). */
  taskStage: string | null;
  /** The key meta_data shows once running (null before, or when absent). */
  keyInMetaData: string | null;
  startedAt: string;
  requestedAt: string | null;
  runningAt: string | null;
  endedAt: string | null;
  lastPollAt: string | null;
  nextPollAt: string | null;
  polls: number;
  note: string | null;
  /** The same note as a catalog message (the reader's language); null with `note`. */
  noteMsg?: Message | null;
  error: CreationError | null;
  proof: CreationProof | null;
  /**
   * When the cloud created the cluster without the key: when encryption can be turned on with
   * the existing enable path (the 5-minute cooldown after the creation ended).
   */
  fallbackAfter: string | null;
}

export interface CreationList {
  creations: CreationView[];
  problems: string[];
}

export interface VpcSummary {
  vpcId: string;
  name: string;
  cidrBlock: string;
  /** Secondary CIDR blocks, when the VPC has them. */
  secondaryCidrBlocks: string[];
  status: string;
}

export interface VSwitchOption {
  vSwitchId: string;
  name: string;
  vpcId: string;
  zoneId: string;
  cidrBlock: string;
  availableIpAddressCount: number | null;
  status: string;
}

export interface KubernetesVersionOption {
  version: string;
  creatable: boolean;
  releaseDate: string | null;
  expirationDate: string | null;
}

export interface ClusterDefaults {
  containerCidr: string;
  serviceCidr: string;
}
