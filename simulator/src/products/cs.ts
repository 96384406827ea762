// Container Service (CS) 2015-12-15, ROA: snake_case JSON, lower-case error bodies. Cluster
// reads, the KMS change, tasks, RBAC grants and regions; creating a cluster is in cs-create.ts.
import {
  canChangeEncryption,
  clusterRoles,
  rbacEntriesFor,
  rbacPrincipal,
} from '../auth/authorize';
import { userIdentityOf } from '../auth/caller';
import { isoCs, isoUtc } from '../clock';
import { ApiError } from '../http/errors';
import {
  SERVICE_ROLE_ERROR,
  invalid,
  keyIdOnly,
  keyProblem,
  startKmsChange,
} from '../world/encryption';
import type { ClusterRt, TaskRt } from '../world/runtime';
import type { Ctx, Product } from './types';
import { createCluster, describeKubernetesVersionMetadata } from './cs-create';
import { intParam, page } from './util';

const notFound = (id: string) =>
  new ApiError(404, 'ErrorClusterNotFound', `cluster ${id} not found`);

function clusterOf(ctx: Ctx, id: string): ClusterRt {
  const c = ctx.world.clusters.get(id);
  if (!c || c.accountId !== ctx.caller.accountId || c.state === 'deleted') throw notFound(id);
  return c;
}

function metaData(c: ClusterRt, inList = false): string {
  if (inList && c.listOmitsCapabilities) {
    return JSON.stringify({ KubernetesVersion: c.version, ExtraCertSAN: null });
  }
  // Capabilities beside the encryption ones are illustrative noise, so clients must not assume
  // the map holds only what they look for.
  const caps: Record<string, unknown> = {
    AnyAZ: true,
    CpuPolicy: true,
    Network: 'flannel',
    NodeCIDRMask: '26',
  };
  if (c.encryption) {
    caps.EncryptionKMSKeyId = c.encryption.keyId;
    caps.DisableEncryption = c.encryption.disabled;
  }
  return JSON.stringify({
    Capabilities: caps,
    KubernetesVersion: c.version,
    EdgeVersion: c.profile === 'Edge' ? c.version : undefined,
    ExtraCertSAN: null,
  });
}

function clusterJson(c: ClusterRt, inList = false): Record<string, unknown> {
  const suffix = c.id.slice(1, 9);
  return {
    cluster_id: c.id,
    name: c.name,
    cluster_type: c.clusterType,
    profile: c.profile,
    cluster_spec: c.clusterSpec,
    region_id: c.regionId,
    zone_id: `${c.regionId}-a`,
    state: c.state,
    current_version: c.version,
    init_version: c.version,
    next_version: '',
    meta_data: metaData(c, inList),
    created: isoCs(c.created),
    updated: isoCs(c.updated),
    vpc_id: c.vpcId,
    vswitch_ids: c.vswitchIds,
    vswitch_id: c.vswitchIds[0] ?? '',
    security_group_id: c.securityGroupId,
    resource_group_id: `rg-acfm${suffix}`,
    tags: c.tags,
    deletion_protection: c.deletionProtection,
    maintenance_window: { enable: false },
    operation_policy: {},
    master_url: JSON.stringify({ intranet_api_server_endpoint: `https://192.168.0.10:6443` }),
    size: c.size,
    proxy_mode: 'ipvs',
    ip_stack: 'ipv4',
    timezone: 'Asia/Shanghai',
    service_cidr: '172.19.0.0/20',
    container_cidr: '172.20.0.0/16',
    cluster_domain: 'cluster.local',
    node_cidr_mask: '26',
    worker_ram_role_name: `KubernetesWorkerRole-${suffix}`,
    parameters: {},
  };
}

function taskSummary(t: TaskRt): Record<string, unknown> {
  const o: Record<string, unknown> = {
    task_id: t.id,
    task_type: t.type,
    state: t.state,
    created: isoCs(t.created),
    updated: isoCs(t.updated),
  };
  if (t.error) o.error = t.error;
  return o;
}

function describeClustersV1(ctx: Ctx) {
  const p = ctx.params;
  const pageNumber = intParam(ctx, 'page_number', 1, 1, 100_000);
  const pageSize = ctx.pageCaps.apply(
    'cs/DescribeClustersV1',
    intParam(ctx, 'page_size', 10, 1, 100), // GUESS: max 100
  );
  // region_id narrows via the account+region index instead of scanning the account.
  const source = ctx.world.clustersIn(ctx.caller.accountId, p.region_id || undefined);
  const all = source.filter(
    (c) =>
      c.state !== 'deleted' &&
      (!p.cluster_type || c.clusterType === p.cluster_type) &&
      (!p.profile || c.profile === p.profile) &&
      (!p.cluster_spec || c.clusterSpec === p.cluster_spec) &&
      (!p.cluster_id || c.id === p.cluster_id) &&
      (!p.name || c.name.includes(p.name)), // GUESS: name is a substring match
  );
  return {
    json: {
      clusters: page(all, pageNumber, pageSize).map((c) => clusterJson(c, true)),
      page_info: { page_number: pageNumber, page_size: pageSize, total_count: all.length },
    },
  };
}

