// Container Service (CS, 2015-12-15, ROA) through the official client. Only what the product
// needs: list clusters, read one, change its KMS encryption, its tasks, and a user's RBAC.
import type * as CsModule from '@alicloud/cs20151215';
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
  /** null when meta_data is empty, absent or unreadable. */
  enabled: boolean | null;
  keyId: string | null;
  readable: boolean;
}

/**
 * Reads Capabilities.EncryptionKMSKeyId / Capabilities.DisableEncryption from meta_data (a JSON
 * string). Like Terraform, a missing DisableEncryption with no key means "off"; with a key id
 * and no DisableEncryption flag, the key is in use.
 */
export function parseEncryption(metaData: string | null | undefined): ParsedEncryption {
  if (metaData === null || metaData === undefined || metaData.trim() === '') {
    return { enabled: null, keyId: null, readable: false };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(metaData);
  } catch {
    return { enabled: null, keyId: null, readable: false };
  }
  if (typeof parsed !== 'object' || parsed === null)
    return { enabled: null, keyId: null, readable: false };
  const capabilities = (parsed as { Capabilities?: unknown }).Capabilities;
  if (typeof capabilities !== 'object' || capabilities === null) {
    return { enabled: false, keyId: null, readable: true };
  }
  const caps = capabilities as Record<string, unknown>;
  const rawKey = caps.EncryptionKMSKeyId;
  const keyId = typeof rawKey === 'string' && rawKey.trim() !== '' ? rawKey.trim() : null;
  const rawDisable = caps.DisableEncryption;
  const disabled = rawDisable === true || rawDisable === 'true';
  return { enabled: keyId !== null && !disabled, keyId, readable: true };
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
  const clusters: CsCluster[] = [];
  for (let page = 1; ; page += 1) {
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
              pageNumber: page,
              pageSize: PAGE_SIZE,
            }),
          )
        ).body,
      { idempotent: true },
    );
    const items = (body?.clusters ?? []).map(normalise);
    // The list may be account-wide (addendum A9): keep only this region.
    clusters.push(...items.filter((c) => c.regionId === query.regionId || c.regionId === ''));
    const total = body?.pageInfo?.totalCount ?? 0;
    if (items.length === 0 || page * PAGE_SIZE >= total) break;
  }
  return clusters;
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

export async function describeClusterTasks(
  session: CloudSession,
  regionId: string,
  clusterId: string,
): Promise<CsTask[]> {
  await sdk();
  const body = await session.call(
    'cs',
    'DescribeClusterTasks',
    regionId,
    async (config) =>
      (
        await new Cs(config).describeClusterTasks(
          clusterId,
          new $Cs.DescribeClusterTasksRequest({ pageNumber: 1, pageSize: 20 }),
        )
      ).body,
    { idempotent: true },
  );
  return (body?.tasks ?? []).map((t) => ({
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

/** Regions where ACK Edge (ManagedKubernetes, profile Edge) is offered to this account. */
export async function describeEdgeRegions(
  session: CloudSession,
  profile: 'Edge' | 'Default' = 'Edge',
): Promise<string[]> {
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
  return (body?.regions ?? []).map((r) => r.regionId ?? '').filter((r) => r !== '');
}
