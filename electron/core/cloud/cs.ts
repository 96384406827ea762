// Container Service (CS, 2015-12-15, ROA) through the official client. Only what the product
// needs: list clusters, read one, change its KMS encryption, its tasks, and a user's RBAC.
import type * as CsModule from '@alicloud/cs20151215';
import { isRegionId } from '../../contract';
import { pageByNumber } from './paging';
import { loadOnce, sdkClient } from './sdk';
import type { CloudSession } from './session';

// The SDK and its client class, loaded by the first call that needs them (sdk.ts).
let $Cs: typeof CsModule;
let Cs: typeof CsModule.default;
const sdk = loadOnce(async () => {
  $Cs = await import('@alicloud/cs20151215');
  Cs = sdkClient($Cs.default);
});

/** The fields we use, normalised from the SDK model (snake_case on the wire). */
export interface CsCluster {
  clusterId: string;
  name: string;
  clusterType: string;
  profile: string;
  clusterSpec: string;
  regionId: string;
  state: string;
  currentVersion: string;
  metaData: string | null;
  created: string | null;
  updated: string | null;
  vpcId: string | null;
  securityGroupId: string | null;
  vswitchIds: string[];
}

export interface ParsedEncryption {
  /** null when meta_data does not say (empty, unreadable, no Capabilities, a flag we cannot read). */
  enabled: boolean | null;
  keyId: string | null;
  /** False when `enabled` is null: the caller must not read it as "off". */
  readable: boolean;
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** A JSON boolean, or a string as Go's strconv.ParseBool reads it; anything else is null. */
export function parseGoBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  if (GO_TRUE.has(value)) return true;
  if (GO_FALSE.has(value)) return false;
  return null;
}

const UNKNOWN: ParsedEncryption = { enabled: null, keyId: null, readable: false };

/**
 * Reads Capabilities.EncryptionKMSKeyId / Capabilities.DisableEncryption from meta_data (a JSON
 * string), the way Terraform reads them from DescribeClusterDetail (docs/alibaba-cloud-api.md).
 * What it does not say stays unknown: no Capabilities at all (a list entry may carry none), a
 * DisableEncryption that is not a boolean, or a key id without the flag (sources disagree on
 * what that means). No key id, and no flag saying otherwise, is "off": encryption needs a key.
 */
export function parseEncryption(metaData: string | null | undefined): ParsedEncryption {
  if (metaData === null || metaData === undefined || metaData.trim() === '') return UNKNOWN;
  let parsed: unknown;
  try {
    parsed = JSON.parse(metaData);
  } catch {
    return UNKNOWN;
  }
  if (typeof parsed !== 'object' || parsed === null) return UNKNOWN;
  const capabilities = (parsed as { Capabilities?: unknown }).Capabilities;
  if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities))
    return UNKNOWN;
  const caps = capabilities as Record<string, unknown>;
  const rawKey = caps.EncryptionKMSKeyId;
  const keyId = typeof rawKey === 'string' && rawKey.trim() !== '' ? rawKey.trim() : null;
  const disabled =
    caps.DisableEncryption === undefined ? undefined : parseGoBool(caps.DisableEncryption);
  if (disabled === true) return { enabled: false, keyId, readable: true };
  if (disabled === null) return { enabled: null, keyId, readable: false };
  if (keyId === null) return { enabled: false, keyId: null, readable: true };
  if (disabled === false) return { enabled: true, keyId, readable: true };
  return { enabled: null, keyId, readable: false };
}

type SdkCluster = {
  clusterId?: string;
  name?: string;
  clusterType?: string;
  profile?: string;
  clusterSpec?: string;
  regionId?: string;
  state?: string;
  currentVersion?: string;
  metaData?: string;
  created?: string;
  updated?: string;
  vpcId?: string;
  securityGroupId?: string;
  vswitchIds?: string[];
  vswitchId?: string;
};

function normalise(c: SdkCluster): CsCluster {
  const vswitchIds = c.vswitchIds?.length
    ? c.vswitchIds
    : c.vswitchId
      ? c.vswitchId.split(',')
      : [];
  return {
    clusterId: c.clusterId ?? '',
    name: c.name ?? '',
    clusterType: c.clusterType ?? '',
    profile: c.profile ?? 'Default',
    clusterSpec: c.clusterSpec ?? '',
    regionId: c.regionId ?? '',
    state: c.state ?? 'unknown',
    currentVersion: c.currentVersion ?? '',
    metaData: c.metaData ?? null,
    created: c.created ?? null,
    updated: c.updated ?? null,
    vpcId: c.vpcId || null,
    securityGroupId: c.securityGroupId || null,
    vswitchIds: vswitchIds.filter((v) => v !== ''),
  };
}

// What we ask for; the cloud may use less (and says so in page_info), which the loop follows.
const PAGE_SIZE = 50;

export interface ListClustersQuery {
  regionId: string;
  profile: 'Edge' | 'Default';
}