function updateKMSEncryption(ctx: Ctx) {
  const c = clusterOf(ctx, ctx.path.ClusterId!);
  if (!canChangeEncryption(ctx.world, ctx.caller, c.id)) {
    throw new ApiError(
      403,
      'ForbiddenUpdateKMSState', // status GUESS (code documented)
      'You are not authorized to update the KMS encryption state of this cluster: RBAC administrator or O&M (ops) permission is required.',
    );
  }
  const disable = ctx.body.disable_encryption;
  const keyId = ctx.body.kms_key_id;
  if (disable !== undefined && typeof disable !== 'boolean')
    throw invalid('disable_encryption must be a boolean.');
  if (keyId !== undefined && typeof keyId !== 'string')
    throw invalid('kms_key_id must be a string.');
  if (!c.clusterSpec.startsWith('ack.pro.')) {
    throw invalid(
      `Secret encryption with KMS is only supported by ACK Pro clusters; cluster ${c.id} is ${c.clusterSpec}.`,
    );
  }
  if (c.state === 'updating' || c.changeInFlight)
    throw new ApiError(
      409,
      'ErrorClusterState',
      `cluster ${c.id} is ${c.state}: another change is in progress`,
    );
  if (c.state !== 'running')
    throw new ApiError(
      400,
      'ErrorClusterState',
      `cluster ${c.id} is ${c.state}; the operation needs state running`,
    );
  const cooldownEnd = (c.lastKmsChangeEnd ?? -Infinity) + ctx.world.timing.cooldownSeconds * 1000;
  if (ctx.now < cooldownEnd) {
    throw new ApiError(
      409,
      'ErrorClusterState', // code GUESS; 409 documented
      `The KMS encryption of cluster ${c.id} was changed less than 5 minutes ago; retry after ${isoUtc(cooldownEnd)}.`,
    );
  }
  if (!ctx.world.serviceRoleAuthorised(c.accountId)) throw SERVICE_ROLE_ERROR();
  const enabled = !!c.encryption && !c.encryption.disabled;
  let target: string | undefined;
  if (disable === true) {
    if (!enabled) throw invalid(`Secret encryption is not enabled on cluster ${c.id}.`); // GUESS: no-op refused
  } else {
    if (!keyId) throw invalid('kms_key_id is required to enable Secret encryption.');
    const problem = keyProblem(ctx.world, c.accountId, c.regionId, keyId);
    if (problem) throw invalid(problem);
    if (enabled && c.encryption!.keyId === keyId)
      throw invalid(`Secret encryption is already enabled with key ${keyId}.`); // GUESS
    target = keyIdOnly(ctx.world, c.accountId, keyId)!.id;
  }
  startKmsChange(ctx.world, ctx.faults, c, target, ctx.now);
  ctx.world.events.record(c.accountId, c.regionId, {
    ms: ctx.now,
    regionId: c.regionId,
    serviceName: 'CS',
    eventName: 'UpdateKMSEncryption',
    eventRW: 'Write',
    apiVersion: '2015-12-15',
    requestId: ctx.requestId,
    userIdentity: userIdentityOf(ctx.caller, isoUtc(ctx.now)),
    resourceName: c.id,
    resourceType: 'ACS::CS::Cluster',
    requestParameters: {
      ClusterId: c.id,
      ...(target ? { kms_key_id: target } : {}),
      disable_encryption: disable === true,
    },
  });
  return { empty: true as const };
}

/**
 * A RAM user's or role's grants. Doc (DescribeUserPermission, Precautions): a RAM user or role
 * calling it sees only the grants on clusters where the caller itself is RBAC administrator —
 * its own grants included, so an O&M (ops) engineer asking about itself sees nothing for the
 * clusters it operates. The root account sees every grant.
 */
function describeUserPermission(ctx: Ctx) {
  const uid = ctx.path.uid!;
  const acct = ctx.world.account(ctx.caller.accountId);
  const entry = (
    r: { resourceId: string; resourceType: string; roleType: string; roleName: string },
    isOwner: number,
    isRamRole: number,
  ) => ({
    resource_id: r.resourceId,
    resource_type: r.resourceType,
    role_type: r.roleType,
    role_name: r.roleName,
    is_owner: isOwner,
    is_ram_role: isRamRole,
  });
  let list: ReturnType<typeof entry>[];
  if (uid === acct.id) {
    // GUESS: the account owner is shown as owner/admin of every cluster.
    list = acct.clusters.map((c) =>
      entry({ resourceId: c.id, resourceType: 'cluster', roleType: 'admin', roleName: '' }, 1, 0),
    );
  } else {
    const user = [...acct.users.values()].find((u) => u.id === uid);
    const role = user ? undefined : [...acct.roles.values()].find((r) => r.id === uid);
    if (!user && !role) return { json: [] }; // GUESS: unknown uid gives an empty list
    const principal = user ? `user:${user.name}` : `role:${role!.name}`;
    list = rbacEntriesFor(ctx.world, acct.id, principal).map((r) => entry(r, 0, role ? 1 : 0));
  }
  if (ctx.caller.kind !== 'root') list = list.filter((e) => adminSees(ctx, e.resource_id));
  return { json: list };
}

