// DescribeClustersV1 as the CS SDK sends it, read without the SDK's response models. The request
// is the SDK's own (describeClustersV1WithOptions, @alicloud/cs20151215 7.x: the same query, the
// same Params, through the same client's callApi, so endpoint, signing and headers are untouched;
// test/integration/cloud/cs-wire.test.ts compares the two on the wire). Only the answer is read
// differently: the SDK casts every page into a model of ~40 fields per cluster (tags, maintenance
// window, operation policy, each a class of its own), which was the largest single cost of a
// fleet refresh's CPU (bench group 1 profile: ~7% of it, for 260 listings). Here only the fields
// cs.ts uses are read, with the SDK's casting rules for them (string fields take numbers and
// booleans as text; absent and null are absent; any other type is the same error the SDK throws).
import type { $OpenApiUtil } from '@alicloud/openapi-core';
import type * as $dara from '@darabonba/typescript';
import { openApiCore } from './openapi-core';
import { castString, mismatch } from './sdk-cast';

/** A cluster as cs.ts reads it (the SDK model's field names). */
export type SdkCluster = {
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

/** The model's field names and the wire's (DescribeClustersV1ResponseBodyClusters.names()). */
const STRING_FIELDS = {
  clusterId: 'cluster_id',
  name: 'name',
  clusterType: 'cluster_type',
  profile: 'profile',
  clusterSpec: 'cluster_spec',
  regionId: 'region_id',
  state: 'state',
  currentVersion: 'current_version',
  metaData: 'meta_data',
  created: 'created',
  updated: 'updated',
  vpcId: 'vpc_id',
  securityGroupId: 'security_group_id',
  vswitchId: 'vswitch_id',
} as const satisfies Record<Exclude<keyof SdkCluster, 'vswitchIds'>, string>;
/** Built once, not per cluster: a refresh reads ~5,000 clusters. */
const STRING_ENTRIES = Object.entries(STRING_FIELDS) as [keyof typeof STRING_FIELDS, string][];

function asObject(key: string, value: unknown): Record<string, unknown> {
  if (!(value instanceof Object)) throw mismatch(key, 'object', value);
  return value as Record<string, unknown>;
}

/** One entry of `clusters`, as the SDK's model would hold the fields we use. */
export function clusterFromWire(raw: unknown): SdkCluster {
  const wire = asObject('clusters', raw);
  const out: SdkCluster = {};
  for (const [field, name] of STRING_ENTRIES) {
    const value = castString(field, wire[name]);
    if (value !== undefined) out[field] = value;
  }
  const ids = wire.vswitch_ids;
  if (ids !== undefined && ids !== null) {
    // An array of 'string' items: the SDK keeps the array as sent.
    if (!Array.isArray(ids)) throw mismatch('vswitchIds', 'array', ids);
    out.vswitchIds = ids as string[];
  }
  return out;
}

export interface ClustersPage {
  clusters: SdkCluster[];
  /** page_info as sent (numbers, or numeric strings: paging.ts reads either). */
  totalCount?: unknown;
  pageNumber?: unknown;
  pageSize?: unknown;
}

/** The answer's body: `clusters` and `page_info`, the rest ignored. */
export function clustersPageFromWire(body: unknown): ClustersPage {
  if (body === undefined || body === null) return { clusters: [] };
  const wire = asObject('body', body);
  const list = wire.clusters;
  let clusters: SdkCluster[] = [];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) throw mismatch('clusters', 'array', list);
    clusters = list.map(clusterFromWire);
  }
  const info = wire.page_info;
  if (info === undefined || info === null) return { clusters };
  const page = asObject('pageInfo', info);
  return {
    clusters,
    totalCount: page.total_count,
    pageNumber: page.page_number,
    pageSize: page.page_size,
  };
}

export interface DescribeClustersQuery {
  clusterType: string;
  profile: string;
  regionId: string;
  pageNumber: number;
  pageSize: number;
}

/** What callApi needs of a client (the CS SDK's Client extends openapi-core's). */
interface ApiClient {
  callApi(
    params: $OpenApiUtil.Params,
    request: $OpenApiUtil.OpenApiRequest,
    runtime: $dara.RuntimeOptions,
  ): Promise<{ [key: string]: unknown }>;
}

/**
 * Sends DescribeClustersV1 exactly as `client.describeClustersV1(request)` does and answers the
 * raw JSON body (not a model).
 */
export async function describeClustersV1Body(
  client: ApiClient,
  query: DescribeClustersQuery,
): Promise<unknown> {
  const { $OpenApiUtil, $dara } = await openApiCore();
  // The SDK's key order (describeClustersV1WithOptions), only the fields we set.
  const wire: Record<string, string | number> = {
    cluster_type: query.clusterType,
    page_number: query.pageNumber,
    page_size: query.pageSize,
    profile: query.profile,
    region_id: query.regionId,
  };
  const request = new $OpenApiUtil.OpenApiRequest({
    headers: {},
    query: $OpenApiUtil.default.query(wire),
  });
  const params = new $OpenApiUtil.Params({
    action: 'DescribeClustersV1',
    version: '2015-12-15',
    protocol: 'HTTPS',
    pathname: '/api/v1/clusters',
    method: 'GET',
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const response = await client.callApi(params, request, new $dara.RuntimeOptions({}));
  return response.body;
}