/** All ManagedKubernetes clusters of one profile in one region, every page. */
export async function listClusters(
  session: CloudSession,
  query: ListClustersQuery,
): Promise<CsCluster[]> {
  await sdk();
  const { items } = await pageByNumber(
    { product: 'cs', action: 'DescribeClustersV1', regionId: query.regionId },
    PAGE_SIZE,
    async ({ pageNumber, pageSize }) => {
      const body = await session.call(
        'cs',
        'DescribeClustersV1',
        query.regionId,
        async (config) =>
          (
            await new Cs(config).describeClustersV1(
              new $Cs.DescribeClustersV1Request({
                clusterType: 'ManagedKubernetes',
                profile: query.profile,
                regionId: query.regionId,
                pageNumber,
                pageSize,
              }),
            )
          ).body,
        { idempotent: true },
      );
      return {
        items: (body?.clusters ?? []).map(normalise),
        totalCount: body?.pageInfo?.totalCount,
        pageNumber: body?.pageInfo?.pageNumber,
        pageSize: body?.pageInfo?.pageSize,
      };
    },
    { idOf: (c) => c.clusterId || null },
  );
  // The list may be account-wide (docs/alibaba-cloud-api.md, CS endpoint and scope): keep only
  // this region. Counting happened before this filter, on what the cloud sent.
  return items.filter((c) => c.regionId === query.regionId || c.regionId === '');
}

export async function describeCluster(
  session: CloudSession,
  regionId: string,
  clusterId: string,
): Promise<{ cluster: CsCluster; requestId: string | null }> {
  await sdk();
  const response = await session.call(
    'cs',
    'DescribeClusterDetail',
    regionId,
    async (config) => new Cs(config).describeClusterDetail(clusterId),
    { idempotent: true },
  );
  return {
    cluster: normalise((response.body ?? {}) as SdkCluster),
    requestId: response.headers?.['x-acs-request-id'] ?? null,
  };
}

export type EncryptionChange = { kind: 'enable'; keyId: string } | { kind: 'disable' };

/**
 * Turns Secret encryption on or off. The cloud answers 200 with no body and no task id; the
 * request id comes from the x-acs-request-id header. Never retried after a network error: the
 * change may have been accepted.
 */
export async function updateKmsEncryption(
  session: CloudSession,
  regionId: string,
  clusterId: string,
  change: EncryptionChange,
): Promise<{ requestId: string | null }> {
  await sdk();
  const request =
    change.kind === 'enable'
      ? new $Cs.UpdateKMSEncryptionRequest({ disableEncryption: false, kmsKeyId: change.keyId })
      : new $Cs.UpdateKMSEncryptionRequest({ disableEncryption: true });
  const response = await session.call(
    'cs',
    'UpdateKMSEncryption',
    regionId,
    async (config) => new Cs(config).updateKMSEncryption(clusterId, request),
    { idempotent: false },
  );
  return { requestId: response.headers?.['x-acs-request-id'] ?? null };
}