/** Whether a RAM caller is RBAC admin where a grant applies (GUESS: all-clusters needs all-clusters admin). */
function adminSees(ctx: Ctx, resourceId: string): boolean {
  if (resourceId === 'all-clusters') {
    const p = rbacPrincipal(ctx.caller);
    return (
      !!p &&
      rbacEntriesFor(ctx.world, ctx.caller.accountId, p).some(
        (r) => r.resourceId === 'all-clusters' && r.roleType === 'admin',
      )
    );
  }
  return clusterRoles(ctx.world, ctx.caller, resourceId.split('/')[0]!).includes('admin');
}

function describeClusterTasks(ctx: Ctx) {
  const c = clusterOf(ctx, ctx.path.cluster_id!);
  const pageNumber = intParam(ctx, 'page_number', 1, 1, 100_000);
  const pageSize = ctx.pageCaps.apply(
    'cs/DescribeClusterTasks',
    intParam(ctx, 'page_size', 10, 1, 100),
  );
  const tasks = c.taskIds.map((id) => ctx.world.tasks.get(id)!).reverse(); // newest first (GUESS)
  return {
    json: {
      tasks: page(tasks, pageNumber, pageSize).map(taskSummary),
      page_info: { page_number: pageNumber, page_size: pageSize, total_count: tasks.length },
      requestId: ctx.requestId,
    },
  };
}

function describeTaskInfo(ctx: Ctx) {
  const t = ctx.world.tasks.get(ctx.path.task_id!);
  if (!t || t.accountId !== ctx.caller.accountId)
    throw new ApiError(404, 'ErrorTaskNotFound', `task ${ctx.path.task_id} not found`); // GUESS code
  const done = t.state !== 'running';
  return {
    json: {
      task_id: t.id,
      cluster_id: t.clusterId,
      task_type: t.type,
      state: t.state,
      created: isoCs(t.created),
      updated: isoCs(t.updated),
      current_stage: t.stage,
      stages: [
        {
          state: t.state,
          message: t.error?.message ?? t.stage,
          start_time: isoCs(t.created),
          end_time: done ? isoCs(t.updated) : '',
          outputs: {},
        },
      ],
      events: [],
      target: { id: t.clusterId, type: 'cluster' },
      parameters: t.parameters,
      task_result: done ? [{ data: t.clusterId, status: t.state }] : [],
      ...(t.error ? { error: t.error } : {}),
    },
  };
}

function describeRegions(ctx: Ctx) {
  const profile = ctx.params.profile;
  const regions = [...ctx.world.regions.values()].filter((r) => profile !== 'Edge' || r.edge);
  return {
    json: {
      requestId: ctx.requestId,
      regions: regions.map((r) => ({ regionId: r.regionId, localName: r.localName })),
    },
  };
}

export const cs: Product = {
  id: 'cs',
  style: 'roa',
  version: '2015-12-15',
  host: 'cs',
  regional: false,
  routes: [
    { method: 'GET', path: '/api/v1/clusters', action: 'DescribeClustersV1' },
    { method: 'GET', path: '/clusters/:ClusterId', action: 'DescribeClusterDetail' },
    { method: 'PUT', path: '/clusters/:ClusterId/kms', action: 'UpdateKMSEncryption' },
    { method: 'GET', path: '/clusters/:cluster_id/tasks', action: 'DescribeClusterTasks' },
    { method: 'GET', path: '/tasks/:task_id', action: 'DescribeTaskInfo' },
    { method: 'GET', path: '/permissions/users/:uid', action: 'DescribeUserPermission' },
    { method: 'POST', path: '/clusters', action: 'CreateCluster' },
    { method: 'GET', path: '/regions', action: 'DescribeRegions' },
    {
      method: 'GET',
      path: '/api/v1/metadata/versions',
      action: 'DescribeKubernetesVersionMetadata',
    },
  ],
  actions: {
    DescribeClustersV1: { ram: 'cs:DescribeClustersV1', handler: describeClustersV1 },
    DescribeClusterDetail: {
      ram: 'cs:DescribeClusterDetail',
      handler: (ctx) => ({ json: clusterJson(clusterOf(ctx, ctx.path.ClusterId!)) }),
    },
    UpdateKMSEncryption: { ram: 'cs:UpdateKMSEncryption', handler: updateKMSEncryption },
    DescribeClusterTasks: { ram: 'cs:DescribeClusterTasks', handler: describeClusterTasks },
    DescribeTaskInfo: { ram: 'cs:DescribeTaskInfo', handler: describeTaskInfo },
    // The doc's RAM action for this API is cs:GetUserPermissions (not the API's name).
    DescribeUserPermission: { ram: 'cs:GetUserPermissions', handler: describeUserPermission },
    CreateCluster: { ram: 'cs:CreateCluster', handler: createCluster },
    DescribeRegions: { ram: 'cs:DescribeRegions', handler: describeRegions },
    DescribeKubernetesVersionMetadata: {
      ram: 'cs:DescribeKubernetesVersionMetadata',
      handler: describeKubernetesVersionMetadata,
    },
  },
};
