// Container Service (CS, 2015-12-15, ROA) through the official client: the cluster reads (list,
// one cluster, its encryption in meta_data), a user's RBAC and the Edge regions. The KMS change
// and task calls are in cs-encryption.ts, the create-cluster calls in cs-create.ts.
import { isRegionId } from '../../contract';
import { csSdk } from './cs-sdk';
import { clustersPageFromWire, describeClustersV1Body } from './cs-wire';
import type { SdkCluster } from './cs-wire';
import { pageByNumber } from './paging';
import type { CloudSession } from './session';

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
  const { Cs } = await csSdk();
  const { items } = await pageByNumber(
    { product: 'cs', action: 'DescribeClustersV1', regionId: query.regionId },
    PAGE_SIZE,
    async ({ pageNumber, pageSize }) => {
      // The SDK's request, read without its response models (cs-wire.ts says why); read inside
      // the call, so an answer of the wrong shape fails as the SDK's cast would have.
      const page = await session.call(
        'cs',
        'DescribeClustersV1',
        query.regionId,
        async (config) =>
          clustersPageFromWire(
            await describeClustersV1Body(new Cs(config), {
              clusterType: 'ManagedKubernetes',
              profile: query.profile,
              regionId: query.regionId,
              pageNumber,
              pageSize,
            }),
          ),
        { idempotent: true },
      );
      const { clusters, ...counts } = page;
      return { ...counts, items: clusters.map(normalise) };
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
  const { Cs } = await csSdk();
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
  const { Cs } = await csSdk();
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
  const { $Cs, Cs } = await csSdk();
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