export interface CsTask {
  taskId: string;
  taskType: string;
  state: string;
  created: string | null;
  updated: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

const TASK_PAGE_SIZE = 50;

/** Every task of a cluster (all pages: the order is not documented, so page 1 may not hold the newest). */
export async function describeClusterTasks(
  session: CloudSession,
  regionId: string,
  clusterId: string,
): Promise<CsTask[]> {
  await sdk();
  const { items } = await pageByNumber(
    { product: 'cs', action: 'DescribeClusterTasks', regionId },
    TASK_PAGE_SIZE,
    async ({ pageNumber, pageSize }) => {
      const body = await session.call(
        'cs',
        'DescribeClusterTasks',
        regionId,
        async (config) =>
          (
            await new Cs(config).describeClusterTasks(
              clusterId,
              new $Cs.DescribeClusterTasksRequest({ pageNumber, pageSize }),
            )
          ).body,
        { idempotent: true },
      );
      return {
        items: body?.tasks ?? [],
        totalCount: body?.pageInfo?.totalCount,
        pageNumber: body?.pageInfo?.pageNumber,
        pageSize: body?.pageInfo?.pageSize,
      };
    },
    { idOf: (t) => t.taskId || null },
  );
  return items.map((t) => ({
    taskId: t.taskId ?? '',
    taskType: t.taskType ?? '',
    state: t.state ?? '',
    created: t.created ?? null,
    updated: t.updated ?? null,
    errorCode: t.error?.code ?? null,
    errorMessage: t.error?.message ?? null,
  }));
}

export interface RbacGrant {
  resourceId: string;
  resourceType: string;
  roleType: string;
  isOwner: boolean;
}

/** A RAM user's or role's cluster RBAC grants (a JSON array on the wire). */
export async function describeUserPermission(
  session: CloudSession,
  regionId: string,
  uid: string,
): Promise<{ grants: RbacGrant[]; requestId: string | null }> {
  await sdk();
  const response = await session.call(
    'cs',
    'DescribeUserPermission',
    regionId,
    async (config) => new Cs(config).describeUserPermission(uid),
    { idempotent: true },
  );
  return {
    grants: (response.body ?? []).map((g) => ({
      resourceId: g.resourceId ?? '',
      resourceType: g.resourceType ?? '',
      roleType: g.roleType ?? '',
      isOwner: g.isOwner === 1,
    })),
    requestId: response.headers?.['x-acs-request-id'] ?? null,
  };
}

export interface EdgeRegions {
  regions: string[];
  /** What the cloud sent that is not a region id (dropped: it would have become a host name). */
  rejected: string[];
}

/** Regions where ACK Edge (ManagedKubernetes, profile Edge) is offered to this account. */
export async function describeEdgeRegions(
  session: CloudSession,
  profile: 'Edge' | 'Default' = 'Edge',
): Promise<EdgeRegions> {
  await sdk();
  const body = await session.call(
    'cs',
    'DescribeRegions',
    'cn-hangzhou',
    async (config) =>
      (
        await new Cs(config).describeRegions(
          new $Cs.DescribeRegionsRequest({ clusterType: 'ManagedKubernetes', profile }),
        )
      ).body,
    { idempotent: true },
  );
  const regions = new Set<string>();
  const rejected: string[] = [];
  for (const r of body?.regions ?? []) {
    const id: unknown = r.regionId;
    if (id === undefined || id === null || id === '') continue;
    if (isRegionId(id)) regions.add(id);
    else rejected.push(String(id));
  }
  return { regions: [...regions], rejected };
}

/**
 * Creates a cluster from the snake_case body shown to the user (POST /clusters). The body is
 * turned into the SDK's model by the SDK's own field map, so exactly those fields are sent.
 * A write: never retried after a network error (the cluster may have been created), see
 * cloud/retry.ts; the caller journals the intent before and follows the cluster after.
 */
export async function createCluster(
  session: CloudSession,
  regionId: string,
  body: Record<string, unknown>,
): Promise<{ clusterId: string; taskId: string | null; requestId: string | null }> {
  await sdk();
  const names = $Cs.CreateClusterRequest.names() as Record<string, string>;
  const fieldOf = new Map(Object.entries(names).map(([camel, snake]) => [snake, camel]));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const camel = fieldOf.get(key);
    if (!camel) throw new Error(`CreateCluster has no field ${key} in this SDK.`);
    fields[camel] =
      key === 'addons' && Array.isArray(value)
        ? value.map((a) => new $Cs.Addon(a as Record<string, unknown>))
        : value;
  }
  const response = await session.call(
    'cs',
    'CreateCluster',
    regionId,
    async (config) => new Cs(config).createCluster(new $Cs.CreateClusterRequest(fields)),
    { idempotent: false },
  );
  const answer = response.body;
  return {
    clusterId: answer?.clusterId ?? '',
    taskId: answer?.taskId || null,
    requestId: answer?.requestId ?? response.headers?.['x-acs-request-id'] ?? null,
  };
}

export interface CsTaskInfo {
  taskId: string;
  clusterId: string | null;
  state: string;
  currentStage: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** One task by id (CreateCluster gives one): its state and current stage. */
export async function describeTaskInfo(
  session: CloudSession,
  regionId: string,
  taskId: string,
): Promise<CsTaskInfo> {
  await sdk();
  const response = await session.call(
    'cs',
    'DescribeTaskInfo',
    regionId,
    async (config) => new Cs(config).describeTaskInfo(taskId),
    { idempotent: true },
  );
  const b = response.body;
  return {
    taskId: b?.taskId ?? taskId,
    clusterId: b?.clusterId || null,
    state: b?.state ?? 'unknown',
    currentStage: b?.currentStage || null,
    errorCode: b?.error?.code || null,
    errorMessage: b?.error?.message || null,
  };
}

export interface KubernetesVersion {
  version: string;
  creatable: boolean;
  releaseDate: string | null;
  expirationDate: string | null;
}

/** The Kubernetes versions offered for new ManagedKubernetes clusters of a profile in a region. */
export async function describeKubernetesVersions(
  session: CloudSession,
  regionId: string,
  profile: 'Edge' | 'Default' = 'Edge',
): Promise<KubernetesVersion[]> {
  await sdk();
  const response = await session.call(
    'cs',
    'DescribeKubernetesVersionMetadata',
    regionId,
    async (config) =>
      new Cs(config).describeKubernetesVersionMetadata(
        new $Cs.DescribeKubernetesVersionMetadataRequest({
          region: regionId,
          clusterType: 'ManagedKubernetes',
          profile,
          mode: 'creatable',
        }),
      ),
    { idempotent: true },
  );
  const list = Array.isArray(response.body) ? response.body : [];
  return list
    .filter((v) => typeof v.version === 'string' && v.version !== '')
    .map((v) => ({
      version: v.version!,
      creatable: v.creatable !== false,
      releaseDate: v.releaseDate || null,
      expirationDate: v.expirationDate || null,
    }));
}
